// The C&R rapportage for a date, on the 2024 register after half a year of history: the report
// model's figures, then the docx and xlsx read back, then LibreOffice's PDF of both.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPhase } from '../../shared/phase';
import { rapportageDocument } from '../../shared/report/rapportage-layout';
import { buildRapportage, type Rapportage } from '../../shared/report/rapportage-model';
import { valueOn } from '../../shared/report/snapshot';
import { buildBijlage2 } from '../../shared/report/bijlage2-model';
import { readSnapshot } from '../../electron/register/snapshot';
import { runExport } from '../support/export';
import { flatten, readDocx, readXlsx, toPdf, type DocxFile } from '../support/office';
import { seededRegister, tempDir, type TestRegister } from '../support/register';

const DATE = '2024-07-01';
let r: TestRegister;

/** Half a year in the register: phase moves, priorities, a meeting, a new dossier and actiepunt. */
function liveAHalfYear(t: TestRegister) {
  t.call('meeting.create', { date: '2024-03-01', title: 'TB maart' });
  t.call('dossier.setPriority', { number: 9, priority: false, date: '2024-02-01' });
  t.call('dossier.setPriority', { number: 14, priority: false, date: '2024-02-01' });
  t.call('dossier.setPriority', { number: 4, priority: true, rank: 1, date: '2024-03-01' });
  t.call('dossier.setPriority', { number: 2, priority: true, rank: 2, date: '2024-03-01' });
  t.call('dossier.setPhase', { number: 4, state: { phase: 'refinement' }, date: '2024-03-15', note: 'Besproken in TB maart' });
  t.call('dossier.setPhase', { number: 4, state: { phase: 'implementatie' }, date: '2024-06-01' });
  t.call('dossier.setPhase', { number: 1, state: { phase: 'afgerond' }, date: '2024-04-10' });
  t.call('dossier.setPhase', { number: 13, state: { phase: 'analyse' }, date: '2024-05-20' });
  // After the report date: must not show.
  t.call('dossier.setPhase', { number: 3, state: { phase: 'implementatie' }, date: '2024-09-01' });
  t.call('dossier.create', { title: 'Nieuwe wens: inloggen met wallet', phase: { phase: 'nieuw' }, phaseDate: '2024-05-02', ambitions: ['groei'] });
  t.call('dossier.update', { number: 4, patch: { planning: 'Nieuw C&R-proces in gebruik in Q3 2024.', owner: 'Kolette' } });
  t.call('actiepunt.update', { number: 1, patch: { deadline: { kind: 'date', date: '2024-04-01' } } });
  t.call('actiepunt.setStatus', { number: 6, status: 'afgerond', date: '2024-06-15' });
  t.call('actiepunt.create', { text: 'Planning wallet-pilot delen met het TB.', owners: ['Logius'], statusDate: '2024-05-05' });
}

beforeAll(() => {
  r = seededRegister();
  liveAHalfYear(r);
});
afterAll(() => r.close());

