// The benchmark's registers: the 2024 seed (jaarplan, ambitions, hoofddossiers, its 15 dossiers
// and 10 actiepunten) filled up to `dossiers` dossiers with 10 dated phase changes each,
// 2 actiepunten per dossier and 30 evaluatiemomenten. Everything goes through the real handler
// table, so the file holds what years of use would leave: the undo log and the audit trail
// included. A fixed seed makes every run build the same register.
import path from 'node:path';
import { createApi } from '../../electron/api';
import { fixedClock } from '../../electron/register/clock';
import { openRegister } from '../../electron/register/db';
import { createSeededRegister, defaultSeedFile, readSeed } from '../../electron/register/seed';
import { resourcesDir } from '../../electron/source-paths';
import type { IsoDate } from '../../shared/dates';
import type { Phase } from '../../shared/phase';

/** "Today" for every benchmark register and call. */
export const BENCH_NOW = '2026-11-30T10:00:00';
const TODAY: IsoDate = '2026-11-30';
const FIRST_DAY: IsoDate = '2018-01-08';

export const PHASE_CHANGES = 10;
export const ACTIEPUNTEN_PER_DOSSIER = 2;
export const MEETINGS = 30;

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = ['Koppelvlak', 'Machtiging', 'Registratie', 'Wallet', 'Intermediair', 'Rapportage', 'Beveiliging', 'Berichtenverkeer', 'Ketenafspraak', 'Toegang', 'Certificaat', 'Betrouwbaarheidsniveau'];
const SUBJECTS = ['voor ondernemers', 'in de keten', 'bij dienstverleners', 'voor natuurlijke personen', 'met EUDI-wallet', 'onder eIDAS', 'voor intermediairs', 'in het stelsel'];
const QUALIFIERS = [null, null, null, 'wacht op besluit', 'deels', 'in afwachting van wetgeving'];
const OWNERS = ['Logius', 'Voorzitter', 'Secretaris', 'Beheerorganisatie', 'Werkgroep Architectuur', 'Makelaars', 'Middelenuitgevers', 'Dienstverleners'];
const STEPS: readonly Phase[] = ['nieuw', 'analyse', 'refinement', 'implementatie', 'afgerond'];

const DAY_MS = 86_400_000;
const days = (from: IsoDate, to: IsoDate): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const addDays = (date: IsoDate, n: number): IsoDate => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export interface GeneratedRegister {
  file: string;
  dossiers: number;
  actiepunten: number;
  meetings: number;
}

