// A meeting's agenda: items from the register's template of standing items, added, changed,
// moved, removed and carried over to the next meeting (doorschuiven). While the agenda is a
// concept its numbers follow its order; once it is vastgesteld the numbers stay and only the order
// the TB takes the items in changes.
import { RegisterError } from '../../shared/errors';
import type { ParsedInput } from '../../shared/contract';
import type { AgendaItem, AgendaLinks, AgendaPurpose, AgendaRef, AgendaState, AgendaTemplate, MeetingKind, StandingItem } from '../../shared/meeting';
import { timestamp } from './clock';
import type { Register } from './db';
import { actiepuntId, dossierId } from './lookup';
import { updateRow } from './update-row';
import { meetingRow, meetingRowById, requireEditable, type MeetingRow } from './meeting-rows';
import { readOutcomes } from './outcomes';

interface ItemRow {
  id: number;
  meeting_id: number;
  number: number;
  position: number;
  title: string;
  purpose: AgendaPurpose;
  presenter: string | null;
  minutes: number | null;
  proposal: string | null;
  state: AgendaState;
  standing: string | null;
  carried_from_id: number | null;
}

const SELECT_ITEM = `SELECT id, meeting_id, number, position, title, purpose, presenter, minutes, proposal, state, standing, carried_from_id FROM agenda_item`;

export function itemRow(reg: Register, id: number, field = 'id'): ItemRow {
  const row = reg.db.prepare(`${SELECT_ITEM} WHERE id = ?`).get(id) as ItemRow | undefined;
  if (!row) throw new RegisterError('not_found', `There is no agenda item ${id}.`, field);
  return row;
}

/** An item with the meeting it is on. */
export function itemWithMeeting(reg: Register, id: number, field = 'id'): { item: ItemRow; meeting: MeetingRow } {
  const item = itemRow(reg, id, field);
  return { item, meeting: meetingRowById(reg, item.meeting_id) };
}

const emptyLinks = (): AgendaLinks => ({ dossiers: [], actiepunten: [], ambitions: [] });

function readLinks(reg: Register, meetingId: number): Map<number, AgendaLinks> {
  const rows = reg.db
    .prepare(
      `SELECT l.agenda_item_id AS item, d.number AS dossier, a.number AS actiepunt, am.code AS ambition
       FROM agenda_link l JOIN agenda_item i ON i.id = l.agenda_item_id
       LEFT JOIN dossier d ON d.id = l.dossier_id LEFT JOIN actiepunt a ON a.id = l.actiepunt_id LEFT JOIN ambition am ON am.id = l.ambition_id
       WHERE i.meeting_id = ? ORDER BY l.id`,
    )
    .all(meetingId) as Array<{ item: number; dossier: number | null; actiepunt: number | null; ambition: string | null }>;
  const links = new Map<number, AgendaLinks>();
  for (const r of rows) {
    let l = links.get(r.item);
    if (!l) links.set(r.item, (l = emptyLinks()));
    if (r.dossier !== null) l.dossiers.push(r.dossier);
    if (r.actiepunt !== null) l.actiepunten.push(r.actiepunt);
    if (r.ambition !== null) l.ambitions.push(r.ambition);
  }
  for (const l of links.values()) l.dossiers.sort((a, b) => a - b), l.actiepunten.sort((a, b) => a - b);
  return links;
}

function refOf(reg: Register, itemId: number | null): AgendaRef | null {
  if (itemId === null) return null;
  const r = reg.db
    .prepare('SELECT m.number AS meeting, i.number AS item FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = ?')
    .get(itemId) as AgendaRef | undefined;
  return r ?? null;
}

