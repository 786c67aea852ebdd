// The exchange between laptops (issue 17): the file's refusals, what merges by itself, what a
// person decides, numbers, and undo. Real registers on real files; real signed (and sealed) files.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeBundle, encodeBundle } from '../../electron/exchange/bundle-file';
import { exchangeStatus, makeBundle } from '../../electron/exchange/exchange';
import { openConflicts } from '../../electron/exchange/conflicts';
import { invariantText } from '../../shared/exchange-text';
import { fixedClock } from '../../electron/register/clock';
import type { Meeting } from '../../shared/meeting';
import { conflictIds, contentDump, copyLaptop, secretaryLaptop, type Laptop } from '../support/exchange';
import { dumpRegister, sha256 } from '../support/register';

const CHAIR = { name: 'Pieter Jansen', role: 'voorzitter' as const };
const open: Laptop[] = [];
afterEach(() => {
  for (const l of open.splice(0)) l.close();
});
const pair = () => {
  const secretary = secretaryLaptop();
  const chair = copyLaptop(secretary, CHAIR);
  open.push(secretary, chair);
  return { secretary, chair };
};
/** Both ways until nothing is left to send: after it both laptops have seen everything. */
const exchangeAll = (a: Laptop, b: Laptop) => {
  for (let i = 0; i < 2; i++) {
    b.take(a.send({ to: b.device }));
    a.take(b.send({ to: a.device }));
  }
};
const files = (l: Laptop) => [l.file, `${l.file}-wal`].map((f) => (fs.existsSync(f) ? sha256(f) : null));
const phase = { phase: 'nieuw' as const };

