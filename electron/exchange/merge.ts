// Applying another copy's changes here: every effect merged by the same rules in any copy, in any
// order, so that copies which have seen the same changes hold the same rows.
// - A field takes the value of the change with the latest clock that wrote it (stamps.ts); when the
//   two sides had each changed it from what the other started from, that is also a conflict for a
//   person (Te beoordelen), in every copy alike (its id says which two changes met).
// - Rows added on either side are both kept (dated rows, new dossiers, outcomes).
// - A delete goes through only where the row is still as the deleting side last saw it; a row
//   edited meanwhile is kept (and one deleted here comes back), with a conflict for a person.
// - Numbers: numbers.ts. A change this copy cannot take at all (a constraint of the register
//   refuses it) is set aside whole, and listed as a conflict.
import crypto from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json';
import type { Effect, SyncChange, SyncConflict } from '../../shared/exchange';
import { parseHlc, type Hlc } from '../../shared/hlc';
import { authorOf } from '../profile-store';
import type { Register } from '../register/db';
import { buryRow } from './capture';
import { hasNumber, holderOf, isNumberColumn, moveAudit, NUMBERED, renumber } from './numbers';
import { locate, META_COLUMNS, MissingRow, tableInfo, toUidValues, isSyncedTable, type SyncedTable, type TableInfo, type Value, type Values } from './rows';
import { DELETED, stampFields, stampOf } from './stamps';
import { isLongText, mergeLines } from './line-merge';
import { FREEZE, mergeFrozen, PART } from './freezes';


export interface MergeState {
  /** This device, and the one that numbers. */
  me: string;
  numbering: string | null;
  /** Conflicts found while merging, by id. */
  conflicts: Map<string, SyncConflict>;
  /** Rows this (numbering) copy gave its own number while merging: they travel back as one change. */
  numbered: Effect[];
}

const conflictId = (...parts: unknown[]): string => crypto.createHash('sha256').update(canonicalJson(parts)).digest('hex').slice(0, 32);

interface Version {
  hlc: Hlc;
  value: unknown;
}

/** Who made the change with clock `hlc`, from the log (the change being applied is not in it yet). */
function versionOf(reg: Register, version: Version, current: SyncChange): SyncConflict['versions'][number] {
  if (version.hlc === current.hlc) return { ...version, device: current.device, author: current.author, at: current.at };
  const row = reg.db.prepare('SELECT device, at, author, author_role FROM sync_change WHERE hlc = ?').get(version.hlc) as
    | { device: string; at: string; author: string | null; author_role: string | null }
    | undefined;
  const author = authorOf(row?.author, row?.author_role);
  return { ...version, device: row?.device ?? parseHlc(version.hlc)?.device ?? '', author, at: row?.at ?? '' };
}

function noteConflict(reg: Register, state: MergeState, change: SyncChange, conflict: Omit<SyncConflict, 'versions' | 'hlc' | 'decided'> & { versions: Version[] }): void {
  const versions = [...conflict.versions].sort((a, b) => (a.hlc < b.hlc ? -1 : 1)).map((v) => versionOf(reg, v, change));
  state.conflicts.set(conflict.id, { ...conflict, versions, hlc: versions[versions.length - 1]!.hlc, decided: null });
}

/** Applies one change of another device: whole, or (refused by the register) not at all and listed. */
export function mergeChange(reg: Register, change: SyncChange, state: MergeState): boolean {
  try {
    reg.db.transaction(() => {
      for (const effect of change.effects) mergeEffect(reg, effect, change, state);
    })();
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    noteConflict(reg, state, change, {
      id: conflictId('refused', change.device, change.seq),
      kind: 'refused',
      table: change.effects[0]?.t ?? '',
      uid: change.effects[0]?.u ?? '',
      field: null,
      reason,
      versions: [{ hlc: change.hlc, value: change.call }],
    });
    return false;
  }
}

