// The soak's property: a sequence of generated calls on a fresh copy of the seeded register, through
// the real api (createApi) on a real SQLite file. For every call:
//   - invoke/invokeAsync never throws (the envelope is the contract);
//   - a refused call, a read, backup.create and export.start leave the register's dump identical;
//   - an accepted edit reads back as its schema-parsed input set it (read-back.ts);
// and after the sequence all six documents, for today and the reference date, are strict XML 1.0 in
// every part. Rendering twelve documents costs more than the calls, so the soak pass renders after
// every `renderEvery`-th sequence, and after every sequence in which an accepted edit carried a
// character XML 1.0 cannot hold (the exports must clean those); shrinking an XML defect renders
// after every run.
//
// Two passes, one seed. The soak pass runs every sequence and counts everything, failing nothing,
// so the figures cover the whole soak. Then, for each kind of defect it saw (a signature: what went
// wrong, in which call), fast-check replays the first run that showed it (seed + path) and shrinks
// it to a small counterexample that still shows it.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { createApi, handlerGroups, type Api } from '../../electron/api';
import { ExportJobs } from '../../electron/export/export-jobs';
import { renderExport } from '../../electron/export/render';
import { RegisterHost } from '../../electron/register-host';
import { fixedClock, today as todayOf } from '../../electron/register/clock';
import { openRegister } from '../../electron/register/db';
import { createSeededRegister, readSeed } from '../../electron/register/seed';
import { readSnapshot } from '../../electron/register/snapshot';
import { contract, isCallName, type CallName } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { EXPORT_DOCUMENTS, EXPORT_FORMATS, type ExportJob } from '../../shared/exports';
import { SEED_FILE, tempDir } from '../support/register';
import { unzipSync } from 'fflate';
import { checkXmlBytes } from '../support/strict-xml';
import { dumpRegister } from './dump';
import { ASYNC_CALLS, EDIT_CALLS, resolveRefs, sequenceArbitrary, type Call, type Known, type RefKind } from './fuzz-calls';
import { readBack } from './read-back';

export const SOAK_NOW = '2026-11-30T10:00:00';

export interface FuzzOptions {
  /** How many calls to generate in the soak pass (at least). */
  calls: number;
  seed: number;
  /** Calls per sequence, at most. */
  maxSequence?: number;
  /** Render and check the six documents after every n-th sequence of the soak pass. */
  renderEvery?: number;
  /** Time for shrinking, over all defects together. */
  shrinkSeconds?: number;
  /** At most this many defect kinds are shrunk (the rest keep their first, unshrunk example). */
  maxShrinks?: number;
  now?: string;
  progress?: (line: string) => void;
}

export type DefectKind = 'crash' | 'refusal-changed-state' | 'read-changed-state' | 'read-back-mismatch' | 'internal-error' | 'invalid-xml' | 'export-failed';

export interface Defect {
  kind: DefectKind;
  /** The call (or document) it happened in: with the kind, the defect's signature. */
  where: string;
  detail: string;
}

export interface Counterexample {
  signature: string;
  detail: string;
  /** How many times the soak pass saw it. */
  seen: number;
  shrunk: boolean;
  /** The calls of the (shrunk) run, Ref markers written as <kind>. */
  calls: Call[];
  /** The same calls as text (show()): what JSON alone would lose (undefined, NaN) stays visible. */
  lines: string[];
  /** fast-check's replay of the original failing run. */
  seed: number;
  path: string;
}

export interface FuzzFigures {
  seed: number;
  now: string;
  sequences: number;
  calls: number;
  accepted: number;
  refused: number;
  crashes: number;
  refusalStateChanges: number;
  readStateChanges: number;
  readBackChecks: number;
  readBackMismatches: number;
  internalErrors: number;
  exportsChecked: number;
  xmlPartsChecked: number;
  invalidXmlParts: number;
  exportFailures: number;
  dumps: number;
  dumpMsMean: number;
  soakSeconds: number;
  shrinkSeconds: number;
  counterexamples: Counterexample[];
}

interface RunTotals {
  calls: number;
  accepted: number;
  refused: number;
  readBackChecks: number;
  exportsChecked: number;
  xmlPartsChecked: number;
  dumps: number;
  dumpMs: number;
}

/** The seeded register, written once per process; every run starts from a copy of it. */
class Template {
  readonly dir = tempDir('tb-soak-');
  readonly file = path.join(this.dir, 'template.sqlite');
  readonly known: Known;
  private runs = 0;

