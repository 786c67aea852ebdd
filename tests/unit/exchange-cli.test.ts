// `npm run cli -- exchange …` as the README documents it: two laptops, each its own user folder
// (TB_REGISTER_HOME) with its own profile and device, one register copied between them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegister } from '../../electron/register/db';
import { ROOT, sha256, tempDir } from '../support/register';

function laptop(dir: string, name: string, role: string) {
  const home = path.join(dir, role);
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(path.join(home, 'profile.json'), JSON.stringify({ name, role }));
  return (...args: string[]) => {
    const result = spawnSync('npm', ['run', '-s', 'cli', '--', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TB_REGISTER_HOME: home, TB_REGISTER_NOW: '2026-11-30T10:00:00' },
    });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };
}

/** The secretary's and the chair's laptops in one folder, the secretary's register seeded and edited once. */
function twoLaptops(prefix: string, edit: string) {
  const dir = tempDir(prefix);
  const secretary = laptop(dir, 'Sanne de Vries', 'secretaris');
  const chair = laptop(dir, 'Pieter Jansen', 'voorzitter');
  const a = path.join(dir, 'secretaris.sqlite');
  const b = path.join(dir, 'voorzitter.sqlite');
  expect(secretary('seed', '--db', a).code).toBe(0);
  expect(secretary('call', 'dossier.update', edit, '--db', a).code).toBe(0);
  return { dir, secretary, chair, a, b };
}

/** The sender's code, as a preview prints it. */
const codeIn = (out: string): string => /code ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})/.exec(out)![1]!;

const title = (db: string, number: number) => {
  const reg = openRegister(db, { readOnly: true });
  try {
    return reg.db.prepare('SELECT title FROM dossier WHERE number = ?').pluck().get(number);
  } finally {
    reg.close();
  }
};

describe('npm run cli -- exchange', () => {
  it('sends, previews, refuses an unpaired sender, pairs with the code, applies, and takes it back', () => {
    const { dir, secretary, chair, a, b } = twoLaptops('tb-exchange-cli-', '{"number":5,"patch":{"title":"Van de secretaris"}}');
    fs.copyFileSync(a, b);
    expect(chair('call', 'dossier.update', '{"number":4,"patch":{"title":"Van de voorzitter"}}', '--db', b).code).toBe(0);

    const file = path.join(dir, 'naar secretaris.tbsync');
    const sent = chair('exchange', 'send', '--db', b, '--out', file);
    expect(sent, sent.err).toMatchObject({ code: 0 });
    expect(sent.out).toContain(`Wrote ${file}: 2 changes.`);
    expect(chair('exchange', 'send', '--db', b, '--out', file).err).toContain('already exists');

    const before = sha256(a);
    const preview = secretary('exchange', 'receive', '--db', a, '--in', file, '--preview');
    expect(preview, preview.err).toMatchObject({ code: 0 });
    expect(preview.out).toContain('Van de voorzitter (Pieter Jansen)');
    expect(preview.out).toContain('(nog niet gekoppeld)');
    expect(preview.out).toContain('1 wijziging van de voorzitter (Pieter Jansen), 0 conflicten');
    const code = codeIn(preview.out);

    const unpaired = secretary('exchange', 'receive', '--db', a, '--in', file);
    expect(unpaired.code).toBe(1);
    expect(unpaired.err).toContain(`not paired with this one (code ${code})`);
    expect(sha256(a)).toBe(before);

    const received = secretary('exchange', 'receive', '--db', a, '--in', file, '--pair', code.toLowerCase());
    expect(received, received.err).toMatchObject({ code: 0 });
    expect(received.out).toContain('1 wijziging van de voorzitter (Pieter Jansen) verwerkt, 0 nieuwe conflicten te beoordelen.');
    expect(received.out).toMatch(/Backup before it: .*backups/);
    expect(title(a, 4)).toBe('Van de voorzitter');

    const status = secretary('exchange', 'status', '--db', a);
    expect(status.out).toContain('(gives the numbers)');
    expect(status.out).toMatch(new RegExp(`de voorzitter \\(Pieter Jansen\\)\\tpaired, code ${code}`));

    const undone = secretary('exchange', 'undo', '--db', a);
    expect(undone, undone.err).toMatchObject({ code: 0 });
    expect(title(a, 4)).not.toBe('Van de voorzitter');
    // Taken back, the same file applies again (now paired).
    expect(secretary('exchange', 'receive', '--db', a, '--in', file).code).toBe(0);
    expect(title(a, 4)).toBe('Van de voorzitter');
  }, 120_000);
});

