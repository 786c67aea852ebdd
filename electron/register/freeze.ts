// The register kept with a meeting as it was discussed (issue 11, "frozen as discussed"): when the
// agenda is vastgesteld and when the meeting is afgerond, the plain-data snapshot reports are
// computed from, and the meeting's own record, are stored immutably with a content hash.
//
// Storage grows with what changed, not with register size times meetings: the snapshot is cut into
// parts (the jaarplan, the ambitions, the hoofddossiers, the meetings, each dossier, each
// actiepunt), each part is stored once under the sha256 of its JSON (frozen_part), and a freeze
// lists only the parts whose hash differs from the freeze before it (freeze_entry; a null hash:
// the part is gone). Reading a freeze replays the chain of entries from the first freeze.
import { createHash } from 'node:crypto';
import { RegisterError } from '../../shared/errors';
import { openOnDate } from '../../shared/actiepunt-marks';
import type { RegisterSnapshot, SnapshotActiepunt, SnapshotDossier } from '../../shared/report/snapshot';
import type { FreezeInfo, FreezeStage, FrozenMeeting, Meeting } from '../../shared/meeting';
import { timestamp } from './clock';
import type { Register } from './db';
import { readSnapshot } from './snapshot';

type Stage = FreezeStage | 'start' | 'pack';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Part keys sort as the snapshot lists them: dossiers and actiepunten by number. */
export const dossierKey = (n: number) => `d:${String(n).padStart(5, '0')}`;
export const actiepuntKey = (n: number) => `a:${String(n).padStart(5, '0')}`;

/** The snapshot as parts: key -> JSON. */
export function snapshotParts(snapshot: RegisterSnapshot): Map<string, string> {
  const parts = new Map<string, string>();
  parts.set('jaarplan', JSON.stringify(snapshot.jaarplan));
  parts.set('ambitions', JSON.stringify(snapshot.ambitions));
  parts.set('hoofddossiers', JSON.stringify(snapshot.hoofddossiers));
  parts.set('meetings', JSON.stringify(snapshot.meetings));
  for (const d of snapshot.dossiers) parts.set(dossierKey(d.number), JSON.stringify(d));
  for (const a of snapshot.actiepunten) parts.set(actiepuntKey(a.number), JSON.stringify(a));
  return parts;
}

export function partHashes(parts: Map<string, string>): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const [key, body] of parts) hashes.set(key, sha256(body));
  return hashes;
}

/** One hash for a whole freeze: its parts (by key) and the meeting's record. */
function contentHash(manifest: Map<string, string>, record: string): string {
  const lines = [...manifest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, hash]) => `${key}\t${hash}\n`);
  return sha256(`${lines.join('')}record\t${sha256(record)}\n`);
}

const SELECT_FREEZE = 'SELECT id, meeting_id, stage, parent_id, at, change_mark, hash, record FROM meeting_freeze';

interface FreezeRow {
  id: number;
  meeting_id: number | null;
  stage: Stage;
  parent_id: number | null;
  at: string;
  change_mark: number;
  hash: string;
  record: string;
}

/** The parts a freeze holds, key -> hash, replayed from the first freeze of its chain. */
export function manifestOf(reg: Register, freezeId: number): Map<string, string> {
  const chain = reg.db
    .prepare(
      `WITH RECURSIVE chain(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM meeting_freeze WHERE id = ?
         UNION ALL SELECT f.id, f.parent_id, chain.depth + 1 FROM meeting_freeze f JOIN chain ON f.id = chain.parent_id)
       SELECT e.key, e.hash FROM chain JOIN freeze_entry e ON e.freeze_id = chain.id ORDER BY chain.depth DESC`,
    )
    .raw()
    .all(freezeId) as Array<[string, string | null]>;
  const manifest = new Map<string, string>();
  for (const [key, hash] of chain) {
    if (hash === null) manifest.delete(key);
    else manifest.set(key, hash);
  }
  return manifest;
}

