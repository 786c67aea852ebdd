// The meeting pack (issue 13): every version of a meeting's vergaderstukken (or, after the meeting,
// its besluitenlijst) is computed from a freeze of its own, so the same version can be made again,
// byte for byte, a year later.
// - meeting_freeze is rebuilt: stage 'pack' joins 'start', 'agenda' and 'afgerond', and a meeting
//   may have many pack freezes (one stage per meeting stays unique for the others).
// - meeting_pack: the versions made, in order, each with its freeze, kind, maker and the manifest
//   written beside its files (so a version can be written again, byte for byte, and the next one
//   compared with it without trusting what is on disk).
// Migrations run with foreign keys off (db.ts), SQLite's way to rebuild a table that others refer
// to; the undo triggers dropped with the old table are made again, as 0008 made them.
import { undoTriggers, type TriggerTable } from './triggers';

const TABLES: readonly TriggerTable[] = [
  { name: 'meeting_freeze', key: ['id'], columns: ['id', 'meeting_id', 'stage', 'parent_id', 'at', 'change_mark', 'hash', 'record'] },
  { name: 'meeting_pack', key: ['id'], columns: ['id', 'meeting_id', 'version', 'kind', 'freeze_id', 'made_at', 'author', 'author_role', 'manifest'] },
];

export const up = `
CREATE TABLE meeting_freeze_new (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER REFERENCES meeting(id),
  stage TEXT NOT NULL CHECK (stage IN ('start', 'agenda', 'afgerond', 'pack')),
  parent_id INTEGER REFERENCES meeting_freeze_new(id),
  at TEXT NOT NULL,
  change_mark INTEGER NOT NULL,
  hash TEXT NOT NULL,
  record TEXT NOT NULL,
  CHECK ((stage = 'start') = (meeting_id IS NULL))
) STRICT;
INSERT INTO meeting_freeze_new (id, meeting_id, stage, parent_id, at, change_mark, hash, record)
  SELECT id, meeting_id, stage, parent_id, at, change_mark, hash, record FROM meeting_freeze;
DROP TABLE meeting_freeze;
ALTER TABLE meeting_freeze_new RENAME TO meeting_freeze;
CREATE UNIQUE INDEX meeting_freeze_stage ON meeting_freeze (meeting_id, stage) WHERE stage <> 'pack';

CREATE TABLE meeting_pack (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id),
  version INTEGER NOT NULL CHECK (version >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('vergaderstukken', 'besluitenlijst')),
  freeze_id INTEGER NOT NULL UNIQUE REFERENCES meeting_freeze(id),
  made_at TEXT NOT NULL,
  author TEXT,
  author_role TEXT,
  manifest TEXT NOT NULL CHECK (json_valid(manifest)),
  UNIQUE (meeting_id, version)
) STRICT;

${TABLES.map(undoTriggers).join('\n')}
`;