function mergeEffect(reg: Register, effect: Effect, change: SyncChange, state: MergeState): void {
  if (effect.t === FREEZE || effect.t === PART) return mergeFrozen(reg, effect);
  if (!isSyncedTable(effect.t)) throw new Error(`A change names a table this register does not exchange (${effect.t}).`);
  const info = tableInfo(reg, effect.t);
  if (!info.rowid) return mergeKeyed(reg, info, effect, change, state);
  const at = locate(reg, info.name, effect.u);
  switch (effect.a) {
    case 'i':
      if (at && 'id' in at) return mergeFields(reg, info, at.id, effect.u, effect.v, undefined, change, state);
      // Put back (an undo elsewhere), unless it was deleted here later than that.
      if (at) return change.hlc >= stampOf(reg, info.name, effect.u, DELETED) ? void reviveRow(reg, info, effect.u, change, state, effect.v) : undefined;
      return insertRow(reg, info, effect.u, effect.v, change, state);
    case 'u': {
      if (!at) throw new MissingRow(info.name, effect.u);
      if (!('id' in at) && Object.keys(effect.v).every((c) => META_COLUMNS.has(c) || isNumberColumn(info.name, c))) {
        // Bookkeeping on a row deleted here (its number given, a time): it stays deleted.
        return updateGrave(reg, info, effect.u, effect.v, change);
      }
      const id = 'id' in at ? at.id : reviveRow(reg, info, effect.u, change, state);
      return mergeFields(reg, info, id, effect.u, effect.v, effect.o, change, state);
    }
    case 'd':
      if (!at || !('id' in at)) return;
      return deleteRow(reg, info, at.id, effect.u, effect.v, change, state);
  }
}

/** A deleted row's last values take the change's fields where its clock is the later one. */
function updateGrave(reg: Register, info: TableInfo, uid: string, values: Values, change: SyncChange): void {
  const last = JSON.parse(reg.db.prepare('SELECT last FROM sync_row WHERE tbl = ? AND uid = ?').pluck().get(info.name, uid) as string) as Values;
  const stamped = Object.keys(values).filter((c) => info.columns.includes(c) && change.hlc >= stampOf(reg, info.name, uid, c));
  for (const c of stamped) last[c] = values[c]!;
  reg.db.prepare('UPDATE sync_row SET last = ? WHERE tbl = ? AND uid = ?').run(canonicalJson(last), info.name, uid);
  stampFields(reg, info.name, uid, stamped, change.hlc);
}

/** Local values for values as the exchange names them: every reference found (or brought back) here. */
function toLocal(reg: Register, info: TableInfo, values: Values, change: SyncChange, state: MergeState): Values {
  const local: Values = {};
  for (const [column, value] of Object.entries(values)) {
    if (!info.columns.includes(column)) continue;
    const target = info.references.get(column);
    if (!target || typeof value !== 'string') {
      local[column] = value;
      continue;
    }
    const at = locate(reg, target, value);
    if (!at) throw new MissingRow(target, value);
    local[column] = 'id' in at ? at.id : reviveRow(reg, tableInfo(reg, target), value, change, state);
  }
  return local;
}

function insertLocal(reg: Register, table: string, values: Values): number {
  const columns = Object.keys(values);
  const { lastInsertRowid } = reg.db
    .prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
    .run(...columns.map((c) => values[c]));
  return Number(lastInsertRowid);
}

function insertRow(reg: Register, info: TableInfo, uid: string, values: Values, change: SyncChange, state: MergeState): void {
  const local = toLocal(reg, info, values, change, state);
  const numbered = NUMBERED[info.name];
  let provisional: string | null = null;
  if (numbered && hasNumber(info.name, local) && change.device !== state.numbering) {
    if (state.me === state.numbering) {
      // Here the numbers are given: the row gets this register's next number, and it travels back.
      const fresh = numbered.fresh(reg, local);
      if (Object.keys(fresh).length) {
        state.numbered.push({ t: info.name, u: uid, a: 'u', v: fresh, o: Object.fromEntries(Object.keys(fresh).map((c) => [c, values[c] ?? null])) });
        Object.assign(local, fresh);
      }
    } else {
      provisional = change.device;
      makeRoom(reg, info.name, local, null, false);
    }
  } else if (numbered) {
    makeRoom(reg, info.name, local, null, true);
  }
  const id = insertLocal(reg, info.name, local);
  reg.db
    .prepare(
      `INSERT INTO sync_row (tbl, uid, local_id, provisional) VALUES (?, ?, ?, ?)
       ON CONFLICT (tbl, uid) DO UPDATE SET local_id = excluded.local_id, last_id = NULL, last = NULL, provisional = excluded.provisional`,
    )
    .run(info.name, uid, id, provisional);
  stampFields(reg, info.name, uid, Object.keys(values).filter((c) => info.columns.includes(c)), change.hlc);
}

