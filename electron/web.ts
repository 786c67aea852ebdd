// The browser shell: the same api over HTTP on 127.0.0.1, for development, end-to-end tests,
// and machines without an Electron binary.
//   tsx electron/web.ts [--db FILE] [--port N]
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createApi } from './api';
import { clockFromEnv } from './register/clock';
import { openRegister } from './register/db';
import { defaultSeedFile, openOrSeedRegister } from './register/seed';
import { defaultRegisterPath } from './paths';
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
  let reg;
  if (values.db === undefined) {
    reg = openOrSeedRegister(defaultRegisterPath(), defaultSeedFile(resourcesDir()), { clock });
  } else {
    if (!fs.existsSync(values.db)) throw new Error(`There is no register at ${values.db}; create one with 'npm run cli -- seed --db ${values.db}'.`);
    reg = openRegister(values.db, { clock });
  }
  const server = await startWebServer(createApi(reg), { port, staticDir }).catch((error: Error) => {
    reg.close();
    throw error;
  });
  console.log(`TB-register browser shell: register ${reg.path}`);
  console.log(`Open ${server.openUrl}`);

  const stop = () => {
    void server.close().then(() => {
      reg.close();
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
