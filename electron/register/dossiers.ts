// Dossiers: list, read, create, edit, archive.
import type { Dossier, DossierSummary } from '../../shared/domain';
import type { ParsedInput } from '../../shared/contract';
import { timestamp } from './clock';
import { fold } from '../../shared/search';
import type { Register } from './db';
import { ambitionIds, requireHoofddossier } from './jaarplan';
import { claimNumber, dossierId, effectiveDate, groupValues, toBool, toPhaseState } from './lookup';
import { insertPhaseRow } from './dossier-phases';
import { insertPriorityRow } from './dossier-priorities';
import { updateRow } from './update-row';

interface SummaryRow {
  id: number;
  number: number;
  title: string;
  owner: string | null;
  hoofddossier_id: number | null;
  archived_at: string | null;
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

interface DetailRow extends SummaryRow {
  description: string;
  note: string | null;
  planning: string | null;
  link: string | null;
  created_at: string;
  updated_at: string;
}

const SUMMARY_COLUMNS = `d.id, d.number, d.title, d.owner, d.hoofddossier_id, d.archived_at,
       n.phase_id AS cur_id, n.phase AS cur_phase, n.qualifier AS cur_qualifier, n.parked AS cur_parked,
       n.ref_phase_id AS ref_id, n.ref_phase, n.ref_qualifier, n.ref_parked, n.priority, n.rank`;

/** Where each dossier stands now and on the reference date: dossier_now (migration 0005), kept by triggers. */
const FROM_DOSSIERS = 'FROM dossier d JOIN dossier_now n ON n.dossier_id = d.id';

/** The ambition codes of the dossiers with the given ids (of every dossier without), in the jaarplan's order. */
function ambitionsByDossier(reg: Register, ids?: readonly number[]): Map<number, string[]> {
  const sql = `SELECT da.dossier_id, a.code FROM dossier_ambition da JOIN ambition a ON a.id = da.ambition_id
               ${ids === undefined ? '' : 'WHERE da.dossier_id IN (SELECT value FROM json_each(?))'} ORDER BY a.position, a.id`;
  const statement = reg.db.prepare(sql).raw();
  return groupValues((ids === undefined ? statement.all() : statement.all(JSON.stringify(ids))) as Array<[number, string]>);
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

type SummaryValues = [
  number, number, string, string | null, number | null, string | null,
  number | null, string | null, string | null, number,
  number | null, string | null, string | null, number,
  number | null, number | null,
];

/**
 * A list row read as an array, in the order of SUMMARY_COLUMNS: better-sqlite3 builds an object per
 * row far slower than JavaScript does (issue 6: 20 against 12 ms for 5,000 dossiers).
 */
function summaryRow(values: unknown[]): SummaryRow {
  const [id, number, title, owner, hoofddossier_id, archived_at, cur_id, cur_phase, cur_qualifier, cur_parked, ref_id, ref_phase, ref_qualifier, ref_parked, priority, rank] =
    values as SummaryValues;
  return { id, number, title, owner, hoofddossier_id, archived_at, cur_id, cur_phase, cur_qualifier, cur_parked, ref_id, ref_phase, ref_qualifier, ref_parked, priority, rank };
}

export function listDossiers(reg: Register, filter: ParsedInput<'dossier.list'>): DossierSummary[] {
  const needle = fold(filter.search.trim());
  const where: string[] = [];
  const params: Array<string | number> = [];
  const condition = (sql: string, value?: string | number) => {
    where.push(sql);
    if (value !== undefined) params.push(value);
  };
  if (!filter.includeArchived) condition('d.archived_at IS NULL');
  if (filter.phase !== undefined) condition('n.phase = ?', filter.phase);
  if (filter.parked !== undefined) condition('coalesce(n.parked, 0) = ?', filter.parked ? 1 : 0);
  if (filter.priority !== undefined) condition('coalesce(n.priority, 0) = ?', filter.priority ? 1 : 0);
  if (filter.hoofddossierId !== undefined) condition('d.hoofddossier_id = ?', filter.hoofddossierId);
  if (filter.numbers !== undefined) condition('d.number IN (SELECT value FROM json_each(?))', JSON.stringify(filter.numbers));
  if (filter.ambition !== undefined) {
    condition('EXISTS (SELECT 1 FROM dossier_ambition da JOIN ambition a ON a.id = da.ambition_id WHERE da.dossier_id = d.id AND a.code = ?)', filter.ambition);
  }
  // The long texts are read only when a search needs them (after the summary columns).
  const rows = reg.db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}${needle ? ', d.description, d.note' : ''} ${FROM_DOSSIERS}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.number`,
    )
    .raw()
    .all(...params) as unknown[][];
  const found: SummaryRow[] = [];
  for (const values of rows) {
    const row = summaryRow(values);
    if (needle) {
      const [description, note] = values.slice(-2) as [string, string | null];
      if (!fold(`${row.number} ${row.title} ${description} ${note ?? ''} ${row.owner ?? ''}`).includes(needle)) continue;
    }
    found.push(row);
  }
  // A narrowed list reads the ambitions of what it found; the whole list reads them all at once.
  const narrowed = needle !== '' || params.length > 0;
  const ambitions = ambitionsByDossier(reg, narrowed ? found.map((r) => r.id) : undefined);
  return found.map((row) => toSummary(row, ambitions.get(row.id) ?? []));
}

export function getDossier(reg: Register, number: number, field = 'number'): Dossier {
  const id = dossierId(reg, number, field);
  const row = reg.db
    .prepare(`SELECT ${SUMMARY_COLUMNS}, d.description, d.note, d.planning, d.link, d.created_at, d.updated_at ${FROM_DOSSIERS} WHERE d.id = ?`)
    .get(id) as DetailRow;
  const actiepunten = reg.db
    .prepare('SELECT number FROM actiepunt WHERE dossier_id = ? ORDER BY number')
    .pluck()
    .all(id) as number[];
  return {
    ...toSummary(row, ambitionsByDossier(reg, [id]).get(id) ?? []),
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
