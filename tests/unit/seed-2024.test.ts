// The seeded register against the annexes of the Jaarplan eHerkenning 2024, item by item.
// Each expected line below is itself checked against the source text, so a typo in the
// transcription fails as loudly as a typo in the seed.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPhase } from '../../shared/phase';
import type { Actiepunt, DossierSummary } from '../../shared/domain';
import { createSeededRegister, readSeed } from '../../electron/register/seed';
import { SEED_FILE, seededRegister, tempDir, type TestRegister } from '../support/register';
import { BIJLAGE_1, BIJLAGE_2, flat, source, squash } from '../support/jaarplan-2024';


const ownerCell = (a: Actiepunt) => (a.owners.length ? a.owners.join('/') : '-');
const deadlineCell = (a: Actiepunt) => a.deadline?.kind === 'text' ? a.deadline.text : a.deadline?.kind === 'date' ? a.deadline.date : (a.remarks ?? '-');

describe('the transcription itself matches the source document', () => {
  it('has every Bijlage 1 dossier line, phase and note in the source text', () => {
    for (const [number, title, phase, hoofddossier, note] of BIJLAGE_1) {
      expect(source, `dossier ${number}`).toContain(`${number}. ${title}`);
      if (note) expect(flat).toContain(note);
      // Outside the hoofddossier block the phase follows the title (and its note) on the page.
      if (!hoofddossier) expect(flat, `phase of dossier ${number}`).toContain(`${number}. ${title} ${note ? `${note} ` : ''}${phase} `);
    }
    // The hoofddossier block lists the phases of 6-12 in a column, in order.
    const block = source.slice(source.indexOf('12. Dienstenhiërarchie'), source.indexOf('13. Bevoegdhedenservice'));
    const column = block.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('12.'));
    expect(column).toEqual(BIJLAGE_1.filter(([, , , h]) => h).map(([, , phase]) => phase));
  });

  it('has every Bijlage 2 action point, sub-point and owner in the source text', () => {
    const annex = squash(source.slice(source.indexOf('Lijst met actiepunten\nActiepunt')));
    for (const [number, text, subPoints, owner] of BIJLAGE_2) {
      expect(annex, `actiepunt ${number}`).toContain(squash(`${number}. ${text.split('\n')[0]!.slice(0, 40)}`));
      for (const p of text.split('\n')) expect(annex).toContain(squash(p).slice(0, 60));
      for (const p of subPoints) expect(annex).toContain(`- ${squash(p)}`);
      if (owner !== '-') expect(annex).toContain(owner === 'Voorzitter/Secretaris' ? 'Voorzitter/ Secretaris' : owner);
    }
  });
});

