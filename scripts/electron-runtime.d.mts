// Types for electron-runtime.mjs, for the TypeScript that imports it (the Electron smoke test).
export function sqliteForElectron(): string;
export function electronBinary(): string | null;
export function installElectron(): string | null;
export function fetchSqliteForElectron(): string | null;
