// The Electron shell's entry: the real Electron module into the shell (electron/shell/app.ts).
import path from 'node:path';
import * as electron from 'electron';
import { startApp } from './shell/app';

const root = electron.app.getAppPath();
startApp(electron, {
  root,
  userData: electron.app.getPath('userData'),
  nativeBinding: process.env.TB_REGISTER_ELECTRON_SQLITE ?? path.join(root, 'native', 'electron', 'better_sqlite3.node'),
});
