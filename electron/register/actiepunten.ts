// Actiepunten: the living action list, numbered continuously, status as dated rows.
import type { Actiepunt, ActiepuntStatus, Deadline } from '../../shared/domain';
import type { ParsedInput } from '../../shared/contract';
import type { IsoDate } from '../../shared/dates';
import { timestamp } from './clock';
import type { Register } from './db';
import { newestRowId } from './dated-rows';
import { actiepuntId, claimNumber, dossierId, effectiveDate, groupValues } from './lookup';
import { updateRow } from './update-row';

interface ActiepuntRow {
  id: number;
  number: number;
  text: string;
  deadline_date: string | null;
  deadline_text: string | null;
  remarks: string | null;
  dossier_number: number | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  status: ActiepuntStatus;
  status_date: string;
  since: string;
}

const SELECT_ACTIEPUNTEN = `
SELECT a.id, a.number, a.text, a.deadline_date, a.deadline_text, a.remarks, d.number AS dossier_number,
       a.archived_at, a.created_at, a.updated_at, s.status, s.effective_date AS status_date,
       (SELECT min(effective_date) FROM actiepunt_status WHERE actiepunt_id = a.id) AS since
FROM actiepunt a
LEFT JOIN dossier d ON d.id = a.dossier_id
JOIN actiepunt_status s ON s.id = ${newestRowId('actiepunt_status', 'a.id')}
`;

function listsById(reg: Register, table: 'actiepunt_sub_point' | 'actiepunt_owner', column: 'text' | 'name', onlyId?: number) {
  const sql = `SELECT actiepunt_id, ${column} FROM ${table} ${onlyId === undefined ? '' : 'WHERE actiepunt_id = ?'} ORDER BY actiepunt_id, position`;
  const statement = reg.db.prepare(sql).raw();
  return groupValues((onlyId === undefined ? statement.all() : statement.all(onlyId)) as Array<[number, string]>);
}

function toDeadline(row: ActiepuntRow): Deadline | null {
  if (row.deadline_date !== null) return { kind: 'date', date: row.deadline_date };
  if (row.deadline_text !== null) return { kind: 'text', text: row.deadline_text };
  return null;
}

