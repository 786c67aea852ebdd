// What an adversarial run against the register found (issue 15), one test per defect, each seen to
// fail on the code before its fix. On real register files, a real HTTP server, real child
// processes and real exports checked with a strict XML parser.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi, handlerGroups } from '../../electron/api';
import { ExportJobs } from '../../electron/export/export-jobs';
import { renderExport } from '../../electron/export/render';
import { RegisterHost } from '../../electron/register-host';
import { fixedClock } from '../../electron/register/clock';
import { openRegister } from '../../electron/register/db';
import { MIGRATIONS } from '../../electron/register/migrations';
import { createSeededRegister, readSeed } from '../../electron/register/seed';
import { startWebServer, TOKEN_HEADER } from '../../electron/web-server';
import { EXPORT_DOCUMENTS, EXPORT_FORMATS, exportFileName } from '../../shared/exports';
import { bundleForNode } from '../support/bundle';
import { followExport } from '../support/export';
import { toPdf } from '../support/office';
import { dumpRegister, emptyRegister, ROOT, SEED_FILE, seededRegister, sha256, tempDir, TEST_NOW, testRegisterFor, type TestRegister } from '../support/register';
import { checkOfficeXml } from '../support/strict-xml';

const clock = fixedClock(TEST_NOW);
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function seededFile(): string {
  const file = path.join(tempDir(), 'register.sqlite');
  createSeededRegister(file, readSeed(SEED_FILE), { clock });
  return file;
}

function host(file = seededFile()): RegisterHost {
  const h = RegisterHost.open(file, { clock });
  cleanups.push(() => h.close());
  return h;
}

function tracked(t: TestRegister): TestRegister {
  cleanups.push(() => t.close());
  return t;
}

/** A file in the host's backups folder under a backup's name, so restore can be asked to use it. */
function plantBackup(h: RegisterHost, name: string, make: (file: string) => void): string {
  fs.mkdirSync(h.backupDir, { recursive: true });
  const file = path.join(h.backupDir, name);
  make(file);
  return file;
}

const ALL_DOCUMENTS = { what: [...EXPORT_DOCUMENTS], formats: [...EXPORT_FORMATS], date: '2026-11-30' };

