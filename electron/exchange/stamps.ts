// Last writer wins, per field: the clock of the change that last wrote each field of each row.
// A field no change has written since the register learned to exchange has no stamp ('').
import type { Hlc } from '../../shared/hlc';
import type { Register } from '../register/db';

/** The stamp a deleted row keeps: the clock of the change that deleted it. */
export const DELETED = '~deleted';

export function stampFields(reg: Register, table: string, uid: string, fields: readonly string[], hlc: Hlc): void {
  const put = reg.db.prepare('INSERT INTO sync_stamp (tbl, uid, field, hlc) VALUES (?, ?, ?, ?) ON CONFLICT (tbl, uid, field) DO UPDATE SET hlc = excluded.hlc');
  for (const field of fields) put.run(table, uid, field, hlc);
}

export function stampOf(reg: Register, table: string, uid: string, field: string): Hlc | '' {
  return (reg.db.prepare('SELECT hlc FROM sync_stamp WHERE tbl = ? AND uid = ? AND field = ?').pluck().get(table, uid, field) as string | undefined) ?? '';
}
