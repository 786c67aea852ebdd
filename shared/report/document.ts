// A small, format-neutral description of a document and a workbook. Report layouts (pure, in
// shared/) produce these; the Word and Excel writers (electron/export/) render them. The writers
// know nothing about dossiers, and the layouts know nothing about docx or exceljs.
import type { IsoDate } from '../dates';

/** A piece of text in a paragraph. Newlines become line breaks and tabs become tabs. */
export type Run = string | { text: string; link?: string; bold?: boolean; italic?: boolean };

export type CellBlock =
  | { kind: 'paragraph'; runs: Run[]; style?: 'normal' | 'muted' }
  | { kind: 'list'; items: string[] };

export interface TableRow {
  cells: CellBlock[][];
  /** A group row has one cell that spans the table; a highlight row is shaded. */
  kind?: 'normal' | 'group' | 'highlight';
}

export type Block =
  /** The title block: the first line is the document title, the others are its subtitle lines. */
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; pageBreakBefore?: boolean }
  /** A label is a short bold lead-in that stays on the page of what follows it. */
  | { kind: 'paragraph'; runs: Run[]; style?: 'normal' | 'muted' | 'small' | 'label' }
  | { kind: 'list'; items: Run[][] }
  | {
      kind: 'table';
      /** Widths are shares of the page width; the header row repeats on every page. */
      /** An upright header reads bottom to top: narrow columns (a matrix of marks) keep whole words. */
      columns: Array<{ header: string; width: number; upright?: boolean }>;
      rows: TableRow[];
      /** false for a small label/value table, which has no header row and is kept on one page. */
      header?: boolean;
      /** The table's last row stays on the page of what follows it (a footnote beside its table). */
      keepWithNext?: boolean;
    };

export interface DocumentSpec {
  title: string;
  subject: string;
  /** The running footer, beside the page number. */
  footer: string;
  blocks: Block[];
}

export type SheetValue =
  | string
  | number
  | null
  | { date: IsoDate }
  | { text: string; link: string };

export interface SheetSpec {
  /** At most 31 characters, none of []:*?/\ (Excel's rule). */
  name: string;
  columns: Array<{ header: string; width: number; kind?: 'text' | 'number' | 'date' }>;
  rows: Array<{ values: SheetValue[]; highlight?: boolean }>;
}

export interface WorkbookSpec {
  title: string;
  subject: string;
  /** Printed at the top right of every page beside the title, e.g. "Stand op 15-05-2024". */
  printDate?: string;
  sheets: SheetSpec[];
}

/** Paragraphs of an editable text: separated by a blank line; single newlines stay line breaks. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