describe('1. restore accepts only a whole TB-register this version can open', () => {
  const cases: Array<[string, (file: string) => void, RegExp]> = [
    ['an empty file', (file) => fs.writeFileSync(file, ''), /is an empty file, not a register/],
    ['a text file', (file) => fs.writeFileSync(file, 'hello'), /is not a SQLite database/],
    [
      'an empty SQLite database',
      (file) => {
        const db = new Database(file);
        db.pragma('user_version = 0');
        db.exec('VACUUM');
        db.close();
      },
      /is an empty SQLite database, not a register/,
    ],
    [
      'a SQLite database of another program',
      (file) => {
        const db = new Database(file);
        db.exec('CREATE TABLE notes (text TEXT)');
        db.close();
      },
      /is a SQLite database of another program, not a TB-register/,
    ],
    [
      'a register of a newer version',
      (file) => {
        fs.copyFileSync(seededFile(), file);
        const db = new Database(file);
        db.pragma(`user_version = ${MIGRATIONS.length + 3}`);
        db.close();
      },
      new RegExp(`was written by a newer TB-register \\(schema version ${MIGRATIONS.length + 3}`),
    ],
    [
      'a register without a jaarplan',
      (file) => {
        const empty = emptyRegister(clock);
        empty.close();
        fs.copyFileSync(empty.file, file);
      },
      /is a TB-register without a jaarplan/,
    ],
  ];
  for (const [what, make, message] of cases) {
    it(`refuses ${what} before the register is touched, saying what the file is`, async () => {
      const h = host();
      const api = createApi(h);
      api.invoke('dossier.update', { number: 4, patch: { title: 'Vóór de restore' } });
      const before = dumpRegister(h.reg);
      plantBackup(h, 'register-2099-01-01T00-00-00.sqlite', make);
      const result = await api.invokeAsync('backup.restore', { name: 'register-2099-01-01T00-00-00.sqlite' });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name', message: expect.stringMatching(message) } });
      expect(result.ok || result.error.message).toMatch(/The register was left as it was\.$/);
      expect(dumpRegister(h.reg)).toEqual(before);
      // No copy or stepped-aside register is left beside it.
      expect(fs.readdirSync(path.dirname(h.file)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      // And the next start opens it as it was.
      h.close();
      cleanups.pop();
      const again = host(h.file);
      expect(createApi(again).invoke('dossier.get', { number: 4 })).toMatchObject({ ok: true, value: { title: 'Vóór de restore' } });
    });
  }

  it("lets 'newest-good' pass over newer files that are not good registers", async () => {
    const h = host();
    const api = createApi(h);
    const title = h.reg.db.prepare('SELECT title FROM dossier WHERE number = 4').pluck().get();
    const good = await api.invokeAsync('backup.create', {});
    expect(good.ok).toBe(true);
    api.invoke('dossier.update', { number: 4, patch: { title: 'Na de backup' } });
    plantBackup(h, 'register-2098-01-01T00-00-00.sqlite', (file) => fs.writeFileSync(file, ''));
    plantBackup(h, 'register-2099-01-01T00-00-00.sqlite', (file) => {
      const db = new Database(file);
      db.exec('CREATE TABLE notes (text TEXT)');
      db.close();
    });
    expect(await api.invokeAsync('backup.restore', { name: 'newest-good' })).toMatchObject({ ok: true });
    expect(api.invoke('dossier.get', { number: 4 })).toMatchObject({ ok: true, value: { title } });
  });

  it('restores an older backup by migrating a copy first, and the register opens at the current version', async () => {
    const h = host();
    const old = plantBackup(h, 'register-2024-01-01T00-00-00.sqlite', (file) => {
      createSeededRegister(file, readSeed(SEED_FILE), { clock, migrations: MIGRATIONS.slice(0, 5) });
    });
    expect(new Database(old, { readonly: true }).pragma('user_version', { simple: true })).toBe(5);
    const api = createApi(h);
    expect(await api.invokeAsync('backup.restore', { name: path.basename(old) })).toMatchObject({ ok: true });
    expect(h.reg.schemaVersion).toBe(MIGRATIONS.length);
    expect(api.invoke('dossier.create', { title: 'Na herstel', phase: { phase: 'nieuw' } })).toMatchObject({ ok: true, value: { number: 16 } });
  });

  it('answers every call with an envelope when the register cannot even be opened again, and can still restore', async () => {
    const file = seededFile();
    const first = host(file);
    expect((await createApi(first).invokeAsync('backup.create', {})).ok).toBe(true);
    first.close();
    cleanups.pop();
    const h = host(file);
    const api = createApi(h);
    // The whole file is garbled under the open register before its first use (a failing disk):
    // the check at first use fails, and so does opening it again read-only.
    fs.writeFileSync(file, Buffer.alloc(fs.statSync(file).size, 0x5a));
    for (const [name, input] of [
      ['dossier.list', {}],
      ['register.info', {}],
      ['dossier.update', { number: 4, patch: { title: 'x' } }],
    ] as const) {
      let result: unknown;
      expect(() => (result = api.invoke(name, input)), name).not.toThrow();
      expect(result, name).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('cannot be opened') } });
    }
    expect(await api.invokeAsync('backup.list', {})).toMatchObject({ ok: true });
    expect(await api.invokeAsync('backup.restore', { name: 'newest-good' })).toMatchObject({ ok: true });
    expect(api.invoke('dossier.get', { number: 4 })).toMatchObject({ ok: true, value: { number: 4 } });
  });
});

