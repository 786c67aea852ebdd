// The meeting pack (issue 13): every version of a meeting's vergaderstukken (or, after the meeting,
// its besluitenlijst) is computed from a freeze of its own, so the same version can be made again,
// byte for byte, a year later.
// - meeting_freeze is rebuilt: stage 'pack' joins 'start', 'agenda' and 'afgerond', and a meeting
//   may have many pack freezes (one stage per meeting stays unique for the others).
// - meeting_pack: the versions made, in order, each with its freeze, kind and maker.
// Foreign keys are checked at commit, so freeze_entry's references to meeting_freeze survive the
// rebuild; the undo triggers dropped with the old table are made again, as 0008 made them.
import { undoTriggers, type TriggerTable } from './triggers';

const TABLES: readonly TriggerTable[] = [
  { name: 'meeting_freeze', key: ['id'], columns: ['id', 'meeting_id', 'stage', 'parent_id', 'at', 'change_mark', 'hash', 'record'] },
  { name: 'meeting_pack', key: ['id'], columns: ['id', 'meeting_id', 'version', 'kind', 'freeze_id', 'made_at', 'author', 'author_role'] },
];

export const up = `
PRAGMA defer_foreign_keys = ON;

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
  UNIQUE (meeting_id, version)
) STRICT;

${TABLES.map(undoTriggers).join('\n')}
`;
