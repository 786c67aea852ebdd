// The register's side of the exchange: its id, the device that numbers, its clock, and the log of
// changes (local and received) by device and sequence number (migration 0010).
import { canonicalJson } from '../../shared/canonical-json';
import type { Effect, SeenVector, SyncChange } from '../../shared/exchange';
import { nextHlc, seenHlc, type Hlc } from '../../shared/hlc';
import { authorOf } from '../profile-store';
import type { Register } from '../register/db';

export interface SyncMeta {
  registerId: string;
  numberingDevice: string | null;
  hlc: Hlc | '';
}

export function syncMeta(reg: Register): SyncMeta {
  const row = reg.db.prepare('SELECT register_id, numbering_device, hlc FROM sync_meta WHERE id = 1').get() as {
    register_id: string;
    numbering_device: string | null;
    hlc: string;
  };
  return { registerId: row.register_id, numberingDevice: row.numbering_device, hlc: row.hlc };
}

/**
 * The device that gives the numbers people cite: the secretary's. The first secretary to work on a
 * register after it learned to exchange claims it; a copy carries that device along (and a copy
 * made before the claim adopts it from the first file it receives), so on any other laptop the
 * numbers it gives are provisional until the numbering register gives its own. Null while no
 * secretary has worked on it.
 */
export function claimNumbering(reg: Register, device: string, role: string | null | undefined): string | null {
  if (role === 'secretaris') reg.db.prepare('UPDATE sync_meta SET numbering_device = ? WHERE id = 1 AND numbering_device IS NULL').run(device);
  return syncMeta(reg).numberingDevice;
}

/** Takes the numbering device a file names, where this copy knows none yet. */
export function adoptNumbering(reg: Register, device: string | null): void {
  if (device) reg.db.prepare('UPDATE sync_meta SET numbering_device = ? WHERE id = 1 AND numbering_device IS NULL').run(device);
}

/** A new clock for a local change or file: after everything given or seen here. */
export function tick(reg: Register, device: string): Hlc {
  const hlc = nextHlc(syncMeta(reg).hlc, reg.clock.now().getTime(), device);
  reg.db.prepare('UPDATE sync_meta SET hlc = ? WHERE id = 1').run(hlc);
  return hlc;
}

/** Moves the clock past one seen in a file. */
export function see(reg: Register, remote: Hlc): void {
  reg.db.prepare('UPDATE sync_meta SET hlc = ? WHERE id = 1').run(seenHlc(syncMeta(reg).hlc, remote));
}

/**
 * This device's next sequence number. After a restore the register may hold fewer of this device's
 * changes than it gave (seq_floor): the numbers in between are filled with empty changes, so no
 * number is given twice and another laptop still sees an unbroken sequence (one that has the
 * changes themselves skips the empty ones as seen).
 */
export function nextSeq(reg: Register, device: string): number {
  const held = (reg.db.prepare('SELECT max(seq) FROM sync_change WHERE device = ?').pluck().get(device) as number | null) ?? 0;
  const floor = (JSON.parse(reg.db.prepare('SELECT seq_floor FROM sync_meta WHERE id = 1').pluck().get() as string) as SeenVector)[device] ?? 0;
  for (let seq = held + 1; seq <= floor; seq++) {
    storeChange(reg, { device, seq, hlc: tick(reg, device), at: reg.clock.now().toISOString(), call: 'exchange.gap', author: null, effects: [] });
  }
  return Math.max(held, floor) + 1;
}

export function seenVector(reg: Register): SeenVector {
  const rows = reg.db.prepare('SELECT device, max(seq) AS seq FROM sync_change GROUP BY device').all() as Array<{ device: string; seq: number }>;
  return Object.fromEntries(rows.map((r) => [r.device, r.seq]));
}

export function storeChange(reg: Register, change: SyncChange): void {
  reg.db
    .prepare('INSERT INTO sync_change (device, seq, hlc, at, call, author, author_role, effects) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(change.device, change.seq, change.hlc, change.at, change.call, change.author?.name ?? null, change.author?.role ?? null, canonicalJson(change.effects));
}

interface ChangeRow {
  device: string;
  seq: number;
  hlc: string;
  at: string;
  call: string;
  author: string | null;
  author_role: string | null;
  effects: string;
}

const toChange = (r: ChangeRow): SyncChange => ({
  device: r.device,
  seq: r.seq,
  hlc: r.hlc,
  at: r.at,
  call: r.call,
  author: authorOf(r.author, r.author_role),
  effects: JSON.parse(r.effects) as Effect[],
});

/** The changes a copy that has seen `seen` has not: in clock order, which keeps every device's own order. */
export function changesAfter(reg: Register, seen: SeenVector): SyncChange[] {
  // Per device, from the primary key (device, seq): a year's log is read only where it is new.
  const devices = reg.db.prepare('SELECT DISTINCT device FROM sync_change').pluck().all() as string[];
  const after = reg.db.prepare('SELECT device, seq, hlc, at, call, author, author_role, effects FROM sync_change WHERE device = ? AND seq > ?');
  const rows = devices.flatMap((device) => after.all(device, seen[device] ?? 0) as ChangeRow[]);
  return rows.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0)).map(toChange);
}
