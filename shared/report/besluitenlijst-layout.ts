// The besluitenlijst of a meeting (issue 13): who was there, per agenda item its besluiten
// (numbered), the actiepunten given and closed, and the remarks; a concept until the next meeting
// has vastgesteld it, then the date and manner of its vaststelling.
import { formatDutchDate } from '../dates';
import { t } from '../i18n';
import type { Meeting, Outcome } from '../meeting';
import { describeOutcome } from '../meeting-text';
import { besluitenlijstName } from '../pack';
import { meetingLines } from './agenda-layout';
import { deadlineCell, formatOwners } from './bijlage2-model';
import type { Block, DocumentSpec } from './document';
import { valueOn, type RegisterSnapshot } from './snapshot';

const presence = (p: Meeting['attendance'][number]): string =>
  p.presence === 'vervangen' ? `${t('nl', 'presence_vervangen')} ${p.substitute ?? ''}`.trim() : t('nl', `presence_${p.presence}`);

export function besluitenlijstDocument(snapshot: RegisterSnapshot, meeting: Meeting): DocumentSpec {
  const board = snapshot.jaarplan.board;
  const actiepunt = new Map(snapshot.actiepunten.map((a) => [a.number, a]));
  const dateOf = new Map(snapshot.meetings.map((m) => [m.number, m.date]));
  const blocks: Block[] = [{ kind: 'title', lines: [besluitenlijstName(meeting), ...meetingLines(board, meeting)] }];

  if (meeting.state === 'vastgesteld' && meeting.approval) {
    const when = dateOf.get(meeting.approval.in);
    const how = meeting.approval.kind === 'ongewijzigd' ? 'ongewijzigd vastgesteld' : `met wijzigingen vastgesteld: ${meeting.approval.note ?? ''}`;
    blocks.push({ kind: 'paragraph', runs: [`Vastgesteld in ${meeting.approval.in}${when ? ` op ${formatDutchDate(when)}` : ''}, ${how}`] });
  } else {
    blocks.push({ kind: 'paragraph', runs: ['Concept: deze besluitenlijst wordt vastgesteld in de volgende vergadering van het TB.'], style: 'muted' });
  }

  blocks.push({ kind: 'heading', level: 1, text: 'Aanwezig' });
  blocks.push(
    meeting.attendance.length
      ? {
          kind: 'table',
          columns: [
            { header: 'Naam', width: 0.34 },
            { header: 'Organisatie', width: 0.33 },
            { header: 'Aanwezigheid', width: 0.33 },
          ],
          rows: meeting.attendance.map((p) => ({
            cells: [[{ kind: 'paragraph', runs: [p.name] }], [{ kind: 'paragraph', runs: [p.organisation || '–'] }], [{ kind: 'paragraph', runs: [presence(p)] }]],
          })),
        }
      : { kind: 'paragraph', runs: ['Niet vastgelegd.'], style: 'muted' },
  );

  blocks.push({ kind: 'heading', level: 1, text: 'Per agendapunt' });
  const closedHere = snapshot.actiepunten.filter((a) => a.statuses.some((s) => s.date === meeting.date && s.value === 'afgerond') && valueOn(a.statuses, meeting.date) === 'afgerond');
  const closedShown = new Set<number>();
  for (const item of [...meeting.items].sort((a, b) => a.position - b.position)) {
    blocks.push({ kind: 'heading', level: 3, text: `${item.number}. ${item.title}` });
    if (item.state === 'doorgeschoven') {
      blocks.push({ kind: 'paragraph', runs: [item.carriedTo ? `Doorgeschoven naar ${item.carriedTo.meeting}.` : 'Doorgeschoven.'], style: 'muted' });
    }
    const of = (kind: Outcome['kind']) => item.outcomes.filter((o) => o.kind === kind);
    const lines: Block[] = [];
    const besluiten = of('besluit');
    if (besluiten.length) {
      lines.push({ kind: 'paragraph', runs: ['Besluiten'], style: 'label' });
      lines.push({ kind: 'list', items: besluiten.map((o) => [describeBesluit(o)]) });
    }
    const given = of('actiepunt');
    if (given.length) {
      lines.push({ kind: 'paragraph', runs: ['Nieuwe actiepunten'], style: 'label' });
      lines.push({
        kind: 'list',
        items: given.map((o) => {
          const a = o.actiepunt === null ? undefined : actiepunt.get(o.actiepunt);
          const extra = a ? ` (eigenaar: ${formatOwners(a.owners)}, deadline: ${deadlineCell(a.deadline, a.remarks).join(' ')})` : '';
          return [`${describeOutcome('nl', o)}${extra}`];
        }),
      });
    }
    const linked = new Set(item.links.actiepunten);
    const closed = closedHere.filter((a) => linked.has(a.number) || (item.standing === 'actiepuntenlijst' && !closedShown.has(a.number)));
    if (closed.length) {
      lines.push({ kind: 'paragraph', runs: ['Afgeronde actiepunten'], style: 'label' });
      lines.push({ kind: 'list', items: closed.map((a) => [`Actiepunt ${a.number}: ${a.text.split('\n')[0]}`]) });
      for (const a of closed) closedShown.add(a.number);
    }
    const others = [...of('prioriteit'), ...of('notitie')];
    if (others.length) {
      lines.push({ kind: 'paragraph', runs: ['Opmerkingen'], style: 'label' });
      lines.push({ kind: 'list', items: others.map((o) => [describeOutcome('nl', o)]) });
    }
    if (lines.length) blocks.push(...lines);
    else if (item.state !== 'doorgeschoven') blocks.push({ kind: 'paragraph', runs: ['Geen besluiten of actiepunten.'], style: 'muted' });
  }
  const rest = closedHere.filter((a) => !closedShown.has(a.number));
  if (rest.length) {
    blocks.push({ kind: 'heading', level: 3, text: 'Overige afgeronde actiepunten' });
    blocks.push({ kind: 'list', items: rest.map((a) => [`Actiepunt ${a.number}: ${a.text.split('\n')[0]}`]) });
  }

  const all = meeting.items.flatMap((i) => i.outcomes.filter((o) => o.kind === 'besluit').map((o) => ({ item: i, o })));
  blocks.push({ kind: 'heading', level: 1, text: 'Besluiten van deze vergadering' });
  blocks.push(
    all.length
      ? {
          kind: 'table',
          columns: [
            { header: 'Nummer', width: 0.14 },
            { header: 'Besluit', width: 0.7 },
            { header: 'Agendapunt', width: 0.16 },
          ],
          rows: all.map(({ item, o }) => ({
            cells: [
              [{ kind: 'paragraph', runs: [o.decisionNumber ?? 'nog geen nummer'] }],
              [{ kind: 'paragraph', runs: [describeBesluit(o).replace(/^B-\d{4}-\d+ /, '')] }],
              [{ kind: 'paragraph', runs: [String(item.number)] }],
            ],
          })),
        }
      : { kind: 'paragraph', runs: ['Deze vergadering nam geen besluiten.'], style: 'muted' },
  );
  return {
    title: besluitenlijstName(meeting),
    subject: `${board}, ${formatDutchDate(meeting.date)}`,
    footer: besluitenlijstName(meeting),
    blocks,
  };
}

/** A besluit with what it replaces or withdraws, and what replaced it later. */
function describeBesluit(o: Outcome): string {
  const replaces = o.replaces ? ` (${o.replaces.kind === 'vervangt' ? 'vervangt' : 'trekt in'} ${o.replaces.decision})` : '';
  const later = o.replacedBy ? ` [later ${o.replacedBy.kind === 'vervangt' ? 'vervangen' : 'ingetrokken'} door ${o.replacedBy.decision}]` : '';
  return `${describeOutcome('nl', o)}${replaces}${later}`;
}
