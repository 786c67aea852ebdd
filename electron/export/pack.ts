// The meeting pack (issue 13): which version to make, from which freeze, and its documents.
// planPack runs in the call's transaction: it works out what the pack would be computed from now
// (the PackSource and the register's parts), and compares that with the meeting's newest pack
// version. The same content hash: the same version, made again from its freeze, byte for byte.
// Anything different: a new version with a freeze of its own. The first vergaderstukken are made
// from the register as it was when the agenda was vastgesteld (DOMAIN.md: "the pack reflects the
// register as it was then; documents sent later are nagezonden").
import crypto from 'node:crypto';
import { RegisterError } from '../../shared/errors';
import type { Meeting, MeetingState } from '../../shared/meeting';
import type { Profile } from '../../shared/domain';
import { packFiles, type ManifestFile, type PackFile, type PackKind, type PackManifest, type PackSource } from '../../shared/pack';
import { agendaDocument } from '../../shared/report/agenda-layout';
import { besluitenlijstDocument } from '../../shared/report/besluitenlijst-layout';
import { wijzigingenDocument } from '../../shared/report/wijzigingen-layout';
import type { RegisterSnapshot } from '../../shared/report/snapshot';
import { APP_VERSION } from '../app-version';
import { changesSince } from '../register/changes-since';
import { timestamp } from '../register/clock';
import type { Register } from '../register/db';
import { freezeHash, freezeRow, frozenById, manifestOf, partHashes, snapshotParts, writeFreeze } from '../register/freeze';
import { meetingRow, previousMeeting } from '../register/meeting-rows';
import { getMeeting } from '../register/meetings';
import { readSnapshot } from '../register/snapshot';
import { forgetUndo } from '../register/undo';
import { renderDocx } from './docx-writer';
import { layoutFor } from './render';
import { renderXlsx } from './xlsx-writer';

/** A pack version, ready to render: everything it is computed from, read back from its freeze. */
export interface PackVersion {
  meeting: { number: string; date: string; kind: Meeting['kind']; state: MeetingState };
  version: number;
  kind: PackKind;
  /** Made by this call (else: the newest version, unchanged, made again). */
  fresh: boolean;
  nagezonden: boolean;
  frozen: { hash: string; at: string };
  source: PackSource;
  snapshot: RegisterSnapshot;
  files: PackFile[];
}

interface PackRow {
  id: number;
  version: number;
  kind: PackKind;
  freeze_id: number;
}

const PACKABLE: readonly MeetingState[] = ['agenda_vastgesteld', 'in_vergadering', 'afgerond', 'vastgesteld'];

/** A record as a pack keeps it: without its freezes (which grow with every pack) and its list. */
const bare = (m: Meeting): Meeting => ({ ...m, freezes: [], actiepuntenlijst: [] });

/** The versions a meeting has, oldest first. */
export function packRows(reg: Register, meetingId: number): PackRow[] {
  return reg.db.prepare('SELECT id, version, kind, freeze_id FROM meeting_pack WHERE meeting_id = ? ORDER BY version').all(meetingId) as PackRow[];
}

/**
 * The version of a meeting's pack to write now. Runs in the call's transaction; a new version is
 * kept with a freeze of its own and, like a vaststelling, cannot be undone (nor can what came
 * before it: the documents have left the register).
 */
