// Texts that break office files or turn into formulas, in both formats: control characters never
// make a file Word, Excel or LibreOffice refuses (tab and newline survive), formula-like texts stay
// text, an over-long cell is cut with a visible marker, and emoji, accents and right-to-left text
// survive the round trip.
import fs from 'node:fs';
import path from 'node:path';
import { checkXml } from '../support/strict-xml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCEL_CELL_LIMIT } from '../../electron/export/clean-text';
import { renderDocx } from '../../electron/export/docx-writer';
import { renderXlsx } from '../../electron/export/xlsx-writer';
import { runExport } from '../support/export';
import { flatten, readDocx, readXlsx, toPdf, xlsxParts, type DocxFile } from '../support/office';
import { seededRegister, tempDir, type TestRegister } from '../support/register';

const WORLD = 'Émile & Zoë 🚀 — שלום עולם — مرحبا بالعالم';
const FORMULAS = ['=SUM(A1:A2)', '+31 6 12345678', '-2+3', '@beheer'];
const LONG_POINT = 'x'.repeat(1_990);

let r: TestRegister;
let out: string;
const file = (name: string) => path.join(out, name);

beforeAll(async () => {
  r = seededRegister();
  // Through the contract: what a user can type.
  r.call('dossier.update', { number: 4, patch: { title: `C&R ${WORLD}`, note: 'Eerste regel\nTweede regel\tmet tab' } });
  FORMULAS.forEach((text, i) => r.call('actiepunt.update', { number: i + 1, patch: { text, owners: [FORMULAS[(i + 1) % 4]!] } }));
  r.call('actiepunt.update', { number: 5, patch: { subPoints: Array.from({ length: 20 }, (_, i) => `${i}${LONG_POINT}`) } });
  // Past the contract: a register filled by another tool, or damaged, may hold anything.
  r.reg.db
    .prepare('UPDATE dossier SET title = ?, note = ? WHERE number = 2')
    .run('Verplicht\u0001stellen\u000b 2FA\u001f\uFFFE', '\t=HYPERLINK("https://example.org")');
  out = tempDir();
  await runExport(r, { what: ['bijlage1', 'bijlage2'], formats: ['docx', 'xlsx'], outDir: out });
});
afterAll(() => r.close());

describe('docx', () => {
  let b1: DocxFile;
  let b2: DocxFile;
  beforeAll(async () => {
    b1 = await readDocx(file('bijlage-1-dossiers-met-prioriteit.docx'));
    b2 = await readDocx(file('bijlage-2-actiepunten.docx'));
  });

  it('holds only characters XML allows, dropping the control characters and keeping the rest of the text', () => {
    for (const doc of [b1, b2]) for (const [name, xml] of Object.entries(doc.parts)) expect(() => checkXml(name, xml), name).not.toThrow();
    const rows = b1.tables[0]!.rows;
    expect(rows[2]![0]).toBe('2. Verplichtstellen 2FA\n\t=HYPERLINK("https://example.org")');
  });

  it('keeps tab and newline as a Word tab and line break, and emoji, accents and RTL text as typed', () => {
    expect(b1.tables[0]!.rows[4]![0]).toBe(`4. C&R ${WORLD}\nEerste regel\nTweede regel\tmet tab`);
    expect(b1.parts['word/document.xml']).toMatch(/Eerste regel<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t xml:space="preserve">Tweede regel<\/w:t><w:tab\/>/s);
  });

  it('writes formula-like texts and a long list as plain text', () => {
    const rows = b2.tables[0]!.cells.slice(1, 5);
    expect(rows.map((row) => [row[0]![0]!.text, row[1]![0]!.text])).toEqual(FORMULAS.map((f, i) => [`${i + 1}. ${f}`, FORMULAS[(i + 1) % 4]]));
    expect(b2.tables[0]!.cells[5]![0]!.filter((p) => p.listItem)).toHaveLength(20);
  });
});

