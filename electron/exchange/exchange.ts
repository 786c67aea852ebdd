// Sending and receiving: a file of the changes another copy has not acknowledged, and a file of
// another copy's changes checked, previewed and applied here in one transaction.
import { canonicalJson } from '../../shared/canonical-json';
import { RegisterError } from '../../shared/errors';
import {
  FUTURE_TOLERANCE_MS,
  type BundleBody,
  type Effect,
  type ExchangePreview,
  type ExchangeResult,
  type SeenVector,
  type SyncChange,
} from '../../shared/exchange';
import { describePreview, describeResult } from '../../shared/exchange-text';
import { hlcMs, MAX_HLC_MS, parseHlc } from '../../shared/hlc';
import type { Profile } from '../../shared/domain';
import type { ProfileStore } from '../profile-store';
import { timestamp } from '../register/clock';
import type { Register } from '../register/db';
import { forgetUndo } from '../register/undo';
import { changeMark } from '../register/freeze';
import { stampChange } from '../register/audit';
import { decodeBundle, encodeBundle } from './bundle-file';
import { fingerprint, sameFingerprint, type DeviceStore } from './device-store';
import { adoptNumbering, changesAfter, claimNumbering, nextSeq, see, seenVector, storeChange, syncMeta, tick } from './log';
import { mergeChange, type MergeState } from './merge';
import { markTravelled } from './freezes';
import { invariantConflicts } from './invariants';
import { stampFields } from './stamps';
import { allConflicts, mergeConflicts, storeConflicts } from './conflicts';

export interface SendOptions {
  /** The device the file is for: only what it has not acknowledged goes in. Without it, what no known device has. */
  to?: string;
  /** Everything in the log (after a lost file, or for a new laptop). */
  all?: boolean;
  passphrase?: string;
  /** The whole register too, for a new laptop or for Mijn register vervangen door dat van … */
  whole?: boolean;
}

/** What a peer last said it had seen of this register, or {} for one never heard from. */
function ackedBy(reg: Register, device: string): SeenVector {
  const row = reg.db.prepare('SELECT acked FROM sync_peer WHERE device = ?').pluck().get(device) as string | undefined;
  return row ? (JSON.parse(row) as SeenVector) : {};
}

/** The lowest acknowledgement over every peer: what all of them have (nothing, with no peer yet). */
function ackedByAll(reg: Register): SeenVector {
  const rows = reg.db.prepare('SELECT acked FROM sync_peer').pluck().all() as string[];
  if (!rows.length) return {};
  const vectors = rows.map((r) => JSON.parse(r) as SeenVector);
  const devices = new Set(vectors.flatMap((v) => Object.keys(v)));
  return Object.fromEntries([...devices].map((d) => [d, Math.min(...vectors.map((v) => v[d] ?? 0))]));
}

export function makeBundle(reg: Register, profile: ProfileStore, options: SendOptions = {}): { body: BundleBody; bytes: Buffer } {
  const device = profile.device();
  const me = device.id();
  return reg.db.transaction(() => {
    const who = profile.state().profile;
    const numbering = claimNumbering(reg, me, who?.role);
    const since = options.all ? {} : options.to ? ackedBy(reg, options.to) : ackedByAll(reg);
    const body: BundleBody = {
      format: 'tbsync',
      version: 1,
      register: syncMeta(reg).registerId,
      numbering,
      schema: reg.schemaVersion,
      from: { device: me, publicKey: device.publicKey(), name: who?.name ?? null, role: who?.role ?? null },
      createdAt: timestamp(reg.clock),
      hlc: tick(reg, me),
      seen: seenVector(reg),
      changes: changesAfter(reg, since),
      conflicts: allConflicts(reg),
      ...(options.whole ? { snapshot: reg.db.serialize().toString('base64') } : {}),
    };
    if (options.to) reg.db.prepare('INSERT INTO sync_peer (device, sent_at) VALUES (?, ?) ON CONFLICT (device) DO UPDATE SET sent_at = excluded.sent_at').run(options.to, body.createdAt);
    else reg.db.prepare('UPDATE sync_peer SET sent_at = ?').run(body.createdAt);
    return { body, bytes: encodeBundle(body, device, options.passphrase) };
  })();
}

export interface ReceiveOptions {
  passphrase?: string;
  /** The code read from the sender's screen, to pair with a device seen for the first time. */
  pairCode?: string;
  /** Applies a file dated more than a day ahead of this computer's clock. */
  acceptFuture?: boolean;
}

