// What the kill loop's writer changes, named as keys, and how the verifier reads a key's value
// straight from the register file. Every write the writer makes sets one key to a value no earlier
// write gave it (a new title, a new note, a phase, mark or status other than the current one), so
// a value read back says which writes took effect.
import type Database from 'better-sqlite3';

export type Key =
  | { kind: 'dossierTitle'; title: string }
  | { kind: 'actiepuntText'; text: string }
  | { kind: 'dossierNote'; number: number }
  | { kind: 'dossierPhase'; number: number }
  | { kind: 'dossierPriority'; number: number }
  | { kind: 'actiepuntStatus'; number: number }
  | { kind: 'actiepuntRemarks'; number: number };

/** A key's value: whether the item exists (creates), or the field's current value. */
export type Value = string | number | boolean | null;

/** One line of the writer's log: B (about to call) or A (the call returned ok). */
export type Intent =
  | { seq: number; op: 'write'; call: string; input: unknown; key: Key; value: Value }
  | { seq: number; op: 'undo' | 'redo'; call: string; input: unknown };

export const keyName = (key: Key): string => JSON.stringify(key);

const NEWEST = (table: string, column: string) => `(SELECT id FROM ${table} WHERE ${column} = x.id ORDER BY effective_date DESC, id DESC LIMIT 1)`;

/** The key's value in the register as it is on disk now. */
export function readKey(db: Database.Database, key: Key): Value {
  const one = (sql: string, ...params: unknown[]) => (db.prepare(sql).pluck().get(...params) as Value | undefined) ?? null;
  switch (key.kind) {
    case 'dossierTitle':
      return (one('SELECT count(*) FROM dossier WHERE title = ?', key.title) as number) > 0;
    case 'actiepuntText':
      return (one('SELECT count(*) FROM actiepunt WHERE text = ?', key.text) as number) > 0;
    case 'dossierNote':
      return one('SELECT note FROM dossier WHERE number = ?', key.number);
    case 'dossierPhase':
      return one(`SELECT p.phase FROM dossier x JOIN dossier_phase p ON p.id = ${NEWEST('dossier_phase', 'dossier_id')} WHERE x.number = ?`, key.number);
    case 'dossierPriority':
      return one(`SELECT p.priority FROM dossier x JOIN dossier_priority p ON p.id = ${NEWEST('dossier_priority', 'dossier_id')} WHERE x.number = ?`, key.number) === 1;
    case 'actiepuntStatus':
      return one(`SELECT s.status FROM actiepunt x JOIN actiepunt_status s ON s.id = ${NEWEST('actiepunt_status', 'actiepunt_id')} WHERE x.number = ?`, key.number);
    case 'actiepuntRemarks':
      return one('SELECT remarks FROM actiepunt WHERE number = ?', key.number);
  }
}
