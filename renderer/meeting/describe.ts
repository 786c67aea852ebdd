// A stored moment in the user's local time (the words for meeting records are in shared/meeting-text.ts).
import { formatTakenAt } from '../views/BeheerView';

/** Local time of a stored UTC timestamp, as dd-mm-jjjj hh:mm. */
export function localTimestamp(at: string): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return formatTakenAt(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`);
}