/** The meeting's agenda in the order the TB takes it, each item with its links and outcomes. */
export function readItems(reg: Register, meetingId: number): AgendaItem[] {
  const rows = reg.db.prepare(`${SELECT_ITEM} WHERE meeting_id = ? ORDER BY position, created_at, id`).all(meetingId) as ItemRow[];
  const links = readLinks(reg, meetingId);
  const outcomes = readOutcomes(reg, meetingId);
  const carriedTo = reg.db.prepare(liveCopy('id')).pluck();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    position: r.position,
    title: r.title,
    purpose: r.purpose,
    presenter: r.presenter,
    minutes: r.minutes,
    proposal: r.proposal,
    state: r.state,
    standing: r.standing,
    links: links.get(r.id) ?? emptyLinks(),
    carriedFrom: refOf(reg, r.carried_from_id),
    carriedTo: refOf(reg, (carriedTo.get(r.id) as number | undefined) ?? null),
    outcomes: outcomes.get(r.id) ?? [],
  }));
}

/** SQL for the copy of a doorgeschoven item (by `carried_from_id = ?`) on a meeting that was not cancelled. */
const liveCopy = (columns: string) =>
  `SELECT ${columns} FROM agenda_item c WHERE c.carried_from_id = ? AND (SELECT state FROM meeting WHERE id = c.meeting_id) <> 'geannuleerd' ORDER BY c.id DESC LIMIT 1`;

/** Links an item to what it is about; numbers that name nothing are refused with the field they came from. */
function writeLinks(reg: Register, itemId: number, links: AgendaLinks, field: string, skipMissing = false): void {
  reg.db.prepare('DELETE FROM agenda_link WHERE agenda_item_id = ?').run(itemId);
  const insert = reg.db.prepare('INSERT INTO agenda_link (agenda_item_id, dossier_id, actiepunt_id, ambition_id) VALUES (?, ?, ?, ?)');
  const found = <T>(find: () => T): T | null => {
    try {
      return find();
    } catch (error) {
      if (skipMissing && error instanceof RegisterError) return null;
      throw error;
    }
  };
  links.dossiers.forEach((n, i) => {
    const id = found(() => dossierId(reg, n, `${field}.dossiers.${i}`));
    if (id !== null) insert.run(itemId, id, null, null);
  });
  links.actiepunten.forEach((n, i) => {
    const id = found(() => actiepuntId(reg, n, `${field}.actiepunten.${i}`));
    if (id !== null) insert.run(itemId, null, id, null);
  });
  links.ambitions.forEach((code, i) => {
    const id = reg.db.prepare('SELECT id FROM ambition WHERE code = ?').pluck().get(code) as number | undefined;
    if (id === undefined && !skipMissing) throw new RegisterError('not_found', `There is no ambition '${code}'.`, `${field}.ambitions.${i}`);
    if (id !== undefined) insert.run(itemId, null, null, id);
  });
}

/** Adds a link if the item does not have it yet (an outcome about a dossier makes the item about it). */
export function ensureLink(reg: Register, itemId: number, kind: 'dossier' | 'actiepunt', id: number): void {
  const column = kind === 'dossier' ? 'dossier_id' : 'actiepunt_id';
  if (reg.db.prepare(`SELECT 1 FROM agenda_link WHERE agenda_item_id = ? AND ${column} = ?`).get(itemId, id)) return;
  reg.db.prepare(`INSERT INTO agenda_link (agenda_item_id, ${column}) VALUES (?, ?)`).run(itemId, id);
}

/** While the agenda is a concept, its numbers are its order. */
function renumber(reg: Register, meeting: MeetingRow): void {
  const ids = reg.db.prepare('SELECT id FROM agenda_item WHERE meeting_id = ? ORDER BY position, created_at, id').pluck().all(meeting.id) as number[];
  const set = reg.db.prepare('UPDATE agenda_item SET position = ?, number = CASE WHEN ? THEN ? ELSE number END WHERE id = ? AND (position <> ? OR (? AND number <> ?))');
  const numbersFollow = meeting.state === 'concept' ? 1 : 0;
  ids.forEach((id, i) => set.run(i + 1, numbersFollow, i + 1, id, i + 1, numbersFollow, i + 1));
}

