// Who works on this computer, as the contract reports it; asked once, at the first start.
import { create } from 'zustand';
import type { Profile, ProfileState } from '../../shared/domain';
import type { CallError } from '../../shared/errors';
import { invoke } from '../client';

interface ProfileStoreState {
  state: ProfileState | null;
  /** The first-start question was put aside for this session ("Later"). */
  postponed: boolean;
  load(): Promise<void>;
  save(profile: Profile): Promise<CallError | null>;
  postpone(): void;
}

export const useProfile = create<ProfileStoreState>((set) => ({
  state: null,
  postponed: false,
  load: async () => {
    const r = await invoke('profile.get');
    if (r.ok) set({ state: r.value });
  },
  save: async (profile) => {
    const r = await invoke('profile.set', profile);
    if (!r.ok) return r.error;
    set({ state: r.value });
    return null;
  },
  postpone: () => set({ postponed: true }),
}));
