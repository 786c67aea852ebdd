// A deadline as the chair types it in the meeting mode: a date (dd-mm-jjjj, also 1-3-2025), a
// period from the meeting's date ("+6w" weeks, "+10d" days, "+2m" months), or "volgende TB"
// (the next meeting, kept as text: its date is not known yet). Empty: no deadline.
import { isoDateOf, parseDutchDate, type IsoDate } from '../../shared/dates';
import type { Deadline } from '../../shared/domain';
import { t, type Lang } from '../../shared/i18n';

const PERIOD = /^\+\s*(\d{1,3})\s*([dwm])$/i;
const NEXT_MEETING = /^(volgende|next)\s*(tb|vergadering|meeting)$/i;

/** Written as a date, whether or not the date exists (31-02-2026). */
const DATE_SHAPED = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/;

/**
 * The deadline typed; 'invalid' when it is none of the forms above, 'no-such-date' when it is
 * written as a date that does not exist (31-02-2026 was told to "type a date", review).
 */
export function parseDeadline(text: string, meetingDate: IsoDate): Deadline | null | 'invalid' | 'no-such-date' {
  const typed = text.trim();
  if (typed === '') return null;
  if (NEXT_MEETING.test(typed)) return { kind: 'text', text: 'Volgende TB' };
  const period = PERIOD.exec(typed);
  if (period) {
    const [y, m, d] = meetingDate.split('-').map(Number) as [number, number, number];
    const amount = Number(period[1]);
    const unit = period[2]!.toLowerCase();
    // A month on from 31 January is the last day of February, not 2 March.
    const month = new Date(y, m - 1 + amount, 1);
    const lastDay = new Date(month.getFullYear(), month.getMonth() + 1, 0).getDate();
    const date = unit === 'm' ? new Date(month.getFullYear(), month.getMonth(), Math.min(d, lastDay)) : new Date(y, m - 1, d + amount * (unit === 'w' ? 7 : 1));
    return { kind: 'date', date: isoDateOf(date) };
  }
  const date = parseDutchDate(typed);
  return date ? { kind: 'date', date } : DATE_SHAPED.test(typed) ? 'no-such-date' : 'invalid';
}

/** Why a typed deadline does not read, in the user's language. */
export const deadlineProblem = (lang: Lang, due: 'invalid' | 'no-such-date', typed: string): string =>
  due === 'invalid' ? t(lang, 'deadlineInvalid') : t(lang, 'deadlineNoSuchDate', { text: typed.trim() });
