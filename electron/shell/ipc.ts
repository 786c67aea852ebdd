// The main process's side of the preload bridge. Every call is checked for its sender (our own
// page, in the top frame) and then goes through the contract, which validates its input. The
// folder dialog hands back a canonical path, or null when the user cancels.
import fs from 'node:fs';
import type { IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/bridge';
import type { Envelope } from '../../shared/errors';
import { folderPath } from '../../shared/schemas';
import type { Api } from '../api';
import type { BrowserWindowLike, ElectronModule } from './electron-types';
import { isOwnPage } from './app-protocol';

const FORBIDDEN: Envelope<never> = { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the TB-register window.' } };

/** Our page, app://tb-register/index.html, in the window's top frame. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isOwnPage(frame.url);
}

export function registerIpc(
  electron: Pick<ElectronModule, 'ipcMain' | 'dialog'>,
  api: Api,
  window: () => BrowserWindowLike | null,
): void {
  electron.ipcMain.handle(CHANNELS.invoke, (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event)) return FORBIDDEN;
    return api.invokeAsync(name, input);
  });
  electron.ipcMain.handle(CHANNELS.chooseFolder, async (event, title: unknown) => {
    if (!isTrustedSender(event)) return null;
    const win = window();
    const options = { title: typeof title === 'string' ? title.slice(0, 200) : undefined, properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
    const result = win ? await electron.dialog.showOpenDialog(win, options) : await electron.dialog.showOpenDialog(options);
    const chosen = result.canceled ? undefined : result.filePaths[0];
    if (!chosen || !folderPath.safeParse(chosen).success) return null;
    try {
      return fs.realpathSync.native(chosen);
    } catch {
      return null;
    }
  });
}
