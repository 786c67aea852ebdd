// Backups of the register with SQLite's online backup API (never a file copy: a copy of a live
// WAL database can be torn). Each backup is written under a temporary name, must pass
// integrity_check, and only then gets its final name and counts. Kept: all of the newest day, the
// newest backup of each of the 6 days before it, and of each of the 4 weeks before those.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { RegisterError } from '../../shared/errors';
import type { BackupInfo } from '../../shared/domain';
import type { Clock } from './clock';
import { APPLICATION_ID, openRegister, type OpenOptions, type Register } from './db';
import { MIGRATIONS, type Migration } from './migrations';
import { removeDatabaseFiles, tempNameFor } from '../leftovers';

const NAME = /^register-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:-(\d+))?\.sqlite$/;
export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;

/** Backups live beside the register, in backups/. */
export const backupDirFor = (registerPath: string): string => path.join(path.dirname(registerPath), 'backups');

function stamp(clock: Clock): string {
  const now = clock.now();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}-${pad(now.getMinutes())}-${pad(now.getSeconds())}`;
}

/**
 * A backup copies the register's header, WAL mode included; switched to a rollback journal it is
 * one self-contained file that can be opened, checked and copied without -wal/-shm companions.
 */
function standalone(file: string, nativeBinding?: string): void {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** integrity_check on a closed file, read-only: 'ok', or what SQLite found wrong. */
export function integrityOf(file: string, nativeBinding?: string): string {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.map((r) => r.integrity_check).join('; ');
  } catch (error) {
    return (error as Error).message;
  } finally {
    db?.close();
  }
}

/**
 * Whether a backup is named after a moment later than now: taken while the computer's clock ran
 * ahead. Such a backup is listed, but never taken for "the newest good backup", which it would be
 * for as long as the clock is right again.
 */
export function takenInTheFuture(backup: BackupInfo, clock: Clock): boolean {
  return backup.takenAt > stamp(clock).replace(/T(\d{2})-(\d{2})-(\d{2})$/, 'T$1:$2:$3');
}

/** The backups in `dir`: regular files with a backup's name (a link or a folder so named is passed over). */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (!m) return [];
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(path.join(dir, name));
      } catch {
        return [];
      }
      if (!stat.isFile()) return [];
      const info: BackupInfo = { name, takenAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}`, bytes: stat.size };
      return [{ info, seq: Number(m[5] ?? 1) }];
    })
    // Newest first; backups of the same second by their sequence number (-2, -3, ...).
    .sort((a, b) => b.info.takenAt.localeCompare(a.info.takenAt) || b.seq - a.seq)
    .map(({ info }) => info);
}

/** A new backup of the open register; it counts only once it passed integrity_check. */
/** A backup's name for now that no backup in `dir` has yet ("register-…-2.sqlite" after the first of a second). */
function freeBackupName(dir: string, clock: Clock): string {
  const base = `register-${stamp(clock)}`;
  let name = `${base}.sqlite`;
  for (let n = 2; fs.existsSync(path.join(dir, name)); n++) name = `${base}-${n}.sqlite`;
  return name;
}

/**
 * Keeps a whole register received as bytes (another laptop's, issue 17) among the backups, so that
 * restoring it (RegisterHost.restore: checked, migrated, the current state backed up first) puts it
 * in this register's place. It counts only once it passed integrity_check.
 */
