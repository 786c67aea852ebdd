// Bijlage 1 and Bijlage 2 of the 2024 register, exported through the contract and read back:
// the docx's text and structure, the xlsx's cells and sheet settings, and the PDF LibreOffice makes.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import type { ExportJob } from '../../shared/exports';
import { BIJLAGE_1, BIJLAGE_2, flat, source } from '../support/jaarplan-2024';
import { flatten, readDocx, readXlsx, toPdf, type DocxFile } from '../support/office';
import { runExport } from '../support/export';
import { seededRegister, tempDir, type TestRegister } from '../support/register';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const A4_TEXT_WIDTH = 11_906 - 2 * 1_134;
const SOURCE_LINKS = source.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('https://wiki.eherkenning.nl/'));

let r: TestRegister;
let job: ExportJob;
let out: string;
const file = (name: string) => path.join(out, name);
let pdfs: ReturnType<typeof toPdf>;

beforeAll(async () => {
  r = seededRegister();
  out = tempDir();
  job = await runExport(r, { what: ['bijlage1', 'bijlage2'], formats: ['docx', 'xlsx'], outDir: out });
  pdfs = toPdf(job.files);
}, 120_000);
afterAll(() => r.close());

it('writes the four files under their documented names and nothing else', () => {
  expect(fs.readdirSync(out).sort()).toEqual([
    'bijlage-1-dossiers-met-prioriteit.docx',
    'bijlage-1-dossiers-met-prioriteit.xlsx',
    'bijlage-2-actiepunten.docx',
    'bijlage-2-actiepunten.xlsx',
  ]);
  expect(job).toMatchObject({ state: 'done', done: 8, total: 8, error: null });
});

