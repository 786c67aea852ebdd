// The meeting pack (issue 13): the vergaderstukken of a meeting in one call, computed from a freeze
// of its own; the same freeze gives the same bytes, a change gives v2 beside v1, and after the
// meeting its besluitenlijst. Every document is read back, and opened by LibreOffice.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportJob } from '../../shared/exports';
import type { PackManifest } from '../../shared/pack';
import { ATTENDEES, CHAIR, livingRegister, movingClock, refused, SECRETARY, standing } from '../support/meetings';
import { flatten, readDocx, readXlsx, toPdf } from '../support/office';
import { spawnSync } from 'node:child_process';
import { createApi, handlerGroups } from '../../electron/api';
import { manifestFile, packFromFreeze, renderPackFile } from '../../electron/export/pack';
import { openRegister, type Register } from '../../electron/register/db';
import { MIGRATIONS } from '../../electron/register/migrations';
import { createSeededRegister, readSeed } from '../../electron/register/seed';
import { dumpRegister, ROOT, SEED_FILE, sha256, tempDir, type TestRegister } from '../support/register';

/** Starts a pack and follows it to its end, done or failed. */
async function follow(t: TestRegister, meeting: string, outDir: string, between?: () => void): Promise<ExportJob> {
  let job = t.call('meeting.pack', { meeting, outDir });
  between?.();
  while (job.state === 'running') {
    await new Promise((resolve) => setImmediate(resolve));
    job = t.call('export.status', { id: job.id });
  }
  return job;
}

async function pack(t: TestRegister, meeting: string, outDir: string): Promise<ExportJob> {
  const job = await follow(t, meeting, outDir);
  if (job.state === 'failed') throw new Error(`pack failed: ${JSON.stringify(job.error)}`);
  return job;
}

const createApiFor = (reg: Register) => createApi(reg, handlerGroups());
const manifestOf = (dir: string): PackManifest => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as PackManifest;
const docText = async (file: string) => (await readDocx(file)).body.map((b) => ('rows' in b ? b.rows.map((r) => r.join(' | ')).join('\n') : b.text)).join('\n');

/** A 2024 register that has lived: TB-2024-01 held and afgerond, changes after it, TB-2024-02 (an evaluatiemoment) vastgesteld. */
function livedUntilSecondMeeting() {
  const lived = livingRegister();
  const { t, time, profile } = lived;
  const m1 = t.call('meeting.create', { date: '2024-02-14', location: 'Den Haag' });
  const extra = t.call('agenda.add', { meeting: m1.number, title: 'Calamiteitenplan 2.0', purpose: 'besluitvorming', presenter: 'Logius', minutes: 20, proposal: 'Het TB stemt in met het Calamiteitenplan 2.0.', links: { dossiers: [4] } });
  time.set('2024-02-10T16:00:00');
  t.call('meeting.setState', { number: m1.number, state: 'agenda_vastgesteld' });
  time.set('2024-02-14T10:00:00');
  t.call('meeting.setState', { number: m1.number, state: 'in_vergadering' });
  profile.set(CHAIR);
  t.call('attendance.set', {
    meeting: m1.number,
    people: ATTENDEES,
  });
  t.call('outcome.add', { item: extra.id, kind: 'besluit', text: 'Het TB stemt in met het Calamiteitenplan 2.0.', dossier: 4 });
  t.call('outcome.add', { item: extra.id, kind: 'actiepunt', text: 'Oefening calamiteitenplan organiseren', owners: ['Logius'], deadline: { kind: 'date', date: '2024-04-01' }, dossier: 4 });
  t.call('outcome.add', { item: extra.id, kind: 'notitie', text: 'Voorzitter: oefening ook met dienstverleners.', dossier: 7 });
  t.call('actiepunt.setStatus', { number: 3, status: 'afgerond', date: '2024-02-14' });
  profile.set(SECRETARY);
  time.set('2024-02-15T09:00:00');
  t.call('meeting.setState', { number: m1.number, state: 'afgerond' });
  // Between the meetings: a phase moves on, an actiepunt arrives mid-year.
  time.set('2024-04-02T11:00:00');
  t.call('dossier.setPhase', { number: 6, state: { phase: 'implementatie' }, date: '2024-04-02' });
  t.call('actiepunt.create', { text: 'Voorstel voor de communicatie over de wallet', owners: ['Communicatie'], deadline: { kind: 'date', date: '2024-05-01' } });
  time.set('2024-05-01T09:00:00');
  const m2 = t.call('meeting.create', { date: '2024-05-15', kind: 'evaluatiemoment', location: 'Utrecht' });
  time.set('2024-05-06T15:00:00');
  t.call('meeting.setState', { number: m2.number, state: 'agenda_vastgesteld' });
  return { ...lived, m1, m2 };
}