/**
 * Frees the number `local` would take. A final number (from the numbering register) takes its
 * place and the provisional holder steps aside; a provisional number meeting a final one steps
 * aside itself (its values get a free number before it is written).
 */
function makeRoom(reg: Register, table: SyncedTable, local: Values, exceptId: number | null, final: boolean): void {
  const holder = holderOf(reg, table, local, exceptId);
  if (holder === null) return;
  const holderProvisional = reg.db.prepare('SELECT 1 FROM sync_row WHERE tbl = ? AND local_id = ? AND provisional IS NOT NULL').get(table, holder) !== undefined;
  if (final || holderProvisional) {
    renumber(reg, table, holder);
  } else {
    Object.assign(local, NUMBERED[table]!.fresh(reg, local));
  }
}

/** Brings a row deleted here back (from its tombstone), because a change elsewhere still uses or edits it. */
function reviveRow(reg: Register, info: TableInfo, uid: string, change: SyncChange, state: MergeState, values?: Values): number {
  const grave = reg.db.prepare('SELECT last FROM sync_row WHERE tbl = ? AND uid = ?').pluck().get(info.name, uid) as string | null;
  if (grave === null && !values) throw new MissingRow(info.name, uid);
  const last = { ...(grave ? (JSON.parse(grave) as Values) : {}), ...(values ?? {}) };
  const local = toLocal(reg, info, last, change, state);
  if (NUMBERED[info.name]) makeRoom(reg, info.name, local, null, false);
  const id = insertLocal(reg, info.name, local);
  reg.db.prepare('UPDATE sync_row SET local_id = ?, last_id = NULL, last = NULL WHERE tbl = ? AND uid = ?').run(id, info.name, uid);
  if (values) stampFields(reg, info.name, uid, Object.keys(values).filter((c) => info.columns.includes(c)), change.hlc);
  const deletedAt = stampOf(reg, info.name, uid, DELETED);
  if (!values) {
    noteConflict(reg, state, change, {
      id: conflictId('deleted', info.name, uid, deletedAt),
      kind: 'deleted',
      table: info.name,
      uid,
      field: null,
      versions: [
        { hlc: deletedAt || change.hlc, value: null },
        { hlc: change.hlc, value: last },
      ],
    });
  }
  return id;
}

function currentValues(reg: Register, info: TableInfo, id: number): Values {
  const row = reg.db.prepare(`SELECT * FROM ${info.name} WHERE id = ?`).get(id) as Record<string, unknown>;
  return toUidValues(reg, info, row);
}

/**
 * Last writer wins per field; both sides having changed a field from where the other started is a
 * conflict too. A clock equal to the stamp is the same change writing the field again (a row
 * inserted, then numbered, in one call): it applies.
 */
function mergeFields(reg: Register, info: TableInfo, id: number, uid: string, values: Values, old: Values | undefined, change: SyncChange, state: MergeState): void {
  const row = reg.db.prepare(`SELECT * FROM ${info.name} WHERE id = ?`).get(id) as Record<string, unknown>;
  mergeFieldsWhere(reg, info, 'id = ?', [id], uid, row, values, old, change, state);
}

