// dossier.list filters in SQL and searches folded text; the answer must be the whole list filtered
// by hand, for every filter alone and combined, on a register with years of generated history.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApi } from '../../electron/api';
import { fixedClock } from '../../electron/register/clock';
import { openRegister, type Register } from '../../electron/register/db';
import type { Dossier, DossierSummary } from '../../shared/domain';
import { fold } from '../../shared/search';
import { BENCH_NOW, generateRegister } from '../bench/generate';
import { tempDir } from '../support/register';

let reg: Register;
let call: (name: string, input?: unknown) => unknown;

beforeAll(() => {
  const file = path.join(tempDir(), 'register.sqlite');
  generateRegister(file, 300);
  reg = openRegister(file, { clock: fixedClock(BENCH_NOW) });
  const api = createApi(reg);
  call = (name, input) => {
    const result = api.invoke(name, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  };
  call('dossier.create', { title: 'Reünie van intermediairs', description: 'Één keer per jaar', phase: { phase: 'analyse' }, ambitions: ['groei'] });
  call('dossier.create', { title: 'Stil dossier', note: 'Met een notitie over de WALLET', phase: { phase: null, parked: true } });
  call('dossier.archive', { number: 7 });
});
afterAll(() => reg.close());

type Filter = { includeArchived?: boolean; search?: string; phase?: string; parked?: boolean; priority?: boolean; ambition?: string; hoofddossierId?: number };

function byHand(filter: Filter): DossierSummary[] {
  const all = call('dossier.list', { includeArchived: true }) as DossierSummary[];
  const needle = fold((filter.search ?? '').trim());
  return all.filter((d) => {
    if (!filter.includeArchived && d.archived) return false;
    if (filter.phase !== undefined && d.phase?.phase !== filter.phase) return false;
    if (filter.parked !== undefined && (d.phase?.parked ?? false) !== filter.parked) return false;
    if (filter.priority !== undefined && d.priority !== filter.priority) return false;
    if (filter.ambition !== undefined && !d.ambitions.includes(filter.ambition)) return false;
    if (filter.hoofddossierId !== undefined && d.hoofddossierId !== filter.hoofddossierId) return false;
    if (!needle) return true;
    const full = call('dossier.get', { number: d.number }) as Dossier;
    return fold(`${full.number} ${full.title} ${full.description} ${full.note ?? ''} ${full.owner ?? ''}`).includes(needle);
  });
}

it('answers every filter, alone and combined, as the whole list filtered by hand', () => {
  const all = call('dossier.list', {}) as DossierSummary[];
  const hoofddossierId = all.find((d) => d.hoofddossierId !== null)!.hoofddossierId!;
  const filters: Filter[] = [
    {},
    { includeArchived: true },
    { phase: 'analyse' },
    { phase: 'afgerond' },
    { parked: true },
    { parked: false },
    { priority: true },
    { priority: false },
    { ambition: 'groei' },
    { hoofddossierId },
    { search: 'reunie' },
    { search: 'ÉÉN KEER' },
    { search: 'wallet' },
    { search: '  Toelichting bij dossier 1' },
    { search: 'geen treffer te vinden' },
    { search: 'wallet', phase: 'implementatie' },
    { search: 'koppelvlak', ambition: 'groei', parked: false },
    { includeArchived: true, phase: 'nieuw', priority: false },
  ];
  for (const filter of filters) {
    const expected = byHand(filter);
    expect(call('dossier.list', filter), JSON.stringify(filter)).toEqual(expected);
  }
  // The filters do narrow: the test would pass on nothing otherwise.
  expect(byHand({ search: 'reunie' }).map((d) => d.title)).toEqual(['Reünie van intermediairs']);
  expect(byHand({ search: 'wallet' }).length).toBeGreaterThan(10);
  expect(byHand({ parked: true }).length).toBeGreaterThan(0);
  expect(byHand({ priority: true }).length).toBeGreaterThan(0);
  expect(byHand({}).length).toBeLessThan(byHand({ includeArchived: true }).length);
});
