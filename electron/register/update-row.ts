// The one way edits write a row: the columns a patch names, each bound as a parameter; columns
// whose value is undefined (left out of the patch) stay as they are.
import type { Register } from './db';

export function updateRow(
  reg: Register,
  table: string,
  where: { column: string; value: unknown },
  columns: Record<string, unknown>,
): void {
  const entries = Object.entries(columns).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return;
  reg.db
    .prepare(`UPDATE ${table} SET ${entries.map(([column]) => `${column} = ?`).join(', ')} WHERE ${where.column} = ?`)
    .run(...entries.map(([, value]) => value), where.value);
}