interface NewItem {
  title: string;
  purpose: AgendaPurpose;
  presenter: string | null;
  minutes: number | null;
  proposal: string | null;
  standing: string | null;
  carriedFrom: number | null;
}

/** On a fixed agenda a new item takes a number no item of it has had: past those on it and those kept when it was fixed. */
function nextFixedNumber(reg: Register, meeting: MeetingRow): number {
  const now = reg.db.prepare('SELECT coalesce(max(number), 0) FROM agenda_item WHERE meeting_id = ?').pluck().get(meeting.id) as number;
  const record = reg.db.prepare(`SELECT record FROM meeting_freeze WHERE meeting_id = ? AND stage = 'agenda'`).pluck().get(meeting.id) as string | undefined;
  const kept = record === undefined ? 0 : Math.max(0, ...(JSON.parse(record) as { items: Array<{ number: number }> }).items.map((i) => i.number));
  return Math.max(now, kept) + 1;
}

/** Inserts an item at `position` (1-based; at the end when left out) and renumbers as the state allows. */
function insertItem(reg: Register, meeting: MeetingRow, item: NewItem, position?: number): number {
  const count = reg.db.prepare('SELECT count(*) FROM agenda_item WHERE meeting_id = ?').pluck().get(meeting.id) as number;
  const at = Math.min(position ?? count + 1, count + 1);
  reg.db.prepare('UPDATE agenda_item SET position = position + 1 WHERE meeting_id = ? AND position >= ?').run(meeting.id, at);
  const number = meeting.state === 'concept' ? at : nextFixedNumber(reg, meeting);
  const now = timestamp(reg.clock);
  const { lastInsertRowid } = reg.db
    .prepare(
      `INSERT INTO agenda_item (meeting_id, number, position, title, purpose, presenter, minutes, proposal, state, standing, carried_from_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`,
    )
    .run(meeting.id, number, at, item.title, item.purpose, item.presenter, item.minutes, item.proposal, item.standing, item.carriedFrom, now, now);
  renumber(reg, meeting);
  return Number(lastInsertRowid);
}

export function addAgendaItem(reg: Register, input: ParsedInput<'agenda.add'>): AgendaItem {
  const meeting = meetingRow(reg, input.meeting, 'meeting');
  requireEditable(meeting, 'agenda', 'meeting');
  const id = insertItem(reg, meeting, { ...input, standing: null, carriedFrom: null }, input.position);
  writeLinks(reg, id, input.links, 'links');
  return readItem(reg, id);
}

export function readItem(reg: Register, id: number): AgendaItem {
  const row = itemRow(reg, id);
  return readItems(reg, row.meeting_id).find((i) => i.id === id)!;
}

export function updateAgendaItem(reg: Register, { id, patch }: ParsedInput<'agenda.update'>): AgendaItem {
  const { item, meeting } = itemWithMeeting(reg, id);
  const { links, state, ...columns } = patch;
  const onlyState = links === undefined && Object.values(columns).every((v) => v === undefined);
  // After the meeting its items' outcomes still change in the concept besluitenlijst, and so may
  // whether an item was behandeld or doorgeschoven; its wording is what was on the agenda.
  if (!(onlyState && meeting.state === 'afgerond')) requireEditable(meeting, 'agenda');
  if (meeting.state === 'afgerond' && state === 'open') {
    throw new RegisterError('conflict', `patch.state: meeting ${meeting.number} is afgerond; its items were behandeld or doorgeschoven, none is open.`, 'patch.state');
  }
  if (links !== undefined) writeLinks(reg, id, links, 'patch.links');
  updateRow(reg, 'agenda_item', { column: 'id', value: id }, { ...columns, state, updated_at: timestamp(reg.clock) });
  if (state !== undefined && state !== item.state) {
    if (state === 'doorgeschoven') carryForward(reg, meeting, id);
    else if (item.state === 'doorgeschoven') takeBack(reg, item);
  }
  return readItem(reg, id);
}

