// One document in one format, from a register snapshot: model (shared) -> layout (shared) -> writer.
import type { IsoDate } from '../../shared/dates';
import type { ExportDocument, ExportFormat } from '../../shared/exports';
import { buildBijlage1 } from '../../shared/report/bijlage1-model';
import { bijlage1Document, bijlage1Workbook } from '../../shared/report/bijlage1-layout';
import { buildBijlage2 } from '../../shared/report/bijlage2-model';
import { bijlage2Document, bijlage2Workbook } from '../../shared/report/bijlage2-layout';
import { buildRapportage } from '../../shared/report/rapportage-model';
import { rapportageDocument, rapportageWorkbook } from '../../shared/report/rapportage-layout';
import type { DocumentSpec, WorkbookSpec } from '../../shared/report/document';
import type { RegisterSnapshot } from '../../shared/report/snapshot';
import { renderDocx } from './docx-writer';
import { renderXlsx } from './xlsx-writer';

type Layouts = { docx: DocumentSpec; xlsx: WorkbookSpec };

/** The layout of a document for a format; `date` is the rapportage's date and "today" for the annexes. */
export function layoutFor<F extends ExportFormat>(snapshot: RegisterSnapshot, document: ExportDocument, format: F, date: IsoDate): Layouts[F] {
  const pick = <M>(model: M, doc: (m: M) => DocumentSpec, book: (m: M) => WorkbookSpec) =>
    (format === 'docx' ? doc(model) : book(model)) as Layouts[F];
  switch (document) {
    case 'bijlage1':
      return pick(buildBijlage1(snapshot, date), bijlage1Document, bijlage1Workbook);
    case 'bijlage2':
      return pick(buildBijlage2(snapshot, date), bijlage2Document, bijlage2Workbook);
    case 'rapportage':
      return pick(buildRapportage(snapshot, date), rapportageDocument, rapportageWorkbook);
  }
}

export async function renderExport(snapshot: RegisterSnapshot, document: ExportDocument, format: ExportFormat, date: IsoDate): Promise<Buffer> {
  return format === 'docx'
    ? renderDocx(layoutFor(snapshot, document, 'docx', date))
    : renderXlsx(layoutFor(snapshot, document, 'xlsx', date));
}
