// Defects a second pair of eyes found in the meeting cycle (issue 11), one test each, asserting
// what must happen. Each of these failed before its fix.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi, handlerGroups } from '../../electron/api';
import { RegisterHost } from '../../electron/register-host';
import { createSeededRegister, readSeed } from '../../electron/register/seed';
import { memoryProfileStore } from '../../electron/profile-store';
import { SEED_FILE, tempDir, testRegisterFor } from '../support/register';
import { livingRegister, movingClock, openMeeting, refused, SECRETARY, standing } from '../support/meetings';

const hosts: RegisterHost[] = [];
afterEach(() => {
  while (hosts.length) hosts.pop()!.close();
});

describe('the meeting cycle, a second look', () => {
  it('carries an item on when the meeting it was carried to is cancelled', () => {
    const { t, time } = livingRegister();
    const m1 = openMeeting(t, time, '2024-02-14');
    const a = t.call('agenda.add', { meeting: m1.number, title: 'Onderwerp X' });
    const m2 = t.call('meeting.create', { date: '2024-03-13' });
    const m3 = t.call('meeting.create', { date: '2024-04-10' });
    t.call('agenda.update', { id: a.id, patch: { state: 'doorgeschoven' } });
    expect(t.call('meeting.get', { number: m2.number }).items.map((i) => i.title)).toContain('Onderwerp X');
    t.call('meeting.setState', { number: m2.number, state: 'geannuleerd' });
    // On to the next meeting that exists, and the source says where it went.
    expect(t.call('meeting.get', { number: m3.number }).items.find((i) => i.title === 'Onderwerp X')?.carriedFrom).toEqual({ meeting: m1.number, item: a.number });
    expect(t.call('meeting.get', { number: m1.number }).items.find((i) => i.id === a.id)?.carriedTo?.meeting).toBe(m3.number);
    // And a meeting planned later does not get it a second time.
    expect(t.call('meeting.create', { date: '2024-05-10' }).items.map((i) => i.title)).not.toContain('Onderwerp X');
  });

  it('records the priority the meeting decided, also when it is recorded after a later change', () => {
    const { t, time } = livingRegister();
    const m1 = openMeeting(t, time, '2024-02-14');
    t.call('meeting.setState', { number: m1.number, state: 'afgerond' });
    time.set('2024-03-01T09:00:00');
    t.call('dossier.setPriority', { number: 7, priority: false, date: '2024-03-01' });
    const p = t.call('outcome.add', { item: standing(m1, 'opening').id, kind: 'prioriteit', dossier: 7, priority: true, rank: 1 });
    expect(p.priority).toEqual({ priority: true, rank: 1 });
  });

  it('sees an actiepunt become overdue even when the next meeting was planned before the previous one closed', () => {
    const { t, time } = livingRegister();
    const m1 = openMeeting(t, time, '2024-02-14');
    const m2 = t.call('meeting.create', { date: '2024-03-13' });
    t.call('actiepunt.create', { text: 'Deadline 1 maart', owners: ['BZK'], statusDate: '2024-02-14', deadline: { kind: 'date', date: '2024-03-01' } });
    time.set('2024-02-15T09:00:00');
    t.call('meeting.setState', { number: m1.number, state: 'afgerond' });
    time.set('2024-03-10T09:00:00');
    const kinds = t.call('meeting.changesSince', { number: m2.number }).lines.map((l) => l.kind);
    expect(kinds).toContain('actiepunt_overdue');
  });

  it('never measures "what changed" from a freeze made after the meeting closed', () => {
    const { t, time } = livingRegister();
    const m1 = openMeeting(t, time, '2024-02-14');
    time.set('2024-03-01T09:00:00');
    const m2 = openMeeting(t, time, '2024-03-13');
    time.set('2024-03-14T09:00:00');
    t.call('meeting.setState', { number: m2.number, state: 'afgerond' });
    const closed = t.call('meeting.changesSince', { number: m2.number });
    time.set('2024-03-15T09:00:00');
    t.call('dossier.setPhase', { number: 3, state: { phase: 'implementatie' }, date: '2024-03-15' });
    time.set('2024-03-20T09:00:00');
    t.call('meeting.setState', { number: m1.number, state: 'afgerond' });
    const c = t.call('meeting.changesSince', { number: m2.number });
    expect(c.since.at <= c.until.at).toBe(true);
    expect(c.lines.filter((l) => l.kind === 'phase')).toEqual([]);
    // A closed meeting's answer stays what it was.
    expect(c).toEqual(closed);
  });

  it('does not give TB- and B-numbers again after a backup from before them is restored', async () => {
    const time = movingClock('2024-01-15T09:00:00');
    const file = path.join(tempDir(), 'register.sqlite');
    createSeededRegister(file, readSeed(SEED_FILE), { clock: time.clock });
    const host = RegisterHost.open(file, { clock: time.clock });
    hosts.push(host);
    const api = createApi(host, handlerGroups(), memoryProfileStore(SECRETARY));
    const t = testRegisterFor(host, api);
    const m1 = t.call('meeting.create', { date: '2024-02-14' });
    t.call('meeting.setState', { number: m1.number, state: 'agenda_vastgesteld' });
    const frozen = t.call('meeting.asOf', { number: m1.number });
    time.set('2024-02-01T09:00:00');
    const backup = await api.invokeAsync('backup.create', {});
    if (!backup.ok) throw new Error('backup failed');
    time.set('2024-02-14T10:00:00');
    t.call('meeting.setState', { number: m1.number, state: 'in_vergadering' });
    t.call('outcome.add', { item: standing(m1, 'opening').id, kind: 'besluit', text: 'Besluit na de backup' });
    t.call('meeting.setState', { number: m1.number, state: 'afgerond' });
    expect(t.call('meeting.create', { date: '2024-03-13' }).number).toBe('TB-2024-02');
    expect(t.call('meeting.create', { date: '2025-01-13' }).number).toBe('TB-2025-01');
    time.set('2024-02-15T09:00:00');
    const restored = await api.invokeAsync('backup.restore', { name: (backup.value as { name: string }).name });
    expect(restored.ok, JSON.stringify(restored)).toBe(true);
    expect(t.call('meeting.asOf', { number: m1.number })).toEqual(frozen);
    expect(t.call('meeting.create', { date: '2024-03-13' }).number).toBe('TB-2024-03');
    expect(t.call('meeting.create', { date: '2025-01-13' }).number).toBe('TB-2025-02');
    time.set('2024-02-14T10:00:00');
    t.call('meeting.setState', { number: m1.number, state: 'in_vergadering' });
    t.call('outcome.add', { item: standing(m1, 'opening').id, kind: 'besluit', text: 'Besluit na de restore' });
    t.call('meeting.setState', { number: m1.number, state: 'afgerond' });
    expect(t.call('decision.list', {}).map((d) => d.number)).toEqual(['B-2024-02']);
  });

  it('keeps the besluit that records a vaststelling as it is: it goes only with the vaststelling', () => {
    const { t, time } = livingRegister();
    const m1 = openMeeting(t, time, '2024-02-14');
    t.call('meeting.setState', { number: m1.number, state: 'afgerond' });
    time.set('2024-03-01T09:00:00');
    const m2 = openMeeting(t, time, '2024-03-13');
    t.call('meeting.setState', { number: m1.number, state: 'vastgesteld', approval: { by: m2.number, kind: 'ongewijzigd' } });
    const record = standing(t.call('meeting.get', { number: m2.number }), 'besluitenlijst').outcomes[0]!;
    expect(refused(t, 'outcome.update', { id: record.id, patch: { text: 'De besluitenlijst van TB-2024-01 wordt NIET vastgesteld.' } }).message).toMatch(/records the vaststelling/);
    refused(t, 'outcome.remove', { id: record.id });
  });

  it('never gives a number of a fixed agenda twice', () => {
    const { t } = livingRegister();
    const m = t.call('meeting.create', { date: '2024-02-14' });
    t.call('meeting.setState', { number: m.number, state: 'agenda_vastgesteld' });
    const last = m.items.at(-1)!;
    t.call('agenda.remove', { id: last.id });
    expect(t.call('agenda.add', { meeting: m.number, title: 'Iets anders' }).number).toBe(last.number + 1);
  });

  it('lets a besluit replace only one of an earlier meeting, also on the same day', () => {
    const { t, time } = livingRegister();
    const m1 = t.call('meeting.create', { date: '2024-02-14' });
    const m2 = t.call('meeting.create', { date: '2024-02-14' });
    for (const m of [m1, m2]) t.call('meeting.setState', { number: m.number, state: 'agenda_vastgesteld' });
    time.set('2024-02-14T10:00:00');
    for (const m of [m1, m2]) t.call('meeting.setState', { number: m.number, state: 'in_vergadering' });
    t.call('outcome.add', { item: standing(m2, 'opening').id, kind: 'besluit', text: 'b2' });
    t.call('meeting.setState', { number: m2.number, state: 'afgerond' });
    expect(refused(t, 'outcome.add', { item: standing(m1, 'opening').id, kind: 'besluit', text: 'x', replaces: { decision: 'B-2024-01', kind: 'vervangt' } }).field).toBe('replaces.decision');
  });

  it('keeps a meeting between the meetings items were carried from and to when its date changes', () => {
    const { t } = livingRegister();
    const m1 = t.call('meeting.create', { date: '2024-02-14' });
    t.call('meeting.create', { date: '2024-03-13' });
    const a = t.call('agenda.add', { meeting: m1.number, title: 'W' });
    t.call('meeting.setState', { number: m1.number, state: 'agenda_vastgesteld' });
    t.call('agenda.update', { id: a.id, patch: { state: 'doorgeschoven' } });
    expect(refused(t, 'meeting.update', { number: m1.number, patch: { date: '2024-04-01' } }).field).toBe('patch.date');
    expect(t.call('meeting.update', { number: m1.number, patch: { date: '2024-02-20' } }).date).toBe('2024-02-20');
  });

  it('does not reopen an item of an afgerond meeting', () => {
    const { t, time } = livingRegister();
    const m1 = openMeeting(t, time, '2024-02-14');
    const done = t.call('meeting.setState', { number: m1.number, state: 'afgerond' });
    expect(refused(t, 'agenda.update', { id: done.items[0]!.id, patch: { state: 'open' } }).field).toBe('patch.state');
  });

  it('shows a held meeting’s actiepuntenlijst as it was, whatever happens to the actiepunten later', () => {
    const { t, time } = livingRegister();
    const m1 = openMeeting(t, time, '2024-02-14');
    t.call('meeting.setState', { number: m1.number, state: 'afgerond' });
    time.set('2024-03-01T09:00:00');
    const m2 = openMeeting(t, time, '2024-03-13');
    t.call('meeting.setState', { number: m1.number, state: 'vastgesteld', approval: { by: m2.number, kind: 'ongewijzigd' } });
    const before = t.call('meeting.get', { number: m1.number }).actiepuntenlijst;
    t.call('actiepunt.archive', { number: 1 });
    t.call('actiepunt.update', { number: 2, patch: { text: 'Later anders verwoord' } });
    expect(t.call('meeting.get', { number: m1.number }).actiepuntenlijst).toEqual(before);
  });

  it('lets only the next meeting approve a besluitenlijst', () => {
    const { t, time } = livingRegister();
    const m1 = openMeeting(t, time, '2024-02-14');
    t.call('meeting.setState', { number: m1.number, state: 'afgerond' });
    time.set('2024-03-01T09:00:00');
    t.call('meeting.create', { date: '2024-03-13' });
    const m3 = openMeeting(t, time, '2024-03-13');
    expect(refused(t, 'meeting.setState', { number: m1.number, state: 'vastgesteld', approval: { by: m3.number, kind: 'ongewijzigd' } }).message).toMatch(/not the next one/);
  });

  it('takes an actiepunt away with its outcome only while nobody has worked on it', () => {
    const { t, time } = livingRegister();
    const m1 = openMeeting(t, time, '2024-02-14');
    const o = t.call('outcome.add', { item: standing(m1, 'opening').id, kind: 'actiepunt', text: 'Per ongeluk' });
    t.call('actiepunt.update', { number: o.actiepunt!, patch: { text: 'Toch bewerkt' } });
    refused(t, 'outcome.remove', { id: o.id });
  });

  it('carries a standing item over onto the next meeting’s own standing item, not beside it', () => {
    const { t, time } = livingRegister();
    const m1 = openMeeting(t, time, '2024-02-14');
    const communicatie = standing(m1, 'communicatie');
    t.call('agenda.update', { id: communicatie.id, patch: { state: 'doorgeschoven' } });
    const m2 = t.call('meeting.create', { date: '2024-03-13' });
    const same = m2.items.filter((i) => i.title === communicatie.title);
    expect(same).toHaveLength(1);
    expect(same[0]).toMatchObject({ standing: 'communicatie', carriedFrom: { meeting: m1.number, item: communicatie.number } });
    // Taken back, the later meeting keeps its own standing item.
    t.call('agenda.update', { id: communicatie.id, patch: { state: 'open' } });
    expect(t.call('meeting.get', { number: m2.number }).items.find((i) => i.standing === 'communicatie')).toMatchObject({ carriedFrom: null });
  });
});

