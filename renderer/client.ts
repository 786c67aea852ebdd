// The renderer's one road to the register: the contract, over Electron's preload bridge when it is
// there, else over the browser shell's token-guarded HTTP bridge.
import type { CallInput, CallName, CallResult } from '../shared/contract';
import type { Envelope, Touched } from '../shared/errors';
import { PRESENT_PREFIX } from '../shared/bridge';

interface PreloadBridge {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  /** The system's folder dialog; null when cancelled. */
  chooseFolder(title: string): Promise<string | null>;
  /** The application menu's actions; returns the unsubscribe. */
  onMenu(listener: (action: string) => void): () => void;
  /** After every committed change to the register, from any window; returns the unsubscribe. */
  onChanged(listener: (call: string, touched: unknown) => void): () => void;
}

declare global {
  interface Window {
    tbRegister?: PreloadBridge;
  }
}

const TOKEN_KEY = 'tb-register-token';

/** The browser shell hands its token over in the address fragment; keep it for reloads, then hide it. */
function browserToken(): string {
  const match = /(?:^|[#&])token=([\w-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function httpInvoke(name: string, input: unknown): Promise<Envelope<unknown>> {
  try {
    const response = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-TB-Token': browserToken() },
      body: JSON.stringify({ name, input }),
    });
    return (await response.json()) as Envelope<unknown>;
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: `The register cannot be reached (${(error as Error).message}).` } };
  }
}

export function invoke<N extends CallName>(name: N, input?: CallInput<N>): Promise<Envelope<CallResult<N>>> {
  const bridge = window.tbRegister;
  const result = bridge ? bridge.invoke(name, input) : httpInvoke(name, input);
  return result as Promise<Envelope<CallResult<N>>>;
}

/**
 * Tells `listener` after every committed change to the register, made in this page or another
 * (the presentation view follows the main window): over the Electron bridge, or the browser
 * shell's server-sent events (the token in the address, as an EventSource sends no headers).
 */
export function onRegisterChanged(listener: (call: string, touched: Touched | null) => void): () => void {
  const bridge = window.tbRegister;
  if (bridge) return bridge.onChanged((call, touched) => listener(call, asTouched(touched)));
  const events = new EventSource(`/api/events?token=${encodeURIComponent(browserToken())}`);
  const handler = (event: MessageEvent<string>) => {
    try {
      const { call, touched } = JSON.parse(event.data) as { call?: unknown; touched?: unknown };
      if (typeof call === 'string') listener(call, asTouched(touched));
    } catch {
      // Not one of ours: nothing to tell.
    }
  };
  events.addEventListener('changed', handler as EventListener);
  return () => events.close();
}

/** What a change touched, as the shell sent it; null when it is not that shape. */
function asTouched(value: unknown): Touched | null {
  const v = value as Partial<Touched> | null;
  const numbers = (list: unknown) => Array.isArray(list) && list.every((n) => Number.isInteger(n));
  return v && numbers(v.dossiers) && numbers(v.actiepunten) ? { dossiers: v.dossiers!, actiepunten: v.actiepunten! } : null;
}

/** Opens the presentation view of a meeting: a second window (Electron) or tab (browser shell) with the same token. */
export function openPresentation(meeting: string): void {
  // Not noopener: the new tab takes this one's session storage, the token with it.
  window.open(`${window.location.origin}${window.location.pathname}${PRESENT_PREFIX}${encodeURIComponent(meeting)}`, `tb-present-${meeting}`);
}

/** The meeting this page presents (it was opened as the presentation view), or null. */
export function presentedMeeting(): string | null {
  return window.location.hash.startsWith(PRESENT_PREFIX) ? decodeURIComponent(window.location.hash.slice(PRESENT_PREFIX.length)) : null;
}

if (!window.tbRegister) browserToken();

/** The Electron shell's extras, when the page runs there; the browser shell has none. */
export const desktop = (): PreloadBridge | null => window.tbRegister ?? null;
