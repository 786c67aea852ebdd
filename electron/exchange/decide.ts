// A person's decision on a conflict (Te beoordelen): keep one version, say it was edited by hand,
// or put it off. Keeping a version writes it to the row like any edit (so it is captured and
// travels with the next file, with a clock later than both versions); the decision itself travels
// in the conflict list of every file (conflicts.ts), the later decision winning.
import type { Profile } from '../../shared/domain';
import { RegisterError } from '../../shared/errors';
import type { SyncConflict } from '../../shared/exchange';
import type { Register } from '../register/db';
import { allConflicts } from './conflicts';
import { tick } from './log';
import { isSyncedTable, locate, tableInfo, toUidValues, type Value, type Values } from './rows';
import { canonicalJson } from '../../shared/canonical-json';

export type Decision = { id: string; choice: 'version'; hlc: string } | { id: string; choice: 'edited' | 'later' };

/** The row a conflict is about, here: its local id or key (null when it is gone). */
function rowOf(reg: Register, conflict: SyncConflict): { where: string; args: unknown[]; values: Values } | null {
  if (!isSyncedTable(conflict.table)) return null;
  const info = tableInfo(reg, conflict.table);
  let where: string;
  let args: unknown[];
  if (info.rowid) {
    const at = locate(reg, info.name, conflict.uid);
    if (!at || !('id' in at)) return null;
    where = 'id = ?';
    args = [at.id];
  } else {
    let keys: Value[];
    try {
      keys = JSON.parse(conflict.uid) as Value[];
    } catch {
      return null;
    }
    args = info.key.map((k, i) => {
      const target = info.references.get(k);
      const value = keys[i] ?? null;
      if (!target || typeof value !== 'string') return value;
      const at = locate(reg, target, value);
      return at && 'id' in at ? at.id : -1;
    });
    where = info.key.map((k) => `${k} = ?`).join(' AND ');
  }
  const row = reg.db.prepare(`SELECT * FROM ${info.name} WHERE ${where}`).get(...args) as Record<string, unknown> | undefined;
  return row ? { where, args, values: toUidValues(reg, info, row) } : null;
}

export function decideConflict(reg: Register, device: string, who: Profile | null, decision: Decision): SyncConflict {
  const conflict = allConflicts(reg).find((c) => c.id === decision.id);
  if (!conflict) throw new RegisterError('not_found', 'There is no such conflict.', 'id');
  let choice: NonNullable<SyncConflict['decided']>['choice'] = decision.choice === 'version' ? 'theirs' : decision.choice;
  if (decision.choice === 'version') {
    if (conflict.kind === 'refused' || conflict.kind === 'invariant') throw new RegisterError('invalid_input', 'This conflict can only be put off or marked as handled.', 'choice');
    const version = conflict.versions.find((v) => v.hlc === decision.hlc);
    if (!version) throw new RegisterError('invalid_input', 'That version is not one of this conflict’s.', 'hlc');
    choice = version.device === device ? 'mine' : 'theirs';
    keepVersion(reg, conflict, version.value);
  }
  const decided = { hlc: tick(reg, device), by: who, choice, device };
  reg.db.prepare('UPDATE sync_conflict SET decided_hlc = ?, decision = ? WHERE id = ?').run(decided.hlc, JSON.stringify(decided), conflict.id);
  return { ...conflict, decided };
}

/** Writes the chosen version: a field's value, or (a deleted row's version) the delete itself. */
function keepVersion(reg: Register, conflict: SyncConflict, value: unknown): void {
  const row = rowOf(reg, conflict);
  const table = conflict.table;
  if (conflict.kind === 'deleted') {
    if (value !== null || !row) return;
    try {
      reg.db.prepare(`DELETE FROM ${table} WHERE ${row.where}`).run(...row.args);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new RegisterError('conflict', 'This row cannot be deleted: something added since still refers to it. Remove that first, or keep this version.', 'choice');
      }
      throw error;
    }
    return;
  }
  if (!row || !conflict.field) throw new RegisterError('conflict', 'The row of this conflict is no longer in the register; put it off or keep the other version.', 'choice');
  // The conflict came in a file: its field is written only if it is one of the table's columns.
  if (!tableInfo(reg, table as Parameters<typeof tableInfo>[1]).columns.includes(conflict.field)) throw new RegisterError('invalid_input', 'This conflict names a field the register does not have.', 'id');
  if (canonicalJson(row.values[conflict.field] ?? null) === canonicalJson(value ?? null)) return;
  const info = tableInfo(reg, table as Parameters<typeof tableInfo>[1]);
  let local = value as Value;
  const target = info.references.get(conflict.field);
  if (target && typeof value === 'string') {
    const at = locate(reg, target, value);
    if (!at || !('id' in at)) throw new RegisterError('conflict', 'What this version refers to is no longer in the register; keep the other version.', 'choice');
    local = at.id;
  }
  reg.db.prepare(`UPDATE ${table} SET ${conflict.field} = ? WHERE ${row.where}`).run(local, ...row.args);
}