describe('a file that is refused leaves the register byte for byte as it was', () => {
  const refusedWith = (l: Laptop, bytes: Buffer, message: RegExp, options = {}) => {
    const before = files(l);
    expect(() => l.receive(bytes, options)).toThrow(message);
    expect(files(l)).toEqual(before);
  };

  it('another register', () => {
    const { secretary } = pair();
    const stranger = secretaryLaptop();
    open.push(stranger);
    stranger.call('dossier.update', { number: 4, patch: { title: 'Elders' } });
    refusedWith(secretary, stranger.send(), /belongs to another register/);
  });

  it('an unpaired device, and a code that does not match it', () => {
    const { secretary, chair } = pair();
    chair.call('dossier.update', { number: 4, patch: { title: 'Voorzitter' } });
    const bytes = chair.send();
    refusedWith(secretary, bytes, /not paired with this one \(code [0-9A-Z]{4}-/);
    refusedWith(secretary, bytes, /code does not match/, { pairCode: 'AAAA-BBBB-CCCC-DDDD' });
  });

  it('a tampered byte, a truncated file, a wrong passphrase', () => {
    const { secretary, chair } = pair();
    chair.call('dossier.update', { number: 4, patch: { title: 'Voorzitter' } });
    secretary.take(chair.send());
    chair.call('dossier.update', { number: 4, patch: { title: 'Nog eens' } });
    const next = chair.send({ to: secretary.device });
    const tampered = Buffer.from(next);
    const at = tampered.indexOf('Nog eens');
    tampered[at] = 'M'.charCodeAt(0);
    refusedWith(secretary, tampered, /altered after it was signed/);
    refusedWith(secretary, next.subarray(0, next.length - 40), /incomplete or damaged/);
    const sealed = makeBundle(chair.reg, chair.profile, { to: secretary.device, passphrase: 'geheim wachtwoord' }).bytes;
    expect(sealed.includes(Buffer.from('Nog eens'))).toBe(false);
    refusedWith(secretary, sealed, /locked with a passphrase/);
    refusedWith(secretary, sealed, /passphrase does not open/, { passphrase: 'fout' });
    expect(secretary.receive(sealed, { passphrase: 'geheim wachtwoord' }).applied).toBe(1);
  });

  it('a newer schema, and a file that skips changes not seen here', () => {
    const { secretary, chair } = pair();
    secretary.take(chair.send());
    chair.call('dossier.update', { number: 4, patch: { title: 'Een' } });
    chair.call('dossier.update', { number: 4, patch: { title: 'Twee' } });
    const { body } = decodeBundle(chair.send({ to: secretary.device }));
    refusedWith(secretary, encodeBundle({ ...body, schema: body.schema + 1 }, chair.profile.device()), /newer TB-register .*update TB-register first/);
    refusedWith(secretary, encodeBundle({ ...body, changes: body.changes.slice(1) }, chair.profile.device()), /skips changes this register has not seen/);
  });

  it('a change listed twice, or with an impossible clock, even signed; a change dated far ahead needs a confirmation too', () => {
    const { secretary, chair } = pair();
    secretary.take(chair.send());
    chair.call('dossier.update', { number: 4, patch: { title: 'Een' } });
    const { body } = decodeBundle(chair.send({ to: secretary.device }));
    const device = chair.profile.device();
    const change = body.changes.at(-1)!;
    refusedWith(secretary, encodeBundle({ ...body, changes: [...body.changes, change] }, device), /holds change \d+ of device \w+ twice/);
    const impossible = { ...change, hlc: `9999999999999.99999.${change.device}` };
    refusedWith(secretary, encodeBundle({ ...body, changes: [...body.changes.slice(0, -1), impossible] }, device), /clock is impossible/);
    const stranger = { ...change, hlc: change.hlc.replace(/[0-9a-f]{12}$/, '000000000000') };
    refusedWith(secretary, encodeBundle({ ...body, changes: [...body.changes.slice(0, -1), stranger] }, device), /clock is impossible/);
    const ahead = { ...change, hlc: `${Date.parse('2027-06-01T00:00:00Z')}.00000.${change.device}` };
    const future = encodeBundle({ ...body, changes: [...body.changes.slice(0, -1), ahead] }, device);
    expect(secretary.preview(future).futureWarning).toBe('2027-06-01T00:00:00.000Z');
    refusedWith(secretary, future, /more than a day after this computer's clock/);
    // A byte order mark before the file (a mail program may add one) is not a damaged file.
    expect(secretary.receive(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), chair.send({ to: secretary.device })])).applied).toBe(1);
  });

  it('a conflict in a file that names what this register cannot read is left out, and the list still answers', () => {
    const { secretary, chair } = pair();
    secretary.take(chair.send());
    chair.call('dossier.update', { number: 4, patch: { title: 'Een' } });
    const { body } = decodeBundle(chair.send({ to: secretary.device }));
    const odd = { id: 'f'.repeat(32), kind: 'field' as const, table: 'dossier_ambition', uid: 'notjson', field: 'title; DROP TABLE dossier', versions: [], hlc: body.hlc, decided: null };
    const unknown = { ...odd, id: 'e'.repeat(32), table: 'sqlite_master', field: null };
    secretary.receive(encodeBundle({ ...body, conflicts: [odd, unknown] }, chair.profile.device()));
    expect(secretary.call('exchange.conflicts')).toEqual([]);
  });

  it('a file dated more than a day ahead is previewed with a warning and applied only when confirmed', () => {
    const secretary = secretaryLaptop();
    const chair = copyLaptop(secretary, CHAIR, fixedClock('2026-12-03T10:00:00'));
    open.push(secretary, chair);
    chair.call('dossier.update', { number: 4, patch: { title: 'Uit de toekomst' } });
    const bytes = chair.send();
    const preview = secretary.preview(bytes);
    expect(preview.futureWarning).toBe('2026-12-03T10:00:00.000Z');
    refusedWith(secretary, bytes, /more than a day after this computer's clock/, { pairCode: preview.from.fingerprint });
    expect(secretary.receive(bytes, { pairCode: preview.from.fingerprint, acceptFuture: true }).applied).toBe(1);
  });
});

