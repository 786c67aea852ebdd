// The TB's meeting cycle (issue 11): the meeting becomes the register's fourth record, with its
// agenda, outcomes, attendance and the register frozen as it was discussed.
// - meeting replaces evaluatiemoment (its rows move over as past evaluatiemomenten, afgerond).
// - agenda_item: numbered items; `number` is the agenda's number, `position` the order the TB
//   takes them in (the two part when the TB discusses items in another order).
// - agenda_link: what an item is about (a dossier, an actiepunt or an ambition).
// - outcome: besluit, actiepunt, notitie or prioriteitswijziging, recorded against an item; the
//   besluit that approves a besluitenlijst names the meeting it approves (approves_id).
// - attendance, agenda_template_item: who was there; the register's standing items.
// - meeting_freeze, freeze_entry, frozen_part: the register kept with a meeting, content-addressed:
//   a freeze stores only the entries that differ from the freeze before it, and a part (one
//   dossier, one actiepunt, ...) is stored once however many freezes hold it.
// - number_mark is rebuilt to hold the per-year marks of meeting and besluit numbers.
// Every new table has undo triggers; all but the frozen copies have audit triggers too (a frozen
// copy's audit would store the register twice over; the call that froze it is audited).
import { actiepuntOf, auditTriggers, dossierOf, undoTriggers, type AuditSubject, type TriggerTable } from './triggers';

const TABLES: readonly TriggerTable[] = [
  {
    name: 'meeting',
    key: ['id'],
    columns: ['id', 'number', 'year', 'seq', 'date', 'kind', 'title', 'location', 'state', 'approved_in_id', 'approval', 'approval_note', 'created_at', 'updated_at'],
  },
  {
    name: 'agenda_item',
    key: ['id'],
    columns: ['id', 'meeting_id', 'number', 'position', 'title', 'purpose', 'presenter', 'minutes', 'proposal', 'state', 'standing', 'carried_from_id', 'created_at', 'updated_at'],
  },
  { name: 'agenda_link', key: ['id'], columns: ['id', 'agenda_item_id', 'dossier_id', 'actiepunt_id', 'ambition_id'] },
  {
    name: 'outcome',
    key: ['id'],
    columns: ['id', 'agenda_item_id', 'position', 'kind', 'text', 'dossier_id', 'actiepunt_id', 'priority', 'rank', 'decision_number', 'replaces_id', 'replace_kind', 'approves_id', 'author', 'author_role', 'created_at', 'updated_at'],
  },
  { name: 'attendance', key: ['id'], columns: ['id', 'meeting_id', 'position', 'name', 'organisation', 'presence', 'substitute'] },
  {
    name: 'agenda_template_item',
    key: ['id'],
    columns: ['id', 'position', 'title', 'purpose', 'presenter', 'minutes', 'standing', 'evaluation_only', 'links'],
  },
];

const FROZEN: readonly TriggerTable[] = [
  { name: 'meeting_freeze', key: ['id'], columns: ['id', 'meeting_id', 'stage', 'parent_id', 'at', 'change_mark', 'hash', 'record'] },
  { name: 'freeze_entry', key: ['freeze_id', 'key'], columns: ['freeze_id', 'key', 'hash'] },
  { name: 'frozen_part', key: ['id'], columns: ['id', 'hash', 'body'] },
];

const SUBJECT: Record<string, AuditSubject> = {
  agenda_link: (row) => [dossierOf(row), actiepuntOf(row)],
  outcome: (row) => [dossierOf(row), actiepuntOf(row)],
};

const TEMPLATE: ReadonlyArray<[title: string, purpose: string, presenter: string, minutes: number, standing: string, evaluationOnly: 0 | 1, links: string]> = [
  ['Opening en vaststelling van de agenda', 'besluitvorming', 'Voorzitter', 5, 'opening', 0, '{}'],
  ['Besluitenlijst van het vorige TB', 'besluitvorming', 'Secretaris', 5, 'besluitenlijst', 0, '{}'],
  ['Actiepuntenlijst', 'bespreking', 'Secretaris', 10, 'actiepuntenlijst', 0, '{}'],
  ['Change & Release rapportage en evaluatie van het jaarplan en de prioriteiten', 'besluitvorming', 'Logius', 30, 'rapportage', 1, '{"actiepunten":[2]}'],
  ['Terugkoppeling Communicatie', 'informatie', 'Communicatie', 10, 'communicatie', 0, '{}'],
  ['Terugkoppeling project Ontvlechting', 'informatie', 'Projectleider Ontvlechting', 10, 'ontvlechting', 0, '{}'],
  ['Terugkoppeling werkgroep Wallet ecosysteem', 'informatie', 'Leveranciers', 10, 'wallet', 0, '{"actiepunten":[6]}'],
  ['Rondvraag en sluiting', 'bespreking', 'Voorzitter', 5, 'rondvraag', 0, '{}'],
];
const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

