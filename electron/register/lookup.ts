// Lookups and checks shared by the query modules: numbers to rows, dates against today.
import { RegisterError } from '../../shared/errors';
import { LIMITS } from '../../shared/schemas';
import type { IsoDate } from '../../shared/dates';
import type { PhaseState, Phase } from '../../shared/phase';
import { today, type Clock } from './clock';
import type { Register } from './db';

export function dossierId(reg: Register, number: number, field = 'number'): number {
  const row = reg.db.prepare('SELECT id FROM dossier WHERE number = ?').get(number) as { id: number } | undefined;
  if (!row) throw new RegisterError('not_found', `There is no dossier ${number}.`, field);
  return row.id;
}

export function actiepuntId(reg: Register, number: number, field = 'number'): number {
  const row = reg.db.prepare('SELECT id FROM actiepunt WHERE number = ?').get(number) as { id: number } | undefined;
  if (!row) throw new RegisterError('not_found', `There is no actiepunt ${number}.`, field);
  return row.id;
}

/** The date a change takes effect: today unless given, never in the future. */
export function effectiveDate(clock: Clock, date: IsoDate | undefined, field = 'date'): IsoDate {
  const now = today(clock);
  if (date === undefined) return now;
  if (date > now) throw new RegisterError('invalid_input', `${field}: ${date} is in the future; a change is recorded on or before today (${now}).`, field);
  return date;
}

export interface PhaseColumns {
  phase: string | null;
  qualifier: string | null;
  parked: number;
}

export function toPhaseState(row: PhaseColumns): PhaseState {
  return { phase: row.phase as Phase | null, qualifier: row.qualifier, parked: row.parked === 1 };
}

export const toBool = (n: number | null | undefined): boolean => n === 1;

/** The highest number given: out automatically (number_mark) or held by an item now. */
export function highestNumber(reg: Register, table: 'dossier' | 'actiepunt'): number {
  return reg.db
    .prepare(`SELECT max((SELECT high FROM number_mark WHERE kind = ?), (SELECT coalesce(max(number), 0) FROM ${table}))`)
    .pluck()
    .get(table) as number;
}

/**
 * The number after both the highest ever given out automatically (migration 0006: an undone
 * item's number is not given again) and the highest an item now has (a number chosen by hand
 * moves the sequence on while the item exists; undone at once, as a typo would be, it does not).
 * The mark is raised in the call's transaction and an undo does not lower it. Numbers run from 1
 * to LIMITS.number; past that a new item needs a free number chosen by hand, and the call says so
 * instead of giving a number no other call accepts.
 */
function nextNumber(reg: Register, table: 'dossier' | 'actiepunt'): number {
  const high = highestNumber(reg, table);
  if (high >= LIMITS.number) {
    throw new RegisterError(
      'conflict',
      `number: ${table} numbers run up to ${LIMITS.number} and ${high} has been given; choose a free number for the new ${table} yourself.`,
      'number',
    );
  }
  reg.db.prepare('UPDATE number_mark SET high = ? WHERE kind = ?').run(high + 1, table);
  return high + 1;
}

/** Numbers are never reused, not even an archived or an undone item's. */
export function claimNumber(reg: Register, table: 'dossier' | 'actiepunt', wanted: number | undefined): number {
  if (wanted === undefined) return nextNumber(reg, table);
  if (reg.db.prepare(`SELECT 1 FROM ${table} WHERE number = ?`).get(wanted)) {
    throw new RegisterError('conflict', `number: ${table} ${wanted} already exists (numbers stay unique, archived ones included).`, 'number');
  }
  return wanted;
}

/** (id, value) rows in order, read raw (as arrays), as one list per id: one query serves a whole list view. */
export function groupValues(rows: ReadonlyArray<readonly [number, string]>): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const [id, value] of rows) {
    const list = map.get(id);
    if (list) list.push(value);
    else map.set(id, [value]);
  }
  return map;
}

/**
 * The next number of a per-year series: TB-<year>-<nn> for meetings, B-<year>-<nn> for besluiten.
 * Like an item number it is never given twice: the mark (number_mark 'meeting:2024') is raised in
 * the call's transaction and an undo does not lower it.
 */
export function claimSeriesNumber(reg: Register, series: 'meeting' | 'besluit', year: number): number {
  const kind = `${series}:${year}`;
  const held =
    series === 'meeting'
      ? (reg.db.prepare('SELECT coalesce(max(seq), 0) FROM meeting WHERE year = ?').pluck().get(year) as number)
      : (reg.db
          .prepare(`SELECT coalesce(max(CAST(substr(decision_number, 8) AS INTEGER)), 0) FROM outcome WHERE decision_number LIKE ?`)
          .pluck()
          .get(`B-${year}-%`) as number);
  const mark = (reg.db.prepare('SELECT high FROM number_mark WHERE kind = ?').pluck().get(kind) as number | undefined) ?? 0;
  const next = Math.max(held, mark) + 1;
  if (next > 999) throw new RegisterError('conflict', `${series === 'meeting' ? 'TB' : 'B'}-${year} numbers run up to 999 and all have been given.`);
  reg.db.prepare('INSERT INTO number_mark (kind, high) VALUES (?, ?) ON CONFLICT (kind) DO UPDATE SET high = excluded.high').run(kind, next);
  return next;
}

/**
 * Every number the register has given, by mark: dossier and actiepunt, and the per-year series of
 * meetings (meeting:2024) and besluiten (besluit:2024); each the higher of its mark and the highest
 * number held now. A restore carries these over, so nothing given since the backup is given again.
 */
export function numberMarks(reg: Register): Record<string, number> {
  const marks: Record<string, number> = { dossier: highestNumber(reg, 'dossier'), actiepunt: highestNumber(reg, 'actiepunt') };
  const raise = (kind: string, high: number) => (marks[kind] = Math.max(marks[kind] ?? 0, high));
  for (const row of reg.db.prepare('SELECT kind, high FROM number_mark').all() as Array<{ kind: string; high: number }>) raise(row.kind, row.high);
  const hasMeetings = reg.db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'meeting'`).get() !== undefined;
  if (hasMeetings) {
    for (const r of reg.db.prepare('SELECT year, max(seq) AS high FROM meeting GROUP BY year').all() as Array<{ year: number; high: number }>) raise(`meeting:${r.year}`, r.high);
    const besluiten = reg.db
      .prepare(`SELECT substr(decision_number, 3, 4) AS year, max(CAST(substr(decision_number, 8) AS INTEGER)) AS high FROM outcome WHERE decision_number IS NOT NULL GROUP BY year`)
      .all() as Array<{ year: string; high: number }>;
    for (const r of besluiten) raise(`besluit:${r.year}`, r.high);
  }
  return marks;
}
