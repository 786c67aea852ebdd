// Real registers on real files in a temp folder, for tests.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi, type Api } from '../../electron/api';
import { RegisterHost } from '../../electron/register-host';
import { fixedClock, type Clock } from '../../electron/register/clock';
import { openRegister, type Register } from '../../electron/register/db';
import { createSeededRegister, defaultSeedFile, readSeed } from '../../electron/register/seed';
import { resourcesDir } from '../../electron/source-paths';
import type { CallName, CallResult } from '../../shared/contract';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SEED_FILE = defaultSeedFile(resourcesDir(ROOT));
export const SOURCE_TEXT = fs.readFileSync(path.join(ROOT, 'resources', 'seed', 'jaarplan-eherkenning-2024.txt'), 'utf8');

/** 30 November 2026, 10:00 in the test's zone: "today" for every test unless it says otherwise. */
export const TEST_NOW = '2026-11-30T10:00:00';

export function tempDir(prefix = 'tb-register-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestRegister {
  file: string;
  reg: Register;
  api: Api;
  /** Invoke and insist on success, returning the value. */
  call<N extends CallName>(name: N, input?: unknown): CallResult<N>;
  close(): void;
}

export function seededRegister(clock: Clock = fixedClock(TEST_NOW)): TestRegister {
  const file = path.join(tempDir(), 'register.sqlite');
  createSeededRegister(file, readSeed(SEED_FILE), { clock });
  return wrap(file, openRegister(file, { clock }));
}

export function emptyRegister(clock: Clock = fixedClock(TEST_NOW)): TestRegister {
  const file = path.join(tempDir(), 'register.sqlite');
  return wrap(file, openRegister(file, { clock }));
}

function wrap(file: string, reg: Register): TestRegister {
  return testRegisterFor(reg, createApi(reg));
}

/** A TestRegister over a register (or the host holding it) and an api built on it. */
export function testRegisterFor(source: Register | RegisterHost, api: Api): TestRegister {
  return {
    file: source instanceof RegisterHost ? source.file : source.path,
    get reg() {
      return source instanceof RegisterHost ? source.reg : source;
    },
    api,
    call(name, input) {
      const result = api.invoke(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    close: () => source.close(),
  };
}

/** Every row of every table: equal dumps mean an unchanged register. */
export function dumpRegister(reg: Register): Record<string, unknown[]> {
  const tables = reg.db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, reg.db.prepare(`SELECT * FROM "${t}"`).all()]));
}

/**
 * Bookkeeping beside the content: undo, the audit trail, the number marks and the exchange's log;
 * and the freezes, which an undo keeps (migration 0010: once made, a freeze may have travelled).
 */
const BOOKKEEPING = /^(undo_log|undo_step|undo_state|audit_log|change|number_mark|sync_\w+|meeting_freeze|freeze_entry|frozen_part)$/;

/** The register's content: every table but its bookkeeping (what an undo must restore exactly). */
export function registerContent(reg: Register): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(dumpRegister(reg)).filter(([table]) => !BOOKKEEPING.test(table)));
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