export function moveAgendaItem(reg: Register, input: ParsedInput<'agenda.move'>): AgendaItem[] {
  const { item, meeting } = itemWithMeeting(reg, input.id);
  requireEditable(meeting, 'agenda');
  const ids = (reg.db.prepare('SELECT id FROM agenda_item WHERE meeting_id = ? ORDER BY position, created_at, id').pluck().all(meeting.id) as number[]).filter((x) => x !== item.id);
  ids.splice(Math.min(input.to, ids.length + 1) - 1, 0, item.id);
  const set = reg.db.prepare('UPDATE agenda_item SET position = ? WHERE id = ? AND position <> ?');
  ids.forEach((id, i) => set.run(i + 1, id, i + 1));
  renumber(reg, meeting);
  return readItems(reg, meeting.id);
}

export function removeAgendaItem(reg: Register, input: ParsedInput<'agenda.remove'>): AgendaItem[] {
  const { item, meeting } = itemWithMeeting(reg, input.id);
  requireEditable(meeting, 'agenda');
  const outcomes = reg.db.prepare('SELECT count(*) FROM outcome WHERE agenda_item_id = ?').pluck().get(item.id) as number;
  if (outcomes > 0) throw new RegisterError('conflict', `Agenda item ${item.number} has ${outcomes} outcome(s); remove those first.`, 'id');
  if (reg.db.prepare('SELECT 1 FROM agenda_item WHERE carried_from_id = ?').get(item.id)) {
    throw new RegisterError('conflict', `Agenda item ${item.number} has been carried over to a later meeting; take it back first.`, 'id');
  }
  reg.db.prepare('DELETE FROM agenda_link WHERE agenda_item_id = ?').run(item.id);
  reg.db.prepare('DELETE FROM agenda_item WHERE id = ?').run(item.id);
  renumber(reg, meeting);
  return readItems(reg, meeting.id);
}

/** Items of the template for a new meeting: the evaluatiemoment's items only at an evaluatiemoment. */
export function addItemsFromTemplate(reg: Register, meetingId: number, kind: MeetingKind): void {
  const meeting = meetingRowById(reg, meetingId);
  const rows = reg.db
    .prepare('SELECT title, purpose, presenter, minutes, standing, evaluation_only, links FROM agenda_template_item ORDER BY position, id')
    .all() as Array<{ title: string; purpose: AgendaPurpose; presenter: string | null; minutes: number | null; standing: string | null; evaluation_only: number; links: string }>;
  for (const r of rows) {
    if (r.evaluation_only === 1 && kind !== 'evaluatiemoment') continue;
    const id = insertItem(reg, meeting, { ...r, proposal: null, carriedFrom: null });
    writeLinks(reg, id, { ...emptyLinks(), ...(JSON.parse(r.links) as Partial<AgendaLinks>) }, 'links', true);
  }
}

/** Where carried-over items go: before the rondvraag, else at the end. */
function carryPosition(reg: Register, meeting: MeetingRow): number | undefined {
  return (reg.db.prepare(`SELECT position FROM agenda_item WHERE meeting_id = ? AND standing = 'rondvraag'`).pluck().get(meeting.id) as number | undefined) ?? undefined;
}

