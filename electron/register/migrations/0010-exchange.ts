// The exchange between laptops (issue 17): two or three copies of one register trade their changes
// by file and merge them. Bookkeeping only, beside the register's content; none of these tables has
// undo or audit triggers, and none of their rows is register content a document shows.
// - sync_meta: the register's id (the same in every copy: a file of another register is refused),
//   the device that gives the numbers people cite (the secretary's; null until a device opens it),
//   the last hybrid logical clock given or seen here, the last freeze that travelled (or came)
//   with a change, and per device the highest sequence number the register
//   held before a restore (seq_floor: numbers once given are never given again, log.ts).
// - sync_change: every change since this migration, local and received, by (device, seq): its clock,
//   author, call and row effects (canonical JSON, rows named by uid). What is sent, and what says
//   which changes this copy has seen.
// - sync_row: a row's uid (its name in every copy) beside its local id; a deleted row keeps its uid
//   and last values (a tombstone), so an edit made elsewhere meanwhile can bring it back. A row
//   without an entry is a row of the register as it was before this migration: its uid is "b<id>".
// - sync_stamp: the clock of the change that last wrote a field (last writer wins, per field).
// - sync_peer: what each other device last said it had seen of this register's changes.
// - sync_conflict: what a person decides (Te beoordelen); kept in every copy alike.
// - sync_receipt: each file applied, with the backup made before it (Uitwisseling ongedaan maken).
// And one rule changes: a dated state's rows of one date are taken in the order they were recorded
// by their recording time, then (for rows of the same moment) by id. Ids are given by each copy in
// its own order, so rows added on two laptops the same day would otherwise make the phase or
// priority "now" differ between the copies. dossier_now's triggers and the indexes follow.
import { dossierNowSql } from './0005-dossier-now';

const ORDER = 'effective_date DESC, recorded_at DESC, id DESC';
const { refresh, triggers } = dossierNowSql(ORDER);
const REWRITTEN = ['phase', 'priority', 'jaarplan'].flatMap((on) => ['insert', 'delete', 'update'].map((event) => `dossier_now_${on}_${event}`));
const DATED: Array<[table: string, item: string]> = [
  ['dossier_phase', 'dossier_id'],
  ['dossier_priority', 'dossier_id'],
  ['actiepunt_status', 'actiepunt_id'],
];

export const up = `
${REWRITTEN.map((name) => `DROP TRIGGER ${name};`).join('\n')}
${DATED.map(([table, item]) => `DROP INDEX ${table}_by_date;\nCREATE INDEX ${table}_by_date ON ${table} (${item}, effective_date, recorded_at, id);`).join('\n')}
${refresh}
${triggers}

CREATE TABLE sync_meta (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  register_id TEXT NOT NULL,
  numbering_device TEXT,
  hlc TEXT NOT NULL DEFAULT '',
  freeze_mark INTEGER NOT NULL DEFAULT 0,
  seq_floor TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(seq_floor))
) STRICT;
-- Copies of one register upgraded apart must agree on its id: an existing register's id comes
-- from its content (its first dossier's creation time and its first year), a new one's is random.
INSERT INTO sync_meta (id, register_id) VALUES (1, CASE
  WHEN (SELECT count(*) FROM dossier) = 0 THEN lower(hex(randomblob(16)))
  ELSE 'r-' || (SELECT min(created_at) FROM dossier) || '-' || (SELECT coalesce(min(year), 0) FROM jaarplan)
END);
-- Freezes made from here on travel with the change that made them (exchange/freezes.ts).
UPDATE sync_meta SET freeze_mark = (SELECT coalesce(max(id), 0) FROM meeting_freeze);
-- A freeze, once made, is no longer taken away by an undo: it may have travelled, and every copy
-- must keep the same freezes (a meeting's documents read the same on every laptop). A meeting whose
-- state was undone keeps it until the stage is reached again, when a new freeze replaces it
-- (freeze.ts writeFreeze); its page shows only the freezes its state implies.
${['frozen_part', 'freeze_entry', 'meeting_freeze'].flatMap((t) => ['insert', 'update', 'delete'].map((e) => `DROP TRIGGER ${t}_undo_${e};`)).join('\n')}

CREATE TABLE sync_change (
  device TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq > 0),
  hlc TEXT NOT NULL,
  at TEXT NOT NULL,
  call TEXT NOT NULL,
  author TEXT,
  author_role TEXT,
  effects TEXT NOT NULL,
  PRIMARY KEY (device, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX sync_change_by_hlc ON sync_change (hlc);

CREATE TABLE sync_row (
  tbl TEXT NOT NULL,
  uid TEXT NOT NULL,
  local_id INTEGER,
  last_id INTEGER,
  last TEXT,
  provisional TEXT,
  PRIMARY KEY (tbl, uid)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX sync_row_by_local ON sync_row (tbl, local_id) WHERE local_id IS NOT NULL;

CREATE TABLE sync_stamp (
  tbl TEXT NOT NULL,
  uid TEXT NOT NULL,
  field TEXT NOT NULL,
  hlc TEXT NOT NULL,
  PRIMARY KEY (tbl, uid, field)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_peer (
  device TEXT PRIMARY KEY,
  name TEXT,
  role TEXT,
  acked TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(acked)),
  acked_hlc TEXT NOT NULL DEFAULT '',
  received_at TEXT,
  sent_at TEXT
) STRICT;

CREATE TABLE sync_conflict (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('field', 'deleted', 'refused', 'invariant')),
  tbl TEXT NOT NULL,
  uid TEXT NOT NULL,
  field TEXT,
  detail TEXT NOT NULL CHECK (json_valid(detail)),
  hlc TEXT NOT NULL,
  decided_hlc TEXT,
  decision TEXT CHECK (json_valid(decision))
) STRICT;

CREATE TABLE sync_receipt (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  device TEXT NOT NULL,
  changes INTEGER NOT NULL,
  backup TEXT,
  change_mark INTEGER NOT NULL
) STRICT;
`;
