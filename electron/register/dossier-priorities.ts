// The TB-priority mark and rank, as dated rows. Ranks among priority dossiers stay 1..n without gaps.
import { RegisterError } from '../../shared/errors';
import type { IsoDate } from '../../shared/dates';
import type { Dossier, DossierSummary, PriorityState } from '../../shared/domain';
import type { ParsedInput } from '../../shared/contract';
import { timestamp } from './clock';
import type { Register } from './db';
import { newestRowId } from './dated-rows';
import { getDossier, listDossiers } from './dossiers';
import { dossierId, effectiveDate } from './lookup';

export function insertPriorityRow(reg: Register, id: number, date: IsoDate, state: PriorityState, note: string | null): void {
  reg.db
    .prepare(
      `INSERT INTO dossier_priority (dossier_id, effective_date, priority, rank, note, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(id, date, state.priority ? 1 : 0, state.rank, note, timestamp(reg.clock));
}

interface CurrentPriority {
  id: number;
  number: number;
  priority: boolean;
  rank: number | null;
}

/**
 * The priority dossiers as they stood on `date`: a change is weighed against the state on its own
 * date, as a phase or status change is, so a back-dated mark is recorded (issue 15's soak: it was
 * compared with today's state and left no row).
 */
function prioritiesOn(reg: Register, date: IsoDate): CurrentPriority[] {
  const rows = reg.db
    .prepare(
      `SELECT d.id, d.number, pr.priority, pr.rank FROM dossier d
       JOIN dossier_priority pr ON pr.id = ${newestRowId('dossier_priority', 'd.id', '?')}
       WHERE pr.priority = 1`,
    )
    .all(date) as Array<{ id: number; number: number; priority: number; rank: number | null }>;
  return rows.map((r) => ({ id: r.id, number: r.number, priority: true, rank: r.rank }));
}

/**
 * Records the state of every dossier whose mark or rank differs from `target`. A dossier already
 * changed on the same date keeps one row for that date: the row is brought up to date (or dropped
 * when the dossier is back where it stood the day before), so a day of reordering reads as one
 * change in its history, not "rang 1 / rang 2 / rang 3" on one day (issue 11).
 */
function applyPriorities(
  reg: Register,
  before: Map<number, PriorityState>,
  target: Map<number, PriorityState>,
  date: IsoDate,
  notes: Map<number, string | null>,
): void {
  const sameDay = reg.db.prepare('SELECT id, note FROM dossier_priority WHERE dossier_id = ? AND effective_date = ? ORDER BY id DESC LIMIT 1');
  const dayBefore = reg.db.prepare('SELECT priority, rank FROM dossier_priority WHERE dossier_id = ? AND effective_date < ? ORDER BY effective_date DESC, recorded_at DESC, id DESC LIMIT 1');
  for (const [id, state] of target) {
    const old = before.get(id) ?? { priority: false, rank: null };
    if (old.priority === state.priority && old.rank === state.rank) continue;
    const note = notes.get(id) ?? null;
    const row = sameDay.get(id, date) as { id: number; note: string | null } | undefined;
    if (!row) {
      insertPriorityRow(reg, id, date, state, note);
      continue;
    }
    const prior = dayBefore.get(id, date) as { priority: number; rank: number | null } | undefined;
    const priorState = prior ? { priority: prior.priority === 1, rank: prior.rank } : { priority: false, rank: null };
    if (priorState.priority === state.priority && priorState.rank === state.rank && note === null) {
      reg.db.prepare('DELETE FROM dossier_priority WHERE id = ?').run(row.id);
    } else {
      reg.db
        .prepare('UPDATE dossier_priority SET priority = ?, rank = ?, note = ?, recorded_at = ? WHERE id = ?')
        .run(state.priority ? 1 : 0, state.rank, note ?? row.note, timestamp(reg.clock), row.id);
    }
  }
}

function ranked(current: CurrentPriority[]): number[] {
  return current
    .filter((c) => c.rank !== null)
    .sort((a, b) => a.rank! - b.rank! || a.number - b.number)
    .map((c) => c.id);
}

export function setPriority(reg: Register, input: ParsedInput<'dossier.setPriority'>): Dossier {
  const id = dossierId(reg, input.number);
  const date = effectiveDate(reg.clock, input.date);
  if (!input.priority && input.rank) {
    throw new RegisterError('invalid_input', 'rank: only a priority dossier has a rank.', 'rank');
  }
  const current = prioritiesOn(reg, date);
  const before = new Map(current.map((c) => [c.id, { priority: true, rank: c.rank } as PriorityState]));
  const mine = before.get(id);
  const order = ranked(current).filter((x) => x !== id);

  let wantsRank: boolean;
  if (!input.priority) wantsRank = false;
  else if (input.rank === undefined) wantsRank = mine?.rank != null;
  else wantsRank = input.rank !== null;
  // A rank the user gives is taken as given, or refused: 99999 among three ranked dossiers silently
  // became 4 (issue 14). A rank kept from before closes up when others left the ranking.
  if (wantsRank && input.rank != null && input.rank > order.length + 1) {
    throw new RegisterError(
      'invalid_input',
      `rank: ${order.length} other dossier(s) have a rank, so the rank is 1 to ${order.length + 1}; ${input.rank} would leave a gap.`,
      'rank',
    );
  }
  if (wantsRank) {
    const rank = input.rank ?? mine?.rank ?? order.length + 1;
    order.splice(Math.min(rank, order.length + 1) - 1, 0, id);
  }

  const target = new Map<number, PriorityState>();
  for (const c of current) target.set(c.id, { priority: true, rank: null });
  target.set(id, { priority: input.priority, rank: null });
  order.forEach((x, i) => target.set(x, { priority: true, rank: i + 1 }));
  applyPriorities(reg, before, target, date, new Map([[id, input.note]]));
  return getDossier(reg, input.number);
}

/** The full ranking: listed dossiers get ranks 1..n in order; other priority dossiers lose their rank. */
export function reorderPriorities(reg: Register, input: ParsedInput<'dossier.reorderPriorities'>): DossierSummary[] {
  const date = effectiveDate(reg.clock, input.date);
  const current = prioritiesOn(reg, date);
  const before = new Map(current.map((c) => [c.id, { priority: true, rank: c.rank } as PriorityState]));
  const seen = new Set<number>();
  const ids = input.numbers.map((number, i) => {
    const field = `numbers.${i}`;
    if (seen.has(number)) throw new RegisterError('invalid_input', `${field}: dossier ${number} is listed twice.`, field);
    seen.add(number);
    const id = dossierId(reg, number, field);
    if (!before.has(id)) throw new RegisterError('conflict', `${field}: dossier ${number} is not marked as priority.`, field);
    return id;
  });
  // The listed ones ranked in order; the other priority dossiers keep the mark without a rank.
  const listed = new Set(ids);
  decideRanking(reg, date, input.numbers, current.filter((c) => !listed.has(c.id)).map((c) => c.number));
  return listDossiers(reg, { includeArchived: true, search: '', priority: true });
}

/** A dossier whose mark or rank a decision changed: its number, and its state before and after. */
export interface PriorityChange {
  number: number;
  before: PriorityState;
  after: PriorityState;
}

/**
 * The TB's priorities as a whole, on a date (issue 12, "Prioriteiten vaststellen"): `ranked` get
 * ranks 1..n in that order, `unranked` keep the mark without a rank, every other priority dossier
 * loses the mark. Returns what changed, by dossier number.
 */
export function decideRanking(reg: Register, date: IsoDate, ranked: readonly number[], unranked: readonly number[]): PriorityChange[] {
  const current = prioritiesOn(reg, date);
  const before = new Map(current.map((c) => [c.id, { priority: true, rank: c.rank } as PriorityState]));
  const target = new Map<number, PriorityState>();
  for (const c of current) target.set(c.id, { priority: false, rank: null });
  const ids = new Map<number, number>();
  const idOf = (number: number, field: string) => {
    const id = dossierId(reg, number, field);
    ids.set(id, number);
    return id;
  };
  ranked.forEach((n, i) => target.set(idOf(n, `ranked.${i}`), { priority: true, rank: i + 1 }));
  unranked.forEach((n, i) => target.set(idOf(n, `unranked.${i}`), { priority: true, rank: null }));
  for (const c of current) ids.set(c.id, c.number);
  applyPriorities(reg, before, target, date, new Map());
  const changes: PriorityChange[] = [];
  for (const [id, after] of target) {
    const was = before.get(id) ?? { priority: false, rank: null };
    if (was.priority !== after.priority || was.rank !== after.rank) changes.push({ number: ids.get(id)!, before: was, after });
  }
  return changes.sort((a, b) => (a.after.rank ?? 1e9) - (b.after.rank ?? 1e9) || a.number - b.number);
}