describe('what merges by itself', () => {
  it('dated rows from both sides, fields changed on one side, and new items from both are all kept', () => {
    const { secretary, chair } = pair();
    chair.call('dossier.setPhase', { number: 4, state: { phase: 'implementatie' } });
    chair.call('dossier.update', { number: 5, patch: { title: 'Titel van de voorzitter' } });
    secretary.call('dossier.setPriority', { number: 4, priority: true, rank: 1 });
    secretary.call('dossier.update', { number: 5, patch: { description: 'Omschrijving van de secretaris' } });
    secretary.call('actiepunt.setStatus', { number: 1, status: 'afgerond' });
    const fromChair = chair.call('dossier.create', { title: 'Nieuw bij de voorzitter', phase });
    const fromSecretary = secretary.call('dossier.create', { title: 'Nieuw bij de secretaris', phase });
    // Both took the next number: the chair's is provisional ("nieuw, voorzitter"), the secretary's is not.
    expect(fromChair.number).toBe(fromSecretary.number);
    expect(chair.call('exchange.provisional').dossiers).toEqual([{ number: fromChair.number, by: 'voorzitter' }]);
    expect(secretary.call('exchange.provisional').dossiers).toEqual([]);
    secretary.take(chair.send({ to: secretary.device }));
    expect(secretary.call('exchange.provisional').dossiers).toEqual([]);
    exchangeAll(secretary, chair);
    expect(chair.call('exchange.provisional').dossiers).toEqual([]);
    expect(contentDump(chair.reg)).toEqual(contentDump(secretary.reg));
    for (const l of [secretary, chair]) {
      const d4 = l.call('dossier.get', { number: 4 });
      expect(d4.phase?.phase).toBe('implementatie');
      expect(d4.priorityRank).toBe(1);
      const d5 = l.call('dossier.get', { number: 5 });
      expect([d5.title, d5.description]).toEqual(['Titel van de voorzitter', 'Omschrijving van de secretaris']);
      expect(l.call('actiepunt.get', { number: 1 }).status).toBe('afgerond');
      // The secretary's number stays; the chair's dossier got the secretary's next one.
      expect(l.call('dossier.get', { number: fromSecretary.number }).title).toBe('Nieuw bij de secretaris');
      expect(l.call('dossier.get', { number: fromSecretary.number + 1 }).title).toBe('Nieuw bij de voorzitter');
    }
    // The chair's own trail of its dossier follows it to its new number.
    expect(chair.call('dossier.audit', { number: fromSecretary.number + 1 }).some((e) => e.call === 'dossier.create')).toBe(true);
    expect(conflictIds(secretary.reg)).toEqual([]);
  });

  it('long texts edited on both sides merge by lines where they can', () => {
    const { secretary, chair } = pair();
    secretary.call('dossier.update', { number: 4, patch: { description: 'Een\nTwee\nDrie\nVier' } });
    exchangeAll(secretary, chair);
    secretary.call('dossier.update', { number: 4, patch: { description: 'Een (secretaris)\nTwee\nDrie\nVier' } });
    chair.call('dossier.update', { number: 4, patch: { description: 'Een\nTwee\nDrie\nVier (voorzitter)' } });
    exchangeAll(secretary, chair);
    for (const l of [secretary, chair]) expect(l.call('dossier.get', { number: 4 }).description).toBe('Een (secretaris)\nTwee\nDrie\nVier (voorzitter)');
    expect(conflictIds(chair.reg)).toEqual([]);
    // The same line changed on both sides: both versions are shown, one is kept meanwhile.
    secretary.call('dossier.update', { number: 4, patch: { description: 'Een (secretaris)\nTwee S\nDrie\nVier (voorzitter)' } });
    chair.call('dossier.update', { number: 4, patch: { description: 'Een (secretaris)\nTwee V\nDrie\nVier (voorzitter)' } });
    exchangeAll(secretary, chair);
    expect(openConflicts(secretary.reg).map((c) => [c.kind, c.field])).toEqual([['field', 'description']]);
    expect(conflictIds(chair.reg)).toEqual(conflictIds(secretary.reg));
  });

  it('a file applied twice changes nothing, and a preview changes nothing', () => {
    const { secretary, chair } = pair();
    chair.call('dossier.update', { number: 4, patch: { title: 'Voorzitter' } });
    const bytes = chair.send();
    const before = dumpRegister(secretary.reg);
    const preview = secretary.preview(bytes);
    expect(preview.summary).toBe('1 wijziging van de voorzitter (Pieter Jansen), 0 conflicten');
    expect(preview.paired).toBe(false);
    expect(dumpRegister(secretary.reg)).toEqual(before);
    secretary.take(bytes);
    const once = dumpRegister(secretary.reg);
    expect(secretary.receive(bytes).summary).toBe('Niets nieuws van de voorzitter (Pieter Jansen).');
    expect(dumpRegister(secretary.reg)).toEqual(once);
  });
});

