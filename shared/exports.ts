// The documents the register exports, their file names, and how an export job reports progress.
import type { IsoDate } from './dates';
import type { CallError } from './errors';
import type { PackKind, PackManifest } from './pack';

export const EXPORT_DOCUMENTS = ['bijlage1', 'bijlage2', 'rapportage'] as const;
export type ExportDocument = (typeof EXPORT_DOCUMENTS)[number];

export const EXPORT_FORMATS = ['docx', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The file a document is written to: the same name in every shell, so the secretariat can find it. */
export function exportFileName(document: ExportDocument, format: ExportFormat, date: IsoDate): string {
  switch (document) {
    case 'bijlage1':
      return `bijlage-1-dossiers-met-prioriteit.${format}`;
    case 'bijlage2':
      return `bijlage-2-actiepunten.${format}`;
    case 'rapportage':
      return `cr-rapportage-${date}.${format}`;
  }
}

export interface ExportJob {
  id: string;
  state: 'running' | 'done' | 'failed';
  /** Steps done out of total: each file is rendered, then written. */
  done: number;
  total: number;
  /** The file being worked on, for the progress bar's label. */
  current: string | null;
  /** The report date used. */
  date: IsoDate;
  /** The folder, canonical. */
  outDir: string;
  /** Full paths; they exist only once the job is done. */
  files: string[];
  error: CallError | null;
  /** A meeting pack's job: which version, and whether it was made now or stood already. */
  pack: PackJob | null;
}

export interface PackJob {
  meeting: string;
  version: number;
  kind: PackKind;
  nagezonden: boolean;
  /** Made from the register as it was when the agenda was vastgesteld. */
  asVastgesteld: boolean;
  /** The version's folder. */
  folder: string;
  /** A new version, kept in the register by this job (else: the newest, whose documents these are). */
  fresh: boolean;
  /** The version's folder stood already, whole: nothing was written. */
  unchanged: boolean;
  /** Against the version before it (from manifest.json), once done. */
  comparedWith: PackManifest['comparedWith'];
}
