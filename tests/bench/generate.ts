// The benchmark's registers: the 2024 seed (jaarplan, ambitions, hoofddossiers, its 15 dossiers
// and 10 actiepunten) filled up to `dossiers` dossiers with 10 dated phase changes each,
// 2 actiepunten per dossier and 30 TB meetings from 2023 on. The meetings are held: each but the
// last is walked from its agenda to afgerond with a few besluiten (and approves the besluitenlijst
// of the one before), 1% of the dossiers change between one meeting and the next, and the last
// waits with its agenda vastgesteld; so the register holds a chain of 60 freezes (the start and
// two per meeting). Everything goes through the real handler table, so the file holds what years
// of use would leave: the undo log, the audit trail and the frozen registers included. A fixed
// seed makes every run build the same register. The meetings are dated before the register's
// clock (BENCH_NOW), which stays fixed.
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
export const DECISIONS_PER_MEETING = 3;
/** The share of the dossiers that changes between one meeting and the next. */
export const CHANGED_SHARE = 0.01;

/** mulberry32: small, fast and the same on every machine. */
export function random(seed: number): () => number {
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

type Call = (name: string, input: unknown) => unknown;

/**
 * Between two meetings the register moves on: `count` distinct dossiers (of 1..dossiers) get a
 * new note that names `why`, so each of them is a changed part for the next freeze.
 */
export function changeDossiers(call: Call, rnd: () => number, dossiers: number, count: number, why: string): number[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(count, dossiers)) picked.add(1 + Math.floor(rnd() * dossiers));
  for (const number of picked) call('dossier.update', { number, patch: { note: `Voorbereid voor ${why}: stand van zaken bijgewerkt.` } });
  return [...picked];
}

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
    const seeded = (call('register.info', {}) as { counts: { dossiers: number; actiepunten: number; meetings: number } }).counts;
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
    // Every six weeks from January 2023, an evaluatiemoment every fourth time.
    let previous: string | null = null;
    for (let m = seeded.meetings; m < MEETINGS; m++) {
      const date = addDays('2023-01-16', m * 42);
      if (m > 0) changeDossiers(call, rnd, dossiers, Math.round(dossiers * CHANGED_SHARE), `het TB van ${date}`);
      const { number } = call('meeting.create', { date, kind: m % 4 === 3 ? 'evaluatiemoment' : 'regulier', title: `TB-overleg ${m + 1}` }) as { number: string };
      const about = Array.from({ length: DECISIONS_PER_MEETING }, () => 1 + Math.floor(rnd() * dossiers)).filter((n, k, all) => all.indexOf(n) === k);
      const item = call('agenda.add', {
        meeting: number,
        title: `Voortgang ${pick(TOPICS).toLowerCase()} ${pick(SUBJECTS)}`,
        purpose: 'besluitvorming',
        presenter: pick(OWNERS),
        links: { dossiers: about },
      }) as { id: number };
      call('meeting.setState', { number, state: 'agenda_vastgesteld' });
      if (m === MEETINGS - 1) break;
      call('meeting.setState', { number, state: 'in_vergadering' });
      if (previous) call('meeting.setState', { number: previous, state: 'vastgesteld', approval: { by: number, kind: 'ongewijzigd' } });
      for (let k = 0; k < DECISIONS_PER_MEETING; k++) {
        const dossier = about[k % about.length]!;
        call('outcome.add', { item: item.id, kind: 'besluit', text: `Het TB stemt in met de aanpak van dossier ${dossier} (besluit ${k + 1} van ${number}).`, dossier });
      }
      call('meeting.setState', { number, state: 'afgerond' });
      previous = number;
    }
  })();
  const counts = (call('register.info', {}) as { counts: { dossiers: number; actiepunten: number; meetings: number } }).counts;
  reg.close();
  return { file, dossiers: counts.dossiers, actiepunten: counts.actiepunten, meetings: counts.meetings };
}