describe('the meeting pack', () => {
  it('writes the vergaderstukken of an evaluatiemoment, numbered in agenda order, each read back and opened by LibreOffice', async () => {
    const { t, m1, m2 } = livedUntilSecondMeeting();
    const out = tempDir();
    const job = await pack(t, m2.number, out);
    const dir = path.join(out, 'TB-2024-02 2024-05-15', 'v1');
    expect(job.pack).toMatchObject({ meeting: m2.number, version: 1, kind: 'vergaderstukken', nagezonden: false, unchanged: false, folder: dir });
    expect(fs.readdirSync(dir).sort()).toEqual([
      '00 Agenda TB-2024-02.docx',
      '01 Besluitenlijst TB-2024-01 (concept).docx',
      '02 Actiepuntenlijst.docx',
      '02 Actiepuntenlijst.xlsx',
      '03 C&R-rapportage.docx',
      '03 C&R-rapportage.xlsx',
      '04 Bijlage 1 Lijst van dossiers met prioriteit.docx',
      '04 Bijlage 1 Lijst van dossiers met prioriteit.xlsx',
      '05 Wijzigingen sinds TB-2024-01.docx',
      'manifest.json',
    ]);
    expect(job.files.map((f) => path.basename(f)).sort()).toEqual(fs.readdirSync(dir).sort());
    // The manifest: every file with its hash, the meeting, the frozen state, the app.
    const manifest = manifestOf(dir);
    expect(manifest).toMatchObject({ app: { name: 'TB-register' }, meeting: { number: m2.number, date: '2024-05-15', kind: 'evaluatiemoment' }, version: 1, nagezonden: false, comparedWith: null });
    expect(manifest.frozen.hash).toMatch(/^[0-9a-f]{64}$/);
    for (const f of manifest.files) expect(sha256(path.join(dir, f.name)), f.name).toBe(f.sha256);
    expect(manifest.files).toHaveLength(9);

    // The agenda: heading, then the items in the order the TB takes them, with their pack files.
    const agenda = await readDocx(path.join(dir, '00 Agenda TB-2024-02.docx'));
    expect(agenda.paragraphs.slice(0, 4).map((p) => p.text)).toEqual(['Agenda', `${t.call('jaarplan.get').board} – TB-2024-02`, '15-05-2024, Utrecht', 'Evaluatiemoment']);
    const rows = agenda.tables[0]!.rows.slice(1);
    const m2now = t.call('meeting.get', { number: m2.number });
    const items = m2now.items;
    expect(rows.map((r) => r[0])).toEqual(items.map((i) => `${i.number}.`));
    expect(rows.map((r) => r[1]!.split('\n')[0])).toEqual(items.map((i) => i.title));
    const besluitenlijstRow = rows[items.indexOf(standing(m2now, 'besluitenlijst'))]!;
    expect(besluitenlijstRow[1]).toContain('Stukken: 01 Besluitenlijst TB-2024-01 (concept).docx');
    expect(besluitenlijstRow[2]).toBe('ter besluitvorming');
    expect(besluitenlijstRow[3]).toBe('Secretaris');

    // The previous meeting's besluitenlijst, as it stands: a concept, its besluit numbered, who was there.
    const previous = await docText(path.join(dir, '01 Besluitenlijst TB-2024-01 (concept).docx'));
    expect(previous).toContain('Besluitenlijst TB-2024-01 (concept)');
    expect(previous).toContain('Concept: deze besluitenlijst wordt vastgesteld');
    expect(previous).toContain('Kees Smit | Leveranciers | Vervangen door Joost Mulder');
    expect(previous).toContain('B-2024-01 Het TB stemt in met het Calamiteitenplan 2.0.');
    expect(previous).toContain('Actiepunt 11: Oefening calamiteitenplan organiseren (eigenaar: Logius, deadline: 01-04-2024)');
    expect(previous).toContain('Actiepunt 3:');
    expect(previous).toMatch(/Dossier 7: Voorzitter: oefening ook met dienstverleners\./);
    expect(m1.number).toBe('TB-2024-01');

    // The actiepuntenlijst on the meeting's date: status, nieuw and te laat, in Word and in Excel.
    const list = await readDocx(path.join(dir, '02 Actiepuntenlijst.docx'));
    const listRows = list.tables[0]!.rows;
    expect(listRows[0]).toEqual(['Actiepunt', 'Eigenaar', 'Deadline', 'Status']);
    expect(listRows.find((r) => r[0]!.startsWith('3. '))![3]).toBe('Afgerond');
    expect(listRows.find((r) => r[0]!.startsWith('12. '))![3]).toBe('Open\nnieuw, te laat');
    const book = await readXlsx(path.join(dir, '02 Actiepuntenlijst.xlsx'));
    const sheet = book.getWorksheet('Actiepunten')!;
    const late = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === 12)!;
    expect([late.getCell(7).value, late.getCell(8).value, late.getCell(9).value]).toEqual(['Open', 'Ja', 'Ja']);
    expect((late.getCell(2).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFF2CC');

    // What changed since TB-2024-01, with when and by whom.
    const changes = await docText(path.join(dir, '05 Wijzigingen sinds TB-2024-01.docx'));
    expect(changes).toMatch(/Dossier 6: .*implementatie.* \| 02-04-2024 \| Sanne de Vries/i);
    expect(changes).toMatch(/Nieuw actiepunt 12: Voorstel voor de communicatie over de wallet.* \| 02-04-2024 \| Sanne de Vries/);

    // Every document opens in LibreOffice, and reads there as it does here.
    const pdfs = toPdf(manifest.files.map((f) => path.join(dir, f.name)));
    const agendaPdf = flatten(pdfs.get(path.join(dir, '00 Agenda TB-2024-02.docx'))!.text);
    let at = 0;
    for (const i of items) {
      const found = agendaPdf.indexOf(flatten(i.title).slice(0, 30), at);
      expect(found, `agenda item ${i.number} in order in the PDF`).toBeGreaterThanOrEqual(at);
      at = found;
    }
    expect(flatten(pdfs.get(path.join(dir, '01 Besluitenlijst TB-2024-01 (concept).docx'))!.text)).toContain('B-2024-01 Het TB stemt in met het Calamiteitenplan 2.0.');
    expect(flatten(pdfs.get(path.join(dir, '05 Wijzigingen sinds TB-2024-01.docx'))!.text)).toContain('Sanne de Vries');
    for (const [file, pdf] of pdfs) expect(pdf.pages, file).toBeGreaterThan(0);
  }, 180_000);

  it('makes byte-identical files from the same freeze, on any later day; a change makes v2 beside v1, which says what differs', async () => {
    const { t, time, m2 } = livedUntilSecondMeeting();
    const out = tempDir();
    await pack(t, m2.number, out);
    const v1 = path.join(out, 'TB-2024-02 2024-05-15', 'v1');
    const first = manifestOf(v1);

    // Asked again with nothing changed: the same version stands, nothing is written.
    time.set('2024-05-08T09:00:00');
    const again = await pack(t, m2.number, out);
    expect(again.pack).toMatchObject({ version: 1, unchanged: true });
    // Into another folder, a day later (and, for the zip entries' two-second clock, more than two
    // real seconds later): the same bytes.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const elsewhere = tempDir();
    time.set('2024-05-09T17:30:00');
    const copy = await pack(t, m2.number, elsewhere);
    expect(copy.pack).toMatchObject({ version: 1, unchanged: false });
    const v1b = path.join(elsewhere, 'TB-2024-02 2024-05-15', 'v1');
    expect(fs.readFileSync(path.join(v1b, 'manifest.json'), 'utf8')).toBe(fs.readFileSync(path.join(v1, 'manifest.json'), 'utf8'));
    for (const f of first.files) expect(sha256(path.join(v1b, f.name)), f.name).toBe(f.sha256);

    // A change in the register after the first pack: the next pack is v2 (nagezonden); v1 stays.
    time.set('2024-05-10T10:00:00');
    t.call('actiepunt.setStatus', { number: 12, status: 'afgerond', date: '2024-05-10' });
    const second = await pack(t, m2.number, out);
    const v2 = path.join(out, 'TB-2024-02 2024-05-15', 'v2');
    expect(second.pack).toMatchObject({ version: 2, nagezonden: true, folder: v2 });
    for (const f of first.files) expect(sha256(path.join(v1, f.name)), `v1 kept: ${f.name}`).toBe(f.sha256);
    const manifest2 = manifestOf(v2);
    expect(manifest2.nagezonden).toBe(true);
    expect(manifest2.frozen.hash).not.toBe(first.frozen.hash);
    expect(manifest2.comparedWith!.version).toBe(1);
    expect(manifest2.comparedWith!.changed).toEqual(expect.arrayContaining(['02 Actiepuntenlijst.docx', '02 Actiepuntenlijst.xlsx', '05 Wijzigingen sinds TB-2024-01.docx']));
    expect(manifest2.comparedWith!.same).toContain('01 Besluitenlijst TB-2024-01 (concept).docx');
    for (const f of manifest2.files) expect(sha256(path.join(v2, f.name)), f.name).toBe(f.sha256);

    // Without v1's folder at hand (v2 made elsewhere), the difference is worked out from v1's freeze.
    const third = tempDir();
    const v2elsewhere = await pack(t, m2.number, third);
    expect(v2elsewhere.pack!.comparedWith).toEqual(manifest2.comparedWith);
    expect(fs.readdirSync(path.join(third, 'TB-2024-02 2024-05-15'))).toEqual(['v2']);
  }, 180_000);

  it('makes a kept version again from its freeze alone, a year later, byte for byte', async () => {
    const { t, time, m2 } = livedUntilSecondMeeting();
    const out = tempDir();
    await pack(t, m2.number, out);
    const v1 = path.join(out, 'TB-2024-02 2024-05-15', 'v1');
    // A year of changes later, the register's freeze of version 1 still gives its files.
    time.set('2025-05-20T09:00:00');
    t.call('dossier.setPhase', { number: 5, state: { phase: 'implementatie' }, date: '2025-05-20' });
    t.call('actiepunt.setStatus', { number: 1, status: 'afgerond', date: '2025-05-20' });
    const kept = packFromFreeze(t.reg, m2.number, 1)!;
    expect(kept.manifest.version).toBe(1);
    for (const file of kept.plan.files) {
      const data = await renderPackFile(kept.plan, file);
      expect(manifestFile(file.name, data).sha256, file.name).toBe(sha256(path.join(v1, file.name)));
    }
    expect(packFromFreeze(t.reg, m2.number, 2)).toBeNull();
  }, 60_000);

  it('after the meeting writes its besluitenlijst, a concept until the next meeting has vastgesteld it', async () => {
    const { t, time, m1, m2 } = livedUntilSecondMeeting();
    const out = tempDir();
    await pack(t, m2.number, out);
    time.set('2024-05-15T10:00:00');
    t.call('meeting.setState', { number: m2.number, state: 'in_vergadering' });
    t.call('meeting.setState', { number: m1.number, state: 'vastgesteld', approval: { by: m2.number, kind: 'ongewijzigd' } });
    const rapportage = standing(t.call('meeting.get', { number: m2.number }), 'rapportage');
    t.call('outcome.add', { item: rapportage.id, kind: 'besluit', text: 'Het TB bevestigt de prioriteiten.' });
    time.set('2024-05-16T09:00:00');
    t.call('meeting.setState', { number: m2.number, state: 'afgerond' });
    const after = await pack(t, m2.number, out);
    const dir = path.join(out, 'TB-2024-02 2024-05-15', 'v2');
    expect(after.pack).toMatchObject({ version: 2, kind: 'besluitenlijst', nagezonden: false });
    expect(fs.readdirSync(dir).sort()).toEqual(['Besluitenlijst TB-2024-02 (concept).docx', 'manifest.json']);
    const text = await docText(path.join(dir, 'Besluitenlijst TB-2024-02 (concept).docx'));
    expect(text).toContain('B-2024-02 De besluitenlijst van TB-2024-01 wordt ongewijzigd vastgesteld.');
    expect(text).toContain('B-2024-03 Het TB bevestigt de prioriteiten.');

    // The previous meeting, vastgesteld now, gets its definitive besluitenlijst: with the date and manner.
    const m1pack = await pack(t, m1.number, out);
    expect(m1pack.pack).toMatchObject({ version: 1, kind: 'besluitenlijst' });
    const final = await docText(path.join(out, 'TB-2024-01 2024-02-14', 'v1', 'Besluitenlijst TB-2024-01.docx'));
    expect(final).toContain('Vastgesteld in TB-2024-02 op 15-05-2024, ongewijzigd vastgesteld');
    expect(final).not.toContain('(concept)');
  }, 180_000);

  it('refuses a meeting whose agenda is not vastgesteld, and a folder that holds something else, leaving the register as it was', async () => {
    const { t, m2 } = livedUntilSecondMeeting();
    const out = tempDir();
    // Someone edited v1 after it was sent: the register does not write over it.
    await pack(t, m2.number, out);
    const v1 = path.join(out, 'TB-2024-02 2024-05-15', 'v1');
    fs.appendFileSync(path.join(v1, '00 Agenda TB-2024-02.docx'), 'x');
    let job = t.call('meeting.pack', { meeting: m2.number, outDir: out });
    while (job.state === 'running') {
      await new Promise((resolve) => setImmediate(resolve));
      job = t.call('export.status', { id: job.id });
    }
    expect(job).toMatchObject({ state: 'failed', files: [], error: { code: 'conflict', field: 'outDir' } });
    expect(fs.readdirSync(path.join(out, 'TB-2024-02 2024-05-15'))).toEqual(['v1']);
    const concept = t.call('meeting.create', { date: '2024-06-12' });
    expect(refused(t, 'meeting.pack', { meeting: concept.number, outDir: out })).toMatchObject({ code: 'conflict', field: 'meeting' });
    expect(refused(t, 'meeting.pack', { meeting: 'TB-2024-99', outDir: out })).toMatchObject({ code: 'not_found' });
    expect(refused(t, 'meeting.pack', { meeting: m2.number, outDir: path.join(out, 'absent') })).toMatchObject({ code: 'not_found', field: 'outDir' });
  }, 120_000);

  it('keeps a pack out of undo: what was sent cannot be taken back, and neither can what came before it', async () => {
    const { t, m2 } = livedUntilSecondMeeting();
    expect(t.call('register.undoState').undo).not.toBeNull();
    await pack(t, m2.number, tempDir());
    expect(t.call('register.undoState')).toEqual({ undo: null, redo: null });
  }, 60_000);

  it('upgrades a register of schema 8 that holds freezes (migration 0009 rebuilds meeting_freeze)', () => {
    const time = movingClock('2024-02-01T09:00:00');
    const file = path.join(tempDir(), 'register.sqlite');
    createSeededRegister(file, readSeed(SEED_FILE), { clock: time.clock, migrations: MIGRATIONS.slice(0, 8) });
    const old = openRegister(file, { clock: time.clock, migrations: MIGRATIONS.slice(0, 8) });
    const before = old.db.prepare('SELECT count(*) FROM freeze_entry').pluck().get() as number;
    old.db.prepare(`INSERT INTO meeting (number, year, seq, date, kind, state, created_at, updated_at) VALUES ('TB-2024-01', 2024, 1, '2024-02-14', 'regulier', 'concept', 'x', 'x')`).run();
    old.close();
    expect(before).toBeGreaterThan(0);
    const reg = openRegister(file, { clock: time.clock });
    expect(reg.schemaVersion).toBe(MIGRATIONS.length);
    expect(reg.db.pragma('foreign_key_check')).toEqual([]);
    expect(reg.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(reg.db.prepare('SELECT count(*) FROM freeze_entry').pluck().get()).toBe(before);
    expect(reg.db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'meeting_freeze'`).pluck().get()).toContain('parent_id INTEGER REFERENCES "meeting_freeze"(id)');
    reg.close();
  });

  it('leaves the register and the folder as they were when a job fails: the folder removed meanwhile, a file or a link in the way', async () => {
    const { t, m2 } = livedUntilSecondMeeting();
    const dump = dumpRegister(t.reg);
    // The chosen folder is removed while the pack is rendered (a USB stick pulled out): not made again.
    const gone = tempDir();
    const removed = await follow(t, m2.number, gone, () => fs.rmSync(gone, { recursive: true }));
    expect(removed).toMatchObject({ state: 'failed', files: [], error: { code: 'not_found', field: 'outDir' } });
    expect(fs.existsSync(gone)).toBe(false);
    // A file where the meeting's folder goes.
    const out = tempDir();
    fs.writeFileSync(path.join(out, 'TB-2024-02 2024-05-15'), 'iets anders');
    expect(await follow(t, m2.number, out)).toMatchObject({ state: 'failed', error: { code: 'conflict', field: 'outDir' } });
    // A dangling link where the version's folder goes.
    const linked = tempDir();
    fs.mkdirSync(path.join(linked, 'TB-2024-02 2024-05-15'));
    fs.symlinkSync(path.join(linked, 'nergens'), path.join(linked, 'TB-2024-02 2024-05-15', 'v1'));
    const link = await follow(t, m2.number, linked);
    expect(link).toMatchObject({ state: 'failed', error: { code: 'conflict', message: expect.stringContaining('is a link') } });
    expect(fs.readdirSync(path.join(linked, 'TB-2024-02 2024-05-15'))).toEqual(['v1']);
    // Nothing was kept: the register is as it was, undo included, and the next pack is version 1.
    expect(dumpRegister(t.reg)).toEqual(dump);
    expect(t.call('register.undoState').undo).not.toBeNull();
    fs.rmSync(path.join(out, 'TB-2024-02 2024-05-15'));
    expect((await pack(t, m2.number, out)).pack).toMatchObject({ version: 1, fresh: true });
  });

  it('makes no new version for a change that changes none of its documents', async () => {
    const { t, m2 } = livedUntilSecondMeeting();
    const out = tempDir();
    await pack(t, m2.number, out);
    t.call('dossier.setPhase', { number: 7, state: { phase: 'implementatie' }, date: '2024-05-06' });
    const v2 = await pack(t, m2.number, out);
    expect(v2.pack).toMatchObject({ version: 2, fresh: true });
    // Another meeting planned later, the agenda's attendance: the same documents, the same version.
    t.call('meeting.create', { date: '2024-06-12' });
    t.call('attendance.set', { meeting: m2.number, people: [{ name: 'Pieter Jansen', organisation: 'BZK' }] });
    expect((await pack(t, m2.number, out)).pack).toMatchObject({ version: 2, fresh: false, unchanged: true });
    expect(fs.readdirSync(path.join(out, 'TB-2024-02 2024-05-15'))).toEqual(['v1', 'v2']);
  });

  it('settles two packs started at once into one version, both done', async () => {
    const { t, m2 } = livedUntilSecondMeeting();
    const out = tempDir();
    const a = t.call('meeting.pack', { meeting: m2.number, outDir: out });
    const b = t.call('meeting.pack', { meeting: m2.number, outDir: out });
    let [ja, jb] = [a, b];
    while (ja.state === 'running' || jb.state === 'running') {
      await new Promise((resolve) => setImmediate(resolve));
      [ja, jb] = [t.call('export.status', { id: a.id }), t.call('export.status', { id: b.id })];
    }
    expect([ja.state, jb.state]).toEqual(['done', 'done']);
    expect([ja.pack!.version, jb.pack!.version]).toEqual([1, 1]);
    // Whichever settles first makes the version; the other finds it standing.
    const [first, second] = ja.pack!.fresh ? [ja, jb] : [jb, ja];
    expect([first.pack!.fresh, second.pack!.fresh, second.pack!.unchanged]).toEqual([true, false, true]);
    expect(fs.readdirSync(path.join(out, 'TB-2024-02 2024-05-15'))).toEqual(['v1']);
  });

  it('refuses a version folder whose files were taken out, even with its manifest edited to match', async () => {
    const { t, m2 } = livedUntilSecondMeeting();
    const out = tempDir();
    await pack(t, m2.number, out);
    const v1 = path.join(out, 'TB-2024-02 2024-05-15', 'v1');
    const manifest = manifestOf(v1);
    fs.rmSync(path.join(v1, '05 Wijzigingen sinds TB-2024-01.docx'));
    fs.writeFileSync(path.join(v1, 'manifest.json'), JSON.stringify({ ...manifest, files: manifest.files.filter((f) => !f.name.startsWith('05')) }, null, 2) + '\n');
    expect(await follow(t, m2.number, out)).toMatchObject({ state: 'failed', error: { code: 'conflict', field: 'outDir' } });
  });

  it('makes the same files in every time zone: the day of a moment is the day in the Netherlands', () => {
    // TB-2024-01 is closed at 23:30 UTC on 20 March, already the 21st in the Netherlands; an
    // actiepunt was due on the 20th. Whether it became "te laat" since then must not depend on
    // the laptop's time zone.
    const time = movingClock('2024-03-01T09:00:00Z');
    const file = path.join(tempDir(), 'register.sqlite');
    createSeededRegister(file, readSeed(SEED_FILE), { clock: time.clock });
    const reg = openRegister(file, { clock: time.clock });
    const t = { call: (name: string, input: unknown) => {
      const r = createApiFor(reg).invoke(name, input);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value as never;
    } };
    t.call('actiepunt.update', { number: 1, patch: { deadline: { kind: 'date', date: '2024-03-20' } } });
    const m1 = t.call('meeting.create', { date: '2024-03-20' }) as { number: string };
    t.call('meeting.setState', { number: m1.number, state: 'agenda_vastgesteld' });
    time.set('2024-03-20T10:00:00Z');
    t.call('meeting.setState', { number: m1.number, state: 'in_vergadering' });
    time.set('2024-03-20T23:30:00Z');
    t.call('meeting.setState', { number: m1.number, state: 'afgerond' });
    time.set('2024-04-01T09:00:00Z');
    const m2 = t.call('meeting.create', { date: '2024-04-10' }) as { number: string };
    t.call('meeting.setState', { number: m2.number, state: 'agenda_vastgesteld' });
    reg.close();
    const manifests = ['UTC', 'Asia/Tokyo', 'America/New_York'].map((zone) => {
      const copy = path.join(tempDir(), 'register.sqlite');
      fs.copyFileSync(file, copy);
      const out = tempDir();
      const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['electron/cli.ts', 'pack', '--db', copy, '--meeting', m2.number, '--out', out], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, TZ: zone, TB_REGISTER_HOME: tempDir() },
      });
      expect(run.status, run.stderr).toBe(0);
      return fs.readFileSync(path.join(out, `${m2.number} 2024-04-10`, 'v1', 'manifest.json'), 'utf8');
    });
    expect(manifests[1]).toBe(manifests[0]);
    expect(manifests[2]).toBe(manifests[0]);
  }, 60_000);
});
