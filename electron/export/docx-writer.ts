// Renders a DocumentSpec as a Word document that reads like the secretariat's own template:
// A4 portrait, real heading styles, tables whose header row repeats on every page and that fit
// the page, page numbers in the footer, title and language (nl-NL) in the document properties.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  HeightRule,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
  TextRun,
  WidthType,
  type IStylesOptions,
} from 'docx';
import type { Block, CellBlock, DocumentSpec, Run, TableRow as SpecRow } from '../../shared/report/document';
import { cleanText } from './clean-text';

const LANGUAGE = 'nl-NL';
const FONT = 'Calibri';
// A4 in twentieths of a point, with 2 cm margins left and right.
const PAGE = { width: 11_906, height: 16_838, margin: 1_134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const ACCENT = '1F4E79';
const HEADER_FILL = 'DCE6F1';
const GROUP_FILL = 'F2F2F2';
const HIGHLIGHT_FILL = 'FFF2CC';
const LIST = 'dash-list';

const styles: IStylesOptions = {
  default: {
    document: { run: { font: FONT, size: 20, language: { value: LANGUAGE } }, paragraph: { spacing: { after: 120, line: 264 } } },
    title: { run: { font: FONT, size: 40, bold: true, color: ACCENT }, paragraph: { spacing: { after: 60 } } },
    heading1: {
      run: { font: FONT, size: 28, bold: true, color: ACCENT },
      paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true },
    },
    heading2: {
      run: { font: FONT, size: 24, bold: true, color: ACCENT },
      paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, keepLines: true },
    },
    heading3: { run: { font: FONT, size: 21, bold: true }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
  },
  paragraphStyles: [
    {
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: 26, color: '404040' },
      paragraph: { spacing: { after: 40 } },
    },
    { id: 'Muted', name: 'Muted', basedOn: 'Normal', quickFormat: true, run: { italics: true, color: '404040' } },
    { id: 'Label', name: 'Label', basedOn: 'Normal', quickFormat: true, run: { bold: true }, paragraph: { keepNext: true, spacing: { after: 60 } } },
    { id: 'Small', name: 'Small', basedOn: 'Normal', quickFormat: true, run: { size: 16 }, paragraph: { spacing: { after: 40 } } },
    { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 19 }, paragraph: { spacing: { before: 20, after: 40 } } },
    { id: 'TableHeading', name: 'Table Heading', basedOn: 'TableText', run: { bold: true, color: ACCENT } },
    { id: 'TableMuted', name: 'Table Muted', basedOn: 'TableText', run: { italics: true, color: '404040' } },
  ],
};

/** One text as runs: newlines become line breaks, tabs become tab stops. */
function textRuns(text: string, format: { bold?: boolean; italics?: boolean; style?: string } = {}): TextRun[] {
  return cleanText(text)
    .split('\n')
    .map((line, i) => {
      const lineBreak = i > 0 ? 1 : undefined;
      // Most lines hold no tab: one text, the cheapest run docx builds.
      if (!line.includes('\t')) return new TextRun({ ...format, break: lineBreak, text: line });
      return new TextRun({ ...format, break: lineBreak, children: line.split('\t').flatMap((part, j) => (j > 0 ? [new Tab(), part] : [part])) });
    });
}

function runs(spec: readonly Run[]): Array<TextRun | ExternalHyperlink> {
  return spec.flatMap((run): Array<TextRun | ExternalHyperlink> => {
    if (typeof run === 'string') return textRuns(run);
    const format = { bold: run.bold, italics: run.italic };
    if (!run.link) return textRuns(run.text, format);
    return [new ExternalHyperlink({ link: run.link, children: textRuns(run.text, { ...format, style: 'Hyperlink' }) })];
  });
}

const STYLE_OF = { normal: undefined, muted: 'Muted', small: 'Small', label: 'Label' } as const;

function listParagraphs(items: readonly Run[][], style?: string): Paragraph[] {
  return items.map((item) => new Paragraph({ style, numbering: { reference: LIST, level: 0 }, children: runs(item) }));
}

