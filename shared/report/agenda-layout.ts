// The agenda of a meeting (issue 13, "00 Agenda TB-2024-02.docx"): the heading (number, date,
// location), then the items in the order the TB takes them, each with its purpose, presenter,
// time, besluitvoorstel and the pack files that belong to it.
import { formatDutchDate } from '../dates';
import { t } from '../i18n';
import type { Meeting } from '../meeting';
import { filesForItem, type PackFile } from '../pack';
import type { Block, CellBlock, DocumentSpec } from './document';

/** The meeting's heading lines, shared by its agenda and its besluitenlijst. */
export function meetingLines(board: string, m: Pick<Meeting, 'number' | 'date' | 'location' | 'kind' | 'title'>): string[] {
  return [
    `${board} – ${m.number}`,
    [formatDutchDate(m.date), m.location].filter(Boolean).join(', '),
    ...(m.kind === 'evaluatiemoment' ? [t('nl', 'kind_evaluatiemoment')] : []),
    ...(m.title ? [m.title] : []),
  ];
}

export function agendaDocument(board: string, meeting: Meeting, files: readonly PackFile[]): DocumentSpec {
  const items = [...meeting.items].sort((a, b) => a.position - b.position);
  const total = items.reduce((sum, i) => sum + (i.minutes ?? 0), 0);
  const hasRapportage = items.some((i) => i.standing === 'rapportage');
  const rows = items.map((item) => {
    const own = filesForItem(files, item.standing, hasRapportage);
    const cell: CellBlock[] = [
      { kind: 'paragraph', runs: [{ text: item.title, bold: true }] },
      ...(item.proposal ? [{ kind: 'paragraph' as const, runs: [{ text: 'Besluitvoorstel: ', italic: true }, item.proposal] }] : []),
      ...(item.carriedFrom ? [{ kind: 'paragraph' as const, runs: [`Doorgeschoven uit ${item.carriedFrom.meeting}, agendapunt ${item.carriedFrom.item}.`], style: 'muted' as const }] : []),
      ...(own.length ? [{ kind: 'paragraph' as const, runs: [`Stukken: ${own.map((f) => f.name).join('; ')}`], style: 'muted' as const }] : []),
    ];
    return {
      cells: [
        [{ kind: 'paragraph' as const, runs: [`${item.number}.`] }],
        cell,
        [{ kind: 'paragraph' as const, runs: [t('nl', `purpose_${item.purpose}`).replace(/^Ter /, 'ter ')] }],
        [{ kind: 'paragraph' as const, runs: [item.presenter ?? '–'] }],
        [{ kind: 'paragraph' as const, runs: [item.minutes ? `${item.minutes} min.` : '–'] }],
      ],
    };
  });
  const blocks: Block[] = [
    { kind: 'title', lines: ['Agenda', ...meetingLines(board, meeting)] },
    {
      kind: 'table',
      columns: [
        { header: 'Nr.', width: 0.06 },
        { header: 'Agendapunt', width: 0.5 },
        { header: 'Doel', width: 0.16 },
        { header: 'Inbreng', width: 0.16 },
        { header: 'Tijd', width: 0.12 },
      ],
      rows,
    },
    { kind: 'paragraph', runs: [`Totale duur: ${total} minuten.`], style: 'muted' },
    { kind: 'heading', level: 2, text: 'Vergaderstukken' },
    ...files.map((f): Block => ({ kind: 'paragraph', runs: [f.name], style: 'small' })),
  ];
  return { title: `Agenda ${meeting.number}`, subject: `${board}, ${formatDutchDate(meeting.date)}`, footer: `Agenda ${meeting.number}`, blocks };
}
