// What a meeting decided, per agenda item: besluiten (numbered B-<year>-<nn> when the meeting is
// afgerond), new actiepunten, notities (meeting remarks, never the dossier's Toelichting) and
// prioriteitswijzigingen (dated on the meeting's date). And the views across meetings: every
// besluit, and where a dossier or actiepunt was discussed.
import { RegisterError } from '../../shared/errors';
import type { ParsedInput } from '../../shared/contract';
import type { Profile } from '../../shared/domain';
import { fold } from '../../shared/search';
import { decisionNumber, type Decision, type Discussion, type Outcome, type OutcomeKind, type ReplaceKind } from '../../shared/meeting';
import { timestamp } from './clock';
import type { Register } from './db';
import { actiepuntId, claimSeriesNumber, dossierId } from './lookup';
import { createActiepunt } from './actiepunten';
import { decideRanking, setPriority } from './dossier-priorities';
import { updateRow } from './update-row';
import { newestRowId } from './dated-rows';
import { authorOf } from '../profile-store';
import { requireEditable, type MeetingRow } from './meeting-rows';
import { ensureLink, itemWithMeeting, standingItem } from './agenda';

interface OutcomeRow {
  id: number;
  item: number;
  kind: OutcomeKind;
  text: string | null;
  dossier: number | null;
  actiepunt: number | null;
  priority: number | null;
  rank: number | null;
  decision_number: string | null;
  replaces_number: string | null;
  replace_kind: ReplaceKind | null;
  replaced_by_number: string | null;
  replaced_by_kind: ReplaceKind | null;
  replaced_by_meeting: string | null;
  author: string | null;
  author_role: string | null;
  created_at: string;
}

const SELECT_OUTCOMES = `
SELECT o.id, o.agenda_item_id AS item, o.kind, o.text, d.number AS dossier, a.number AS actiepunt, o.priority, o.rank,
       o.decision_number, r.decision_number AS replaces_number, o.replace_kind,
       x.decision_number AS replaced_by_number, x.replace_kind AS replaced_by_kind, xm.number AS replaced_by_meeting,
       o.author, o.author_role, o.created_at
FROM outcome o
LEFT JOIN dossier d ON d.id = o.dossier_id
LEFT JOIN actiepunt a ON a.id = o.actiepunt_id
LEFT JOIN outcome r ON r.id = o.replaces_id
LEFT JOIN outcome x ON x.id = (SELECT max(id) FROM outcome WHERE replaces_id = o.id)
LEFT JOIN agenda_item xi ON xi.id = x.agenda_item_id
LEFT JOIN meeting xm ON xm.id = xi.meeting_id`;

function toOutcome(r: OutcomeRow): Outcome {
  return {
    id: r.id,
    kind: r.kind,
    text: r.text,
    dossier: r.dossier,
    actiepunt: r.actiepunt,
    priority: r.priority === null ? null : { priority: r.priority === 1, rank: r.rank },
    decisionNumber: r.decision_number,
    replaces: r.replace_kind ? { decision: r.replaces_number ?? '', kind: r.replace_kind } : null,
    replacedBy: r.replaced_by_kind ? { decision: r.replaced_by_number ?? '', kind: r.replaced_by_kind, meeting: r.replaced_by_meeting ?? '' } : null,
    recordedBy: authorOf(r.author, r.author_role),
    recordedAt: r.created_at,
  };
}

/** A meeting's outcomes per agenda item, in the order they were recorded. */
export function readOutcomes(reg: Register, meetingId: number): Map<number, Outcome[]> {
  const rows = reg.db
    .prepare(`${SELECT_OUTCOMES} JOIN agenda_item i ON i.id = o.agenda_item_id WHERE i.meeting_id = ? ORDER BY o.position, o.created_at, o.id`)
    .all(meetingId) as OutcomeRow[];
  const byItem = new Map<number, Outcome[]>();
  for (const r of rows) {
    let list = byItem.get(r.item);
    if (!list) byItem.set(r.item, (list = []));
    list.push(toOutcome(r));
  }
  return byItem;
}

function readOutcome(reg: Register, id: number): Outcome {
  return toOutcome(reg.db.prepare(`${SELECT_OUTCOMES} WHERE o.id = ?`).get(id) as OutcomeRow);
}

interface NewOutcome {
  kind: OutcomeKind;
  text: string | null;
  dossierId?: number | null;
  actiepuntId?: number | null;
  priority?: number | null;
  rank?: number | null;
  replacesId?: number | null;
  replaceKind?: ReplaceKind | null;
  approvesId?: number | null;
}

