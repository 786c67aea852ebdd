// Bijlage 1 as the jaarplan prints it (Word), and as one sortable table (Excel).
import { formatDutchDate } from '../dates';
import type { Bijlage1 } from './bijlage1-model';
import { paragraphsOf, type Block, type DocumentSpec, type TableRow, type WorkbookSpec } from './document';

export const BIJLAGE1_TITLE = 'Lijst van dossiers met prioriteit';

export function bijlage1Document(b: Bijlage1): DocumentSpec {
  const rows: TableRow[] = b.rows.map((row): TableRow => {
    if (row.kind === 'group') {
      return {
        kind: 'group',
        cells: [
          [
            { kind: 'paragraph', runs: [{ text: `Hoofddossier ${row.title}`, bold: true, link: row.link ?? undefined }] },
            ...(row.intro ? [{ kind: 'paragraph' as const, runs: [row.intro] }] : []),
          ],
        ],
      };
    }
    return {
      cells: [
        [
          { kind: 'paragraph', runs: [`${row.number}. `, { text: row.title, link: row.link ?? undefined }] },
          ...(row.note ? [{ kind: 'paragraph' as const, runs: [row.note], style: 'muted' as const }] : []),
        ],
        [{ kind: 'paragraph', runs: [row.phase] }],
      ],
    };
  });
  const blocks: Block[] = [
    { kind: 'title', lines: ['Bijlage 1', b.jaarplanTitle, b.board, `‘${BIJLAGE1_TITLE}’`] },
    { kind: 'heading', level: 1, text: 'Vastlegging van dossiers' },
    ...paragraphsOf(b.intro).map((p): Block => ({ kind: 'paragraph', runs: [p] })),
    { kind: 'heading', level: 1, text: BIJLAGE1_TITLE },
    ...paragraphsOf(b.orderNote).map((p): Block => ({ kind: 'paragraph', runs: [p] })),
    {
      kind: 'table',
      columns: [
        { header: 'Dossier', width: 0.68 },
        { header: `Voortgangsfase op ${b.referenceDate}`, width: 0.32 },
      ],
      rows,
      // The footnote belongs beside its table (issue 13: it landed alone on the next page).
      keepWithNext: paragraphsOf(b.footnote).length > 0,
    },
    ...paragraphsOf(b.footnote).map((p): Block => ({ kind: 'paragraph', runs: [p], style: 'small' })),
    ...(b.links.length ? [{ kind: 'heading' as const, level: 2 as const, text: 'Links naar de dossiers' }] : []),
    ...b.links.map((l): Block => ({ kind: 'paragraph', runs: [`${l.label}: `, { text: l.url, link: l.url }], style: 'small' })),
  ];
  return {
    title: `Bijlage 1 ${BIJLAGE1_TITLE} – ${b.jaarplanTitle}`,
    subject: `${b.jaarplanTitle}, ${b.board}`,
    footer: `Bijlage 1 – ${b.jaarplanTitle}`,
    blocks,
  };
}

export function bijlage1Workbook(b: Bijlage1): WorkbookSpec {
  let group: string | null = null;
  const rows = b.rows.flatMap((row) => {
    if (row.kind === 'group') {
      group = row.title;
      return [];
    }
    if (!row.grouped) group = null;
    return [
      {
        values: [row.number, row.title, group, row.phase, row.note, row.link ? { text: row.link, link: row.link } : null],
      },
    ];
  });
  return {
    title: `Bijlage 1 ${BIJLAGE1_TITLE} – ${b.jaarplanTitle}`,
    subject: `${b.jaarplanTitle}, ${b.board}`,
    printDate: `Stand op ${formatDutchDate(b.date)}`,
    sheets: [
      {
        name: 'Dossiers met prioriteit',
        columns: [
          { header: 'Nr.', width: 6, kind: 'number' },
          { header: 'Dossier', width: 48 },
          { header: 'Hoofddossier', width: 22 },
          { header: `Voortgangsfase op ${b.referenceDate}`, width: 28 },
          { header: 'Toelichting', width: 50 },
          { header: 'Link', width: 40 },
        ],
        rows,
      },
      {
        name: 'Toelichting',
        columns: [
          { header: 'Onderdeel', width: 28 },
          { header: 'Tekst', width: 100 },
        ],
        rows: [
          { values: ['Document', `Bijlage 1 ‘${BIJLAGE1_TITLE}’`] },
          { values: ['Jaarplan', b.jaarplanTitle] },
          { values: ['Overleg', b.board] },
          { values: ['Vastlegging van dossiers', b.intro] },
          { values: ['Volgorde', b.orderNote] },
          { values: ['Voetnoot', b.footnote] },
        ],
      },
    ],
  };
}