/** mergeFields for the row `where` finds (by id, or by a keyed table's key). */
function mergeFieldsWhere(
  reg: Register,
  info: TableInfo,
  where: string,
  args: unknown[],
  uid: string,
  row: Record<string, unknown>,
  values: Values,
  old: Values | undefined,
  change: SyncChange,
  state: MergeState,
): void {
  const current = toUidValues(reg, info, row);
  const write: Values = {};
  const stamped: string[] = [];
  for (const [column, value] of Object.entries(values)) {
    if (!info.columns.includes(column)) continue;
    if (isNumberColumn(info.name, column) && change.device !== state.numbering) {
      // A number given on another laptop to a row that had none (a besluit numbered when its
      // meeting was closed there): provisional, as for a new row.
      if (value !== null && current[column] === null && column === NUMBERED[info.name]!.columns[0]) numberLater(reg, info, row, uid, values, change, state);
      continue;
    }
    const stamp = stampOf(reg, info.name, uid, column);
    if (old && !META_COLUMNS.has(column) && !isNumberColumn(info.name, column) && stamp !== '' && current[column] !== old[column] && current[column] !== value) {
      const base = old[column] as string;
      const mine = current[column] as string;
      if (isLongText(base, mine, value)) {
        const merged = stamp < change.hlc ? mergeLines(base, mine, value as string) : mergeLines(base, value as string, mine);
        if (merged !== null) {
          // Both edits kept, line by line; the field's clock is the later of the two.
          if (merged !== mine) write[column] = merged;
          if (change.hlc >= stamp) stamped.push(column);
          continue;
        }
      }
      noteConflict(reg, state, change, {
        id: conflictId('field', info.name, uid, column, [stamp, change.hlc].sort()),
        kind: 'field',
        table: info.name,
        uid,
        field: column,
        versions: [
          { hlc: stamp, value: current[column] },
          { hlc: change.hlc, value },
        ],
      });
    }
    if (change.hlc >= stamp) {
      stamped.push(column);
      if (current[column] !== value) write[column] = value;
    }
  }
  if (Object.keys(write).length) {
    const local = toLocal(reg, info, write, change, state);
    const numbered = NUMBERED[info.name];
    if (numbered && numbered.columns.some((c) => c in local)) {
      makeRoom(reg, info.name, local, row.id as number, true);
      moveAudit(reg, info.name, row, local);
    }
    const columns = Object.keys(local);
    reg.db.prepare(`UPDATE ${info.name} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE ${where}`).run(...columns.map((c) => local[c]), ...args);
  }
  stampFields(reg, info.name, uid, stamped, change.hlc);
  // The numbering register has spoken (even where its number is the one this copy gave): final.
  if (change.device === state.numbering && stamped.some((c) => isNumberColumn(info.name, c))) {
    reg.db.prepare('UPDATE sync_row SET provisional = NULL WHERE tbl = ? AND uid = ?').run(info.name, uid);
  }
}

