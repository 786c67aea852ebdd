// When the disk is full or the folder cannot be written to: a clear error, a register that stays
// readable, and nothing lost. Real file systems: a small tmpfs, remounted read-only. Mounting
// needs root (CI's .ci/run runs as root); where mounting is not allowed these tests are skipped.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/api';
import { describeError } from '../../renderer/error-text';
import { RegisterHost } from '../../electron/register-host';
import { fixedClock } from '../../electron/register/clock';
import { createSeededRegister, readSeed } from '../../electron/register/seed';
import { followExport } from '../support/export';
import { SEED_FILE, TEST_NOW, tempDir, testRegisterFor } from '../support/register';

/** Whether this machine lets us mount a tmpfs (root with the capability, as CI's machine). */
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = tempDir('tb-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const mountable = canMount();
const mounts: string[] = [];
const hosts: RegisterHost[] = [];

function mountTmpfs(size: string): string {
  const dir = tempDir('tb-tmpfs-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

afterEach(() => {
  while (hosts.length) hosts.pop()!.close();
  while (mounts.length) execFileSync('umount', [mounts.pop()!]);
});

describe.skipIf(!mountable)('a full disk', () => {
  it('refuses the write that does not fit with a clear error, keeps every earlier edit, and writes again once there is room', () => {
    const dir = mountTmpfs('3m');
    const file = path.join(dir, 'register.sqlite');
    createSeededRegister(file, readSeed(SEED_FILE), { clock: fixedClock(TEST_NOW) });
    const host = RegisterHost.open(file, { clock: fixedClock(TEST_NOW) });
    hosts.push(host);
    const api = createApi(host);
    // Fill the disk with a file we can delete later, leaving little room.
    const filler = path.join(dir, 'filler.bin');
    const free = () => Number(execFileSync('df', ['--output=avail', '-B1', dir], { encoding: 'utf8' }).split('\n')[1]);
    fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 300_000)));

    const saved: number[] = [];
    let refusal: unknown;
    for (let i = 0; i < 500 && !refusal; i++) {
      const result = api.invoke('dossier.create', { title: `Vol ${i}`, phase: { phase: 'nieuw' }, description: `${i} `.repeat(5_000) });
      if (result.ok) saved.push((result.value as { number: number }).number);
      else refusal = result.error;
    }
    expect(refusal).toEqual({ code: 'disk_full', message: 'The disk is full; nothing was changed. Make room and try again.' });
    expect(saved.length).toBeGreaterThan(0);
    // Still readable, with every saved dossier, and whole.
    const listed = (api.invoke('dossier.list', {}) as { ok: true; value: Array<{ number: number }> }).value.map((d) => d.number);
    for (const n of saved) expect(listed).toContain(n);
    expect(host.reg.db.pragma('integrity_check', { simple: true })).toBe('ok');

    fs.rmSync(filler);
    expect(api.invoke('dossier.create', { title: 'Weer ruimte', phase: { phase: 'nieuw' } })).toMatchObject({ ok: true });
  });

  it('fails an export or a backup that does not fit, with the reason, and leaves no half file', async () => {
    const dir = mountTmpfs('2m');
    const work = tempDir();
    const file = path.join(work, 'register.sqlite');
    createSeededRegister(file, readSeed(SEED_FILE), { clock: fixedClock(TEST_NOW) });
    const host = RegisterHost.open(file, { clock: fixedClock(TEST_NOW) });
    hosts.push(host);
    fs.writeFileSync(path.join(dir, 'filler.bin'), Buffer.alloc(2 * 1024 * 1024 - 40_000));
    const { job } = await followExport(testRegisterFor(host, createApi(host)), { what: ['bijlage1', 'bijlage2', 'rapportage'], formats: ['docx', 'xlsx'], outDir: dir });
    expect(job).toMatchObject({ state: 'failed', error: { message: 'The export could not be written: the disk is full. Nothing was changed.' } });
    expect(fs.readdirSync(dir)).toEqual(['filler.bin']);

    // A backup into a full folder: refused, and nothing half-written is kept.
    const backupDir = path.join(dir, 'backups');
    await expect(import('../../electron/register/backup').then((m) => m.createBackup(host.reg, backupDir))).rejects.toThrow(/could not be written/);
    expect(fs.existsSync(backupDir) ? fs.readdirSync(backupDir) : []).toEqual([]);
  });
});

describe.skipIf(!mountable)('a read-only folder', () => {
  it('opens the register read-only with the reason, shows all of it, and refuses edits and exports clearly', async () => {
    const dir = mountTmpfs('8m');
    const file = path.join(dir, 'register.sqlite');
    createSeededRegister(file, readSeed(SEED_FILE), { clock: fixedClock(TEST_NOW) });
    const before = fs.readFileSync(file);
    execFileSync('mount', ['-o', 'remount,ro', dir]);

    const host = RegisterHost.open(file, { clock: fixedClock(TEST_NOW) });
    hosts.push(host);
    // SQLite's own words in the brackets depend on where it first meets the read-only folder.
    expect(host.damaged).toMatch(new RegExp(`^The folder ${dir} cannot be written to \\((unable to open database file|disk I/O error)\\); the register is open read-only\\. Move it to a folder you can write to\\.$`));
    const api = createApi(host);
    expect(api.invoke('dossier.list', {})).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ number: 15 })]) });
    expect(api.invoke('register.info', {})).toMatchObject({ ok: true, value: { readOnly: true, damaged: host.damaged } });
    expect(api.invoke('dossier.update', { number: 4, patch: { title: 'x' } })).toEqual({
      ok: false,
      error: { code: 'read_only', message: 'The register is open read-only; nothing was changed.' },
    });
    const { job } = await followExport(testRegisterFor(host, createApi(host)), { what: ['bijlage1'], formats: ['docx'], outDir: dir });
    expect(job).toMatchObject({ state: 'failed', error: { field: 'outDir', message: 'The export could not be written: the folder is read-only. Nothing was changed.' } });
    // Said in Dutch, beside Map (it reached the user in English, review).
    expect(describeError('nl', job.error!)).toBe('Er ging iets mis: de export kon niet worden opgeslagen: de map is alleen-lezen; kies een andere map. Er is niets gewijzigd');
    host.close();
    hosts.pop();
    // Not a byte of the register changed.
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