/** Checks shared by both annexes: what a Word user expects of a real document. */
function expectWordQuality(doc: DocxFile, title: RegExp) {
  const core = doc.parts['docProps/core.xml']!;
  expect(core).toMatch(new RegExp(`<dc:title>${title.source}`));
  expect(core).toContain('<dc:language>nl-NL</dc:language>');
  expect(doc.parts['word/styles.xml']).toMatch(/<w:docDefaults>.*<w:lang w:val="nl-NL"\/>.*<\/w:docDefaults>/s);
  // A4 portrait, and every table fits between the margins.
  expect(doc.parts['word/document.xml']).toMatch(/<w:pgSz w:w="11906" w:h="16838"(?! w:orient="landscape")/);
  for (const t of doc.tables) {
    expect(t.gridWidths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(A4_TEXT_WIDTH);
    expect(t.layout).toBe('fixed');
    expect(t.headerRows).toBe(1);
  }
  // Page numbers in the footer, as fields Word updates.
  const footer = Object.entries(doc.parts).find(([name]) => /^word\/footer\d*\.xml$/.test(name))![1];
  expect(footer).toMatch(/PAGE/);
  expect(footer).toMatch(/NUMPAGES/);
  // No empty paragraphs used as spacing, in the body or in the table cells.
  for (const p of doc.paragraphs) expect(p.text.trim(), 'empty body paragraph').not.toBe('');
  for (const t of doc.tables) for (const row of t.cells) for (const cell of row) for (const p of cell) expect(p.text.trim()).not.toBe('');
  // Headings are real heading styles, so the navigation pane shows the structure.
  expect(doc.paragraphs.filter((p) => p.style === 'Heading1').length).toBeGreaterThanOrEqual(2);
}

describe('Bijlage 1 as docx', () => {
  let doc: DocxFile;
  beforeAll(async () => {
    doc = await readDocx(file('bijlage-1-dossiers-met-prioriteit.docx'));
  });

  it('opens with the title block and the two sections, headings as heading styles', () => {
    const lead = doc.paragraphs.slice(0, 7).map((p) => [p.style, p.text]);
    expect(lead).toEqual([
      ['Title', 'Bijlage 1'],
      ['Subtitle', 'Jaarplan eHerkenning 2024'],
      ['Subtitle', 'Tactisch Beraad eTD'],
      ['Subtitle', '‘Lijst van dossiers met prioriteit’'],
      ['Heading1', 'Vastlegging van dossiers'],
      [null, expect.stringMatching(/^Deze bijlage van het Jaarplan eHerkenning 2024 bevat de dossiers/)],
      [null, expect.stringMatching(/^De ondergenoemde voortgangsfase is de fase waarin het dossier zich bevindt op 1 januari 2024/)],
    ]);
    for (const p of doc.paragraphs.slice(5, 7)) expect(flat).toContain(p.text);
    expect(doc.paragraphs[7]).toMatchObject({ style: 'Heading1', text: 'Lijst van dossiers met prioriteit' });
    expect(doc.paragraphs[8]!.text).toBe('De volgorde van dossiers in dit overzicht is op basis van de voortgangsfase op 1-1-2024 en niet op basis van prioritering.');
    expectWordQuality(doc, /Bijlage 1 Lijst van dossiers met prioriteit/);
  });

  it('lists every dossier line, phase and note as the seed does, in the seed order, with the hoofddossier as a group heading', () => {
    expect(doc.tables).toHaveLength(1);
    const [header, ...rows] = doc.tables[0]!.rows;
    expect(header).toEqual(['Dossier', 'Voortgangsfase op 01-01-2024']);
    const expected: string[][] = [];
    for (const [number, title, phase, hoofddossier, note] of BIJLAGE_1) {
      if (hoofddossier && !expected.some((row) => row[0]!.startsWith('Hoofddossier'))) {
        expected.push([`Hoofddossier ${hoofddossier}\nOnder dit hoofddossier vallen o.a. de dossiers:`]);
      }
      expected.push([note ? `${number}. ${title}\n${note}` : `${number}. ${title}`, phase]);
    }
    expect(rows).toEqual(expected);
    // The group row spans the table.
    expect(doc.parts['word/document.xml']).toMatch(/<w:gridSpan w:val="2"\/>/);
  });

  it('keeps the footnote under the table and every link of the seed, in order, as real hyperlinks', () => {
    const afterTable = doc.body.slice(doc.body.indexOf(doc.tables[0]!) + 1) as Array<{ style: string; text: string }>;
    expect(afterTable[0]).toEqual(expect.objectContaining({ style: 'Small', text: expect.stringMatching(/^Dossiers in deze tabel zijn in te zien op Confluence/) }));
    expect(flat).toContain(afterTable[0]!.text);
    expect(afterTable[1]).toMatchObject({ style: 'Heading2', text: 'Links naar de dossiers' });
    const listed = afterTable.slice(2).map((p) => p.text.slice(p.text.indexOf('https://')));
    expect(listed).toEqual(SOURCE_LINKS);
    const rels = doc.parts['word/_rels/document.xml.rels']!;
    for (const link of SOURCE_LINKS) expect(rels).toContain(`Target="${link.replace(/&/g, '&amp;')}"`);
    expect(rels).toMatch(/TargetMode="External"/);
  });
});

describe('Bijlage 2 as docx', () => {
  let doc: DocxFile;
  beforeAll(async () => {
    doc = await readDocx(file('bijlage-2-actiepunten.docx'));
  });

  it('opens with the title block and the intro, word for word', () => {
    expect(doc.paragraphs.slice(0, 5).map((p) => p.text)).toEqual([
      'Bijlage 2', 'Jaarplan eHerkenning 2024', 'Tactisch Beraad eTD', '‘Lijst met actiepunten’', 'Vastlegging van actiepunten',
    ]);
    const intro = doc.paragraphs.slice(5, 8);
    expect(intro).toHaveLength(3);
    for (const p of intro) expect(flat).toContain(p.text);
    expect(doc.paragraphs[8]).toMatchObject({ style: 'Heading1', text: 'Lijst met actiepunten' });
    expectWordQuality(doc, /Bijlage 2 Lijst met actiepunten/);
  });

  it('has every action point with its sub-points as a real list inside the cell, owner, deadline and status', () => {
    const t = doc.tables[0]!;
    // Status (issue 13: without it a finished actiepunt looked open).
    expect(t.rows[0]).toEqual(['Actiepunt', 'Eigenaar', 'Deadline', 'Status']);
    expect(t.cells.slice(1)).toHaveLength(BIJLAGE_2.length);
    BIJLAGE_2.forEach(([number, text, subPoints, owner, deadline], i) => {
      const [what, who, when, status] = t.cells[i + 1]!;
      expect(what!.map((p) => [p.text, p.listItem])).toEqual([[`${number}. ${text}`, false], ...subPoints.map((s) => [s, true])]);
      expect(who!.map((p) => p.text)).toEqual([owner]);
      expect(when!.map((p) => p.text)).toEqual([deadline]);
      expect(status![0]!.text).toBe('Open');
    });
    // The list is a dash bullet list, as in the jaarplan.
    expect(doc.parts['word/numbering.xml']).toMatch(/<w:numFmt w:val="bullet"\/>.*<w:lvlText w:val="-"\/>/s);
  });
});

function expectSheetQuality(sheet: ExcelJS.Worksheet, columns: number, rows: number) {
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.autoFilter).toBe(`A1:${String.fromCharCode(64 + columns)}${rows + 1}`);
  expect(sheet.getRow(1).font?.bold).toBe(true);
  for (let c = 1; c <= columns; c++) {
    expect(sheet.getColumn(c).width).toBeGreaterThanOrEqual(6);
    expect(sheet.getCell(2, c).alignment).toMatchObject({ wrapText: true });
  }
  expect(sheet.rowCount).toBe(rows + 1);
}