export function keepAsBackup(dir: string, bytes: Uint8Array, clock: Clock, nativeBinding?: string): BackupInfo {
  fs.mkdirSync(dir, { recursive: true });
  const name = freeBackupName(dir, clock);
  const temp = tempNameFor(path.join(dir, name));
  try {
    fs.writeFileSync(temp, bytes, { flag: 'wx' });
    const integrity = integrityOf(temp, nativeBinding);
    if (integrity !== 'ok') throw new RegisterError('invalid_input', `The register in the file failed its integrity check (${integrity}); it was not kept.`, 'file');
    fs.renameSync(temp, path.join(dir, name));
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return listBackups(dir).find((b) => b.name === name)!;
}

export async function createBackup(reg: Register, dir = backupDirFor(reg.path), nativeBinding?: string): Promise<BackupInfo> {
  fs.mkdirSync(dir, { recursive: true });
  const name = freeBackupName(dir, reg.clock);
  const temp = tempNameFor(path.join(dir, name));
  try {
    await reg.db.backup(temp);
    standalone(temp, nativeBinding);
    const integrity = integrityOf(temp, nativeBinding);
    if (integrity !== 'ok') throw new RegisterError('internal', `The backup failed its integrity check (${integrity}); it was not kept.`);
    fs.renameSync(temp, path.join(dir, name));
  } catch (error) {
    fs.rmSync(temp, { force: true });
    if (error instanceof RegisterError) throw error;
    throw new RegisterError('internal', `The backup could not be written: ${(error as Error).message}`);
  }
  prune(dir);
  return listBackups(dir).find((b) => b.name === name)!;
}

/** ISO week of a YYYY-MM-DD date, as 'YYYY-Www'. */
function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / 86_400_000 / 7 - ((firstThursday.getUTCDay() + 6) % 7) / 7 + 3 / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Which backups the retention rule keeps: every backup of the newest day (so the backup taken
 * before a restore never pushes out the one being restored), the newest of each of the 6 days
 * before it that have a backup (7 days in all), then, older than those, the newest of each of
 * 4 ISO weeks.
 */
export function backupsToKeep(backups: readonly BackupInfo[]): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  const newestDay = newestFirst[0]?.takenAt.slice(0, 10);
  for (const b of newestFirst) {
    const day = b.takenAt.slice(0, 10);
    if (day === newestDay) {
      days.add(day);
      keep.add(b.name);
      continue;
    }
    if (days.has(day)) continue;
    if (days.size < KEEP_DAILY) {
      days.add(day);
      keep.add(b.name);
      continue;
    }
    const week = isoWeek(day);
    if (weeks.has(week) || weeks.size >= KEEP_WEEKLY) continue;
    weeks.add(week);
    keep.add(b.name);
  }
  return keep;
}

function prune(dir: string): void {
  const all = listBackups(dir);
  const keep = backupsToKeep(all);
  for (const b of all) if (!keep.has(b.name)) fs.rmSync(path.join(dir, b.name), { force: true });
}

/** The first bytes of every SQLite database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What is wrong with `file` as a register to restore, in words for the user, or null when it is a
 * TB-register this version can open: a SQLite database with the register's application id, of a
 * schema version this version knows, passing integrity_check, holding a jaarplan. Reads only.
 */
export function registerFileProblem(file: string, migrations: readonly Migration[] = MIGRATIONS, nativeBinding?: string): string | null {
  const name = path.basename(file);
  const knownVersion = migrations.length;
  let header: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      header = Buffer.alloc(SQLITE_HEADER.length);
      header = header.subarray(0, fs.readSync(fd, header, 0, header.length, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    return `${name} cannot be read (${(error as Error).message})`;
  }
  if (header.length === 0) return `${name} is an empty file, not a register`;
  if (!header.equals(SQLITE_HEADER)) return `${name} is not a SQLite database, so not a register`;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) {
      const tables = db.prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'table'`).pluck().get() as number;
      return tables === 0 ? `${name} is an empty SQLite database, not a register` : `${name} is a SQLite database of another program, not a TB-register`;
    }
    if (userVersion > knownVersion) {
      return `${name} was written by a newer TB-register (schema version ${userVersion}; this version knows up to ${knownVersion})`;
    }
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
    if (integrity !== 'ok') return `${name} is damaged (${integrity.slice(0, 200)})`;
    // A register of this version has exactly the schema the migrations make (one of an older
    // version is compared once prepareRestore has migrated a copy of it).
    if (userVersion === knownVersion) {
      const missing = schemaDifference(db, migrations);
      if (missing) return `${name} is not a whole TB-register (${missing})`;
      if ((db.pragma('foreign_key_check') as unknown[]).length) return `${name} is damaged (rows point to rows that do not exist)`;
    }
    const hasJaarplan = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'jaarplan'`).get() && db.prepare('SELECT 1 FROM jaarplan LIMIT 1').get();
    if (!hasJaarplan) return `${name} is a TB-register without a jaarplan`;
    return null;
  } catch (error) {
    return `${name} cannot be read as a register (${(error as Error).message})`;
  } finally {
    db?.close();
  }
}