describe('the report model', () => {
  let model: Rapportage;
  beforeAll(() => {
    model = r.reg.db.transaction(() => buildRapportage(readSnapshot(r.reg), DATE))();
  });

  it('measures against the last meeting before the date, and counts phases on the reference date and now', () => {
    expect(model.lastReport).toMatchObject({ date: '2024-03-01', number: 'TB-2024-01', title: 'TB maart' });
    expect(model.since).toBe('2024-03-01');
    expect(model.counts.map((c) => [c.bucket, c.onReference, c.now])).toEqual([
      ['nieuw', 1, 2],
      ['analyse', 5, 5],
      ['refinement', 2, 2],
      ['implementatie', 2, 2],
      ['afgerond', 0, 1],
      ['geparkeerd', 5, 4],
    ]);
  });

  it('lists what moved since the last meeting, the new dossier included, and nothing after the date', () => {
    expect(model.moved.map((m) => [m.number, m.from && formatPhase(m.from), formatPhase(m.to), m.date])).toEqual([
      [1, '(Afronding) Implementatie', 'Afgerond', '2024-04-10'],
      [4, 'Analyse', 'Implementatie', '2024-06-01'],
      [13, 'Geparkeerd', 'Analyse', '2024-05-20'],
      [16, null, 'Nieuw', '2024-05-02'],
    ]);
  });

  it('orders priority dossiers by rank, then number, and lists every dossier in its section: active (the others), backlog, parked and done', () => {
    expect(model.priority.map((d) => d.number)).toEqual([4, 2, 1, 3, 5, 6, 7, 8, 10, 11, 12, 13, 15]);
    expect(model.active.map((d) => d.number)).toEqual([9]);
    expect(model.backlog.map((d) => d.number)).toEqual([15, 16]);
    // Issue 13: the parked and finished sections left out priority dossiers ("Geparkeerde dossiers:
    // Geen." while four were parked, "Afgeronde dossiers: Geen." while dossier 1 had finished).
    expect(model.parked.map((d) => d.number)).toEqual([10, 11, 12, 14]);
    expect(model.done.map((d) => d.number)).toEqual([1]);
    const d4 = model.priority[0]!;
    expect(d4.history.map((h) => [h.date, formatPhase(h.value), h.note])).toEqual([
      ['2024-01-01', 'Analyse', null],
      ['2024-03-15', 'Refinement', 'Besproken in TB maart'],
      ['2024-06-01', 'Implementatie', null],
    ]);
    expect(d4.actiepunten).toEqual([{ number: 3, text: expect.stringMatching(/^Change & Release Proces/), status: 'open' }]);
    expect(d4.ambitions).toEqual(['Betrouwbaarheid']);
    expect(formatPhase(model.priority.find((d) => d.number === 3)!.phase)).toBe('Refinement');
  });

  it('writes Dutch that agrees in number: "1 dossier is", "2 dossiers zijn"', () => {
    const summary = (m: Rapportage) =>
      rapportageDocument(m)
        .blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => (typeof r === 'string' ? r : r.text)).join('')] : []))
        .find((t) => t.includes('prioriteit van het TB'))!;
    expect(summary({ ...model, priority: model.priority.slice(0, 1), moved: model.moved.slice(0, 1) })).toMatch(/ 1 dossier heeft prioriteit van het TB; 1 dossier is sinds /);
    expect(summary(model)).toMatch(/ 13 dossiers hebben prioriteit van het TB; \d+ dossiers zijn sinds /);
  });

  it('gives Bijlage 2 for a date what existed on that date, with its status then (issue 13)', () => {
    const on = (date: string) => r.reg.db.transaction(() => buildBijlage2(readSnapshot(r.reg), date))();
    // Actiepunt 11 first exists on 05-05-2024: not on the list of 01-03-2024.
    expect(on('2024-03-01').rows.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(on('2024-07-01').rows.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(on('2024-03-01').rows.find((a) => a.number === 6)!.status).toBe('open');
    expect(on('2024-07-01').rows.find((a) => a.number === 6)!.status).toBe('afgerond');
  });

  it('counts the actiepunten: done, overdue and new since the last meeting', () => {
    expect(model.actiepunten.counts).toEqual({ open: 10, in_uitvoering: 0, afgerond: 1, vervallen: 0, overdue: 1, new: 1 });
    expect(model.actiepunten.rows.filter((a) => a.overdue).map((a) => a.number)).toEqual([1]);
    expect(model.actiepunten.rows.filter((a) => a.isNew).map((a) => a.number)).toEqual([11]);
  });

  it('builds the ambition matrix from every dossier, those that serve no ambition with no mark (issue 13)', () => {
    expect(model.matrix).toHaveLength(16);
    expect(model.matrix.filter((m) => m.serves.some(Boolean)).map((m) => [m.number, m.serves])).toEqual([
      [2, [true, false, false, false, false]],
      [3, [true, false, false, false, false]],
      [4, [true, false, false, false, false]],
      [5, [false, true, false, false, false]],
      [16, [false, false, true, false, false]],
    ]);
    expect(model.matrix.filter((m) => !m.serves.some(Boolean)).map((m) => m.number)).toEqual([1, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('reads "phase on a date" exactly as the register\'s SQL does, on every date of the history', () => {
    const snapshot = r.reg.db.transaction(() => readSnapshot(r.reg))();
    for (const date of ['2023-12-31', '2024-01-01', '2024-03-14', '2024-03-15', '2024-05-20', '2024-06-30', '2024-09-01', '2026-11-30']) {
      const sql = r.call('dossier.phasesOn', { date });
      const ours = Object.fromEntries(snapshot.dossiers.map((d) => [d.number, valueOn(d.phases, date)]));
      expect(ours, date).toEqual(sql);
    }
  });
});

describe('the exported rapportage', () => {
  let out: string;
  let doc: DocxFile;
  const file = (ext: string) => path.join(out, `cr-rapportage-${DATE}.${ext}`);

  beforeAll(async () => {
    out = tempDir();
    const job = await runExport(r, { what: ['rapportage'], formats: ['docx', 'xlsx'], date: DATE, outDir: out });
    expect(job.files).toEqual([file('docx'), file('xlsx')]);
    doc = await readDocx(file('docx'));
  });

  it('has the report structure as Word headings, the priority dossiers as sub-headings in rank order', () => {
    const h1 = doc.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(h1).toEqual([
      'Samenvatting', 'Dossiers met prioriteit', 'Overige actieve dossiers', 'Backlog: nieuwe dossiers',
      'Geparkeerde dossiers', 'Afgeronde dossiers', 'Bijdrage aan de ambities', 'Actiepunten',
    ]);
    const h2 = doc.paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text);
    expect(h2.slice(0, 4)).toEqual(['Wat is er bewogen sinds 01-03-2024', 'Prioriteiten sinds 01-03-2024', 'Actiepunten in het kort', '4. Change & Release proces vernieuwen']);
    expect(h2).toContain('2. Verplichtstellen 2FA');
    // No forced page breaks (issue 13: the one before this heading left page 1 mostly empty).
    expect(doc.paragraphs.filter((p) => p.pageBreakBefore)).toEqual([]);
    expect(doc.parts['docProps/core.xml']).toContain('<dc:title>Change &amp; Release rapportage 01-07-2024 – Tactisch Beraad eTD</dc:title>');
  });

  it('summarises the phases, what moved and the actiepunten in figures', () => {
    const [counts, moved] = doc.tables;
    expect(counts!.rows).toEqual([
      ['Voortgangsfase', 'Op 01-01-2024', 'Op 01-07-2024', 'Verschil'],
      ['Nieuw', '1', '2', '+1'],
      ['Analyse', '5', '5', '0'],
      ['Refinement', '2', '2', '0'],
      ['Implementatie', '2', '2', '0'],
      ['Afgerond', '0', '1', '+1'],
      ['Geparkeerd', '5', '4', '-1'],
      ['Totaal', '15', '16', ''],
    ]);
    expect(moved!.rows.slice(1)).toEqual([
      ['1. Ondersteunen restgroepen (TRR)', '(Afronding) Implementatie', 'Afgerond', '10-04-2024'],
      ['4. Change & Release proces vernieuwen', 'Analyse', 'Implementatie', '01-06-2024'],
      ['13. Bevoegdhedenservice (.KvK)', 'Geparkeerd', 'Analyse', '20-05-2024'],
      ['16. Nieuwe wens: inloggen met wallet', 'Nieuw dossier', 'Nieuw', '02-05-2024'],
    ]);
    expect(doc.paragraphs.map((p) => p.text)).toContain('10 open, 0 in uitvoering, 1 afgerond, 0 vervallen; 1 over de deadline en 1 nieuw sinds 01-03-2024.');
  });

  it('explains a priority dossier at length: facts, planning, dated history and its actiepunten', () => {
    const start = doc.body.findIndex((b) => 'style' in b && b.text === '4. Change & Release proces vernieuwen');
    const section = doc.body.slice(start + 1, start + 8);
    const facts = section[0] as DocxFile['tables'][number];
    expect(facts.headerRows).toBe(0);
    expect(facts.rows).toEqual([
      ['Voortgangsfase nu', 'Implementatie'],
      ['Voortgangsfase op 01-01-2024', 'Analyse'],
      ['Prioriteit', 'Ja, rang 1'],
      ['Eigenaar', 'Kolette'],
      ['Ambities', 'Betrouwbaarheid'],
      ['Planning', 'Nieuw C&R-proces in gebruik in Q3 2024.'],
      ['Dossierpagina', 'https://wiki.eherkenning.nl/pages/viewpage.action?pageId=135037784&src=contextnavpagetreemode'],
    ]);
    const texts = section.slice(1).map((b) => ('text' in b ? [b.text, b.listItem] : null));
    expect(texts).toEqual([
      [expect.stringMatching(/^Toelichting: Dit is eveneens een actie vanuit het TB/), false],
      ['Verloop', false],
      ['01-01-2024: Analyse', true],
      ['15-03-2024: Refinement – Besproken in TB maart', true],
      ['01-06-2024: Implementatie', true],
      ['Actiepunten', false],
    ]);
  });

  it('has the other dossiers, the ambition matrix and the actiepunten as tables', () => {
    const byHeader = (first: string) => doc.tables.filter((t) => t.rows[0]![0] === first);
    const [active, backlog, parked, done] = byHeader('Dossier').filter((t) => t.rows[0]!.length === 4 && t.rows[0]![1] === 'Fase nu');
    expect(active!.rows.slice(1)).toEqual([['9. Organisatiewissel zonder gebruiker interactie', 'Analyse', 'Analyse', '-']]);
    expect(backlog!.rows.slice(1)).toEqual([
      ['15. Meerdere Dienstafnemers in één response bericht (prioriteit, zie hierboven)', 'Nieuw', 'Nieuw', '01-01-2024'],
      ['16. Nieuwe wens: inloggen met wallet', 'Nieuw', '-', '02-05-2024'],
    ]);
    expect(parked!.rows.slice(1).map((r) => r[0])).toEqual([
      '10. RSIN/BSN intermediair leveren bij ketenmachtiging (prioriteit, zie hierboven)',
      expect.stringMatching(/^11\. .* \(prioriteit, zie hierboven\)$/),
      expect.stringMatching(/^12\. .* \(prioriteit, zie hierboven\)$/),
      '14. Ondersteuning Notaris t.b.v. Kadaster',
    ]);
    expect(parked!.rows.at(-1)).toEqual(['14. Ondersteuning Notaris t.b.v. Kadaster', 'Geparkeerd', 'Geparkeerd', '01-01-2024']);
    expect(done!.rows.slice(1)).toEqual([['1. Ondersteunen restgroepen (TRR) (prioriteit, zie hierboven)', 'Afgerond', '(Afronding) Implementatie', '10-04-2024']]);
    const matrix = doc.tables.find((t) => t.rows[0]![1] === 'Betrouwbaarheid*')!;
    expect(matrix.rows.at(-1)).toEqual(['Aantal dossiers', '3', '1', '1', '0', '0']);
    const actions = byHeader('Actiepunt')[0]!;
    expect(actions.rows[1]).toEqual(['1. Vragen rond ‘identificatie op afstand’ oplossen.', 'Logius/BZK', '01-04-2024', 'Open, te laat']);
    expect(actions.rows[6]![3]).toBe('Afgerond');
    expect(actions.rows[11]).toEqual(['11. Planning wallet-pilot delen met het TB.', 'Logius', '-', 'Open, nieuw']);
    // Issue 13: the remark that stands where there is no deadline was lost as "-".
    expect(actions.rows[10]![2]).toBe('(Reeds in het TB ingebracht)');
  });

  it('has a workbook with a sheet per table, the phase history and the ambition matrix, dates as dates, priorities shaded', async () => {
    const book = await readXlsx(file('xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Samenvatting', 'Prioriteiten', 'Bewogen', 'Dossiers', 'Fasehistorie', 'Ambities', 'Actiepunten']);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toMatch(/^A1:[A-Z]+\d+$/);
    }
    const history = book.getWorksheet('Fasehistorie')!;
    const d4 = history.getRows(2, history.rowCount - 1)!.filter((row) => row.getCell(1).value === 4);
    expect(d4.map((row) => [row.getCell(3).value, row.getCell(4).value])).toEqual([
      [new Date(Date.UTC(2024, 0, 1)), 'Analyse'],
      [new Date(Date.UTC(2024, 2, 15)), 'Refinement'],
      [new Date(Date.UTC(2024, 5, 1)), 'Implementatie'],
    ]);
    expect(d4[0]!.getCell(3).numFmt).toBe('dd-mm-yyyy');
    const dossiers = book.getWorksheet('Dossiers')!;
    const row4 = dossiers.getRow(5);
    expect([row4.getCell(1).value, row4.getCell(3).value, row4.getCell(4).value, row4.getCell(10).value]).toEqual([4, 'Prioriteit', 1, 'Nieuw C&R-proces in gebruik in Q3 2024.']);
    expect((row4.getCell(2).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFF2CC');
    expect(dossiers.getRow(10).getCell(1).value).toBe(9);
    expect((dossiers.getRow(10).getCell(2).fill as { fgColor?: unknown } | undefined)?.fgColor).toBeUndefined();
    expect(book.getWorksheet('Ambities')!.getRow(1).values).toEqual([
      undefined, 'Nr.', 'Dossier', 'Betrouwbaarheid (focus)', 'Voorbereid zijn (focus)', 'Groei', 'De gebruiker', 'Samenwerking', 'Geen ambitie',
    ]);
    const actions = book.getWorksheet('Actiepunten')!;
    expect([actions.getCell('E2').value, actions.getCell('H2').value]).toEqual([new Date(Date.UTC(2024, 3, 1)), 'Ja']);
    expect(actions.getCell('F11').value).toBe('(Reeds in het TB ingebracht)');
  });

  it('opens in LibreOffice: both formats convert to PDF with the expected lines', () => {
    const pdfs = toPdf([file('docx'), file('xlsx')]);
    const word = flatten(pdfs.get(file('docx'))!.text);
    for (const line of [
      'Change & Release rapportage', 'Stand op 01-07-2024', 'Wat is er bewogen sinds 01-03-2024',
      '4. Change & Release proces vernieuwen', '15-03-2024: Refinement – Besproken in TB maart',
      '16. Nieuwe wens: inloggen met wallet', 'Bijdrage aan de ambities', 'Open, te laat',
    ]) expect(word).toContain(line);
    expect(word).toMatch(/Pagina 1 van \d+/);
    const excel = flatten(pdfs.get(file('xlsx'))!.text);
    expect(excel).toContain('Nieuwe wens: inloggen met wallet');
    expect(excel).toContain('15-03-2024');
  });
});