function cellParagraphs(blocks: readonly CellBlock[], header = false): Paragraph[] {
  const base = header ? 'TableHeading' : 'TableText';
  const out = blocks.flatMap((block) =>
    block.kind === 'list'
      ? listParagraphs(block.items.map((item) => [item]), base)
      : [new Paragraph({ style: block.style === 'muted' ? 'TableMuted' : base, children: runs(block.runs) })],
  );
  // A Word table cell must hold at least one paragraph.
  return out.length ? out : [new Paragraph({ style: base })];
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6' };

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const total = block.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH));
  const fill = (color: string) => ({ type: ShadingType.CLEAR, color: 'auto', fill: color });
  const withHeader = block.header !== false;
  // A label/value table is small: keep it on one page, with the heading above it.
  const keepNext = !withHeader;
  // Upright headers need the row to be as tall as the longest of them (about 90 twips a letter).
  const upright = block.columns.filter((c) => c.upright).map((c) => c.header.length);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    height: upright.length ? { value: Math.max(...upright) * 90 + 200, rule: HeightRule.ATLEAST } : undefined,
    children: block.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: fill(HEADER_FILL),
          textDirection: c.upright ? TextDirection.BOTTOM_TO_TOP_LEFT_TO_RIGHT : undefined,
          children: cellParagraphs([{ kind: 'paragraph', runs: [c.header] }], true),
        }),
    ),
  });
  const body = block.rows.map((row: SpecRow, index) => {
    const keep = keepNext && index < block.rows.length - 1;
    if (row.kind === 'group') {
      return new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            columnSpan: block.columns.length,
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            shading: fill(GROUP_FILL),
            children: cellParagraphs(row.cells[0] ?? []),
          }),
        ],
      });
    }
    return new TableRow({
      cantSplit: true,
      keepNext: keep,
      children: row.cells.map(
        (cell, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            shading: row.kind === 'highlight' ? fill(HIGHLIGHT_FILL) : undefined,
            children: cellParagraphs(cell),
          }),
      ),
    });
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    margins: { top: 40, bottom: 40, left: 100, right: 100 },
    rows: withHeader ? [header, ...body] : body,
  });
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function render(blocks: readonly Block[]): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  let previous: Block | undefined;
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        block.lines.forEach((line, i) => {
          out.push(new Paragraph({ heading: i === 0 ? HeadingLevel.TITLE : undefined, style: i === 0 ? undefined : 'Subtitle', children: textRuns(line) }));
        });
        break;
      case 'heading':
        out.push(new Paragraph({ heading: HEADINGS[block.level], pageBreakBefore: block.pageBreakBefore, children: textRuns(block.text) }));
        break;
      case 'paragraph':
        out.push(
          new Paragraph({
            style: STYLE_OF[block.style ?? 'normal'],
            // A note right under a table needs air above it: spacing, never an empty paragraph.
            spacing: previous?.kind === 'table' ? { before: 160 } : undefined,
            children: runs(block.runs),
          }),
        );
        break;
      case 'list':
        out.push(...listParagraphs(block.items));
        break;
      case 'table':
        out.push(table(block));
        break;
    }
    previous = block;
  }
  return out;
}

function footer(text: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: 'Small',
        alignment: AlignmentType.LEFT,
        tabStops: [{ type: 'right', position: TEXT_WIDTH }],
        children: [
          ...textRuns(text),
          new TextRun({ children: [new Tab(), 'Pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The document properties. docx writes no dc:language (Word and LibreOffice read the document
 * language from it), so this part is written here and handed to the packer in place of its own.
 */
function coreProperties(title: string, subject: string, now: Date): string {
  const stamp = now.toISOString();
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:subject>${escapeXml(subject)}</dc:subject>` +
    '<dc:creator>TB-register</dc:creator><cp:lastModifiedBy>TB-register</cp:lastModifiedBy><cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    `<dc:language>${LANGUAGE}</dc:language></cp:coreProperties>`
  );
}

export async function renderDocx(spec: DocumentSpec): Promise<Buffer> {
  const title = cleanText(spec.title);
  const subject = cleanText(spec.subject);
  const doc = new Document({
    styles,
    numbering: {
      config: [
        {
          reference: LIST,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '-',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 284, hanging: 284 } } },
            },
          ],
        },
      ],
    },
    features: { updateFields: false },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: 1_134, bottom: 1_134, left: PAGE.margin, right: PAGE.margin, footer: 567 },
          },
        },
        footers: { default: footer(cleanText(spec.footer)) },
        children: render(spec.blocks),
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreProperties(title, subject, new Date()) }]);
}
