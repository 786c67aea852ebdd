// The dated history of a dossier (phase and priority) or an actiepunt (status), oldest first.
import type { HistoryEntry, ActiepuntStatus } from '../../shared/domain';
import type { Register } from './db';
import { actiepuntId, dossierId, toPhaseState, type PhaseColumns } from './lookup';

interface Dated {
  id: number;
  effective_date: string;
  recorded_at: string;
  note: string | null;
}

const chronological = (a: HistoryEntry, b: HistoryEntry): number =>
  a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt) || a.id - b.id;

export function dossierHistory(reg: Register, number: number): HistoryEntry[] {
  const id = dossierId(reg, number);
  const phases = reg.db
    .prepare('SELECT id, effective_date, recorded_at, note, phase, qualifier, parked FROM dossier_phase WHERE dossier_id = ?')
    .all(id) as Array<Dated & PhaseColumns>;
  const priorities = reg.db
    .prepare('SELECT id, effective_date, recorded_at, note, priority, rank FROM dossier_priority WHERE dossier_id = ?')
    .all(id) as Array<Dated & { priority: number; rank: number | null }>;
  return [
    ...phases.map(
      (r): HistoryEntry => ({ kind: 'phase', id: r.id, date: r.effective_date, recordedAt: r.recorded_at, note: r.note, state: toPhaseState(r) }),
    ),
    ...priorities.map(
      (r): HistoryEntry => ({
        kind: 'priority',
        id: r.id,
        date: r.effective_date,
        recordedAt: r.recorded_at,
        note: r.note,
        state: { priority: r.priority === 1, rank: r.rank },
      }),
    ),
  ].sort(chronological);
}

export function actiepuntHistory(reg: Register, number: number): HistoryEntry[] {
  const id = actiepuntId(reg, number);
  const rows = reg.db
    .prepare('SELECT id, effective_date, recorded_at, note, status FROM actiepunt_status WHERE actiepunt_id = ?')
    .all(id) as Array<Dated & { status: ActiepuntStatus }>;
  return rows
    .map((r): HistoryEntry => ({ kind: 'status', id: r.id, date: r.effective_date, recordedAt: r.recorded_at, note: r.note, status: r.status }))
    .sort(chronological);
}
