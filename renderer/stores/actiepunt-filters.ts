// The action list's filters: status, owner and deadline.
import { create } from 'zustand';
import type { ActiepuntStatus } from '../../shared/domain';

interface ActiepuntFilters {
  status: ActiepuntStatus | '';
  owner: string;
  deadline: '' | 'overdue' | 'set' | 'missing';
  set(patch: Partial<Pick<ActiepuntFilters, 'status' | 'owner' | 'deadline'>>): void;
  clear(): void;
}

export const useActiepuntFilters = create<ActiepuntFilters>((set) => ({
  status: '',
  owner: '',
  deadline: '',
  set: (patch) => set(patch),
  clear: () => set({ status: '', owner: '', deadline: '' }),
}));
