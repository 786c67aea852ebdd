// Undo and redo of whole calls, on a real register file: every kind of edit goes back exactly,
// redo brings it back, a new edit ends redo, and the log survives closing the register.
import { afterEach, describe, expect, it } from 'vitest';
import { openRegister } from '../../electron/register/db';
import { createApi } from '../../electron/api';
import { registerContent, seededRegister, type TestRegister } from '../support/register';

let r: TestRegister;
afterEach(() => r.close());

/**
 * The register without the undo bookkeeping, the audit trail (an undo is itself audited) and the
 * number marks (an undo does not give a number back).
 */
const content = (t: TestRegister) => registerContent(t.reg);

describe('undo', () => {
  it('starts with nothing to undo after seeding', () => {
    r = seededRegister();
    expect(r.call('register.undoState')).toEqual({ undo: null, redo: null });
    expect(r.api.invoke('register.undo', {})).toEqual({ ok: false, error: { code: 'conflict', message: 'There is nothing to undo.' } });
  });

  it('takes back each kind of edit exactly, newest first, and redoes them in order', () => {
    r = seededRegister();
    const states = [content(r)];
    const edits: Array<[string, unknown]> = [
      ['dossier.create', { title: 'Nieuw dossier', phase: { phase: 'nieuw' }, ambitions: ['groei'], priority: true }],
      ['dossier.update', { number: 4, patch: { title: 'C&R proces 2.0', ambitions: ['groei', 'samenwerking'], planning: 'Q3' } }],
      ['dossier.setPhase', { number: 4, state: { phase: 'refinement' }, date: '2024-03-15', note: 'TB maart' }],
      ['dossier.setPriority', { number: 7, priority: true, rank: 1 }],
      ['dossier.reorderPriorities', { numbers: [3, 7] }],
      ['dossier.archive', { number: 15 }],
      ['actiepunt.update', { number: 3, patch: { subPoints: ['Eén', 'Twee'], owners: ['Kolette', 'Logius'] } }],
      ['actiepunt.setStatus', { number: 3, status: 'afgerond' }],
      ['actiepunt.linkDossier', { number: 7, dossier: 5 }],
      ['jaarplan.update', { patch: { referenceDate: '2024-01-15', title: 'Jaarplan 2024 (herzien)' } }],
      ['jaarplan.updateTexts', { texts: { bijlage2Intro: 'Nieuwe inleiding.' } }],
      ['ambition.create', { name: 'Toegankelijkheid' }],
      ['meeting.create', { date: '2024-03-01', title: 'TB maart' }],
    ];
    for (const [name, input] of edits) {
      r.call(name as never, input);
      states.push(content(r));
      expect(r.call('register.undoState').undo?.call).toBe(name);
    }
    for (let i = edits.length - 1; i >= 0; i--) {
      const state = r.call('register.undo');
      expect(content(r), `after undoing ${edits[i]![0]}`).toEqual(states[i]);
      expect(state.redo?.call).toBe(edits[i]![0]);
    }
    expect(r.call('register.undoState').undo).toBeNull();
    for (let i = 0; i < edits.length; i++) {
      r.call('register.redo');
      expect(content(r), `after redoing ${edits[i]![0]}`).toEqual(states[i + 1]);
    }
    expect(r.call('register.undoState').redo).toBeNull();
  });

  it('names the item of the step, and forgets redo after a new edit', () => {
    r = seededRegister();
    r.call('dossier.setPhase', { number: 4, state: { phase: 'refinement' } });
    const created = r.call('dossier.create', { title: 'X', phase: { phase: 'nieuw' } });
    expect(r.call('register.undoState').undo).toMatchObject({ call: 'dossier.create', item: created.number });
    r.call('register.undo');
    expect(r.call('register.undoState').redo).toMatchObject({ call: 'dossier.create' });
    r.call('dossier.update', { number: 4, patch: { owner: 'Kolette' } });
    expect(r.call('register.undoState')).toMatchObject({ undo: { call: 'dossier.update', item: 4 }, redo: null });
  });

  it('records nothing for reads and for refused calls', () => {
    r = seededRegister();
    r.call('dossier.list', {});
    r.call('dossier.get', { number: 4 });
    expect(r.api.invoke('dossier.update', { number: 4, patch: { title: '' } }).ok).toBe(false);
    expect(r.api.invoke('dossier.update', { number: 99, patch: { title: 'x' } }).ok).toBe(false);
    expect(r.call('register.undoState')).toEqual({ undo: null, redo: null });
  });

  it('survives closing and reopening the register', () => {
    r = seededRegister();
    r.call('dossier.update', { number: 2, patch: { owner: 'Logius' } });
    r.reg.close();
    const reopened = openRegister(r.file);
    const api = createApi(reopened);
    expect(api.invoke('register.undo', {})).toMatchObject({ ok: true, value: { undo: null, redo: { call: 'dossier.update', item: 2 } } });
    expect((api.invoke('dossier.get', { number: 2 }) as { value: { owner: string | null } }).value.owner).toBeNull();
    reopened.close();
    r = seededRegister(); // afterEach closes this one
  });
});

describe('jaarplan and ambitions', () => {
  it('edits year, reference date and space link, and the reference date moves "phase on the reference date"', () => {
    r = seededRegister();
    const plan = r.call('jaarplan.update', { patch: { year: 2025, referenceDate: '2025-01-01', dossierSpaceUrl: null } });
    expect(plan).toMatchObject({ year: 2025, referenceDate: '2025-01-01', dossierSpaceUrl: null, title: 'Jaarplan eHerkenning 2024' });
    r.call('dossier.setPhase', { number: 1, state: { phase: 'afgerond' }, date: '2024-06-01' });
    expect(r.call('dossier.get', { number: 1 }).phaseOnReference).toEqual({ phase: 'afgerond', qualifier: null, parked: false });
    r.call('jaarplan.update', { patch: { referenceDate: '2024-01-01' } });
    expect(r.call('dossier.get', { number: 1 }).phaseOnReference).toEqual({ phase: 'implementatie', qualifier: 'Afronding', parked: false });
    expect(r.api.invoke('jaarplan.update', { patch: { referenceDate: '2025-02-30' } })).toMatchObject({ ok: false, error: { field: 'patch.referenceDate' } });
  });

  it('adds an ambition with a code from its name, edits it, and refuses a duplicate', () => {
    r = seededRegister();
    expect(r.call('ambition.create', { name: 'Toegankelijkheid voor iedereen', focus: true })).toMatchObject({
      code: 'toegankelijkheid-voor-iedereen', position: 6, focus: true,
    });
    expect(r.call('ambition.update', { code: 'groei', patch: { description: 'Meer aansluitingen.' } }).description).toBe('Meer aansluitingen.');
    expect(r.api.invoke('ambition.create', { name: 'Groei' })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'name' } });
    expect(r.api.invoke('ambition.update', { code: 'vrede', patch: { focus: true } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
