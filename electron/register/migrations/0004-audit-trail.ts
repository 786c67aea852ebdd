// The audit trail: every change to a register row, with its values before and after, filed under
// the call that made it (when, which call, which item). Unlike the undo log it is never pruned
// or rewound: an undo is itself a change in the trail.
import { TABLES } from './0003-undo-log';

const DOSSIER_BY_ID = (row: string) => `(SELECT number FROM dossier WHERE id = ${row}.dossier_id)`;
const ACTIEPUNT_BY_ID = (row: string) => `(SELECT number FROM actiepunt WHERE id = ${row}.actiepunt_id)`;

/** Which dossier and which actiepunt a row's change concerns, as SQL on `row` (old or new). */
const SUBJECT: Record<string, (row: string) => [string, string]> = {
  dossier: (row) => [`${row}.number`, 'NULL'],
  dossier_ambition: (row) => [DOSSIER_BY_ID(row), 'NULL'],
  dossier_phase: (row) => [DOSSIER_BY_ID(row), 'NULL'],
  dossier_priority: (row) => [DOSSIER_BY_ID(row), 'NULL'],
  actiepunt: (row) => [DOSSIER_BY_ID(row), `${row}.number`],
  actiepunt_sub_point: (row) => ['NULL', ACTIEPUNT_BY_ID(row)],
  actiepunt_owner: (row) => ['NULL', ACTIEPUNT_BY_ID(row)],
  actiepunt_status: (row) => ['NULL', ACTIEPUNT_BY_ID(row)],
};

function triggers(t: (typeof TABLES)[number]): string {
  const json = (row: string) => `json_object(${t.columns.map((c) => `'${c}', ${row}.${c}`).join(', ')})`;
  const subject = SUBJECT[t.name] ?? (() => ['NULL', 'NULL']);
  const entry = (action: string, row: 'old' | 'new', before: string, after: string) => {
    const [dossier, actiepunt] = subject(row);
    return `INSERT INTO audit_log (tbl, action, dossier, actiepunt, before, after) VALUES ('${t.name}', '${action}', ${dossier}, ${actiepunt}, ${before}, ${after});`;
  };
  return `
CREATE TRIGGER ${t.name}_audit_insert AFTER INSERT ON ${t.name} BEGIN
  ${entry('insert', 'new', 'NULL', json('new'))}
END;
CREATE TRIGGER ${t.name}_audit_update AFTER UPDATE ON ${t.name} BEGIN
  ${entry('update', 'new', json('old'), json('new'))}
END;
CREATE TRIGGER ${t.name}_audit_delete BEFORE DELETE ON ${t.name} BEGIN
  ${entry('delete', 'old', json('old'), 'NULL')}
END;`;
}

export const up = `
CREATE TABLE change (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  call TEXT NOT NULL,
  item INTEGER
) STRICT;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  change_id INTEGER REFERENCES change(id),
  tbl TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  dossier INTEGER,
  actiepunt INTEGER,
  before TEXT,
  after TEXT
) STRICT;
CREATE INDEX audit_log_by_change ON audit_log (change_id);
CREATE INDEX audit_log_by_dossier ON audit_log (dossier);
CREATE INDEX audit_log_by_actiepunt ON audit_log (actiepunt);
${TABLES.map(triggers).join('\n')}
`;