function insertOutcome(reg: Register, itemId: number, o: NewOutcome, author: Profile | null): number {
  const position = reg.db.prepare('SELECT coalesce(max(position), 0) + 1 FROM outcome WHERE agenda_item_id = ?').pluck().get(itemId) as number;
  const now = timestamp(reg.clock);
  const { lastInsertRowid } = reg.db
    .prepare(
      `INSERT INTO outcome (agenda_item_id, position, kind, text, dossier_id, actiepunt_id, priority, rank, replaces_id, replace_kind, approves_id, author, author_role, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      itemId,
      position,
      o.kind,
      o.text,
      o.dossierId ?? null,
      o.actiepuntId ?? null,
      o.priority ?? null,
      o.rank ?? null,
      o.replacesId ?? null,
      o.replaceKind ?? null,
      o.approvesId ?? null,
      author?.name ?? null,
      author?.role ?? null,
      now,
      now,
    );
  return Number(lastInsertRowid);
}

/** The earlier besluit a new one replaces or withdraws: numbered, of an earlier meeting, not already replaced. */
function replacedDecision(reg: Register, meeting: MeetingRow, decision: string, field: string, self?: number): number {
  const row = reg.db
    .prepare(
      `SELECT o.id, m.date, m.id AS meeting_id, (SELECT count(*) FROM outcome WHERE replaces_id = o.id AND id <> coalesce(?, 0)) AS replaced
       FROM outcome o JOIN agenda_item i ON i.id = o.agenda_item_id JOIN meeting m ON m.id = i.meeting_id WHERE o.decision_number = ?`,
    )
    .get(self ?? null, decision) as { id: number; date: string; meeting_id: number; replaced: number } | undefined;
  if (!row) throw new RegisterError('not_found', `There is no besluit ${decision}.`, field);
  if (row.meeting_id === meeting.id || row.date > meeting.date || (row.date === meeting.date && row.meeting_id > meeting.id)) {
    throw new RegisterError('conflict', `${field}: besluit ${decision} is not from an earlier meeting; a besluit replaces only an earlier one.`, field);
  }
  if (row.replaced > 0) throw new RegisterError('conflict', `${field}: besluit ${decision} has already been replaced or withdrawn.`, field);
  return row.id;
}

export function addOutcome(reg: Register, input: ParsedInput<'outcome.add'>, author: Profile | null): Outcome {
  const { item, meeting } = itemWithMeeting(reg, input.item, 'item');
  requireEditable(meeting, 'outcomes', 'item');
  const linkedDossier = (number: number | null) => {
    if (number === null) return null;
    const id = dossierId(reg, number, 'dossier');
    ensureLink(reg, item.id, 'dossier', id);
    return id;
  };
  let id: number;
  switch (input.kind) {
    case 'besluit': {
      const replacesId = input.replaces ? replacedDecision(reg, meeting, input.replaces.decision, 'replaces.decision') : null;
      id = insertOutcome(reg, item.id, { kind: 'besluit', text: input.text, dossierId: linkedDossier(input.dossier), replacesId, replaceKind: input.replaces?.kind ?? null }, author);
      // A besluit added to a concept besluitenlijst after the meeting gets the next number at once.
      if (meeting.state === 'afgerond') giveNumber(reg, meeting, id);
      break;
    }
    case 'actiepunt': {
      const created = createActiepunt(reg, {
        text: input.text,
        subPoints: [],
        owners: input.owners,
        deadline: input.deadline,
        remarks: null,
        status: 'open',
        statusDate: meeting.date,
        dossier: input.dossier,
      });
      const actiepunt = actiepuntId(reg, created.number);
      ensureLink(reg, item.id, 'actiepunt', actiepunt);
      id = insertOutcome(reg, item.id, { kind: 'actiepunt', text: input.text, dossierId: linkedDossier(input.dossier), actiepuntId: actiepunt }, author);
      break;
    }
    case 'notitie':
      id = insertOutcome(reg, item.id, { kind: 'notitie', text: input.text, dossierId: linkedDossier(input.dossier) }, author);
      break;
    case 'prioriteit': {
      const dossier = linkedDossier(input.dossier)!;
      if (!input.priority && input.rank !== null) throw new RegisterError('invalid_input', 'rank: only a priority dossier has a rank.', 'rank');
      // Dated on the meeting's date; the dossier's ranks among the others follow as one change.
      setPriority(reg, { number: input.dossier, priority: input.priority, rank: input.rank ?? undefined, date: meeting.date, note: input.text });
      // What the meeting decided is the state on its date (not today's, when it is recorded later).
      const on = reg.db
        .prepare(`SELECT priority, rank FROM dossier_priority WHERE id = ${newestRowId('dossier_priority', '?', '?')}`)
        .get(dossier, meeting.date) as { priority: number; rank: number | null };
      id = insertOutcome(reg, item.id, { kind: 'prioriteit', text: input.text, dossierId: dossier, priority: on.priority, rank: on.rank }, author);
      break;
    }
  }
  return readOutcome(reg, id);
}

export function updateOutcome(reg: Register, { id, patch }: ParsedInput<'outcome.update'>): Outcome {
  const { row, meeting, itemId } = outcomeWithMeeting(reg, id);
  requireEditable(meeting, 'outcomes');
  if (row.kind === 'actiepunt') {
    throw new RegisterError('conflict', `Outcome ${id} is actiepunt ${row.actiepunt}; change the actiepunt itself in the actiepuntenlijst.`, 'id');
  }
  if (row.kind !== 'besluit' && patch.replaces !== undefined) {
    throw new RegisterError('invalid_input', 'patch.replaces: only a besluit replaces or withdraws another.', 'patch.replaces');
  }
  if (row.kind === 'prioriteit' && patch.dossier !== undefined) {
    throw new RegisterError('conflict', 'patch.dossier: a prioriteitswijziging keeps its dossier; record a new one for another dossier.', 'patch.dossier');
  }
  const dossier = patch.dossier === undefined ? undefined : patch.dossier === null ? null : dossierId(reg, patch.dossier, 'patch.dossier');
  if (dossier) ensureLink(reg, itemId, 'dossier', dossier);
  const replacesId = patch.replaces === undefined ? undefined : patch.replaces === null ? null : replacedDecision(reg, meeting, patch.replaces.decision, 'patch.replaces.decision', id);
  updateRow(reg, 'outcome', { column: 'id', value: id }, {
    text: patch.text,
    dossier_id: dossier,
    replaces_id: replacesId,
    replace_kind: patch.replaces === undefined ? undefined : (patch.replaces?.kind ?? null),
    updated_at: timestamp(reg.clock),
  });
  return readOutcome(reg, id);
}

export function removeOutcome(reg: Register, { id }: ParsedInput<'outcome.remove'>): { removed: number } {
  const { row, meeting } = outcomeWithMeeting(reg, id);
  requireEditable(meeting, 'outcomes');
  if (reg.db.prepare('SELECT 1 FROM outcome WHERE replaces_id = ?').get(id)) {
    throw new RegisterError('conflict', `Besluit ${row.decision_number ?? id} is replaced by a later besluit; it stays on record.`, 'id');
  }
  if (row.kind === 'prioriteit') {
    throw new RegisterError('conflict', 'A prioriteitswijziging is part of the dossier’s history; record the priority as it should be instead.', 'id');
  }
  reg.db.prepare('DELETE FROM outcome WHERE id = ?').run(id);
  if (row.kind === 'actiepunt' && row.actiepunt_id !== null) removeFreshActiepunt(reg, row.actiepunt_id);
  return { removed: id };
}

/** An actiepunt recorded by mistake goes with its outcome, unless it has a life of its own already. */
function removeFreshActiepunt(reg: Register, id: number): void {
  const statuses = reg.db.prepare('SELECT count(*) FROM actiepunt_status WHERE actiepunt_id = ?').pluck().get(id) as number;
  const links = reg.db.prepare('SELECT count(*) FROM agenda_link WHERE actiepunt_id = ?').pluck().get(id) as number;
  const outcomes = reg.db.prepare('SELECT count(*) FROM outcome WHERE actiepunt_id = ?').pluck().get(id) as number;
  // Worked on: any change but the one that made it (the audit trail files each call's changes under one change).
  const calls = reg.db
    .prepare('SELECT count(DISTINCT change_id) FROM audit_log WHERE actiepunt = (SELECT number FROM actiepunt WHERE id = ?) AND change_id IS NOT NULL')
    .pluck()
    .get(id) as number;
  if (statuses > 1 || links > 1 || outcomes > 0 || calls > 1) {
    throw new RegisterError('conflict', 'The actiepunt has been worked on since; archive it in the actiepuntenlijst instead.', 'id');
  }
  for (const table of ['agenda_link', 'actiepunt_status', 'actiepunt_owner', 'actiepunt_sub_point']) {
    reg.db.prepare(`DELETE FROM ${table} WHERE actiepunt_id = ?`).run(id);
  }
  reg.db.prepare('DELETE FROM actiepunt WHERE id = ?').run(id);
}

function outcomeWithMeeting(reg: Register, id: number) {
  const row = reg.db
    .prepare(
      `SELECT o.id, o.kind, o.agenda_item_id, o.actiepunt_id, o.decision_number, a.number AS actiepunt, m.number AS approves
       FROM outcome o LEFT JOIN actiepunt a ON a.id = o.actiepunt_id LEFT JOIN meeting m ON m.id = o.approves_id WHERE o.id = ?`,
    )
    .get(id) as { id: number; kind: OutcomeKind; agenda_item_id: number; actiepunt_id: number | null; decision_number: string | null; actiepunt: number | null; approves: string | null } | undefined;
  if (!row) throw new RegisterError('not_found', `There is no outcome ${id}.`, 'id');
  // The besluit that approved a besluitenlijst is that vaststelling's record: it goes only with it (undo).
  if (row.approves !== null) {
    throw new RegisterError('conflict', `This besluit records the vaststelling of the besluitenlijst of ${row.approves}; it is part of that vaststelling and cannot be changed or removed.`, 'id');
  }
  const { meeting } = itemWithMeeting(reg, row.agenda_item_id);
  return { row, meeting, itemId: row.agenda_item_id };
}

function giveNumber(reg: Register, meeting: MeetingRow, outcomeId: number): void {
  const year = Number(meeting.date.slice(0, 4));
  reg.db.prepare('UPDATE outcome SET decision_number = ? WHERE id = ?').run(decisionNumber(year, claimSeriesNumber(reg, 'besluit', year)), outcomeId);
}

/** Afronden: the meeting's besluiten get their numbers, in agenda order, continuing the year's. */
export function numberDecisions(reg: Register, meeting: MeetingRow): void {
  const ids = reg.db
    .prepare(
      `SELECT o.id FROM outcome o JOIN agenda_item i ON i.id = o.agenda_item_id
       WHERE i.meeting_id = ? AND o.kind = 'besluit' AND o.decision_number IS NULL ORDER BY i.number, o.position, o.created_at, o.id`,
    )
    .pluck()
    .all(meeting.id) as number[];
  for (const id of ids) giveNumber(reg, meeting, id);
}

/** A besluit the register records itself (the vaststelling of a besluitenlijst), on the meeting's besluitenlijst item. */
export function addDecisionOutcome(reg: Register, meeting: MeetingRow, approves: MeetingRow, text: string, author: Profile | null): void {
  const item = standingItem(reg, meeting, 'besluitenlijst');
  const id = insertOutcome(reg, item, { kind: 'besluit', text, approvesId: approves.id }, author);
  reg.db.prepare(`UPDATE agenda_item SET state = 'behandeld' WHERE id = ? AND state = 'open'`).run(item);
  if (meeting.state === 'afgerond') giveNumber(reg, meeting, id);
}

// ---- Across meetings ----

export function listDecisions(reg: Register, input: ParsedInput<'decision.list'>): Decision[] {
  const dossier = input.dossier === undefined ? null : dossierId(reg, input.dossier, 'dossier');
  const rows = reg.db
    .prepare(
      `${SELECT_OUTCOMES}
       JOIN agenda_item i ON i.id = o.agenda_item_id JOIN meeting m ON m.id = i.meeting_id
       WHERE o.kind = 'besluit' AND m.state <> 'geannuleerd' ${input.year === undefined ? '' : 'AND m.year = ?'}
         ${dossier === null ? '' : 'AND (o.dossier_id = ? OR EXISTS (SELECT 1 FROM agenda_link l WHERE l.agenda_item_id = i.id AND l.dossier_id = ?))'}
       ORDER BY m.date, m.seq, i.number, o.position, o.created_at, o.id`,
    )
    .all(...(input.year === undefined ? [] : [input.year]), ...(dossier === null ? [] : [dossier, dossier])) as OutcomeRow[];
  const items = reg.db.prepare('SELECT i.number, i.title, m.number AS meeting, m.date, m.state FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = ?');
  const itemDossiers = reg.db.prepare('SELECT d.number FROM agenda_link l JOIN dossier d ON d.id = l.dossier_id WHERE l.agenda_item_id = ? ORDER BY d.number').pluck();
  const needle = fold(input.search.trim());
  const decisions: Decision[] = [];
  for (const r of rows) {
    const o = toOutcome(r);
    const at = items.get(r.item) as { number: number; title: string; meeting: string; date: string; state: Decision['meetingState'] };
    const text = o.text ?? '';
    if (needle && !fold(`${o.decisionNumber ?? ''} ${text} ${at.meeting} ${at.title}`).includes(needle)) continue;
    const dossiers = new Set<number>(itemDossiers.all(r.item) as number[]);
    if (o.dossier !== null) dossiers.add(o.dossier);
    decisions.push({
      number: o.decisionNumber,
      text,
      meeting: at.meeting,
      date: at.date,
      meetingState: at.state,
      item: { number: at.number, title: at.title },
      dossiers: [...dossiers].sort((a, b) => a - b),
      replaces: o.replaces,
      replacedBy: o.replacedBy,
      recordedBy: o.recordedBy,
      recordedAt: o.recordedAt,
    });
  }
  return decisions;
}

/** "Besproken in": the meetings whose agenda items were about a dossier or actiepunt, and what was recorded there about it. */
export function listDiscussions(reg: Register, input: ParsedInput<'meeting.discussions'>): Discussion[] {
  const column = input.dossier !== undefined ? 'dossier_id' : 'actiepunt_id';
  const id = input.dossier !== undefined ? dossierId(reg, input.dossier, 'dossier') : actiepuntId(reg, input.actiepunt!, 'actiepunt');
  const items = reg.db
    .prepare(
      `SELECT DISTINCT i.id, i.number, i.title, m.number AS meeting, m.date, m.state, m.id AS meeting_id
       FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
       WHERE m.state <> 'geannuleerd' AND (EXISTS (SELECT 1 FROM agenda_link l WHERE l.agenda_item_id = i.id AND l.${column} = ?)
          OR EXISTS (SELECT 1 FROM outcome o WHERE o.agenda_item_id = i.id AND o.${column} = ?))
       ORDER BY m.date DESC, m.seq DESC, i.number`,
    )
    .all(id, id) as Array<{ id: number; number: number; title: string; meeting: string; date: string; state: Discussion['state']; meeting_id: number }>;
  const about = reg.db.prepare(`${SELECT_OUTCOMES} WHERE o.agenda_item_id = ? AND (o.${column} = ? OR (o.kind = 'besluit' AND o.dossier_id IS NULL AND o.actiepunt_id IS NULL)) ORDER BY o.position, o.created_at, o.id`);
  return items.map((i) => ({
    meeting: i.meeting,
    date: i.date,
    state: i.state,
    item: { number: i.number, title: i.title },
    outcomes: (about.all(i.id, id) as OutcomeRow[]).map(toOutcome),
  }));
}


const describeState = (p: { priority: boolean; rank: number | null }) => (!p.priority ? 'geen prioriteit' : p.rank === null ? 'prioriteit zonder rang' : `rang ${p.rank}`);

/**
 * Prioriteiten vaststellen: the ranking decided as a whole, dated on the meeting's date, recorded as
 * one besluit whose text holds what changed (before → after), and a prioriteitswijziging per changed
 * dossier (so each dossier's "Besproken in" shows it). One call: one undo step.
 */
export function decidePriorities(reg: Register, input: ParsedInput<'meeting.decidePriorities'>, author: Profile | null): Outcome {
  const { item, meeting } = itemWithMeeting(reg, input.item, 'item');
  requireEditable(meeting, 'outcomes', 'item');
  const changes = decideRanking(reg, meeting.date, input.ranked, input.unranked);
  const title = (n: number) => reg.db.prepare('SELECT title FROM dossier WHERE number = ?').pluck().get(n) as string;
  const lines = changes.map((c) => `- Dossier ${c.number} (${title(c.number)}): ${describeState(c.before)} → ${describeState(c.after)}`);
  const text = [input.text ?? 'Het TB stelt de prioriteiten vast.', ...(lines.length ? lines : ['De prioriteiten blijven ongewijzigd.'])].join('\n');
  const id = insertOutcome(reg, item.id, { kind: 'besluit', text }, author);
  if (meeting.state === 'afgerond') giveNumber(reg, meeting, id);
  for (const c of changes) {
    const dossier = dossierId(reg, c.number);
    ensureLink(reg, item.id, 'dossier', dossier);
    insertOutcome(reg, item.id, { kind: 'prioriteit', text: null, dossierId: dossier, priority: c.after.priority ? 1 : 0, rank: c.after.rank }, author);
  }
  return readOutcome(reg, id);
}
