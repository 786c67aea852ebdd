// Renders a WorkbookSpec as an Excel workbook a secretary can sort and filter at once: one sheet
// per table, header row frozen and repeated on print, autofilter on, wrapped text in sensible
// column widths, dates as real dates in Dutch format, highlighted rows shaded.
// Written with exceljs's streaming writer: each row is turned into XML and let go as soon as it is
// added, so a sheet of 50,000 history rows costs time, not memory (issue 6: the in-memory workbook
// took 4.8 s and ~700 MB for the rapportage of 5,000 dossiers).
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SheetSpec, SheetValue, WorkbookSpec } from '../../shared/report/document';
import type { IsoDate } from '../../shared/dates';
import { cleanText, fitExcelCell, linkTarget } from './clean-text';
import { fixedMoments } from './fixed-moments';
import { patchZip } from './zip-patch';

const HEADER_FILL = 'FFDCE6F1';
const HIGHLIGHT_FILL = 'FFFFF2CC';
const DATE_FORMAT = 'dd-mm-yyyy';
const FONT = { name: 'Calibri', size: 11 };
/**
 * Points per line of wrapped 11 pt text, and Excel's highest row. Excel lays such lines out about
 * 15 pt apart, LibreOffice about 12.5: 14 clips nothing in Excel that matters and leaves
 * LibreOffice's prints under a line of white per row (issue 13's readers saw gaps of several).
 */
const LINE_HEIGHT = 14;
const MAX_ROW_HEIGHT = 409;

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** Excel's sheet-name rule: at most 31 characters, none of []:*?/\ . */
export function sheetName(name: string): string {
  return cleanText(name).replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Blad';
}

/**
 * Texts stay texts: exceljs writes a string as a string cell, never as a formula, so "=SUM(A1)"
 * or "@user" is shown as typed. A date becomes a real date (a serial number with a date format).
 */
function cellValue(value: SheetValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return fitExcelCell(cleanText(value));
  if ('date' in value) {
    const [y, m, d] = value.date.split('-').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!));
  }
  const text = fitExcelCell(cleanText(value.text));
  const target = linkTarget(value.link);
  return target ? { text, hyperlink: target } : text;
}

/** How many lines `text` takes wrapped at `perLine` characters: word by word, a word longer than a line broken. */
function wrappedLines(text: string, perLine: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const need = line === 0 ? word.length : line + 1 + word.length;
      if (need <= perLine) {
        line = need;
        continue;
      }
      if (line > 0) lines++;
      // A word longer than the line (a link) is broken over as many lines as it needs.
      lines += Math.ceil(word.length / perLine) - 1;
      line = word.length % perLine || perLine;
    }
  }
  return lines;
}

/**
 * How tall a row must be to show its wrapped text. Excel recomputes this when a row is edited,
 * but neither Excel nor LibreOffice grows a row on opening, so an export must set it: from a
 * word-by-word wrap of each cell at its column's width, links included (they wrap too), so the
 * row is as tall as its tallest cell and no taller.
 */
function rowHeight(values: readonly ExcelJS.CellValue[], widths: readonly number[]): number | undefined {
  let lines = 1;
  values.forEach((value, i) => {
    // A link is one line (fitLink): only plain text wraps.
    const text = typeof value === 'string' ? value : '';
    if (!text) return;
    lines = Math.max(lines, wrappedLines(text, charsPerLine(widths[i] ?? 10)));
  });
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 2) : undefined;
}

/** A column of width w holds about 1.2·w characters of 11 pt Calibri (measured on LibreOffice's prints). */
const charsPerLine = (width: number): number => Math.max(1, Math.floor(width * 1.2));

/**
 * A link's shown text, fitted to one line of its column: the address without its scheme, and when
 * that is too long its host, "…" and as much of its end as fits (…viewpage.action?pageId=88188636).
 * LibreOffice shows a hyperlink cell on one line whatever its wrapping (line breaks and zero-width
 * spaces in it are ignored), so a long link was cut off at the page edge (issue 13). The link
 * itself is untouched.
 */
