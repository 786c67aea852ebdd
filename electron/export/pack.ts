// The meeting pack (issue 13): what a version is computed from, its documents, and how it is
// settled. A pack call plans (read-only, in the call's transaction): the PackSource and the
// register's parts, as they stand now, or for the first vergaderstukken as they stood when the
// agenda was vastgesteld (DOMAIN.md: "the pack reflects the register as it was then; documents
// sent later are nagezonden"). The files are rendered after the call. Then, in one synchronous
// step, the version is settled: documents identical to the newest version's are that version
// (written again if its folder is not there); anything else is the next version, its folder put
// in place and, only then, kept in the register with a freeze of its own. A job that fails before
// that leaves the register as it was.
import crypto from 'node:crypto';
import { RegisterError } from '../../shared/errors';
import type { Profile } from '../../shared/domain';
import type { Meeting, MeetingState } from '../../shared/meeting';
import { compareFiles, PACKABLE_STATES, packFiles, packKindOf, type ManifestFile, type PackFile, type PackKind, type PackManifest, type PackSource, type PackVersion } from '../../shared/pack';
import { agendaDocument } from '../../shared/report/agenda-layout';
import { besluitenlijstDocument } from '../../shared/report/besluitenlijst-layout';
import { wijzigingenDocument } from '../../shared/report/wijzigingen-layout';
import type { RegisterSnapshot } from '../../shared/report/snapshot';
import { APP_VERSION } from '../app-version';
import { changesSince } from '../register/changes-since';
import { timestamp } from '../register/clock';
import type { Register } from '../register/db';
import { assembleSnapshot, changeMark, freezeHash, freezeRow, freezeRowById, frozenSnapshot, partHashes, snapshotParts, writeFreeze } from '../register/freeze';
import { meetingRow, previousMeeting } from '../register/meeting-rows';
import { getMeeting } from '../register/meetings';
import { readSnapshot } from '../register/snapshot';
import { forgetUndo } from '../register/undo';
import { renderDocx } from './docx-writer';
import { layoutFor } from './render';
import { renderXlsx } from './xlsx-writer';

/** A pack as planned: everything its documents are computed from, and the freeze it would keep. */
export interface PackPlan {
  meetingId: number;
  meeting: { number: string; date: string; kind: Meeting['kind']; state: MeetingState };
  kind: PackKind;
  source: PackSource;
  snapshot: RegisterSnapshot;
  files: PackFile[];
  /** Made from the freeze of the agenda's vaststelling (the first vergaderstukken). */
  asVastgesteld: boolean;
  freeze: { record: string; hashes: Map<string, string>; bodies: Map<string, string> | null; mark: number; hash: string };
}

interface PackRow {
  id: number;
  version: number;
  kind: PackKind;
  made_at: string;
  author: string | null;
  manifest: string;
}

/** A record as a pack keeps it: without its freezes (which grow with every pack) and its list. */
const bare = (m: Meeting): Meeting => ({ ...m, freezes: [], actiepuntenlijst: [] });

/** The versions a meeting has, oldest first. */
function packRows(reg: Register, meetingId: number): PackRow[] {
  return reg.db.prepare('SELECT id, version, kind, made_at, author, manifest FROM meeting_pack WHERE meeting_id = ? ORDER BY version').all(meetingId) as PackRow[];
}

/** The versions already made of a meeting's pack, oldest first, from what each kept as written. */
export function packVersions(reg: Register, number: string): PackVersion[] {
  return packRows(reg, meetingRow(reg, number, 'meeting').id).map((r) => {
    const manifest = JSON.parse(r.manifest) as PackManifest;
    return { version: r.version, kind: r.kind, nagezonden: manifest.nagezonden, madeAt: r.made_at, author: r.author, files: manifest.files.map((f) => f.name) };
  });
}

const strip = (c: ReturnType<typeof changesSince>): PackSource['changes'] => ({ since: c.since, lines: c.lines });