describe('npm run cli -- exchange replace', () => {
  it('a new laptop with a register of its own takes the secretary\'s whole register in its place, after a backup', () => {
    const { dir, secretary, chair, a, b } = twoLaptops('tb-exchange-replace-', '{"number":5,"patch":{"title":"Van de secretaris"}}');
    // The chair's laptop started with a register of its own: another register.
    expect(chair('seed', '--db', b).code).toBe(0);
    const changesOnly = path.join(dir, 'changes.tbsync');
    const whole = path.join(dir, 'whole.tbsync');
    expect(secretary('exchange', 'send', '--db', a, '--out', changesOnly).code).toBe(0);
    const sent = secretary('exchange', 'send', '--db', a, '--out', whole, '--whole');
    expect(sent.out).toContain('and the whole register');

    expect(chair('exchange', 'receive', '--db', b, '--in', changesOnly).err).toContain('belongs to another register');
    const preview = chair('exchange', 'receive', '--db', b, '--in', whole, '--preview');
    expect(preview.out).toContain('van een ander register dan dit: het kan dit register alleen vervangen');
    const code = codeIn(preview.out);
    expect(chair('exchange', 'replace', '--db', b, '--in', changesOnly, '--pair', code).err).toContain('holds changes only');
    expect(chair('exchange', 'replace', '--db', b, '--in', whole).err).toContain('not paired');
    const replaced = chair('exchange', 'replace', '--db', b, '--in', whole, '--pair', code);
    expect(replaced, replaced.err).toMatchObject({ code: 0 });
    expect(title(b, 5)).toBe('Van de secretaris');
    expect(chair('backups', '--db', b).out.trim().split('\n').length).toBeGreaterThanOrEqual(2);
    // From now on the two exchange as one register.
    expect(chair('call', 'dossier.update', '{"number":4,"patch":{"title":"Van de voorzitter"}}', '--db', b).code).toBe(0);
    const back = path.join(dir, 'back.tbsync');
    expect(chair('exchange', 'send', '--db', b, '--out', back).code).toBe(0);
    const chairCode = codeIn(secretary('exchange', 'receive', '--db', a, '--in', back, '--preview').out);
    expect(secretary('exchange', 'receive', '--db', a, '--in', back, '--pair', chairCode).code).toBe(0);
    expect(title(a, 4)).toBe('Van de voorzitter');
  }, 120_000);
});

describe('a restore on one laptop', () => {
  it('never gives a change number twice: the other laptop takes the changes made after it, with no gap', () => {
    const { dir, secretary, chair, a, b } = twoLaptops('tb-exchange-restore-', '{"number":5,"patch":{"title":"Een"}}');
    fs.copyFileSync(a, b);
    const backup = /Backed up to .*\/(register-[\dT-]+\.sqlite)/.exec(secretary('backup', '--db', a).out)![1]!;
    expect(secretary('call', 'dossier.update', '{"number":5,"patch":{"title":"Twee"}}', '--db', a).code).toBe(0);
    expect(secretary('call', 'dossier.update', '{"number":6,"patch":{"title":"Drie"}}', '--db', a).code).toBe(0);
    const first = path.join(dir, 'first.tbsync');
    expect(secretary('exchange', 'send', '--db', a, '--out', first).code).toBe(0);
    const code = codeIn(chair('exchange', 'receive', '--db', b, '--in', first, '--preview').out);
    expect(chair('exchange', 'receive', '--db', b, '--in', first, '--pair', code).code).toBe(0);
    expect(title(b, 6)).toBe('Drie');
    // The secretary goes back to the backup from before "Twee" and "Drie", and edits on.
    expect(secretary('restore', '--db', a, '--backup', backup).code).toBe(0);
    expect(secretary('call', 'dossier.update', '{"number":7,"patch":{"title":"Vier"}}', '--db', a).code).toBe(0);
    const second = path.join(dir, 'second.tbsync');
    expect(secretary('exchange', 'send', '--db', a, '--out', second).code).toBe(0);
    const received = chair('exchange', 'receive', '--db', b, '--in', second);
    expect(received, received.err).toMatchObject({ code: 0 });
    expect(title(b, 7)).toBe('Vier');
    // What the chair had of before the restore stays there (and would come back to the secretary).
    expect(title(b, 6)).toBe('Drie');
  }, 120_000);
});
