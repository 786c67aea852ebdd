// Headless commands on the same api the shells use.
//   tsx electron/cli.ts seed --db FILE [--force]
//   tsx electron/cli.ts call NAME [JSON-INPUT] --db FILE
//   tsx electron/cli.ts export --db FILE --out DIR [--what ...] [--format ...] [--date YYYY-MM-DD] [--overwrite]
//   tsx electron/cli.ts pack --db FILE --meeting TB-2024-02 --out DIR
//   tsx electron/cli.ts backup|backups|restore|audit --db FILE ...
//   tsx electron/cli.ts exchange send|receive|status|conflicts|undo --db FILE ...
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ExportJob } from '../shared/exports';
import type { AuditEntry, BackupInfo } from '../shared/domain';
import { createApi, handlerGroups } from './api';
import { fileProfileStore } from './profile-store';
import { userDataDir } from './paths';
import { RegisterHost } from './register-host';
import { clockFromEnv } from './register/clock';
import { openRegister } from './register/db';
import { createSeededRegister, defaultSeedFile, readSeed } from './register/seed';
import { resourcesDir } from './source-paths';
import { exchangeCommand } from './exchange/exchange-cli';

const USAGE = `Usage:
  npm run cli -- seed --db FILE [--force]          create a register with the Jaarplan eHerkenning 2024
  npm run cli -- call NAME [JSON] --db FILE        run one contract call, print its result as JSON
  npm run cli -- export --db FILE --out DIR [--what bijlage1,bijlage2,rapportage] [--format docx,xlsx]
                        [--date YYYY-MM-DD] [--overwrite]
                                                   write the annexes and the C&R rapportage (default: all, both
                                                   formats, today); an existing file is kept unless --overwrite
  npm run cli -- pack --db FILE --meeting TB-2024-02 --out DIR
                                                   the meeting's pack: its vergaderstukken (after the meeting its
                                                   besluitenlijst) in DIR/"TB-2024-02 2024-05-15"/v1, v2 when the
                                                   register changed since v1 (nagezonden), with manifest.json
  npm run cli -- backup --db FILE                  a backup now (SQLite's backup API, integrity-checked)
  npm run cli -- backups --db FILE                 list the backups, newest first
  npm run cli -- restore --db FILE --backup NAME   put backup NAME (or newest-good) in the register's place,
                                                   after a backup of its current state; close the app first
  npm run cli -- audit --db FILE (--dossier N | --actiepunt N)
                                                   the audit trail of one dossier or actiepunt
  npm run cli -- exchange send --db FILE --out BUNDLE [--to DEVICE] [--all] [--whole] [--passphrase-file F]
                                                   the changes another laptop has not had, as a signed .tbsync file
                                                   (--whole: and the whole register, for exchange replace)
  npm run cli -- exchange receive --db FILE --in BUNDLE [--preview] [--pair CODE] [--accept-future]
                        [--passphrase-file F]      what a .tbsync file brings (--preview), then apply it after a
                                                   backup; --pair CODE pairs with a sender seen for the first time
  npm run cli -- exchange replace --db FILE --in BUNDLE [--pair CODE]
                                                   Mijn register vervangen door dat van …: the file's whole register
                                                   takes this one's place (this one is backed up first)
  npm run cli -- exchange status|conflicts|undo --db FILE
                                                   this device and its peers; the Te beoordelen list; take the last
                                                   file received back`;

const show = (value: unknown): string => (value === null || value === undefined ? '-' : typeof value === 'string' ? JSON.stringify(value) : String(value));

/** One line per field change: "2026-11-30T10:00:00  dossier.setPhase  dossier_phase insert  phase: - -> "analyse"". */
function auditLines(entries: AuditEntry[]): string[] {
  return entries.flatMap((e) =>
    e.changes.map((c) => `${e.at}  ${e.call}  ${e.table} ${e.action}  ${c.field}: ${show(c.before)} -> ${show(c.after)}`),
  );
}

const list = (value: string | undefined): string[] | undefined =>
  value === undefined ? undefined : value.split(',').map((item) => item.trim()).filter(Boolean);

/** Follows an export or pack job to its end, showing progress on a terminal. */
async function follow(api: ReturnType<typeof createApi>, started: ExportJob): Promise<ExportJob> {
  let job = started;
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const status = api.invoke('export.status', { id: job.id });
    if (!status.ok) throw new Error(status.error.message);
    job = status.value as ExportJob;
    if (job.current && process.stderr.isTTY) process.stderr.write(`\r${job.done}/${job.total} ${job.current}`.slice(0, 70).padEnd(70));
  }
  if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(72) + '\r');
  return job;
}

/** Starts an export or pack job and follows it; a refusal or a failure is printed, and null returned. */
async function runJob(api: ReturnType<typeof createApi>, name: 'export.start' | 'meeting.pack', input: unknown): Promise<ExportJob | null> {
  const started = api.invoke(name, input);
  if (!started.ok) {
    console.error(`TB-register: ${started.error.message}`);
    return null;
  }
  const job = await follow(api, started.value as ExportJob);
  if (job.state === 'failed') {
    console.error(`TB-register: ${job.error?.message}`);
    return null;
  }
  return job;
}

