// The undo and audit triggers of a register table, as migrations 0003 and 0004 first wrote them
// and as every later migration writes them for the tables it creates or changes. Frozen like a
// migration: the SQL generated here is part of released schemas (a restore compares a backup's
// schema with a freshly migrated one), so it never changes; a new need gets a new function.

export interface TriggerTable {
  name: string;
  key: readonly string[];
  columns: readonly string[];
}

const RECORDING = `(SELECT recording FROM undo_state WHERE id = 1)`;
const log = (statement: string) => `INSERT INTO undo_log (stack, statement) VALUES (${RECORDING}, ${statement});`;
const where = (key: readonly string[], row: 'old' | 'new') => key.map((k) => `'${k} = ' || quote(${row}.${k})`).join(` || ' AND ' || `);

/** Undo as data (sqlite.org's "Automatic Undo/Redo Using SQLite"): each change logs the statement that reverses it. */
export function undoTriggers(t: TriggerTable): string {
  const when = `WHEN ${RECORDING} <> 'off'`;
  const sets = t.columns.map((c) => `'${c} = ' || quote(old.${c})`).join(` || ', ' || `);
  const values = t.columns.map((c) => `quote(old.${c})`).join(` || ', ' || `);
  return `
CREATE TRIGGER ${t.name}_undo_insert AFTER INSERT ON ${t.name} ${when} BEGIN
  ${log(`'DELETE FROM ${t.name} WHERE ' || ${where(t.key, 'new')}`)}
END;
CREATE TRIGGER ${t.name}_undo_update AFTER UPDATE ON ${t.name} ${when} BEGIN
  ${log(`'UPDATE ${t.name} SET ' || ${sets} || ' WHERE ' || ${where(t.key, 'new')}`)}
END;
CREATE TRIGGER ${t.name}_undo_delete AFTER DELETE ON ${t.name} ${when} BEGIN
  ${log(`'INSERT INTO ${t.name} (${t.columns.join(', ')}) VALUES (' || ${values} || ')'`)}
END;`;
}

/** SQL on a row (`old` or `new`) naming the dossier and the actiepunt (by number) a change concerns. */
export type AuditSubject = (row: string) => [dossier: string, actiepunt: string];

/** The audit trail: every change to a row, with its values before and after, filed later under its call. */
export function auditTriggers(t: TriggerTable, subject: AuditSubject = () => ['NULL', 'NULL']): string {
  const json = (row: string) => `json_object(${t.columns.map((c) => `'${c}', ${row}.${c}`).join(', ')})`;
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

/** The dossier, by number, of a row that names it by id in `column`. */
export const dossierOf = (row: string, column = 'dossier_id') => `(SELECT number FROM dossier WHERE id = ${row}.${column})`;
/** The actiepunt, by number, of a row that names it by id in `column`. */
export const actiepuntOf = (row: string, column = 'actiepunt_id') => `(SELECT number FROM actiepunt WHERE id = ${row}.${column})`;
