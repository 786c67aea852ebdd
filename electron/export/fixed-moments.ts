// The moments stamped into an Office file made for a date (a meeting pack): never the clock.
import type { IsoDate } from '../../shared/dates';
/**
 * The moments of a file made for a date: midnight UTC in its properties, and noon of that date on
 * the zip entries (zip stores local wall-clock time, so noon local reads as the same day anywhere).
 */
export function fixedMoments(on: IsoDate): { now: Date; entryTime: Date } {
  const [y, m, d] = on.split('-').map(Number);
  return { now: new Date(`${on}T00:00:00Z`), entryTime: new Date(y!, m! - 1, d!, 12, 0, 0) };
}