/**
 * Takes a freeze away (a meeting's state was undone on another laptop, where its freeze went with
 * the undo). The freezes that were written as differences from it are rewritten as differences
 * from its parent first, so every other freeze holds exactly what it held.
 */
export function dropFreeze(reg: Register, freezeId: number): void {
  const row = reg.db.prepare('SELECT parent_id FROM meeting_freeze WHERE id = ?').get(freezeId) as { parent_id: number | null } | undefined;
  if (!row) return;
  const base = row.parent_id === null ? new Map<string, string>() : manifestOf(reg, row.parent_id);
  const children = reg.db.prepare('SELECT id FROM meeting_freeze WHERE parent_id = ?').pluck().all(freezeId) as number[];
  const entry = reg.db.prepare('INSERT INTO freeze_entry (freeze_id, key, hash) VALUES (?, ?, ?)');
  for (const child of children) {
    const manifest = manifestOf(reg, child);
    reg.db.prepare('DELETE FROM freeze_entry WHERE freeze_id = ?').run(child);
    for (const [key, hash] of manifest) if (base.get(key) !== hash) entry.run(child, key, hash);
    for (const key of base.keys()) if (!manifest.has(key)) entry.run(child, key, null);
    reg.db.prepare('UPDATE meeting_freeze SET parent_id = ? WHERE id = ?').run(row.parent_id, child);
  }
  reg.db.prepare('DELETE FROM freeze_entry WHERE freeze_id = ?').run(freezeId);
  reg.db.prepare('DELETE FROM meeting_freeze WHERE id = ?').run(freezeId);
}

export function hasStartFreeze(reg: Register): boolean {
  return reg.db.prepare(`SELECT 1 FROM meeting_freeze WHERE stage = 'start'`).get() !== undefined;
}

/** The newest change filed so far: a freeze's place in the audit trail. */
export function changeMark(reg: Register): number {
  return reg.db.prepare('SELECT coalesce(max(id), 0) FROM change').pluck().get() as number;
}

/**
 * Keeps the register as it stands now with a meeting (or, for stage 'start', as it stood before
 * its first meeting). Runs inside the calling transaction; only what changed since the previous
 * freeze is written.
 */
export function freezeRegister(reg: Register, meetingId: number | null, stage: Stage, record: Meeting | null): number {
  const parts = snapshotParts(readSnapshot(reg));
  return writeFreeze(reg, meetingId, stage, JSON.stringify(record), partHashes(parts), parts, changeMark(reg));
}

/** What a new freeze would hash to, without writing it: the same hash, the same frozen state. */
export const freezeHash = (hashes: Map<string, string>, recordJson: string): string => contentHash(hashes, recordJson);

/**
 * Writes a freeze of the parts `hashes` names and `recordJson`; `bodies` holds the JSON of every
 * part not stored yet (parts another freeze holds already may be left out). `mark` is the place in
 * the audit trail of the register it holds; `at` when it was made (a freeze received from another
 * laptop keeps its own). Returns its id.
 */
