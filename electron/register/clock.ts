// Time enters the register through one door, so tests can freeze it.
import { isoDateOf, type IsoDate } from '../../shared/dates';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`Invalid fixed time: ${iso}`);
  return { now: () => new Date(at) };
}

/** TB_REGISTER_NOW=2024-05-01T10:00:00 freezes the clock of a shell (for tests and demos). */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  return env.TB_REGISTER_NOW ? fixedClock(env.TB_REGISTER_NOW) : systemClock;
}

export const today = (clock: Clock): IsoDate => isoDateOf(clock.now());
export const timestamp = (clock: Clock): string => clock.now().toISOString();
