// Evaluatiemomenten: the TB meetings at which the register is discussed.
import type { Evaluatiemoment } from '../../shared/domain';
import type { ParsedInput } from '../../shared/contract';
import { timestamp } from './clock';
import type { Register } from './db';

export function listMeetings(reg: Register): Evaluatiemoment[] {
  return reg.db.prepare('SELECT id, date, title FROM evaluatiemoment ORDER BY date, id').all() as Evaluatiemoment[];
}

export function createMeeting(reg: Register, input: ParsedInput<'meeting.create'>): Evaluatiemoment {
  const { lastInsertRowid } = reg.db
    .prepare('INSERT INTO evaluatiemoment (date, title, created_at) VALUES (?, ?, ?)')
    .run(input.date, input.title, timestamp(reg.clock));
  return { id: Number(lastInsertRowid), date: input.date, title: input.title };
}