describe('the seeded 2024 register', () => {
  let r: TestRegister;
  let dossiers: DossierSummary[];
  beforeAll(() => {
    r = seededRegister();
    dossiers = r.call('dossier.list', {});
  });
  afterAll(() => r.close());

  it('holds the jaarplan, its reference date and its five ambitions', () => {
    expect(r.call('jaarplan.get')).toEqual({
      year: 2024,
      title: 'Jaarplan eHerkenning 2024',
      board: 'Tactisch Beraad eTD',
      referenceDate: '2024-01-01',
      dossierSpaceUrl: 'https://wiki.eherkenning.nl/display/IntakeTeam/Intake+Team+Home',
      texts: expect.any(Object),
    });
    const ambitions = r.call('ambition.list');
    expect(ambitions.map((a) => [a.name, a.focus])).toEqual([
      ['Betrouwbaarheid', true], ['Voorbereid zijn', true], ['Groei', false], ['De gebruiker', false], ['Samenwerking', false],
    ]);
  });

  it('holds the annex texts word for word as the jaarplan prints them, paragraph by paragraph', () => {
    const { texts } = r.call('jaarplan.get');
    const paragraphs = (t: string) => t.split('\n\n');
    expect(paragraphs(texts.bijlage1Intro)).toHaveLength(2);
    expect(paragraphs(texts.bijlage2Intro)).toHaveLength(3);
    for (const text of Object.values(texts)) {
      for (const paragraph of paragraphs(text)) {
        expect(paragraph).not.toMatch(/\n/);
        expect(flat).toContain(paragraph);
      }
    }
    expect(texts.bijlage1OrderNote).toMatch(/^De volgorde van dossiers .* niet op basis van prioritering\.$/);
    expect(texts.bijlage1Footnote).toMatch(/^Dossiers in deze tabel .* o\.b\.v\. de dossiernaam\.$/);
  });

  it('holds all 15 dossiers of Bijlage 1 with their phase on 1-1-2024, hoofddossier and note', () => {
    const hoofddossiers = new Map(r.call('hoofddossier.list').map((h) => [h.id, h.title]));
    expect(dossiers).toHaveLength(15);
    for (const [number, title, phase, hoofddossier, note] of BIJLAGE_1) {
      const d = r.call('dossier.get', { number });
      expect(d.title).toBe(title);
      expect(formatPhase(d.phaseOnReference)).toBe(phase);
      expect(formatPhase(d.phase)).toBe(phase);
      expect(d.hoofddossierId === null ? null : hoofddossiers.get(d.hoofddossierId)).toBe(hoofddossier);
      expect(d.note).toBe(note);
      expect(d.priority).toBe(true); // Bijlage 1 is the list of priority dossiers
      expect(d.priorityRank).toBeNull(); // ordered by phase, "niet op basis van prioritering"
    }
  });

  it('links every dossier, the hoofddossier and the Intake space exactly as the list at the end of Bijlage 1', () => {
    const annexLinks = source.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('https://wiki.eherkenning.nl/'));
    const link = (n: number) => r.call('dossier.get', { number: n }).link;
    const ours = [
      ...[1, 2, 3, 4, 5].map(link),
      r.call('hoofddossier.list')[0]!.link,
      ...[6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map(link),
      r.call('jaarplan.get').dossierSpaceUrl,
    ];
    expect(ours).toEqual(annexLinks);
  });

  it('holds all 10 actiepunten of Bijlage 2 with sub-points, owners, deadlines and remarks', () => {
    const list = r.call('actiepunt.list', {});
    expect(list.map((a) => a.number)).toEqual(BIJLAGE_2.map(([n]) => n));
    for (const [number, text, subPoints, owner, deadline] of BIJLAGE_2) {
      const a = list.find((x) => x.number === number)!;
      expect(a.text).toBe(text);
      expect(a.subPoints).toEqual(subPoints);
      expect(ownerCell(a)).toBe(owner);
      expect(deadlineCell(a)).toBe(deadline);
      expect(a.status).toBe('open');
    }
    expect(list.find((a) => a.number === 3)!.dossier).toBe(4);
    expect(r.call('dossier.get', { number: 4 }).actiepunten).toEqual([3]);
  });

  it('answers "the phase of dossier N on date D" from the dated history', () => {
    expect(formatPhase(r.call('dossier.phaseOn', { number: 1, date: '2024-01-01' }))).toBe('(Afronding) Implementatie');
    expect(r.call('dossier.phaseOn', { number: 1, date: '2023-12-31' })).toBeNull();
    const onReference = r.call('dossier.phasesOn', { date: '2024-01-01' });
    expect(Object.keys(onReference).map(Number)).toEqual(BIJLAGE_1.map(([n]) => n));
    for (const [number, , phase] of BIJLAGE_1) expect(formatPhase(onReference[number]!)).toBe(phase);
  });

  it('keeps the old phase on old dates after a dated phase change', () => {
    const t = seededRegister();
    t.call('dossier.setPhase', { number: 4, state: { phase: 'refinement' }, date: '2024-03-15', note: 'Besproken in TB maart' });
    t.call('dossier.setPhase', { number: 4, state: { phase: 'implementatie' }, date: '2024-07-01' });
    t.call('dossier.setPhase', { number: 13, state: { phase: 'analyse', parked: false }, date: '2024-05-20' });
    const on = (number: number, date: string) => formatPhase(t.call('dossier.phaseOn', { number, date }));
    expect(on(4, '2024-01-01')).toBe('Analyse');
    expect(on(4, '2024-03-14')).toBe('Analyse');
    expect(on(4, '2024-03-15')).toBe('Refinement');
    expect(on(4, '2024-06-30')).toBe('Refinement');
    expect(on(4, '2024-07-01')).toBe('Implementatie');
    expect(on(13, '2024-05-19')).toBe('Geparkeerd');
    expect(on(13, '2024-05-20')).toBe('Analyse');
    const d4 = t.call('dossier.get', { number: 4 });
    expect(formatPhase(d4.phase)).toBe('Implementatie');
    expect(formatPhase(d4.phaseOnReference)).toBe('Analyse');
    const history = t.call('dossier.history', { number: 4 }).filter((h) => h.kind === 'phase');
    expect(history.map((h) => [h.date, h.kind === 'phase' && formatPhase(h.state), h.note])).toEqual([
      ['2024-01-01', 'Analyse', null],
      ['2024-03-15', 'Refinement', 'Besproken in TB maart'],
      ['2024-07-01', 'Implementatie', null],
    ]);
    // A change back-dated between two others slots into the history without touching today's phase.
    t.call('dossier.setPhase', { number: 4, state: { phase: 'analyse', parked: true }, date: '2024-05-01' });
    expect(on(4, '2024-05-01')).toBe('Geparkeerd (in Analysefase)');
    expect(formatPhase(t.call('dossier.get', { number: 4 }).phase)).toBe('Implementatie');
    t.close();
  });
});

describe('creating a seeded register file', () => {
  it('refuses to overwrite an existing file without force, replaces it with force, and leaves no temp files', () => {
    const dir = tempDir();
    const file = path.join(dir, 'register.sqlite');
    const seed = readSeed(SEED_FILE);
    createSeededRegister(file, seed);
    fs.writeFileSync(`${file}-wal`, 'stale log from an older register');
    expect(() => createSeededRegister(file, seed)).toThrow(/already exists; use --force/);
    createSeededRegister(file, seed, { force: true });
    expect(fs.readdirSync(dir).sort()).toEqual(['register.sqlite']);
  });
});
