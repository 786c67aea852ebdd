// The physical baseline for the exports: the same text and tables written with the libraries'
// plainest calls (no styles, widths, fields, row heights or cleaning), so the figure beside ours
// is what docx and exceljs need for that content at the least.
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import type { Block, CellBlock, DocumentSpec, Run, WorkbookSpec } from '../../shared/report/document';

const runText = (run: Run): string => (typeof run === 'string' ? run : run.text);

function cellParagraphs(blocks: CellBlock[]): Paragraph[] {
  const texts = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map(runText).join('')] : b.items));
  return (texts.length ? texts : ['']).map((text) => new Paragraph(text));
}

function bareBlock(block: Block): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'title':
      return block.lines.map((line) => new Paragraph(line));
    case 'heading':
      return [new Paragraph(block.text)];
    case 'paragraph':
      return [new Paragraph(block.runs.map(runText).join(''))];
    case 'list':
      return block.items.map((item) => new Paragraph(item.map(runText).join('')));
    case 'table': {
      const header = block.header === false ? [] : [new TableRow({ children: block.columns.map((c) => new TableCell({ children: [new Paragraph(c.header)] })) })];
      const rows = block.rows.map((row) => new TableRow({ children: row.cells.map((cell) => new TableCell({ children: cellParagraphs(cell) })) }));
      return [new Table({ rows: [...header, ...rows] })];
    }
  }
}

export function bareDocx(spec: DocumentSpec): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: spec.blocks.flatMap(bareBlock) }] }));
}

export async function bareXlsx(spec: WorkbookSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of spec.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    worksheet.addRow(sheet.columns.map((c) => c.header));
    for (const row of sheet.rows) {
      worksheet.addRow(row.values.map((v) => (v === null || typeof v !== 'object' ? v : 'date' in v ? new Date(`${v.date}T00:00:00Z`) : v.text)));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
