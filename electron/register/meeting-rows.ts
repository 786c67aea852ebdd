// A meeting's row and the checks every meeting edit starts with: found by number, allowed in its state.
import { RegisterError } from '../../shared/errors';
import type { IsoDate } from '../../shared/dates';
import { EDITABLE, type MeetingKind, type MeetingState } from '../../shared/meeting';
import type { Register } from './db';

export interface MeetingRow {
  id: number;
  number: string;
  year: number;
  seq: number;
  date: IsoDate;
  kind: MeetingKind;
  title: string | null;
  location: string | null;
  state: MeetingState;
  approved_in_id: number | null;
  approval: 'ongewijzigd' | 'met_wijzigingen' | null;
  approval_note: string | null;
}

const SELECT_MEETING = `SELECT id, number, year, seq, date, kind, title, location, state, approved_in_id, approval, approval_note FROM meeting`;

export function meetingRow(reg: Register, number: string, field = 'number'): MeetingRow {
  const row = reg.db.prepare(`${SELECT_MEETING} WHERE number = ?`).get(number) as MeetingRow | undefined;
  if (!row) throw new RegisterError('not_found', `There is no meeting ${number}.`, field);
  return row;
}

export function meetingRowById(reg: Register, id: number): MeetingRow {
  return reg.db.prepare(`${SELECT_MEETING} WHERE id = ?`).get(id) as MeetingRow;
}

const STATE_WORDS: Record<MeetingState, string> = {
  concept: 'a concept',
  agenda_vastgesteld: 'on a fixed agenda',
  in_vergadering: 'in session',
  afgerond: 'afgerond',
  vastgesteld: 'vastgesteld',
  geannuleerd: 'geannuleerd',
};

/** Refuses an edit the meeting's state does not allow: a vastgesteld meeting is final. */
export function requireEditable(row: MeetingRow, what: keyof typeof EDITABLE, field?: string): void {
  if (EDITABLE[what](row.state)) return;
  const why =
    row.state === 'vastgesteld'
      ? `meeting ${row.number} is vastgesteld and final; a correction is a besluit in a later meeting that names it.`
      : row.state === 'geannuleerd'
        ? `meeting ${row.number} is geannuleerd; nothing of it can be changed.`
        : `meeting ${row.number} is ${STATE_WORDS[row.state]}; its ${what === 'details' ? 'details' : what} cannot be changed now.`;
  throw new RegisterError('conflict', why, field);
}

/** The meeting before this one that took place or will: the one whose besluitenlijst it approves. */
export function previousMeeting(reg: Register, row: Pick<MeetingRow, 'seq' | 'date'>): MeetingRow | null {
  // Meetings of one date in the order of their numbers (seq), which every copy of the register shares.
  return (
    (reg.db
      .prepare(`${SELECT_MEETING} WHERE state <> 'geannuleerd' AND (date < ? OR (date = ? AND seq < ?)) ORDER BY date DESC, seq DESC LIMIT 1`)
      .get(row.date, row.date, row.seq) as MeetingRow | undefined) ?? null
  );
}

