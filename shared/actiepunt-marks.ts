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

/** What the actiepuntenlijst of a meeting needs to know of an actiepunt: the snapshot's picture of it. */
export interface ListedActiepunt {
  number: number;
  text: string;
  owners: string[];
  deadline: Deadline | null;
  statuses: ReadonlyArray<{ date: IsoDate; value: ActiepuntStatus }>;
}

export interface OpenOnDate {
  number: number;
  text: string;
  owners: string[];
  deadline: Deadline | null;
  status: ActiepuntStatus;
  since: IsoDate;
  /** New since the previous TB. */
  isNew: boolean;
  overdue: boolean;
  /** How many (not cancelled) meetings since it was given, this one included, it has been on. */
  meetings: number;
}

/**
 * A meeting's actiepuntenlijst: every actiepunt open on its date, new when given at the previous TB
 * or after it (else after the reference date), overdue on the date, and the number of meetings
 * since it was given (the one that gave it does not count). What the meeting itself gave is its
 * outcome, not on its own list.
 */
export function openOnDate(
  actiepunten: readonly ListedActiepunt[],
  on: { date: IsoDate; previous: IsoDate | null; referenceDate: IsoDate; meetingDates: readonly IsoDate[]; givenHere: ReadonlySet<number> },
): OpenOnDate[] {
  const list: OpenOnDate[] = [];
  for (const a of actiepunten) {
    const since = a.statuses[0]?.date;
    if (since === undefined || since > on.date || on.givenHere.has(a.number)) continue;
    let status: ActiepuntStatus | null = null;
    for (const s of a.statuses) if (s.date <= on.date) status = s.value;
    if (status !== 'open' && status !== 'in_uitvoering') continue;
    list.push({
      number: a.number,
      text: a.text,
      owners: a.owners,
      deadline: a.deadline,
      status,
      since,
      isNew: on.previous !== null ? since >= on.previous : isNewSince(since, on.referenceDate),
      overdue: isOverdue(status, a.deadline, on.date),
      meetings: on.meetingDates.filter((d) => d > since).length,
    });
  }
  return list;
}
