// The app's version, as package.json gives it (bundled into the Electron main process).
import pkg from '../package.json';

export const APP_VERSION: string = pkg.version;
