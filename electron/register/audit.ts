// The audit trail (migrations/0004-audit-trail.ts) read back per dossier or actiepunt: when, by
// which call, what changed from what to what.
import type { AuditEntry, Profile } from '../../shared/domain';
import { authorOf } from '../profile-store';
import { timestamp } from './clock';
import type { Register } from './db';
import { actiepuntId, dossierId } from './lookup';

/**
 * Files the rows a call changed under one change: when, by whom, which call, which item. A change
 * received from another laptop is filed with its own time and author. Returns the change's id, or
 * null when no row changed.
 */
export function stampChange(reg: Register, call: string, item: number | null, author: Profile | null, at: string = timestamp(reg.clock)): number | null {
  if (!reg.db.prepare('SELECT 1 FROM audit_log WHERE change_id IS NULL LIMIT 1').get()) return null;
  const { lastInsertRowid } = reg.db
    .prepare('INSERT INTO change (at, call, item, author, author_role) VALUES (?, ?, ?, ?, ?)')
    .run(at, call, item, author?.name ?? null, author?.role ?? null);
  reg.db.prepare('UPDATE audit_log SET change_id = ? WHERE change_id IS NULL').run(lastInsertRowid);
  return Number(lastInsertRowid);
}

/** What the newest change touched, from its audit rows (issue 12: a page reads only that again). */
export function touchedByNewestChange(reg: Register): { dossiers: number[]; actiepunten: number[] } {
  const change = reg.db.prepare('SELECT max(id) FROM change').pluck().get() as number | null;
  const of = (column: 'dossier' | 'actiepunt') =>
    change === null
      ? []
      : (reg.db.prepare(`SELECT DISTINCT ${column} FROM audit_log WHERE change_id = ? AND ${column} IS NOT NULL ORDER BY 1`).pluck().all(change) as number[]);
  return { dossiers: of('dossier'), actiepunten: of('actiepunt') };
}

/** Seeding is where the trail starts, not part of it. */
export function forgetAudit(reg: Register): void {
  reg.db.exec('DELETE FROM audit_log; DELETE FROM change;');
}

interface Row {
  id: number;
  at: string;
  author: string | null;
  author_role: string | null;
  call: string;
  item: number | null;
  tbl: string;
  action: AuditEntry['action'];
  before: string | null;
  after: string | null;
}

/** Bookkeeping columns that say nothing to a reader of the trail. */
const HIDDEN = new Set(['id', 'dossier_id', 'actiepunt_id', 'created_at', 'updated_at', 'recorded_at']);

function toEntry(row: Row): AuditEntry | null {
  const before = row.before ? (JSON.parse(row.before) as Record<string, unknown>) : {};
  const after = row.after ? (JSON.parse(row.after) as Record<string, unknown>) : {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !HIDDEN.has(f));
  const changes = fields
    .filter((f) => row.action !== 'update' || before[f] !== after[f])
    .filter((f) => (row.action === 'insert' ? after[f] !== null : row.action === 'delete' ? before[f] !== null : true))
    .map((field) => ({
      field,
      before: row.action === 'insert' ? null : (before[field] ?? null),
      after: row.action === 'delete' ? null : (after[field] ?? null),
    }));
  if (row.action === 'update' && changes.length === 0) return null;
  const author = authorOf(row.author, row.author_role);
  return { id: row.id, at: row.at, author, call: row.call, item: row.item, table: row.tbl, action: row.action, changes } as AuditEntry;
}

function trail(reg: Register, column: 'dossier' | 'actiepunt', number: number): AuditEntry[] {
  const rows = reg.db
    .prepare(
      `SELECT a.id, c.at, c.author, c.author_role, c.call, c.item, a.tbl, a.action, a.before, a.after
       FROM audit_log a JOIN change c ON c.id = a.change_id
       WHERE a.${column} = ? ORDER BY a.id DESC`,
    )
    .all(number) as Row[];
  return rows.map(toEntry).filter((e): e is AuditEntry => e !== null);
}

export function dossierAudit(reg: Register, number: number): AuditEntry[] {
  dossierId(reg, number);
  return trail(reg, 'dossier', number);
}

export function actiepuntAudit(reg: Register, number: number): AuditEntry[] {
  actiepuntId(reg, number);
  return trail(reg, 'actiepunt', number);
}
