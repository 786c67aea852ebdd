// Rules of the register that merged changes can break together though each kept them alone (the
// contract's own checks, after merging): one priority rank given to two dossiers (the chair ranked
// one first while the secretary ranked another), one agenda number twice in a meeting (both added
// an item). They are listed for a person (Te beoordelen), named by what breaks the rule, so every
// copy that finds one names it alike; the person mends it with the usual screens.
import crypto from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json';
import type { SyncConflict } from '../../shared/exchange';
import type { Hlc } from '../../shared/hlc';
import type { Register } from '../register/db';
import { uidOf } from './rows';

export function invariantConflicts(reg: Register, hlc: Hlc): SyncConflict[] {
  const found: SyncConflict[] = [];
  const conflict = (table: string, uids: string[], reason: string): SyncConflict => ({
    id: crypto.createHash('sha256').update(canonicalJson(['invariant', table, reason, uids])).digest('hex').slice(0, 32),
    kind: 'invariant',
    table,
    uid: canonicalJson(uids),
    field: null,
    versions: [],
    reason,
    hlc,
    decided: null,
  });
  const ranks = reg.db
    .prepare(
      `SELECT n.rank, group_concat(d.number) AS numbers, json_group_array(d.id) AS ids FROM dossier_now n JOIN dossier d ON d.id = n.dossier_id
       WHERE n.priority = 1 AND n.rank IS NOT NULL AND d.archived_at IS NULL GROUP BY n.rank HAVING count(*) > 1`,
    )
    .all() as Array<{ rank: number; numbers: string; ids: string }>;
  for (const r of ranks) {
    const numbers = r.numbers.split(',').map(Number).sort((a, b) => a - b);
    const uids = (JSON.parse(r.ids) as number[]).map((id) => uidOf(reg, 'dossier', id)).sort();
    found.push(conflict('dossier', uids, `rank:${r.rank}:${numbers.join(',')}`));
  }
  const items = reg.db
    .prepare(
      `SELECT m.number AS meeting, i.number, json_group_array(i.id) AS ids FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
       GROUP BY i.meeting_id, i.number HAVING count(*) > 1`,
    )
    .all() as Array<{ meeting: string; number: number; ids: string }>;
  for (const i of items) {
    const uids = (JSON.parse(i.ids) as number[]).map((id) => uidOf(reg, 'agenda_item', id)).sort();
    found.push(conflict('agenda_item', uids, `agenda:${i.meeting}:${i.number}`));
  }
  return found;
}
