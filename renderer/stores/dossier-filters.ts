// The dossier list's search, filters, sort order and folded groups (shared by the table and the board).
import { create } from 'zustand';
import type { Phase } from '../../shared/phase';

export type SortKey = 'number' | 'title' | 'phase' | 'phaseOnReference' | 'priority' | 'owner';

export interface DossierFilters {
  search: string;
  phase: Phase | '';
  parked: '' | 'yes' | 'no';
  priority: '' | 'yes' | 'no';
  ambition: string;
  hoofddossier: string;
  sort: SortKey;
  descending: boolean;
  grouped: boolean;
  collapsed: number[];
  set(patch: Partial<Omit<DossierFilters, 'set' | 'clear' | 'toggleGroup' | 'sortBy'>>): void;
  sortBy(key: SortKey): void;
  toggleGroup(id: number): void;
  clear(): void;
}

const EMPTY = { search: '', phase: '', parked: '', priority: '', ambition: '', hoofddossier: '' } as const;

export const useDossierFilters = create<DossierFilters>((set, get) => ({
  ...EMPTY,
  sort: 'number',
  descending: false,
  grouped: true,
  collapsed: [],
  set: (patch) => set(patch),
  sortBy(key) {
    const { sort, descending } = get();
    set(sort === key ? { descending: !descending } : { sort: key, descending: false });
  },
  toggleGroup(id) {
    const { collapsed } = get();
    set({ collapsed: collapsed.includes(id) ? collapsed.filter((c) => c !== id) : [...collapsed, id] });
  },
  clear: () => set({ ...EMPTY }),
}));
