// Renders a DocumentSpec as a Word document that reads like the secretariat's own template:
// A4 portrait, real heading styles, tables whose header row repeats on every page and that fit
// the page, page numbers in the footer, title and language (nl-NL) in the document properties.
// The body is written as WordprocessingML text, straight from the spec: the docx library built an
// object per element and needed 5.9 s and 1.3 GB for the rapportage of 5,000 dossiers (its bare
// document of the same tables 2.5 s and 690 MB; issue 6). The parts around the body live in
// docx-package.ts.
import type { Block, CellBlock, DocumentSpec, Run, TableRow as SpecRow } from '../../shared/report/document';
import type { IsoDate } from '../../shared/dates';
import { cleanText, linkTarget } from './clean-text';
import { fixedMoments } from './fixed-moments';
import { DocxStream, escapeXml, FOOTER_REL_ID, LIST_NUM_ID, linkRelId, PAGE, R_NS, TEXT_WIDTH, W_NS } from './docx-package';

const HEADER_FILL = 'DCE6F1';
const GROUP_FILL = 'F2F2F2';
const HIGHLIGHT_FILL = 'FFF2CC';
const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"';

type Table = Extract<Block, { kind: 'table' }>;

interface ParagraphOptions {
  style?: string;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  list?: boolean;
  spaceBefore?: number;
}

/**
 * The body as XML, handed to `sink` in pieces of a few thousand strings as it is written: a
 * rapportage of 5,000 dossiers is tens of megabytes of XML, which is compressed as it comes
 * instead of being held whole (issue 13's pack kept its peak RSS under 400 MB this way).
 */
class Body {
  private readonly buffer: string[] = [];
  private readonly linkIds = new Map<string, string>();

  constructor(private readonly sink: (xml: string) => void) {}

  /** Appends XML; the buffer goes to the sink when it is full. */
  private emit(xml: string): void {
    this.buffer.push(xml);
    if (this.buffer.length >= 4096) this.flush();
  }

  flush(): void {
    if (this.buffer.length) this.sink(this.buffer.join(''));
    this.buffer.length = 0;
  }

  get links(): string[] {
    return [...this.linkIds.keys()];
  }

  private linkId(target: string): string {
    let id = this.linkIds.get(target);
    if (!id) {
      id = linkRelId(this.linkIds.size);
      this.linkIds.set(target, id);
    }
    return id;
  }

  /** One text as runs: newlines become line breaks, tabs become tabs. */
  private text(text: string, rPr: string): void {
    const props = rPr ? `<w:rPr>${rPr}</w:rPr>` : '';
    cleanText(text)
      .split('\n')
      .forEach((line, i) => {
        this.emit(`<w:r>${props}${i > 0 ? '<w:br/>' : ''}`);
        line.split('\t').forEach((part, j) => {
          if (j > 0) this.emit('<w:tab/>');
          if (part) this.emit(`<w:t xml:space="preserve">${escapeXml(part)}</w:t>`);
        });
        this.emit('</w:r>');
      });
  }

  private runs(runs: readonly Run[]): void {
    for (const run of runs) {
      if (typeof run === 'string') {
        this.text(run, '');
        continue;
      }
      const format = (run.bold ? '<w:b/>' : '') + (run.italic ? '<w:i/>' : '');
      const target = run.link ? linkTarget(run.link) : null;
      if (!target) {
        this.text(run.text, format);
        continue;
      }
      this.emit(`<w:hyperlink r:id="${this.linkId(target)}" w:history="1">`);
      this.text(run.text, `<w:rStyle w:val="Hyperlink"/>${format}`);
      this.emit('</w:hyperlink>');
    }
  }