/** The schema the migrations make, as (type, name, sql) rows, built once per list of migrations in memory. */
const expectedSchemas = new WeakMap<readonly Migration[], Map<string, string>>();
function expectedSchema(migrations: readonly Migration[]): Map<string, string> {
  let schema = expectedSchemas.get(migrations);
  if (!schema) {
    const db = new Database(':memory:');
    try {
      db.transaction(() => migrations.forEach((m) => db.exec(m.up)))();
      schema = readSchema(db);
    } finally {
      db.close();
    }
    expectedSchemas.set(migrations, schema);
  }
  return schema;
}

function readSchema(db: Database.Database): Map<string, string> {
  const rows = db.prepare(`SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL`).all() as Array<{ type: string; name: string; sql: string }>;
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, r.sql.replace(/\s+/g, ' ').trim()]));
}

/** The first table, index or trigger that differs from what the migrations make, or null. */
function schemaDifference(db: Database.Database, migrations: readonly Migration[]): string | null {
  const expected = expectedSchema(migrations);
  const actual = readSchema(db);
  for (const [key, sql] of expected) {
    if (!actual.has(key)) return `${key} is missing`;
    if (actual.get(key) !== sql) return `${key} differs`;
  }
  for (const key of actual.keys()) if (!expected.has(key)) return `${key} is not a register's`;
  return null;
}

/** The numbers a register has given out (number_mark), to carry over into a restored one. */
export type NumberMarks = Record<string, number>;

/** Per device, the highest exchange sequence number a register has held (its log, and its floor). */
export function sequenceMarks(reg: Register): Record<string, number> {
  const marks = JSON.parse(reg.db.prepare('SELECT seq_floor FROM sync_meta WHERE id = 1').pluck().get() as string) as Record<string, number>;
  for (const r of reg.db.prepare('SELECT device, max(seq) AS seq FROM sync_change GROUP BY device').all() as Array<{ device: string; seq: number }>) {
    marks[r.device] = Math.max(marks[r.device] ?? 0, r.seq);
  }
  return marks;
}

/**
 * Makes a ready-to-use copy of a backup beside the register, for RegisterHost.restore to swap in:
 * the backup is checked (registerFileProblem), copied with the backup API into a temporary file
 * (a name sweepLeftovers knows), made standalone, and opened once as a register, which migrates an
 * older backup and checks it again. Anything wrong throws, with what the file is, and removes the
 * copy; the register itself is not touched. Returns the copy's path.
 */
export async function prepareRestore(registerPath: string, backupFile: string, options: OpenOptions = {}, marks: NumberMarks = {}, sequences: Record<string, number> = {}): Promise<string> {
  const { nativeBinding } = options;
  const migrations = options.migrations ?? MIGRATIONS;
  const problem = registerFileProblem(backupFile, migrations, nativeBinding);
  if (problem) throw new RegisterError('invalid_input', `${problem}; choose another backup. The register was left as it was.`, 'name');
  const temp = tempNameFor(registerPath, 'restore');
  try {
    const source = new Database(backupFile, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      await source.backup(temp);
    } finally {
      source.close();
    }
    const reg = openRegister(temp, { ...options, readOnly: false });
    try {
      // Numbers given since the backup was taken stay given: the restored register goes on after them.
      // A mark the backup does not have yet (a year's first meeting number given since) is added.
      const raise = reg.db.prepare('INSERT INTO number_mark (kind, high) VALUES (?, ?) ON CONFLICT (kind) DO UPDATE SET high = max(high, excluded.high)');
      for (const [kind, high] of Object.entries(marks)) raise.run(kind, high);
      // Exchange sequence numbers given since stay given too (issue 17): a change made after the
      // restore never takes the number of one another laptop may already hold.
      const floor = sequenceMarks(reg);
      for (const [device, seq] of Object.entries(sequences)) floor[device] = Math.max(floor[device] ?? 0, seq);
      reg.db.prepare('UPDATE sync_meta SET seq_floor = ? WHERE id = 1').run(JSON.stringify(floor));
    } finally {
      reg.close();
    }
    standalone(temp, nativeBinding);
    const after = registerFileProblem(temp, migrations, nativeBinding);
    if (after) throw new RegisterError('invalid_input', `${after}; choose another backup. The register was left as it was.`, 'name');
    return temp;
  } catch (error) {
    removeDatabaseFiles(temp);
    if (error instanceof RegisterError) throw error;
    throw new RegisterError('internal', `The backup could not be prepared for restoring: ${(error as Error).message}. The register was left as it was.`);
  }
}
