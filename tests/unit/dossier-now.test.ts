// dossier_now (migration 0005) is derived from the dated rows by triggers. Whatever happens to the
// register (edits, back-dated changes, undo, redo, a new jaarplan year, another reference date,
// a migration of a register full of history) it must equal the rule of dated-rows.ts computed
// afresh, for every dossier.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { newestRowId } from '../../electron/register/dated-rows';
import { openRegister, type Register } from '../../electron/register/db';
import { MIGRATIONS } from '../../electron/register/migrations';
import { seededRegister, tempDir, TEST_NOW, type TestRegister } from '../support/register';
import { fixedClock } from '../../electron/register/clock';

const opened: TestRegister[] = [];
afterEach(() => opened.splice(0).forEach((r) => r.close()));

const NOW_COLUMNS = 'dossier_id, phase_id, phase, qualifier, parked, ref_phase_id, ref_phase, ref_qualifier, ref_parked, priority_id, priority, rank';

/** What dossier_now holds, beside what the rule gives, for every dossier. */
function compare(reg: Register): { stored: unknown[]; computed: unknown[] } {
  const ref = `coalesce((SELECT reference_date FROM jaarplan ORDER BY year DESC LIMIT 1), '0000-00-00')`;
  const stored = reg.db.prepare(`SELECT ${NOW_COLUMNS} FROM dossier_now ORDER BY dossier_id`).all();
  const computed = reg.db
    .prepare(
      `SELECT d.id AS dossier_id, cp.id AS phase_id, cp.phase, cp.qualifier, cp.parked,
              rp.id AS ref_phase_id, rp.phase AS ref_phase, rp.qualifier AS ref_qualifier, rp.parked AS ref_parked,
              pr.id AS priority_id, pr.priority, pr.rank
       FROM dossier d
       LEFT JOIN dossier_phase cp ON cp.id = ${newestRowId('dossier_phase', 'd.id')}
       LEFT JOIN dossier_phase rp ON rp.id = ${newestRowId('dossier_phase', 'd.id', ref)}
       LEFT JOIN dossier_priority pr ON pr.id = ${newestRowId('dossier_priority', 'd.id')}
       ORDER BY d.id`,
    )
    .all();
  return { stored, computed };
}

function expectConsistent(reg: Register, when: string): void {
  const { stored, computed } = compare(reg);
  expect(stored, when).toEqual(computed);
}

it('stays equal to the dated rows through edits, back-dated changes, undo, redo and jaarplan changes', () => {
  const r = seededRegister();
  opened.push(r);
  expectConsistent(r.reg, 'after seeding');
  const { number } = r.call('dossier.create', { title: 'Nieuw', phase: { phase: 'nieuw' }, phaseDate: '2023-06-01' });
  expectConsistent(r.reg, 'after create');
  r.call('dossier.setPhase', { number, state: { phase: 'analyse' }, date: '2024-03-01' });
  r.call('dossier.setPhase', { number, state: { phase: 'refinement' }, date: '2023-12-01' }); // back-dated: lands in the history only
  r.call('dossier.setPriority', { number, priority: true, rank: 1, date: '2024-02-01' });
  expectConsistent(r.reg, 'after phase and priority changes');
  const before = compare(r.reg).stored;
  r.call('dossier.setPhase', { number, state: { phase: 'implementatie' }, date: '2026-11-30' });
  r.call('register.undo');
  expect(compare(r.reg).stored).toEqual(before);
  r.call('register.redo');
  expectConsistent(r.reg, 'after redo');
  r.call('jaarplan.update', { patch: { referenceDate: '2024-01-01' } });
  expectConsistent(r.reg, 'after another reference date');
  r.call('jaarplan.update', { patch: { year: 2026 } });
  expectConsistent(r.reg, 'after another year');
  // Undo back to before the dossier existed: its row goes with it; redo brings it back.
  for (let i = 0; i < 7; i++) r.call('register.undo');
  expect(r.reg.db.prepare('SELECT count(*) FROM dossier_now WHERE dossier_id NOT IN (SELECT id FROM dossier)').pluck().get()).toBe(0);
  expectConsistent(r.reg, 'after undoing the create');
  for (let i = 0; i < 7; i++) r.call('register.redo');
  expectConsistent(r.reg, 'after redoing everything');
  expect(r.call('dossier.get', { number }).phase).toEqual({ phase: 'implementatie', qualifier: null, parked: false });
});

it('is filled by the migration from the history a register already holds', () => {
  const file = path.join(tempDir(), 'v4.sqlite');
  const clock = fixedClock(TEST_NOW);
  const v4 = openRegister(file, { migrations: MIGRATIONS.slice(0, 4), clock });
  v4.db.exec(`
    INSERT INTO jaarplan (year, title, board, reference_date) VALUES (2024, 'Jaarplan', 'TB', '2024-01-01');
    INSERT INTO dossier (number, title, created_at, updated_at) VALUES (1, 'Een', 'x', 'x'), (2, 'Twee', 'x', 'x'), (3, 'Drie', 'x', 'x');
    INSERT INTO dossier_phase (dossier_id, effective_date, phase, parked, recorded_at) VALUES
      (1, '2023-01-01', 'nieuw', 0, 'x'), (1, '2024-05-01', 'analyse', 0, 'x'), (1, '2023-06-01', 'refinement', 0, 'x'),
      (2, '2025-01-01', 'nieuw', 0, 'x');
    INSERT INTO dossier_priority (dossier_id, effective_date, priority, rank, recorded_at) VALUES (1, '2024-01-01', 1, 2, 'x');
  `);
  v4.close();
  const reg = openRegister(file, { clock });
  try {
    expectConsistent(reg, 'after migrating');
    const rows = reg.db.prepare('SELECT dossier_id, phase_id, phase, ref_phase_id, ref_phase, priority_id, rank FROM dossier_now ORDER BY dossier_id').all();
    expect(rows).toEqual([
      { dossier_id: 1, phase_id: 2, phase: 'analyse', ref_phase_id: 3, ref_phase: 'refinement', priority_id: 1, rank: 2 },
      { dossier_id: 2, phase_id: 4, phase: 'nieuw', ref_phase_id: null, ref_phase: null, priority_id: null, rank: null },
      { dossier_id: 3, phase_id: null, phase: null, ref_phase_id: null, ref_phase: null, priority_id: null, rank: null },
    ]);
  } finally {
    reg.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});