interface Checked {
  body: BundleBody;
  /** Of another register: only its whole register can be taken (replacing this one). */
  otherRegister: boolean;
  paired: boolean;
  futureWarning: string | null;
  /** The changes this copy has not seen, in clock order. */
  fresh: SyncChange[];
}

/** Every check a file must pass before anything is written; a refusal leaves the register as it was. */
function check(reg: Register, device: DeviceStore, bytes: Buffer, options: ReceiveOptions, allowOtherRegister = false): Checked {
  const { body } = decodeBundle(bytes, options.passphrase);
  if (body.schema > reg.schemaVersion) {
    throw new RegisterError('register_too_new', `This file comes from a newer TB-register (schema ${body.schema}; this one has ${reg.schemaVersion}): update TB-register first. Nothing was changed.`, 'file');
  }
  const meta = syncMeta(reg);
  const otherRegister = body.register !== meta.registerId || (!!body.numbering && !!meta.numberingDevice && body.numbering !== meta.numberingDevice);
  if (otherRegister && !(allowOtherRegister && body.snapshot)) {
    throw new RegisterError('conflict', 'This file belongs to another register, not to this one; nothing was changed.', 'file');
  }
  if (body.from.device === device.id()) throw new RegisterError('conflict', 'This file was made on this computer; nothing was changed.', 'file');
  const pairedWith = device.paired().find((p) => p.device === body.from.device);
  if (pairedWith && pairedWith.publicKey !== body.from.publicKey) {
    throw new RegisterError('forbidden', 'This file is signed with another key than the paired device has; it was not applied. Pair the devices again if that laptop was reinstalled.', 'file');
  }
  const ahead = Date.parse(body.createdAt) - reg.clock.now().getTime();
  const futureWarning = ahead > FUTURE_TOLERANCE_MS ? body.createdAt : null;
  if (otherRegister) return { body, otherRegister, paired: pairedWith !== undefined, futureWarning, fresh: [] };
  const seen = seenVector(reg);
  const now = reg.clock.now().getTime();
  const listed = new Set<string>();
  for (const c of body.changes) {
    const key = `${c.device}:${c.seq}`;
    if (listed.has(key)) throw new RegisterError('invalid_input', `This file holds change ${c.seq} of device ${c.device} twice; it was not made by TB-register. Nothing was changed.`, 'file');
    listed.add(key);
    // A change's clock names its device and cannot lie beyond any clock this version can write.
    const clock = parseHlc(c.hlc);
    if (!clock || clock.device !== c.device || clock.ms >= MAX_HLC_MS) {
      throw new RegisterError('invalid_input', `This file holds a change whose clock is impossible (${c.hlc}); it was not made by TB-register. Nothing was changed.`, 'file');
    }
  }
  const fresh = body.changes.filter((c) => c.seq > (seen[c.device] ?? 0));
  // A change dated far ahead counts as the file's date: shown with a warning, applied when confirmed.
  const latest = Math.max(Date.parse(body.createdAt) || 0, ...fresh.map((c) => hlcMs(c.hlc)));
  const changesAhead = latest - now > FUTURE_TOLERANCE_MS ? new Date(latest).toISOString() : null;
  const next: Record<string, number> = {};
  for (const c of fresh.slice().sort((a, b) => a.seq - b.seq)) {
    const expected = (next[c.device] ?? seen[c.device] ?? 0) + 1;
    if (c.seq !== expected) {
      throw new RegisterError(
        'conflict',
        `This file skips changes this register has not seen (from change ${expected} to ${c.seq - 1} of device ${c.device}); nothing was changed. Ask for a file with everything (send all).`,
        'file',
      );
    }
    next[c.device] = c.seq;
  }
  fresh.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  return { body, otherRegister, paired: pairedWith !== undefined, futureWarning: futureWarning ?? changesAhead, fresh };
}

/** Applies the checked file's changes and conflicts in the transaction the caller holds. */
function merge(reg: Register, profile: ProfileStore, checked: Checked): { state: MergeState; applied: number } {
  const device = profile.device();
  const me = device.id();
  adoptNumbering(reg, checked.body.numbering);
  const numbering = claimNumbering(reg, me, profile.state().profile?.role);
  const state: MergeState = { me, numbering, conflicts: new Map(), numbered: [] };
  reg.db.prepare(`UPDATE undo_state SET recording = 'off' WHERE id = 1`).run();
  let applied = 0;
  try {
    for (const change of checked.fresh) {
      see(reg, change.hlc);
      if (mergeChange(reg, change, state)) applied++;
      storeChange(reg, change);
      stampChange(reg, change.call, null, change.author, change.at);
    }
  } finally {
    reg.db.prepare(`UPDATE undo_state SET recording = 'undo' WHERE id = 1`).run();
  }
  see(reg, checked.body.hlc);
  markTravelled(reg);
  if (checked.fresh.length) for (const c of invariantConflicts(reg, syncMeta(reg).hlc)) state.conflicts.set(c.id, c);
  storeConflicts(reg, [...state.conflicts.values()]);
  mergeConflicts(reg, checked.body.conflicts);
  if (state.numbered.length) recordNumbering(reg, profile, state.numbered);
  return { state, applied };
}