/** Commands act for the person at this computer: their profile signs what they change. */
const userProfile = () => fileProfileStore(userDataDir());

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
      backup: { type: 'string' },
      dossier: { type: 'string' },
      actiepunt: { type: 'string' },
      meeting: { type: 'string' },
      in: { type: 'string' },
      to: { type: 'string' },
      all: { type: 'boolean', default: false },
      whole: { type: 'boolean', default: false },
      preview: { type: 'boolean', default: false },
      pair: { type: 'string' },
      'accept-future': { type: 'boolean', default: false },
      'passphrase-file': { type: 'string' },
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
      const seed = readSeed(defaultSeedFile(resourcesDir()));
      let kept: string | null = null;
      if (values.force && fs.existsSync(values.db) && fs.statSync(values.db).size > 0) {
        // The register being replaced is backed up first (opening it also refuses anything that is
        // not a register, and a register another program holds).
        const host = RegisterHost.open(values.db, { clock });
        try {
          kept = path.join(host.backupDir, (await host.backup()).name);
        } finally {
          host.close();
        }
      }
      createSeededRegister(values.db, seed, { force: values.force, clock });
      console.log(`Created ${values.db} with the Jaarplan eHerkenning 2024.${kept ? ` The register it replaced is backed up as ${kept}.` : ''}`);
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
        const result = await createApi(reg, handlerGroups(), userProfile()).invokeAsync(name, input);
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
        const api = createApi(reg, handlerGroups(), userProfile());
        const job = await runJob(api, 'export.start', {
          what: list(values.what) ?? ['bijlage1', 'bijlage2', 'rapportage'],
          formats: list(values.format) ?? ['docx', 'xlsx'],
          ...(values.date === undefined ? {} : { date: values.date }),
          outDir: path.resolve(values.out),
          overwrite: values.overwrite,
        });
        if (!job) return 1;
        for (const file of job.files) console.log(`Wrote ${file}`);
        return 0;
      } finally {
        reg.close();
      }
    }
    case 'pack': {
      if (!values.out) throw new Error('pack needs --out DIR.');
      if (!values.meeting) throw new Error('pack needs --meeting NUMBER, e.g. TB-2024-02.');
      const reg = openRegister(values.db, { clock });
      try {
        const api = createApi(reg, handlerGroups(), userProfile());
        const job = await runJob(api, 'meeting.pack', { meeting: values.meeting, outDir: path.resolve(values.out) });
        if (!job) return 1;
        const p = job.pack!;
        if (p.fresh) {
          console.log(`Wrote version ${p.version} of ${p.meeting} (${p.kind}${p.nagezonden ? ', nagezonden' : ''}) in ${p.folder}:`);
          for (const file of job.files) console.log(`  ${path.basename(file)}`);
        } else if (p.unchanged) console.log(`Version ${p.version} of ${p.meeting} stands in ${p.folder}, unchanged: nothing was written.`);
        else console.log(`Nothing changed since version ${p.version} of ${p.meeting}; wrote it again in ${p.folder}.`);
        if (p.comparedWith) {
          const c = p.comparedWith;
          console.log(`Against v${c.version}: ${c.changed.length} changed, ${c.added.length} new, ${c.removed.length} gone, ${c.same.length} the same.`);
        }
        return 0;
      } finally {
        reg.close();
      }
    }
    case 'backup':
    case 'backups':
    case 'restore':
    case 'audit': {
      const host = RegisterHost.open(values.db, { clock });
      try {
        if (host.damaged) console.error(`TB-register: ${host.damaged}`);
        const api = createApi(host, handlerGroups(), userProfile());
        let call: [string, unknown];
        if (command === 'backup') call = ['backup.create', {}];
        else if (command === 'backups') call = ['backup.list', {}];
        else if (command === 'restore') {
          if (!values.backup) throw new Error('restore needs --backup NAME (see: backups), or --backup newest-good.');
          call = ['backup.restore', { name: values.backup }];
        } else {
          const [kind, number] = values.dossier ? ['dossier', values.dossier] : ['actiepunt', values.actiepunt];
          if (number === undefined) throw new Error('audit needs --dossier N or --actiepunt N.');
          call = [`${kind}.audit`, { number: Number(number) }];
        }
        const result = await api.invokeAsync(...call);
        if (!result.ok) {
          console.error(`TB-register: ${result.error.message}`);
          return 1;
        }
        if (command === 'audit') for (const line of auditLines(result.value as AuditEntry[])) console.log(line);
        else if (command === 'backup') console.log(`Backed up to ${path.join(host.backupDir, (result.value as BackupInfo).name)}`);
        else if (command === 'restore') console.log(`Restored ${values.backup}; the state before it is backed up as ${(result.value as BackupInfo[])[0]?.name}.`);
        else for (const b of result.value as BackupInfo[]) console.log(`${b.name}\t${b.takenAt}\t${b.bytes} bytes`);
        return 0;
      } finally {
        host.close();
      }
    }
    case 'exchange': {
      const host = RegisterHost.open(values.db, { clock });
      try {
        return await exchangeCommand(host, userProfile(), {
          action: rest[0],
          out: values.out,
          in: values.in,
          to: values.to,
          all: values.all,
          whole: values.whole,
          preview: values.preview,
          pair: values.pair,
          acceptFuture: values['accept-future'],
          passphraseFile: values['passphrase-file'],
        });
      } finally {
        host.close();
      }
    }
    default:
      console.error(`Unknown command '${command}'.\n${USAGE}`);
      return 2;
  }
}

// Output piped into a program that stops reading (`| head`) ends the command quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(`TB-register: ${error.message}`);
    process.exitCode = 1;
  },
);
