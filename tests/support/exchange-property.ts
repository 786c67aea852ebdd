// The exchange's property (issue 17): two or three copies of one register, each making real
// contract calls, exchanging files in any order (delayed, duplicated, lost and so resent), and
// after a last full exchange all holding the same content and the same Te beoordelen list, every
// invariant kept, and every file applied twice changing nothing. Shared by the unit test (a few
// hundred cases) and npm run soak (thousands).
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Profile } from '../../shared/domain';
import { conflictIds, contentDump, copyLaptop, secretaryLaptop, type Laptop } from './exchange';
import { dumpRegister, TEST_NOW } from './register';
import type { Clock } from '../../electron/register/clock';

const PEOPLE: Profile[] = [
  { name: 'Sanne de Vries', role: 'secretaris' },
  { name: 'Pieter Jansen', role: 'voorzitter' },
  { name: 'Anouk Bakker', role: 'lid' },
];
const WORDS = ['Eerste', 'Tweede', 'Derde'];
const PHASES = ['nieuw', 'analyse', 'refinement', 'implementatie', 'afgerond'] as const;
const STATUSES = ['open', 'in_uitvoering', 'afgerond', 'vervallen'] as const;

export type Op =
  | { k: 'call'; at: number; what: number; pick: number; word: number }
  | { k: 'send'; from: number; to: number; fate: 'deliver' | 'delay' | 'twice' | 'lose' }
  | { k: 'flush'; order: number };

export const opArbitrary = (laptops: number): fc.Arbitrary<Op> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.record({ k: fc.constant('call' as const), at: fc.nat(laptops - 1), what: fc.oneof(fc.constant(0), fc.nat(16)), pick: fc.oneof(fc.nat(2), fc.nat(50)), word: fc.nat(WORDS.length - 1) }) },
    {
      weight: 2,
      arbitrary: fc
        .record({ k: fc.constant('send' as const), from: fc.nat(laptops - 1), to: fc.nat(laptops - 1), fate: fc.constantFrom('deliver' as const, 'delay' as const, 'twice' as const, 'lose' as const) })
        .filter((o) => o.from !== o.to),
    },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('flush' as const), order: fc.nat(1000) }) },
  );

const pickOf = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

/** One real contract call on a laptop, chosen by `op` among what that laptop's register has now; refusals are fine. */
function makeCall(l: Laptop, op: Extract<Op, { k: 'call' }>, meeting: string): void {
  const word = `${WORDS[op.word]} ${PEOPLE.find((p) => p.role === l.profile.state().profile?.role)?.name ?? ''}`.trim();
  const dossiers = (l.call('dossier.list', { includeArchived: true }) as { items?: Array<{ number: number }> } | Array<{ number: number }>);
  const dossierNumbers = (Array.isArray(dossiers) ? dossiers : (dossiers.items ?? [])).map((d) => d.number);
  const actiepunten = (l.call('actiepunt.list', { includeArchived: true }) as Array<{ number: number }>).map((a) => a.number);
  const d = pickOf(dossierNumbers, op.pick);
  const a = pickOf(actiepunten, op.pick);
  const m = l.call('meeting.get', { number: meeting, actiepuntenlijst: false }) as { items: Array<{ id: number; outcomes: Array<{ id: number; kind: string }> }> };
  const item = pickOf(m.items, op.pick);
  const notes = m.items.flatMap((i) => i.outcomes).filter((o) => o.kind === 'notitie');
  const note = pickOf(notes, op.pick);
  const calls: Array<[string, unknown] | null> = [
    d ? ['dossier.update', { number: d, patch: { title: `${word} titel` } }] : null,
    d ? ['dossier.update', { number: d, patch: { description: `${word} omschrijving` } }] : null,
    ['dossier.create', { title: `Nieuw dossier ${word}`, phase: { phase: 'nieuw' } }],
    d ? ['dossier.setPhase', { number: d, state: { phase: PHASES[op.word + 1] } }] : null,
    d ? ['dossier.setPriority', { number: d, priority: op.word !== 0 }] : null,
    ['actiepunt.create', { text: `Nieuw actiepunt ${word}`, owners: ['Logius'] }],
    a ? ['actiepunt.update', { number: a, patch: { text: `${word} tekst` } }] : null,
    a ? ['actiepunt.setStatus', { number: a, status: STATUSES[op.word] }] : null,
    a ? ['actiepunt.update', { number: a, patch: { owners: [word.split(' ')[0]!, 'BZK'] } }] : null,
    d ? ['dossier.archive', { number: d, archived: op.word === 1 }] : null,
    ['register.undo', undefined],
    item ? ['outcome.add', { item: item.id, kind: 'notitie', text: `Notitie ${word}` }] : null,
    note ? ['outcome.remove', { id: note.id }] : null,
    note ? ['outcome.update', { id: note.id, patch: { text: `${word} notitie` } }] : null,
    item ? ['outcome.add', { item: item.id, kind: 'besluit', text: `Besluit ${word}` }] : null,
    ['meeting.setState', { number: meeting, state: 'afgerond' }],
    ['meeting.create', { date: `2026-12-0${op.word + 1}`, kind: 'regulier' }],
  ];
  const chosen = calls[op.what];
  if (chosen) l.api.invoke(chosen[0], chosen[1]);
}

