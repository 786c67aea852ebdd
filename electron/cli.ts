// Headless commands on the same api the shells use.
//   tsx electron/cli.ts seed --db FILE [--force]
//   tsx electron/cli.ts call NAME [JSON-INPUT] --db FILE
import { parseArgs } from 'node:util';
import { createApi } from './api';
import { clockFromEnv } from './register/clock';
import { openRegister } from './register/db';
import { createSeededRegister, defaultSeedFile, readSeed } from './register/seed';
import { resourcesDir } from './source-paths';

const USAGE = `Usage:
  npm run cli -- seed --db FILE [--force]          create a register with the Jaarplan eHerkenning 2024
  npm run cli -- call NAME [JSON] --db FILE        run one contract call, print its result as JSON`;

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (!values.db) throw new Error('--db FILE is required.');
  const clock = clockFromEnv();

  switch (command) {
    case 'seed': {
      createSeededRegister(values.db, readSeed(defaultSeedFile(resourcesDir())), { force: values.force, clock });
      console.log(`Created ${values.db} with the Jaarplan eHerkenning 2024.`);
      return 0;
    }
    case 'call': {
      const [name, json] = rest;
      if (!name) throw new Error('call needs a NAME, e.g. dossier.list.');
      let input: unknown;
      try {
        input = json === undefined ? undefined : JSON.parse(json);
      } catch {
        throw new Error('The input is not valid JSON.');
      }
      const reg = openRegister(values.db, { clock });
      try {
        const result = createApi(reg).invoke(name, input);
        console.log(JSON.stringify(result, null, 2));
        return result.ok ? 0 : 1;
      } finally {
        reg.close();
      }
    }
    default:
      console.error(`Unknown command '${command}'.\n${USAGE}`);
      return 2;
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`TB-register: ${(error as Error).message}`);
  process.exitCode = 1;
}
