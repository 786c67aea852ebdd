// Opening a register file: refuse what is not ours or too new, set the pragmas, migrate.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { RegisterError } from '../../shared/errors';
import { MIGRATIONS, type Migration } from './migrations';
import { systemClock, type Clock } from './clock';

/** 'TBRG': marks a SQLite file as a TB-register, so a foreign database is never migrated. */
export const APPLICATION_ID = 0x54425247;

/** How long opening waits for a register another program holds before saying so. */
const LOCK_WAIT_MS = 250;

/** The refusal a second program gets while one holds the register (the app, the browser shell, a command). */
export const registerInUse = (file: string): RegisterError =>
  new RegisterError(
    'conflict',
    `The register at ${file} is in use by another TB-register (the app, the browser shell or a command); close that first. Nothing was changed.`,
  );

const isBusy = (error: unknown): boolean => /^SQLITE_BUSY/.test(String((error as { code?: unknown })?.code ?? ''));

/**
 * Takes the register for this connection alone, until it closes: SQLite's exclusive locking mode,
 * with the exclusive lock taken at once. The operating system holds the lock (fcntl, LockFileEx),
 * so it goes with the process, however that ends; a second program's open is refused with
 * registerInUse instead of writing beside us (issue 15: a restore from the command line while the
 * app ran lost the app's next edit).
 */
export function holdExclusively(db: Database.Database, file: string): void {
  db.pragma('locking_mode = EXCLUSIVE');
  try {
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    if (isBusy(error)) throw registerInUse(file);
    // Not a database at all: checkOwnership says what it is. Anything else (a read-only folder,
    // where the write-ahead log cannot be made) is the caller's to handle as before.
    if ((error as { code?: string }).code !== 'SQLITE_NOTADB') throw error;
  }
}

/**
 * Locks the file at `file` as openRegister would, without reading it as a register: for replacing
 * a register (seed --force) while no one else may hold it. Null when there is no file; `isRegister`
 * says whether it is a TB-register (or an empty file), which alone may be replaced.
 */
export function lockRegisterFile(file: string, nativeBinding?: string): { isRegister: boolean; release(): void } | null {
  if (!fs.existsSync(file)) return null;
  const db = new Database(file, { fileMustExist: true, timeout: LOCK_WAIT_MS, ...(nativeBinding ? { nativeBinding } : {}) });
  let isRegister: boolean;
  try {
    holdExclusively(db, file);
    isRegister = fs.statSync(file).size === 0 || db.pragma('application_id', { simple: true }) === APPLICATION_ID;
  } catch (error) {
    if (error instanceof RegisterError) {
      db.close();
      throw error;
    }
    isRegister = false;
  }
  return { isRegister, release: () => db.close() };
}

export interface Register {
  readonly db: Database.Database;
  readonly path: string;
  readonly readOnly: boolean;
  readonly clock: Clock;
  readonly schemaVersion: number;
  close(): void;
}

export interface OpenOptions {
  readOnly?: boolean;
  clock?: Clock;
  /** Replaceable for migration tests only. */
  migrations?: readonly Migration[];
  /** A better-sqlite3 binary built for another ABI (Electron's), kept apart from the Node build. */
  nativeBinding?: string;
}

