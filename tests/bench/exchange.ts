// The exchange between laptops on the big register (issue 17): the chair's laptop holds a copy of
// the secretary's 5,000-dossier register and makes 1,000 changes through the real handler table;
// then making that file, previewing it on the secretary's laptop and applying it (each apply on a
// fresh copy of the secretary's register, so every run merges the same 1,000 changes).
import fs from 'node:fs';
import path from 'node:path';
import { createApi } from '../../electron/api';
import { fixedClock } from '../../electron/register/clock';
import { openRegister, type Register } from '../../electron/register/db';
import { memoryProfileStore } from '../../electron/profile-store';
import { claimNumbering } from '../../electron/exchange/log';
import { fingerprint } from '../../electron/exchange/device-store';
import { makeBundle, previewBundle, receiveBundle } from '../../electron/exchange/exchange';
import { BENCH_NOW, random } from './generate';
import { summarize, time, type Timing } from './stats';

export interface ExchangeFigures {
  dossiers: number;
  changes: number;
  fileKb: number;
  make: Timing;
  preview: Timing;
  apply: Timing;
  conflicts: number;
}

const PHASES = ['nieuw', 'analyse', 'refinement', 'implementatie', 'afgerond'] as const;

export async function measureExchange(file: string, dossiers: number, scratch: string, runs: number): Promise<ExchangeFigures> {
  const clock = fixedClock(BENCH_NOW);
  const secretaryFile = path.join(scratch, 'exchange-secretary.sqlite');
  const chairFile = path.join(scratch, 'exchange-chair.sqlite');
  fs.copyFileSync(file, secretaryFile);
  const secretary = memoryProfileStore({ name: 'Sanne de Vries', role: 'secretaris' });
  const chair = memoryProfileStore({ name: 'Pieter Jansen', role: 'voorzitter' });
  let reg: Register = openRegister(secretaryFile, { clock });
  claimNumbering(reg, secretary.device().id(), 'secretaris');
  reg.close();
  fs.copyFileSync(secretaryFile, chairFile);

  // The laptops have exchanged once (the chair then knows what the secretary has).
  reg = openRegister(secretaryFile, { clock });
  const first = makeBundle(reg, secretary, {}).bytes;
  reg.close();
  const chairReg = openRegister(chairFile, { clock });
  receiveBundle(chairReg, chair, first, { pairCode: fingerprint(secretary.device().publicKey()) });

  // 1,000 changes on the chair's laptop, as the contract makes them.
  const api = createApi(chairReg, undefined, chair);
  const rnd = random(17);
  const numbers = (chairReg.db.prepare('SELECT number FROM dossier WHERE archived_at IS NULL').pluck().all() as number[]).slice(0, dossiers);
  const pick = () => numbers[Math.floor(rnd() * numbers.length)]!;
  const CHANGES = 1_000;
  // A call that changes nothing (a phase set to the one it has) makes no change: go on to 1,000.
  for (let i = 0, made = 0; made < CHANGES; i++) {
    const kind = i % 10;
    const [name, input] =
      kind < 4
        ? ['dossier.update', { number: pick(), patch: { title: `Titel van de voorzitter ${i}` } }]
        : kind < 7
          ? ['dossier.setPhase', { number: pick(), state: { phase: PHASES[i % PHASES.length] } }]
          : kind < 9
            ? ['dossier.update', { number: pick(), patch: { planning: `Planning besproken in de vergadering (${i})` } }]
            : ['actiepunt.create', { text: `Actiepunt uit de vergadering ${i}`, owners: ['Logius'] }];
    const result = api.invoke(name, input);
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
    if (result.touched) made++;
  }
  let bytes: Buffer = Buffer.alloc(0);
  let count = 0;
  const make = await time(() => {
    const made = makeBundle(chairReg, chair, { to: secretary.device().id() });
    bytes = made.bytes;
    count = made.body.changes.length;
  }, runs, 1);
  chairReg.close();

  reg = openRegister(secretaryFile, { clock });
  let conflicts = 0;
  let freshCount = 0;
  const preview = await time(() => {
    const p = previewBundle(reg, secretary, bytes);
    conflicts = p.conflicts;
    freshCount = p.changes;
  }, runs, 1);
  reg.close();

  const code = fingerprint(chair.device().publicKey());
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const target = path.join(scratch, `exchange-apply-${i}.sqlite`);
    fs.copyFileSync(secretaryFile, target);
    const copy = openRegister(target, { clock });
    // The secretary's device (the numbering one); paired with the chair from the first run on.
    const start = performance.now();
    const result = receiveBundle(copy, secretary, bytes, { pairCode: code });
    samples.push(performance.now() - start);
    if (result.applied !== freshCount) {
      const reasons = copy.db.prepare(`SELECT json_extract(detail, '$.reason') AS reason, count(*) AS n FROM sync_conflict GROUP BY 1`).all();
      throw new Error(`applied ${result.applied} of ${count}: ${JSON.stringify(reasons)}`);
    }
    copy.close();
    fs.rmSync(target, { force: true });
  }
  return { dossiers, changes: count, fileKb: Math.round(bytes.length / 1024), make, preview, apply: summarize(samples), conflicts };
}