/** What a pack of the meeting would be made from now. Reads only: the call changes nothing. */
export function planPack(reg: Register, number: string): PackPlan {
  const row = meetingRow(reg, number, 'meeting');
  if (!PACKABLE_STATES.includes(row.state)) {
    throw new RegisterError(
      'conflict',
      row.state === 'geannuleerd'
        ? `meeting: ${row.number} is cancelled; it has no vergaderstukken.`
        : `meeting: the agenda of ${row.number} is not vastgesteld yet; the vergaderstukken follow from the agenda once it is.`,
      'meeting',
    );
  }
  const kind = packKindOf(row.state);
  const firstOfKind = !packRows(reg, row.id).some((v) => v.kind === kind);
  const agendaFreeze = kind === 'vergaderstukken' && firstOfKind ? freezeRow(reg, row.id, 'agenda') : null;
  const previous = kind === 'vergaderstukken' ? previousMeeting(reg, row) : null;
  const previousRecord = previous ? bare(getMeeting(reg, previous.number, { withList: false })) : null;

  let source: PackSource;
  let snapshot: RegisterSnapshot;
  let hashes: Map<string, string>;
  let bodies: Map<string, string> | null;
  let mark: number;
  if (agendaFreeze) {
    // The register and the record as they were kept when the agenda was vastgesteld.
    ({ snapshot, manifest: hashes } = frozenSnapshot(reg, agendaFreeze.id));
    bodies = null;
    mark = agendaFreeze.change_mark;
    source = {
      kind,
      meeting: bare(JSON.parse(agendaFreeze.record) as Meeting),
      previous: previousRecord,
      changes: strip(changesSince(reg, row.number, { until: { freezeId: agendaFreeze.id }, date: row.date })),
    };
  } else {
    bodies = snapshotParts(readSnapshot(reg));
    hashes = partHashes(bodies);
    // Put together from the parts' JSON, exactly as the freeze will give it back a year later.
    snapshot = assembleSnapshot(bodies.keys(), (key) => JSON.parse(bodies!.get(key)!));
    mark = changeMark(reg);
    source = {
      kind,
      meeting: bare(getMeeting(reg, row.number, { withList: false })),
      previous: previousRecord,
      changes: kind === 'vergaderstukken' ? strip(changesSince(reg, row.number, { until: 'now', date: row.date })) : null,
    };
  }
  const record = JSON.stringify(source);
  return {
    meetingId: row.id,
    meeting: { number: row.number, date: row.date, kind: source.meeting.kind, state: source.meeting.state },
    kind,
    source,
    snapshot,
    files: packFiles(source),
    asVastgesteld: agendaFreeze !== null,
    freeze: { record, hashes, bodies, mark, hash: freezeHash(hashes, record) },
  };
}

/** One document of a pack, rendered; every moment in it is the meeting's date. */
export async function renderPackFile(plan: Pick<PackPlan, 'meeting' | 'snapshot' | 'source' | 'files'>, file: PackFile): Promise<Buffer> {
  const on = plan.meeting.date;
  const board = plan.snapshot.jaarplan.board;
  switch (file.document) {
    case 'agenda':
      return renderDocx(agendaDocument(board, plan.source.meeting, plan.files), on);
    case 'previousBesluitenlijst':
      return renderDocx(besluitenlijstDocument(plan.snapshot, plan.source.previous!), on);
    case 'besluitenlijst':
      return renderDocx(besluitenlijstDocument(plan.snapshot, plan.source.meeting), on);
    case 'wijzigingen':
      return renderDocx(wijzigingenDocument(board, plan.source.meeting, plan.source.changes!), on);
    case 'actiepuntenlijst':
    case 'rapportage':
    case 'bijlage1': {
      const document = file.document === 'actiepuntenlijst' ? 'bijlage2' : file.document;
      return file.format === 'docx'
        ? renderDocx(layoutFor(plan.snapshot, document, 'docx', on), on)
        : renderXlsx(layoutFor(plan.snapshot, document, 'xlsx', on), on);
    }
  }
}

