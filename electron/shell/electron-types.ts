// The parts of Electron the shell uses, as types, so the shell's modules take Electron as a
// parameter: main.ts passes the real module, tests pass stand-ins where no Electron binary exists.
import type * as Electron from 'electron';

export type ElectronModule = Pick<typeof Electron, 'app' | 'BrowserWindow' | 'ipcMain' | 'shell' | 'Menu' | 'dialog' | 'protocol'>;
export type BrowserWindowLike = Electron.BrowserWindow;
