// A committed contract call, as a change that travels: its audit rows (the row effects the triggers
// of migration 0004 recorded) turned into effects on rows named by uid, given this device's next
// sequence number and a clock, and kept in the log. Runs in the call's own transaction (api.ts),
// so a call and its place in the log are committed together or not at all.
import { canonicalJson } from '../../shared/canonical-json';
import type { Profile } from '../../shared/domain';
import type { Effect, SyncChange } from '../../shared/exchange';
import type { Register } from '../register/db';
import { claimNumbering, nextSeq, storeChange, tick } from './log';
import { claimEntry, isSyncedTable, keyUid, tableInfo, toUidValues, uidOf, type TableInfo, type Values } from './rows';
import { DELETED, stampFields } from './stamps';
import { freezeEffects } from './freezes';
import { hasNumber } from './numbers';

interface AuditRow {
  tbl: string;
  action: 'insert' | 'update' | 'delete';
  before: string | null;
  after: string | null;
}

/** Files the audit rows of change `changeId` as this device's next change; null when it touched no row that travels. */
export function captureChange(reg: Register, changeId: number, device: string): SyncChange | null {
  const audit = reg.db.prepare('SELECT tbl, action, before, after FROM audit_log WHERE change_id = ? ORDER BY id').all(changeId) as AuditRow[];
  if (!audit.some((row) => isSyncedTable(row.tbl))) return null;
  const header = reg.db.prepare('SELECT at, call, author, author_role FROM change WHERE id = ?').get(changeId) as {
    at: string;
    call: string;
    author: string | null;
    author_role: string | null;
  };
  const numbering = claimNumbering(reg, device, header.author_role);
  const seq = nextSeq(reg, device);
  const hlc = tick(reg, device);
  const effects: Effect[] = [];
  for (const row of audit) {
    if (!isSyncedTable(row.tbl)) continue;
    const info = tableInfo(reg, row.tbl);
    const before = row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null;
    const after = row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null;
    const effect = toEffect(reg, info, row.action, before, after, `${device}.${seq}.${effects.length}`);
    if (!effect) continue;
    effects.push(effect);
    stampFields(reg, info.name, effect.u, effect.a === 'd' ? [DELETED] : Object.keys(effect.v), hlc);
    // A number given here, where the numbers are not given: provisional until the numbering register's comes.
    const numberedNow = effect.a === 'i' ? hasNumber(info.name, effect.v) : effect.a === 'u' && hasNumber(info.name, effect.v) && !hasNumber(info.name, effect.o);
    if (numberedNow && info.rowid && device !== numbering) {
      reg.db.prepare('UPDATE sync_row SET provisional = ? WHERE tbl = ? AND uid = ?').run(device, info.name, effect.u);
    }
  }
  effects.push(...freezeEffects(reg));
  if (!effects.length) return null;
  const author = header.author !== null ? ({ name: header.author, role: header.author_role } as Profile) : null;
  const change: SyncChange = { device, seq, hlc, at: header.at, call: header.call, author, effects };
  storeChange(reg, change);
  return change;
}

function toEffect(
  reg: Register,
  info: TableInfo,
  action: AuditRow['action'],
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  freshUid: string,
): Effect | null {
  if (action === 'insert') {
    const uid = info.rowid ? nameInserted(reg, info, after!, freshUid) : keyUid(reg, info, after!);
    return { t: info.name, u: uid, a: 'i', v: toUidValues(reg, info, after!) };
  }
  if (action === 'update') {
    const uid = info.rowid ? claimEntry(reg, info.name, after!.id as number) : keyUid(reg, info, after!);
    const old = toUidValues(reg, info, before!);
    const now = toUidValues(reg, info, after!);
    const v: Values = {};
    const o: Values = {};
    for (const column of info.columns) {
      if (old[column] === now[column]) continue;
      v[column] = now[column]!;
      o[column] = old[column]!;
    }
    return Object.keys(v).length ? { t: info.name, u: uid, a: 'u', v, o } : null;
  }
  const values = toUidValues(reg, info, before!);
  if (!info.rowid) return { t: info.name, u: keyUid(reg, info, before!), a: 'd', v: values };
  const id = before!.id as number;
  const uid = uidOf(reg, info.name, id);
  buryRow(reg, info.name, uid, id, values);
  return { t: info.name, u: uid, a: 'd', v: values };
}

/**
 * The uid of a row just inserted here. An undo or redo puts a deleted row back under its old id
 * with its old values: it is that row again, under its old uid. Any other row is new.
 */
function nameInserted(reg: Register, info: TableInfo, after: Record<string, unknown>, freshUid: string): string {
  const id = after.id as number;
  const grave = reg.db.prepare('SELECT uid, last FROM sync_row WHERE tbl = ? AND local_id IS NULL AND last_id = ?').get(info.name, id) as
    | { uid: string; last: string | null }
    | undefined;
  const values = toUidValues(reg, info, after);
  if (grave && grave.last === canonicalJson(values)) {
    reg.db.prepare('UPDATE sync_row SET local_id = ?, last_id = NULL, last = NULL WHERE tbl = ? AND uid = ?').run(id, info.name, grave.uid);
    return grave.uid;
  }
  if (grave) reg.db.prepare('UPDATE sync_row SET last_id = NULL WHERE tbl = ? AND uid = ?').run(info.name, grave.uid);
  reg.db.prepare('INSERT INTO sync_row (tbl, uid, local_id) VALUES (?, ?, ?)').run(info.name, freshUid, id);
  return freshUid;
}

/** A deleted row keeps its uid and last values (a tombstone): an edit made elsewhere meanwhile brings it back. */
export function buryRow(reg: Register, table: string, uid: string, id: number, values: Values): void {
  reg.db
    .prepare(
      `INSERT INTO sync_row (tbl, uid, local_id, last_id, last) VALUES (?, ?, NULL, ?, ?)
       ON CONFLICT (tbl, uid) DO UPDATE SET local_id = NULL, last_id = excluded.last_id, last = excluded.last`,
    )
    .run(table, uid, id, canonicalJson(values));
}
