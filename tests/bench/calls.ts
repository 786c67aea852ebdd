// The register's calls through the real handler table (validation, transaction, undo and audit
// bookkeeping, mapping to the contract's shapes), each beside a bare better-sqlite3 prepared
// statement that answers the same question in one statement and returns raw rows.
import { createApi } from '../../electron/api';
import { newestRowId } from '../../electron/register/dated-rows';
import { fixedClock } from '../../electron/register/clock';
import { openRegister } from '../../electron/register/db';
import { readSnapshot } from '../../electron/register/snapshot';
import { buildRapportage } from '../../shared/report/rapportage-model';
import { BENCH_NOW } from './generate';
import { ratio, time, type Timing } from './stats';

/**
 * The dossier list in one statement, over the same schema: where each dossier stands (dossier_now,
 * kept by triggers) and its ambitions, as better-sqlite3 returns rows by default.
 */
const BARE_LIST = `
SELECT d.number, d.title, d.owner, d.hoofddossier_id,
       n.phase, n.qualifier, n.parked, n.ref_phase, n.ref_qualifier, n.ref_parked, n.priority, n.rank,
       (SELECT group_concat(a.code) FROM dossier_ambition da JOIN ambition a ON a.id = da.ambition_id WHERE da.dossier_id = d.id) AS ambitions
FROM dossier d JOIN dossier_now n ON n.dossier_id = d.id
WHERE d.archived_at IS NULL`;

export interface CallFigure {
  name: string;
  dossiers: number;
  ours: Timing;
  bare: Timing | null;
  /** ours / bare, medians. */
  overhead: number | null;
  /** How much JSON the answer is over the wire (the browser shell) or IPC. */
  jsonKb: number;
}

export interface RegisterFigures {
  calls: CallFigure[];
  reportModel: { dossiers: number; snapshot: Timing; model: Timing };
}

export async function measureCalls(file: string, dossiers: number, runs: number): Promise<RegisterFigures> {
  const reg = openRegister(file, { clock: fixedClock(BENCH_NOW) });
  const api = createApi(reg);
  const call = (name: string, input?: unknown) => {
    const result = api.invoke(name, input);
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const ref = (call('jaarplan.get') as { referenceDate: string }).referenceDate;
  const middle = Math.ceil(dossiers / 2);
  const db = reg.db;
  const bareList = db.prepare(`${BARE_LIST} ORDER BY d.number`);
  const bareFiltered = db.prepare(`${BARE_LIST} AND n.phase = @phase AND (d.title LIKE @like OR d.description LIKE @like OR d.note LIKE @like OR d.owner LIKE @like) ORDER BY d.number`);
  const bareDossier = db.prepare(`${BARE_LIST} AND d.number = @number`);
  const bareActiepunten = db.prepare('SELECT a.number FROM actiepunt a JOIN dossier d ON d.id = a.dossier_id WHERE d.number = ? ORDER BY a.number');
  const barePhases = db.prepare(
    'SELECT p.effective_date, p.recorded_at, p.note, p.phase, p.qualifier, p.parked FROM dossier_phase p JOIN dossier d ON d.id = p.dossier_id WHERE d.number = ? ORDER BY p.effective_date, p.recorded_at, p.id',
  );
  const barePriorities = db.prepare(
    'SELECT p.effective_date, p.recorded_at, p.note, p.priority, p.rank FROM dossier_priority p JOIN dossier d ON d.id = p.dossier_id WHERE d.number = ? ORDER BY p.effective_date, p.recorded_at, p.id',
  );
  const barePhasesOn = db.prepare(
    `SELECT d.number, p.phase, p.qualifier, p.parked FROM dossier d LEFT JOIN dossier_phase p ON p.id = ${newestRowId('dossier_phase', 'd.id', '?')} ORDER BY d.number`,
  );
  const RELOAD = ['register.info', 'dossier.list', 'actiepunt.list', 'hoofddossier.list', 'ambition.list', 'meeting.list', 'register.undoState'];

  const cases: Array<{ name: string; ours: () => unknown; bare: (() => unknown) | null }> = [
    { name: 'dossier.list', ours: () => call('dossier.list', {}), bare: () => bareList.all() },
    {
      name: 'dossier.list (search + phase)',
      ours: () => call('dossier.list', { search: 'wallet', phase: 'implementatie' }),
      bare: () => bareFiltered.all({ phase: 'implementatie', like: '%wallet%' }),
    },
    {
      name: 'dossier.get + history',
      ours: () => [call('dossier.get', { number: middle }), call('dossier.history', { number: middle })],
      bare: () => [bareDossier.get({ number: middle }), bareActiepunten.all(middle), barePhases.all(middle), barePriorities.all(middle)],
    },
    { name: 'dossier.phasesOn (all)', ours: () => call('dossier.phasesOn', { date: ref }), bare: () => barePhasesOn.all(ref) },
    { name: 'actiepunt.list', ours: () => call('actiepunt.list', {}), bare: null },
    { name: 'reload after an edit (7 calls)', ours: () => RELOAD.map((name) => call(name)), bare: null },
  ];

  const calls: CallFigure[] = [];
  for (const c of cases) {
    const ours = await time(c.ours, runs, 3);
    const bare = c.bare ? await time(c.bare, runs, 3) : null;
    calls.push({
      name: c.name,
      dossiers,
      ours,
      bare,
      overhead: bare ? ratio(ours.medianMs, bare.medianMs) : null,
      jsonKb: Math.round(JSON.stringify(c.ours()).length / 1024),
    });
  }
  const reportRuns = Math.max(3, Math.round(runs / 3));
  const snapshot = await time(() => db.transaction(() => readSnapshot(reg))(), reportRuns, 1);
  const data = db.transaction(() => readSnapshot(reg))();
  const model = await time(() => buildRapportage(data, BENCH_NOW.slice(0, 10)), reportRuns, 1);
  reg.close();
  return { calls, reportModel: { dossiers, snapshot, model } };
}
