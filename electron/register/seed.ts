// A new register filled with a jaarplan's content (resources/seed/jaarplan-2024.json):
// every item passes the same input schemas as a user's edit.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contract } from '../../shared/contract';
import { RegisterError } from '../../shared/errors';
import * as s from '../../shared/schemas';
import { removeDatabaseFiles, tempNameFor } from '../leftovers';
import { lockRegisterFile, openRegister, type OpenOptions, type Register } from './db';
import { createDossier } from './dossiers';
import { createActiepunt } from './actiepunten';
import { freezeRegister } from './freeze';
import { forgetUndo } from './undo';
import { forgetAudit } from './audit';

const seedSchema = z.strictObject({
  $comment: z.string().optional(),
  jaarplan: z.strictObject({
    year: z.number().int().min(1900).max(2999),
    title: s.line(s.LIMITS.title),
    board: s.line(s.LIMITS.title),
    referenceDate: s.isoDate,
    dossierSpaceUrl: s.httpsUrl.nullable(),
    texts: s.annexTexts,
  }),
  ambitions: z.array(
    z.strictObject({ code: s.line(60), name: s.line(100), focus: z.boolean(), description: s.text(2_000) }),
  ),
  hoofddossiers: z.array(
    z.strictObject({ key: s.line(60), title: s.line(s.LIMITS.title), intro: s.text(2_000), link: s.httpsUrl.nullable() }),
  ),
  dossiers: z.array(z.looseObject({ hoofddossier: s.line(60).nullable() })),
  actiepunten: z.array(z.looseObject({})),
});

export type SeedData = z.infer<typeof seedSchema>;

export function readSeed(file: string): SeedData {
  return seedSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

export const defaultSeedFile = (resourcesDir: string): string => path.join(resourcesDir, 'seed', 'jaarplan-2024.json');

/** Fills an empty register in one transaction. */
export function seedRegister(reg: Register, seed: SeedData): void {
  reg.db.transaction(() => {
    if (reg.db.prepare('SELECT 1 FROM jaarplan UNION ALL SELECT 1 FROM dossier LIMIT 1').get()) {
      throw new RegisterError('conflict', `The register at ${reg.path} is not empty; seeding needs a new register.`);
    }
    const plan = seed.jaarplan;
    reg.db
      .prepare(
        `INSERT INTO jaarplan (year, title, board, reference_date, dossier_space_url,
                               bijlage1_intro, bijlage1_order_note, bijlage1_footnote, bijlage2_intro)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        plan.year,
        plan.title,
        plan.board,
        plan.referenceDate,
        plan.dossierSpaceUrl,
        plan.texts.bijlage1Intro,
        plan.texts.bijlage1OrderNote,
        plan.texts.bijlage1Footnote,
        plan.texts.bijlage2Intro,
      );
    const addAmbition = reg.db.prepare('INSERT INTO ambition (code, name, focus, description, position) VALUES (?, ?, ?, ?, ?)');
    seed.ambitions.forEach((a, i) => addAmbition.run(a.code, a.name, a.focus ? 1 : 0, a.description, i + 1));
    const hoofddossierIds = new Map<string, number>();
    const addHoofddossier = reg.db.prepare('INSERT INTO hoofddossier (title, intro, link) VALUES (?, ?, ?)');
    for (const h of seed.hoofddossiers) {
      hoofddossierIds.set(h.key, Number(addHoofddossier.run(h.title, h.intro, h.link).lastInsertRowid));
    }
    // Phases and priorities are as they stood on the reference date.
    for (const { hoofddossier, ...rest } of seed.dossiers) {
      const hoofddossierId = hoofddossier === null ? null : hoofddossierIds.get(hoofddossier);
      if (hoofddossierId === undefined) throw new Error(`Seed names an unknown hoofddossier '${hoofddossier}'.`);
      const input = contract['dossier.create'].input.parse({ ...rest, hoofddossierId, phaseDate: plan.referenceDate });
      createDossier(reg, input);
    }
    for (const item of seed.actiepunten) {
      createActiepunt(reg, contract['actiepunt.create'].input.parse({ ...item, statusDate: plan.referenceDate }));
    }
    // The register as the jaarplan starts it: what the first meeting's "wat is er veranderd" measures from.
    // (Tests seed registers of older schemas too, which have no meetings to freeze for.)
    if (reg.db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'meeting_freeze'`).get()) freezeRegister(reg, null, 'start', null);
    forgetUndo(reg);
    forgetAudit(reg);
  })();
}

/**
 * Creates a seeded register at `file`: built under a temporary name in the same folder and renamed
 * into place, so a crash never leaves a half-seeded register behind. An existing file is replaced
 * only with `force`.
 */
export function createSeededRegister(file: string, seed: SeedData, options: OpenOptions & { force?: boolean } = {}): void {
  const target = path.resolve(file);
  if (fs.existsSync(target) && !options.force) {
    throw new RegisterError('conflict', `${target} already exists; use --force to replace it.`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // A register another program has open is not replaced under it, and nothing but a register is
  // replaced at all (a typo in --db must not turn a document into a register).
  const lock = lockRegisterFile(target, options.nativeBinding);
  if (lock && !lock.isRegister) {
    lock.release();
    throw new RegisterError('invalid_input', `${target} is not a TB-register; --force replaces only a register. Nothing was changed.`);
  }
  const temp = tempNameFor(target);
  removeDatabaseFiles(temp);
  try {
    const reg = openRegister(temp, options);
    try {
      seedRegister(reg, seed);
      reg.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      reg.close();
    }
    // Never let an old write-ahead log meet the new file.
    removeDatabaseFiles(target, ['-wal', '-shm']);
    fs.renameSync(temp, target);
  } finally {
    lock?.release();
    removeDatabaseFiles(temp);
  }
}