describe('what a person decides', () => {
  it('the same field changed on both sides: one conflict on both laptops, decided once, and the decision travels', () => {
    const { secretary, chair } = pair();
    secretary.call('dossier.update', { number: 4, patch: { title: 'Versie secretaris' } });
    chair.call('dossier.update', { number: 4, patch: { title: 'Versie voorzitter' } });
    const preview = secretary.preview(chair.send());
    expect(preview.summary).toBe('1 wijziging van de voorzitter (Pieter Jansen), 1 conflict');
    exchangeAll(secretary, chair);
    const [conflict] = openConflicts(secretary.reg);
    expect(conflict).toMatchObject({ kind: 'field', table: 'dossier', field: 'title' });
    expect(conflict!.versions.map((v) => [v.value, v.author?.role]).sort()).toEqual([
      ['Versie secretaris', 'secretaris'],
      ['Versie voorzitter', 'voorzitter'],
    ]);
    const hers = conflict!.versions.find((v) => v.author?.role === 'secretaris')!;
    expect(conflictIds(chair.reg)).toEqual([conflict!.id]);
    // Meanwhile both show the same (the later) version.
    expect(chair.call('dossier.get', { number: 4 }).title).toBe(secretary.call('dossier.get', { number: 4 }).title);
    // The secretary keeps her own version.
    const decided = secretary.call('exchange.decide', { id: conflict!.id, choice: 'version', hlc: hers.hlc });
    expect(decided.decided).toMatchObject({ choice: 'mine', by: { role: 'secretaris' } });
    exchangeAll(secretary, chair);
    for (const l of [secretary, chair]) {
      expect(l.call('dossier.get', { number: 4 }).title).toBe('Versie secretaris');
      expect(openConflicts(l.reg)).toEqual([]);
    }
  });

  it('a notitie removed on one side and edited on the other is kept, and listed', () => {
    const { secretary, chair } = pair();
    const m = secretary.call('meeting.create', { date: '2026-11-30', kind: 'regulier' });
    secretary.call('meeting.setState', { number: m.number, state: 'agenda_vastgesteld' });
    const opened = secretary.call('meeting.setState', { number: m.number, state: 'in_vergadering' }) as Meeting;
    const note = secretary.call('outcome.add', { item: opened.items[3]!.id, kind: 'notitie', text: 'Eerste versie' });
    exchangeAll(secretary, chair);
    const chairNote = (chair.call('meeting.get', { number: m.number }) as Meeting).items[3]!.outcomes[0]!;
    chair.call('outcome.update', { id: chairNote.id, patch: { text: 'Aangevuld door de voorzitter' } });
    secretary.call('outcome.remove', { id: note.id });
    exchangeAll(secretary, chair);
    for (const l of [secretary, chair]) {
      const outcomes = (l.call('meeting.get', { number: m.number }) as Meeting).items[3]!.outcomes;
      expect(outcomes.map((o) => o.text)).toEqual(['Aangevuld door de voorzitter']);
      expect(openConflicts(l.reg).map((c) => c.kind)).toEqual(['deleted']);
    }
    expect(contentDump(chair.reg)).toEqual(contentDump(secretary.reg));
  });

  it('a remark added on an agenda item the other side removed keeps the item', () => {
    const { secretary, chair } = pair();
    const m = secretary.call('meeting.create', { date: '2026-11-30', kind: 'regulier' });
    const item = secretary.call('agenda.add', { meeting: m.number, title: 'Extra punt' });
    secretary.call('meeting.setState', { number: m.number, state: 'agenda_vastgesteld' });
    secretary.call('meeting.setState', { number: m.number, state: 'in_vergadering' });
    exchangeAll(secretary, chair);
    const extra = (chair.call('meeting.get', { number: m.number }) as Meeting).items.find((i) => i.title === 'Extra punt')!;
    chair.call('outcome.add', { item: extra.id, kind: 'notitie', text: 'Opmerking van de voorzitter' });
    secretary.call('agenda.remove', { id: item.id });
    exchangeAll(secretary, chair);
    expect(contentDump(chair.reg)).toEqual(contentDump(secretary.reg));
    const kept = (secretary.call('meeting.get', { number: m.number }) as Meeting).items.find((i) => i.title === 'Extra punt');
    expect(kept?.outcomes.map((o) => o.text)).toEqual(['Opmerking van de voorzitter']);
    expect(openConflicts(secretary.reg).map((c) => c.kind)).toEqual(['deleted']);
  });
});

