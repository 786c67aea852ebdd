// The whole register as one consistent, plain-data picture: what every report is computed from.
// Read in one transaction (electron/register/snapshot.ts), so a report never mixes two moments.
import type { ActiepuntStatus, Ambition, Deadline, Hoofddossier, Jaarplan, PriorityState } from '../domain';
import type { IsoDate } from '../dates';
import type { PhaseState } from '../phase';
import type { MeetingKind } from '../meeting';

/** One dated row of a history; rows are kept oldest first, same-date rows in recording order. */
export interface Dated<T> {
  date: IsoDate;
  value: T;
  note: string | null;
}

export interface SnapshotDossier {
  number: number;
  title: string;
  description: string;
  note: string | null;
  planning: string | null;
  link: string | null;
  owner: string | null;
  hoofddossierId: number | null;
  /** Ambition codes, in the jaarplan's order. */
  ambitions: string[];
  phases: Dated<PhaseState>[];
  priorities: Dated<PriorityState>[];
}

export interface SnapshotActiepunt {
  number: number;
  text: string;
  subPoints: string[];
  owners: string[];
  deadline: Deadline | null;
  remarks: string | null;
  dossier: number | null;
  statuses: Dated<ActiepuntStatus>[];
}

export interface RegisterSnapshot {
  jaarplan: Jaarplan;
  ambitions: Ambition[];
  hoofddossiers: Hoofddossier[];
  /** Archived dossiers and actiepunten are left out: they are no longer part of the register's story. */
  dossiers: SnapshotDossier[];
  actiepunten: SnapshotActiepunt[];
  /** The TB's meetings, cancelled ones left out, by date. */
  meetings: Array<{ number: string; date: IsoDate; kind: MeetingKind; title: string | null }>;
}

/**
 * The value of a dated history on a date: its newest row on or before that date, or null when the
 * history starts later. The same rule as the register's SQL (electron/register/dated-rows.ts).
 */
export function valueOn<T>(rows: readonly Dated<T>[], date: IsoDate): T | null {
  for (let i = rows.length - 1; i >= 0; i--) {
    if (rows[i]!.date <= date) return rows[i]!.value;
  }
  return null;
}

/** The date an item entered the register's story: its first dated row. */
export function firstDate<T>(rows: readonly Dated<T>[]): IsoDate | null {
  return rows[0]?.date ?? null;
}
