// "Wijzigingen sinds de vorige TB" as a document of the meeting pack (issue 13): the lines of
// meeting.changesSince, grouped (dossiers, actiepunten, besluiten), each with when and by whom.
import { dutchIsoDateOf, formatDutchDate } from '../dates';
import type { ChangeLine, Meeting } from '../meeting';
import { describeChange } from '../meeting-text';
import type { PackSource } from '../pack';
import { meetingLines } from './agenda-layout';
import type { Block, DocumentSpec } from './document';

/** The day in the Netherlands of a stored moment, dd-mm-jjjj. */
const dutchDateOf = (at: string): string => formatDutchDate(dutchIsoDateOf(at));

const GROUPS: Array<{ title: string; none: string; kinds: ReadonlyArray<ChangeLine['kind']> }> = [
  { title: 'Dossiers', none: 'Geen dossier veranderde.', kinds: ['dossier_new', 'dossier_archived', 'phase', 'priority', 'text'] },
  { title: 'Actiepunten', none: 'Geen actiepunt veranderde.', kinds: ['actiepunt_new', 'actiepunt_done', 'actiepunt_overdue', 'actiepunt_deadline', 'actiepunt_owner'] },
  { title: 'Besluiten', none: 'Geen besluiten sinds de vorige vergadering (haar eigen besluiten staan in haar besluitenlijst).', kinds: ['besluit'] },
];

export function wijzigingenDocument(board: string, meeting: Meeting, changes: NonNullable<PackSource['changes']>): DocumentSpec {
  const since = changes.since.meeting;
  const title = `Wijzigingen sinds ${since ?? 'de start van het register'}`;
  const blocks: Block[] = [
    { kind: 'title', lines: [title, ...meetingLines(board, meeting)] },
    {
      kind: 'paragraph',
      runs: [
        since
          ? `Wat er in het register veranderde sinds ${since} (vastgelegd op ${dutchDateOf(changes.since.at)}), tot het maken van deze vergaderstukken.`
          : `Wat er in het register veranderde sinds de start (${dutchDateOf(changes.since.at)}), tot het maken van deze vergaderstukken.`,
      ],
      style: 'muted',
    },
  ];
  for (const group of GROUPS) {
    const lines = changes.lines.filter((l) => group.kinds.includes(l.kind));
    blocks.push({ kind: 'heading', level: 1, text: group.title });
    if (!lines.length) {
      blocks.push({ kind: 'paragraph', runs: [group.none], style: 'muted' });
      continue;
    }
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Wijziging', width: 0.62 },
        { header: 'Wanneer', width: 0.14 },
        { header: 'Door', width: 0.24 },
      ],
      rows: lines.map((line) => ({
        cells: [
          [{ kind: 'paragraph', runs: [describeChange('nl', line)] }],
          [{ kind: 'paragraph', runs: [line.at ? dutchDateOf(line.at) : '–'] }],
          [{ kind: 'paragraph', runs: [line.by ? line.by.name : '–'] }],
        ],
      })),
    });
  }
  return { title, subject: `${board}, ${meeting.number}, ${formatDutchDate(meeting.date)}`, footer: `${title} – ${meeting.number}`, blocks };
}
