// Calendar dates travel as ISO strings (YYYY-MM-DD): sortable as text, free of time zones.
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= daysInMonth;
}

/** The local calendar date of a moment, as the user's wall clock shows it. */
export function isoDateOf(moment: Date): IsoDate {
  const y = moment.getFullYear();
  const m = String(moment.getMonth() + 1).padStart(2, '0');
  const d = String(moment.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * The calendar date in the Netherlands of a stored moment (an ISO timestamp): the TB's own day,
 * the same on every laptop whatever its time zone, so documents made from the register repeat.
 */
export function dutchIsoDateOf(at: string): IsoDate {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** dd-mm-jjjj, the way Dutch documents write a date. */
export function formatDutchDate(date: IsoDate): string {
  const m = ISO_DATE.exec(date);
  if (!m) return date;
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/**
 * A date as a person types it in a Dutch form: 30-11-2026, 30-11-26 is not accepted (ambiguous
 * century), 1-2-2026, 01/02/2026 and 1.2.2026 are; an ISO date passes through. Null when it is
 * not a real date.
 */
export function parseDutchDate(text: string): IsoDate | null {
  const value = text.trim();
  if (isIsoDate(value)) return value;
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
