// The register's records as they cross the contract.
import type { IsoDate } from './dates';
import type { PhaseState } from './phase';

export const ACTIEPUNT_STATUSES = ['open', 'in_uitvoering', 'afgerond', 'vervallen'] as const;
export type ActiepuntStatus = (typeof ACTIEPUNT_STATUSES)[number];

/** The annexes' own texts, kept per jaarplan. Paragraphs are separated by a blank line. */
export interface AnnexTexts {
  bijlage1Intro: string;
  bijlage1OrderNote: string;
  bijlage1Footnote: string;
  bijlage2Intro: string;
}

export const ANNEX_TEXT_KEYS = ['bijlage1Intro', 'bijlage1OrderNote', 'bijlage1Footnote', 'bijlage2Intro'] as const;

export interface Jaarplan {
  year: number;
  title: string;
  board: string;
  referenceDate: IsoDate;
  /** Home of the Intake team's space, the footnote link of Bijlage 1. */
  dossierSpaceUrl: string | null;
  texts: AnnexTexts;
}

export interface Ambition {
  id: number;
  code: string;
  name: string;
  /** true for the year's main focus (Betrouwbaarheid, Voorbereid zijn). */
  focus: boolean;
  description: string;
  position: number;
}

export interface Hoofddossier {
  id: number;
  title: string;
  intro: string;
  link: string | null;
}

export interface PriorityState {
  priority: boolean;
  rank: number | null;
}

export interface DossierSummary {
  number: number;
  title: string;
  phase: PhaseState | null;
  phaseOnReference: PhaseState | null;
  priority: boolean;
  priorityRank: number | null;
  hoofddossierId: number | null;
  owner: string | null;
  ambitions: string[];
  archived: boolean;
}

export interface Dossier extends DossierSummary {
  description: string;
  note: string | null;
  /** Free text for the C&R rapportage: what is planned, and when. */
  planning: string | null;
  link: string | null;
  actiepunten: number[];
  createdAt: string;
  updatedAt: string;
}

export type Deadline = { kind: 'date'; date: IsoDate } | { kind: 'text'; text: string };

export interface Actiepunt {
  number: number;
  text: string;
  subPoints: string[];
  owners: string[];
  deadline: Deadline | null;
  remarks: string | null;
  status: ActiepuntStatus;
  /** The date its current status took effect (the day it was afgerond, for one that is). */
  statusDate: IsoDate;
  /** The date of its first status: when it came into the register's story. */
  since: IsoDate;
  dossier: number | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export type HistoryEntry =
  | { kind: 'phase'; id: number; date: IsoDate; recordedAt: string; state: PhaseState; note: string | null }
  | { kind: 'priority'; id: number; date: IsoDate; recordedAt: string; state: PriorityState; note: string | null }
  | { kind: 'status'; id: number; date: IsoDate; recordedAt: string; status: ActiepuntStatus; note: string | null };

export interface RegisterInfo {
  path: string;
  /** The register's today (its clock), for date fields' defaults: shells and tests agree on it. */
  today: IsoDate;
  /** Why the register had to be opened read-only (damaged, read-only folder), or null. */
  damaged: string | null;
  schemaVersion: number;
  readOnly: boolean;
  jaarplan: Jaarplan | null;
  counts: { dossiers: number; actiepunten: number; meetings: number };
}

/** The edit that Ctrl+Z would undo and the one Ctrl+Shift+Z would redo: the call and its item. */
export interface UndoState {
  undo: { call: string; item: number | null; at: string } | null;
  redo: { call: string; item: number | null; at: string } | null;
}

/** A backup of the register, by file name; takenAt is local time, YYYY-MM-DDTHH:MM:SS. */
export interface BackupInfo {
  name: string;
  takenAt: string;
  bytes: number;
}

/** One change in the audit trail: when, by which call, what it did to which row, field by field. */
/** Who works on this computer: stamped on every change they make. */
export const PROFILE_ROLES = ['secretaris', 'voorzitter', 'lid'] as const;
export type ProfileRole = (typeof PROFILE_ROLES)[number];

export interface Profile {
  name: string;
  role: ProfileRole;
}

export interface ProfileState {
  /** null until the user has said who they are (asked once, at the first start). */
  profile: Profile | null;
  /** The computer's user name, offered as the default. */
  suggestedName: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  /** Who made the change (the profile at the time), null for changes made before profiles existed. */
  author: Profile | null;
  call: string;
  item: number | null;
  table: string;
  action: 'insert' | 'update' | 'delete';
  changes: Array<{ field: string; before: unknown; after: unknown }>;
}
