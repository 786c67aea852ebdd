// The register's operations through the real handler table on a real file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatPhase } from '../../shared/phase';
import { seededRegister, type TestRegister } from '../support/register';

let r: TestRegister;
beforeEach(() => {
  r = seededRegister();
});
afterEach(() => r.close());

const ranks = () =>
  r
    .call('dossier.list', { priority: true })
    .filter((d) => d.priorityRank !== null)
    .sort((a, b) => a.priorityRank! - b.priorityRank!)
    .map((d) => d.number);

describe('dossiers', () => {
  it('creates a dossier with the next free number and its first phase dated today', () => {
    const d = r.call('dossier.create', {
      title: 'Centrale statuspagina',
      description: 'Eén plek voor beschikbaarheid en storingen.',
      phase: { phase: 'nieuw' },
      ambitions: ['betrouwbaarheid', 'gebruiker'],
      owner: 'Logius',
      link: 'https://wiki.eherkenning.nl/x/statuspagina',
    });
    expect(d).toMatchObject({ number: 16, title: 'Centrale statuspagina', owner: 'Logius', ambitions: ['betrouwbaarheid', 'gebruiker'] });
    expect(d.phaseOnReference).toBeNull(); // it did not exist on 1-1-2024
    expect(r.call('dossier.history', { number: 16 })).toMatchObject([{ kind: 'phase', date: '2026-11-30', state: { phase: 'nieuw' } }]);
  });

  it('edits fields in place, and clears optional ones with null', () => {
    r.call('dossier.update', { number: 4, patch: { owner: 'Logius', note: null, ambitions: ['samenwerking'], hoofddossierId: 1 } });
    const d = r.call('dossier.get', { number: 4 });
    expect(d).toMatchObject({ owner: 'Logius', note: null, ambitions: ['samenwerking'], hoofddossierId: 1 });
    expect(d.updatedAt).toBe(new Date('2026-11-30T10:00:00').toISOString());
  });

  it('archives a dossier: it leaves the list, keeps its number, and can come back', () => {
    r.call('dossier.archive', { number: 14 });
    expect(r.call('dossier.list', {}).map((d) => d.number)).not.toContain(14);
    expect(r.call('dossier.list', { includeArchived: true }).find((d) => d.number === 14)?.archived).toBe(true);
    expect(r.api.invoke('dossier.create', { number: 14, title: 'Dubbel', phase: { phase: 'nieuw' } })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'number' },
    });
    expect(r.call('dossier.create', { title: 'Volgende', phase: { phase: 'nieuw' } }).number).toBe(16);
    r.call('dossier.archive', { number: 14, archived: false });
    expect(r.call('dossier.list', {}).map((d) => d.number)).toContain(14);
  });

  it('filters by search (accent-insensitive), phase, parked, ambition and hoofddossier', () => {
    const numbers = (input: object) => r.call('dossier.list', input).map((d) => d.number);
    expect(numbers({ search: 'hierarchie' })).toEqual([12]);
    expect(numbers({ search: 'KETENMACHTIG' })).toEqual([7, 10]);
    expect(numbers({ search: '15' })).toEqual([15]);
    expect(numbers({ phase: 'analyse' })).toEqual([4, 5, 7, 8, 9, 10]);
    expect(numbers({ phase: 'analyse', parked: false })).toEqual([4, 5, 7, 8, 9]);
    expect(numbers({ parked: true })).toEqual([10, 11, 12, 13, 14]);
    expect(numbers({ ambition: 'betrouwbaarheid' })).toEqual([2, 3, 4]);
    expect(numbers({ hoofddossierId: 1 })).toEqual([6, 7, 8, 9, 10, 11, 12]);
  });

  it('keeps a finished dossier in the register with its history', () => {
    r.call('dossier.setPhase', { number: 1, state: { phase: 'afgerond' }, date: '2024-04-02' });
    expect(r.call('dossier.list', { phase: 'afgerond' }).map((d) => d.number)).toEqual([1]);
    expect(formatPhase(r.call('dossier.phaseOn', { number: 1, date: '2024-04-01' }))).toBe('(Afronding) Implementatie');
  });

  it('treats setting the phase a dossier already had on that date as no change', () => {
    r.call('dossier.setPhase', { number: 2, state: { phase: 'implementatie' }, date: '2024-02-01' });
    expect(r.call('dossier.history', { number: 2 }).filter((h) => h.kind === 'phase')).toHaveLength(1);
  });
});

