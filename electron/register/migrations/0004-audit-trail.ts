// The audit trail: every change to a register row, with its values before and after, filed under
// the call that made it (when, which call, which item). Unlike the undo log it is never pruned
// or rewound: an undo is itself a change in the trail.
import { TABLES } from './0003-undo-log';
import { actiepuntOf, auditTriggers, dossierOf, type AuditSubject } from './triggers';

/** Which dossier and which actiepunt a row's change concerns, as SQL on `row` (old or new). */
const SUBJECT: Record<string, AuditSubject> = {
  dossier: (row) => [`${row}.number`, 'NULL'],
  dossier_ambition: (row) => [dossierOf(row), 'NULL'],
  dossier_phase: (row) => [dossierOf(row), 'NULL'],
  dossier_priority: (row) => [dossierOf(row), 'NULL'],
  actiepunt: (row) => [dossierOf(row), `${row}.number`],
  actiepunt_sub_point: (row) => ['NULL', actiepuntOf(row)],
  actiepunt_owner: (row) => ['NULL', actiepuntOf(row)],
  actiepunt_status: (row) => ['NULL', actiepuntOf(row)],
};

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
${TABLES.map((t) => auditTriggers(t, SUBJECT[t.name])).join('\n')}
`;
