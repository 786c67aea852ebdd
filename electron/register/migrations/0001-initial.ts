// The first schema: jaarplan, ambitions, dossiers, actiepunten, evaluatiemomenten.
// Phase, priority and status live only as dated rows: the current value is the newest row,
// the value on a date is the newest row on or before it.
export const up = `
CREATE TABLE jaarplan (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 1900 AND 2999),
  title TEXT NOT NULL,
  board TEXT NOT NULL,
  reference_date TEXT NOT NULL,
  dossier_space_url TEXT
) STRICT;

CREATE TABLE ambition (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  focus INTEGER NOT NULL CHECK (focus IN (0, 1)),
  description TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL
) STRICT;

CREATE TABLE hoofddossier (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL UNIQUE,
  intro TEXT NOT NULL DEFAULT '',
  link TEXT
) STRICT;

CREATE TABLE dossier (
  id INTEGER PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE CHECK (number > 0),
  title TEXT NOT NULL CHECK (length(title) > 0),
  description TEXT NOT NULL DEFAULT '',
  hoofddossier_id INTEGER REFERENCES hoofddossier(id),
  note TEXT,
  link TEXT,
  owner TEXT,
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE dossier_ambition (
  dossier_id INTEGER NOT NULL REFERENCES dossier(id),
  ambition_id INTEGER NOT NULL REFERENCES ambition(id),
  PRIMARY KEY (dossier_id, ambition_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX dossier_ambition_by_ambition ON dossier_ambition (ambition_id);

CREATE TABLE dossier_phase (
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossier(id),
  effective_date TEXT NOT NULL,
  phase TEXT CHECK (phase IN ('nieuw', 'analyse', 'refinement', 'implementatie', 'afgerond')),
  qualifier TEXT,
  parked INTEGER NOT NULL CHECK (parked IN (0, 1)),
  note TEXT,
  recorded_at TEXT NOT NULL,
  CHECK (phase IS NOT NULL OR parked = 1)
) STRICT;
CREATE INDEX dossier_phase_by_date ON dossier_phase (dossier_id, effective_date, id);

CREATE TABLE dossier_priority (
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossier(id),
  effective_date TEXT NOT NULL,
  priority INTEGER NOT NULL CHECK (priority IN (0, 1)),
  rank INTEGER CHECK (rank IS NULL OR (priority = 1 AND rank > 0)),
  note TEXT,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX dossier_priority_by_date ON dossier_priority (dossier_id, effective_date, id);

CREATE TABLE actiepunt (
  id INTEGER PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE CHECK (number > 0),
  text TEXT NOT NULL CHECK (length(text) > 0),
  deadline_date TEXT,
  deadline_text TEXT,
  remarks TEXT,
  dossier_id INTEGER REFERENCES dossier(id),
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (deadline_date IS NULL OR deadline_text IS NULL)
) STRICT;
CREATE INDEX actiepunt_by_dossier ON actiepunt (dossier_id);

CREATE TABLE actiepunt_sub_point (
  actiepunt_id INTEGER NOT NULL REFERENCES actiepunt(id),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (actiepunt_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE actiepunt_owner (
  actiepunt_id INTEGER NOT NULL REFERENCES actiepunt(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (actiepunt_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE actiepunt_status (
  id INTEGER PRIMARY KEY,
  actiepunt_id INTEGER NOT NULL REFERENCES actiepunt(id),
  effective_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'in_uitvoering', 'afgerond', 'vervallen')),
  note TEXT,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX actiepunt_status_by_date ON actiepunt_status (actiepunt_id, effective_date, id);

CREATE TABLE evaluatiemoment (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
`;
