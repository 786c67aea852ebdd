// The browser shell: the same api over HTTP on 127.0.0.1, for development, end-to-end tests,
// and machines without an Electron binary.
//   tsx electron/web.ts [--db FILE] [--port N]
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createApi, handlerGroups } from './api';
import { fileProfileStore } from './profile-store';
import { clockFromEnv } from './register/clock';
import { RegisterHost } from './register-host';
import { defaultSeedFile, readSeed } from './register/seed';
import { defaultRegisterPath, userDataDir } from './paths';
import { rendererDir, resourcesDir } from './source-paths';
import { startWebServer } from './web-server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, port: { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not '${values.port}'.`);
  const staticDir = rendererDir();
  if (!fs.existsSync(`${staticDir}/index.html`)) throw new Error(`The renderer is not built (${staticDir}); run 'npm run build:renderer'.`);

  const clock = clockFromEnv();
  const file = values.db ?? defaultRegisterPath();
  // The embedded default is created on first start; a register named with --db must exist.
  const seed = values.db === undefined ? () => readSeed(defaultSeedFile(resourcesDir())) : undefined;
  if (!seed && !fs.existsSync(file)) throw new Error(`There is no register at ${file}; create one with 'npm run cli -- seed --db ${file}'.`);
  const host = RegisterHost.open(file, { clock, seed });
  const server = await startWebServer(createApi(host, handlerGroups(), fileProfileStore(userDataDir())), { port, staticDir }).catch((error: Error) => {
    host.close();
    throw error;
  });
  console.log(`TB-register browser shell: register ${host.file}`);
  console.log(`Open ${server.openUrl}`);
  // Now the check (while the page loads; its first call would wait for it anyway), then a backup
  // at start and daily; a damaged register is not backed up over the good ones.
  if (host.damaged) console.error(`TB-register: ${host.damaged}`);
  else void host.startDailyBackups((error) => console.error(`TB-register: backup failed: ${error.message}`));

  const stop = () => {
    void server.close().then(() => {
      host.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`TB-register: ${error.message}`);
  process.exit(1);
});
