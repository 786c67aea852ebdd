// The Electron shell's entry: the real Electron module into the shell (electron/shell/app.ts).
import * as electron from 'electron';
import { userDataDir } from './paths';
import { startApp } from './shell/app';
import { sqliteBinding } from './shell/native-binding';

// TB_REGISTER_HOME moves the whole user data folder (the register and Chromium's profile), as it
// moves the browser shell's register; the smoke test starts Electron on a temporary one this way.
if (process.env.TB_REGISTER_HOME) electron.app.setPath('userData', userDataDir());

const root = electron.app.getAppPath();
startApp(electron, {
  root,
  userData: electron.app.getPath('userData'),
  nativeBinding: sqliteBinding(root, electron.app.isPackaged),
});