describe('Bijlage 1 as xlsx', () => {
  it('has one sheet for the table, header frozen and filtered, each dossier with its hoofddossier, phase, note and link', async () => {
    const book = await readXlsx(file('bijlage-1-dossiers-met-prioriteit.xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Dossiers met prioriteit', 'Toelichting']);
    expect(book.title).toBe('Bijlage 1 Lijst van dossiers met prioriteit – Jaarplan eHerkenning 2024');
    const sheet = book.worksheets[0]!;
    expectSheetQuality(sheet, 6, 15);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Nr.', 'Dossier', 'Hoofddossier', 'Voortgangsfase op 01-01-2024', 'Toelichting', 'Link']);
    BIJLAGE_1.forEach(([number, title, phase, hoofddossier, note], i) => {
      const row = sheet.getRow(i + 2);
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value, row.getCell(4).value, row.getCell(5).value])
        .toEqual([number, title, hoofddossier, phase, note]);
    });
    // The link whole; its shown text fitted to the column, so the printed page does not cut it (issue 13).
    const link = sheet.getCell('F2').value as { text: string; hyperlink: string };
    expect(link.hyperlink).toBe(SOURCE_LINKS[0]);
    expect(link.text).toBe(`wiki.eherkenning.nl/…${SOURCE_LINKS[0]!.slice(-21)}`);
    const about = book.worksheets[1]!;
    expect(about.getCell('B5').value).toBe(r.call('jaarplan.get').texts.bijlage1Intro);
  });
});

describe('Bijlage 2 as xlsx', () => {
  it('has the action points with sub-points, owner, deadline, remarks, status and dossier in their own columns', async () => {
    const book = await readXlsx(file('bijlage-2-actiepunten.xlsx'));
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Actiepunten');
    expectSheetQuality(sheet, 10, 10);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Nr.', 'Actiepunt', 'Subpunten', 'Eigenaar', 'Deadline', 'Opmerking', 'Status', 'Nieuw', 'Te laat', 'Dossier']);
    BIJLAGE_2.forEach(([number, text, subPoints, owner], i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(number);
      expect(row.getCell(2).value).toBe(text);
      expect(row.getCell(3).value).toBe(subPoints.length ? subPoints.map((s) => `- ${s}`).join('\n') : null);
      expect(row.getCell(4).value).toBe(owner);
      expect(row.getCell(7).value).toBe('Open');
    });
    expect(sheet.getCell('E7').value).toBe('In elk TB');
    expect(sheet.getCell('F11').value).toBe('(Reeds in het TB ingebracht)');
    expect(sheet.getCell('J4').value).toBe(4);
  });
});

describe('in LibreOffice', () => {
  it('converts both annexes, both formats, to PDFs that hold every line', () => {
    const b1 = flatten(pdfs.get(file('bijlage-1-dossiers-met-prioriteit.docx'))!.text);
    expect(b1).toContain('Lijst van dossiers met prioriteit');
    expect(b1).toContain('Hoofddossier (Keten)Machtigingen');
    for (const [number, title, phase] of BIJLAGE_1) expect(b1).toMatch(new RegExp(`${number}\\. ${escape(title)} .*?${escape(phase)}`));
    expect(b1).toMatch(/Pagina 1 van 2/);
    const b2 = flatten(pdfs.get(file('bijlage-2-actiepunten.docx'))!.text);
    for (const [number, text, subPoints, owner] of BIJLAGE_2) {
      expect(b2).toContain(flatten(`${number}. ${text}`).slice(0, 50));
      for (const s of subPoints) expect(b2).toContain(flatten(s).slice(0, 40));
      if (owner !== '-') expect(b2.replace(/\/ /g, '/')).toContain(owner);
    }
    for (const name of ['bijlage-1-dossiers-met-prioriteit.xlsx', 'bijlage-2-actiepunten.xlsx']) {
      const pdf = pdfs.get(file(name))!;
      expect(pdf.pages).toBeGreaterThanOrEqual(1);
      expect(flatten(pdf.text)).toContain(name.startsWith('bijlage-1') ? 'Verplichtstellen 2FA' : 'Calamiteitenplan 2.0');
    }
  });
});

describe('edited annex texts', () => {
  it('appear in the next export, paragraph by paragraph', async () => {
    const t = seededRegister();
    try {
      t.call('jaarplan.updateTexts', { texts: { bijlage2Intro: 'Eerste alinea.\n\nTweede alinea,\nmet een regelafbreking.' } });
      const dir = tempDir();
      await runExport(t, { what: ['bijlage2'], formats: ['docx'], outDir: dir });
      const doc = await readDocx(path.join(dir, 'bijlage-2-actiepunten.docx'));
      expect(doc.paragraphs.slice(4, 7).map((p) => [p.style, p.text])).toEqual([
        ['Heading1', 'Vastlegging van actiepunten'],
        [null, 'Eerste alinea.'],
        [null, 'Tweede alinea,\nmet een regelafbreking.'],
      ]);
    } finally {
      t.close();
    }
  });
});
