// The jaarplan (year, reference date), its ambitions and the hoofddossiers.
import { RegisterError } from '../../shared/errors';
import type { Ambition, AnnexTexts, Hoofddossier, Jaarplan } from '../../shared/domain';
import type { ParsedInput } from '../../shared/contract';
import type { Register } from './db';
import { fold } from '../../shared/search';
import { updateRow } from './update-row';

interface JaarplanRow {
  year: number;
  title: string;
  board: string;
  reference_date: string;
  dossier_space_url: string | null;
  bijlage1_intro: string;
  bijlage1_order_note: string;
  bijlage1_footnote: string;
  bijlage2_intro: string;
}

/** Where each annex text lives in the jaarplan table. */
const TEXT_COLUMNS: Record<keyof AnnexTexts, string> = {
  bijlage1Intro: 'bijlage1_intro',
  bijlage1OrderNote: 'bijlage1_order_note',
  bijlage1Footnote: 'bijlage1_footnote',
  bijlage2Intro: 'bijlage2_intro',
};

/** The register's current jaarplan: the latest year. */
export function currentJaarplan(reg: Register): Jaarplan | null {
  const row = reg.db.prepare('SELECT * FROM jaarplan ORDER BY year DESC LIMIT 1').get() as JaarplanRow | undefined;
  if (!row) return null;
  return {
    year: row.year,
    title: row.title,
    board: row.board,
    referenceDate: row.reference_date,
    dossierSpaceUrl: row.dossier_space_url,
    texts: {
      bijlage1Intro: row.bijlage1_intro,
      bijlage1OrderNote: row.bijlage1_order_note,
      bijlage1Footnote: row.bijlage1_footnote,
      bijlage2Intro: row.bijlage2_intro,
    },
  };
}

/** Saves the annex texts of the current jaarplan; texts left out stay as they are. */
export function updateAnnexTexts(reg: Register, { texts }: ParsedInput<'jaarplan.updateTexts'>): Jaarplan {
  const plan = requireJaarplan(reg);
  const columns = Object.fromEntries((Object.keys(TEXT_COLUMNS) as Array<keyof AnnexTexts>).map((key) => [TEXT_COLUMNS[key], texts[key]]));
  updateRow(reg, 'jaarplan', { column: 'year', value: plan.year }, columns);
  return requireJaarplan(reg);
}

export function requireJaarplan(reg: Register): Jaarplan {
  const plan = currentJaarplan(reg);
  if (!plan) throw new RegisterError('not_found', 'This register has no jaarplan yet.');
  return plan;
}

/** Edits the current jaarplan's year, title, board, reference date or dossier space. */
export function updateJaarplan(reg: Register, { patch }: ParsedInput<'jaarplan.update'>): Jaarplan {
  const plan = requireJaarplan(reg);
  if (patch.year !== undefined && patch.year !== plan.year && reg.db.prepare('SELECT 1 FROM jaarplan WHERE year = ?').get(patch.year)) {
    throw new RegisterError('conflict', `There is already a jaarplan for ${patch.year}.`, 'patch.year');
  }
  updateRow(reg, 'jaarplan', { column: 'year', value: plan.year }, {
    year: patch.year,
    title: patch.title,
    board: patch.board,
    reference_date: patch.referenceDate,
    dossier_space_url: patch.dossierSpaceUrl,
  });
  return requireJaarplan(reg);
}

export function listAmbitions(reg: Register): Ambition[] {
  const rows = reg.db
    .prepare('SELECT id, code, name, focus, description, position FROM ambition ORDER BY position, id')
    .all() as Array<Omit<Ambition, 'focus'> & { focus: number }>;
  return rows.map((r) => ({ ...r, focus: r.focus === 1 }));
}

function getAmbition(reg: Register, code: string, field = 'code'): Ambition {
  const found = listAmbitions(reg).find((a) => a.code === code);
  if (!found) throw new RegisterError('not_found', `There is no ambition '${code}'.`, field);
  return found;
}

/** The longest code the contract takes (shared/schemas.ts, ambitionCode). */
const CODE_MAX = 60;

/**
 * A code from a name: "Voorbereid zijn" -> "voorbereid-zijn". A long name gives a code cut after
 * a whole word within the contract's 60 characters, so every code made here can be used again.
 */
export const codeFor = (name: string): string => {
  const code = fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (code.length <= CODE_MAX) return code || 'ambitie';
  const cut = code.slice(0, CODE_MAX + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : code.slice(0, CODE_MAX)).replace(/-$/, '');
};

export function createAmbition(reg: Register, input: ParsedInput<'ambition.create'>): Ambition {
  const code = input.code ?? codeFor(input.name);
  if (reg.db.prepare('SELECT 1 FROM ambition WHERE code = ?').get(code)) {
    throw new RegisterError('conflict', `There is already an ambition '${code}'.`, input.code ? 'code' : 'name');
  }
  const position = (reg.db.prepare('SELECT coalesce(max(position), 0) + 1 FROM ambition').pluck().get() as number);
  reg.db
    .prepare('INSERT INTO ambition (code, name, focus, description, position) VALUES (?, ?, ?, ?, ?)')
    .run(code, input.name, input.focus ? 1 : 0, input.description, position);
  return getAmbition(reg, code);
}

export function updateAmbition(reg: Register, { code, patch }: ParsedInput<'ambition.update'>): Ambition {
  getAmbition(reg, code);
  updateRow(reg, 'ambition', { column: 'code', value: code }, {
    name: patch.name,
    description: patch.description,
    focus: patch.focus === undefined ? undefined : patch.focus ? 1 : 0,
  });
  return getAmbition(reg, code);
}

/** Ambition ids for codes, naming the offending list entry when a code is unknown. */
export function ambitionIds(reg: Register, codes: readonly string[], field = 'ambitions'): number[] {
  const find = reg.db.prepare('SELECT id FROM ambition WHERE code = ?');
  const seen = new Set<number>();
  return codes.flatMap((code, i) => {
    const row = find.get(code) as { id: number } | undefined;
    if (!row) throw new RegisterError('invalid_input', `${field}.${i}: there is no ambition '${code}'.`, `${field}.${i}`);
    if (seen.has(row.id)) return [];
    seen.add(row.id);
    return [row.id];
  });
}

export function listHoofddossiers(reg: Register): Hoofddossier[] {
  return reg.db.prepare('SELECT id, title, intro, link FROM hoofddossier ORDER BY id').all() as Hoofddossier[];
}

export function requireHoofddossier(reg: Register, id: number, field = 'hoofddossierId'): void {
  if (!reg.db.prepare('SELECT 1 FROM hoofddossier WHERE id = ?').get(id)) {
    throw new RegisterError('not_found', `There is no hoofddossier ${id}.`, field);
  }
}