function fitLink(text: string, perLine: number): string {
  const bare = text.replace(/^https?:\/\//, '');
  if (bare.length <= perLine) return bare;
  const host = bare.split('/')[0]!;
  const room = perLine - host.length - 2;
  return room >= 8 ? `${host}/…${bare.slice(bare.length - room)}` : `${bare.slice(0, perLine - 1)}…`;
}

/**
 * Text Excel would read as a formula once edited (F2, Enter): it is stored as text, and its cell
 * is marked with the quote prefix (and the Text format), as Excel marks what a user types after '.
 */
const looksLikeFormula = (text: string): boolean => /^[=+\-@\t\r]/.test(text);

type CellStyles = Record<'text' | 'textHighlighted' | 'link' | 'linkHighlighted' | 'quoted' | 'quotedHighlighted', Partial<ExcelJS.Style>>;

/**
 * The four looks of a column's cells, as shared objects: exceljs recognises a style object it has
 * seen before by identity, and otherwise renders every cell's style to XML to find its twin
 * (issue 6: two thirds of the rapportage's 50,000-row workbook went there). Never mutated.
 */
function cellStyles(date: boolean): CellStyles {
  const base = { alignment: { wrapText: true, vertical: 'top' as const }, ...(date ? { numFmt: DATE_FORMAT } : {}) };
  const linkFont = { ...FONT, color: { argb: 'FF0563C1' }, underline: true };
  return {
    text: { ...base, font: FONT },
    textHighlighted: { ...base, font: FONT, fill: solid(HIGHLIGHT_FILL) },
    link: { ...base, font: linkFont },
    linkHighlighted: { ...base, font: linkFont, fill: solid(HIGHLIGHT_FILL) },
    quoted: { ...base, numFmt: '@', font: FONT },
    quotedHighlighted: { ...base, numFmt: '@', font: FONT, fill: solid(HIGHLIGHT_FILL) },
  };
}

/** Text for an Excel header or footer, where & starts a code: written as &&. */
const headerText = (text: string): string => cleanText(text).replace(/\n/g, ' ').replace(/&/g, '&&');

/** Adds a sheet; returns whether it holds a quoted (formula-like) text cell. */
function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec, book: WorkbookSpec): boolean {
  const sheet = workbook.addWorksheet(sheetName(spec.name), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0, activeCell: 'A2' }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    // Every printed page says what it is, of when, and which page of how many (issue 13).
    headerFooter: {
      oddHeader: `&L&"Calibri,Bold"${headerText(book.title)}&R${headerText(book.printDate ?? '')}`,
      oddFooter: `&L${headerText(spec.name)}&RPagina &P van &N`,
    },
  });
  sheet.columns = spec.columns.map((c) => ({
    header: cleanText(c.header),
    width: c.width,
    style: {
      font: FONT,
      alignment: { wrapText: true, vertical: 'top' },
      ...(c.kind === 'date' ? { numFmt: DATE_FORMAT } : {}),
    },
  }));
  const header = sheet.getRow(1);
  header.font = { ...FONT, bold: true };
  header.eachCell((cell) => {
    cell.fill = solid(HEADER_FILL);
  });
  const widths = spec.columns.map((c) => c.width);
  const headerHeight = rowHeight(spec.columns.map((c) => c.header), widths);
  if (headerHeight) header.height = headerHeight;
  header.commit();
  // The filter's range is written when the sheet is committed, after its rows.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, spec.rows.length + 1), column: spec.columns.length } };
  const styles = spec.columns.map((c) => cellStyles(c.kind === 'date'));
  let quoted = false;
  for (const row of spec.rows) {
    const values = row.values.map((value, i) => {
      const cell = cellValue(value);
      return cell !== null && typeof cell === 'object' && 'hyperlink' in cell ? { ...cell, text: fitLink(String(cell.text), Math.floor((widths[i] ?? 10) * 1.1) - 2) } : cell;
    });
    const added = sheet.addRow(values);
    const height = rowHeight(values, widths);
    if (height) added.height = height;
    row.values.forEach((value, i) => {
      const link = value !== null && typeof value === 'object' && 'link' in value;
      const formulaLike = typeof values[i] === 'string' && looksLikeFormula(values[i] as string);
      quoted ||= formulaLike;
      added.getCell(i + 1).style = styles[i]![`${link ? 'link' : formulaLike ? 'quoted' : 'text'}${row.highlight ? 'Highlighted' : ''}`];
    });
    added.commit();
  }
  sheet.commit();
  return quoted;
}

/**
 * exceljs cannot write the quote prefix: the cells that need it have the Text format (builtin
 * number format 49, which only they use), and every such style gets quotePrefix="1".
 */
const addQuotePrefix = (styles: string): string =>
  styles.replace(/<xf ([^>]*numFmtId="49"[^>]*?)(\/?)>/g, (_, attrs: string, close: string) => `<xf ${attrs} quotePrefix="1"${close}>`);

export async function renderXlsx(spec: WorkbookSpec, on?: IsoDate): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = 'TB-register';
  workbook.lastModifiedBy = 'TB-register';
  workbook.title = cleanText(spec.title);
  workbook.subject = cleanText(spec.subject);
  // exceljs writes dc:language but its typings leave the property out.
  Object.assign(workbook, { language: 'nl-NL' });
  const fixed = on ? fixedMoments(on) : null;
  if (fixed) {
    workbook.created = fixed.now;
    workbook.modified = fixed.now;
  }
  let quoted = false;
  for (const sheet of spec.sheets) quoted = addSheet(workbook, sheet, spec) || quoted;
  await workbook.commit();
  const data = Buffer.concat(chunks);
  if (!fixed && !quoted) return data;
  // exceljs's zip stamps every entry with now: a pack's are set to its date; and the styles get the quote prefix.
  return patchZip(data, {
    ...(fixed ? { entryTime: fixed.entryTime } : {}),
    ...(quoted ? { edit: { name: 'xl/styles.xml', change: addQuotePrefix } } : {}),
  });
}