export function manifestFile(name: string, data: Uint8Array): ManifestFile {
  return { name, sha256: crypto.createHash('sha256').update(data).digest('hex'), bytes: data.length };
}

/** manifest.json as written: two-space JSON with a final newline. */
export const manifestJson = (m: PackManifest): string => `${JSON.stringify(m, null, 2)}\n`;

const sameFiles = (a: readonly ManifestFile[], b: readonly ManifestFile[]): boolean =>
  a.length === b.length && a.every((f, i) => f.name === b[i]!.name && f.sha256 === b[i]!.sha256);

/** The version rendered files belong to: the newest, when they are its documents, else the next. */
export interface Settled {
  version: number;
  /** A version made by this job (else the newest, whose documents these are). */
  fresh: boolean;
  manifest: PackManifest;
  /** manifest.json's text, as it was first written. */
  manifestText: string;
}

/**
 * Settles rendered files: the newest version when they are its documents (nothing recorded), else
 * the next. `place` writes the version's folder (or finds it standing); only after it has, a new
 * version is kept: its freeze, its row with the manifest, and (like a vaststelling) the end of
 * undo, since what it shows has left the register. Synchronous, so no other call runs in between;
 * the caller runs it in a transaction, so a folder that cannot be written records nothing.
 */
export function settlePack(reg: Register, plan: PackPlan, files: ManifestFile[], author: Profile | null, place: (s: Settled) => void): Settled {
  const versions = packRows(reg, plan.meetingId);
  const newest = versions.at(-1);
  const newestManifest = newest ? (JSON.parse(newest.manifest) as PackManifest) : null;
  if (newest && newestManifest && newest.kind === plan.kind && sameFiles(newestManifest.files, files)) {
    const settled = { version: newest.version, fresh: false, manifest: newestManifest, manifestText: manifestJson(newestManifest) };
    place(settled);
    return settled;
  }
  const version = (newest?.version ?? 0) + 1;
  const manifest: PackManifest = {
    app: { name: 'TB-register', version: APP_VERSION },
    meeting: plan.meeting,
    kind: plan.kind,
    version,
    nagezonden: versions.some((v) => v.kind === plan.kind),
    asVastgesteld: plan.asVastgesteld,
    frozen: { hash: plan.freeze.hash },
    files,
    comparedWith: newestManifest ? { version: newestManifest.version, ...compareFiles(newestManifest.files, files) } : null,
  };
  const settled = { version, fresh: true, manifest, manifestText: manifestJson(manifest) };
  place(settled);
  const freezeId = writeFreeze(reg, plan.meetingId, 'pack', plan.freeze.record, plan.freeze.hashes, plan.freeze.bodies, plan.freeze.mark);
  reg.db
    .prepare('INSERT INTO meeting_pack (meeting_id, version, kind, freeze_id, made_at, author, author_role, manifest) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(plan.meetingId, version, plan.kind, freezeId, timestamp(reg.clock), author?.name ?? null, author?.role ?? null, settled.manifestText);
  forgetUndo(reg);
  return settled;
}

/** A kept version's documents, made again from its freeze (to check that they read the same). */
export function packFromFreeze(reg: Register, number: string, version: number): { plan: Pick<PackPlan, 'meeting' | 'snapshot' | 'source' | 'files'>; manifest: PackManifest } | null {
  const row = meetingRow(reg, number, 'meeting');
  const pack = reg.db.prepare('SELECT freeze_id, manifest FROM meeting_pack WHERE meeting_id = ? AND version = ?').get(row.id, version) as { freeze_id: number; manifest: string } | undefined;
  if (!pack) return null;
  const { snapshot } = frozenSnapshot(reg, pack.freeze_id);
  const source = JSON.parse(freezeRowById(reg, pack.freeze_id)!.record) as PackSource;
  const manifest = JSON.parse(pack.manifest) as PackManifest;
  return { plan: { meeting: manifest.meeting, snapshot, source, files: packFiles(source) }, manifest };
}