/** A row given a number on a laptop that does not number: here it gets this register's number, or holds the other's as provisional. */
function numberLater(reg: Register, info: TableInfo, row: Record<string, unknown>, uid: string, values: Values, change: SyncChange, state: MergeState): void {
  const numbered = NUMBERED[info.name]!;
  const given = Object.fromEntries(numbered.columns.filter((c) => c in values).map((c) => [c, values[c]!])) as Values;
  let local: Values;
  if (state.me === state.numbering) {
    local = numbered.fresh(reg, { ...row, ...given });
    state.numbered.push({ t: info.name, u: uid, a: 'u', v: local, o: given });
  } else {
    local = { ...given };
    makeRoom(reg, info.name, local, row.id as number, false);
    reg.db.prepare('UPDATE sync_row SET provisional = ? WHERE tbl = ? AND uid = ?').run(change.device, info.name, uid);
    claimEntryIfBase(reg, info, row.id as number, uid, change.device);
  }
  const columns = Object.keys(local);
  if (!columns.length) return;
  reg.db.prepare(`UPDATE ${info.name} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...columns.map((c) => local[c]), row.id);
  stampFields(reg, info.name, uid, columns, change.hlc);
}

/** A base row ("b<id>") has no entry to hold its provisional mark until it gets one. */
function claimEntryIfBase(reg: Register, info: TableInfo, id: number, uid: string, device: string): void {
  reg.db
    .prepare('INSERT INTO sync_row (tbl, uid, local_id, provisional) VALUES (?, ?, ?, ?) ON CONFLICT (tbl, uid) DO UPDATE SET provisional = excluded.provisional')
    .run(info.name, uid, id, device);
}

/** The values a person sees differ in: bookkeeping times and numbers do not count. */
const sameContent = (table: SyncedTable, a: Values, b: Values): boolean =>
  Object.keys(b).every((c) => META_COLUMNS.has(c) || isNumberColumn(table, c) || a[c] === b[c]);

/** The clock of the last change to what a person sees of a row (its content, not its times or number). */
function contentStamp(reg: Register, table: SyncedTable, uid: string): Hlc | '' {
  const rows = reg.db.prepare('SELECT field, hlc FROM sync_stamp WHERE tbl = ? AND uid = ?').all(table, uid) as Array<{ field: string; hlc: string }>;
  let newest = '';
  for (const r of rows) if (r.field !== DELETED && !META_COLUMNS.has(r.field) && !isNumberColumn(table, r.field) && r.hlc > newest) newest = r.hlc;
  return newest;
}

/**
 * Whether a delete goes through here: only where the row is as the deleting side saw it and nothing
 * wrote its content after the delete's clock (an undo elsewhere may have put it back since).
 * Otherwise the row is kept; where its content differs, that is a conflict for a person.
 */
function mayDelete(reg: Register, table: SyncedTable, uid: string, current: Values, values: Values, change: SyncChange, state: MergeState): boolean {
  if (sameContent(table, current, values)) return change.hlc >= contentStamp(reg, table, uid);
  noteConflict(reg, state, change, {
    id: conflictId('deleted', table, uid, change.hlc),
    kind: 'deleted',
    table,
    uid,
    field: null,
    versions: [
      { hlc: change.hlc, value: null },
      { hlc: contentStamp(reg, table, uid) || change.hlc, value: current },
    ],
  });
  return false;
}

function deleteRow(reg: Register, info: TableInfo, id: number, uid: string, values: Values, change: SyncChange, state: MergeState): void {
  const current = currentValues(reg, info, id);
  if (!mayDelete(reg, info.name, uid, current, values, change, state)) return;
  try {
    reg.db.transaction(() => reg.db.prepare(`DELETE FROM ${info.name} WHERE id = ?`).run(id))();
  } catch (error) {
    // Something added elsewhere still refers to it (an outcome on a removed agenda item): it stays.
    if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
    noteConflict(reg, state, change, {
      id: conflictId('deleted', info.name, uid, change.hlc),
      kind: 'deleted',
      table: info.name,
      uid,
      field: null,
      reason: 'still referred to',
      versions: [
        { hlc: change.hlc, value: null },
        { hlc: contentStamp(reg, info.name, uid) || change.hlc, value: current },
      ],
    });
    return;
  }
  buryRow(reg, info.name, uid, id, current);
  stampFields(reg, info.name, uid, [DELETED], change.hlc);
}

/** Rows named by their key (a dossier's ambitions, an actiepunt's owners and sub-points). */
function mergeKeyed(reg: Register, info: TableInfo, effect: Effect, change: SyncChange, state: MergeState): void {
  const keyValues = JSON.parse(effect.u) as Value[];
  const keyUidValues = Object.fromEntries(info.key.map((k, i) => [k, keyValues[i] ?? null])) as Values;
  const key = toLocal(reg, info, keyUidValues, change, state);
  const where = info.key.map((k) => `${k} = ?`).join(' AND ');
  const args = info.key.map((k) => key[k]);
  const row = reg.db.prepare(`SELECT * FROM ${info.name} WHERE ${where}`).get(...args) as Record<string, unknown> | undefined;
  const others = info.columns.filter((c) => !info.key.includes(c));
  if (effect.a === 'd') {
    if (!row) return;
    if (!mayDelete(reg, info.name, effect.u, toUidValues(reg, info, row), effect.v, change, state)) return;
    reg.db.prepare(`DELETE FROM ${info.name} WHERE ${where}`).run(...args);
    stampFields(reg, info.name, effect.u, [DELETED], change.hlc);
    return;
  }
  if (!row) {
    // Gone here: an insert later than the delete puts it back, as does an edit (kept until decided).
    if (effect.a === 'i' && change.hlc < stampOf(reg, info.name, effect.u, DELETED)) return;
    const local = { ...key, ...toLocal(reg, info, Object.fromEntries(others.filter((c) => c in effect.v).map((c) => [c, effect.v[c]!])), change, state) };
    insertLocal(reg, info.name, local);
    stampFields(reg, info.name, effect.u, others.filter((c) => c in effect.v), change.hlc);
    return;
  }
  mergeFieldsWhere(reg, info, where, args, effect.u, row, effect.v, effect.a === 'u' ? effect.o : undefined, change, state);
}