export function planPack(reg: Register, number: string, author: Profile | null): PackVersion {
  const row = meetingRow(reg, number, 'meeting');
  if (!PACKABLE.includes(row.state)) {
    throw new RegisterError(
      'conflict',
      row.state === 'geannuleerd'
        ? `meeting: ${row.number} is cancelled; it has no vergaderstukken.`
        : `meeting: the agenda of ${row.number} is not vastgesteld yet; the vergaderstukken follow from the agenda once it is.`,
      'meeting',
    );
  }
  const kind: PackKind = row.state === 'afgerond' || row.state === 'vastgesteld' ? 'besluitenlijst' : 'vergaderstukken';
  const versions = packRows(reg, row.id);
  const firstOfKind = !versions.some((v) => v.kind === kind);
  const agendaFreeze = kind === 'vergaderstukken' && firstOfKind ? freezeRow(reg, row.id, 'agenda') : null;

  let source: PackSource;
  let hashes: Map<string, string>;
  let bodies: Map<string, string> | null;
  if (agendaFreeze) {
    // The register and the record as they were kept when the agenda was vastgesteld.
    hashes = manifestOf(reg, agendaFreeze.id);
    bodies = null;
    const previous = previousMeeting(reg, row);
    source = {
      kind,
      meeting: bare(JSON.parse(agendaFreeze.record) as Meeting),
      previous: previous ? bare(getMeeting(reg, previous.number, { withList: false })) : null,
      changes: strip(changesSince(reg, row.number, { until: { freezeId: agendaFreeze.id }, date: row.date })),
    };
  } else {
    const parts = snapshotParts(readSnapshot(reg));
    hashes = partHashes(parts);
    bodies = parts;
    const previous = kind === 'vergaderstukken' ? previousMeeting(reg, row) : null;
    source = {
      kind,
      meeting: bare(getMeeting(reg, row.number, { withList: false })),
      previous: previous ? bare(getMeeting(reg, previous.number, { withList: false })) : null,
      changes: kind === 'vergaderstukken' ? strip(changesSince(reg, row.number, { until: 'now', date: row.date })) : null,
    };
  }
  const record = JSON.stringify(source);
  const newest = versions.at(-1);
  const newestHash = newest ? (reg.db.prepare('SELECT hash FROM meeting_freeze WHERE id = ?').pluck().get(newest.freeze_id) as string) : null;
  let version: PackRow;
  if (newest && newestHash === freezeHash(hashes, record)) {
    version = newest;
  } else {
    const freezeId = writeFreeze(reg, row.id, 'pack', record, hashes, bodies);
    const next = (newest?.version ?? 0) + 1;
    const { lastInsertRowid } = reg.db
      .prepare('INSERT INTO meeting_pack (meeting_id, version, kind, freeze_id, made_at, author, author_role) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(row.id, next, kind, freezeId, timestamp(reg.clock), author?.name ?? null, author?.role ?? null);
    version = { id: Number(lastInsertRowid), version: next, kind, freeze_id: freezeId };
    forgetUndo(reg);
  }
  return readVersion(reg, row.number, version, versions);
}

/** A version as its freeze holds it. */
function readVersion(reg: Register, number: string, version: PackRow, versions: readonly PackRow[]): PackVersion {
  const frozen = frozenById(reg, version.freeze_id);
  const source = JSON.parse(frozen.record) as PackSource;
  const m = source.meeting;
  return {
    meeting: { number, date: m.date, kind: m.kind, state: m.state },
    version: version.version,
    kind: version.kind,
    fresh: !versions.some((v) => v.id === version.id),
    nagezonden: versions.some((v) => v.kind === version.kind && v.version < version.version),
    frozen: { hash: frozen.hash, at: frozen.at },
    source,
    snapshot: frozen.snapshot,
    files: packFiles(source),
  };
}

/** An earlier version of a meeting's pack, to compare a new one with when its files are not at hand. */
export function packVersion(reg: Register, number: string, version: number): PackVersion | null {
  const row = meetingRow(reg, number, 'meeting');
  const versions = packRows(reg, row.id);
  const wanted = versions.find((v) => v.version === version);
  return wanted ? readVersion(reg, number, wanted, versions.filter((v) => v.version <= version)) : null;
}

const strip = (c: ReturnType<typeof changesSince>): PackSource['changes'] => ({ since: c.since, lines: c.lines });

/** One document of a version, rendered; every moment in it is the meeting's date. */
export async function renderPackFile(v: PackVersion, file: PackFile): Promise<Buffer> {
  const on = v.meeting.date;
  const board = v.snapshot.jaarplan.board;
  switch (file.document) {
    case 'agenda':
      return renderDocx(agendaDocument(board, v.source.meeting, v.files), on);
    case 'previousBesluitenlijst':
      return renderDocx(besluitenlijstDocument(v.snapshot, v.source.previous!), on);
    case 'besluitenlijst':
      return renderDocx(besluitenlijstDocument(v.snapshot, v.source.meeting), on);
    case 'wijzigingen':
      return renderDocx(wijzigingenDocument(board, v.source.meeting, v.source.changes!), on);
    case 'actiepuntenlijst':
    case 'rapportage':
    case 'bijlage1': {
      const document = file.document === 'actiepuntenlijst' ? 'bijlage2' : file.document;
      return file.format === 'docx'
        ? renderDocx(layoutFor(v.snapshot, document, 'docx', on), on)
        : renderXlsx(layoutFor(v.snapshot, document, 'xlsx', on), on);
    }
  }
}

export const sha256 = (data: Uint8Array): string => crypto.createHash('sha256').update(data).digest('hex');

export function manifestFile(name: string, data: Uint8Array): ManifestFile {
  return { name, sha256: sha256(data), bytes: data.length };
}

export function packManifest(v: PackVersion, files: ManifestFile[], comparedWith: PackManifest['comparedWith']): PackManifest {
  return {
    app: { name: 'TB-register', version: APP_VERSION },
    meeting: v.meeting,
    kind: v.kind,
    version: v.version,
    nagezonden: v.nagezonden,
    frozen: v.frozen,
    files,
    comparedWith,
  };
}

/** manifest.json as written: canonical, two-space JSON with a final newline. */
export const manifestJson = (m: PackManifest): string => `${JSON.stringify(m, null, 2)}\n`;
