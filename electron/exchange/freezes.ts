// Freezes (the register kept with a meeting, freeze.ts) travel with the change that made them, so
// a meeting's documents read the same on every laptop: as two effects outside the row tables,
// '~part' (a frozen part's JSON, by hash, sent once) and '~freeze' (the meeting, stage, time,
// record and the whole manifest, key -> part hash). The receiver writes it as a freeze of its own
// chain (writeFreeze keeps only what differs from its previous freeze), with the sender's time.
// Pack freezes stay where the pack was made. An undo keeps a freeze (migration 0010), here as
// elsewhere; of two freezes of one meeting's stage (closed on two laptops, or frozen again after an
// undo), every copy keeps the later.
import { canonicalJson } from '../../shared/canonical-json';
import type { Effect } from '../../shared/exchange';
import { RegisterError } from '../../shared/errors';
import type { Register } from '../register/db';
import { changeMark, dropFreeze, freezeRow, manifestOf, writeFreeze } from '../register/freeze';
import { locate, uidOf } from './rows';

export const FREEZE = '~freeze';
export const PART = '~part';

/**
 * The freezes made since the last that travelled, as effects, each after the parts it holds that
 * the travelling freeze before it did not: those went with that one (or are the register's from
 * before the exchange), and a part is never taken away (migration 0010), so every copy that has
 * the earlier changes has them. A pack's freeze in between does not count: it never travels.
 */
export function freezeEffects(reg: Register): Effect[] {
  const freezeMark = reg.db.prepare('SELECT freeze_mark FROM sync_meta WHERE id = 1').pluck().get() as number;
  const freezes = reg.db
    .prepare(`SELECT id, meeting_id, stage, at, hash, record FROM meeting_freeze WHERE id > ? AND stage <> 'pack' ORDER BY id`)
    .all(freezeMark) as Array<{ id: number; meeting_id: number | null; stage: string; at: string; hash: string; record: string }>;
  if (!freezes.length) return [];
  const effects: Effect[] = [];
  const part = reg.db.prepare('SELECT body FROM frozen_part WHERE hash = ?').pluck();
  const before = reg.db.prepare(`SELECT max(id) FROM meeting_freeze WHERE id < ? AND stage <> 'pack'`).pluck();
  const sent = new Set<string>();
  for (const f of freezes) {
    const manifest = manifestOf(reg, f.id);
    const previous = before.get(f.id) as number | null;
    const had = new Set(previous === null ? [] : manifestOf(reg, previous).values());
    for (const hash of new Set(manifest.values())) {
      if (had.has(hash) || sent.has(hash)) continue;
      const body = part.get(hash) as string | undefined;
      if (body === undefined) continue;
      sent.add(hash);
      effects.push({ t: PART, u: hash, a: 'i', v: { body } });
    }
    const meeting = f.meeting_id === null ? null : uidOf(reg, 'meeting', f.meeting_id);
    effects.push({
      t: FREEZE,
      u: `${meeting ?? '-'}:${f.stage}`,
      a: 'i',
      v: { meeting, stage: f.stage, at: f.at, hash: f.hash, record: f.record, manifest: canonicalJson([...manifest].sort(([a], [b]) => (a < b ? -1 : 1))) },
    });
  }
  markTravelled(reg);
  return effects;
}

/** Everything frozen here so far has travelled or came from elsewhere: nothing of it is captured again. */
export function markTravelled(reg: Register): void {
  reg.db.prepare('UPDATE sync_meta SET freeze_mark = (SELECT coalesce(max(id), 0) FROM meeting_freeze) WHERE id = 1').run();
}

/** Writes a received part or freeze. */
export function mergeFrozen(reg: Register, effect: Effect): void {
  if (effect.t === PART) {
    reg.db.prepare('INSERT INTO frozen_part (hash, body) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING').run(effect.u, effect.v.body);
    return;
  }
  const v = effect.v as { meeting: string | null; stage: 'start' | 'agenda' | 'afgerond'; at: string; hash: string; record: string; manifest: string };
  let meetingId: number | null = null;
  if (v.meeting !== null) {
    const at = locate(reg, 'meeting', v.meeting);
    if (!at || !('id' in at)) throw new RegisterError('conflict', `The meeting of a freeze is not in this register (${v.meeting}).`);
    meetingId = at.id;
  }
  // Two laptops froze the same meeting's stage (both closed it): every copy keeps the later freeze.
  const existing = freezeRow(reg, meetingId, v.stage);
  if (existing) {
    if (canonicalJson([existing.at, existing.hash]) >= canonicalJson([v.at, v.hash])) return;
    dropFreeze(reg, existing.id);
  }
  const manifest = new Map(JSON.parse(v.manifest) as Array<[string, string]>);
  const missing = [...new Set(manifest.values())].filter((hash) => !reg.db.prepare('SELECT 1 FROM frozen_part WHERE hash = ?').get(hash));
  if (missing.length) throw new RegisterError('conflict', `A freeze names ${missing.length} parts this register does not have.`);
  writeFreeze(reg, meetingId, v.stage, v.record, manifest, null, changeMark(reg), v.at);
}
