// Where the chair is in the meeting mode (which meeting, which agenda item). Kept twice: in this
// page's local storage, where the presentation view (another page of the same origin) hears it
// change at once; and beside the user's profile through the contract, so that after a crash or a
// restart (the browser shell comes back on another port, with empty local storage) the app opens
// the mode on the same meeting and item.
import { invoke } from '../client';

/** The storage key: the presentation view listens for it changing. */
export const PLACE_KEY = 'tb-register-meeting-mode';

interface Place {
  meeting: string;
  item: number | null;
}

function read(): Place | null {
  try {
    const value = JSON.parse(localStorage.getItem(PLACE_KEY) ?? 'null') as Place | null;
    return value && typeof value.meeting === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** The meeting whose mode was open when the page last stopped, or null. */
export const openModeMeeting = (): string | null => read()?.meeting ?? null;

/** The agenda item the chair was on in this meeting's mode, or null. */
export const keptPlace = (meeting: string): number | null => {
  const place = read();
  return place?.meeting === meeting ? place.item : null;
};

/**
 * The places sent to the shell one after another: two moves in a row (PageDown, PageDown) went as
 * two requests at once, on two connections, and could arrive in the wrong order, so a restarted
 * shell reopened the mode one item back.
 */
let sending: Promise<unknown> = Promise.resolve();
function sendPlace(place: { meeting: string; item: number | null } | null): void {
  sending = sending.then(() => invoke('place.set', { place })).catch(() => undefined);
}

export function keepPlace(meeting: string, item: number | null): void {
  const place = { meeting, item };
  localStorage.setItem(PLACE_KEY, JSON.stringify(place));
  sendPlace(place);
}

export function forgetPlace(): void {
  localStorage.removeItem(PLACE_KEY);
  sendPlace(null);
}

/** At start: the place kept beside the profile, when this page has none (a restarted shell). */
export async function recoverPlace(): Promise<string | null> {
  const local = read();
  if (local) return local.meeting;
  const kept = await invoke('place.get');
  if (!kept.ok || !kept.value) return null;
  localStorage.setItem(PLACE_KEY, JSON.stringify(kept.value));
  return kept.value.meeting;
}
