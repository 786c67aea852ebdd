// Where the app keeps the user's register: the same folder in both shells.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'TB-register';
export const REGISTER_FILE = 'register.sqlite';

/** The same folder Electron's app.getPath('userData') gives, so both shells share one register. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.TB_REGISTER_HOME) return path.resolve(env.TB_REGISTER_HOME);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

export const defaultRegisterPath = (env?: NodeJS.ProcessEnv): string => path.join(userDataDir(env), REGISTER_FILE);

/** Where exports go unless the user picks another folder: Documents, else the home folder. */
export function defaultExportDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TB_REGISTER_EXPORT_DIR) return path.resolve(env.TB_REGISTER_EXPORT_DIR);
  const documents = path.join(os.homedir(), 'Documents');
  return fs.existsSync(documents) ? documents : os.homedir();
}
