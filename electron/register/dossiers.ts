// Dossiers: list, read, create, edit, archive.
import type { Dossier, DossierSummary } from '../../shared/domain';
import type { ParsedInput } from '../../shared/contract';
import { timestamp } from './clock';
import type { Register } from './db';
import { newestRowId } from './dated-rows';
import { ambitionIds, currentJaarplan, requireHoofddossier } from './jaarplan';
import { claimNumber, dossierId, effectiveDate, groupValues, toBool, toPhaseState } from './lookup';
import { insertPhaseRow } from './dossier-phases';
import { insertPriorityRow } from './dossier-priorities';
import { updateRow } from './update-row';

interface SummaryRow {
  id: number;
  number: number;
  title: string;
  description: string;
  note: string | null;
  planning: string | null;
  link: string | null;
  owner: string | null;
  hoofddossier_id: number | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  cur_id: number | null;
  cur_phase: string | null;
  cur_qualifier: string | null;
  cur_parked: number;
  ref_id: number | null;
  ref_phase: string | null;
  ref_qualifier: string | null;
  ref_parked: number;
  priority: number | null;
  rank: number | null;
}

const SELECT_DOSSIERS = `
SELECT d.id, d.number, d.title, d.description, d.note, d.planning, d.link, d.owner, d.hoofddossier_id,
       d.archived_at, d.created_at, d.updated_at,
       cp.id AS cur_id, cp.phase AS cur_phase, cp.qualifier AS cur_qualifier, cp.parked AS cur_parked,
       rp.id AS ref_id, rp.phase AS ref_phase, rp.qualifier AS ref_qualifier, rp.parked AS ref_parked,
       pr.priority, pr.rank
FROM dossier d
LEFT JOIN dossier_phase cp ON cp.id = ${newestRowId('dossier_phase', 'd.id')}
LEFT JOIN dossier_phase rp ON rp.id = ${newestRowId('dossier_phase', 'd.id', '@ref')}
LEFT JOIN dossier_priority pr ON pr.id = ${newestRowId('dossier_priority', 'd.id')}
`;

function referenceDate(reg: Register): string {
  return currentJaarplan(reg)?.referenceDate ?? '0000-00-00';
}

function ambitionsByDossier(reg: Register, onlyId?: number): Map<number, string[]> {
  const sql = `SELECT da.dossier_id AS id, a.code AS value FROM dossier_ambition da JOIN ambition a ON a.id = da.ambition_id
               ${onlyId === undefined ? '' : 'WHERE da.dossier_id = ?'} ORDER BY a.position, a.id`;
  const statement = reg.db.prepare(sql);
  return groupValues((onlyId === undefined ? statement.all() : statement.all(onlyId)) as Array<{ id: number; value: string }>);
}

function toSummary(row: SummaryRow, ambitions: string[]): DossierSummary {
  return {
    number: row.number,
    title: row.title,
    phase: row.cur_id === null ? null : toPhaseState({ phase: row.cur_phase, qualifier: row.cur_qualifier, parked: row.cur_parked }),
    phaseOnReference:
      row.ref_id === null ? null : toPhaseState({ phase: row.ref_phase, qualifier: row.ref_qualifier, parked: row.ref_parked }),
    priority: toBool(row.priority),
    priorityRank: row.rank,
    hoofddossierId: row.hoofddossier_id,
    owner: row.owner,
    ambitions,
    archived: row.archived_at !== null,
  };
}

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