/** Every invariant a register keeps, read through the register's own checks and calls. */
export function expectSound(l: Laptop, label: string): void {
  expect(l.reg.db.pragma('foreign_key_check'), `${label}: foreign keys`).toEqual([]);
  expect(l.reg.db.pragma('integrity_check', { simple: true }), `${label}: integrity`).toBe('ok');
  for (const call of ['dossier.list', 'actiepunt.list', 'meeting.list', 'decision.list'] as const) {
    const result = l.api.invoke(call, call === 'dossier.list' || call === 'actiepunt.list' ? { includeArchived: true } : undefined);
    expect(result.ok, `${label}: ${call} ${JSON.stringify(result)}`).toBe(true);
  }
  for (const meeting of l.call('meeting.list') as Array<{ number: string }>) {
    expect(l.api.invoke('meeting.get', { number: meeting.number }).ok, `${label}: meeting.get ${meeting.number}`).toBe(true);
  }
}

export interface RunFigures {
  calls: number;
  files: number;
  conflicts: number;
}

/** A laptop's clock: a second on at every reading, each laptop a fraction of a second apart from the others. */
function tickingClock(laptop: number): Clock {
  let at = Date.parse(`${TEST_NOW}Z`) + laptop * 300;
  return { now: () => new Date((at += 1000)) };
}

/** What a person sees of a register: the lists and every meeting, as the calls answer. */
function seen(l: Laptop): unknown {
  const meetings = (l.call('meeting.list') as Array<{ number: string }>).map((m) => l.call('meeting.get', { number: m.number }));
  return {
    dossiers: l.call('dossier.list', { includeArchived: true }),
    actiepunten: l.call('actiepunt.list', { includeArchived: true }),
    // Ids are each copy's own.
    meetings: JSON.parse(JSON.stringify(meetings, (key, value) => (key === 'id' || key === 'item' ? undefined : value))),
  };
}

/** Runs one generated history on `count` laptops and checks the property; returns what it did. */
export function runHistory(count: 2 | 3, ops: readonly Op[]): RunFigures {
  const secretary = secretaryLaptop(PEOPLE[0], tickingClock(0));
  const meeting = (secretary.call('meeting.create', { date: '2026-11-30', kind: 'regulier' }) as { number: string }).number;
  secretary.call('meeting.setState', { number: meeting, state: 'agenda_vastgesteld' });
  secretary.call('meeting.setState', { number: meeting, state: 'in_vergadering' });
  const laptops: Laptop[] = [secretary];
  for (let i = 1; i < count; i++) laptops.push(copyLaptop(secretary, PEOPLE[i]!, tickingClock(i)));
  const delayed: Array<{ to: number; bytes: Buffer }> = [];
  const twiceChecked: Array<{ to: number; bytes: Buffer }> = [];
  let files = 0;
  let calls = 0;
  const deliver = (to: number, bytes: Buffer) => {
    laptops[to]!.take(bytes);
    files++;
  };
  try {
    for (const op of ops) {
      if (op.k === 'call') {
        const l = laptops[op.at % count]!;
        makeCall(l, op, meeting);
        calls++;
      } else if (op.k === 'send') {
        const from = laptops[op.from % count]!;
        const to = op.to % count;
        if (to === op.from % count) continue;
        const bytes = from.send({ to: laptops[to]!.device });
        if (op.fate === 'deliver') deliver(to, bytes);
        else if (op.fate === 'delay') delayed.push({ to, bytes });
        else if (op.fate === 'twice') {
          deliver(to, bytes);
          twiceChecked.push({ to, bytes });
        }
      } else {
        const order = delayed.splice(0).sort((x, y) => ((x.bytes.length * 31 + op.order) % 7) - ((y.bytes.length * 31 + op.order) % 7));
        for (const file of order) deliver(file.to, file.bytes);
      }
      // A file applied a second time changes nothing at all.
      for (const { to, bytes } of twiceChecked.splice(0)) {
        const before = dumpRegister(laptops[to]!.reg);
        laptops[to]!.take(bytes);
        expect(dumpRegister(laptops[to]!.reg), 'a file applied twice changes nothing').toEqual(before);
      }
    }
    for (const file of delayed.splice(0)) deliver(file.to, file.bytes);
    // The last full exchange: everyone to everyone, until the numbers given travelled back too.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < count; i++) for (let j = 0; j < count; j++) if (i !== j) deliver(j, laptops[i]!.send({ to: laptops[j]!.device }));
    }
    const first = contentDump(laptops[0]!.reg);
    const firstConflicts = conflictIds(laptops[0]!.reg);
    laptops.forEach((l, i) => {
      expectSound(l, `laptop ${i}`);
      expect(l.reg.db.prepare('SELECT count(*) FROM sync_row WHERE provisional IS NOT NULL AND local_id IS NOT NULL').pluck().get(), `laptop ${i}: every number given`).toBe(0);
      if (i === 0) return;
      expect(contentDump(l.reg), `laptop ${i} holds what laptop 0 holds`).toEqual(first);
      expect(conflictIds(l.reg), `laptop ${i} lists the conflicts laptop 0 lists`).toEqual(firstConflicts);
      expect(seen(l), `laptop ${i} shows what laptop 0 shows`).toEqual(seen(laptops[0]!));
    });
    return { calls, files, conflicts: firstConflicts.length };
  } finally {
    for (const l of laptops) l.close();
  }
}
