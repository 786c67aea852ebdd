// The register as last read through the contract, and the one way to change it: perform().
// A refused call returns its error for the screen to show beside what the user did; either way
// the data is read again, so the screen always shows the register as it is.
import { create } from 'zustand';
import type { CallInput, CallName, CallResult } from '../../shared/contract';
import type { Actiepunt, Ambition, DossierSummary, Hoofddossier, Jaarplan, RegisterInfo, UndoState } from '../../shared/domain';
import type { MeetingSummary } from '../../shared/meeting';
import type { CallError } from '../../shared/errors';
import { isoDateOf } from '../../shared/dates';
import { invoke } from '../client';

interface RegisterData {
  loading: boolean;
  error: CallError | null;
  info: RegisterInfo | null;
  jaarplan: Jaarplan | null;
  dossiers: DossierSummary[];
  actiepunten: Actiepunt[];
  hoofddossiers: Hoofddossier[];
  ambitions: Ambition[];
  meetings: MeetingSummary[];
  undo: UndoState;
  /** Bumped on every refresh, so open panels re-read their item. */
  version: number;
  load(): Promise<void>;
}

export const useRegister = create<RegisterData>((set, get) => ({
  loading: true,
  error: null,
  info: null,
  jaarplan: null,
  dossiers: [],
  actiepunten: [],
  hoofddossiers: [],
  ambitions: [],
  meetings: [],
  undo: { undo: null, redo: null },
  version: 0,
  async load() {
    const results = await Promise.all([
      invoke('register.info'),
      invoke('dossier.list', {}),
      invoke('actiepunt.list', {}),
      invoke('hoofddossier.list'),
      invoke('ambition.list'),
      invoke('meeting.list'),
      invoke('register.undoState'),
    ]);
    const failed = results.find((r) => !r.ok);
    // Even when part of a damaged register cannot be read, what can be read (the info, with the
    // reason it is damaged) is shown, so the user can restore a backup from here.
    if (failed && !failed.ok) {
      const info = results[0]!.ok ? (results[0]!.value as RegisterInfo) : null;
      return set({ loading: false, error: failed.error, info, jaarplan: info?.jaarplan ?? null });
    }
    const [info, dossiers, actiepunten, hoofddossiers, ambitions, meetings, undo] = results.map((r) => (r.ok ? r.value : null)) as [
      RegisterInfo, DossierSummary[], Actiepunt[], Hoofddossier[], Ambition[], MeetingSummary[], UndoState,
    ];
    set({
      loading: false,
      error: null,
      info,
      jaarplan: info.jaarplan,
      dossiers,
      actiepunten,
      hoofddossiers,
      ambitions,
      meetings,
      undo,
      version: get().version + 1,
    });
  },
}));

/** Runs one call; returns its value, or its error. The register is read again afterwards either way. */
export async function perform<N extends CallName>(
  name: N,
  input?: CallInput<N>,
): Promise<{ ok: true; value: CallResult<N> } | { ok: false; error: CallError }> {
  const result = await invoke(name, input);
  await useRegister.getState().load();
  return result;
}

/** Today as the register's clock says: the default for every date field. */
export const registerToday = (): string => useRegister.getState().info?.today ?? isoDateOf(new Date());
