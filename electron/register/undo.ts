// Undo and redo of whole calls, on the log the undo triggers keep (migrations/0003-undo-log.ts).
// Every change a call makes is logged with its reversing statement; finishStep() files them
// under one step named after the call. Undo runs a step's statements newest first, while the
// triggers record what reverses the undo: that becomes the redo step.
import { RegisterError } from '../../shared/errors';
import type { UndoState } from '../../shared/domain';
import { timestamp } from './clock';
import type { Register } from './db';

/** How many steps back the secretary can go. */
const KEEP_STEPS = 200;

type Stack = 'undo' | 'redo';

function record(reg: Register, recording: Stack | 'off'): void {
  reg.db.prepare('UPDATE undo_state SET recording = ? WHERE id = 1').run(recording);
}

/** Files the changes a call made (if any) as one undo step; a new edit makes redo impossible. */
export function finishStep(reg: Register, call: string, item: number | null): void {
  if (!reg.db.prepare('SELECT 1 FROM undo_log WHERE step IS NULL LIMIT 1').get()) return;
  fileStep(reg, 'undo', call, item);
  reg.db.prepare(`DELETE FROM undo_step WHERE stack = 'redo'`).run();
  const old = reg.db.prepare(`SELECT id FROM undo_step WHERE stack = 'undo' ORDER BY id DESC LIMIT 1 OFFSET ?`).pluck().get(KEEP_STEPS);
  if (old !== undefined) reg.db.prepare(`DELETE FROM undo_step WHERE stack = 'undo' AND id <= ?`).run(old);
}

function fileStep(reg: Register, stack: Stack, call: string, item: number | null): void {
  const { lastInsertRowid } = reg.db
    .prepare('INSERT INTO undo_step (stack, call, item, at) VALUES (?, ?, ?, ?)')
    .run(stack, call, item, timestamp(reg.clock));
  reg.db.prepare('UPDATE undo_log SET step = ?, stack = ? WHERE step IS NULL').run(lastInsertRowid, stack);
}

function replay(reg: Register, from: Stack): void {
  const step = reg.db
    .prepare('SELECT id, call, item FROM undo_step WHERE stack = ? ORDER BY id DESC LIMIT 1')
    .get(from) as { id: number; call: string; item: number | null } | undefined;
  if (!step) throw new RegisterError('conflict', from === 'undo' ? 'There is nothing to undo.' : 'There is nothing to redo.');
  const statements = reg.db.prepare('SELECT statement FROM undo_log WHERE step = ? ORDER BY id DESC').pluck().all(step.id) as string[];
  const to: Stack = from === 'undo' ? 'redo' : 'undo';
  record(reg, to);
  try {
    for (const statement of statements) reg.db.exec(statement);
  } finally {
    record(reg, 'undo');
  }
  reg.db.prepare('DELETE FROM undo_step WHERE id = ?').run(step.id);
  fileStep(reg, to, step.call, step.item);
}

export function undo(reg: Register): UndoState {
  replay(reg, 'undo');
  return undoState(reg);
}

export function redo(reg: Register): UndoState {
  replay(reg, 'redo');
  return undoState(reg);
}

export function undoState(reg: Register): UndoState {
  const top = (stack: Stack) =>
    (reg.db.prepare('SELECT call, item, at FROM undo_step WHERE stack = ? ORDER BY id DESC LIMIT 1').get(stack) as
      | UndoState['undo']
      | undefined) ?? null;
  return { undo: top('undo'), redo: top('redo') };
}

/** Seeding is not an edit: nothing of it can be undone. */
export function forgetUndo(reg: Register): void {
  reg.db.exec(`DELETE FROM undo_log; DELETE FROM undo_step;`);
}

/** A vaststelling is final: what was done before it can no longer be undone (nor redone). */
export function forgetUndoBefore(reg: Register): void {
  reg.db.exec('DELETE FROM undo_log WHERE step IS NOT NULL; DELETE FROM undo_step;');
}
