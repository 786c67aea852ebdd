// The one rule of the register's history: a dated state's value on a date is its newest row on or
// before that date (rows of the same date in the order they were recorded: by recording time, then
// id, so that copies of the register agree on rows added on two laptops); its current value is
// its newest row. Every query that reads phase, priority or status goes through newestRowId, or
// through dossier_now, which triggers keep by the same rule (migrations/0005-dossier-now.ts).
export type DatedTable = 'dossier_phase' | 'dossier_priority' | 'actiepunt_status';

const ITEM_COLUMN: Record<DatedTable, string> = {
  dossier_phase: 'dossier_id',
  dossier_priority: 'dossier_id',
  actiepunt_status: 'actiepunt_id',
};

/**
 * SQL for the id of the newest row of `table` for `item` (a column such as `d.id`, or a parameter),
 * on or before `onOrBefore` when given. One index seek on (item, effective_date, recorded_at, id).
 */
export function newestRowId(table: DatedTable, item: string, onOrBefore?: string): string {
  const date = onOrBefore === undefined ? '' : ` AND effective_date <= ${onOrBefore}`;
  return `(SELECT id FROM ${table} WHERE ${ITEM_COLUMN[table]} = ${item}${date} ORDER BY effective_date DESC, recorded_at DESC, id DESC LIMIT 1)`;
}
