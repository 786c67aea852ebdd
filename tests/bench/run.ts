// npm run bench: builds the benchmark registers (500 and 5,000 dossiers), measures opening, the
// calls beside bare statements, the report model, the meeting cycle (a meeting page's data, what
// changed since the previous TB, freezing the register and what a freeze adds to the file), the
// exports beside bare library documents and the workspace in Chromium, then prints one table and
// writes the figures as JSON.
//   npm run bench [-- --only open,calls,meetings,exports,pack,ui,mode,exchange] [--quick]
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS } from '../../electron/register/migrations';
import { EXPORT_DOCUMENTS, EXPORT_FORMATS, type ExportDocument, type ExportFormat } from '../../shared/exports';
import { bundleForNode } from '../support/bundle';
import { measureCalls, type RegisterFigures } from './calls';
import { generateRegister } from './generate';
import { measureMeetings, type MeetingFigures } from './meetings';
import { copyAsVersion } from './schema-downgrade';
import { ratio, summarize, type Timing } from './stats';
import { measureUi, type UiFigures } from './ui';
import { measureMeetingMode, type MeetingModeFigures } from './meeting-mode-ui';
import { formatTable, type Row } from './table';
import { measureExchange, type ExchangeFigures } from './exchange';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SIZES = [500, 5_000] as const;
const BIG = 5_000;
const SECTIONS = ['open', 'calls', 'meetings', 'exports', 'pack', 'ui', 'mode', 'exchange'] as const;
type Section = (typeof SECTIONS)[number];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyAt = args.indexOf('--only');
const only = new Set<Section>(onlyAt >= 0 ? (args[onlyAt + 1]!.split(',') as Section[]) : SECTIONS);

/** Registers are cached by what builds them: the generator, the migrations and the seed. */
function register(dossiers: number): string {
  const hash = crypto.createHash('sha256');
  for (const file of ['tests/bench/generate.ts', 'resources/seed/jaarplan-2024.json', ...fs.readdirSync(path.join(ROOT, 'electron/register/migrations')).map((f) => `electron/register/migrations/${f}`)]) {
    hash.update(fs.readFileSync(path.join(ROOT, file)));
  }
  const dir = path.join(ROOT, 'node_modules', '.cache', 'tb-register', 'bench');
  const file = path.join(dir, `register-${dossiers}-${hash.digest('hex').slice(0, 12)}.sqlite`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    for (const old of fs.readdirSync(dir).filter((f) => f.startsWith(`register-${dossiers}-`))) fs.rmSync(path.join(dir, old));
    const building = `${file}.building`;
    process.stdout.write(`Building the ${dossiers}-dossier register (cached for later runs)… `);
    const start = performance.now();
    generateRegister(building, dossiers);
    fs.renameSync(building, file);
    process.stdout.write(`${Math.round((performance.now() - start) / 1000)} s\n`);
  }
  return file;
}

/** A private copy, so a run never changes the cached register (the shells take backups beside it). */
function copyOf(file: string, dir: string): string {
  const target = path.join(dir, path.basename(file));
  fs.copyFileSync(file, target);
  return target;
}

