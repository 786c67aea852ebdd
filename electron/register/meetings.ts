// TB meetings (issue 11): their numbers, their life from concept to vastgesteld, and the record a
// meeting page shows. The agenda, the outcomes and the frozen register live beside this module.
import { RegisterError } from '../../shared/errors';
import type { ParsedInput } from '../../shared/contract';
import type { IsoDate } from '../../shared/dates';
import type { Profile } from '../../shared/domain';
import { openOnDate } from '../../shared/actiepunt-marks';
import {
  canMove,
  meetingNumber,
  type ActiepuntOnAgenda,
  type Attendee,
  type FreezeInfo,
  type Meeting,
  type MeetingSummary,
} from '../../shared/meeting';
import { timestamp, today } from './clock';
import type { Register } from './db';
import { currentJaarplan } from './jaarplan';
import { updateRow } from './update-row';
import { addItemsFromTemplate, carryOnFrom, carryPendingItems, closeOpenItems, readItems } from './agenda';
import { addDecisionOutcome, numberDecisions } from './outcomes';
import { freezeInfos, freezeRegister, freezeRow, frozenParts, hasStartFreeze } from './freeze';
import { readSnapshotActiepunten, readSnapshotMeetings } from './snapshot';
import { meetingRow, meetingRowById, previousMeeting, requireEditable, type MeetingRow } from './meeting-rows';
import { forgetUndoBefore } from './undo';
import { claimSeriesNumber } from './lookup';

export function listMeetings(reg: Register, input: ParsedInput<'meeting.list'> = {}): MeetingSummary[] {
  const rows = reg.db
    .prepare(
      `SELECT m.number, m.date, m.kind, m.title, m.location, m.state,
              (SELECT count(*) FROM outcome o JOIN agenda_item i ON i.id = o.agenda_item_id WHERE i.meeting_id = m.id AND o.kind = 'besluit') AS decisions
       FROM meeting m ${input.year === undefined ? '' : 'WHERE m.year = ?'} ORDER BY m.date, m.seq`,
    )
    .all(...(input.year === undefined ? [] : [input.year])) as MeetingSummary[];
  return rows;
}

export function createMeeting(reg: Register, input: ParsedInput<'meeting.create'>): Meeting {
  // The register as it stood before its first meeting is what the first "wat is er veranderd" measures from.
  if (!hasStartFreeze(reg) && currentJaarplan(reg)) freezeRegister(reg, null, 'start', null);
  const year = Number(input.date.slice(0, 4));
  const seq = claimSeriesNumber(reg, 'meeting', year);
  const number = meetingNumber(year, seq);
  const now = timestamp(reg.clock);
  const { lastInsertRowid } = reg.db
    .prepare(
      `INSERT INTO meeting (number, year, seq, date, kind, title, location, state, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'concept', ?, ?)`,
    )
    .run(number, year, seq, input.date, input.kind, input.title, input.location, now, now);
  const id = Number(lastInsertRowid);
  addItemsFromTemplate(reg, id, input.kind);
  carryPendingItems(reg, meetingRowById(reg, id));
  return getMeeting(reg, number);
}

export function updateMeeting(reg: Register, { number, patch }: ParsedInput<'meeting.update'>): Meeting {
  const row = meetingRow(reg, number);
  requireEditable(row, 'details');
  if (patch.date !== undefined && Number(patch.date.slice(0, 4)) !== row.year) {
    throw new RegisterError(
      'invalid_input',
      `patch.date: meeting ${row.number} keeps its number, which belongs to ${row.year}; plan a new meeting for a date in another year.`,
      'patch.date',
    );
  }
  if (patch.date !== undefined) keepsCarriedOrder(reg, row, patch.date);
  updateRow(reg, 'meeting', { column: 'id', value: row.id }, { ...patch, updated_at: timestamp(reg.clock) });
  return getMeeting(reg, number);
}

