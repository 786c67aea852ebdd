// A register that lives through 2024 for the meeting tests: a clock the test moves, a profile
// that signs the changes, and the steps that bring a meeting to the table.
import path from 'node:path';
import { expect } from 'vitest';
import { createApi, handlerGroups } from '../../electron/api';
import { openRegister } from '../../electron/register/db';
import { createSeededRegister, readSeed } from '../../electron/register/seed';
import { memoryProfileStore } from '../../electron/profile-store';
import type { Clock } from '../../electron/register/clock';
import type { Meeting } from '../../shared/meeting';
import { dumpRegister, SEED_FILE, tempDir, testRegisterFor, type TestRegister } from './register';

/** A clock the test moves: the register lives through the year. */
export function movingClock(start: string) {
  let at = new Date(start);
  const clock: Clock = { now: () => new Date(at) };
  return { clock, set: (iso: string) => (at = new Date(iso)) };
}
export type MovingClock = ReturnType<typeof movingClock>;

export const SECRETARY = { name: 'Sanne de Vries', role: 'secretaris' as const };
export const CHAIR = { name: 'Pieter Jansen', role: 'voorzitter' as const };

/** Who came to TB-2024-01 in the tests: one present, one with apologies, one substituted. */
export const ATTENDEES = [
  { name: 'Pieter Jansen', organisation: 'BZK' },
  { name: 'Anouk Bakker', organisation: 'Logius', presence: 'afwezig_met_bericht' },
  { name: 'Kees Smit', organisation: 'Leveranciers', presence: 'vervangen', substitute: 'Joost Mulder' },
] as const;

/** The 2024 register on 15 January 2024, the secretary at the keyboard. */
export function livingRegister() {
  const time = movingClock('2024-01-15T09:00:00');
  const file = path.join(tempDir(), 'register.sqlite');
  createSeededRegister(file, readSeed(SEED_FILE), { clock: time.clock });
  const reg = openRegister(file, { clock: time.clock });
  const profile = memoryProfileStore(SECRETARY);
  const t = testRegisterFor(reg, createApi(reg, handlerGroups(), profile));
  return { t, time, profile, file };
}

/** A meeting's standing item (opening, besluitenlijst, …). */
export const standing = (m: Meeting, key: string) => m.items.find((i) => i.standing === key)!;

/** A meeting planned, its agenda vastgesteld, and opened on its date. */
export function openMeeting(t: TestRegister, time: MovingClock, date: string, kind: 'regulier' | 'evaluatiemoment' = 'regulier'): Meeting {
  const m = t.call('meeting.create', { date, kind });
  t.call('meeting.setState', { number: m.number, state: 'agenda_vastgesteld' });
  time.set(`${date}T10:00:00`);
  return t.call('meeting.setState', { number: m.number, state: 'in_vergadering' });
}

/** A call that must be refused with the register left exactly as it was; returns the error. */
export function refused(t: TestRegister, name: Parameters<TestRegister['call']>[0], input: unknown) {
  const before = dumpRegister(t.reg);
  const result = t.api.invoke(name, input);
  expect(result.ok, `${name} ${JSON.stringify(input)} should be refused`).toBe(false);
  expect(dumpRegister(t.reg), `${name} left the register as it was`).toEqual(before);
  const error = (result as { ok: false; error: { code: string; message: string; field?: string } }).error;
  expect(error.code, error.message).not.toBe('internal');
  return error;
}
