// Opening a register: pragmas, STRICT tables, migrations, and files we must refuse untouched.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openRegister, type Register } from '../../electron/register/db';
import { MIGRATIONS } from '../../electron/register/migrations';
import { RegisterError } from '../../shared/errors';
import { sha256, tempDir } from '../support/register';

const opened: Register[] = [];
const open = (...args: Parameters<typeof openRegister>) => {
  const reg = openRegister(...args);
  opened.push(reg);
  return reg;
};
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

function expectRegisterError(fn: () => unknown, code: string, pattern: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RegisterError);
    expect((error as RegisterError).code).toBe(code);
    expect((error as Error).message).toMatch(pattern);
    return;
  }
  throw new Error('expected a RegisterError');
}

describe('opening a register', () => {
  it('sets WAL, synchronous=FULL and foreign keys on a real file', () => {
    const reg = open(path.join(tempDir(), 'r.sqlite'));
    expect(reg.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(reg.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(reg.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(fs.existsSync(`${reg.path}-wal`)).toBe(true);
  });

  it('creates only STRICT tables, marks the file as ours and records the schema version', () => {
    const reg = open(path.join(tempDir(), 'r.sqlite'));
    const tables = reg.db.prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'`).all() as Array<{
      name: string;
      strict: number;
    }>;
    expect(tables.map((t) => t.name).sort()).toEqual(
      [
        'actiepunt', 'actiepunt_owner', 'actiepunt_status', 'actiepunt_sub_point', 'ambition', 'dossier',
        'dossier_ambition', 'dossier_phase', 'dossier_priority', 'hoofddossier', 'jaarplan',
        'undo_log', 'undo_state', 'undo_step', 'audit_log', 'change', 'dossier_now', 'number_mark',
        'meeting', 'agenda_item', 'agenda_link', 'outcome', 'attendance', 'agenda_template_item',
        'meeting_freeze', 'freeze_entry', 'frozen_part', 'meeting_pack',
        'sync_meta', 'sync_change', 'sync_row', 'sync_stamp', 'sync_peer', 'sync_conflict', 'sync_receipt',
      ].sort(),
    );
    expect(tables.filter((t) => t.strict !== 1)).toEqual([]);
    // Every register table can be undone and is audited: each has its insert, update and delete
    // triggers for both logs, with every column of the table in what they log. dossier_now is
    // derived from the dated rows by triggers of its own (dossier-now.test.ts), never edited;
    // number_mark is bookkeeping that an undo must not lower. The frozen copies of the register
    // kept with meetings can be undone with the call that froze them, but are not audited (that
    // would store the register twice over).
    // meeting_pack, the versions of meeting packs made, is kept with its freeze in the same way.
    // The exchange's tables (sync_*) are its log and bookkeeping: an undo is itself a change that
    // travels, so nothing of them is undone, and they are not register content to audit.
    const FROZEN = ['meeting_pack'];
    // Freezes, once made, stay (issue 17, migration 0010): they may have travelled to another
    // laptop, so no undo takes them away; they have neither log's triggers.
    const KEPT = ['meeting_freeze', 'freeze_entry', 'frozen_part'];
    for (const table of KEPT) {
      expect(reg.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? AND (name LIKE '%_undo_%' OR name LIKE '%_audit_%')`).pluck().all(table), table).toEqual([]);
    }
    const registerTables = tables
      .map((t) => t.name)
      .filter((name) => !name.startsWith('undo_') && !name.startsWith('sync_') && !KEPT.includes(name) && !['audit_log', 'change', 'dossier_now', 'number_mark'].includes(name));
    for (const table of registerTables) {
      const columns = reg.db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
      for (const log of FROZEN.includes(table) ? ['undo'] : ['undo', 'audit']) {
        for (const event of ['insert', 'update', 'delete']) {
          const sql = reg.db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?`).pluck().get(`${table}_${log}_${event}`) as string;
          expect(sql, `${table} ${log} ${event}`).toBeTruthy();
          if (event !== 'insert') for (const column of columns) expect(sql, `${table}.${column}`).toContain(`old.${column}`);
        }
      }
    }
    expect(reg.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(reg.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(reg.schemaVersion).toBe(MIGRATIONS.length);
  });

  it('enforces foreign keys in the schema', () => {
    const reg = open(path.join(tempDir(), 'r.sqlite'));
    expect(() =>
      reg.db
        .prepare(`INSERT INTO dossier_phase (dossier_id, effective_date, phase, parked, recorded_at) VALUES (999, '2024-01-01', 'nieuw', 0, 'x')`)
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('migrates 0001 from the version before it: an empty file', () => {
    const file = path.join(tempDir(), 'r.sqlite');
    fs.writeFileSync(file, '');
    const reg = open(file);
    expect(reg.schemaVersion).toBe(MIGRATIONS.length);
    expect(reg.db.prepare('SELECT count(*) FROM dossier').pluck().get()).toBe(0);
  });

  it('migrates 0002 from a version-1 register: rows kept, 2024 annex texts filled in, other years left empty', () => {
    const file = path.join(tempDir(), 'v1.sqlite');
    const v1 = openRegister(file, { migrations: MIGRATIONS.slice(0, 1) });
    v1.db.exec(`
      INSERT INTO jaarplan (year, title, board, reference_date, dossier_space_url) VALUES
        (2024, 'Jaarplan eHerkenning 2024', 'Tactisch Beraad eTD', '2024-01-01', NULL),
        (2025, 'Jaarplan eHerkenning 2025', 'Tactisch Beraad eTD', '2025-01-01', NULL);
      INSERT INTO dossier (number, title, note, created_at, updated_at) VALUES (7, 'Oud dossier', 'een notitie', 't', 't');`);
    expect(v1.schemaVersion).toBe(1);
    v1.close();

    const reg = open(file);
    expect(reg.schemaVersion).toBe(MIGRATIONS.length);
    const rows = reg.db.prepare('SELECT year, bijlage1_intro, bijlage1_order_note, bijlage1_footnote, bijlage2_intro FROM jaarplan ORDER BY year').all() as Array<{ bijlage1_intro: string; bijlage1_order_note: string; bijlage1_footnote: string; bijlage2_intro: string }>;
    expect(rows[0]!.bijlage1_intro).toMatch(/^Deze bijlage van het Jaarplan eHerkenning 2024 bevat de dossiers .*\n\nDe ondergenoemde voortgangsfase .* toegelicht worden\.$/s);
    expect(rows[0]!.bijlage1_order_note).toContain('op basis van de voortgangsfase op 1-1-2024');
    expect(rows[0]!.bijlage1_footnote).toContain('Confluence');
    expect(rows[0]!.bijlage2_intro.split('\n\n')).toHaveLength(3);
    expect(rows[1]!).toEqual({ year: 2025, bijlage1_intro: '', bijlage1_order_note: '', bijlage1_footnote: '', bijlage2_intro: '' });
    expect(reg.db.prepare('SELECT number, title, note, planning FROM dossier').all()).toEqual([
      { number: 7, title: 'Oud dossier', note: 'een notitie', planning: null },
    ]);
  });

  it('opens an up-to-date register without migrating it again', () => {
    const file = path.join(tempDir(), 'r.sqlite');
    open(file).close();
    opened.pop();
    // Same number of migrations, but each would fail if it ran: opening must not run any.
    const poisoned = MIGRATIONS.map((m) => ({ name: m.name, up: 'THIS IS NOT SQL;' }));
    const reg = open(file, { migrations: poisoned });
    expect(reg.schemaVersion).toBe(MIGRATIONS.length);
  });

  it('applies migrations in one transaction: a failing migration leaves the register at its old version', () => {
    const file = path.join(tempDir(), 'r.sqlite');
    open(file).close();
    opened.pop();
    const broken = [...MIGRATIONS, { name: '9999-half', up: 'CREATE TABLE half_done (x INTEGER) STRICT; INSERT INTO no_such_table VALUES (1);' }];
    expect(() => openRegister(file, { migrations: broken })).toThrow(/no_such_table/);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(raw.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'`).pluck().get()).toBe(0);
    raw.close();
  });

  it('refuses a register from a newer version with a clear message and leaves the file untouched', () => {
    const file = path.join(tempDir(), 'r.sqlite');
    const raw = new Database(file);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    raw.exec('CREATE TABLE future_thing (x INTEGER) STRICT');
    raw.close();
    const before = sha256(file);
    expectRegisterError(() => openRegister(file), 'register_too_new', /newer TB-register.*schema version \d+.*left untouched/s);
    expect(sha256(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a foreign SQLite database and a file that is not SQLite, leaving both untouched', () => {
    const dir = tempDir();
    const foreign = path.join(dir, 'other.sqlite');
    const raw = new Database(foreign);
    raw.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    raw.close();
    const foreignHash = sha256(foreign);
    expectRegisterError(() => openRegister(foreign), 'invalid_input', /not a TB-register file/);
    expect(sha256(foreign)).toBe(foreignHash);

    const notSqlite = path.join(dir, 'notes.txt');
    fs.writeFileSync(notSqlite, 'Dit is geen database, maar een notitie die groot genoeg is om een header te hebben.'.repeat(10));
    const textHash = sha256(notSqlite);
    expectRegisterError(() => openRegister(notSqlite), 'invalid_input', /not a TB-register file/);
    expect(sha256(notSqlite)).toBe(textHash);
  });

  it('opens read-only without writing, and refuses writes through the api', async () => {
    const file = path.join(tempDir(), 'r.sqlite');
    open(file).close();
    opened.pop();
    const reg = open(file, { readOnly: true });
    expect(reg.readOnly).toBe(true);
    const { createApi } = await import('../../electron/api');
    const result = createApi(reg).invoke('meeting.create', { date: '2024-03-01', title: 'TB maart' });
    expect(result).toMatchObject({ ok: false, error: { code: 'read_only' } });
  });
});