export function openRegister(file: string, options: OpenOptions = {}): Register {
  const migrations = options.migrations ?? MIGRATIONS;
  const readOnly = options.readOnly ?? false;
  const absolute = path.resolve(file);
  if (readOnly && !fs.existsSync(absolute)) {
    throw new RegisterError('not_found', `No register at ${absolute}`);
  }
  if (!readOnly) fs.mkdirSync(path.dirname(absolute), { recursive: true });

  const db = reusingStatements(
    new Database(absolute, {
      readonly: readOnly,
      fileMustExist: readOnly,
      timeout: LOCK_WAIT_MS,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    }),
  );
  try {
    if (!readOnly) holdExclusively(db, absolute);
    checkOwnership(db, absolute, migrations.length);
    if (!readOnly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!readOnly) migrate(db, migrations);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion !== migrations.length) {
      throw new RegisterError(
        'invalid_input',
        `The register at ${absolute} has schema version ${schemaVersion} and cannot be upgraded while opened read-only.`,
      );
    }
    return {
      db,
      path: absolute,
      readOnly,
      clock: options.clock ?? systemClock,
      schemaVersion,
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The register as it is on disk, opened from memory and read-only: for a register in a folder
 * nobody may write to, where SQLite cannot even open a WAL database read-only (it needs its -shm
 * beside the file). Bytes 18-19 say "WAL"; in memory the same pages read as a plain database.
 */
export function openRegisterSnapshot(file: string, options: Pick<OpenOptions, 'clock' | 'nativeBinding' | 'migrations'> = {}): Register {
  const absolute = path.resolve(file);
  const bytes = fs.readFileSync(absolute);
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  const db = reusingStatements(new Database(bytes, { readonly: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) }));
  try {
    const migrations = options.migrations ?? MIGRATIONS;
    checkOwnership(db, absolute, migrations.length);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion !== migrations.length) {
      throw new RegisterError('invalid_input', `The register at ${absolute} has schema version ${schemaVersion} and cannot be upgraded in a read-only folder.`);
    }
    return { db, path: absolute, readOnly: true, clock: options.clock ?? systemClock, schemaVersion, close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** More distinct statements than the code writes (updateRow's column sets included); beyond it the cache starts afresh. */
const MAX_STATEMENTS = 1_000;

/**
 * Compiles each SQL text once per connection: the query modules call db.prepare() where they use a
 * statement, and compiling costs more than running most of them (issue 6: a small call spent half
 * its time in prepare). A reused statement is handed out with its result mode reset (no pluck,
 * raw or expand), as a fresh one would be.
 */
function reusingStatements(db: Database.Database): Database.Database {
  const compile = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      statement = compile(sql);
      statements.set(sql, statement);
    } else if (statement.reader) {
      statement.raw(false).expand(false).pluck(false);
    }
    return statement;
  }) as Database.Database['prepare'];
  return db;
}

/** Reads only: a file we must refuse is left byte for byte as it was. */
function checkOwnership(db: Database.Database, file: string, known: number): void {
  let userVersion: number;
  let applicationId: number;
  let tableCount: number;
  try {
    userVersion = db.pragma('user_version', { simple: true }) as number;
    applicationId = db.pragma('application_id', { simple: true }) as number;
    tableCount = (db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number }).n;
  } catch (error) {
    // A file SQLite cannot read at all is not ours; one it cannot open (a read-only folder) may well
    // be, and one another program holds is busy, not foreign.
    if ((error as { code?: string }).code === 'SQLITE_CANTOPEN') throw error;
    if (isBusy(error)) throw registerInUse(file);
    throw new RegisterError('invalid_input', `${file} is not a TB-register file (${(error as Error).message}).`);
  }
  const ours = applicationId === APPLICATION_ID || (applicationId === 0 && userVersion === 0 && tableCount === 0);
  if (!ours) {
    throw new RegisterError('invalid_input', `${file} is a SQLite database, but not a TB-register file; it was left untouched.`);
  }
  if (userVersion > known) {
    throw new RegisterError(
      'register_too_new',
      `The register at ${file} was written by a newer TB-register (schema version ${userVersion}; this version knows up to ${known}). ` +
        'Update TB-register to open it; the file was left untouched.',
    );
  }
}

/**
 * All pending migrations in one transaction: a register is at one version or the next, never
 * between. Foreign keys are off while they run (SQLite's procedure for rebuilding a table another
 * table refers to: with them on, dropping the old table counts its children as violations that
 * survive the rename, and 0009 could not upgrade a register that held a freeze); every reference
 * is checked before the commit, and they are on again after it.
 */
function migrate(db: Database.Database, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current === migrations.length) return;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (let i = current; i < migrations.length; i++) db.exec(migrations[i]!.up);
      const broken = db.pragma('foreign_key_check') as Array<{ table: string; parent: string }>;
      if (broken.length) throw new Error(`the migration left ${broken.length} broken reference(s), e.g. ${broken[0]!.table} -> ${broken[0]!.parent}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${migrations.length}`);
    }).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