describe('rules the merged changes break together', () => {
  it('one rank given to two dossiers, and one agenda number twice, are listed on both laptops in words', () => {
    const { secretary, chair } = pair();
    const m = secretary.call('meeting.create', { date: '2026-12-15', kind: 'regulier' });
    exchangeAll(secretary, chair);
    chair.call('dossier.setPriority', { number: 2, priority: true, rank: 1 });
    secretary.call('dossier.setPriority', { number: 5, priority: true, rank: 1 });
    chair.call('agenda.add', { meeting: m.number, title: 'Punt van de voorzitter' });
    secretary.call('agenda.add', { meeting: m.number, title: 'Punt van de secretaris' });
    expect(secretary.preview(chair.send({ to: secretary.device })).summary).toMatch(/2 conflicten$/);
    exchangeAll(secretary, chair);
    for (const l of [secretary, chair]) {
      const listed = l.call('exchange.conflicts').filter((c) => c.kind === 'invariant');
      expect(listed.map((c) => invariantText(c.reason!, 'nl')).sort()).toEqual([
        `Agendapunt 8 staat twee keer op de agenda van ${m.number}; verplaats of verwijder er een.`,
        'Rang 1 is gegeven aan dossier 2 en dossier 5; geef de rangorde opnieuw.',
      ]);
      expect(listed.map((c) => c.subject).sort()).toEqual(['Prioriteiten', m.number]);
    }
    expect(conflictIds(chair.reg)).toEqual(conflictIds(secretary.reg));
    // Mended with the usual screens and marked as handled, on one laptop: the decision travels.
    const rank = secretary.call('exchange.conflicts').find((c) => c.subject === 'Prioriteiten')!;
    secretary.call('dossier.reorderPriorities', { numbers: [5, 2] });
    expect(() => secretary.call('exchange.decide', { id: rank.id, choice: 'version', hlc: rank.hlc })).toThrow(/put off or marked as handled/);
    secretary.call('exchange.decide', { id: rank.id, choice: 'edited' });
    exchangeAll(secretary, chair);
    expect(chair.call('exchange.conflicts').map((c) => c.subject)).toEqual([m.number]);
  });
});

describe('status', () => {
  it('names this device, its fingerprint, the peers and what each has not had', () => {
    const { secretary, chair } = pair();
    chair.call('dossier.update', { number: 4, patch: { title: 'Voorzitter' } });
    secretary.take(chair.send());
    secretary.call('dossier.update', { number: 5, patch: { title: 'Secretaris' } });
    const status = exchangeStatus(secretary.reg, secretary.profile);
    expect(status.numbering).toBe(true);
    expect(status.fingerprint).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(status.peers).toEqual([expect.objectContaining({ device: chair.device, role: 'voorzitter', paired: true, unsent: 1 })]);
    expect(status.lastReceipt).toMatchObject({ changes: 1, undoable: false, why: 'the register was changed after it' });
    expect(exchangeStatus(chair.reg, chair.profile).numbering).toBe(false);
  });
});
