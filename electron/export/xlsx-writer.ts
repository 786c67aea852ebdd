// Renders a WorkbookSpec as an Excel workbook a secretary can sort and filter at once: one sheet
// per table, header row frozen and repeated on print, autofilter on, wrapped text in sensible
// column widths, dates as real dates in Dutch format, highlighted rows shaded.
// Written with exceljs's streaming writer: each row is turned into XML and let go as soon as it is
// added, so a sheet of 50,000 history rows costs time, not memory (issue 6: the in-memory workbook
// took 4.8 s and ~700 MB for the rapportage of 5,000 dossiers).
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SheetSpec, SheetValue, WorkbookSpec } from '../../shared/report/document';
import { unzipSync, zipSync } from 'fflate';
import type { IsoDate } from '../../shared/dates';
import { cleanText, fitExcelCell, linkTarget } from './clean-text';
import { fixedMoments } from './fixed-moments';

const HEADER_FILL = 'FFDCE6F1';
const HIGHLIGHT_FILL = 'FFFFF2CC';
const DATE_FORMAT = 'dd-mm-yyyy';
const FONT = { name: 'Calibri', size: 11 };
/** Points per line of 11 pt text, and Excel's highest row. */
const LINE_HEIGHT = 15;
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

/**
 * How tall a row must be to show its wrapped text. Excel recomputes this when a row is edited,
 * but neither Excel nor LibreOffice grows a row on opening, so an export must set it.
 */
function rowHeight(values: readonly ExcelJS.CellValue[], widths: readonly number[]): number | undefined {
  let lines = 1;
  values.forEach((value, i) => {
    // Links (one long word) are clipped, not wrapped: only plain text counts.
    const text = typeof value === 'string' ? value : '';
    if (!text) return;
    // A column of width w holds about 1.2·w characters of 11 pt Calibri; keep a margin for word breaks.
    const perLine = Math.max(1, Math.floor((widths[i] ?? 10) * 1.2) - 3);
    const count = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
    lines = Math.max(lines, count);
  });
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT) : undefined;
}

type CellStyles = Record<'text' | 'textHighlighted' | 'link' | 'linkHighlighted', Partial<ExcelJS.Style>>;

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
  };
}

function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec): void {
  const sheet = workbook.addWorksheet(sheetName(spec.name), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0, activeCell: 'A2' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
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
  for (const row of spec.rows) {
    const values = row.values.map(cellValue);
    const added = sheet.addRow(values);
    const height = rowHeight(values, widths);
    if (height) added.height = height;
    row.values.forEach((value, i) => {
      const link = value !== null && typeof value === 'object' && 'link' in value;
      added.getCell(i + 1).style = styles[i]![`${link ? 'link' : 'text'}${row.highlight ? 'Highlighted' : ''}`];
    });
    added.commit();
  }
  sheet.commit();
}

/**
 * With `on` (a meeting pack) the workbook's properties carry that date and its zip entries are
 * stamped with it (exceljs's zip stamps now; the entries are zipped again), so the same spec gives
 * the same bytes on any day.
 */
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
  for (const sheet of spec.sheets) addSheet(workbook, sheet);
  await workbook.commit();
  const data = Buffer.concat(chunks);
  return fixed ? Buffer.from(zipSync(unzipSync(data), { level: 6, mtime: fixed.entryTime })) : data;
}