  constructor(readonly now: string) {
    const clock = fixedClock(now);
    createSeededRegister(this.file, readSeed(SEED_FILE), { clock });
    const reg = openRegister(this.file, { clock });
    // Two meetings for the meeting calls to work on: one afgerond with a besluit, one still a concept.
    const api = createApi(reg);
    const call = (name: CallName, input: unknown) => {
      const result = api.invoke(name, input);
      if (!result.ok) throw new Error(`soak template: ${name} failed: ${result.error.message}`);
      return result.value as Record<string, unknown>;
    };
    const held = call('meeting.create', { date: '2026-10-01', kind: 'evaluatiemoment' }) as { number: string; items: Array<{ id: number }> };
    for (const state of ['agenda_vastgesteld', 'in_vergadering']) call('meeting.setState', { number: held.number, state });
    call('outcome.add', { item: held.items[0]!.id, kind: 'besluit', text: 'De agenda wordt vastgesteld.' });
    call('meeting.setState', { number: held.number, state: 'afgerond' });
    const planned = call('meeting.create', { date: todayOf(clock) }) as { number: string; items: Array<{ id: number }> };
    const numbers = (table: string) => reg.db.prepare(`SELECT number FROM ${table} ORDER BY number`).pluck().all() as number[];
    this.known = {
      dossiers: numbers('dossier'),
      actiepunten: numbers('actiepunt'),
      ambitions: reg.db.prepare('SELECT code FROM ambition ORDER BY position').pluck().all() as string[],
      hoofddossiers: reg.db.prepare('SELECT id FROM hoofddossier ORDER BY id').pluck().all() as number[],
      today: todayOf(clock),
      referenceDate: reg.db.prepare('SELECT reference_date FROM jaarplan ORDER BY year DESC LIMIT 1').pluck().get() as string,
      meeting: planned.number,
      item: planned.items.at(-1)!.id,
    };
    reg.close();
  }

