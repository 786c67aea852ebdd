// Issue 11: the TB's meeting cycle walked on a real SQLite register that lives through 2024:
// meetings planned from the template, agendas vastgesteld (the register frozen), outcomes of every
// kind, doorschuiven, afronden (besluiten numbered), the next meeting approving the besluitenlijst,
// and a vastgesteld meeting that refuses every edit.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../electron/api';
import { openRegister } from '../../electron/register/db';
import { MIGRATIONS } from '../../electron/register/migrations';
import { registerContent, tempDir } from '../support/register';
import { ATTENDEES, CHAIR, livingRegister, refused, SECRETARY, standing } from '../support/meetings';
import { runExport } from '../support/export';
import { readDocx, xlsxParts } from '../support/office';

const item = standing;

describe('the meeting cycle', () => {
  it('plans a meeting from the template: numbered per year, the evaluatiemoment items only at an evaluatiemoment', () => {
    const { t } = livingRegister();
    const regular = t.call('meeting.create', { date: '2024-02-14', location: 'Den Haag' });
    expect(regular).toMatchObject({ number: 'TB-2024-01', kind: 'regulier', state: 'concept', location: 'Den Haag', previous: null });
    expect(regular.items.map((i) => [i.number, i.standing])).toEqual([
      [1, 'opening'], [2, 'besluitenlijst'], [3, 'actiepuntenlijst'], [4, 'communicatie'], [5, 'ontvlechting'], [6, 'wallet'], [7, 'rondvraag'],
    ]);
    expect(item(regular, 'wallet').links.actiepunten).toEqual([6]);
    const evaluation = t.call('meeting.create', { date: '2024-05-15', kind: 'evaluatiemoment' });
    expect(evaluation.number).toBe('TB-2024-02');
    expect(item(evaluation, 'rapportage')).toMatchObject({ number: 4, purpose: 'besluitvorming', links: { actiepunten: [2] } });
    expect(t.call('meeting.create', { date: '2025-01-20' }).number).toBe('TB-2025-01');
    // Numbers are never reused: an undone meeting's number is not given again.
    t.call('register.undo');
    expect(t.call('meeting.create', { date: '2025-02-20' }).number).toBe('TB-2025-02');
  });

  it('edits the template without changing meetings that exist', () => {
    const { t } = livingRegister();
    const before = t.call('meeting.create', { date: '2024-02-14' });
    const template = t.call('agendaTemplate.get');
    t.call('agendaTemplate.update', { items: [...template.items.slice(0, 2), { title: 'Terugkoppeling Europese ontwikkelingen', purpose: 'informatie' }] });
    expect(t.call('meeting.get', { number: before.number }).items).toHaveLength(7);
    const after = t.call('meeting.create', { date: '2024-03-14' });
    expect(after.items.map((i) => i.title)).toEqual(['Opening en vaststelling van de agenda', 'Besluitenlijst van het vorige TB', 'Terugkoppeling Europese ontwikkelingen']);
    expect(refused(t, 'agendaTemplate.update', { items: [{ title: 'x', purpose: 'informatie', links: { dossiers: [999] } }] })).toMatchObject({ code: 'not_found', field: 'items.0.links.dossiers.0' });
  });

  it('walks the whole cycle: vaststellen, in vergadering, outcomes, doorschuiven, afronden, approval by the next meeting, and then nothing changes', () => {
    const { t, time, profile } = livingRegister();
    const m1 = t.call('meeting.create', { date: '2024-02-14' });
    // The agenda by the secretary: an item of the moment, about dossiers 4 and 7.
    const extra = t.call('agenda.add', { meeting: m1.number, title: 'Voorstel Calamiteitenplan 2.0', purpose: 'besluitvorming', presenter: 'Logius', minutes: 20, proposal: 'Het TB stemt in met het plan.', links: { dossiers: [4, 7] }, position: 4 });
    expect(extra).toMatchObject({ number: 4, position: 4, links: { dossiers: [4, 7] } });
    const rondvraag = t.call('meeting.get', { number: m1.number }).items.at(-1)!;
    expect(rondvraag).toMatchObject({ number: 8, standing: 'rondvraag' });
    // Moving a concept agenda renumbers it.
    t.call('agenda.move', { id: extra.id, to: 3 });
    expect(t.call('meeting.get', { number: m1.number }).items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(t.call('meeting.get', { number: m1.number }).items[2]!.id).toBe(extra.id);
    const discuss = t.call('agenda.add', { meeting: m1.number, title: 'Planning identificatie op afstand', links: { actiepunten: [1] } });

    // Outcomes are for the meeting, not for its preparation.
    expect(refused(t, 'outcome.add', { item: extra.id, kind: 'besluit', text: 'Vooruit besloten' })).toMatchObject({ code: 'conflict' });
    time.set('2024-02-10T16:00:00');
    const fixed = t.call('meeting.setState', { number: m1.number, state: 'agenda_vastgesteld' });
    expect(fixed.freezes.map((f) => f.stage)).toEqual(['agenda']);
    // The meeting cannot open before its day.
    expect(refused(t, 'meeting.setState', { number: m1.number, state: 'in_vergadering' }).message).toMatch(/dated 2024-02-14/);
    time.set('2024-02-14T10:00:00');
    t.call('meeting.setState', { number: m1.number, state: 'in_vergadering' });
    // Once fixed, moving an item changes the order the TB takes it in, not its number.
    t.call('agenda.move', { id: discuss.id, to: 1 });
    const reordered = t.call('meeting.get', { number: m1.number }).items;
    expect(reordered[0]).toMatchObject({ id: discuss.id, number: 9, position: 1 });

    // The chair records at the table.
    profile.set(CHAIR);
    t.call('attendance.set', {
      meeting: m1.number,
      people: ATTENDEES,
    });
    const b1 = t.call('outcome.add', { item: extra.id, kind: 'besluit', text: 'Het TB stemt in met het Calamiteitenplan 2.0.', dossier: 4 });
    expect(b1).toMatchObject({ kind: 'besluit', decisionNumber: null, dossier: 4, recordedBy: CHAIR });
    const opening = item(t.call('meeting.get', { number: m1.number }), 'opening');
    const b0 = t.call('outcome.add', { item: opening.id, kind: 'besluit', text: 'De agenda wordt vastgesteld.' });
    const ap = t.call('outcome.add', { item: extra.id, kind: 'actiepunt', text: 'Oefening calamiteitenplan organiseren', owners: ['Logius'], deadline: { kind: 'date', date: '2024-04-01' }, dossier: 4 });
    expect(ap.actiepunt).toBe(11);
    expect(t.call('actiepunt.get', { number: 11 })).toMatchObject({ status: 'open', since: '2024-02-14', owners: ['Logius'] });
    const note = t.call('outcome.add', { item: extra.id, kind: 'notitie', text: 'Voorzitter: oefening ook met dienstverleners.', dossier: 7 });
    expect(note).toMatchObject({ kind: 'notitie', dossier: 7 });
    // The remark is the meeting's, never the dossier's Toelichting.
    expect(t.call('dossier.get', { number: 7 }).note ?? '').not.toContain('dienstverleners');
    // A priority change at the meeting: dated on the meeting's date, one row for the dossier given rank 1.
    const prio = t.call('outcome.add', { item: extra.id, kind: 'prioriteit', dossier: 5, priority: true, rank: 1, text: 'Eerst de basis op orde.' });
    expect(prio.priority).toEqual({ priority: true, rank: 1 });
    expect(t.call('dossier.history', { number: 5 }).at(-1)).toMatchObject({ kind: 'priority', date: '2024-02-14', state: { priority: true, rank: 1 } });
    t.call('outcome.add', { item: extra.id, kind: 'prioriteit', dossier: 4, priority: true, rank: 1 });
    // Dossier 5, pushed down to rank 2 the same day, has one row for the day, not "rang 1 / rang 2".
    const day = t.call('dossier.history', { number: 5 }).filter((h) => h.kind === 'priority' && h.date === '2024-02-14');
    expect(day).toMatchObject([{ state: { priority: true, rank: 2 }, note: 'Eerst de basis op orde.' }]);
    // Doorschuiven: the item moves on, and stays on record here.
    t.call('agenda.update', { id: discuss.id, patch: { state: 'doorgeschoven' } });

    profile.set(SECRETARY);
    time.set('2024-02-15T09:00:00');
    const done = t.call('meeting.setState', { number: m1.number, state: 'afgerond' });
    expect(done.freezes.map((f) => f.stage)).toEqual(['agenda', 'afgerond']);
    // Numbers in agenda order (item 1 before item 3), whatever the order they were recorded in.
    const numbered = done.items.flatMap((i) => i.outcomes).filter((o) => o.kind === 'besluit');
    expect(numbered.map((o) => [o.id, o.decisionNumber])).toEqual([
      [b0.id, 'B-2024-01'],
      [b1.id, 'B-2024-02'],
    ]);
    expect(done.items.filter((i) => i.state === 'open')).toEqual([]);
    // A besluit added to the concept besluitenlijst after the meeting takes the next number.
    const late = t.call('outcome.add', { item: extra.id, kind: 'besluit', text: 'Het TB vraagt een evaluatie na de oefening.' });
    expect(late.decisionNumber).toBe('B-2024-03');

    // The next meeting: the doorgeschoven item is on its agenda, and it approves the besluitenlijst.
    time.set('2024-03-01T09:00:00');
    const m2 = t.call('meeting.create', { date: '2024-03-13' });
    const carried = m2.items.find((i) => i.carriedFrom !== null)!;
    expect(carried).toMatchObject({ title: 'Planning identificatie op afstand', carriedFrom: { meeting: m1.number, item: 9 }, links: { actiepunten: [1] } });
    expect(m2.items.at(-1)!.standing).toBe('rondvraag');
    expect(t.call('meeting.get', { number: m1.number }).items.find((i) => i.id === discuss.id)).toMatchObject({ state: 'doorgeschoven', carriedTo: { meeting: m2.number } });
    // The actiepuntenlijst item: what is open on the date, new since the previous TB, overdue, on how many meetings.
    const list = t.call('meeting.get', { number: m2.number }).actiepuntenlijst;
    expect(list.find((a) => a.number === 11)).toMatchObject({ isNew: true, overdue: false, meetings: 1 });
    expect(list.find((a) => a.number === 1)).toMatchObject({ isNew: false, meetings: 2 });

    // Approving in a meeting that is not in session is refused.
    expect(refused(t, 'meeting.setState', { number: m1.number, state: 'vastgesteld', approval: { by: m2.number, kind: 'ongewijzigd' } }).field).toBe('approval.by');
    t.call('meeting.setState', { number: m2.number, state: 'agenda_vastgesteld' });
    time.set('2024-03-13T10:00:00');
    t.call('meeting.setState', { number: m2.number, state: 'in_vergadering' });
    expect(refused(t, 'meeting.setState', { number: m1.number, state: 'vastgesteld', approval: { by: m2.number, kind: 'met_wijzigingen' } }).field).toBe('approval.note');
    const approved = t.call('meeting.setState', { number: m1.number, state: 'vastgesteld', approval: { by: m2.number, kind: 'met_wijzigingen', note: 'Bij besluit B-2024-02 staat "in principe".' } });
    expect(approved).toMatchObject({ state: 'vastgesteld', approval: { in: m2.number, kind: 'met_wijzigingen' } });
    const m2now = t.call('meeting.get', { number: m2.number });
    expect(m2now.approves).toEqual([m1.number]);
    expect(item(m2now, 'besluitenlijst')).toMatchObject({ state: 'behandeld', outcomes: [{ kind: 'besluit', text: expect.stringContaining(`De besluitenlijst van ${m1.number} wordt met wijzigingen vastgesteld`) }] });

    // Vastgesteld is final: every edit refused, the register unchanged.
    const ids = { item: extra.id, outcome: b1.id, note: note.id };
    for (const [name, input] of [
      ['meeting.update', { number: m1.number, patch: { location: 'Utrecht' } }],
      ['agenda.add', { meeting: m1.number, title: 'Nog iets' }],
      ['agenda.update', { id: ids.item, patch: { title: 'Anders' } }],
      ['agenda.update', { id: ids.item, patch: { state: 'open' } }],
      ['agenda.move', { id: ids.item, to: 1 }],
      ['agenda.remove', { id: ids.item }],
      ['outcome.add', { item: ids.item, kind: 'notitie', text: 'Te laat' }],
      ['outcome.update', { id: ids.outcome, patch: { text: 'Anders besloten' } }],
      ['outcome.remove', { id: ids.note }],
      ['attendance.set', { meeting: m1.number, people: [] }],
      ['meeting.setState', { number: m1.number, state: 'afgerond' }],
      ['meeting.setState', { number: m1.number, state: 'geannuleerd' }],
    ] as const) {
      const error = refused(t, name, input);
      expect(error.code, name).toBe('conflict');
      expect(error.message, name).toMatch(/vastgesteld/);
    }
    // Undo does not reach past the vaststelling: it can take back the vaststelling, nothing before it.
    const undoState = t.call('register.undoState');
    expect(undoState.undo).toMatchObject({ call: 'meeting.setState' });
    t.call('register.undo');
    expect(t.call('meeting.get', { number: m1.number }).state).toBe('afgerond');
    expect(t.call('register.undoState').undo).toBeNull();
    t.call('register.redo');
    expect(t.call('meeting.get', { number: m1.number }).state).toBe('vastgesteld');

    // A correction is a later besluit that names the old one, and the old one shows it.
    const correction = t.call('outcome.add', { item: item(m2now, 'opening').id, kind: 'besluit', text: 'Besluit B-2024-02 wordt vervangen: het TB stemt in.', replaces: { decision: 'B-2024-02', kind: 'vervangt' } });
    expect(correction.replaces).toEqual({ decision: 'B-2024-02', kind: 'vervangt' });
    const old = t.call('decision.list', { search: 'calamiteitenplan' }).find((d) => d.number === 'B-2024-02')!;
    expect(old.replacedBy).toEqual({ decision: '', kind: 'vervangt', meeting: m2.number });
    t.call('meeting.setState', { number: m2.number, state: 'afgerond' });
    const list2 = t.call('decision.list', { year: 2024 });
    expect(list2.map((d) => d.number)).toEqual(['B-2024-01', 'B-2024-02', 'B-2024-03', 'B-2024-04', 'B-2024-05']);
    expect(list2.find((d) => d.number === 'B-2024-02')!.replacedBy).toEqual({ decision: 'B-2024-04', kind: 'vervangt', meeting: m2.number });
    expect(t.call('decision.list', { dossier: 4 }).map((d) => d.number)).toEqual(['B-2024-02', 'B-2024-03']);

    // Besproken in: the dossier's meetings, with the remark and the besluit.
    const discussions = t.call('meeting.discussions', { dossier: 7 });
    expect(discussions).toHaveLength(1);
    expect(discussions[0]).toMatchObject({ meeting: m1.number, item: { title: 'Voorstel Calamiteitenplan 2.0' } });
    // The remark about dossier 7, and the item's besluit that names no dossier in particular.
    expect(discussions[0]!.outcomes.map((o) => o.kind)).toEqual(['notitie', 'besluit']);
    expect(t.call('meeting.discussions', { actiepunt: 11 })[0]).toMatchObject({ meeting: m1.number, outcomes: [{ kind: 'actiepunt', actiepunt: 11 }, { kind: 'besluit' }] });
    // Every change has its author.
    const authors = t.reg.db.prepare(`SELECT DISTINCT author FROM change WHERE call LIKE 'meeting.%' OR call LIKE 'outcome.%' OR call LIKE 'agenda.%'`).pluck().all();
    expect(authors.sort()).toEqual([CHAIR.name, SECRETARY.name].sort());
  });

  it('keeps a meeting as it was: read back identical after later edits, undo and redo', () => {
    const { t, time } = livingRegister();
    const m1 = t.call('meeting.create', { date: '2024-02-14', kind: 'evaluatiemoment' });
    time.set('2024-02-10T09:00:00');
    t.call('dossier.setPhase', { number: 3, state: { phase: 'implementatie' }, date: '2024-02-01' });
    t.call('meeting.setState', { number: m1.number, state: 'agenda_vastgesteld' });
    const frozen = t.call('meeting.asOf', { number: m1.number });
    expect(frozen.stage).toBe('agenda');
    expect(frozen.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(frozen.snapshot.dossiers.find((d) => d.number === 3)!.phases.at(-1)!.value.phase).toBe('implementatie');
    expect(frozen.record.state).toBe('agenda_vastgesteld');

    time.set('2024-03-01T09:00:00');
    t.call('dossier.update', { number: 3, patch: { title: 'Een nieuwe titel' } });
    t.call('dossier.setPhase', { number: 3, state: { phase: 'afgerond' }, date: '2024-03-01' });
    t.call('dossier.archive', { number: 9 });
    t.call('actiepunt.setStatus', { number: 3, status: 'afgerond', date: '2024-03-01' });
    t.call('register.undo');
    t.call('register.redo');
    expect(t.call('meeting.asOf', { number: m1.number })).toEqual(frozen);
    expect(t.call('meeting.asOf', { number: m1.number, stage: 'agenda' }).snapshot.dossiers.find((d) => d.number === 3)!.title).not.toBe('Een nieuwe titel');
    expect(t.api.invoke('meeting.asOf', { number: m1.number, stage: 'afgerond' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // A tampered part is found out, not passed on.
    t.reg.db.prepare(`UPDATE frozen_part SET body = replace(body, 'implementatie', 'analyse') WHERE body LIKE '%"number":3,%'`).run();
    expect(t.api.invoke('meeting.asOf', { number: m1.number })).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/damaged/) } });
  });

  it('stores a freeze as what changed since the previous one', () => {
    const { t } = livingRegister();
    const parts = () => t.reg.db.prepare('SELECT count(*) FROM frozen_part').pluck().get() as number;
    const entries = () => t.reg.db.prepare('SELECT count(*) FROM freeze_entry').pluck().get() as number;
    const m1 = t.call('meeting.create', { date: '2024-02-14' });
    t.call('meeting.setState', { number: m1.number, state: 'agenda_vastgesteld' });
    const [p1, e1] = [parts(), entries()];
    t.call('dossier.update', { number: 5, patch: { planning: 'Q3' } });
    const m2 = t.call('meeting.create', { date: '2024-03-14' });
    t.call('meeting.setState', { number: m2.number, state: 'agenda_vastgesteld' });
    // One dossier changed, and the meetings list: two new parts, two entries.
    expect(parts() - p1).toBe(2);
    expect(entries() - e1).toBe(2);
  });

  it('says what changed since the previous TB, item by item, with when and by whom', () => {
    const { t, time, profile } = livingRegister();
    const m1 = t.call('meeting.create', { date: '2024-02-14' });
    t.call('meeting.setState', { number: m1.number, state: 'agenda_vastgesteld' });
    time.set('2024-02-14T10:00:00');
    t.call('meeting.setState', { number: m1.number, state: 'in_vergadering' });
    t.call('meeting.setState', { number: m1.number, state: 'afgerond' });

    time.set('2024-03-01T11:00:00');
    profile.set(CHAIR);
    t.call('dossier.setPhase', { number: 3, state: { phase: 'implementatie' }, date: '2024-03-01' });
    t.call('dossier.update', { number: 6, patch: { planning: 'Oplevering Q4' } });
    t.call('dossier.create', { title: 'Nieuw dossier Wallet', phase: { phase: 'nieuw' }, phaseDate: '2024-03-01' });
    t.call('dossier.archive', { number: 12 });
    t.call('dossier.setPriority', { number: 10, priority: false, date: '2024-03-01' });
    profile.set(SECRETARY);
    t.call('actiepunt.create', { text: 'Nieuw actiepunt', owners: ['BZK'], statusDate: '2024-03-01', deadline: { kind: 'date', date: '2024-03-05' } });
    t.call('actiepunt.setStatus', { number: 4, status: 'afgerond', date: '2024-03-01' });
    t.call('actiepunt.update', { number: 5, patch: { owners: ['BZK', 'Logius'] } });
    // An edit made and undone is no change.
    t.call('dossier.update', { number: 8, patch: { title: 'Tijdelijk' } });
    t.call('register.undo');
    time.set('2024-03-10T09:00:00');
    const m2 = t.call('meeting.create', { date: '2024-03-13' });
    const changes = t.call('meeting.changesSince', { number: m2.number });
    expect(changes.since.meeting).toBe(m1.number);
    expect(changes.until.frozen).toBe(false);
    const summary = changes.lines.map((l) => `${l.kind}:${'dossier' in l ? l.dossier : 'actiepunt' in l ? l.actiepunt : l.decision}${l.kind === 'text' ? `:${l.field}` : ''}`);
    expect(summary.sort()).toEqual(
      ['phase:3', 'text:6:planning', 'dossier_new:16', 'dossier_archived:12', 'priority:10', 'actiepunt_new:11', 'actiepunt_overdue:11', 'actiepunt_done:4', 'actiepunt_owner:5'].sort(),
    );
    const phase = changes.lines.find((l) => l.kind === 'phase')!;
    expect(phase).toMatchObject({ before: { phase: 'refinement' }, after: { phase: 'implementatie' }, by: CHAIR });
    expect(phase.at).toMatch(/^2024-03-01T/);
    expect(changes.lines.find((l) => l.kind === 'actiepunt_owner')).toMatchObject({ before: 'BZK', after: 'BZK, Logius', by: SECRETARY });
  });

  it('refuses illegal transitions and bad input with a clear message, changing nothing', () => {
    const { t } = livingRegister();
    const m = t.call('meeting.create', { date: '2024-02-14' });
    expect(refused(t, 'meeting.setState', { number: m.number, state: 'afgerond' })).toMatchObject({ code: 'conflict', field: 'state', message: expect.stringMatching(/cannot go from concept to afgerond/) });
    expect(refused(t, 'meeting.setState', { number: m.number, state: 'vastgesteld' })).toMatchObject({ code: 'invalid_input', field: 'approval' });
    expect(refused(t, 'meeting.setState', { number: 'TB-2024-99', state: 'afgerond' })).toMatchObject({ code: 'not_found' });
    expect(refused(t, 'meeting.setState', { number: 'TB 1', state: 'afgerond' })).toMatchObject({ code: 'invalid_input', field: 'number' });
    expect(refused(t, 'meeting.create', { date: '2024-02-30' })).toMatchObject({ code: 'invalid_input', field: 'date' });
    expect(refused(t, 'meeting.create', { date: '2024-02-14', kind: 'borrel' })).toMatchObject({ code: 'invalid_input', field: 'kind' });
    expect(refused(t, 'meeting.update', { number: m.number, patch: { date: '2025-01-01' } })).toMatchObject({ code: 'invalid_input', field: 'patch.date' });
    expect(refused(t, 'agenda.add', { meeting: m.number, title: '  ' })).toMatchObject({ code: 'invalid_input', field: 'title' });
    expect(refused(t, 'agenda.add', { meeting: m.number, title: 'x', links: { dossiers: [4, 4] } })).toMatchObject({ field: 'links.dossiers' });
    expect(refused(t, 'agenda.add', { meeting: m.number, title: 'x', links: { dossiers: [999] } })).toMatchObject({ code: 'not_found', field: 'links.dossiers.0' });
    expect(refused(t, 'agenda.update', { id: 999_999, patch: { title: 'x' } })).toMatchObject({ code: 'not_found' });
    expect(refused(t, 'outcome.add', { item: m.items[0]!.id, kind: 'mening', text: 'x' })).toMatchObject({ code: 'invalid_input' });
    expect(refused(t, 'attendance.set', { meeting: m.number, people: [{ name: 'A', organisation: 'BZK', presence: 'vervangen' }] })).toMatchObject({ field: 'people.0.substitute' });
    t.call('meeting.setState', { number: m.number, state: 'geannuleerd' });
    expect(refused(t, 'meeting.setState', { number: m.number, state: 'concept' }).message).toMatch(/geannuleerd and final/);
    expect(refused(t, 'agenda.add', { meeting: m.number, title: 'x' }).message).toMatch(/geannuleerd/);
  });

  it('moves the old evaluatiemomenten over as past meetings', () => {
    const file = path.join(tempDir(), 'v7.sqlite');
    const v7 = openRegister(file, { migrations: MIGRATIONS.slice(0, 7) });
    v7.db.exec(`INSERT INTO evaluatiemoment (date, title, created_at) VALUES ('2024-05-15', 'TB mei', 't'), ('2024-03-01', 'TB maart', 't'), ('2025-01-10', 'TB januari', 't');`);
    v7.close();
    const reg = openRegister(file);
    const api = createApi(reg);
    const list = api.invoke('meeting.list', {});
    expect(list).toMatchObject({ ok: true, value: [{ number: 'TB-2024-01', title: 'TB maart', state: 'afgerond' }, { number: 'TB-2024-02', title: 'TB mei' }, { number: 'TB-2025-01' }] });
    reg.db.exec(`INSERT INTO jaarplan (year, title, board, reference_date) VALUES (2024, 'Jaarplan', 'TB', '2024-01-01')`);
    expect(api.invoke('meeting.create', { date: '2024-09-01' })).toMatchObject({ ok: true, value: { number: 'TB-2024-03' } });
  });

  it('keeps a meeting remark out of Bijlage 1: the exported Word and Excel files do not hold it', async () => {
    const { t, time } = livingRegister();
    const m = t.call('meeting.create', { date: '2024-02-14' });
    t.call('meeting.setState', { number: m.number, state: 'agenda_vastgesteld' });
    time.set('2024-02-14T10:00:00');
    t.call('meeting.setState', { number: m.number, state: 'in_vergadering' });
    const remark = 'Voorzitter vraagt om een tweede lezing in het voorjaar';
    t.call('outcome.add', { item: m.items[0]!.id, kind: 'notitie', text: remark, dossier: 7 });
    t.call('outcome.add', { item: m.items[0]!.id, kind: 'besluit', text: 'Een besluit dat ook niet in Bijlage 1 hoort', dossier: 7 });
    const outDir = tempDir('tb-remark-');
    const job = await runExport(t, { what: ['bijlage1'], formats: ['docx', 'xlsx'], outDir });
    expect(job.files).toHaveLength(2);
    const docx = await readDocx(path.join(outDir, 'bijlage-1-dossiers-met-prioriteit.docx'));
    const allDocx = Object.values(docx.parts).join('\n');
    // Dossier 7 is in it, with its own Toelichting; the meeting's words are not.
    expect(allDocx).toContain('ketenmachtigingen');
    expect(allDocx).not.toContain('tweede lezing');
    expect(allDocx).not.toContain('ook niet in Bijlage 1');
    const xlsx = Object.values(await xlsxParts(path.join(outDir, 'bijlage-1-dossiers-met-prioriteit.xlsx'))).join('\n');
    expect(xlsx).toContain('ketenmachtigingen');
    expect(xlsx).not.toContain('tweede lezing');
  });

  it('decides the priorities as a whole: one besluit with before and after, one undo step', () => {
    const { t, time } = livingRegister();
    const m = t.call('meeting.create', { date: '2024-05-15', kind: 'evaluatiemoment' });
    t.call('meeting.setState', { number: m.number, state: 'agenda_vastgesteld' });
    time.set('2024-05-15T10:00:00');
    t.call('meeting.setState', { number: m.number, state: 'in_vergadering' });
    const before = registerContent(t.reg);
    const rapportage = standing(m, 'rapportage');
    // Dossiers 4, 2, 7 ranked; 5 and 6 keep the mark without a rank; the other priority dossiers lose it.
    const besluit = t.call('meeting.decidePriorities', { item: rapportage.id, ranked: [4, 2, 7], unranked: [5, 6] });
    expect(besluit.kind).toBe('besluit');
    expect(besluit.text).toMatch(/^Het TB stelt de prioriteiten vast\.\n- Dossier 4 \(Change & Release proces vernieuwen\): prioriteit zonder rang → rang 1\n/);
    expect(besluit.text).toContain('- Dossier 1 (Ondersteunen restgroepen (TRR)): prioriteit zonder rang → geen prioriteit');
    const list = t.call('dossier.list', {});
    expect(list.filter((d) => d.priorityRank !== null).sort((a, b) => a.priorityRank! - b.priorityRank!).map((d) => d.number)).toEqual([4, 2, 7]);
    expect(list.filter((d) => d.priority).map((d) => d.number).sort((a, b) => a - b)).toEqual([2, 4, 5, 6, 7]);
    expect(t.call('dossier.history', { number: 4 }).at(-1)).toMatchObject({ kind: 'priority', date: '2024-05-15', state: { priority: true, rank: 1 } });
    const item = t.call('meeting.get', { number: m.number }).items.find((i) => i.id === rapportage.id)!;
    // The besluit, and a prioriteitswijziging for each of the 13 dossiers that changed (3 ranked, 10 unmarked).
    expect(item.outcomes.filter((o) => o.kind === 'prioriteit')).toHaveLength(13);
    expect(t.call('meeting.discussions', { dossier: 1 })[0]!.outcomes.map((o) => o.kind)).toContain('prioriteit');
    // One call, one undo step: everything back as it was.
    t.call('register.undo');
    const after = registerContent(t.reg);
    expect(after).toEqual(before);
    expect(refused(t, 'meeting.decidePriorities', { item: rapportage.id, ranked: [4, 4] }).field).toBe('ranked');
    expect(refused(t, 'meeting.decidePriorities', { item: rapportage.id, ranked: [4], unranked: [4] }).field).toBe('unranked');
    expect(refused(t, 'meeting.decidePriorities', { item: rapportage.id, ranked: [999] }).field).toBe('ranked.0');
  });
});