function toActiepunt(row: ActiepuntRow, subPoints: string[], owners: string[]): Actiepunt {
  return {
    number: row.number,
    text: row.text,
    subPoints,
    owners,
    deadline: toDeadline(row),
    remarks: row.remarks,
    status: row.status,
    statusDate: row.status_date,
    since: row.since,
    dossier: row.dossier_number,
    archived: row.archived_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listActiepunten(reg: Register, filter: ParsedInput<'actiepunt.list'>): Actiepunt[] {
  const only = filter.numbers === undefined ? null : JSON.stringify(filter.numbers);
  const rows = (
    only === null
      ? reg.db.prepare(`${SELECT_ACTIEPUNTEN} ORDER BY a.number`).all()
      : reg.db.prepare(`${SELECT_ACTIEPUNTEN} WHERE a.number IN (SELECT value FROM json_each(?)) ORDER BY a.number`).all(only)
  ) as ActiepuntRow[];
  // A few actiepunten read again: their lists one by one; the whole list: every list at once.
  const one = (table: 'actiepunt_sub_point' | 'actiepunt_owner', column: 'text' | 'name') =>
    only === null ? listsById(reg, table, column) : new Map(rows.map((r) => [r.id, listsById(reg, table, column, r.id).get(r.id) ?? []]));
  const subPoints = one('actiepunt_sub_point', 'text');
  const owners = one('actiepunt_owner', 'name');
  return rows
    .filter((r) => filter.includeArchived || r.archived_at === null)
    .filter((r) => filter.status === undefined || r.status === filter.status)
    .map((r) => toActiepunt(r, subPoints.get(r.id) ?? [], owners.get(r.id) ?? []))
    .filter((a) => filter.owner === undefined || a.owners.some((o) => o.toLowerCase() === filter.owner!.toLowerCase()));
}

export function getActiepunt(reg: Register, number: number): Actiepunt {
  const id = actiepuntId(reg, number);
  const row = reg.db.prepare(`${SELECT_ACTIEPUNTEN} WHERE a.id = ?`).get(id) as ActiepuntRow;
  return toActiepunt(
    row,
    listsById(reg, 'actiepunt_sub_point', 'text', id).get(id) ?? [],
    listsById(reg, 'actiepunt_owner', 'name', id).get(id) ?? [],
  );
}

function replaceList(reg: Register, table: 'actiepunt_sub_point' | 'actiepunt_owner', column: 'text' | 'name', id: number, values: readonly string[]) {
  reg.db.prepare(`DELETE FROM ${table} WHERE actiepunt_id = ?`).run(id);
  const insert = reg.db.prepare(`INSERT INTO ${table} (actiepunt_id, position, ${column}) VALUES (?, ?, ?)`);
  values.forEach((v, i) => insert.run(id, i + 1, v));
}

function insertStatusRow(reg: Register, id: number, date: IsoDate, status: ActiepuntStatus, note: string | null): void {
  reg.db
    .prepare('INSERT INTO actiepunt_status (actiepunt_id, effective_date, status, note, recorded_at) VALUES (?, ?, ?, ?, ?)')
    .run(id, date, status, note, timestamp(reg.clock));
}

const deadlineColumns = (d: Deadline | null) => ({
  deadline_date: d?.kind === 'date' ? d.date : null,
  deadline_text: d?.kind === 'text' ? d.text : null,
});

export function createActiepunt(reg: Register, input: ParsedInput<'actiepunt.create'>): Actiepunt {
  const number = claimNumber(reg, 'actiepunt', input.number);
  const linked = input.dossier === null ? null : dossierId(reg, input.dossier, 'dossier');
  const date = effectiveDate(reg.clock, input.statusDate, 'statusDate');
  const now = timestamp(reg.clock);
  const { deadline_date, deadline_text } = deadlineColumns(input.deadline);
  const { lastInsertRowid } = reg.db
    .prepare(
      `INSERT INTO actiepunt (number, text, deadline_date, deadline_text, remarks, dossier_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(number, input.text, deadline_date, deadline_text, input.remarks, linked, now, now);
  const id = Number(lastInsertRowid);
  replaceList(reg, 'actiepunt_sub_point', 'text', id, input.subPoints);
  replaceList(reg, 'actiepunt_owner', 'name', id, input.owners);
  insertStatusRow(reg, id, date, input.status, null);
  return getActiepunt(reg, number);
}

export function updateActiepunt(reg: Register, { number, patch }: ParsedInput<'actiepunt.update'>): Actiepunt {
  const id = actiepuntId(reg, number);
  if (patch.subPoints !== undefined) replaceList(reg, 'actiepunt_sub_point', 'text', id, patch.subPoints);
  if (patch.owners !== undefined) replaceList(reg, 'actiepunt_owner', 'name', id, patch.owners);
  updateRow(reg, 'actiepunt', { column: 'id', value: id }, {
    text: patch.text,
    ...(patch.deadline === undefined ? {} : deadlineColumns(patch.deadline)),
    remarks: patch.remarks,
    updated_at: timestamp(reg.clock),
  });
  return getActiepunt(reg, number);
}

export function archiveActiepunt(reg: Register, { number, archived }: ParsedInput<'actiepunt.archive'>): Actiepunt {
  const id = actiepuntId(reg, number);
  const now = timestamp(reg.clock);
  reg.db.prepare('UPDATE actiepunt SET archived_at = ?, updated_at = ? WHERE id = ?').run(archived ? now : null, now, id);
  return getActiepunt(reg, number);
}

/** Records a status as of a date; the same status it already had then is a no-op. */
export function setStatus(reg: Register, input: ParsedInput<'actiepunt.setStatus'>): Actiepunt {
  const id = actiepuntId(reg, input.number);
  const date = effectiveDate(reg.clock, input.date);
  const then = reg.db
    .prepare(
      `SELECT status FROM actiepunt_status WHERE id = ${newestRowId('actiepunt_status', '?', '?')}`,
    )
    .pluck()
    .get(id, date) as ActiepuntStatus | undefined;
  if (then !== input.status) insertStatusRow(reg, id, date, input.status, input.note);
  return getActiepunt(reg, input.number);
}

export function linkDossier(reg: Register, input: ParsedInput<'actiepunt.linkDossier'>): Actiepunt {
  const id = actiepuntId(reg, input.number);
  const linked = input.dossier === null ? null : dossierId(reg, input.dossier, 'dossier');
  reg.db.prepare('UPDATE actiepunt SET dossier_id = ?, updated_at = ? WHERE id = ?').run(linked, timestamp(reg.clock), id);
  return getActiepunt(reg, input.number);
}
