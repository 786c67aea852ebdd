// The Te beoordelen list: disagreements kept for a person, the same in every copy. A conflict is
// named by the changes that met (merge.ts), so copies that find the same one agree on its id; the
// lists travel whole with every file and are merged as a union, a decision by its clock.
import type { SyncConflict } from '../../shared/exchange';
import type { Register } from '../register/db';
import { isSyncedTable } from './rows';

/** A conflict from a file names a table this register exchanges, a field of it, and a uid it can read. */
function readable(c: SyncConflict): boolean {
  if (c.kind === 'invariant' || c.kind === 'refused') return true;
  if (!isSyncedTable(c.table) || c.uid.length > 2_000) return false;
  return c.field === null || /^[a-z_]+$/.test(c.field);
}

interface Row {
  id: string;
  kind: SyncConflict['kind'];
  tbl: string;
  uid: string;
  field: string | null;
  detail: string;
  hlc: string;
  decision: string | null;
}

const toConflict = (r: Row): SyncConflict => {
  const detail = JSON.parse(r.detail) as Pick<SyncConflict, 'versions' | 'reason'>;
  return {
    id: r.id,
    kind: r.kind,
    table: r.tbl,
    uid: r.uid,
    field: r.field,
    versions: detail.versions,
    ...(detail.reason !== undefined ? { reason: detail.reason } : {}),
    hlc: r.hlc,
    decided: r.decision ? (JSON.parse(r.decision) as SyncConflict['decided']) : null,
  };
};

export function allConflicts(reg: Register): SyncConflict[] {
  return (reg.db.prepare('SELECT id, kind, tbl, uid, field, detail, hlc, decision FROM sync_conflict ORDER BY hlc, id').all() as Row[]).map(toConflict);
}

export function openConflicts(reg: Register): SyncConflict[] {
  return allConflicts(reg).filter((c) => c.decided === null || c.decided.choice === 'later');
}

/** Adds conflicts this copy found or was sent; one it has already keeps its own details. */
export function storeConflicts(reg: Register, conflicts: readonly SyncConflict[]): void {
  const insert = reg.db.prepare(
    `INSERT INTO sync_conflict (id, kind, tbl, uid, field, detail, hlc, decided_hlc, decision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  );
  for (const c of conflicts) {
    const detail = JSON.stringify({ versions: c.versions, ...(c.reason !== undefined ? { reason: c.reason } : {}) });
    insert.run(c.id, c.kind, c.table, c.uid, c.field, detail, c.hlc, c.decided?.hlc ?? null, c.decided ? JSON.stringify(c.decided) : null);
  }
}

/** The union with another copy's list; of two decisions on one conflict, the later (by clock) holds. */
export function mergeConflicts(reg: Register, conflicts: readonly SyncConflict[]): void {
  storeConflicts(reg, conflicts.filter(readable));
  const decide = reg.db.prepare('UPDATE sync_conflict SET decided_hlc = ?, decision = ? WHERE id = ? AND (decided_hlc IS NULL OR decided_hlc < ?)');
  for (const c of conflicts) if (c.decided) decide.run(c.decided.hlc, JSON.stringify(c.decided), c.id, c.decided.hlc);
}
