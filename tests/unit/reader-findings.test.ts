// What readers of the exported documents found (issue 13), one test per finding, on a register
// that has lived through half of 2024: renders read back, and the printed pages from LibreOffice.
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportJob } from '../../shared/exports';
import { runExport } from '../support/export';
import { flatten, readDocx, readXlsx, toPdf } from '../support/office';
import { seededRegister, tempDir, type TestRegister } from '../support/register';

const DATE = '2024-07-01';
let r: TestRegister;
let out: string;
let job: ExportJob;
const file = (name: string) => job.files.find((f) => path.basename(f) === name)!;

beforeAll(async () => {
  r = seededRegister();
  // Half a year: a meeting in March, priorities changed after it, an owner with a slash in its
  // name, formula-like text, a finished actiepunt, an overdue one.
  r.call('meeting.create', { date: '2024-03-01', title: 'TB maart' });
  r.call('dossier.setPriority', { number: 9, priority: false, date: '2024-04-15', note: 'Eerst de ketenmachtigingen.' });
  r.call('dossier.setPriority', { number: 4, priority: true, rank: 1, date: '2024-05-01' });
  r.call('dossier.update', { number: 6, patch: { link: 'https://wiki.eherkenning.nl/display/IntakeTeam/Verbeteren+discovery+service+met+een+heel+lange+naam+die+niet+op+een+regel+past' } });
  r.call('actiepunt.create', { text: '=HYPERLINK("http://example.org","klik") als tekst bewaren', owners: ['Programma/Ontvlechting', 'Logius'], deadline: { kind: 'date', date: '2024-06-01' }, statusDate: '2024-05-05' });
  r.call('actiepunt.setStatus', { number: 6, status: 'afgerond', date: '2024-06-15' });
  out = tempDir();
  job = await runExport(r, { what: ['bijlage1', 'bijlage2', 'rapportage'], formats: ['docx', 'xlsx'], date: DATE, outDir: out });
}, 60_000);
afterAll(() => r.close());

const sheetXml = (xlsx: string, sheet: number) => strFromU8(unzipSync(fs.readFileSync(xlsx))[`xl/worksheets/sheet${sheet}.xml`]!);