  /** A fresh folder with a copy of the register, an export folder and a file that is not a folder. */
  fresh(): string {
    const dir = path.join(this.dir, `run-${this.runs++}`);
    fs.mkdirSync(path.join(dir, 'out'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'not-a-folder.txt'), 'x');
    fs.copyFileSync(this.file, path.join(dir, 'register.sqlite'));
    return dir;
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

const describeName = (name: unknown): string => {
  if (typeof name === 'string') return isCallName(name) ? name : `unknown name ${JSON.stringify(name.slice(0, 40))}`;
  try {
    return `name of type ${Array.isArray(name) ? 'array' : typeof name}: ${JSON.stringify(name) ?? String(name)}`;
  } catch {
    return `name of type ${typeof name}`;
  }
};

/** JSON for reports: undefined, NaN and lone surrogates stay visible. */
export function show(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (v === undefined) return '<undefined>';
    if (typeof v === 'number' && !Number.isFinite(v)) return `<${v}>`;
    if (typeof v === 'string' && v.length > 120) return `${v.slice(0, 60)}…(${v.length} chars)`;
    return v;
  });
  return (text ?? String(value)).replace(/[\uD800-\uDFFF\uFFFE\uFFFF\u0000-\u001F\u007F-\u009F\uFDD0-\uFDEF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`);
}

/** C0 controls but tab, newline and CR; U+FFFE/U+FFFF; lone surrogates: what no XML part may hold. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function carriesNonXml(value: unknown): boolean {
  if (typeof value === 'string') return NOT_XML.test(value);
  if (value !== null && typeof value === 'object') return Object.values(value).some(carriesNonXml);
  return false;
}

/** Reads and other calls that must leave the register as it was even when they are accepted. */
const mayChange = (name: CallName) => EDIT_CALLS.has(name);

interface RunOptions {
  /** Always render after the sequence (otherwise only when an accepted edit carried non-XML characters). */
  render: boolean;
  totals: RunTotals;
}

/** One sequence on a fresh register; returns what went wrong. */
async function runSequence(template: Template, calls: Call[], options: RunOptions): Promise<Defect[]> {
  const defects: Defect[] = [];
  const totals = options.totals;
  const dir = template.fresh();
  const clock = fixedClock(template.now);
  const host = RegisterHost.adopt(openRegister(path.join(dir, 'register.sqlite'), { clock }));
  const jobs = new ExportJobs();
  const opened: string[] = [];
  const api: Api = createApi(host, handlerGroups(jobs, (file) => opened.push(file)));
  const refs: Partial<Record<RefKind, unknown>> = {
    outDir: path.join(dir, 'out'),
    outFile: path.join(dir, 'not-a-folder.txt'),
    lastMeeting: template.known.meeting,
    lastItem: template.known.item,
  };
  const dump = () => {
    const start = performance.now();
    const text = dumpRegister(host.reg.db);
    totals.dumpMs += performance.now() - start;
    totals.dumps++;
    return text;
  };
  let render = options.render;
  try {
    let before = dump();
    for (const call of calls) {
      totals.calls++;
      const input = resolveRefs(call.input, (kind) => (kind === 'backup' ? host.listBackups()[0]?.name : refs[kind]));
      const where = describeName(call.name);
      let result: Envelope<unknown>;
      try {
        const isAsync = typeof call.name === 'string' && ASYNC_CALLS.has(call.name);
        result = isAsync ? await api.invokeAsync(call.name, input) : api.invoke(call.name, input);
      } catch (error) {
        defects.push({ kind: 'crash', where, detail: `threw ${(error as Error)?.name}: ${(error as Error)?.message}` });
        totals.refused++;
        const after = dump();
        if (after !== before) defects.push({ kind: 'refusal-changed-state', where, detail: 'a call that threw changed the register' });
        before = after;
        continue;
      }
      if (!result.ok) {
        totals.refused++;
        if (result.error.code === 'internal') defects.push({ kind: 'internal-error', where, detail: result.error.message });
        const after = dump();
        if (after !== before) defects.push({ kind: 'refusal-changed-state', where, detail: `refused (${result.error.code}: ${result.error.message}) but the register changed` });
        before = after;
        continue;
      }
      totals.accepted++;
      const name = call.name as CallName;
      if (name === 'export.start' || name === 'meeting.pack') await checkJob(jobs, name, (result.value as ExportJob).id, refs, defects, totals);
      if (name === 'dossier.create') refs.lastDossier = (result.value as { number: number }).number;
      if (name === 'actiepunt.create') refs.lastActiepunt = (result.value as { number: number }).number;
      if (name === 'ambition.create') refs.lastAmbition = (result.value as { code: string }).code;
      if (name === 'meeting.create') {
        const meeting = result.value as { number: string; items: Array<{ id: number }> };
        refs.lastMeeting = meeting.number;
        refs.lastItem = meeting.items.at(-1)?.id;
      }
      if (name === 'agenda.add') refs.lastItem = (result.value as { id: number }).id;
      if (name === 'outcome.add') refs.lastOutcome = (result.value as { id: number }).id;
      if (mayChange(name)) {
        const parsed = contract[name].input.parse(input) as Record<string, unknown>;
        if (carriesNonXml(parsed)) render = true;
        const mismatches = readBack(name, parsed, result.value, (n, i) => api.invoke(n, i), template.known.today);
        if (mismatches.length) {
          const m = mismatches[0]!;
          // A read the contract refuses (what the edit made cannot be reached) is its own kind of mismatch.
          const unreachable = mismatches.some((x) => x.expected === 'readable');
          defects.push({ kind: 'read-back-mismatch', where: unreachable ? `${name} (unreachable)` : name, detail: `${m.field}: set ${show(m.expected)}, read back ${show(m.actual)}${mismatches.length > 1 ? ` (+${mismatches.length - 1} more)` : ''}` });
        }
        totals.readBackChecks++;
        before = dump();
      } else {
        const after = dump();
        if (after !== before) defects.push({ kind: 'read-changed-state', where: name, detail: 'an accepted call that only reads changed the register' });
        before = after;
      }
    }
    if (render) await checkDocuments(host, template.known.today, defects, totals);
  } finally {
    await Promise.all([...jobsRunning(jobs)]);
    host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return defects;
}

/** Export jobs still rendering (an export.start whose checks were cut short); waited for before cleanup. */
function jobsRunning(jobs: ExportJobs): Array<Promise<unknown>> {
  const running = (jobs as unknown as { running: Map<string, Promise<void>> }).running;
  return [...running.values()];
}

async function checkJob(jobs: ExportJobs, call: CallName, id: string, refs: Partial<Record<RefKind, unknown>>, defects: Defect[], totals: RunTotals): Promise<void> {
  const job = await jobs.settled(id);
  refs.job = id;
  // A pack refuses a version folder that holds something else (after a restore took the register
  // back past the version it wrote, say): an answer, not a defect.
  if (job.state === 'failed' && call === 'meeting.pack' && job.error?.code === 'conflict') return;
  if (job.state !== 'done') {
    defects.push({ kind: 'export-failed', where: call, detail: show(job.error) });
    return;
  }
  // A pack's manifest is JSON, its documents Office files.
  for (const file of job.files) if (!file.endsWith('.json')) checkFile(path.basename(file), fs.readFileSync(file), defects, totals);
}

/** Every XML part of an exported file, each checked on its own so that every invalid part counts. */
function checkFile(name: string, data: Uint8Array, defects: Defect[], totals: RunTotals): void {
  totals.exportsChecked++;
  const doc = name.replace(/-\d{4}-\d{2}-\d{2}/, '');
  const parts = Object.entries(unzipSync(data)).filter(([part]) => /\.(xml|rels)$/.test(part));
  if (parts.length === 0) defects.push({ kind: 'invalid-xml', where: doc, detail: 'no XML parts' });
  for (const [part, bytes] of parts) {
    totals.xmlPartsChecked++;
    try {
      checkXmlBytes(`${doc}:${part}`, bytes);
    } catch (error) {
      const message = (error as Error).message;
      defects.push({ kind: 'invalid-xml', where: doc, detail: message.length > 300 ? `${message.slice(0, 300)}…` : message });
    }
  }
}

/** All six documents for today and for the jaarplan's reference date, every XML part checked. */
async function checkDocuments(host: RegisterHost, today: string, defects: Defect[], totals: RunTotals): Promise<void> {
  const reg = host.reg;
  const snapshot = reg.db.transaction(() => readSnapshot(reg))();
  const reference = snapshot.jaarplan?.referenceDate ?? today;
  for (const date of new Set([today, reference])) {
    for (const document of EXPORT_DOCUMENTS) {
      for (const format of EXPORT_FORMATS) {
        let data: Buffer;
        try {
          data = await renderExport(snapshot, document, format, date);
        } catch (error) {
          defects.push({ kind: 'export-failed', where: `${document}.${format}`, detail: `renderExport threw: ${(error as Error).message}` });
          continue;
        }
        checkFile(`${document}.${format}`, data, defects, totals);
      }
    }
  }
}

const signatureOf = (d: Defect) => `${d.kind} in ${d.where}`;

/** Runs the soak pass and shrinks what it found. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzFigures> {
  const now = options.now ?? SOAK_NOW;
  const maxSequence = options.maxSequence ?? 50;
  const renderEvery = options.renderEvery ?? 10;
  const log = options.progress ?? (() => undefined);
  const template = new Template(now);
  const arbitrary = sequenceArbitrary(template.known, maxSequence);
  const totals: RunTotals = { calls: 0, accepted: 0, refused: 0, readBackChecks: 0, exportsChecked: 0, xmlPartsChecked: 0, dumps: 0, dumpMs: 0 };
  const counts: Record<DefectKind, number> = {
    crash: 0,
    'refusal-changed-state': 0,
    'read-changed-state': 0,
    'read-back-mismatch': 0,
    'internal-error': 0,
    'invalid-xml': 0,
    'export-failed': 0,
  };
  const firstSeen = new Map<string, { defect: Defect; run: number; calls: Call[]; seen: number }>();
  // The register's unexpected-error log would drown the output; the envelopes are counted instead.
  const consoleError = console.error;
  console.error = () => undefined;
  const started = performance.now();
  let sequences = 0;
  try {
    // Enough runs for the calls asked for: the mean sequence length, from a sample of the same arbitrary.
    const sample = fc.sample(arbitrary, { seed: options.seed, numRuns: 300 });
    const mean = sample.reduce((n, calls) => n + calls.length, 0) / sample.length;
    const numRuns = Math.ceil((options.calls / mean) * 1.2) + 5;
    let run = -1;
    const soak = fc.asyncProperty(arbitrary, async (calls) => {
      run++;
      if (totals.calls >= options.calls) return true;
      sequences++;
      const defects = await runSequence(template, calls, { render: run % renderEvery === 0, totals });
      for (const defect of defects) {
        counts[defect.kind]++;
        const signature = signatureOf(defect);
        const first = firstSeen.get(signature);
        if (first) first.seen++;
        else firstSeen.set(signature, { defect, run, calls, seen: 1 });
      }
      if (sequences % 200 === 0) log(`  fuzz: ${totals.calls} calls, ${sequences} sequences, ${firstSeen.size} kinds of defect, ${Math.round((performance.now() - started) / 1000)} s`);
      return true;
    });
    await fc.assert(soak, { seed: options.seed, numRuns });
    const soakSeconds = (performance.now() - started) / 1000;

    // Shrinking: replay each defect's first run (seed + path) and let fast-check make it small.
    const shrinkStart = performance.now();
    const budget = (options.shrinkSeconds ?? 120) * 1000;
    const maxShrinks = options.maxShrinks ?? 30;
    const counterexamples: Counterexample[] = [];
    // One signature of each kind first (a crash, an XML defect, a read-back), then the others.
    const byKind = new Map<DefectKind, Array<[string, (typeof firstSeen extends Map<string, infer V> ? V : never)]>>();
    for (const entry of firstSeen) byKind.set(entry[1].defect.kind, [...(byKind.get(entry[1].defect.kind) ?? []), entry]);
    const queues = [...byKind.values()];
    const ordered: typeof queues[number] = [];
    while (queues.some((q) => q.length)) for (const q of queues) if (q.length) ordered.push(q.shift()!);
    for (const [signature, first] of ordered) {
      const left = budget - (performance.now() - shrinkStart);
      const example: Counterexample = {
        signature,
        detail: first.defect.detail,
        seen: first.seen,
        shrunk: false,
        calls: first.calls,
        seed: options.seed,
        path: String(first.run),
        lines: [],
      };
      if (left > 1000 && counterexamples.length < maxShrinks) {
        const scratch: RunTotals = { ...totals };
        const kind = first.defect.kind;
        let lastDetail = first.defect.detail;
        const same = fc.asyncProperty(arbitrary, async (calls) => {
          const found = (await runSequence(template, calls, { render: kind === 'invalid-xml', totals: scratch })).find((d) => signatureOf(d) === signature);
          if (found) lastDetail = found.detail;
          return !found;
        });
        const outcome = await fc.check(same, {
          seed: options.seed,
          path: String(first.run),
          interruptAfterTimeLimit: Math.min(left, Math.max(budget / Math.max(1, Math.min(firstSeen.size, maxShrinks)), 5000)),
          markInterruptAsFailure: false,
        });
        if (outcome.failed && outcome.counterexample) {
          example.calls = outcome.counterexample[0] as Call[];
          example.shrunk = true;
          example.path = outcome.counterexamplePath ?? example.path;
          // The detail as the smallest run shows it (the last failing run fast-check tried is it).
          example.detail = lastDetail;
        }
        // fast-check keeps a trailing call it cannot drop (an array shrinks from the front): drop
        // each call that the defect does not need, last first.
        const shows = async (calls: Call[]) =>
          (await runSequence(template, calls, { render: kind === 'invalid-xml', totals: scratch })).find((d) => signatureOf(d) === signature);
        for (let i = example.calls.length - 1; i >= 0 && example.calls.length > 1; i--) {
          const fewer = example.calls.filter((_, j) => j !== i);
          if (await shows(fewer)) example.calls = fewer;
        }
        const shrunkDetail = await shows(example.calls);
        if (shrunkDetail) example.detail = shrunkDetail.detail;
      }
      example.lines = example.calls.map((call) => `${show(call.name)} ${show(call.input)}`);
      counterexamples.push(example);
      log(`  shrunk ${signature}: ${example.calls.length} call(s)`);
    }
    return {
      seed: options.seed,
      now,
      sequences,
      calls: totals.calls,
      accepted: totals.accepted,
      refused: totals.refused,
      crashes: counts.crash,
      refusalStateChanges: counts['refusal-changed-state'],
      readStateChanges: counts['read-changed-state'],
      readBackChecks: totals.readBackChecks,
      readBackMismatches: counts['read-back-mismatch'],
      internalErrors: counts['internal-error'],
      exportsChecked: totals.exportsChecked,
      xmlPartsChecked: totals.xmlPartsChecked,
      invalidXmlParts: counts['invalid-xml'],
      exportFailures: counts['export-failed'],
      dumps: totals.dumps,
      dumpMsMean: totals.dumps ? totals.dumpMs / totals.dumps : 0,
      soakSeconds,
      shrinkSeconds: (performance.now() - shrinkStart) / 1000,
      counterexamples,
    };
  } finally {
    console.error = consoleError;
    template.remove();
  }
}

/** Defects found by the fuzz pass, in total (0: clean). */
export const fuzzDefects = (f: FuzzFigures): number =>
  f.crashes + f.refusalStateChanges + f.readStateChanges + f.readBackMismatches + f.internalErrors + f.invalidXmlParts + f.exportFailures;
