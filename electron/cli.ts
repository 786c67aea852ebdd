// Headless commands on the same api the shells use.
//   tsx electron/cli.ts seed --db FILE [--force]
//   tsx electron/cli.ts call NAME [JSON-INPUT] --db FILE
//   tsx electron/cli.ts export --db FILE --out DIR [--what ...] [--format ...] [--date YYYY-MM-DD] [--overwrite]
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ExportJob } from '../shared/exports';
import { createApi } from './api';
import { clockFromEnv } from './register/clock';
import { openRegister } from './register/db';
import { createSeededRegister, defaultSeedFile, readSeed } from './register/seed';
import { resourcesDir } from './source-paths';

const USAGE = `Usage:
  npm run cli -- seed --db FILE [--force]          create a register with the Jaarplan eHerkenning 2024
  npm run cli -- call NAME [JSON] --db FILE        run one contract call, print its result as JSON
  npm run cli -- export --db FILE --out DIR [--what bijlage1,bijlage2,rapportage] [--format docx,xlsx]
                        [--date YYYY-MM-DD] [--overwrite]
                                                   write the annexes and the C&R rapportage (default: all, both
                                                   formats, today); an existing file is kept unless --overwrite`;

const list = (value: string | undefined): string[] | undefined =>
  value === undefined ? undefined : value.split(',').map((item) => item.trim()).filter(Boolean);

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      out: { type: 'string' },
      what: { type: 'string' },
      format: { type: 'string' },
      date: { type: 'string' },
      overwrite: { type: 'boolean', default: false },
    },
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
    case 'export': {
      if (!values.out) throw new Error('export needs --out DIR.');
      const reg = openRegister(values.db, { clock });
      try {
        const api = createApi(reg);
        const started = api.invoke('export.start', {
          what: list(values.what) ?? ['bijlage1', 'bijlage2', 'rapportage'],
          formats: list(values.format) ?? ['docx', 'xlsx'],
          ...(values.date === undefined ? {} : { date: values.date }),
          outDir: path.resolve(values.out),
          overwrite: values.overwrite,
        });
        if (!started.ok) {
          console.error(`TB-register: ${started.error.message}`);
          return 1;
        }
        let job = started.value as ExportJob;
        while (job.state === 'running') {
          await new Promise((resolve) => setTimeout(resolve, 50));
          const status = api.invoke('export.status', { id: job.id });
          if (!status.ok) throw new Error(status.error.message);
          job = status.value as ExportJob;
          if (job.current && process.stderr.isTTY) process.stderr.write(`\r${job.done}/${job.total} ${job.current}`.padEnd(70));
        }
        if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(72) + '\r');
        if (job.state === 'failed') {
          console.error(`TB-register: ${job.error?.message}`);
          return 1;
        }
        for (const file of job.files) console.log(`Wrote ${file}`);
        return 0;
      } finally {
        reg.close();
      }
    }
    default:
      console.error(`Unknown command '${command}'.\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(`TB-register: ${error.message}`);
    process.exitCode = 1;
  },
);
