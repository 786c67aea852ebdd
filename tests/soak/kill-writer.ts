// The kill loop's child: writes through the api (createApi on the register file) until it is
// killed. Before each call it appends "B <intent>" to the log, after the call returned ok it
// appends "A <seq>": each line written and fsynced before anything else happens, so an A line on
// disk means the call had committed. A mix of creates, updates, phase/priority/status changes,
// and undo/redo of its own previous call.
//   node kill-writer.cjs REGISTER LOG FIRST_SEQ RANDOM_SEED NOW   (bundled by kill-loop.ts)
import fs from 'node:fs';
import { createApi } from '../../electron/api';
import { fixedClock } from '../../electron/register/clock';
import { openRegister } from '../../electron/register/db';
import { PHASES } from '../../shared/phase';
import { ACTIEPUNT_STATUSES } from '../../shared/domain';
import type { Intent, Key, Value } from './kill-keys';

const [file, logFile, firstSeq, randomSeed, now] = process.argv.slice(2) as [string, string, string, string, string];
let state = Number(randomSeed) >>> 0;
/** mulberry32: the same seed, the same writes. */
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const api = createApi(openRegister(file, { clock: fixedClock(now) }));
const log = fs.openSync(logFile, 'a');
const append = (line: string) => {
  fs.writeSync(log, `${line}\n`);
  fs.fsyncSync(log);
};

function call(name: string, input: unknown): unknown {
  const result = api.invoke(name, input);
  if (!result.ok) {
    process.stderr.write(`${name} ${JSON.stringify(input)} refused: ${JSON.stringify(result.error)}\n`);
    process.exit(2);
  }
  return result.value;
}

const DOSSIERS = Array.from({ length: 15 }, (_, i) => i + 1);
const ACTIEPUNTEN = Array.from({ length: 10 }, (_, i) => i + 1);

function nextWrite(seq: number): Intent {
  const tag = `Kill ${seq}`;
  const write = (name: string, input: unknown, key: Key, value: Value): Intent => ({ seq, op: 'write', call: name, input, key, value });
  const kind = Math.floor(random() * 7);
  const dossier = pick(DOSSIERS);
  const actiepunt = pick(ACTIEPUNTEN);
  switch (kind) {
    case 0:
      return write('dossier.create', { title: tag, phase: { phase: pick(PHASES) }, ambitions: ['groei'], priority: random() < 0.5, note: `${tag} `.repeat(30) }, { kind: 'dossierTitle', title: tag }, true);
    case 1:
      return write('actiepunt.create', { text: tag, owners: ['Soak'], subPoints: ['a', 'b'], dossier }, { kind: 'actiepuntText', text: tag }, true);
    case 2:
      return write('dossier.update', { number: dossier, patch: { note: tag } }, { kind: 'dossierNote', number: dossier }, tag);
    case 3: {
      const current = (call('dossier.get', { number: dossier }) as { phase: { phase: string | null } | null }).phase?.phase;
      const phase = pick(PHASES.filter((p) => p !== current));
      return write('dossier.setPhase', { number: dossier, state: { phase }, note: tag }, { kind: 'dossierPhase', number: dossier }, phase);
    }
    case 4: {
      const current = (call('dossier.get', { number: dossier }) as { priority: boolean }).priority;
      return write('dossier.setPriority', { number: dossier, priority: !current, note: tag }, { kind: 'dossierPriority', number: dossier }, !current);
    }
    case 5: {
      const current = (call('actiepunt.get', { number: actiepunt }) as { status: string }).status;
      const status = pick(ACTIEPUNT_STATUSES.filter((s) => s !== current));
      return write('actiepunt.setStatus', { number: actiepunt, status, note: tag }, { kind: 'actiepuntStatus', number: actiepunt }, status);
    }
    default:
      return write('actiepunt.update', { number: actiepunt, patch: { remarks: tag } }, { kind: 'actiepuntRemarks', number: actiepunt }, tag);
  }
}

process.stdout.write('ready\n');
// Undo only the call this process just made (or redo what it just undid): the step on top of the
// undo stack is then known to the verifier, whatever a killed predecessor left unacknowledged.
let previous: Intent['op'] | null = null;
for (let seq = Number(firstSeq); ; seq++) {
  const r = random();
  let intent: Intent;
  if (previous === 'write' && r < 0.15) intent = { seq, op: 'undo', call: 'register.undo', input: {} };
  else if (previous === 'undo' && r < 0.6) intent = { seq, op: 'redo', call: 'register.redo', input: {} };
  else intent = nextWrite(seq);
  append(`B ${JSON.stringify(intent)}`);
  call(intent.call, intent.input);
  append(`A ${seq}`);
  previous = intent.op;
}
