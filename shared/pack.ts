// The meeting pack (issue 13, DOMAIN.md "The meeting cycle"): which documents a meeting's pack
// holds, under which names, in which order, and what its manifest says. Before the meeting the
// pack is its vergaderstukken; after it (afgerond, vastgesteld) its besluitenlijst. Every version
// is computed from a freeze of its own (a PackSource beside the frozen register), never from the
// register as it is later.
import type { IsoDate } from './dates';
import type { ExportFormat } from './exports';
import type { ChangeLine, ChangesSince, Meeting, MeetingKind, MeetingState } from './meeting';

export const PACK_KINDS = ['vergaderstukken', 'besluitenlijst'] as const;
export type PackKind = (typeof PACK_KINDS)[number];

/** The states in which a meeting has a pack: its agenda vastgesteld, or later. */
export const PACKABLE_STATES: readonly MeetingState[] = ['agenda_vastgesteld', 'in_vergadering', 'afgerond', 'vastgesteld'];

/** Before the meeting its pack is the vergaderstukken; once afgerond, its besluitenlijst. */
export const packKindOf = (state: MeetingState): PackKind => (state === 'afgerond' || state === 'vastgesteld' ? 'besluitenlijst' : 'vergaderstukken');

/** Everything a pack version is computed from besides the frozen register. */
export interface PackSource {
  kind: PackKind;
  /** The meeting's record (without its freezes and actiepuntenlijst: the latter follows from the register). */
  meeting: Meeting;
  /** The previous meeting's besluitenlijst as it stood when the version was made (vergaderstukken only). */
  previous: Meeting | null;
  /** What changed since the previous meeting, measured when the version was made (vergaderstukken only). */
  changes: { since: ChangesSince['since']; lines: ChangeLine[] } | null;
}

export type PackDocument = 'agenda' | 'previousBesluitenlijst' | 'actiepuntenlijst' | 'rapportage' | 'bijlage1' | 'wijzigingen' | 'besluitenlijst';

export interface PackFile {
  name: string;
  document: PackDocument;
  format: ExportFormat;
}

/** The meeting's folder: "TB-2024-02 2024-05-15" (sorts by number, then date). */
export const packFolderName = (meeting: { number: string; date: IsoDate }): string => `${meeting.number} ${meeting.date}`;
export const versionFolderName = (version: number): string => `v${version}`;

/** A besluitenlijst's name: "(concept)" until the next meeting has vastgesteld it. */
export const besluitenlijstName = (meeting: Pick<Meeting, 'number' | 'state'>): string =>
  `Besluitenlijst ${meeting.number}${meeting.state === 'vastgesteld' ? '' : ' (concept)'}`;

/** The files of a pack version, numbered in the order the agenda takes them. */
export function packFiles(source: PackSource): PackFile[] {
  if (source.kind === 'besluitenlijst') return [{ name: `${besluitenlijstName(source.meeting)}.docx`, document: 'besluitenlijst', format: 'docx' }];
  const files: PackFile[] = [{ name: `00 Agenda ${source.meeting.number}.docx`, document: 'agenda', format: 'docx' }];
  if (source.previous) files.push({ name: `01 ${besluitenlijstName(source.previous)}.docx`, document: 'previousBesluitenlijst', format: 'docx' });
  for (const format of ['docx', 'xlsx'] as const) files.push({ name: `02 Actiepuntenlijst.${format}`, document: 'actiepuntenlijst', format });
  if (source.meeting.kind === 'evaluatiemoment') {
    for (const format of ['docx', 'xlsx'] as const) files.push({ name: `03 C&R-rapportage.${format}`, document: 'rapportage', format });
    for (const format of ['docx', 'xlsx'] as const) files.push({ name: `04 Bijlage 1 Lijst van dossiers met prioriteit.${format}`, document: 'bijlage1', format });
  }
  const since = source.changes?.since.meeting ?? source.previous?.number ?? null;
  files.push({ name: `05 Wijzigingen sinds ${since ?? 'de start van het register'}.docx`, document: 'wijzigingen', format: 'docx' });
  return files;
}

/**
 * The pack files that belong to an agenda item, by its standing role; the changes since the
 * previous TB go with the rapportage, or without one on the agenda with the actiepuntenlijst.
 */
export function filesForItem(files: readonly PackFile[], standing: string | null, hasRapportage: boolean): PackFile[] {
  const documents: Partial<Record<string, PackDocument[]>> = {
    besluitenlijst: ['previousBesluitenlijst'],
    actiepuntenlijst: hasRapportage ? ['actiepuntenlijst'] : ['actiepuntenlijst', 'wijzigingen'],
    rapportage: ['rapportage', 'bijlage1', 'wijzigingen'],
  };
  const wanted = documents[standing ?? ''] ?? [];
  return files.filter((f) => wanted.includes(f.document));
}

export interface ManifestFile {
  name: string;
  sha256: string;
  bytes: number;
}

/** manifest.json, beside the files of a version. */
export interface PackManifest {
  app: { name: 'TB-register'; version: string };
  meeting: { number: string; date: IsoDate; kind: MeetingKind; state: MeetingState };
  kind: PackKind;
  version: number;
  /** A later version of the same kind: sent after the first (nagezonden). */
  nagezonden: boolean;
  /** Made from the register as it was when the agenda was vastgesteld (the first vergaderstukken). */
  asVastgesteld: boolean;
  /** The frozen state the files were computed from (sha256 over its parts and record). */
  frozen: { hash: string };
  files: ManifestFile[];
  /** Against the version before it: which files are new, changed, gone or the same. */
  comparedWith: { version: number; added: string[]; changed: string[]; removed: string[]; same: string[] } | null;
}

/** A version already made of a meeting's vergaderstukken or besluitenlijst, as the meeting page lists it. */
export interface PackVersion {
  version: number;
  kind: PackKind;
  nagezonden: boolean;
  /** When it was kept, and by whom (the profile at the time, if any). */
  madeAt: string;
  author: string | null;
  files: string[];
}

export function compareFiles(before: readonly ManifestFile[], after: readonly ManifestFile[]): Omit<NonNullable<PackManifest['comparedWith']>, 'version'> {
  const old = new Map(before.map((f) => [f.name, f.sha256]));
  const now = new Set(after.map((f) => f.name));
  return {
    added: after.filter((f) => !old.has(f.name)).map((f) => f.name),
    changed: after.filter((f) => old.has(f.name) && old.get(f.name) !== f.sha256).map((f) => f.name),
    removed: before.filter((f) => !now.has(f.name)).map((f) => f.name),
    same: after.filter((f) => old.get(f.name) === f.sha256).map((f) => f.name),
  };
}