  paragraph(runs: readonly Run[], o: ParagraphOptions = {}): void {
    // CT_PPr order: pStyle, keepNext, pageBreakBefore, numPr, spacing.
    const pPr =
      (o.style ? `<w:pStyle w:val="${o.style}"/>` : '') +
      (o.keepNext ? '<w:keepNext/>' : '') +
      (o.pageBreakBefore ? '<w:pageBreakBefore/>' : '') +
      (o.list ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${LIST_NUM_ID}"/></w:numPr>` : '') +
      (o.spaceBefore ? `<w:spacing w:before="${o.spaceBefore}"/>` : '');
    this.emit(pPr ? `<w:p><w:pPr>${pPr}</w:pPr>` : '<w:p>');
    this.runs(runs);
    this.emit('</w:p>');
  }

  private cell(blocks: readonly CellBlock[], o: { width: number; fill?: string; span?: number; upright?: boolean; header?: boolean; keepNext?: boolean }): void {
    // CT_TcPr order: tcW, gridSpan, shd, textDirection.
    this.emit(
      `<w:tc><w:tcPr><w:tcW w:w="${o.width}" w:type="dxa"/>` +
        (o.span ? `<w:gridSpan w:val="${o.span}"/>` : '') +
        (o.fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${o.fill}"/>` : '') +
        (o.upright ? '<w:textDirection w:val="btLr"/>' : '') +
        '</w:tcPr>',
    );
    const base = o.header ? 'TableHeading' : 'TableText';
    let paragraphs = 0;
    for (const block of blocks) {
      if (block.kind === 'list') {
        for (const item of block.items) this.paragraph([item], { style: base, keepNext: o.keepNext, list: true });
        paragraphs += block.items.length;
      } else {
        this.paragraph(block.runs, { style: block.style === 'muted' ? 'TableMuted' : base, keepNext: o.keepNext });
        paragraphs++;
      }
    }
    // A Word table cell must hold at least one paragraph.
    if (paragraphs === 0) this.paragraph([], { style: base });
    this.emit('</w:tc>');
  }

  table(block: Table): void {
    const total = block.columns.reduce((sum, c) => sum + c.width, 0);
    const widths = block.columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH));
    const withHeader = block.header !== false;
    this.emit(
      '<w:tbl><w:tblPr>' +
        `<w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/>` +
        `<w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders>` +
        '<w:tblLayout w:type="fixed"/>' +
        '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>' +
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>' +
        `</w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    );
    if (withHeader) {
      // Upright headers need the row to be as tall as the longest of them (about 90 twips a letter).
      const upright = block.columns.filter((c) => c.upright).map((c) => c.header.length);
      const height = upright.length ? `<w:trHeight w:val="${Math.max(...upright) * 90 + 200}" w:hRule="atLeast"/>` : '';
      this.emit(`<w:tr><w:trPr><w:cantSplit/>${height}<w:tblHeader/></w:trPr>`);
      block.columns.forEach((c, i) =>
        this.cell([{ kind: 'paragraph', runs: [c.header] }], { width: widths[i]!, fill: HEADER_FILL, upright: c.upright, header: true }),
      );
      this.emit('</w:tr>');
    }
    block.rows.forEach((row: SpecRow, index) => {
      // A label/value table (no header) is small: kept on one page, with the heading above it. A
      // table followed by its footnote keeps its last row with it.
      const last = index === block.rows.length - 1;
      const keepNext = (!withHeader && !last) || (last && block.keepWithNext === true);
      this.emit('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
      if (row.kind === 'group') {
        this.cell(row.cells[0] ?? [], { width: TEXT_WIDTH, fill: GROUP_FILL, span: block.columns.length, keepNext });
      } else {
        const fill = row.kind === 'highlight' ? HIGHLIGHT_FILL : undefined;
        row.cells.forEach((cell, i) => this.cell(cell, { width: widths[i]!, fill, keepNext }));
      }
      this.emit('</w:tr>');
    });
    this.emit('</w:tbl>');
  }
}

const PARAGRAPH_STYLE = { normal: undefined, muted: 'Muted', small: 'Small', label: 'Label' } as const;

function renderBody(blocks: readonly Block[], sink: (xml: string) => void): Body {
  const body = new Body(sink);
  let previous: Block | undefined;
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        block.lines.forEach((line, i) => body.paragraph([line], { style: i === 0 ? 'Title' : 'Subtitle' }));
        break;
      case 'heading':
        body.paragraph([block.text], { style: `Heading${block.level}`, pageBreakBefore: block.pageBreakBefore });
        break;
      case 'paragraph':
        // A note right under a table needs air above it: spacing, never an empty paragraph.
        body.paragraph(block.runs, { style: PARAGRAPH_STYLE[block.style ?? 'normal'], spaceBefore: previous?.kind === 'table' ? 160 : undefined });
        break;
      case 'list':
        for (const item of block.items) body.paragraph(item, { list: true });
        break;
      case 'table':
        body.table(block);
        break;
    }
    previous = block;
  }
  return body;
}

/**
 * A document's own moment: by default now; with `on` (a meeting pack), that date, also on the zip
 * entries, so the same spec gives the same bytes on any day (see fixedMoments).
 */
export async function renderDocx(spec: DocumentSpec, on?: IsoDate): Promise<Buffer> {
  const docx = new DocxStream({
    footer: cleanText(spec.footer),
    title: cleanText(spec.title),
    subject: cleanText(spec.subject),
    ...(on ? fixedMoments(on) : { now: new Date() }),
  });
  docx.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>`);
  const body = renderBody(spec.blocks, (xml) => docx.write(xml));
  body.flush();
  docx.write(
    `<w:sectPr><w:footerReference w:type="default" r:id="${FOOTER_REL_ID}"/>` +
      `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>` +
      `<w:pgMar w:top="1134" w:right="${PAGE.margin}" w:bottom="1134" w:left="${PAGE.margin}" w:header="567" w:footer="567" w:gutter="0"/>` +
      '</w:sectPr></w:body></w:document>',
  );
  return docx.finish(body.links);
}