export function writeFreeze(
  reg: Register,
  meetingId: number | null,
  stage: Stage,
  recordJson: string,
  hashes: Map<string, string>,
  bodies: Map<string, string> | null,
  mark: number,
  at: string = timestamp(reg.clock),
): number {
  // A meeting's stage frozen before and undone since (an undo keeps freezes, migration 0010): the new one takes its place.
  if (meetingId !== null && stage !== 'pack') {
    const stale = reg.db.prepare(`SELECT id FROM meeting_freeze WHERE meeting_id = ? AND stage = ?`).pluck().get(meetingId, stage) as number | undefined;
    if (stale !== undefined) dropFreeze(reg, stale);
  }
  const parentId = reg.db.prepare('SELECT max(id) FROM meeting_freeze').pluck().get() as number | null;
  const parent = parentId === null ? new Map<string, string>() : manifestOf(reg, parentId);
  const { lastInsertRowid } = reg.db
    .prepare('INSERT INTO meeting_freeze (meeting_id, stage, parent_id, at, change_mark, hash, record) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(meetingId, stage, parentId, at, mark, contentHash(hashes, recordJson), recordJson);
  const freezeId = Number(lastInsertRowid);
  const entry = reg.db.prepare('INSERT INTO freeze_entry (freeze_id, key, hash) VALUES (?, ?, ?)');
  const part = reg.db.prepare('INSERT INTO frozen_part (hash, body) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING');
  for (const [key, hash] of hashes) {
    if (parent.get(key) === hash) continue;
    const body = bodies?.get(key);
    if (body !== undefined) part.run(hash, body);
    entry.run(freezeId, key, hash);
  }
  for (const key of parent.keys()) if (!hashes.has(key)) entry.run(freezeId, key, null);
  return freezeId;
}

/** The stages a meeting in each state has been frozen at: agenda once vastgesteld, afgerond once closed. */
const FROZEN_AT: Record<string, readonly string[]> = {
  concept: [],
  agenda_vastgesteld: ['agenda'],
  in_vergadering: ['agenda'],
  afgerond: ['agenda', 'afgerond'],
  vastgesteld: ['agenda', 'afgerond'],
  geannuleerd: ['agenda', 'afgerond'],
};

/**
 * A meeting's freezes, agenda before afgerond: those its state holds (a freeze kept after its
 * state was undone is not the meeting's until the stage is reached again, and replaced then).
 */
export function freezeInfos(reg: Register, meetingId: number, state?: string): FreezeInfo[] {
  const infos = reg.db
    .prepare(`SELECT stage, at, hash FROM meeting_freeze WHERE meeting_id = ? AND stage <> 'pack' ORDER BY CASE stage WHEN 'agenda' THEN 1 ELSE 2 END, id`)
    .all(meetingId) as FreezeInfo[];
  const kept = state === undefined ? undefined : FROZEN_AT[state];
  return kept ? infos.filter((f) => kept.includes(f.stage)) : infos;
}

export function freezeRow(reg: Register, meetingId: number | null, stage: Stage): FreezeRow | null {
  return (
    (reg.db
      .prepare(`${SELECT_FREEZE} WHERE meeting_id IS ? AND stage = ?`)
      .get(meetingId, stage) as FreezeRow | undefined) ?? null
  );
}

/** A freeze by its id (a pack's, say). */
export function freezeRowById(reg: Register, id: number): FreezeRow | null {
  return (reg.db.prepare(`${SELECT_FREEZE} WHERE id = ?`).get(id) as FreezeRow | undefined) ?? null;
}

/** Reads parts of a freeze by key, each checked against its hash. */
function partReader(reg: Register, manifest: Map<string, string>): (key: string) => unknown {
  const body = reg.db.prepare('SELECT body FROM frozen_part WHERE hash = ?').pluck();
  return (key) => {
    const hash = manifest.get(key);
    const text = hash === undefined ? undefined : (body.get(hash) as string | undefined);
    if (text === undefined || sha256(text) !== hash) {
      throw new RegisterError('internal', `The frozen register is damaged (part ${key}); restore a backup.`);
    }
    return JSON.parse(text);
  };
}

/** Some parts of a freeze: its actiepunten ('a:'), dossiers ('d:') or meetings, without reading the rest. */
export function frozenParts(reg: Register, freezeId: number, wanted: ReadonlyArray<'a:' | 'd:' | 'meetings'>): { actiepunten: SnapshotActiepunt[]; dossiers: SnapshotDossier[]; meetings: RegisterSnapshot['meetings'] } {
  const manifest = manifestOf(reg, freezeId);
  const read = partReader(reg, manifest);
  const keys = [...manifest.keys()].sort();
  return {
    actiepunten: wanted.includes('a:') ? keys.filter((k) => k.startsWith('a:')).map((k) => read(k) as SnapshotActiepunt) : [],
    dossiers: wanted.includes('d:') ? keys.filter((k) => k.startsWith('d:')).map((k) => read(k) as SnapshotDossier) : [],
    meetings: wanted.includes('meetings') ? (read('meetings') as RegisterSnapshot['meetings']) : [],
  };
}

/** One part of a freeze's manifest, or null when the freeze does not hold it. */
export function frozenPart<T>(reg: Register, manifest: Map<string, string>, key: string): T | null {
  return manifest.has(key) ? (partReader(reg, manifest)(key) as T) : null;
}

/** A snapshot from its parts, read by key: the one way a freeze's register is put together. */
export function assembleSnapshot(keys: Iterable<string>, read: (key: string) => unknown): RegisterSnapshot {
  const sorted = [...keys].sort();
  return {
    jaarplan: read('jaarplan') as RegisterSnapshot['jaarplan'],
    ambitions: read('ambitions') as RegisterSnapshot['ambitions'],
    hoofddossiers: read('hoofddossiers') as RegisterSnapshot['hoofddossiers'],
    dossiers: sorted.filter((k) => k.startsWith('d:')).map((k) => read(k) as SnapshotDossier),
    actiepunten: sorted.filter((k) => k.startsWith('a:')).map((k) => read(k) as SnapshotActiepunt),
    meetings: read('meetings') as RegisterSnapshot['meetings'],
  };
}

/** The snapshot a freeze holds, rebuilt from its parts; the parts are checked against their hashes. */
export function frozenSnapshot(reg: Register, freezeId: number): { snapshot: RegisterSnapshot; manifest: Map<string, string> } {
  const manifest = manifestOf(reg, freezeId);
  return { snapshot: assembleSnapshot(manifest.keys(), partReader(reg, manifest)), manifest };
}

/** A meeting as it was kept: at the given stage, else the latest it has. */
export function frozenMeeting(reg: Register, meetingId: number, number: string, stage?: FreezeStage): FrozenMeeting {
  const row =
    stage !== undefined
      ? freezeRow(reg, meetingId, stage)
      : (freezeRow(reg, meetingId, 'afgerond') ?? freezeRow(reg, meetingId, 'agenda'));
  if (!row) {
    const cancelled = reg.db.prepare(`SELECT 1 FROM meeting WHERE id = ? AND state = 'geannuleerd'`).get(meetingId) !== undefined;
    throw new RegisterError(
      'not_found',
      cancelled && stage === undefined
        ? `Meeting ${number} was cancelled before its agenda was vastgesteld; nothing of it was kept.`
        : stage === undefined
        ? `Meeting ${number} has not been frozen yet; its register is kept once its agenda is vastgesteld.`
        : `Meeting ${number} has no ${stage === 'agenda' ? 'agenda' : 'afgerond'} state kept.`,
      'stage',
    );
  }
  const { snapshot, manifest } = frozenSnapshot(reg, row.id);
  if (contentHash(manifest, row.record) !== row.hash) throw new RegisterError('internal', `The frozen register of ${number} does not match its hash; restore a backup.`);
  const record = JSON.parse(row.record) as Meeting;
  // The record was kept without its actiepuntenlijst, which follows from the register kept with it.
  const previous = snapshot.meetings.find((m) => m.number === record.previous) ?? null;
  record.actiepuntenlijst = openOnDate(snapshot.actiepunten, {
    date: record.date,
    previous: previous?.date ?? null,
    referenceDate: snapshot.jaarplan.referenceDate,
    meetingDates: [...snapshot.meetings.filter((m) => m.date <= record.date && m.number !== record.number).map((m) => m.date), record.date],
    givenHere: new Set(record.items.flatMap((i) => i.outcomes).flatMap((o) => (o.kind === 'actiepunt' && o.actiepunt !== null ? [o.actiepunt] : []))),
  });
  return { meeting: number, stage: row.stage as FreezeStage, at: row.at, hash: row.hash, record, snapshot };
}