export const up = `
CREATE TABLE meeting (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
  seq INTEGER NOT NULL CHECK (seq > 0),
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('regulier', 'evaluatiemoment')),
  title TEXT,
  location TEXT,
  state TEXT NOT NULL CHECK (state IN ('concept', 'agenda_vastgesteld', 'in_vergadering', 'afgerond', 'vastgesteld', 'geannuleerd')),
  approved_in_id INTEGER REFERENCES meeting(id),
  approval TEXT CHECK (approval IN ('ongewijzigd', 'met_wijzigingen')),
  approval_note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (year, seq),
  CHECK ((state = 'vastgesteld') = (approval IS NOT NULL)),
  CHECK ((approval = 'met_wijzigingen') = (approval_note IS NOT NULL))
) STRICT;
CREATE INDEX meeting_by_date ON meeting (date, id);

CREATE TABLE agenda_item (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id),
  number INTEGER NOT NULL CHECK (number > 0),
  position INTEGER NOT NULL CHECK (position > 0),
  title TEXT NOT NULL CHECK (length(title) > 0),
  purpose TEXT NOT NULL CHECK (purpose IN ('besluitvorming', 'bespreking', 'informatie')),
  presenter TEXT,
  minutes INTEGER CHECK (minutes IS NULL OR minutes > 0),
  proposal TEXT,
  state TEXT NOT NULL CHECK (state IN ('open', 'behandeld', 'doorgeschoven')),
  standing TEXT,
  carried_from_id INTEGER REFERENCES agenda_item(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX agenda_item_by_meeting ON agenda_item (meeting_id, position);
CREATE INDEX agenda_item_by_origin ON agenda_item (carried_from_id);

CREATE TABLE agenda_link (
  id INTEGER PRIMARY KEY,
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_item(id),
  dossier_id INTEGER REFERENCES dossier(id),
  actiepunt_id INTEGER REFERENCES actiepunt(id),
  ambition_id INTEGER REFERENCES ambition(id),
  CHECK ((dossier_id IS NOT NULL) + (actiepunt_id IS NOT NULL) + (ambition_id IS NOT NULL) = 1)
) STRICT;
CREATE INDEX agenda_link_by_item ON agenda_link (agenda_item_id);
CREATE INDEX agenda_link_by_dossier ON agenda_link (dossier_id) WHERE dossier_id IS NOT NULL;
CREATE INDEX agenda_link_by_actiepunt ON agenda_link (actiepunt_id) WHERE actiepunt_id IS NOT NULL;

CREATE TABLE outcome (
  id INTEGER PRIMARY KEY,
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_item(id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('besluit', 'actiepunt', 'notitie', 'prioriteit')),
  text TEXT,
  dossier_id INTEGER REFERENCES dossier(id),
  actiepunt_id INTEGER REFERENCES actiepunt(id),
  priority INTEGER CHECK (priority IN (0, 1)),
  rank INTEGER CHECK (rank IS NULL OR rank > 0),
  decision_number TEXT UNIQUE,
  replaces_id INTEGER REFERENCES outcome(id),
  replace_kind TEXT CHECK (replace_kind IN ('vervangt', 'trekt_in')),
  approves_id INTEGER REFERENCES meeting(id),
  author TEXT,
  author_role TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((replaces_id IS NULL) = (replace_kind IS NULL)),
  CHECK (kind = 'besluit' OR (decision_number IS NULL AND replaces_id IS NULL AND approves_id IS NULL)),
  CHECK (kind <> 'actiepunt' OR actiepunt_id IS NOT NULL),
  CHECK (kind <> 'prioriteit' OR (dossier_id IS NOT NULL AND priority IS NOT NULL))
) STRICT;
CREATE INDEX outcome_by_item ON outcome (agenda_item_id, position);
CREATE INDEX outcome_by_dossier ON outcome (dossier_id) WHERE dossier_id IS NOT NULL;
CREATE INDEX outcome_by_actiepunt ON outcome (actiepunt_id) WHERE actiepunt_id IS NOT NULL;
CREATE INDEX outcome_by_replaced ON outcome (replaces_id) WHERE replaces_id IS NOT NULL;

CREATE TABLE attendance (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL CHECK (length(name) > 0),
  organisation TEXT NOT NULL,
  presence TEXT NOT NULL CHECK (presence IN ('aanwezig', 'afwezig_met_bericht', 'vervangen')),
  substitute TEXT,
  CHECK ((presence = 'vervangen') = (substitute IS NOT NULL))
) STRICT;
CREATE INDEX attendance_by_meeting ON attendance (meeting_id, position);

CREATE TABLE agenda_template_item (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  title TEXT NOT NULL CHECK (length(title) > 0),
  purpose TEXT NOT NULL CHECK (purpose IN ('besluitvorming', 'bespreking', 'informatie')),
  presenter TEXT,
  minutes INTEGER CHECK (minutes IS NULL OR minutes > 0),
  standing TEXT,
  evaluation_only INTEGER NOT NULL CHECK (evaluation_only IN (0, 1)),
  links TEXT NOT NULL CHECK (json_valid(links))
) STRICT;

CREATE TABLE meeting_freeze (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER REFERENCES meeting(id),
  stage TEXT NOT NULL CHECK (stage IN ('start', 'agenda', 'afgerond')),
  parent_id INTEGER REFERENCES meeting_freeze(id),
  at TEXT NOT NULL,
  change_mark INTEGER NOT NULL,
  hash TEXT NOT NULL,
  record TEXT NOT NULL,
  UNIQUE (meeting_id, stage),
  CHECK ((stage = 'start') = (meeting_id IS NULL))
) STRICT;

CREATE TABLE freeze_entry (
  freeze_id INTEGER NOT NULL REFERENCES meeting_freeze(id),
  key TEXT NOT NULL,
  hash TEXT REFERENCES frozen_part(hash),
  PRIMARY KEY (freeze_id, key)
) STRICT, WITHOUT ROWID;

-- A rowid table: a part (about a kilobyte of JSON) then sits in its b-tree page; in a WITHOUT ROWID
-- table each part over a quarter page would spill into an overflow page of its own (the bench saw
-- 240 KB of pages for 74 KB of parts per freeze).
CREATE TABLE frozen_part (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL
) STRICT;

INSERT INTO meeting (number, year, seq, date, kind, title, state, created_at, updated_at)
  SELECT 'TB-' || substr(date, 1, 4) || '-' || printf('%02d', row_number() OVER (PARTITION BY substr(date, 1, 4) ORDER BY date, id)),
         CAST(substr(date, 1, 4) AS INTEGER),
         row_number() OVER (PARTITION BY substr(date, 1, 4) ORDER BY date, id),
         date, 'evaluatiemoment', title, 'afgerond', created_at, created_at
  FROM evaluatiemoment ORDER BY date, id;
DROP TABLE evaluatiemoment;

CREATE TABLE number_mark_new (
  kind TEXT PRIMARY KEY CHECK (kind IN ('dossier', 'actiepunt') OR kind GLOB 'meeting:[12][0-9][0-9][0-9]' OR kind GLOB 'besluit:[12][0-9][0-9][0-9]'),
  high INTEGER NOT NULL CHECK (high >= 0)
) STRICT;
INSERT INTO number_mark_new (kind, high) SELECT kind, high FROM number_mark;
INSERT INTO number_mark_new (kind, high) SELECT 'meeting:' || year, max(seq) FROM meeting GROUP BY year;
DROP TABLE number_mark;
ALTER TABLE number_mark_new RENAME TO number_mark;

INSERT INTO agenda_template_item (position, title, purpose, presenter, minutes, standing, evaluation_only, links) VALUES
${TEMPLATE.map(([title, purpose, presenter, minutes, standing, evaluationOnly, links], i) => `  (${i + 1}, ${quote(title)}, '${purpose}', ${quote(presenter)}, ${minutes}, '${standing}', ${evaluationOnly}, '${links}')`).join(',\n')};

${TABLES.map((t) => undoTriggers(t) + auditTriggers(t, SUBJECT[t.name])).join('\n')}
${FROZEN.map(undoTriggers).join('\n')}
`;
