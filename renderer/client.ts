// The renderer's one road to the register: the contract, over Electron's preload bridge when it is
// there, else over the browser shell's token-guarded HTTP bridge.
import type { CallInput, CallName, CallResult } from '../shared/contract';
import type { Envelope } from '../shared/errors';

interface PreloadBridge {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  /** The system's folder dialog; null when cancelled. */
  chooseFolder(title: string): Promise<string | null>;
  /** The application menu's actions; returns the unsubscribe. */
  onMenu(listener: (action: string) => void): () => void;
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

if (!window.tbRegister) browserToken();

/** The Electron shell's extras, when the page runs there; the browser shell has none. */
export const desktop = (): PreloadBridge | null => window.tbRegister ?? null;
