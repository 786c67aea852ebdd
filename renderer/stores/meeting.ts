// The meeting whose page is open: its record, what changed since the previous TB, and (when asked)
// the register as it was kept with it. Read again whenever the register changes.
import { create } from 'zustand';
import type { CallError } from '../../shared/errors';
import type { ChangesSince, FreezeStage, FrozenMeeting, Meeting } from '../../shared/meeting';
import { invoke } from '../client';

interface MeetingData {
  number: string | null;
  meeting: Meeting | null;
  changes: ChangesSince | null;
  frozen: FrozenMeeting | null;
  error: CallError | null;
  /** The meeting page reads all; the meeting mode (`lite`) leaves out the actiepuntenlijst and what changed. */
  load(number: string, lite?: boolean): Promise<void>;
  loadFrozen(number: string, stage: FreezeStage | null): Promise<void>;
}

export const useMeeting = create<MeetingData>((set, get) => ({
  number: null,
  meeting: null,
  changes: null,
  frozen: null,
  error: null,
  async load(number, lite = false) {
    if (get().number !== number) set({ number, meeting: null, changes: null, frozen: null, error: null });
    // The page shows as soon as the meeting is read; what changed since the previous TB follows.
    const changes = lite ? null : invoke('meeting.changesSince', { number });
    const meeting = await invoke('meeting.get', { number, actiepuntenlijst: !lite });
    if (get().number !== number) return;
    set({ meeting: meeting.ok ? meeting.value : null, error: meeting.ok ? null : meeting.error });
    const changed = await changes;
    if (changed && get().number === number) set({ changes: changed.ok ? changed.value : null });
  },
  async loadFrozen(number, stage) {
    if (stage === null) return set({ frozen: null });
    const frozen = await invoke('meeting.asOf', { number, stage });
    if (get().number === number) set({ frozen: frozen.ok ? frozen.value : null });
  },
}));
