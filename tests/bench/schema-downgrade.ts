// A copy of a register as schema version 1 would have held it: every table, column, index and
// trigger that a later migration added is dropped, and what a later migration dropped is put back
// (the meetings as the evaluatiemomenten they were before migration 8). Opening the copy then runs
// the real migrations over a register full of data, which is what a user's first start after an
// update does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openRegister } from '../../electron/register/db';
import { MIGRATIONS } from '../../electron/register/migrations';

type Schema = Map<string, { type: string; sql: string | null; columns: Set<string> }>;

function schemaOf(db: Database.Database): Schema {
  const objects = db.prepare(`SELECT name, type, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'`).all() as Array<{ name: string; type: string; sql: string | null }>;
  return new Map(
    objects.map(({ name, type, sql }) => [
      name,
      { type, sql, columns: new Set(type === 'table' ? (db.pragma(`table_info("${name}")`) as Array<{ name: string }>).map((c) => c.name) : []) },
    ]),
  );
}

function versionSchema(version: number): Schema {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-bench-schema-'));
  const reg = openRegister(path.join(dir, 'empty.sqlite'), { migrations: MIGRATIONS.slice(0, version) });
  const schema = schemaOf(reg.db);
  reg.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return schema;
}

/** Writes `target`: the register at `source`, taken back to schema `version`. */
export function copyAsVersion(source: string, target: string, version: number): void {
  const keep = versionSchema(version);
  const from = new Database(source, { readonly: true });
  from.prepare('VACUUM INTO ?').run(target);
  from.close();
  const db = new Database(target);
  // Dropped tables refer to each other; what is left is checked by the migrations' own constraints.
  db.pragma('foreign_keys = OFF');
  const now = schemaOf(db);
  db.transaction(() => {
    // What the version had and a later migration dropped, back first, while the rows that replaced it are still there.
    for (const type of ['table', 'index', 'trigger']) {
      for (const [name, object] of keep) if (object.type === type && !now.has(name) && object.sql) db.exec(object.sql);
    }
    if (keep.has('evaluatiemoment') && !now.has('evaluatiemoment') && now.has('meeting')) {
      db.exec(`INSERT INTO evaluatiemoment (date, title, created_at) SELECT date, coalesce(title, number), created_at FROM meeting WHERE state <> 'geannuleerd' ORDER BY date, id`);
    }
    for (const [name, object] of now) if (object.type === 'trigger' && !keep.has(name)) db.exec(`DROP TRIGGER "${name}"`);
    for (const [name, object] of now) if (object.type === 'index' && !keep.has(name)) db.exec(`DROP INDEX "${name}"`);
    for (const [name, object] of now) if (object.type === 'table' && !keep.has(name)) db.exec(`DROP TABLE "${name}"`);
    for (const [name, object] of now) {
      const kept = keep.get(name);
      if (object.type !== 'table' || !kept) continue;
      for (const column of object.columns) if (!kept.columns.has(column)) db.exec(`ALTER TABLE "${name}" DROP COLUMN "${column}"`);
    }
    db.pragma(`user_version = ${version}`);
  })();
  db.exec('VACUUM');
  db.close();
}
