// Laptops that exchange one register in tests: the secretary's register and copies of it, each
// with its own device and profile, sending and receiving real .tbsync files' bytes.
import fs from 'node:fs';
import path from 'node:path';
import { createApi, handlerGroups } from '../../electron/api';
import { memoryProfileStore, type ProfileStore } from '../../electron/profile-store';
import { fixedClock, type Clock } from '../../electron/register/clock';
import { openRegister, type Register } from '../../electron/register/db';
import { createSeededRegister, readSeed } from '../../electron/register/seed';
import { claimNumbering } from '../../electron/exchange/log';
import { makeBundle, previewBundle, receiveBundle, type ReceiveOptions, type SendOptions } from '../../electron/exchange/exchange';
import { fingerprint } from '../../electron/exchange/device-store';
import { allConflicts } from '../../electron/exchange/conflicts';
import { keyUid, SYNCED_TABLES, tableInfo, toUidValues } from '../../electron/exchange/rows';
import type { Profile } from '../../shared/domain';
import { SEED_FILE, tempDir, testRegisterFor, TEST_NOW, type TestRegister } from './register';

export interface Laptop extends TestRegister {
  profile: ProfileStore;
  send(options?: SendOptions): Buffer;
  receive(bytes: Buffer, options?: ReceiveOptions): ReturnType<typeof receiveBundle>;
  preview(bytes: Buffer, options?: ReceiveOptions): ReturnType<typeof previewBundle>;
  /** Receives, pairing with the sender on first contact (as a person comparing the codes would). */
  take(bytes: Buffer, options?: ReceiveOptions): ReturnType<typeof receiveBundle>;
  device: string;
}

function laptopOver(file: string, who: Profile, clock: Clock): Laptop {
  const reg = openRegister(file, { clock });
  const profile = memoryProfileStore(who);
  const t = testRegisterFor(reg, createApi(reg, handlerGroups(), profile));
  const laptop: Laptop = {
    ...t,
    get reg() {
      return reg;
    },
    profile,
    device: profile.device().id(),
    send: (options) => makeBundle(reg, profile, options).bytes,
    receive: (bytes, options) => receiveBundle(reg, profile, bytes, options),
    preview: (bytes, options) => previewBundle(reg, profile, bytes, options),
    take: (bytes, options = {}) => {
      const code = previewBundle(reg, profile, bytes, options).from.fingerprint;
      return receiveBundle(reg, profile, bytes, { ...options, pairCode: code });
    },
  };
  return laptop;
}

/** The secretary's laptop with the 2024 register, which numbers. */
export function secretaryLaptop(who: Profile = { name: 'Sanne de Vries', role: 'secretaris' }, clock: Clock = fixedClock(TEST_NOW)): Laptop {
  const file = path.join(tempDir('tb-exchange-'), 'register.sqlite');
  createSeededRegister(file, readSeed(SEED_FILE), { clock });
  const laptop = laptopOver(file, who, clock);
  claimNumbering(laptop.reg, laptop.device, who.role);
  return laptop;
}

/** Another laptop with a copy of `from`'s register as it is now (the file copied over). */
export function copyLaptop(from: Laptop, who: Profile, clock: Clock = fixedClock(TEST_NOW)): Laptop {
  const file = path.join(tempDir('tb-exchange-'), 'register.sqlite');
  fs.writeFileSync(file, from.reg.db.serialize());
  return laptopOver(file, who, clock);
}

/** Every row that travels, named by uid and ordered so: equal dumps mean the same register content. */
export function contentDump(reg: Register): Record<string, Array<[string, Record<string, unknown>]>> {
  const out: Record<string, Array<[string, Record<string, unknown>]>> = {};
  for (const table of SYNCED_TABLES) {
    const info = tableInfo(reg, table);
    const rows = reg.db.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, unknown>>;
    out[table] = rows
      .map((row): [string, Record<string, unknown>] => [keyUid(reg, info, row), toUidValues(reg, info, row)])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
  return out;
}

export const conflictIds = (reg: Register): string[] => allConflicts(reg).map((c) => c.id).sort();

export { fingerprint };