describe('what readers found, mended', () => {
  it('writes owners as the register spells them, and an owner with a slash does not become two', async () => {
    const doc = await readDocx(file('bijlage-2-actiepunten.docx'));
    const row = doc.tables[0]!.rows.find((cells) => cells[0]!.startsWith('11. '))!;
    expect(row[1]).toBe('Programma/Ontvlechting; Logius');
    expect(doc.tables[0]!.rows.find((cells) => cells[0]!.startsWith('1. '))![1]).toBe('Logius/BZK');
  });

  it('shows each actiepunt\'s status in the Word Bijlage 2, a finished one as Afgerond, an overdue one shaded', async () => {
    const doc = await readDocx(file('bijlage-2-actiepunten.docx'));
    const table = doc.tables[0]!;
    expect(table.rows[0]).toEqual(['Actiepunt', 'Eigenaar', 'Deadline', 'Status']);
    expect(table.rows.find((cells) => cells[0]!.startsWith('6. '))![3]).toBe('Afgerond');
    expect(table.rows.find((cells) => cells[0]!.startsWith('11. '))![3]).toBe('Open\nnieuw, te laat');
    const xml = doc.parts['word/document.xml']!;
    const row11 = xml.slice(xml.indexOf('11. =HYPERLINK'));
    expect(row11.slice(0, row11.indexOf('</w:tr>'))).toContain('w:fill="FFF2CC"');
  });

  it('writes every date as dd-mm-jjjj, in headers too', async () => {
    const rapportage = await readDocx(file('cr-rapportage-2024-07-01.docx'));
    expect(rapportage.tables[0]!.rows[0]).toEqual(['Voortgangsfase', 'Op 01-01-2024', 'Op 01-07-2024', 'Verschil']);
    const bijlage1 = await readDocx(file('bijlage-1-dossiers-met-prioriteit.docx'));
    expect(bijlage1.tables[0]!.rows[0]).toEqual(['Dossier', 'Voortgangsfase op 01-01-2024']);
    for (const doc of [rapportage, bijlage1]) {
      const text = doc.body.map((b) => ('rows' in b ? b.rows.flat().join(' ') : b.text)).join(' ');
      // The jaarplan's own texts (stored as written) aside, no date without its leading zeros.
      expect(text.replace(/voortgangsfase op 1-1-2024 en niet/g, '')).not.toMatch(/(?<![\d-])\d-\d{1,2}-\d{4}/);
    }
  });

  it('reports the priority and rank changes since the last TB', async () => {
    const doc = await readDocx(file('cr-rapportage-2024-07-01.docx'));
    const heading = doc.paragraphs.find((p) => p.text === 'Prioriteiten sinds 01-03-2024');
    expect(heading?.style).toBe('Heading2');
    const table = doc.tables.find((t) => t.rows[0]!.join('|') === 'Dossier|Was|Nu|Datum')!;
    expect(table.rows.slice(1)).toEqual([
      ['4. Change & Release proces vernieuwen', 'prioriteit zonder rang', 'prioriteit, rang 1', '01-05-2024'],
      ['9. Organisatiewissel zonder gebruiker interactie\nEerst de ketenmachtigingen.', 'prioriteit zonder rang', 'geen prioriteit meer', '15-04-2024'],
    ]);
    const book = await readXlsx(file('cr-rapportage-2024-07-01.xlsx'));
    const sheet = book.getWorksheet('Prioriteiten')!;
    expect(sheet.getRow(3).values).toEqual([undefined, 9, 'Organisatiewissel zonder gebruiker interactie', 'prioriteit zonder rang', 'geen prioriteit meer', new Date(Date.UTC(2024, 3, 15)), 'Eerst de ketenmachtigingen.']);
  });

  it('holds every dossier in the ambition matrix, and says which serve no ambition', async () => {
    const doc = await readDocx(file('cr-rapportage-2024-07-01.docx'));
    const matrix = doc.tables.find((t) => t.rows[0]![1] === 'Betrouwbaarheid*')!;
    expect(matrix.rows.slice(1, -1)).toHaveLength(15);
    expect(matrix.rows.find((row) => row[0]!.startsWith('1. '))![0]).toBe('1. Ondersteunen restgroepen (TRR)\ngeen ambitie');
    const note = doc.paragraphs.find((p) => p.text.includes('aan geen ambitie bij'))!;
    expect(note.text).toMatch(/^11 van de 15 dossiers dragen \(nog\) aan geen ambitie bij\./);
  });

  it('forces no page break that leaves a page mostly empty', async () => {
    const rapportage = await readDocx(file('cr-rapportage-2024-07-01.docx'));
    expect(rapportage.paragraphs.filter((p) => p.pageBreakBefore)).toEqual([]);
  });

  it('keeps Bijlage 1\'s footnote on the page of its table', async () => {
    // The jaarplan's own day: all fifteen dossiers, the table filling page 1 to its foot.
    const seed = seededRegister();
    const annex = await runExport(seed, { what: ['bijlage1'], formats: ['docx'], date: '2024-01-01', outDir: tempDir() });
    seed.close();
    const docx = annex.files[0]!;
    const pages = toPdf([docx]).get(docx)!.text.split('\f').map(flatten);
    const last = pages.findIndex((p) => p.includes('15. Meerdere Dienstafnemers in één response bericht'));
    const footnote = pages.findIndex((p) => p.includes('Dossiers in deze tabel zijn in te zien op Confluence'));
    expect(last).toBeGreaterThanOrEqual(0);
    expect(footnote).toBe(last);
  }, 60_000);

  it('prints every sheet with a header (title, date) and a footer (page x of y)', () => {
    for (const [name, sheets] of [['bijlage-1-dossiers-met-prioriteit.xlsx', 2], ['bijlage-2-actiepunten.xlsx', 2], ['cr-rapportage-2024-07-01.xlsx', 7]] as const) {
      for (let i = 1; i <= sheets; i++) {
        const xml = sheetXml(file(name), i);
        expect(xml, `${name} sheet ${i}`).toMatch(/<oddHeader>&amp;L.*Stand op 01-07-2024<\/oddHeader>/);
        expect(xml, `${name} sheet ${i}`).toMatch(/<oddFooter>.*Pagina &amp;P van &amp;N<\/oddFooter>/);
      }
    }
    expect(sheetXml(file('cr-rapportage-2024-07-01.xlsx'), 1)).toContain('Change &amp;&amp; Release rapportage');
  });

  it('sizes rows to their text, and fits a long link to its column rather than cutting it off at the page edge', async () => {
    const book = await readXlsx(file('bijlage-1-dossiers-met-prioriteit.xlsx'));
    const sheet = book.getWorksheet('Dossiers met prioriteit')!;
    const rows = sheet.getRows(2, sheet.rowCount - 1)!;
    const row6 = rows.find((row) => row.getCell(1).value === 6)!;
    // The link, 121 characters in a column of 40, is shown as its host and its end; it points at the whole address.
    expect(row6.getCell(6).value).toEqual({
      text: 'wiki.eherkenning.nl/…iet+op+een+regel+past',
      hyperlink: 'https://wiki.eherkenning.nl/display/IntakeTeam/Verbeteren+discovery+service+met+een+heel+lange+naam+die+niet+op+een+regel+past',
    });
    // Rows as tall as their text: dossier 4's note (three lines at width 40), dossier 2 one line, no white gaps.
    expect(rows.find((row) => row.getCell(1).value === 4)!.height).toBe(3 * 14 + 2);
    expect(rows.find((row) => row.getCell(1).value === 2)!.height ?? 15).toBeLessThanOrEqual(15);
    // And on the printed page the link's shown text is there whole.
    const pdf = toPdf([file('bijlage-1-dossiers-met-prioriteit.xlsx')]).get(file('bijlage-1-dossiers-met-prioriteit.xlsx'))!;
    expect(flatten(pdf.text)).toContain('wiki.eherkenning.nl/…iet+op+een+regel+past');
  }, 60_000);

  it('has totals on the Samenvatting sheet', async () => {
    const book = await readXlsx(file('cr-rapportage-2024-07-01.xlsx'));
    const sheet = book.getWorksheet('Samenvatting')!;
    const total = sheet.getRow(sheet.rowCount);
    expect(total.values).toEqual([undefined, 'Totaal', 15, 15, 0]);
  });

  it('shades Bijlage 2\'s overdue rows in Excel', async () => {
    const book = await readXlsx(file('bijlage-2-actiepunten.xlsx'));
    const sheet = book.getWorksheet('Actiepunten')!;
    const fill = (n: number) => (sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(1).value === n)!.getCell(2).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;
    expect(fill(11)).toBe('FFFFF2CC');
    expect(fill(6)).toBeUndefined();
  });

  it('stores formula-like text with Excel\'s quote prefix, so editing the cell keeps it text', () => {
    const parts = unzipSync(fs.readFileSync(file('bijlage-2-actiepunten.xlsx')));
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    const styles = strFromU8(parts['xl/styles.xml']!);
    const cell = /<c r="B12" s="(\d+)" t="str"><v>=HYPERLINK/.exec(sheet);
    expect(cell, 'the formula-like text is an inline string, not a formula').not.toBeNull();
    const xfs = [...strFromU8(parts['xl/styles.xml']!).slice(styles.indexOf('<cellXfs')).matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
    expect(xfs[Number(cell![1])]).toMatch(/quotePrefix="1"/);
    // Only such cells are marked: the actiepunt's plain text beside it is not.
    const plain = /<c r="B2" s="(\d+)"/.exec(sheet)!;
    expect(xfs[Number(plain[1])]).not.toMatch(/quotePrefix/);
  });
});