/** A new date keeps the meeting after the meetings its items came from and before those they went to. */
function keepsCarriedOrder(reg: Register, row: MeetingRow, date: IsoDate): void {
  const linked = (sql: string) => reg.db.prepare(sql).all(row.id) as Array<{ number: string; date: IsoDate }>;
  const from = linked(
    `SELECT DISTINCT sm.number, sm.date FROM agenda_item i JOIN agenda_item s ON s.id = i.carried_from_id JOIN meeting sm ON sm.id = s.meeting_id WHERE i.meeting_id = ?`,
  );
  const to = linked(
    `SELECT DISTINCT cm.number, cm.date FROM agenda_item i JOIN agenda_item c ON c.carried_from_id = i.id JOIN meeting cm ON cm.id = c.meeting_id WHERE i.meeting_id = ? AND cm.state <> 'geannuleerd'`,
  );
  const earlier = from.find((m) => m.date > date);
  const later = to.find((m) => m.date < date);
  const other = earlier ?? later;
  if (other) {
    throw new RegisterError(
      'conflict',
      `patch.date: items were carried over between ${row.number} and ${other.number}; ${row.number} stays ${earlier ? 'after' : 'before'} ${other.number} (${other.date}).`,
      'patch.date',
    );
  }
}

export function setMeetingState(reg: Register, input: ParsedInput<'meeting.setState'>, author: Profile | null): Meeting {
  const row = meetingRow(reg, input.number);
  const to = input.state;
  if (!canMove(row.state, to)) {
    const why =
      to === row.state
        ? `meeting ${row.number} is already ${to}.`
        : row.state === 'vastgesteld' || row.state === 'geannuleerd'
          ? `meeting ${row.number} is ${row.state} and final.`
          : `meeting ${row.number} cannot go from ${row.state} to ${to}.`;
    throw new RegisterError('conflict', `state: ${why}`, 'state');
  }
  const items = reg.db.prepare('SELECT count(*) FROM agenda_item WHERE meeting_id = ?').pluck().get(row.id) as number;
  if (to === 'agenda_vastgesteld' && items === 0) {
    throw new RegisterError('conflict', `state: meeting ${row.number} has no agenda items; an empty agenda cannot be vastgesteld.`, 'state');
  }
  if (to === 'in_vergadering' && row.date > today(reg.clock)) {
    throw new RegisterError('conflict', `state: meeting ${row.number} is dated ${row.date}; it can be opened on that day, not before.`, 'state');
  }
  const now = timestamp(reg.clock);
  if (to === 'afgerond') {
    closeOpenItems(reg, row.id);
    numberDecisions(reg, row);
  }
  if (to === 'vastgesteld') approve(reg, row, input.approval!, author);
  reg.db.prepare('UPDATE meeting SET state = ?, updated_at = ? WHERE id = ?').run(to, now, row.id);
  // Items carried onto a cancelled meeting go on to the next one (their copies here stay on record).
  if (to === 'geannuleerd') carryOnFrom(reg, row);
  // The record kept leaves out the actiepuntenlijst: it follows from the register kept beside it.
  if (to === 'agenda_vastgesteld' || to === 'afgerond') freezeRegister(reg, row.id, to === 'afgerond' ? 'afgerond' : 'agenda', getMeeting(reg, row.number, { withList: false }));
  return getMeeting(reg, row.number);
}

/** The next meeting approves the besluitenlijst: recorded on both, as a besluit of the approving meeting. */
function approve(reg: Register, row: MeetingRow, approval: NonNullable<ParsedInput<'meeting.setState'>['approval']>, author: Profile | null): void {
  const by = meetingRow(reg, approval.by, 'approval.by');
  if (by.date < row.date || (by.date === row.date && by.seq <= row.seq)) {
    throw new RegisterError('conflict', `approval.by: the besluitenlijst of ${row.number} is vastgesteld in a later meeting, and ${by.number} is not later.`, 'approval.by');
  }
  const next = previousMeeting(reg, by);
  if (next?.id !== row.id) {
    throw new RegisterError('conflict', `approval.by: the besluitenlijst of ${row.number} is vastgesteld by the next meeting, and ${by.number} is not the next one.`, 'approval.by');
  }
  if (by.state !== 'in_vergadering' && by.state !== 'afgerond') {
    throw new RegisterError('conflict', `approval.by: ${by.number} is not in session; a besluitenlijst is vastgesteld during the meeting that approves it.`, 'approval.by');
  }
  reg.db
    .prepare(`UPDATE meeting SET state = 'vastgesteld', approved_in_id = ?, approval = ?, approval_note = ? WHERE id = ?`)
    .run(by.id, approval.kind, approval.kind === 'met_wijzigingen' ? approval.note : null, row.id);
  const text =
    approval.kind === 'ongewijzigd'
      ? `De besluitenlijst van ${row.number} wordt ongewijzigd vastgesteld.`
      : `De besluitenlijst van ${row.number} wordt met wijzigingen vastgesteld: ${approval.note}`;
  addDecisionOutcome(reg, by, row, text, author);
  // Final: nothing from before this vaststelling can be undone any more (issue 11).
  forgetUndoBefore(reg);
}