export function listDossiers(reg: Register, filter: ParsedInput<'dossier.list'>): DossierSummary[] {
  const rows = reg.db.prepare(`${SELECT_DOSSIERS} ORDER BY d.number`).all({ ref: referenceDate(reg) }) as SummaryRow[];
  const ambitions = ambitionsByDossier(reg);
  const needle = fold(filter.search.trim());
  const result: DossierSummary[] = [];
  for (const row of rows) {
    if (!filter.includeArchived && row.archived_at !== null) continue;
    const summary = toSummary(row, ambitions.get(row.id) ?? []);
    if (filter.phase !== undefined && summary.phase?.phase !== filter.phase) continue;
    if (filter.parked !== undefined && (summary.phase?.parked ?? false) !== filter.parked) continue;
    if (filter.priority !== undefined && summary.priority !== filter.priority) continue;
    if (filter.ambition !== undefined && !summary.ambitions.includes(filter.ambition)) continue;
    if (filter.hoofddossierId !== undefined && summary.hoofddossierId !== filter.hoofddossierId) continue;
    if (needle && !fold(`${row.number} ${row.title} ${row.description} ${row.note ?? ''} ${row.owner ?? ''}`).includes(needle)) continue;
    result.push(summary);
  }
  return result;
}

export function getDossier(reg: Register, number: number, field = 'number'): Dossier {
  const id = dossierId(reg, number, field);
  const row = reg.db.prepare(`${SELECT_DOSSIERS} WHERE d.id = @id`).get({ ref: referenceDate(reg), id }) as SummaryRow;
  const actiepunten = reg.db
    .prepare('SELECT number FROM actiepunt WHERE dossier_id = ? ORDER BY number')
    .pluck()
    .all(id) as number[];
  return {
    ...toSummary(row, ambitionsByDossier(reg, id).get(id) ?? []),
    description: row.description,
    note: row.note,
    planning: row.planning,
    link: row.link,
    actiepunten,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function setAmbitions(reg: Register, id: number, codes: readonly string[], field = 'ambitions'): void {
  const ids = ambitionIds(reg, codes, field);
  reg.db.prepare('DELETE FROM dossier_ambition WHERE dossier_id = ?').run(id);
  const insert = reg.db.prepare('INSERT INTO dossier_ambition (dossier_id, ambition_id) VALUES (?, ?)');
  for (const ambitionId of ids) insert.run(id, ambitionId);
}

export function createDossier(reg: Register, input: ParsedInput<'dossier.create'>): Dossier {
  const number = claimNumber(reg, 'dossier', input.number);
  if (input.hoofddossierId !== null) requireHoofddossier(reg, input.hoofddossierId);
  const date = effectiveDate(reg.clock, input.phaseDate, 'phaseDate');
  const now = timestamp(reg.clock);
  const { lastInsertRowid } = reg.db
    .prepare(
      `INSERT INTO dossier (number, title, description, hoofddossier_id, note, planning, link, owner, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(number, input.title, input.description, input.hoofddossierId, input.note, input.planning, input.link, input.owner, now, now);
  const id = Number(lastInsertRowid);
  setAmbitions(reg, id, input.ambitions);
  insertPhaseRow(reg, id, date, input.phase, null);
  if (input.priority) insertPriorityRow(reg, id, date, { priority: true, rank: null }, null);
  return getDossier(reg, number);
}

export function updateDossier(reg: Register, { number, patch }: ParsedInput<'dossier.update'>): Dossier {
  const id = dossierId(reg, number);
  if (patch.hoofddossierId !== undefined && patch.hoofddossierId !== null) {
    requireHoofddossier(reg, patch.hoofddossierId, 'patch.hoofddossierId');
  }
  if (patch.ambitions !== undefined) setAmbitions(reg, id, patch.ambitions, 'patch.ambitions');
  updateRow(reg, 'dossier', { column: 'id', value: id }, {
    title: patch.title,
    description: patch.description,
    hoofddossier_id: patch.hoofddossierId,
    note: patch.note,
    planning: patch.planning,
    link: patch.link,
    owner: patch.owner,
    updated_at: timestamp(reg.clock),
  });
  return getDossier(reg, number);
}

export function archiveDossier(reg: Register, { number, archived }: ParsedInput<'dossier.archive'>): Dossier {
  const id = dossierId(reg, number);
  const now = timestamp(reg.clock);
  reg.db
    .prepare('UPDATE dossier SET archived_at = ?, updated_at = ? WHERE id = ?')
    .run(archived ? now : null, now, id);
  return getDossier(reg, number);
}