function child<T>(bundle: string, arg: string): T {
  const result = spawnSync(process.execPath, [bundle, arg], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${path.basename(bundle)} ${arg} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as T;
}

interface OpenFigures {
  open: Timing;
  quickCheck: Timing;
  migrateFromV1: Timing;
  fileMb: number;
}

function measureOpen(file: string, scratch: string, runs: number): OpenFigures {
  const bundle = bundleForNode('tests/bench/open-child.ts', 'bench-open');
  const current = copyOf(file, scratch);
  const cold = (target: string) => {
    const out = child<{ openMs: number; checkMs: number; schemaVersion: number; damaged: string | null }>(bundle, target);
    if (out.schemaVersion !== MIGRATIONS.length || out.damaged) throw new Error(`open went wrong: ${JSON.stringify(out)}`);
    return out;
  };
  cold(current);
  const opens = Array.from({ length: runs }, () => cold(current));
  const v1 = path.join(scratch, 'v1.sqlite');
  copyAsVersion(file, v1, 1);
  const migrate = Array.from({ length: Math.max(3, Math.round(runs / 2)) }, (_v, i) => {
    const target = path.join(scratch, `migrate-${i}.sqlite`);
    fs.copyFileSync(v1, target);
    return cold(target).openMs;
  });
  return {
    open: summarize(opens.map((o) => o.openMs)),
    quickCheck: summarize(opens.map((o) => o.checkMs)),
    migrateFromV1: summarize(migrate),
    fileMb: Math.round(fs.statSync(file).size / 1e5) / 10,
  };
}

interface ExportFigure {
  document: ExportDocument;
  format: ExportFormat;
  dossiers: number;
  ours: Timing & { peakRssMb: number; rssBeforeMb: number; kb: number };
  bare: Timing & { peakRssMb: number; rssBeforeMb: number; kb: number };
  overhead: number;
  /** t(5,000) / t(500), ours, medians; on the 5,000 row only. */
  scaling: number | null;
}

function measureExports(files: Record<number, string>): ExportFigure[] {
  const bundle = bundleForNode('tests/bench/export-child.ts', 'bench-export');
  const figures: ExportFigure[] = [];
  for (const document of EXPORT_DOCUMENTS) {
    for (const format of EXPORT_FORMATS) {
      for (const dossiers of SIZES) {
        const runs = quick ? 1 : dossiers === BIG ? 3 : 5;
        const one = (mode: 'ours' | 'bare') => {
          const request = (runs: number, warmup: number) => JSON.stringify({ file: files[dossiers], document, format, mode, runs, warmup });
          type Out = { samples: number[]; bytes: number; rssBeforeMb: number; peakRssMb: number };
          // Times from a warmed-up process; the peak RSS of one export from a fresh one (a process
          // that exported before still holds garbage V8 has not returned).
          const timed = child<Out>(bundle, request(runs, 1));
          const single = child<Out>(bundle, request(1, 0));
          return { ...summarize(timed.samples), peakRssMb: single.peakRssMb, rssBeforeMb: single.rssBeforeMb, kb: Math.round(timed.bytes / 1024) };
        };
        const ours = one('ours');
        const bare = one('bare');
        const small = figures.find((f) => f.document === document && f.format === format && f.dossiers === SIZES[0]);
        figures.push({
          document,
          format,
          dossiers,
          ours,
          bare,
          overhead: ratio(ours.medianMs, bare.medianMs),
          scaling: dossiers === BIG && small ? ratio(ours.medianMs, small.ours.medianMs) : null,
        });
        process.stdout.write('.');
      }
    }
  }
  process.stdout.write('\n');
  return figures;
}

interface PackFigure {
  /** 'seed': the 2024 register, lived a little; else the generated register's size. */
  register: 'seed' | number;
  pack: Timing & { peakRssMb: number; kb: number; files: number };
  /** The same documents (Bijlage 1, Bijlage 2, the rapportage, both formats) exported one by one. */
  singles: Timing & { peakRssMb: number; kb: number };
  vsSingles: number;
}

function measurePack(files: Record<number, string>): PackFigure[] {
  const bundle = bundleForNode('tests/bench/pack-child.ts', 'bench-pack');
  const figures: PackFigure[] = [];
  for (const register of ['seed', BIG] as const) {
    const runs = quick ? 1 : register === BIG ? 3 : 5;
    const file = register === 'seed' ? 'seed' : files[BIG]!;
    type Out = { samples: number[]; bytes: number; files: number; peakRssMb: number };
    const one = (mode: 'pack' | 'singles') => {
      const timed = child<Out>(bundle, JSON.stringify({ file, mode, runs, warmup: 1 }));
      // The peak RSS of one pack from a fresh process.
      const single = child<Out>(bundle, JSON.stringify({ file, mode, runs: 1, warmup: 0 }));
      return { ...summarize(timed.samples), peakRssMb: single.peakRssMb, kb: Math.round(timed.bytes / 1024), files: timed.files };
    };
    const pack = one('pack');
    const singles = one('singles');
    figures.push({ register, pack, singles, vsSingles: ratio(pack.medianMs, singles.medianMs) });
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  return figures;
}

async function main(): Promise<void> {
  const started = new Date();
  const files = Object.fromEntries(SIZES.map((n) => [n, register(n)])) as Record<number, string>;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-bench-'));
  const results: {
    open?: OpenFigures;
    registers?: RegisterFigures[];
    meetings?: MeetingFigures;
    exports?: ExportFigure[];
    pack?: PackFigure[];
    ui?: UiFigures;
    mode?: MeetingModeFigures;
    exchange?: ExchangeFigures;
  } = {};
  try {
    if (only.has('open')) results.open = measureOpen(files[BIG]!, scratch, quick ? 3 : 10);
    if (only.has('calls')) {
      results.registers = [];
      for (const n of SIZES) results.registers.push(await measureCalls(copyOf(files[n]!, scratch), n, quick ? 5 : 30));
    }
    if (only.has('meetings')) results.meetings = await measureMeetings(copyOf(files[BIG]!, scratch), BIG, quick ? 3 : 10, quick ? 1 : 4);
    if (only.has('exports')) results.exports = measureExports(files);
    if (only.has('exchange')) results.exchange = await measureExchange(files[BIG]!, BIG, scratch, quick ? 3 : 7);
    if (only.has('pack')) results.pack = measurePack(files);
    if (only.has('ui')) {
      if (!fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) throw new Error('Build the renderer first (npm run build:renderer).');
      results.ui = await measureUi(copyOf(files[BIG]!, scratch), BIG, quick ? 2 : 5);
    }
    if (only.has('mode')) {
      if (!fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) throw new Error('Build the renderer first (npm run build:renderer).');
      results.mode = await measureMeetingMode(copyOf(files[BIG]!, scratch), BIG, scratch, quick ? 3 : 10);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
  };
  const rows: Row[] = [];
  if (results.open) {
    rows.push({ what: 'Open (cold process: pragmas, migration check)', size: BIG, timing: results.open.open, note: `${results.open.fileMb} MB file`, target: { ms: 150 } });
    rows.push({ what: 'Open + migrate from schema 1', size: BIG, timing: results.open.migrateFromV1, target: { ms: 150 } });
    rows.push({ what: 'quick_check (after the window is up)', size: BIG, timing: results.open.quickCheck });
  }
  for (const reg of results.registers ?? []) {
    for (const c of reg.calls) {
      rows.push({ what: c.name, size: c.dossiers, timing: c.ours, vsBare: c.overhead, note: `${c.jsonKb} KB JSON`, target: c.dossiers === BIG && c.bare ? { ms: 20, vsBare: 1.5 } : undefined });
    }
    rows.push({ what: 'Report model: snapshot', size: reg.reportModel.dossiers, timing: reg.reportModel.snapshot });
    rows.push({ what: 'Report model: C&R rapportage', size: reg.reportModel.dossiers, timing: reg.reportModel.model });
  }
  if (results.meetings) {
    const m = results.meetings;
    const g = m.growth;
    const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
    rows.push({
      what: 'meeting.get + meeting.asOf (a meeting page\'s data)',
      size: m.dossiers,
      timing: m.pageData,
      note: `${m.latest}, agenda vastgesteld; ${m.pageDataKb} KB JSON`,
    });
    rows.push({
      what: 'meeting.changesSince (latest meeting)',
      size: m.dossiers,
      timing: m.changesSince,
      note: `${m.latest} against the previous meeting's afgerond freeze; ${m.changeLines} lines, ${m.changesSinceKb} KB JSON`,
      target: { ms: 200 },
    });
    rows.push({
      what: `meeting.setState that freezes (agenda vastgesteld, afgerond; ${g.dossiersChanged} dossiers changed)`,
      size: m.dossiers,
      timing: m.freeze,
      note: `${m.meetings} meetings, ${g.freezes} freezes after a chain of ${m.chain}; agenda ${Math.round(m.freezeAgenda.medianMs)} ms, afgerond ${Math.round(m.freezeAfgerond.medianMs)} ms`,
      target: { ms: 500 },
    });
    rows.push({
      what: `Freeze: file growth per freeze, vs the changed parts' JSON as bare (${g.dossiersChanged} dossiers changed)`,
      size: m.dossiers,
      vsBare: g.ratio,
      note: `+${kb(g.fileBytes)} file (${kb(g.usedBytes)} in used pages) vs ${kb(g.changedBytes)} changed; ${g.entries} entries and a ${kb(g.recordBytes)} meeting record per freeze; ${g.freezes} freezes`,
      target: { vsBare: 2 },
    });
  }
  for (const e of results.exports ?? []) {
    const name = { bijlage1: 'Bijlage 1', bijlage2: 'Bijlage 2', rapportage: 'C&R rapportage' }[e.document];
    const big = e.dossiers === BIG && e.document === 'rapportage';
    rows.push({
      what: `Export ${name} ${e.format}`,
      size: e.dossiers,
      timing: e.ours,
      rssMb: e.ours.peakRssMb,
      vsBare: e.overhead,
      scaling: e.scaling,
      note: `${e.ours.kb} KB; bare ${Math.round(e.bare.medianMs)} ms, ${e.bare.peakRssMb} MB; ${e.ours.rssBeforeMb} MB before`,
      target: big ? { ms: e.format === 'docx' ? 5000 : 3000, rssMb: 400, vsBare: 1.5 } : e.dossiers === BIG ? { vsBare: 1.5 } : undefined,
    });
  }
  for (const p of results.pack ?? []) {
    const seed = p.register === 'seed';
    rows.push({
      what: `Meeting pack (evaluatiemoment: ${p.pack.files} files), vs its documents exported one by one`,
      size: seed ? 15 : BIG,
      timing: p.pack,
      rssMb: p.pack.peakRssMb,
      vsBare: p.vsSingles,
      note: `${seed ? 'the 2024 register; ' : ''}${p.pack.kb} KB; one by one: ${Math.round(p.singles.medianMs)} ms, ${p.singles.peakRssMb} MB, the same six documents without agenda, besluitenlijst and wijzigingen`,
      target: seed ? { ms: 1000 } : { ms: 5000, rssMb: 400 },
    });
  }
  if (results.ui) {
    const ui = results.ui;
    rows.push({ what: 'UI: navigation to interactive table', size: ui.dossiers, timing: ui.interactiveTable, target: { ms: 1500 } });
    rows.push({ what: 'UI: filter keystroke to painted table (50 keys)', size: ui.dossiers, timing: ui.keystrokeToPaint, target: { p95Ms: 50 } });
    rows.push({ what: 'UI: mark priority in the panel to painted table (10 edits)', size: ui.dossiers, timing: ui.editToTable });
    rows.push({ what: 'UI: open the newest meeting page to interactive', size: ui.dossiers, timing: ui.meetingPage.latest, target: { ms: 300 } });
    rows.push({ what: 'UI: open a held meeting page to interactive', size: ui.dossiers, timing: ui.meetingPage.held, target: { ms: 300 } });
    rows.push({
      what: 'UI: table rows in the DOM (top, middle, end)',
      size: ui.dossiers,
      count: ui.domRows.max,
      note: `${ui.domRows.viewportRows} fit the viewport; ${ui.domRows.total} rows in all`,
      target: { count: ui.domRows.viewportRows * 3 },
    });
  }
  if (results.exchange) {
    const x = results.exchange;
    const note = `${x.changes} changes, ${x.fileKb} KB file`;
    rows.push({ what: 'Exchange: make the chair\'s file (1,000 changes)', size: x.dossiers, timing: x.make, target: { ms: 1000 }, note });
    rows.push({ what: 'Exchange: preview it on the secretary\'s laptop', size: x.dossiers, timing: x.preview, target: { ms: 300 }, note: `${x.conflicts} conflicts` });
    rows.push({ what: 'Exchange: apply it (one transaction)', size: x.dossiers, timing: x.apply, target: { ms: 1000 } });
  }
  if (results.mode) {
    const mode = results.mode;
    const panel = results.ui ? `; the panel path: ${Math.round(results.ui.editToTable.medianMs)} ms median in this run` : '';
    rows.push({ what: 'Meeting mode: P (priority mark) to painted', size: mode.dossiers, timing: mode.priorityMark, target: { p95Ms: 50 }, note: `273 ms median before issue 12 (the panel, whole register read again)${panel}` });
    rows.push({ what: 'Meeting mode: Alt+↓/↑ (rank move) to painted', size: mode.dossiers, timing: mode.rankMove, target: { p95Ms: 50 } });
    rows.push({ what: 'Presentation view: updated after a change in the chair’s page', size: mode.dossiers, timing: mode.presentation, target: { p95Ms: 100 } });
    rows.push({ what: 'UI: filter keystroke to painted table (50 keys)', size: mode.filterAt10k.dossiers, timing: mode.filterAt10k.timing, target: { p95Ms: 16 }, note: '30 ms median at 5,000 before issue 12' });
  }
  const table = formatTable(rows);
  const heading = `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${machine.cpus} × ${machine.cpuModel} · ${machine.memoryGb} GB · Node ${machine.node} · ${machine.platform}`;
  process.stdout.write(`\n${heading}\n\n${table}\n`);
  const outDir = path.join(ROOT, 'tests', 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const json = path.join(outDir, `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(json, `${JSON.stringify({ started: started.toISOString(), machine, quick, results, table: rows }, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, 'latest.md'), `${heading}\n\n${table}\n`);
  process.stdout.write(`\nFigures: ${path.relative(ROOT, json)} (table also in tests/bench/results/latest.md)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