export function setAttendance(reg: Register, input: ParsedInput<'attendance.set'>): Meeting {
  const row = meetingRow(reg, input.meeting, 'meeting');
  requireEditable(row, 'attendance');
  reg.db.prepare('DELETE FROM attendance WHERE meeting_id = ?').run(row.id);
  const insert = reg.db.prepare('INSERT INTO attendance (meeting_id, position, name, organisation, presence, substitute) VALUES (?, ?, ?, ?, ?, ?)');
  input.people.forEach((p, i) => insert.run(row.id, i + 1, p.name, p.organisation, p.presence, p.presence === 'vervangen' ? p.substitute : null));
  return getMeeting(reg, row.number);
}

function readAttendance(reg: Register, meetingId: number): Attendee[] {
  return reg.db
    .prepare('SELECT name, organisation, presence, substitute FROM attendance WHERE meeting_id = ? ORDER BY position')
    .all(meetingId) as Attendee[];
}

/** The numbers of the actiepunten a meeting gave out (its actiepunt outcomes). */
function givenAt(reg: Register, meetingId: number): Set<number> {
  return new Set(
    reg.db
      .prepare(`SELECT a.number FROM outcome o JOIN agenda_item i ON i.id = o.agenda_item_id JOIN actiepunt a ON a.id = o.actiepunt_id WHERE i.meeting_id = ?`)
      .pluck()
      .all(meetingId) as number[],
  );
}

/**
 * The meeting's actiepuntenlijst: from the register as it is, or, once the meeting has been held
 * (afgerond), from the register as it was kept at its close, whatever happened to the actiepunten since.
 */
function actiepuntenlijst(reg: Register, row: MeetingRow, previous: MeetingRow | null): ActiepuntOnAgenda[] {
  const kept = row.state === 'afgerond' || row.state === 'vastgesteld' ? freezeRow(reg, row.id, 'afgerond') : null;
  const source = kept ? frozenParts(reg, kept.id, ['a:', 'meetings']) : null;
  const meetings = source ? source.meetings : readSnapshotMeetings(reg);
  const upToThis = meetings.filter((m) => m.date <= row.date && m.number !== row.number).map((m) => m.date);
  return openOnDate(source ? source.actiepunten : readSnapshotActiepunten(reg), {
    date: row.date,
    previous: previous?.date ?? null,
    referenceDate: currentJaarplan(reg)?.referenceDate ?? row.date,
    meetingDates: [...upToThis, row.date],
    givenHere: givenAt(reg, row.id),
  });
}

/** The meeting's own record: what its page shows and what a freeze keeps with it. */
export function getMeeting(reg: Register, number: string, options: { withList?: boolean } = {}): Meeting {
  const row = meetingRow(reg, number);
  const previous = previousMeeting(reg, row);
  const items = readItems(reg, row.id);
  const approvedIn = row.approved_in_id === null ? null : meetingRowById(reg, row.approved_in_id);
  const freezes: FreezeInfo[] = freezeInfos(reg, row.id, row.state);
  return {
    number: row.number,
    date: row.date,
    kind: row.kind,
    title: row.title,
    location: row.location,
    state: row.state,
    decisions: items.reduce((n, i) => n + i.outcomes.filter((o) => o.kind === 'besluit').length, 0),
    items,
    attendance: readAttendance(reg, row.id),
    approval: approvedIn && row.approval ? { in: approvedIn.number, kind: row.approval, note: row.approval_note } : null,
    approves: reg.db.prepare('SELECT number FROM meeting WHERE approved_in_id = ? ORDER BY date, seq').pluck().all(row.id) as string[],
    previous: previous?.number ?? null,
    freezes,
    actiepuntenlijst: options.withList === false ? [] : actiepuntenlijst(reg, row, previous),
  };
}