/** Builds the register at `file` (which must not exist yet). */
export function generateRegister(file: string, dossiers: number, seed = 20241): GeneratedRegister {
  const clock = fixedClock(BENCH_NOW);
  createSeededRegister(file, readSeed(defaultSeedFile(resourcesDir(path.resolve(import.meta.dirname, '..', '..')))), { clock });
  const reg = openRegister(file, { clock });
  const api = createApi(reg);
  const call = (name: string, input: unknown): unknown => {
    const result = api.invoke(name, input);
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)} for ${JSON.stringify(input)}`);
    return result.value;
  };
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const ambitions = (call('ambition.list', {}) as Array<{ code: string }>).map((a) => a.code);
  const hoofddossiers = (call('hoofddossier.list', {}) as Array<{ id: number }>).map((h) => h.id);

  reg.db.transaction(() => {
    const seeded = (call('register.info', {}) as { counts: { dossiers: number; actiepunten: number; evaluatiemomenten: number } }).counts;
    for (let i = seeded.dossiers; i < dossiers; i++) {
      // Ten changes between a start in 2018-2024 and today, each to a state other than the last.
      const start = addDays(FIRST_DAY, Math.floor(rnd() * days(FIRST_DAY, '2024-06-30')));
      const span = days(start, TODAY);
      const offsets = Array.from({ length: PHASE_CHANGES - 1 }, () => 1 + Math.floor(rnd() * span)).sort((a, b) => a - b);
      const dates = [start, ...offsets.map((o) => addDays(start, o))];
      let step = 0;
      let parked = false;
      const states = dates.map((_date, k) => {
        if (k > 0) {
          // Mostly forward, sometimes parked or back to analysis; never the same state twice running.
          const roll = rnd();
          if (parked || roll < 0.15) parked = !parked && STEPS[step] !== 'afgerond';
          else if (roll < 0.25 && step > 1) step = 1;
          else step = Math.min(step + 1, STEPS.length - 1);
          if (!parked && STEPS[step] === 'afgerond' && k < PHASE_CHANGES - 1 && rnd() < 0.7) step = 3;
        }
        return { phase: STEPS[step]!, qualifier: parked ? null : pick(QUALIFIERS), parked };
      });
      const number = i + 1;
      call('dossier.create', {
        number,
        title: `${pick(TOPICS)} ${pick(SUBJECTS)} ${number}`,
        description: `Dossier ${number}: ${pick(TOPICS).toLowerCase()} ${pick(SUBJECTS)}. Afspraken, impact op de keten en planning voor de betrokken partijen.`,
        note: rnd() < 0.3 ? `Toelichting bij dossier ${number}.` : null,
        planning: rnd() < 0.4 ? `Oplevering gepland in ${2025 + Math.floor(rnd() * 3)}.` : null,
        link: rnd() < 0.5 ? `https://wiki.example.nl/intake/dossier-${number}` : null,
        owner: rnd() < 0.6 ? pick(OWNERS) : null,
        hoofddossierId: rnd() < 0.05 ? pick(hoofddossiers) : null,
        ambitions: ambitions.filter(() => rnd() < 0.25),
        phase: states[0],
        phaseDate: dates[0],
      });
      for (let k = 1; k < PHASE_CHANGES; k++) {
        call('dossier.setPhase', { number, state: states[k], date: dates[k], note: rnd() < 0.2 ? 'Besproken in het TB.' : null });
      }
      if (rnd() < 0.04) call('dossier.setPriority', { number, priority: true, date: dates[Math.floor(rnd() * 5)] });
    }
    const actiepunten = dossiers * ACTIEPUNTEN_PER_DOSSIER;
    for (let n = seeded.actiepunten; n < actiepunten; n++) {
      const dossier = 1 + (n % dossiers);
      const created = addDays('2023-01-02', Math.floor(rnd() * days('2023-01-02', TODAY)));
      const roll = rnd();
      const { number } = call('actiepunt.create', {
        text: `${pick(OWNERS)} werkt ${pick(TOPICS).toLowerCase()} ${pick(SUBJECTS)} uit (actiepunt ${n + 1}).`,
        subPoints: Array.from({ length: Math.floor(rnd() * 3) }, (_v, k) => `Deelpunt ${k + 1}: ${pick(TOPICS).toLowerCase()} afstemmen.`),
        owners: rnd() < 0.3 ? [pick(OWNERS), pick(OWNERS)].filter((o, k, all) => all.indexOf(o) === k) : [pick(OWNERS)],
        deadline: roll < 0.6 ? { kind: 'date', date: addDays(created, 30 + Math.floor(rnd() * 200)) } : roll < 0.8 ? { kind: 'text', text: 'In elk TB' } : null,
        statusDate: created,
        dossier: rnd() < 0.8 ? dossier : null,
      }) as { number: number };
      const later = addDays(created, 1 + Math.floor(rnd() * Math.max(1, days(created, TODAY))));
      const outcome = rnd();
      if (outcome < 0.5) call('actiepunt.setStatus', { number, status: outcome < 0.15 ? 'in_uitvoering' : 'afgerond', date: later });
    }
    for (let m = seeded.evaluatiemomenten; m < MEETINGS; m++) {
      call('meeting.create', { date: addDays('2023-01-16', m * 42), title: `TB-overleg ${m + 1}` });
    }
  })();
  const counts = (call('register.info', {}) as { counts: { dossiers: number; actiepunten: number; evaluatiemomenten: number } }).counts;
  reg.close();
  return { file, dossiers: counts.dossiers, actiepunten: counts.actiepunten, meetings: counts.evaluatiemomenten };
}
