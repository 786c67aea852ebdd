// The register's rows as the exchange names them: by uid instead of local id, with every reference
// to another row (a foreign key) as that row's uid. Local ids differ between copies (each gives
// its own); a uid is the same everywhere. Which tables travel, their keys and references are read
// from the schema itself (PRAGMA table_info, foreign_key_list), so a later migration's column
// travels without a change here.
import { canonicalJson } from '../../shared/canonical-json';
import { RegisterError } from '../../shared/errors';
import type { Register } from '../register/db';

/** The tables whose rows travel: the register's content, every one with audit triggers. */
export const SYNCED_TABLES = [
  'jaarplan',
  'ambition',
  'hoofddossier',
  'dossier',
  'dossier_ambition',
  'dossier_phase',
  'dossier_priority',
  'actiepunt',
  'actiepunt_sub_point',
  'actiepunt_owner',
  'actiepunt_status',
  'meeting',
  'agenda_item',
  'agenda_link',
  'outcome',
  'attendance',
  'agenda_template_item',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];
export const isSyncedTable = (name: string): name is SyncedTable => (SYNCED_TABLES as readonly string[]).includes(name);

/** Bookkeeping times: they travel (last writer wins) but two sides setting them differently is no disagreement. */
export const META_COLUMNS: ReadonlySet<string> = new Set(['created_at', 'updated_at', 'recorded_at']);

export interface TableInfo {
  name: SyncedTable;
  /** A rowid table has one key column, `id`; the others are named by their key columns' values. */
  rowid: boolean;
  key: string[];
  /** Every column but a rowid table's `id`. */
  columns: string[];
  /** Column -> the table it refers to. */
  references: Map<string, SyncedTable>;
}

export type Value = string | number | null;
/** A row's values by column, references as uids. */
export type Values = Record<string, Value>;

const infoCache = new WeakMap<object, Map<SyncedTable, TableInfo>>();

export function tableInfo(reg: Register, name: SyncedTable): TableInfo {
  let tables = infoCache.get(reg.db);
  if (!tables) infoCache.set(reg.db, (tables = new Map()));
  let info = tables.get(name);
  if (!info) {
    const cols = reg.db.prepare(`SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`).all(name) as Array<{ name: string; pk: number }>;
    const key = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const rowid = key.length === 1 && key[0] === 'id';
    const fks = reg.db.prepare(`SELECT "from" AS col, "table" AS target FROM pragma_foreign_key_list(?)`).all(name) as Array<{ col: string; target: string }>;
    const references = new Map<string, SyncedTable>();
    for (const fk of fks) if (isSyncedTable(fk.target)) references.set(fk.col, fk.target);
    info = { name, rowid, key, columns: cols.map((c) => c.name).filter((c) => !(rowid && c === 'id')), references };
    tables.set(name, info);
  }
  return info;
}

/** The uid of a rowid table's row by local id: its entry (live, else the newest deleted one), else "b<id>". */
export function uidOf(reg: Register, table: SyncedTable, id: number): string {
  const live = reg.db.prepare('SELECT uid FROM sync_row WHERE tbl = ? AND local_id = ?').pluck().get(table, id) as string | undefined;
  if (live !== undefined) return live;
  const gone = reg.db.prepare('SELECT uid FROM sync_row WHERE tbl = ? AND local_id IS NULL AND last_id = ?').pluck().get(table, id) as string | undefined;
  return gone ?? `b${id}`;
}

export type Located = { id: number } | { tombstone: true } | null;

/** Where a uid's row is here: its local id, deleted (a tombstone), or unknown. */
export function locate(reg: Register, table: SyncedTable, uid: string): Located {
  const entry = reg.db.prepare('SELECT local_id FROM sync_row WHERE tbl = ? AND uid = ?').get(table, uid) as { local_id: number | null } | undefined;
  if (entry) return entry.local_id === null ? { tombstone: true } : { id: entry.local_id };
  const base = /^b(\d+)$/.exec(uid);
  if (!base) return null;
  const id = Number(base[1]);
  // A base row keeps its id as long as no entry names another row by that id.
  if (reg.db.prepare('SELECT 1 FROM sync_row WHERE tbl = ? AND local_id = ?').get(table, id)) return null;
  return reg.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) ? { id } : null;
}

/** Makes sure a live rowid row has its own entry (a base row gets "b<id>" written down). */
export function claimEntry(reg: Register, table: SyncedTable, id: number): string {
  const uid = uidOf(reg, table, id);
  reg.db
    .prepare('INSERT INTO sync_row (tbl, uid, local_id) VALUES (?, ?, ?) ON CONFLICT (tbl, uid) DO UPDATE SET local_id = excluded.local_id, last_id = NULL')
    .run(table, uid, id);
  return uid;
}

/** A row's values as local columns say them -> as the exchange says them (references as uids). */
export function toUidValues(reg: Register, info: TableInfo, row: Record<string, unknown>, columns: readonly string[] = info.columns): Values {
  const values: Values = {};
  for (const column of columns) {
    const value = (row[column] ?? null) as Value;
    const target = info.references.get(column);
    values[column] = target && typeof value === 'number' ? uidOf(reg, target, value) : value;
  }
  return values;
}

/** The name of a row in its table: a rowid row's uid, or the canonical JSON of its key's values. */
export function keyUid(reg: Register, info: TableInfo, row: Record<string, unknown>): string {
  if (info.rowid) return uidOf(reg, info.name, row.id as number);
  return canonicalJson(info.key.map((k) => toUidValues(reg, info, row, [k])[k]));
}

/** A reference that names a row this copy does not have and cannot bring back. */
export class MissingRow extends RegisterError {
  constructor(table: string, uid: string) {
    super('conflict', `A row this change refers to is not in this register (${table} ${uid}).`);
  }
}