describe('xlsx', () => {
  it('reads back every text as typed, as a string cell, never as a formula', async () => {
    const book = await readXlsx(file('bijlage-2-actiepunten.xlsx'));
    const sheet = book.getWorksheet('Actiepunten')!;
    FORMULAS.forEach((text, i) => {
      expect(sheet.getCell(i + 2, 2).value).toBe(text);
      expect(sheet.getCell(i + 2, 4).value).toBe(FORMULAS[(i + 1) % 4]);
      expect(sheet.getCell(i + 2, 2).formula).toBeUndefined();
    });
    for (const [name, xml] of Object.entries(await xlsxParts(file('bijlage-2-actiepunten.xlsx')))) {
      expect(xml, name).not.toMatch(/<f[ >]/);
      expect(() => checkXml(name, xml), name).not.toThrow();
    }
    const b1 = await readXlsx(file('bijlage-1-dossiers-met-prioriteit.xlsx'));
    const dossiers = b1.worksheets[0]!;
    expect(dossiers.getCell('B3').value).toBe('Verplichtstellen 2FA');
    expect(dossiers.getCell('E3').value).toBe('\t=HYPERLINK("https://example.org")');
    expect(dossiers.getCell('B5').value).toBe(`C&R ${WORLD}`);
    expect(dossiers.getCell('E5').value).toBe('Eerste regel\nTweede regel\tmet tab');
    for (const [name, xml] of Object.entries(await xlsxParts(file('bijlage-1-dossiers-met-prioriteit.xlsx')))) {
      expect(xml, name).not.toMatch(/<f[ >]/);
    }
  });

  it("cuts a cell longer than Excel's 32,767 characters, with a marker saying how much was left out", async () => {
    const sheet = (await readXlsx(file('bijlage-2-actiepunten.xlsx'))).getWorksheet('Actiepunten')!;
    const cell = sheet.getCell('C6').value as string;
    const full = Array.from({ length: 20 }, (_, i) => `- ${i}${LONG_POINT}`).join('\n');
    expect(full.length).toBeGreaterThan(EXCEL_CELL_LIMIT);
    expect(cell.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    const [, left] = /\[…ingekort: (\d+) tekens weggelaten\]$/.exec(cell)!;
    expect(full.startsWith(cell.slice(0, cell.lastIndexOf(' […')))).toBe(true);
    expect(cell.lastIndexOf(' […') + Number(left)).toBe(full.length);
  });
});

describe('the writers themselves', () => {
  // SQLite cannot even store a lone surrogate (it comes back as U+FFFD), so this reaches the
  // writers straight from a layout: the last line of defence must hold on its own.
  it('drop lone surrogates and XML non-characters, and keep surrogate pairs whole', async () => {
    const nasty = 'a\ud800b\udc00c\uFFFEd\uFFFFe\u0000f 🚀';
    const docx = await renderDocx({ title: nasty, subject: '', footer: '', blocks: [{ kind: 'paragraph', runs: [nasty] }] });
    const xlsx = await renderXlsx({ title: nasty, subject: '', sheets: [{ name: nasty, columns: [{ header: nasty, width: 10 }], rows: [{ values: [nasty] }] }] });
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'w.docx'), docx);
    fs.writeFileSync(path.join(dir, 'x.xlsx'), xlsx);
    const doc = await readDocx(path.join(dir, 'w.docx'));
    for (const [name, xml] of Object.entries(doc.parts)) expect(() => checkXml(name, xml), name).not.toThrow();
    expect(doc.paragraphs[0]!.text).toBe('abcdef 🚀');
    const book = await readXlsx(path.join(dir, 'x.xlsx'));
    expect(book.worksheets[0]!.name).toBe('abcdef 🚀');
    expect(book.worksheets[0]!.getCell('A2').value).toBe('abcdef 🚀');
    const pdfs = toPdf([path.join(dir, 'w.docx'), path.join(dir, 'x.xlsx')]);
    expect(flatten(pdfs.get(path.join(dir, 'w.docx'))!.text)).toContain('abcdef');
  });
});

describe('LibreOffice', () => {
  it('opens all four files and shows the formula-like texts as text, not as results', () => {
    const files = ['bijlage-1-dossiers-met-prioriteit', 'bijlage-2-actiepunten'].flatMap((n) => [file(`${n}.docx`), file(`${n}.xlsx`)]);
    const pdfs = toPdf(files);
    for (const f of files) {
      const text = flatten(pdfs.get(f)!.text);
      if (f.includes('bijlage-2')) for (const formula of FORMULAS) expect(text, f).toContain(formula);
      else expect(text, f).toContain('Émile & Zoë');
    }
  });
});