function copyItem(reg: Register, from: number, to: MeetingRow): void {
  const source = itemRow(reg, from);
  // A standing item carried over is that meeting's own standing item: marked as carried, not doubled.
  const same =
    source.standing === null
      ? undefined
      : (reg.db.prepare('SELECT id FROM agenda_item WHERE meeting_id = ? AND standing = ? AND carried_from_id IS NULL').pluck().get(to.id, source.standing) as number | undefined);
  if (same !== undefined) {
    reg.db.prepare('UPDATE agenda_item SET carried_from_id = ?, updated_at = ? WHERE id = ?').run(source.id, timestamp(reg.clock), same);
    reg.db
      .prepare(
        `INSERT INTO agenda_link (agenda_item_id, dossier_id, actiepunt_id, ambition_id)
         SELECT ?, l.dossier_id, l.actiepunt_id, l.ambition_id FROM agenda_link l WHERE l.agenda_item_id = ?
           AND NOT EXISTS (SELECT 1 FROM agenda_link o WHERE o.agenda_item_id = ? AND o.dossier_id IS l.dossier_id AND o.actiepunt_id IS l.actiepunt_id AND o.ambition_id IS l.ambition_id)
         ORDER BY l.id`,
      )
      .run(same, source.id, same);
    return;
  }
  const id = insertItem(reg, to, { ...source, standing: null, carriedFrom: source.id }, carryPosition(reg, to));
  reg.db
    .prepare('INSERT INTO agenda_link (agenda_item_id, dossier_id, actiepunt_id, ambition_id) SELECT ?, dossier_id, actiepunt_id, ambition_id FROM agenda_link WHERE agenda_item_id = ? ORDER BY id')
    .run(id, source.id);
}

/** The next meeting that can still take items: later, and its agenda still open to additions. */
function nextOpenMeeting(reg: Register, meeting: MeetingRow): MeetingRow | null {
  const id = reg.db
    .prepare(
      `SELECT id FROM meeting WHERE state IN ('concept', 'agenda_vastgesteld') AND (date > ? OR (date = ? AND seq > ?)) ORDER BY date, seq LIMIT 1`,
    )
    .pluck()
    .get(meeting.date, meeting.date, meeting.seq) as number | undefined;
  return id === undefined ? null : meetingRowById(reg, id);
}

/** Doorschuiven: the item goes onto the next meeting's agenda now, or when that meeting is planned. */
function carryForward(reg: Register, meeting: MeetingRow, itemId: number): void {
  const next = nextOpenMeeting(reg, meeting);
  if (next) copyItem(reg, itemId, next);
}

/** A new meeting takes every item doorgeschoven by an earlier meeting that no meeting has taken yet. */
export function carryPendingItems(reg: Register, meeting: MeetingRow): void {
  const pending = reg.db
    .prepare(
      `SELECT i.id FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
       WHERE i.state = 'doorgeschoven' AND NOT EXISTS (${liveCopy('1').replace('= ?', '= i.id')})
         AND (m.date < ? OR (m.date = ? AND m.seq < ?)) ORDER BY m.date, m.seq, i.number`,
    )
    .pluck()
    .all(meeting.date, meeting.date, meeting.seq) as number[];
  for (const id of pending) copyItem(reg, id, meetingRowById(reg, meeting.id));
}

/** Undoing a doorschuiven takes the copy off the later agenda, as long as nothing happened to it there. */
function takeBack(reg: Register, item: ItemRow): void {
  const copy = reg.db.prepare(liveCopy('id, meeting_id, number')).get(item.id) as
    | { id: number; meeting_id: number; number: number }
    | undefined;
  if (!copy) return;
  const target = meetingRowById(reg, copy.meeting_id);
  const outcomes = reg.db.prepare('SELECT count(*) FROM outcome WHERE agenda_item_id = ?').pluck().get(copy.id) as number;
  if (outcomes > 0 || !['concept', 'agenda_vastgesteld'].includes(target.state) || reg.db.prepare('SELECT 1 FROM agenda_item WHERE carried_from_id = ?').get(copy.id)) {
    throw new RegisterError('conflict', `patch.state: the item is on the agenda of ${target.number} (item ${copy.number}) and has been dealt with there; it stays doorgeschoven.`, 'patch.state');
  }
  if (reg.db.prepare('SELECT standing IS NOT NULL FROM agenda_item WHERE id = ?').pluck().get(copy.id) === 1) {
    // The later meeting's own standing item: it stays, no longer carrying this one.
    reg.db.prepare('UPDATE agenda_item SET carried_from_id = NULL, updated_at = ? WHERE id = ?').run(timestamp(reg.clock), copy.id);
    return;
  }
  reg.db.prepare('DELETE FROM agenda_link WHERE agenda_item_id = ?').run(copy.id);
  reg.db.prepare('DELETE FROM agenda_item WHERE id = ?').run(copy.id);
  renumber(reg, target);
}