describe('2. no call ends the browser shell', () => {
  it('answers a call whose name is an object with a broken toString, and the next call too', async () => {
    const r = tracked(seededRegister());
    expect(r.api.invoke({ toString: 1 }, {})).toEqual({ ok: false, error: { code: 'unknown_call', message: 'There is no call named of type object.' } });
    expect(r.api.invoke(Object.create(null), {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    const server = await startWebServer(r.api, { staticDir: tempDir() });
    cleanups.push(() => void server.close());
    const post = (body: string) =>
      fetch(`${server.url}api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token }, body });
    for (const body of ['{"name":{"toString":1}}', '{"name":{"valueOf":{}},"input":{"__proto__":{"x":1}}}', 'null', '[1,2]', '"dossier.list"', '{"name":"dossier.get","input":{"number":{"toString":1}}}']) {
      const response = await post(body);
      expect(response.status, body).toBe(200);
      expect(await response.json(), body).toMatchObject({ ok: false });
    }
    expect(await (await post('{"name":"dossier.get","input":{"number":4}}')).json()).toMatchObject({ ok: true, value: { number: 4 } });
  });
});

describe('3. numbers never run past the range', () => {
  for (const [kind, create, get] of [
    ['dossier', (n?: number) => ({ ...(n ? { number: n } : {}), title: 'Laatste', phase: { phase: 'nieuw' } }), 'dossier.get'],
    ['actiepunt', (n?: number) => ({ ...(n ? { number: n } : {}), text: 'Laatste' }), 'actiepunt.get'],
  ] as const) {
    it(`refuses the next automatic ${kind} number past 99999 clearly, and every item stays reachable`, () => {
      const r = tracked(seededRegister());
      r.call(`${kind}.create`, create(99_999));
      const before = dumpRegister(r.reg);
      expect(r.api.invoke(`${kind}.create`, create())).toEqual({
        ok: false,
        error: {
          code: 'conflict',
          field: 'number',
          message: `number: ${kind} numbers run up to 99999 and 99999 has been given; choose a free number for the new ${kind} yourself.`,
        },
      });
      expect(dumpRegister(r.reg)).toEqual(before);
      expect(r.api.invoke(get, { number: 99_999 })).toMatchObject({ ok: true });
      expect(r.api.invoke(`${kind}.create`, create(500))).toMatchObject({ ok: true, value: { number: 500 } });
      expect(r.api.invoke(get, { number: 500 })).toMatchObject({ ok: true });
    });
  }
});

describe('4. links that XML cannot hold', () => {
  it('are refused at the door, and a link stored past the contract still exports to strict XML that LibreOffice opens', async () => {
    const r = tracked(seededRegister());
    for (const bad of ['https://example.org/\uFFFE', 'https://example.org/\uFFFF', 'https://example.org/a\uD800b', 'https://exa\u0085mple.org/']) {
      expect(r.api.invoke('dossier.update', { number: 4, patch: { link: bad } }), bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'patch.link' } });
    }
    // A register filled by another tool may hold anything.
    r.reg.db.prepare('UPDATE dossier SET link = ? WHERE number IN (4, 5)').run('https://wiki.example.org/dossier\uFFFE?q=a&b="c"<d>\uFFFF');
    r.reg.db.prepare("UPDATE jaarplan SET dossier_space_url = 'https://wiki.example.org/\uFFFF'").run();
    const out = tempDir();
    const { job } = await followExport(r, { ...ALL_DOCUMENTS, outDir: out });
    expect(job.state).toBe('done');
    let parts = 0;
    for (const file of job.files) parts += checkOfficeXml(file, fs.readFileSync(file));
    expect(parts).toBeGreaterThan(30);
    const docx = job.files.find((f) => f.endsWith('bijlage-1-dossiers-met-prioriteit.docx'))!;
    const rels = fs.readFileSync(docx).toString('latin1');
    expect(rels).not.toMatch(/\xEF\xBF\xBE/);
    const pdf = toPdf([docx]).get(docx)!;
    expect(pdf.pages).toBeGreaterThan(0);
    expect(pdf.text).toContain('Vastlegging van dossiers');
  }, 60_000);
});

describe('5. an export is all or nothing', () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  function withRenderer(render: ConstructorParameters<typeof ExportJobs>[0]): TestRegister {
    const t = tracked(seededRegister());
    return testRegisterFor(t.reg, createApi(t.reg, handlerGroups(new ExportJobs(render))));
  }

  it('refuses at the start a dangling link or a folder where a file is to go', () => {
    const r = tracked(seededRegister());
    const out = tempDir();
    const last = path.join(out, exportFileName('rapportage', 'xlsx', '2026-11-30'));
    fs.symlinkSync(path.join(out, 'nowhere'), last);
    expect(r.api.invoke('export.start', { ...ALL_DOCUMENTS, outDir: out })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'outDir' } });
    expect(r.api.invoke('export.start', { ...ALL_DOCUMENTS, outDir: out, overwrite: true })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('is a link') },
    });
    fs.rmSync(last);
    fs.mkdirSync(last);
    expect(r.api.invoke('export.start', { ...ALL_DOCUMENTS, outDir: out, overwrite: true })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('is a folder') },
    });
    expect(fs.readdirSync(out)).toEqual([path.basename(last)]);
  });

  it('takes every written file away again when the last one cannot take its name', async () => {
    const out = tempDir();
    const last = path.join(out, exportFileName('rapportage', 'xlsx', '2026-11-30'));
    const r = withRenderer(async (snapshot, document, format, date) => {
      // While the last document renders, a dangling link takes its name.
      if (document === 'rapportage' && format === 'xlsx') fs.symlinkSync(path.join(out, 'nowhere'), last);
      return renderExport(snapshot, document, format, date);
    });
    const { job } = await followExport(r, { ...ALL_DOCUMENTS, outDir: out });
    expect(job).toMatchObject({ state: 'failed', files: [], error: { code: 'conflict' } });
    expect(fs.readdirSync(out)).toEqual([path.basename(last)]);
  });

  it('with overwrite, puts every older file back when a folder appears in the way of the last one', async () => {
    const out = tempDir();
    const names = EXPORT_DOCUMENTS.flatMap((d) => EXPORT_FORMATS.map((f) => exportFileName(d, f, '2026-11-30')));
    for (const name of names.slice(0, 5)) fs.writeFileSync(path.join(out, name), `older ${name}`);
    const hashes = names.slice(0, 5).map((name) => sha256(path.join(out, name)));
    const r = withRenderer(async (snapshot, document, format, date) => {
      if (document === 'rapportage' && format === 'xlsx') fs.mkdirSync(path.join(out, names[5]!));
      await pause(1);
      return renderExport(snapshot, document, format, date);
    });
    const { job } = await followExport(r, { ...ALL_DOCUMENTS, outDir: out, overwrite: true });
    expect(job).toMatchObject({ state: 'failed', files: [] });
    expect(names.slice(0, 5).map((name) => sha256(path.join(out, name)))).toEqual(hashes);
    expect(fs.readdirSync(out).sort()).toEqual([...names].sort());
    expect(fs.statSync(path.join(out, names[5]!)).isDirectory()).toBe(true);
  });
});

describe('6. text at the door', () => {
  const NOT_TEXT: Array<[string, string]> = [
    ['a lone high surrogate', 'a\uD800b'],
    ['a lone low surrogate', 'a\uDC00b'],
    ['U+FFFE', 'a\uFFFEb'],
    ['U+FFFF', 'a\uFFFFb'],
    ['U+FDD0', 'a\uFDD0b'],
    ['U+1FFFF', 'a\u{1FFFF}b'],
    ['a C1 control', 'a\u0085b'],
    ['DEL', 'a\u007Fb'],
    ['a form feed', 'a\u000Cb'],
  ];
  for (const [what, value] of NOT_TEXT) {
    it(`refuses ${what} in every kind of text field, leaving the register as it was`, () => {
      const r = tracked(seededRegister());
      const before = dumpRegister(r.reg);
      const attempts: Array<[string, unknown, string]> = [
        ['dossier.update', { number: 4, patch: { title: value } }, 'patch.title'],
        ['dossier.update', { number: 4, patch: { description: value } }, 'patch.description'],
        ['dossier.update', { number: 4, patch: { owner: value } }, 'patch.owner'],
        ['actiepunt.update', { number: 1, patch: { subPoints: ['goed', value] } }, 'patch.subPoints.1'],
        ['actiepunt.update', { number: 1, patch: { owners: [value] } }, 'patch.owners.0'],
        ['jaarplan.updateTexts', { texts: { bijlage2Intro: value } }, 'texts.bijlage2Intro'],
        ['dossier.list', { search: value }, 'search'],
        ['ambition.create', { name: value }, 'name'],
      ];
      for (const [name, input, field] of attempts) {
        expect(r.api.invoke(name, input), `${name} ${field}`).toMatchObject({
          ok: false,
          error: { code: 'invalid_input', field, message: expect.stringMatching(/characters that are not text \(U\+[0-9A-F]{4,5} at position 2\)/) },
        });
      }
      expect(dumpRegister(r.reg)).toEqual(before);
    });
  }

  it('keeps a 300-character title of emoji (surrogate pairs) as typed, and takes it back unchanged', () => {
    const r = tracked(seededRegister());
    const title = '🚀'.repeat(150);
    expect(title.length).toBe(300);
    r.call('dossier.update', { number: 4, patch: { title } });
    const stored = r.call('dossier.get', { number: 4 }).title;
    expect(stored).toBe(title);
    expect(r.api.invoke('dossier.update', { number: 4, patch: { title: stored } })).toMatchObject({ ok: true });
  });
});

describe('7. ambition codes made from long names', () => {
  it('fit the contract, so the ambition can be edited and given to a dossier', () => {
    const r = tracked(seededRegister());
    const name = 'Een bijzonder lange ambitie over de samenwerking tussen alle partijen in het stelsel van eHerkenning';
    const ambition = r.call('ambition.create', { name });
    expect(ambition.code.length).toBeLessThanOrEqual(60);
    expect(ambition.code).toBe('een-bijzonder-lange-ambitie-over-de-samenwerking-tussen-alle');
    expect(r.api.invoke('ambition.update', { code: ambition.code, patch: { focus: true } })).toMatchObject({ ok: true, value: { focus: true } });
    expect(r.api.invoke('dossier.update', { number: 4, patch: { ambitions: [ambition.code] } })).toMatchObject({ ok: true, value: { ambitions: [ambition.code] } });
  });
});

describe('8. folders that are not absolute on this computer', () => {
  it.skipIf(process.platform === 'win32')('refuses C:/… and \\\\server\\share instead of writing under the working folder', () => {
    const r = tracked(seededRegister());
    const cwd = process.cwd();
    const work = tempDir();
    process.chdir(work);
    cleanups.push(() => process.chdir(cwd));
    fs.mkdirSync(path.join(work, 'C:'), { recursive: true });
    fs.mkdirSync(path.join(work, 'C:', 'exports'));
    fs.mkdirSync(path.join(work, '\\\\server\\share'));
    for (const outDir of ['C:/exports', 'C:\\exports', '\\\\server\\share']) {
      expect(r.api.invoke('export.start', { ...ALL_DOCUMENTS, outDir }), outDir).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: 'outDir', message: expect.stringContaining('must be an absolute path') },
      });
    }
    expect(fs.readdirSync(path.join(work, 'C:', 'exports'))).toEqual([]);
  });
});

describe('9. export.open opens what the export wrote, and nothing that took its place', () => {
  it('refuses a written file replaced by a link to a system file, or changed, and opens it when untouched', async () => {
    const opened: string[] = [];
    const t = tracked(seededRegister());
    const r = testRegisterFor(t.reg, createApi(t.reg, handlerGroups(new ExportJobs(), (file) => opened.push(file))));
    const out = tempDir();
    const { job } = await followExport(r, { what: ['bijlage1', 'bijlage2'], formats: ['docx'], outDir: out });
    expect(r.api.invoke('export.open', { id: job.id, file: 0 })).toMatchObject({ ok: true });
    fs.rmSync(job.files[0]!);
    fs.symlinkSync('/etc/passwd', job.files[0]!);
    expect(r.api.invoke('export.open', { id: job.id, file: 0 })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'file' } });
    fs.appendFileSync(job.files[1]!, 'changed');
    expect(r.api.invoke('export.open', { id: job.id, file: 1 })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'file' } });
    expect(opened).toEqual([job.files[0]]);
  });
});

describe('10. numbers are never given twice', () => {
  it('gives the next number after an undone creation, and the new item has its own audit trail', () => {
    const r = tracked(seededRegister());
    const first = r.call('dossier.create', { title: 'Eerste poging', phase: { phase: 'nieuw' } });
    r.call('register.undo');
    const second = r.call('dossier.create', { title: 'Tweede poging', phase: { phase: 'nieuw' } });
    expect([first.number, second.number]).toEqual([16, 17]);
    expect(JSON.stringify(r.call('dossier.audit', { number: 17 }))).not.toContain('Eerste poging');
    const a = r.call('actiepunt.create', { text: 'Eerste' });
    r.call('register.undo');
    r.call('register.redo');
    r.call('register.undo');
    expect(r.call('actiepunt.create', { text: 'Tweede' }).number).toBe(a.number + 1);
  });

  it('starts the marks of a register from schema 5 at its highest numbers', () => {
    const file = path.join(tempDir(), 'register.sqlite');
    createSeededRegister(file, readSeed(SEED_FILE), { clock, migrations: MIGRATIONS.slice(0, 5) });
    const v5 = openRegister(file, { clock, migrations: MIGRATIONS.slice(0, 5) });
    // Written as version 5 wrote it (today's api speaks the current schema only).
    v5.db.prepare(`INSERT INTO dossier (number, title, description, created_at, updated_at) VALUES (40, 'Veertig', '', '2026-11-01', '2026-11-01')`).run();
    v5.close();
    const reg = openRegister(file, { clock });
    cleanups.push(() => reg.close());
    expect(reg.db.prepare('SELECT kind, high FROM number_mark ORDER BY kind').all()).toEqual([
      { kind: 'actiepunt', high: 10 },
      { kind: 'dossier', high: 40 },
    ]);
    expect(createApi(reg).invoke('dossier.create', { title: 'Volgende', phase: { phase: 'nieuw' } })).toMatchObject({ ok: true, value: { number: 41 } });
  });
});

describe('11. what a killed process leaves behind', () => {
  it('is cleared at the next start: temporary export files in the user folder, half backups, a restore cut short', async () => {
    const file = seededFile();
    const out = tempDir();
    const child = spawn(process.execPath, [bundleForNode('tests/support/stalled-export.ts', 'stalled-export'), file, out], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.stdout.on('data', () => resolve());
      child.on('exit', (code) => reject(new Error(`child ended (${code}): ${err}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(fs.readdirSync(out).filter((name) => name.endsWith('.tmp')).length).toBe(1);

    // A backup and a restore that a dead process (this one, already gone) left half done.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const backups = path.join(path.dirname(file), 'backups');
    fs.mkdirSync(backups, { recursive: true });
    const halfBackup = path.join(backups, `.register-2026-11-30T10-00-00.sqlite.${dead}-0a1b2c.tmp`);
    fs.writeFileSync(halfBackup, 'half');
    const aside = path.join(path.dirname(file), `.register.sqlite.${dead}-0a1b2c.before-restore.tmp`);
    fs.renameSync(file, aside);
    // A temporary file of a process that still runs (this one) is not touched.
    const live = path.join(backups, `.register-2026-11-30T11-00-00.sqlite.${process.pid}-0a1b2c.tmp`);
    fs.writeFileSync(live, 'in progress');

    const h = host(file);
    expect(fs.readdirSync(out)).toEqual([]);
    expect(fs.existsSync(halfBackup)).toBe(false);
    expect(fs.existsSync(aside)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    expect(createApi(h).invoke('dossier.get', { number: 4 })).toMatchObject({ ok: true });
    expect(fs.readdirSync(path.join(path.dirname(file), '.exports-in-progress'))).toEqual([]);
  }, 30_000);
});

describe('12. one program at a time', () => {
  it('refuses a second program that wants to open, restore, seed over or back up the register while one holds it', async () => {
    const file = seededFile();
    const h = host(file);
    const api = createApi(h);
    expect((await api.invokeAsync('backup.create', {})).ok).toBe(true);
    const inUse = /in use by another TB-register/;

    expect(() => RegisterHost.open(file, { clock })).toThrow(inUse);
    expect(() => openRegister(file, { clock })).toThrow(inUse);
    expect(() => createSeededRegister(file, readSeed(SEED_FILE), { clock, force: true })).toThrow(inUse);
    for (const args of [
      ['restore', '--db', file, '--backup', 'newest-good'],
      ['backup', '--db', file],
      ['seed', '--db', file, '--force'],
      ['call', 'dossier.update', '{"number":4,"patch":{"title":"Van de opdrachtregel"}}', '--db', file],
    ]) {
      const cli = spawnSync(TSX, ['electron/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
      expect(cli.status, args.join(' ')).not.toBe(0);
      expect(cli.stderr, args.join(' ')).toMatch(inUse);
    }
    // The edit the app makes afterwards is kept.
    expect(api.invoke('dossier.update', { number: 4, patch: { title: 'Van de app' } })).toMatchObject({ ok: true });
    h.close();
    cleanups.pop();
    expect(createApi(host(file)).invoke('dossier.get', { number: 4 })).toMatchObject({ ok: true, value: { title: 'Van de app' } });
  }, 60_000);
});

describe('13. the browser shell over HTTP', () => {
  async function shell() {
    const r = tracked(seededRegister());
    const server = await startWebServer(r.api, { staticDir: tempDir() });
    cleanups.push(() => void server.close());
    return server;
  }

  it('refuses an unauthenticated 100 MB body without reading it', async () => {
    const server = await shell();
    // Over loopback a server that reads the body takes all 100 MB in a fraction of a second and
    // the request ends cleanly; one that closes the connection after its 401 resets the writes.
    const body = Buffer.alloc(100 * 1024 * 1024, 0x20);
    const result = await new Promise<{ status: number | null; cutOff: string | null }>((resolve) => {
      let cutOff: string | null = null;
      let status: number | null = null;
      const req = http.request({
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/api/invoke',
        headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', 'content-length': String(body.length) },
      });
      req.on('response', (res) => {
        status = res.statusCode ?? null;
        res.resume();
      });
      req.on('error', (error: NodeJS.ErrnoException) => (cutOff = error.code ?? error.message));
      req.on('close', () => resolve({ status, cutOff }));
      req.end(body);
    });
    expect(result.status).toBe(401);
    expect(result.cutOff).toMatch(/^(ECONNRESET|EPIPE)$/);
  }, 30_000);

  it('closes a connection that sends its headers too slowly', async () => {
    const server = await shell();
    const socket = net.connect(server.port, '127.0.0.1');
    const started = Date.now();
    socket.write(`POST /api/invoke HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`);
    const ended = await new Promise<number>((resolve) => {
      socket.on('data', () => undefined);
      socket.on('close', () => resolve(Date.now() - started));
      socket.on('error', () => undefined);
    });
    expect(ended).toBeLessThan(12_000);
  }, 20_000);

  it('takes only application/json, with charset utf-8 at most', async () => {
    const server = await shell();
    const post = (contentType: string) =>
      fetch(`${server.url}api/invoke`, { method: 'POST', headers: { 'content-type': contentType, [TOKEN_HEADER]: server.token }, body: '{"name":"register.info"}' });
    for (const refused of ['application/jsonp', 'application/json-seq', 'application/json; charset=latin1', 'text/json', 'application/json5']) {
      expect((await post(refused)).status, refused).toBe(415);
    }
    for (const accepted of ['application/json', 'application/json; charset=utf-8', 'Application/JSON; Charset=UTF-8']) {
      expect((await post(accepted)).status, accepted).toBe(200);
    }
  });
});

// A second adversarial run, against the fixes above, found these; each test failed before its fix.
describe('a second look', () => {
  it("passes over a backup named in the future (the clock ran ahead once) for 'newest-good'", async () => {
    const h = host();
    const api = createApi(h);
    const good = await api.invokeAsync('backup.create', {});
    expect(good.ok).toBe(true);
    const goodName = (good as { value: { name: string } }).value.name;
    fs.copyFileSync(path.join(h.backupDir, goodName), path.join(h.backupDir, 'register-2030-01-01T00-00-00.sqlite'));
    api.invoke('dossier.update', { number: 4, patch: { title: 'Na de goede backup' } });
    // The future one is listed, but the newest good one is the last backup taken before now.
    expect(h.newestGoodBackup()?.name).toBe(goodName);
  });

  it('refuses seed --force over a file that is not a register, and backs up a register it replaces', () => {
    const dir = tempDir();
    const notes = path.join(dir, 'notulen.docx');
    fs.writeFileSync(notes, 'PK… the minutes');
    expect(() => createSeededRegister(notes, readSeed(SEED_FILE), { clock, force: true })).toThrow(/is not a TB-register; --force replaces only a register/);
    expect(fs.readFileSync(notes, 'utf8')).toBe('PK… the minutes');
    const cli = spawnSync(TSX, ['electron/cli.ts', 'seed', '--db', notes, '--force'], { cwd: ROOT, encoding: 'utf8' });
    expect(cli.status).not.toBe(0);
    expect(fs.readFileSync(notes, 'utf8')).toBe('PK… the minutes');

    const file = seededFile();
    const h = host(file);
    createApi(h).invoke('dossier.update', { number: 4, patch: { title: 'Werk van weken' } });
    h.close();
    cleanups.pop();
    const again = spawnSync(TSX, ['electron/cli.ts', 'seed', '--db', file, '--force'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TB_REGISTER_NOW: TEST_NOW } });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/The register it replaced is backed up as .*register-2026-11-30T10-00-00\.sqlite/);
    const kept = new Database(path.join(path.dirname(file), 'backups', 'register-2026-11-30T10-00-00.sqlite'), { readonly: true });
    expect(kept.prepare('SELECT title FROM dossier WHERE number = 4').pluck().get()).toBe('Werk van weken');
    kept.close();
  }, 60_000);

  it('refuses a file with the register id and version but not its tables', async () => {
    const h = host();
    const before = dumpRegister(h.reg);
    plantBackup(h, 'register-2026-11-01T00-00-00.sqlite', (file) => {
      fs.copyFileSync(seededFile(), file);
      const db = new Database(file);
      db.exec('DROP TABLE dossier_now; DROP TABLE number_mark');
      db.close();
    });
    const result = await createApi(h).invokeAsync('backup.restore', { name: 'register-2026-11-01T00-00-00.sqlite' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/is not a whole TB-register \(table \w+ is missing\)/) } });
    expect(dumpRegister(h.reg)).toEqual(before);
  });

  it('goes on after the numbers given since, when an older backup is restored', async () => {
    const h = host();
    const api = createApi(h);
    const older = await api.invokeAsync('backup.create', {});
    const d = api.invoke('dossier.create', { title: 'Na de backup', phase: { phase: 'nieuw' } });
    const a = api.invoke('actiepunt.create', { text: 'Na de backup' });
    expect([d, a]).toMatchObject([{ ok: true, value: { number: 16 } }, { ok: true, value: { number: 11 } }]);
    expect(await api.invokeAsync('backup.restore', { name: (older as { value: { name: string } }).value.name })).toMatchObject({ ok: true });
    expect(api.invoke('dossier.create', { title: 'Na de restore', phase: { phase: 'nieuw' } })).toMatchObject({ ok: true, value: { number: 17 } });
    expect(api.invoke('actiepunt.create', { text: 'Na de restore' })).toMatchObject({ ok: true, value: { number: 12 } });
  });

  it('lets automatic numbering go on when a number typed by hand is undone', () => {
    const r = tracked(seededRegister());
    r.call('dossier.create', { number: 99_999, title: 'Tikfout', phase: { phase: 'nieuw' } });
    r.call('register.undo');
    expect(r.call('dossier.create', { title: 'Volgende', phase: { phase: 'nieuw' } }).number).toBe(16);
  });

  it('lists, makes and restores backups with a dangling link or a folder named like a backup beside them', async () => {
    const h = host();
    const api = createApi(h);
    const good = await api.invokeAsync('backup.create', {});
    fs.symlinkSync(path.join(h.backupDir, 'nowhere'), path.join(h.backupDir, 'register-2026-11-29T12-00-00.sqlite'));
    fs.mkdirSync(path.join(h.backupDir, 'register-2026-11-28T12-00-00.sqlite'));
    expect(await api.invokeAsync('backup.list', {})).toMatchObject({ ok: true, value: [{ name: (good as { value: { name: string } }).value.name }] });
    expect(await api.invokeAsync('backup.create', {})).toMatchObject({ ok: true });
    expect(await api.invokeAsync('backup.restore', { name: 'newest-good' })).toMatchObject({ ok: true });
  });

  it('runs two restores asked at once one after the other, and backs up a healthy register properly before each', async () => {
    const h = host();
    const api = createApi(h);
    const good = await api.invokeAsync('backup.create', {});
    const name = (good as { value: { name: string } }).value.name;
    const [one, two] = await Promise.all([api.invokeAsync('backup.restore', { name }), api.invokeAsync('backup.restore', { name })]);
    expect([one.ok, two.ok]).toEqual([true, true]);
    expect(fs.readdirSync(h.backupDir).filter((f) => f.startsWith('damaged-'))).toEqual([]);
    expect(api.invoke('dossier.list', {})).toMatchObject({ ok: true });
  });

  it('says the folder is gone when it is removed during an export', async () => {
    const out = tempDir();
    const t = tracked(seededRegister());
    const r = testRegisterFor(
      t.reg,
      createApi(
        t.reg,
        handlerGroups(
          new ExportJobs(async (snapshot, document, format, date) => {
            if (document === 'bijlage2') fs.rmSync(out, { recursive: true, force: true });
            return renderExport(snapshot, document, format, date);
          }),
        ),
      ),
    );
    const { job } = await followExport(r, { what: ['bijlage1', 'bijlage2'], formats: ['docx'], outDir: out });
    expect(job).toMatchObject({ state: 'failed', files: [], error: { code: 'not_found', field: 'outDir', message: expect.stringContaining('the folder no longer exists') } });
  });

  it('stores text composed, refuses invisible-only titles and line separators in one line, and finds words with a BOM inside', () => {
    const r = tracked(seededRegister());
    const decomposed = 'e\u0301'.repeat(300);
    expect(r.api.invoke('dossier.update', { number: 4, patch: { title: decomposed } })).toMatchObject({ ok: true, value: { title: '\u00e9'.repeat(300) } });
    for (const blank of ['\u200B', '\u2800', '\u00AD', ' \u200B ']) {
      expect(r.api.invoke('dossier.update', { number: 4, patch: { title: blank } }), JSON.stringify(blank)).toMatchObject({ ok: false, error: { field: 'patch.title', message: expect.stringContaining('must not be empty') } });
    }
    expect(r.api.invoke('dossier.update', { number: 4, patch: { title: 'Een\u2028twee' } })).toMatchObject({ ok: false, error: { field: 'patch.title' } });
    expect(r.api.invoke('dossier.update', { number: 4, patch: { description: 'Een\u2028twee\u2029drie' } })).toMatchObject({ ok: true, value: { description: 'Een\ntwee\ndrie' } });
    r.call('dossier.update', { number: 5, patch: { title: 'Stelsel eHer\uFEFFkenning' } });
    expect(r.call('dossier.list', { search: 'eherkenning' }).map((d) => d.number)).toContain(5);
  });

  it('does not invite the body of an unauthenticated call (Expect: 100-continue)', async () => {
    const r = tracked(seededRegister());
    const server = await startWebServer(r.api, { staticDir: tempDir() });
    cleanups.push(() => void server.close());
    const ask = (headers: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const socket = net.connect(server.port, '127.0.0.1');
        let answer = '';
        socket.on('data', (chunk: Buffer) => {
          answer += chunk.toString();
          if (/\r\n\r\n/.test(answer)) socket.destroy();
        });
        socket.on('close', () => resolve(answer.split('\r\n')[0]!));
        socket.on('error', () => undefined);
        const lines = Object.entries({ Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', 'Content-Length': '40', Expect: '100-continue', ...headers });
        socket.write(`POST /api/invoke HTTP/1.1\r\n${lines.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`);
      });
    expect(await ask({})).toBe('HTTP/1.1 401 Unauthorized');
    expect(await ask({ [TOKEN_HEADER]: server.token })).toBe('HTTP/1.1 100 Continue');
  });
});

// What the soak found beyond the adversarial run's list; each test failed before its fix.
describe('found by the soak', () => {
  it('records a back-dated priority mark against the state on its own date, not today', () => {
    const r = tracked(seededRegister());
    const rows = () =>
      r.reg.db
        .prepare(`SELECT effective_date, priority, rank FROM dossier_priority WHERE dossier_id = (SELECT id FROM dossier WHERE number = 1) ORDER BY effective_date, id`)
        .all();
    const before = rows();
    const today = r.call('dossier.get', { number: 1 });
    r.call('dossier.setPriority', { number: 1, priority: true, date: '2023-06-01' });
    expect(rows()).toEqual([{ effective_date: '2023-06-01', priority: 1, rank: null }, ...before]);
    // Today's state is what it was: the back-dated row sits in the history only.
    expect(r.call('dossier.get', { number: 1 })).toEqual(today);
  });

  it('refuses a patch whose only keys are undefined, instead of an empty edit with an undo step', () => {
    const r = tracked(seededRegister());
    expect(r.api.invoke('dossier.update', { number: 4, patch: { title: undefined } })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('must change at least one field') } });
    expect(r.call('register.undoState')).toEqual({ undo: null, redo: null });
  });
});
