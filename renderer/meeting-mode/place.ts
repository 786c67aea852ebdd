// Where the chair is in the meeting mode (which meeting, which agenda item), kept in this
// computer's storage: after a crash or a closed lid, the app opens on the same meeting and item.
/** The storage key: the presentation view listens for it changing. */
export const PLACE_KEY = 'tb-register-meeting-mode';
const KEY = PLACE_KEY;

interface Place {
  meeting: string;
  item: number | null;
}

function read(): Place | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Place | null;
    return value && typeof value.meeting === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** The meeting whose mode was open when the app last stopped, or null. */
export const openModeMeeting = (): string | null => read()?.meeting ?? null;

/** The agenda item the chair was on in this meeting's mode, or null. */
export const keptPlace = (meeting: string): number | null => {
  const place = read();
  return place?.meeting === meeting ? place.item : null;
};

export const keepPlace = (meeting: string, item: number | null): void => localStorage.setItem(KEY, JSON.stringify({ meeting, item }));

export const forgetPlace = (): void => localStorage.removeItem(KEY);