/** A cancelled meeting's carried-over items go on to the next meeting that can take them. */
export function carryOnFrom(reg: Register, cancelled: MeetingRow): void {
  const sources = reg.db
    .prepare(`SELECT s.id, s.meeting_id FROM agenda_item i JOIN agenda_item s ON s.id = i.carried_from_id WHERE i.meeting_id = ? AND s.state = 'doorgeschoven' ORDER BY i.position`)
    .all(cancelled.id) as Array<{ id: number; meeting_id: number }>;
  for (const s of sources) carryForward(reg, meetingRowById(reg, s.meeting_id), s.id);
}

/** Afronden: what is still open was dealt with. */
export function closeOpenItems(reg: Register, meetingId: number): void {
  reg.db.prepare(`UPDATE agenda_item SET state = 'behandeld', updated_at = ? WHERE meeting_id = ? AND state = 'open'`).run(timestamp(reg.clock), meetingId);
}

/** The item a meeting's standing business goes to (the besluitenlijst item), else its first item. */
export function standingItem(reg: Register, meeting: MeetingRow, standing: string): number {
  const id =
    (reg.db.prepare('SELECT id FROM agenda_item WHERE meeting_id = ? AND standing = ?').pluck().get(meeting.id, standing) as number | undefined) ??
    (reg.db.prepare('SELECT id FROM agenda_item WHERE meeting_id = ? ORDER BY number LIMIT 1').pluck().get(meeting.id) as number | undefined);
  if (id === undefined) throw new RegisterError('conflict', `Meeting ${meeting.number} has no agenda items to record this on.`);
  return id;
}

// ---- The template ----

export function getAgendaTemplate(reg: Register): AgendaTemplate {
  const rows = reg.db
    .prepare('SELECT title, purpose, presenter, minutes, standing, evaluation_only, links FROM agenda_template_item ORDER BY position, id')
    .all() as Array<{ title: string; purpose: AgendaPurpose; presenter: string | null; minutes: number | null; standing: string | null; evaluation_only: number; links: string }>;
  return {
    items: rows.map((r) => ({
      title: r.title,
      purpose: r.purpose,
      presenter: r.presenter,
      minutes: r.minutes,
      standing: r.standing as StandingItem | null,
      evaluationOnly: r.evaluation_only === 1,
      links: { ...emptyLinks(), ...(JSON.parse(r.links) as Partial<AgendaLinks>) },
    })),
  };
}

/** Replaces the template; meetings that exist keep their agendas. Links must name what exists. */
export function updateAgendaTemplate(reg: Register, input: ParsedInput<'agendaTemplate.update'>): AgendaTemplate {
  input.items.forEach((item, i) => {
    item.links.dossiers.forEach((n, j) => dossierId(reg, n, `items.${i}.links.dossiers.${j}`));
    item.links.actiepunten.forEach((n, j) => actiepuntId(reg, n, `items.${i}.links.actiepunten.${j}`));
    item.links.ambitions.forEach((code, j) => {
      if (!reg.db.prepare('SELECT 1 FROM ambition WHERE code = ?').get(code)) throw new RegisterError('not_found', `There is no ambition '${code}'.`, `items.${i}.links.ambitions.${j}`);
    });
  });
  reg.db.prepare('DELETE FROM agenda_template_item').run();
  const insert = reg.db.prepare(
    'INSERT INTO agenda_template_item (position, title, purpose, presenter, minutes, standing, evaluation_only, links) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  input.items.forEach((item, i) =>
    insert.run(i + 1, item.title, item.purpose, item.presenter, item.minutes, item.standing, item.evaluationOnly ? 1 : 0, JSON.stringify(item.links)),
  );
  return getAgendaTemplate(reg);
}
