// Bijlage 2 as the jaarplan prints it (Word), and as one sortable table (Excel).
import { formatDutchDate } from '../dates';
import { t } from '../i18n';
import type { Bijlage2 } from './bijlage2-model';
import { paragraphsOf, type Block, type CellBlock, type DocumentSpec, type SheetValue, type WorkbookSpec } from './document';

export const BIJLAGE2_TITLE = 'Lijst met actiepunten';

/** An action point as the annex writes it in a cell: "n. text", then its sub-points as a list. */
export function actiepuntCell(a: { number: number; text: string; subPoints: readonly string[] }): CellBlock[] {
  return [
    { kind: 'paragraph', runs: [`${a.number}. ${a.text}`] },
    ...(a.subPoints.length ? [{ kind: 'list' as const, items: [...a.subPoints] }] : []),
  ];
}

/** The status on the date, with the marks the TB looks for first. */
function statusCell(row: Bijlage2['rows'][number]): CellBlock[] {
  const marks = [row.isNew ? 'nieuw' : null, row.overdue ? 'te laat' : null].filter((m): m is string => m !== null);
  return [
    { kind: 'paragraph', runs: [row.status ? t('nl', `status_${row.status}`) : '–'] },
    ...(marks.length ? [{ kind: 'paragraph' as const, runs: [{ text: marks.join(', '), bold: true }] }] : []),
  ];
}

export function bijlage2Document(b: Bijlage2): DocumentSpec {
  const blocks: Block[] = [
    { kind: 'title', lines: ['Bijlage 2', b.jaarplanTitle, b.board, `‘${BIJLAGE2_TITLE}’`] },
    { kind: 'heading', level: 1, text: 'Vastlegging van actiepunten' },
    ...paragraphsOf(b.intro).map((p): Block => ({ kind: 'paragraph', runs: [p] })),
    { kind: 'heading', level: 1, text: BIJLAGE2_TITLE },
    { kind: 'paragraph', runs: [`Stand op ${formatDutchDate(b.date)}. Nieuw: sinds het vorige TB in het register gekomen; te laat: de deadline is verstreken (gearceerd).`], style: 'muted' },
    {
      kind: 'table',
      columns: [
        { header: 'Actiepunt', width: 0.52 },
        { header: 'Eigenaar', width: 0.17 },
        { header: 'Deadline', width: 0.17 },
        { header: 'Status', width: 0.14 },
      ],
      rows: b.rows.map((row) => ({
        kind: row.overdue ? ('highlight' as const) : undefined,
        cells: [
          actiepuntCell(row),
          [{ kind: 'paragraph', runs: [row.owner] }],
          row.deadlineCell.map((line) => ({ kind: 'paragraph' as const, runs: [line] })),
          statusCell(row),
        ],
      })),
    },
  ];
  return {
    title: `Bijlage 2 ${BIJLAGE2_TITLE} – ${b.jaarplanTitle}`,
    subject: `${b.jaarplanTitle}, ${b.board}`,
    footer: `Bijlage 2 – ${b.jaarplanTitle}`,
    blocks,
  };
}

export function deadlineValue(deadline: Bijlage2['rows'][number]['deadline']): SheetValue {
  if (!deadline) return null;
  return deadline.kind === 'date' ? { date: deadline.date } : deadline.text;
}

export const subPointsText = (items: readonly string[]): string | null =>
  items.length ? items.map((item) => `- ${item}`).join('\n') : null;

export function bijlage2Workbook(b: Bijlage2): WorkbookSpec {
  return {
    title: `Bijlage 2 ${BIJLAGE2_TITLE} – ${b.jaarplanTitle}`,
    subject: `${b.jaarplanTitle}, ${b.board}`,
    printDate: `Stand op ${formatDutchDate(b.date)}`,
    sheets: [
      {
        name: 'Actiepunten',
        columns: [
          { header: 'Nr.', width: 6, kind: 'number' },
          { header: 'Actiepunt', width: 50 },
          { header: 'Subpunten', width: 50 },
          { header: 'Eigenaar', width: 20 },
          { header: 'Deadline', width: 14, kind: 'date' },
          { header: 'Opmerking', width: 28 },
          { header: 'Status', width: 14 },
          { header: 'Nieuw', width: 8 },
          { header: 'Te laat', width: 8 },
          { header: 'Dossier', width: 9, kind: 'number' },
        ],
        rows: b.rows.map((row) => ({
          highlight: row.overdue,
          values: [
            row.number,
            row.text,
            subPointsText(row.subPoints),
            row.owner,
            deadlineValue(row.deadline),
            row.remarks,
            row.status ? t('nl', `status_${row.status}`) : null,
            row.isNew ? 'Ja' : 'Nee',
            row.overdue ? 'Ja' : 'Nee',
            row.dossier,
          ],
        })),
      },
      {
        name: 'Toelichting',
        columns: [
          { header: 'Onderdeel', width: 28 },
          { header: 'Tekst', width: 100 },
        ],
        rows: [
          { values: ['Document', `Bijlage 2 ‘${BIJLAGE2_TITLE}’`] },
          { values: ['Stand op', formatDutchDate(b.date)] },
          { values: ['Jaarplan', b.jaarplanTitle] },
          { values: ['Overleg', b.board] },
          { values: ['Vastlegging van actiepunten', b.intro] },
        ],
      },
    ],
  };
}
