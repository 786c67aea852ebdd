// How an actiepunt stands against a date and the TB's meetings: the rules the action list and the
// C&R rapportage share.
import type { ActiepuntStatus, Deadline } from './domain';
import type { IsoDate } from './dates';

/** The meeting "since" counts from on `date`: the last one strictly before it (a meeting on the day itself is the one being prepared). */
export function lastMeetingBefore<M extends { date: IsoDate }>(meetings: readonly M[], date: IsoDate): M | null {
  let last: M | null = null;
  for (const m of meetings) if (m.date < date && (!last || m.date > last.date)) last = m;
  return last;
}

/** The date "new" and "what moved" count from: the last meeting before `date`, else the jaarplan's reference date. */
export const sinceDate = (meetings: ReadonlyArray<{ date: IsoDate }>, date: IsoDate, referenceDate: IsoDate): IsoDate =>
  lastMeetingBefore(meetings, date)?.date ?? referenceDate;

/** Still to do, with a dated deadline that has passed. */
export function isOverdue(status: ActiepuntStatus, deadline: Deadline | null, date: IsoDate): boolean {
  return (status === 'open' || status === 'in_uitvoering') && deadline?.kind === 'date' && deadline.date < date;
}

/** Came into the register after `since` (its first status date). */
export const isNewSince = (enteredOn: IsoDate | null, since: IsoDate): boolean => enteredOn !== null && enteredOn > since;
