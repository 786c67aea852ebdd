// The numbers people cite (dossier 12, actiepunt 31, TB-2026-03, B-2026-07) are given by one
// register: the secretary's (the numbering device, log.ts). A number given on another laptop is
// provisional ("nieuw, voorzitter"): when the item reaches the numbering register, that register
// gives it its next number, and that change travels back. Until then a provisional number that
// collides here with another item's steps aside to a free one; that move is this copy's own
// business and never travels.
import { decisionNumber, meetingNumber } from '../../shared/meeting';
import type { Register } from '../register/db';
import { claimNumber, claimSeriesNumber } from '../register/lookup';
import type { SyncedTable, Value, Values } from './rows';

interface Numbered {
  /** The columns that hold the number. */
  columns: readonly string[];
  /** A number this register has not given yet, for a row (by its local values); {} when the row has none. */
  fresh(reg: Register, row: Record<string, unknown>): Values;
  /** The audit trail files a dossier's and actiepunt's changes under its number: it moves along. */
  auditColumn?: 'dossier' | 'actiepunt';
}

const yearOf = (value: unknown): number => Number(String(value).slice(2, 6));

export const NUMBERED: Partial<Record<SyncedTable, Numbered>> = {
  dossier: { columns: ['number'], fresh: (reg) => ({ number: claimNumber(reg, 'dossier', undefined) }), auditColumn: 'dossier' },
  actiepunt: { columns: ['number'], fresh: (reg) => ({ number: claimNumber(reg, 'actiepunt', undefined) }), auditColumn: 'actiepunt' },
  meeting: {
    columns: ['number', 'seq'],
    fresh: (reg, row) => {
      const year = row.year as number;
      const seq = claimSeriesNumber(reg, 'meeting', year);
      return { number: meetingNumber(year, seq), seq };
    },
  },
  outcome: {
    columns: ['decision_number'],
    fresh: (reg, row): Values =>
      row.decision_number === null || row.decision_number === undefined
        ? {}
        : { decision_number: decisionNumber(yearOf(row.decision_number), claimSeriesNumber(reg, 'besluit', yearOf(row.decision_number))) },
  },
};

/** Whether a row's values hold a number (a besluit does; a notitie, also an outcome, does not). */
export const hasNumber = (table: SyncedTable, values: Record<string, unknown>): boolean => {
  const column = NUMBERED[table]?.columns[0];
  return column !== undefined && values[column] !== null && values[column] !== undefined;
};

export const isNumberColumn = (table: SyncedTable, column: string): boolean => NUMBERED[table]?.columns.includes(column) ?? false;

/** The local row (other than `exceptId`) that holds the number `values` would give, if any. */
export function holderOf(reg: Register, table: SyncedTable, values: Record<string, Value>, exceptId: number | null): number | null {
  const numbered = NUMBERED[table];
  if (!numbered) return null;
  const column = numbered.columns[0]!;
  const value = values[column];
  if (value === null || value === undefined) return null;
  const id = reg.db.prepare(`SELECT id FROM ${table} WHERE ${column} = ? AND id IS NOT ?`).pluck().get(value, exceptId) as number | undefined;
  return id ?? null;
}

/** Gives local row `id` a fresh number (written here only; the audit trail's entries move with it). */
export function renumber(reg: Register, table: SyncedTable, id: number): Values {
  const numbered = NUMBERED[table]!;
  const row = reg.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;
  const fresh = numbered.fresh(reg, row);
  const columns = Object.keys(fresh);
  if (!columns.length) return fresh;
  reg.db.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...columns.map((c) => fresh[c]), id);
  moveAudit(reg, table, row, fresh);
  return fresh;
}

/** Files the audit trail kept under a row's old number under its new one. */
export function moveAudit(reg: Register, table: SyncedTable, before: Record<string, unknown>, after: Values): void {
  const column = NUMBERED[table]?.auditColumn;
  if (!column || after.number === undefined || before.number === after.number) return;
  reg.db.prepare(`UPDATE audit_log SET ${column} = ? WHERE ${column} = ?`).run(after.number, before.number);
}
