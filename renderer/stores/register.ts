// The register as last read through the contract, and the one way to change it: perform().
// A refused call returns its error for the screen to show beside what the user did; either way
// the data is read again, so the screen always shows the register as it is.
import { create } from 'zustand';
import type { CallInput, CallName, CallResult } from '../../shared/contract';
import type { Actiepunt, Ambition, DossierSummary, Hoofddossier, Jaarplan, RegisterInfo, UndoState } from '../../shared/domain';
import type { MeetingSummary } from '../../shared/meeting';
import type { CallError, Touched } from '../../shared/errors';
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

/** Calls whose changes reach beyond dossiers and actiepunten (the jaarplan, ambitions, the whole register): read everything again. */
const READ_ALL = /^(register\.(undo|redo)|jaarplan\.|ambition\.|backup\.)/;

/**
 * Reads again only what a committed call touched (issue 12): the dossiers and actiepunten its
 * audit rows name, merged into the lists the page holds, with the counts, the meetings and the
 * undo state. A call that touched nothing the lists hold reads only those small parts.
 */
async function refresh(touched: Touched): Promise<void> {
  const state = useRegister.getState();
  const [info, meetings, undo, dossiers, actiepunten] = await Promise.all([
    invoke('register.info'),
    invoke('meeting.list'),
    invoke('register.undoState'),
    touched.dossiers.length ? invoke('dossier.list', { numbers: touched.dossiers }) : null,
    touched.actiepunten.length ? invoke('actiepunt.list', { numbers: touched.actiepunten }) : null,
  ]);
  if (!info.ok || !meetings.ok || !undo.ok || (dossiers && !dossiers.ok) || (actiepunten && !actiepunten.ok)) return state.load();
  const merge = <T extends { number: number }>(held: T[], read: T[], asked: number[]): T[] => {
    // Asked for and not read back: archived (the lists leave those out), or taken away by an undo.
    const gone = new Set(asked);
    const byNumber = new Map(held.map((x) => [x.number, x]));
    for (const n of gone) byNumber.delete(n);
    for (const x of read) byNumber.set(x.number, x);
    return [...byNumber.values()].sort((a, b) => a.number - b.number);
  };
  useRegister.setState({
    info: info.value,
    jaarplan: info.value.jaarplan,
    meetings: meetings.value,
    undo: undo.value,
    dossiers: dossiers?.ok ? merge(state.dossiers, dossiers.value, touched.dossiers) : state.dossiers,
    actiepunten: actiepunten?.ok ? merge(state.actiepunten, actiepunten.value, touched.actiepunten) : state.actiepunten,
    version: useRegister.getState().version + 1,
  });
}

/** Runs one call; returns its value, or its error. What the call changed is read again either way (a refusal changed nothing). */
export async function perform<N extends CallName>(
  name: N,
  input?: CallInput<N>,
): Promise<{ ok: true; value: CallResult<N> } | { ok: false; error: CallError }> {
  const result = await invoke(name, input);
  if (result.ok && result.touched && !READ_ALL.test(name)) await refresh(result.touched);
  else if (result.ok && !result.touched && !READ_ALL.test(name)) useRegister.setState({ version: useRegister.getState().version + 1 });
  // Everything again after an undo or a jaarplan edit, and after a refusal: the register may have
  // changed under the page (another window), and the screen must show it as it is.
  else await useRegister.getState().load();
  return result;
}

/** Reads the undo state again: after a call that ends undo without touching a list (meeting.pack). */
export async function refreshUndo(): Promise<void> {
  const undo = await invoke('register.undoState');
  if (undo.ok) useRegister.setState({ undo: undo.value });
}

/** Today as the register's clock says: the default for every date field. */
export const registerToday = (): string => useRegister.getState().info?.today ?? isoDateOf(new Date());
