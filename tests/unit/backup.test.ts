// Backups with SQLite's backup API, their retention, restoring one (after backing up the current
// state), and a damaged register: opened read-only with the reason, and restored to the newest
// good backup. On real files.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../shared/domain';
import { createApi } from '../../electron/api';
import { RegisterHost } from '../../electron/register-host';
import { backupsToKeep, integrityOf, listBackups } from '../../electron/register/backup';
import { fixedClock, type Clock } from '../../electron/register/clock';
import { createSeededRegister, readSeed } from '../../electron/register/seed';
import { ROOT, SEED_FILE, TEST_NOW, sha256, tempDir } from '../support/register';

const hosts: RegisterHost[] = [];
afterEach(() => {
  while (hosts.length) hosts.pop()!.close();
});

/** A clock the test moves forward, for backups on different days. */
function movableClock(start = TEST_NOW): Clock & { set(iso: string): void } {
  let now = new Date(start);
  return { now: () => now, set: (iso: string) => (now = new Date(iso)) };
}

function seeded(clock: Clock = fixedClock(TEST_NOW)): RegisterHost {
  const file = path.join(tempDir(), 'register.sqlite');
  createSeededRegister(file, readSeed(SEED_FILE), { clock });
  const host = RegisterHost.open(file, { clock });
  hosts.push(host);
  return host;
}