/** The numbers this (numbering) register gave while merging, as one change of its own that travels back. */
function recordNumbering(reg: Register, profile: ProfileStore, effects: Effect[]): void {
  const me = profile.device().id();
  const hlc = tick(reg, me);
  const author: Profile | null = profile.state().profile;
  storeChange(reg, { device: me, seq: nextSeq(reg, me), hlc, at: timestamp(reg.clock), call: 'exchange.number', author, effects });
  for (const e of effects) stampFields(reg, e.t, e.u, Object.keys(e.v), hlc);
}

class Rollback extends Error {}

export function previewBundle(reg: Register, profile: ProfileStore, bytes: Buffer, options: ReceiveOptions = {}): ExchangePreview {
  const checked = check(reg, profile.device(), bytes, options, true);
  let conflicts = 0;
  if (!checked.otherRegister) try {
    reg.db.transaction(() => {
      const { state } = merge(reg, profile, checked);
      conflicts = [...state.conflicts.values()].length;
      throw new Rollback();
    })();
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  const byAuthor = new Map<string, { name: string | null; role: string | null; changes: number }>();
  for (const c of checked.fresh) {
    const key = canonicalJson([c.author?.name ?? null, c.author?.role ?? null]);
    const entry = byAuthor.get(key) ?? { name: c.author?.name ?? null, role: c.author?.role ?? null, changes: 0 };
    entry.changes++;
    byAuthor.set(key, entry);
  }
  const preview: Omit<ExchangePreview, 'summary'> = {
    from: { ...checked.body.from, fingerprint: fingerprint(checked.body.from.publicKey) },
    paired: checked.paired,
    createdAt: checked.body.createdAt,
    futureWarning: checked.futureWarning,
    changes: checked.fresh.length,
    alreadySeen: checked.body.changes.length - checked.fresh.length,
    byAuthor: [...byAuthor.values()],
    conflicts,
    whole: checked.body.snapshot !== undefined,
    otherRegister: checked.otherRegister,
  };
  return { ...preview, summary: describePreview(preview, 'nl') };
}

/**
 * Every refusal receiving would give (the file, the sender's pairing, a date in the future), without
 * writing anything. `forReplace`: the file's whole register is to replace this one, so it may be of
 * another register, and must hold one.
 */
export function checkReceivable(reg: Register, profile: ProfileStore, bytes: Buffer, options: ReceiveOptions, forReplace = false): Checked {
  if (forReplace && !decodeBundle(bytes, options.passphrase).body.snapshot) {
    throw new RegisterError('invalid_input', 'This file holds changes only, not a whole register; ask the sender for a file with the whole register.', 'file');
  }
  const checked = check(reg, profile.device(), bytes, options, forReplace);
  if (!checked.paired) {
    const code = fingerprint(checked.body.from.publicKey);
    if (!options.pairCode) {
      throw new RegisterError('forbidden', `This file comes from a device that is not paired with this one (code ${code}); nothing was changed. Compare the code with the sender's screen and pair first.`, 'pairCode');
    }
    if (!sameFingerprint(options.pairCode, code)) {
      throw new RegisterError('forbidden', `The code does not match this file's sender (its code is ${code}); nothing was changed.`, 'pairCode');
    }
  }
  if (checked.futureWarning && !options.acceptFuture) {
    throw new RegisterError('conflict', `This file is dated ${checked.futureWarning}, more than a day after this computer's clock; check both clocks, then confirm to apply it. Nothing was changed.`, 'acceptFuture');
  }
  return checked;
}

/**
 * Applies a file: checked whole first (any refusal leaves the register as it was), the sender paired
 * when `pairCode` matches its fingerprint, then merged in one transaction. `backup` is the name of
 * the backup the caller made just before (for Uitwisseling ongedaan maken). The undo history is
 * cleared: undoing an edit made before could otherwise silently undo what came from the other side.
 */
export function receiveBundle(reg: Register, profile: ProfileStore, bytes: Buffer, options: ReceiveOptions = {}, backup: string | null = null): ExchangeResult {
  const device = profile.device();
  const checked = checkReceivable(reg, profile, bytes, options);
  const { from } = checked.body;
  const result = reg.db.transaction(() => {
    const before = conflictCount(reg);
    const { applied, state } = merge(reg, profile, checked);
    const peer = reg.db.prepare('SELECT acked_hlc FROM sync_peer WHERE device = ?').pluck().get(from.device) as string | undefined;
    if (peer === undefined || checked.body.hlc > peer) {
      reg.db
        .prepare(
          `INSERT INTO sync_peer (device, name, role, acked, acked_hlc, received_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (device) DO UPDATE SET name = excluded.name, role = excluded.role, acked = excluded.acked, acked_hlc = excluded.acked_hlc, received_at = excluded.received_at`,
        )
        .run(from.device, from.name, from.role, canonicalJson(checked.body.seen), checked.body.hlc, timestamp(reg.clock));
    }
    const conflicts = conflictCount(reg) - before;
    if (checked.fresh.length) {
      const mark = changeMark(reg);
      reg.db
        .prepare('INSERT INTO sync_receipt (at, device, changes, backup, change_mark) VALUES (?, ?, ?, ?, ?)')
        .run(timestamp(reg.clock), from.device, checked.fresh.length, backup, mark);
      forgetUndo(reg);
    }
    return { applied, conflicts, numbered: state.numbered.length, backup: checked.fresh.length ? backup : null };
  })();
  if (!checked.paired) {
    device.pair({ device: from.device, publicKey: from.publicKey, name: from.name, role: from.role, pairedAt: timestamp(reg.clock) });
  }
  return { ...result, summary: describeResult({ ...result, from }, 'nl') };
}

const conflictCount = (reg: Register): number => reg.db.prepare('SELECT count(*) FROM sync_conflict WHERE decision IS NULL').pluck().get() as number;


/** Whether the last file received can still be taken back: nothing done since, nothing sent since. */
export function lastReceipt(reg: Register): { id: number; at: string; device: string; changes: number; backup: string | null; why: string | null } | null {
  const row = reg.db.prepare('SELECT id, at, device, changes, backup, change_mark FROM sync_receipt ORDER BY id DESC LIMIT 1').get() as
    | { id: number; at: string; device: string; changes: number; backup: string | null; change_mark: number }
    | undefined;
  if (!row) return null;
  const newest = changeMark(reg);
  const sent = reg.db.prepare('SELECT 1 FROM sync_peer WHERE sent_at > ?').get(row.at) !== undefined;
  const why = newest > row.change_mark ? 'the register was changed after it' : sent ? 'a file was sent after it' : !row.backup ? 'no backup was made before it' : null;
  return { id: row.id, at: row.at, device: row.device, changes: row.changes, backup: row.backup, why };
}

export function exchangeStatus(reg: Register, profile: ProfileStore): import('../../shared/exchange').ExchangeStatus {
  const device = profile.device();
  const me = device.id();
  const meta = syncMeta(reg);
  const paired = device.paired();
  const rows = reg.db.prepare('SELECT device, name, role, acked, received_at, sent_at FROM sync_peer ORDER BY device').all() as Array<{
    device: string;
    name: string | null;
    role: string | null;
    acked: string;
    received_at: string | null;
    sent_at: string | null;
  }>;
  const devices = new Set([...rows.map((r) => r.device), ...paired.map((p) => p.device)]);
  const peers = [...devices].map((d) => {
    const row = rows.find((r) => r.device === d);
    const pair = paired.find((p) => p.device === d);
    return {
      device: d,
      name: row?.name ?? pair?.name ?? null,
      role: row?.role ?? pair?.role ?? null,
      fingerprint: pair ? fingerprint(pair.publicKey) : null,
      paired: pair !== undefined,
      receivedAt: row?.received_at ?? null,
      sentAt: row?.sent_at ?? null,
      unsent: changesAfter(reg, row ? (JSON.parse(row.acked) as SeenVector) : {}).length,
    };
  });
  const receipt = lastReceipt(reg);
  const from = receipt ? peers.find((p) => p.device === receipt.device) : undefined;
  return {
    device: me,
    fingerprint: fingerprint(device.publicKey()),
    numbering: (meta.numberingDevice ?? (profile.state().profile?.role === 'secretaris' ? me : null)) === me,
    peers,
    openConflicts: reg.db.prepare(`SELECT count(*) FROM sync_conflict WHERE decision IS NULL OR json_extract(decision, '$.choice') = 'later'`).pluck().get() as number,
    lastReceipt: receipt
      ? { at: receipt.at, from: receipt.device, name: from?.name ?? null, role: from?.role ?? null, changes: receipt.changes, undoable: receipt.why === null, why: receipt.why }
      : null,
  };
}