describe('priority mark and rank', () => {
  it('ranks priority dossiers 1..n, shifting the others, and records each change as a dated row', () => {
    r.call('dossier.setPriority', { number: 2, priority: true, rank: 1, date: '2024-03-12' });
    r.call('dossier.setPriority', { number: 3, priority: true, rank: 1, date: '2024-03-12' });
    r.call('dossier.setPriority', { number: 5, priority: true, rank: 2, date: '2024-03-12' });
    expect(ranks()).toEqual([3, 5, 2]);
    r.call('dossier.setPriority', { number: 5, priority: false, date: '2024-07-09', note: 'Ondergebracht bij actiepunt 7' });
    expect(ranks()).toEqual([3, 2]);
    expect(r.call('dossier.get', { number: 5 })).toMatchObject({ priority: false, priorityRank: null });
    const history = r.call('dossier.history', { number: 5 }).filter((h) => h.kind === 'priority');
    expect(history.map((h) => [h.date, h.kind === 'priority' && h.state, h.note])).toEqual([
      ['2024-01-01', { priority: true, rank: null }, null],
      ['2024-03-12', { priority: true, rank: 2 }, null],
      ['2024-07-09', { priority: false, rank: null }, 'Ondergebracht bij actiepunt 7'],
    ]);
    // Dossier 2 moved from rank 1 to 2 to 3 on 12 March and back to 2 on 9 July: one row a day
    // (issue 11: a day of reordering is one change in a dossier's history, not "rang 1 / rang 2 / rang 3").
    expect(r.call('dossier.history', { number: 2 }).filter((h) => h.kind === 'priority').map((h) => [h.date, h.kind === 'priority' && h.state.rank])).toEqual([
      ['2024-01-01', null],
      ['2024-03-12', 3],
      ['2024-07-09', 2],
    ]);
  });

  it('reorders the whole ranking; priority dossiers left out lose their rank but keep the mark', () => {
    r.call('dossier.reorderPriorities', { numbers: [4, 1, 9] });
    expect(ranks()).toEqual([4, 1, 9]);
    const result = r.call('dossier.reorderPriorities', { numbers: [9, 4] });
    expect(ranks()).toEqual([9, 4]);
    expect(result.find((d) => d.number === 1)).toMatchObject({ priority: true, priorityRank: null });
  });

  it('marks a new dossier as priority without a rank, and unmarks it', () => {
    const d = r.call('dossier.create', { title: 'Nieuw', phase: { phase: 'nieuw' } });
    expect(d.priority).toBe(false);
    expect(r.call('dossier.setPriority', { number: d.number, priority: true })).toMatchObject({ priority: true, priorityRank: null });
  });
});

describe('actiepunten', () => {
  it('creates, edits, links and sets status with dated history', () => {
    const a = r.call('actiepunt.create', {
      text: 'Statuspagina evalueren',
      subPoints: ['Bereik meten;', 'Terugkoppelen in het TB.'],
      owners: ['Logius', 'VeHa'],
      deadline: { kind: 'date', date: '2025-03-01' },
      statusDate: '2024-12-01',
    });
    expect(a).toMatchObject({ number: 11, status: 'open', owners: ['Logius', 'VeHa'], deadline: { kind: 'date', date: '2025-03-01' } });
    r.call('actiepunt.update', { number: 11, patch: { subPoints: ['Bereik meten.'], deadline: { kind: 'text', text: 'In elk TB' }, remarks: 'Nieuw' } });
    r.call('actiepunt.linkDossier', { number: 11, dossier: 3 });
    r.call('actiepunt.setStatus', { number: 11, status: 'in_uitvoering', date: '2025-01-10' });
    r.call('actiepunt.setStatus', { number: 11, status: 'afgerond', date: '2025-02-20', note: 'Afgerond in TB februari' });
    const now = r.call('actiepunt.get', { number: 11 });
    expect(now).toMatchObject({ subPoints: ['Bereik meten.'], deadline: { kind: 'text', text: 'In elk TB' }, remarks: 'Nieuw', dossier: 3, status: 'afgerond' });
    expect(r.call('dossier.get', { number: 3 }).actiepunten).toEqual([11]);
    expect(r.call('actiepunt.history', { number: 11 }).map((h) => [h.date, h.kind === 'status' && h.status, h.note])).toEqual([
      ['2024-12-01', 'open', null],
      ['2025-01-10', 'in_uitvoering', null],
      ['2025-02-20', 'afgerond', 'Afgerond in TB februari'],
    ]);
    r.call('actiepunt.linkDossier', { number: 11, dossier: null });
    expect(r.call('dossier.get', { number: 3 }).actiepunten).toEqual([]);
  });

  it('filters by status and owner, and archives while keeping the number', () => {
    r.call('actiepunt.setStatus', { number: 1, status: 'afgerond', date: '2024-06-01' });
    expect(r.call('actiepunt.list', { status: 'afgerond' }).map((a) => a.number)).toEqual([1]);
    expect(r.call('actiepunt.list', { owner: 'bzk' }).map((a) => a.number)).toEqual([1, 5]);
    r.call('actiepunt.archive', { number: 9 });
    expect(r.call('actiepunt.list', {}).map((a) => a.number)).not.toContain(9);
    expect(r.call('actiepunt.create', { text: 'Nog een punt' }).number).toBe(11);
  });
});

describe('the jaarplan', () => {
  it('saves edited annex texts and keeps the others', () => {
    const before = r.call('jaarplan.get').texts;
    const after = r.call('jaarplan.updateTexts', { texts: { bijlage1OrderNote: '  Gesorteerd op nummer.\r\n  ' } });
    expect(after.texts).toEqual({ ...before, bijlage1OrderNote: 'Gesorteerd op nummer.' });
    expect(r.call('jaarplan.get').texts.bijlage1OrderNote).toBe('Gesorteerd op nummer.');
  });

  it('keeps a dossier planning, and clears it with null', () => {
    expect(r.call('dossier.update', { number: 3, patch: { planning: 'Statuspagina live in Q2.' } }).planning).toBe('Statuspagina live in Q2.');
    expect(r.call('dossier.get', { number: 3 }).planning).toBe('Statuspagina live in Q2.');
    expect(r.call('dossier.update', { number: 3, patch: { planning: null } }).planning).toBeNull();
    expect(r.call('dossier.create', { title: 'Met planning', phase: { phase: 'nieuw' }, planning: 'Na de zomer' }).planning).toBe('Na de zomer');
  });
});

describe('meetings', () => {
  it('lists meetings in date order, numbered in the order they were planned', () => {
    r.call('meeting.create', { date: '2024-07-09', title: 'TB juli' });
    r.call('meeting.create', { date: '2024-03-12', title: 'TB maart' });
    expect(r.call('meeting.list').map((m) => [m.number, m.title])).toEqual([['TB-2024-02', 'TB maart'], ['TB-2024-01', 'TB juli']]);
    expect(r.call('register.info').counts).toEqual({ dossiers: 15, actiepunten: 10, meetings: 2 });
  });
});