async function call<T>(host: RegisterHost, name: string, input: unknown = {}): Promise<T> {
  const result = await createApi(host).invokeAsync(name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Overwrites part of a table's root page, as a failing disk would. */
function damage(file: string, table = 'dossier'): void {
  const db = new Database(file);
  const page = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = ?`).pluck().get(table) as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(200, 0xa5), 0, 200, (page - 1) * size + 8);
  fs.closeSync(fd);
}

describe('backups', () => {
  it('are complete copies made with the backup API while the register is open, that pass integrity_check', async () => {
    const host = seeded();
    createApi(host).invoke('dossier.update', { number: 4, patch: { title: 'Niet vergeten' } });
    const backup = await call<BackupInfo>(host, 'backup.create');
    expect(backup.name).toMatch(/^register-2026-11-30T10-00-00\.sqlite$/);
    const file = path.join(host.backupDir, backup.name);
    expect(integrityOf(file)).toBe('ok');
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('SELECT title FROM dossier WHERE number = 4').pluck().get()).toBe('Niet vergeten');
    expect(copy.prepare('SELECT count(*) FROM dossier').pluck().get()).toBe(15);
    copy.close();
    // Nothing half-written is left in the folder.
    expect(fs.readdirSync(host.backupDir)).toEqual([backup.name]);
    expect(await call<BackupInfo[]>(host, 'backup.list')).toEqual([backup]);
  });

  it('keep all of the newest day, one for each of 6 days before, and 4 weekly ones before those', () => {
    const backups: BackupInfo[] = [];
    const add = (takenAt: string) => backups.push({ name: `register-${takenAt.replace(/:/g, '-')}.sqlite`, takenAt, bytes: 1 });
    // Three today, two on each of the 9 days before, then one a day for 8 more weeks.
    for (const hour of ['08', '12', '16']) add(`2026-11-30T${hour}:00:00`);
    for (let d = 1; d <= 62; d++) {
      const day = new Date(Date.UTC(2026, 10, 30 - d)).toISOString().slice(0, 10);
      add(`${day}T09:00:00`);
      if (d <= 9) add(`${day}T17:00:00`);
    }
    const keep = [...backupsToKeep(backups)].sort().reverse();
    expect(keep.slice(0, 3)).toEqual(['register-2026-11-30T16-00-00.sqlite', 'register-2026-11-30T12-00-00.sqlite', 'register-2026-11-30T08-00-00.sqlite']);
    // The 6 days before today: the evening backup of each.
    expect(keep.slice(3, 9)).toEqual(['29', '28', '27', '26', '25', '24'].map((d) => `register-2026-11-${d}T17-00-00.sqlite`));
    // Then the newest of each of 4 ISO weeks older than 24 November.
    expect(keep.slice(9)).toEqual([
      'register-2026-11-23T17-00-00.sqlite', // week 48 (Mon 23 Nov)
      'register-2026-11-22T17-00-00.sqlite', // week 47
      'register-2026-11-15T09-00-00.sqlite', // week 46
      'register-2026-11-08T09-00-00.sqlite', // week 45
    ]);
  });

  it('are pruned to the retention rule as new ones are made', async () => {
    const clock = movableClock('2026-11-01T09:00:00');
    const host = seeded(clock);
    for (let day = 1; day <= 20; day++) {
      clock.set(`2026-11-${String(day).padStart(2, '0')}T09:00:00`);
      await host.backup();
    }
    const kept = listBackups(host.backupDir).map((b) => b.takenAt.slice(0, 10));
    expect(kept).toEqual(['2026-11-20', '2026-11-19', '2026-11-18', '2026-11-17', '2026-11-16', '2026-11-15', '2026-11-14', '2026-11-13', '2026-11-08', '2026-11-01']);
  });
});

describe('restoring', () => {
  it('puts a backup in place after backing up the current state, and the api goes on with the restored register', async () => {
    const host = seeded();
    const api = createApi(host);
    const before = await call<BackupInfo>(host, 'backup.create');
    api.invoke('dossier.update', { number: 4, patch: { title: 'Na de reservekopie' } });
    const backups = await call<BackupInfo[]>(host, 'backup.restore', { name: before.name });
    expect(backups).toHaveLength(2);
    expect(api.invoke('dossier.get', { number: 4 })).toMatchObject({ ok: true, value: { title: 'Change & Release proces vernieuwen' } });
    // The state before the restore is itself a backup, so the restore can be undone too.
    const safety = backups.find((b) => b.name !== before.name)!;
    const copy = new Database(path.join(host.backupDir, safety.name), { readonly: true });
    expect(copy.prepare('SELECT title FROM dossier WHERE number = 4').pluck().get()).toBe('Na de reservekopie');
    copy.close();
    expect(api.invoke('dossier.update', { number: 5, patch: { owner: 'Logius' } }).ok).toBe(true);
  });

  it('refuses an unknown or damaged backup and leaves the register as it was', async () => {
    const host = seeded();
    expect(await createApi(host).invokeAsync('backup.restore', { name: 'newest-good' })).toEqual({
      ok: false, error: { code: 'not_found', field: 'name', message: 'There is no backup that is a whole TB-register this version can open.' },
    });
    const good = await call<BackupInfo>(host, 'backup.create');
    expect(await createApi(host).invokeAsync('backup.restore', { name: 'register-2020-01-01T00-00-00.sqlite' })).toMatchObject({
      ok: false, error: { code: 'not_found', field: 'name' },
    });
    expect(await createApi(host).invokeAsync('backup.restore', { name: '../register.sqlite' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    damage(path.join(host.backupDir, good.name));
    expect(await createApi(host).invokeAsync('backup.restore', { name: good.name })).toMatchObject({
      ok: false, error: { code: 'invalid_input', message: expect.stringContaining('is damaged') },
    });
    expect(createApi(host).invoke('dossier.list', {})).toMatchObject({ ok: true });
  });
});

describe('a damaged register', () => {
  it('opens read-only with the reason, refuses edits, and comes back whole from the newest good backup', async () => {
    const host = seeded();
    await host.backup();
    const file = host.file;
    host.close();
    hosts.pop();
    damage(file);

    const reopened = RegisterHost.open(file, { clock: fixedClock(TEST_NOW) });
    hosts.push(reopened);
    expect(reopened.damaged).toMatch(/^The register is damaged \(.+\); it is open read-only\. Restore the newest good backup\.$/);
    expect(reopened.reg.readOnly).toBe(true);
    const api = createApi(reopened);
    expect(api.invoke('register.info', {})).toMatchObject({ ok: true, value: { readOnly: true, damaged: reopened.damaged } });
    expect(api.invoke('meeting.create', { date: '2026-11-01', title: 'TB' })).toMatchObject({ ok: false, error: { code: 'read_only' } });

    expect(await api.invokeAsync('backup.restore', { name: 'newest-good' })).toMatchObject({ ok: true });
    expect(reopened.damaged).toBeNull();
    expect(reopened.reg.readOnly).toBe(false);
    expect(reopened.reg.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(api.invoke('dossier.list', {})).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ number: 15 })]) });
    // The damaged file was kept aside for whoever wants to look at it.
    expect(fs.readdirSync(reopened.backupDir).some((name) => name.startsWith('damaged-'))).toBe(true);
  });
});

describe('the check at open', () => {
  it('is left for later by open, and runs before the first call touches the register', () => {
    const host = seeded();
    const file = host.file;
    host.close();
    hosts.pop();
    damage(file);
    const before = sha256(file);

    // Opening a damaged register succeeds at once: quick_check has not read it yet.
    const reopened = RegisterHost.open(file, { clock: fixedClock(TEST_NOW) });
    hosts.push(reopened);
    // The first thing asked is an edit: it is refused as on a read-only register, because the
    // check ran before the call reached the register.
    const api = createApi(reopened);
    expect(api.invoke('meeting.create', { date: '2026-11-01', title: 'TB' })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(reopened.damaged).toMatch(/^The register is damaged/);
    reopened.close();
    hosts.pop();
    expect(sha256(file)).toBe(before);
  });
});

describe('npm run cli', () => {
  const cli = (...args: string[]) => spawnSync('npm', ['run', '-s', 'cli', '--', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TB_REGISTER_NOW: TEST_NOW } });

  it('makes, lists and restores backups, and shows the audit trail of a dossier', () => {
    const db = path.join(tempDir(), 'tb.sqlite');
    cli('seed', '--db', db);
    const made = cli('backup', '--db', db);
    expect(made).toMatchObject({ status: 0, stdout: `Backed up to ${path.join(path.dirname(db), 'backups', 'register-2026-11-30T10-00-00.sqlite')}\n` });
    cli('call', 'dossier.update', '{"number":4,"patch":{"title":"C&R 2.0"}}', '--db', db);
    expect(cli('backups', '--db', db).stdout).toMatch(/^register-2026-11-30T10-00-00\.sqlite\t2026-11-30T10:00:00\t\d+ bytes\n$/);
    const audit = cli('audit', '--db', db, '--dossier', '4');
    expect(audit.status).toBe(0);
    expect(audit.stdout).toContain('dossier.update  dossier update  title: "Change & Release proces vernieuwen" -> "C&R 2.0"');
    const restored = cli('restore', '--db', db, '--backup', 'register-2026-11-30T10-00-00.sqlite');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/^Restored register-2026-11-30T10-00-00\.sqlite; the state before it is backed up as register-2026-11-30T10-00-00-2\.sqlite\.\n$/);
    expect(JSON.parse(cli('call', 'dossier.get', '{"number":4}', '--db', db).stdout).value.title).toBe('Change & Release proces vernieuwen');
    expect(cli('restore', '--db', db)).toMatchObject({ status: 1, stderr: expect.stringContaining('restore needs --backup NAME') });
  });
});
