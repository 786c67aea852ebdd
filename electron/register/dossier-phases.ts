// Dated phase changes: every change is a row; "the phase on date D" is the newest row on or before D.
import type { IsoDate } from '../../shared/dates';
import type { Dossier } from '../../shared/domain';
import type { ParsedInput } from '../../shared/contract';
import { samePhaseState, type PhaseState } from '../../shared/phase';
import { timestamp } from './clock';
import type { Register } from './db';
import { newestRowId } from './dated-rows';
import { getDossier } from './dossiers';
import { dossierId, effectiveDate, toPhaseState, type PhaseColumns } from './lookup';

export function insertPhaseRow(reg: Register, id: number, date: IsoDate, state: PhaseState, note: string | null): void {
  reg.db
    .prepare(
      `INSERT INTO dossier_phase (dossier_id, effective_date, phase, qualifier, parked, note, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, date, state.phase, state.qualifier, state.parked ? 1 : 0, note, timestamp(reg.clock));
}

function phaseRowOn(reg: Register, id: number, date: IsoDate): PhaseState | null {
  const row = reg.db
    .prepare(
      `SELECT phase, qualifier, parked FROM dossier_phase WHERE id = ${newestRowId('dossier_phase', '?', '?')}`,
    )
    .get(id, date) as PhaseColumns | undefined;
  return row ? toPhaseState(row) : null;
}

/** Records a phase change as of a date. A change to the state the dossier already had then is a no-op. */
export function setPhase(reg: Register, input: ParsedInput<'dossier.setPhase'>): Dossier {
  const id = dossierId(reg, input.number);
  const date = effectiveDate(reg.clock, input.date);
  if (!samePhaseState(phaseRowOn(reg, id, date), input.state)) insertPhaseRow(reg, id, date, input.state, input.note);
  return getDossier(reg, input.number);
}

export function phaseOn(reg: Register, number: number, date: IsoDate): PhaseState | null {
  return phaseRowOn(reg, dossierId(reg, number), date);
}

/** The phase of every dossier on a date (null where the dossier had no phase yet). */
export function phasesOn(reg: Register, date: IsoDate): Record<number, PhaseState | null> {
  const rows = reg.db
    .prepare(
      `SELECT d.number, p.id AS pid, p.phase, p.qualifier, p.parked
       FROM dossier d
       LEFT JOIN dossier_phase p ON p.id = ${newestRowId('dossier_phase', 'd.id', '?')}
       ORDER BY d.number`,
    )
    .all(date) as Array<PhaseColumns & { number: number; pid: number | null }>;
  const result: Record<number, PhaseState | null> = {};
  for (const row of rows) result[row.number] = row.pid === null ? null : toPhaseState(row);
  return result;
}
