// The exchange between laptops (issue 17): what a .tbsync file holds, what a preview says and what
// a person decides. Pure data; the file's signing, encryption and merging live in electron/exchange.
import type { Hlc } from './hlc';
import type { Profile } from './domain';

/** One row's change, rows and references named by uid: inserted (all values), updated (old and new of what changed) or deleted (the values it had). */
export type Effect =
  | { t: string; u: string; a: 'i'; v: Record<string, string | number | null> }
  | { t: string; u: string; a: 'u'; v: Record<string, string | number | null>; o: Record<string, string | number | null> }
  | { t: string; u: string; a: 'd'; v: Record<string, string | number | null> };

/** One contract call's changes, as it travels: by whom, on which device, in which place of that device's sequence. */
export interface SyncChange {
  device: string;
  seq: number;
  hlc: Hlc;
  at: string;
  call: string;
  author: Profile | null;
  effects: Effect[];
}

/** Per device, the highest sequence number seen (every lower one is seen too). */
export type SeenVector = Record<string, number>;

/**
 * A disagreement for a person: the same field set to two values, a row deleted on one side and
 * edited on the other, a change this copy could not take, or (invariant) a rule of the register
 * the merged changes break together though each kept it alone: one rank given to two dossiers, one
 * agenda number twice in a meeting.
 */
export interface SyncConflict {
  id: string;
  kind: 'field' | 'deleted' | 'refused' | 'invariant';
  table: string;
  uid: string;
  field: string | null;
  /** The versions, oldest clock first: who, when, on which device, the value. */
  versions: Array<{ hlc: Hlc; device: string; author: Profile | null; at: string; value: unknown }>;
  /** Why a change was refused (kind 'refused'), in the register's words; for 'invariant' the rule
   *  and what breaks it: "rank:1:2,5" (rank 1, dossiers 2 and 5), "agenda:TB-2026-03:5". */
  reason?: string;
  hlc: Hlc;
  decided: { hlc: Hlc; by: Profile | null; choice: 'mine' | 'theirs' | 'edited' | 'later'; device: string } | null;
}

export interface BundleBody {
  format: 'tbsync';
  version: 1;
  register: string;
  numbering: string | null;
  schema: number;
  from: { device: string; publicKey: string; name: string | null; role: string | null };
  /** The sender's wall clock when the file was made (a file from the future is shown with a warning). */
  createdAt: string;
  hlc: Hlc;
  seen: SeenVector;
  changes: SyncChange[];
  conflicts: SyncConflict[];
  /** The whole register (its SQLite file, base64), when sent for Mijn register vervangen door dat van … */
  snapshot?: string;
}

/** What receiving a file would do, said before it is done. */
export interface ExchangePreview {
  from: { device: string; name: string | null; role: string | null; fingerprint: string };
  paired: boolean;
  createdAt: string;
  /** Set when the file is dated more than a day after this computer's clock: applying needs a confirmation. */
  futureWarning: string | null;
  changes: number;
  alreadySeen: number;
  byAuthor: Array<{ name: string | null; role: string | null; changes: number }>;
  conflicts: number;
  /** The file holds the sender's whole register: this one can be replaced by it. */
  whole: boolean;
  /** The file is of another register (only a whole one can be taken, by replacing this one). */
  otherRegister: boolean;
  summary: string;
}

export interface ExchangeResult {
  applied: number;
  conflicts: number;
  numbered: number;
  backup: string | null;
  summary: string;
}

/** Numbers given on a laptop that does not number, until the secretary's register gives its own: by item, who gave them. */
export interface ProvisionalNumbers {
  dossiers: Array<{ number: number; by: string | null }>;
  actiepunten: Array<{ number: number; by: string | null }>;
}

export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export interface ExchangePeer {
  device: string;
  name: string | null;
  role: string | null;
  fingerprint: string | null;
  paired: boolean;
  receivedAt: string | null;
  sentAt: string | null;
  /** Changes in this register that device has not said it has. */
  unsent: number;
}

export interface ExchangeStatus {
  device: string;
  fingerprint: string;
  /** Whether this register gives the numbers people cite (the secretary's). */
  numbering: boolean;
  peers: ExchangePeer[];
  openConflicts: number;
  /** The last file received, and whether Uitwisseling ongedaan maken can still take it back (else why not). */
  lastReceipt: { at: string; from: string; name: string | null; role: string | null; changes: number; undoable: boolean; why: string | null } | null;
}

/** A conflict as the Te beoordelen list shows it: what it is about, in words, beside the versions. */
export interface ConflictView extends SyncConflict {
  /** "Dossier 12", "Actiepunt 31", "TB-2026-03, punt 4", or the table's name. */
  subject: string;
  /** The meeting it concerns, when it concerns one. */
  meeting: string | null;
  /** The clock of this device's version, when it made one ("Mijn versie"). */
  mine: string | null;
  /** Where the item is, to open it for Bewerken. */
  target: { dossier?: number; actiepunt?: number; meeting?: string } | null;
}
