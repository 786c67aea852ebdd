// The register as one plain-data snapshot for the reports (shared/report/snapshot.ts): every
// table read in bulk, inside the caller's transaction, so the picture is of one moment.
import type { ActiepuntStatus, PriorityState } from '../../shared/domain';
import type { PhaseState } from '../../shared/phase';
import type { Dated, RegisterSnapshot, SnapshotActiepunt, SnapshotDossier } from '../../shared/report/snapshot';
import type { Register } from './db';
import { listActiepunten } from './actiepunten';
import { listAmbitions, listHoofddossiers, requireJaarplan } from './jaarplan';
import { groupValues, toPhaseState, type PhaseColumns } from './lookup';

/** A dossier's own columns, named as the snapshot names them, with its row id to join the rest on. */
type DossierRow = { id: number } & Omit<SnapshotDossier, 'ambitions' | 'phases' | 'priorities'>;

/** A dated row read raw (as an array): the item, its date, its note, then the state's columns. */
type DatedValues<V extends unknown[]> = [item: number, date: string, note: string | null, ...value: V];

/**
 * Dated rows per item, oldest first (same-date rows in recording order). Read as arrays: for the
 * 50,000 phase rows of 5,000 dossiers better-sqlite3's row objects cost more than the query.
 */
function datedByItem<V extends unknown[], T>(rows: Array<DatedValues<V>>, value: (...columns: V) => T): Map<number, Dated<T>[]> {
  const byItem = new Map<number, Dated<T>[]>();
  for (const [item, date, note, ...columns] of rows) {
    let list = byItem.get(item);
    if (!list) byItem.set(item, (list = []));
    list.push({ date, value: value(...(columns as V)), note });
  }
  return byItem;
}

const ORDER = 'ORDER BY item, effective_date, recorded_at, id';

/** Only these items (by number), for reading a few parts of the snapshot; all of them when left out. */
export type Only = readonly number[] | undefined;

/** `AND <column> IN (the numbers)` as SQL with its parameter, or nothing when every item is read. */
const among = (column: string, only: Only): [string, unknown[]] =>
  only === undefined ? ['', []] : [` AND ${column} IN (SELECT value FROM json_each(?))`, [JSON.stringify(only)]];

/** The dossiers as the snapshot holds them (archived ones left out), by number. */
export function readSnapshotDossiers(reg: Register, only?: Only): SnapshotDossier[] {
  const db = reg.db;
  const [onDossier, dossierArgs] = among('number', only);
  const [onItem, itemArgs] = among('dossier_id', only === undefined ? undefined : (db.prepare(`SELECT id FROM dossier WHERE number IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(only)) as number[]));
  const dossierRows = db
    .prepare(
      `SELECT id, number, title, description, note, planning, link, owner, hoofddossier_id AS hoofddossierId
       FROM dossier WHERE archived_at IS NULL${onDossier} ORDER BY number`,
    )
    .all(...dossierArgs) as DossierRow[];
  const phases = datedByItem(
    db.prepare(`SELECT dossier_id AS item, effective_date, note, phase, qualifier, parked FROM dossier_phase WHERE 1${onItem} ${ORDER}`).raw().all(...itemArgs) as Array<
      DatedValues<[PhaseColumns['phase'], PhaseColumns['qualifier'], PhaseColumns['parked']]>
    >,
    (phase, qualifier, parked): PhaseState => toPhaseState({ phase, qualifier, parked }),
  );
  const priorities = datedByItem(
    db.prepare(`SELECT dossier_id AS item, effective_date, note, priority, rank FROM dossier_priority WHERE 1${onItem} ${ORDER}`).raw().all(...itemArgs) as Array<
      DatedValues<[number, number | null]>
    >,
    (priority, rank): PriorityState => ({ priority: priority === 1, rank }),
  );
  const ambitions = groupValues(
    db
      .prepare(
        `SELECT da.dossier_id, a.code FROM dossier_ambition da JOIN ambition a ON a.id = da.ambition_id
         WHERE 1${onItem.replace('dossier_id', 'da.dossier_id')} ORDER BY da.dossier_id, a.position, a.id`,
      )
      .raw()
      .all(...itemArgs) as Array<[number, string]>,
  );
  return dossierRows.map(
    ({ id, ...dossier }): SnapshotDossier => ({
      ...dossier,
      ambitions: ambitions.get(id) ?? [],
      phases: phases.get(id) ?? [],
      priorities: priorities.get(id) ?? [],
    }),
  );
}

/** The actiepunten as the snapshot holds them (archived ones left out), by number. */
export function readSnapshotActiepunten(reg: Register, only?: Only): SnapshotActiepunt[] {
  const [onNumber, args] = among('a.number', only);
  const statusRows = reg.db
    .prepare(
      `SELECT a.number AS item, s.effective_date, s.note, s.status
       FROM actiepunt_status s JOIN actiepunt a ON a.id = s.actiepunt_id WHERE 1${onNumber} ORDER BY a.number, s.effective_date, s.recorded_at, s.id`,
    )
    .raw()
    .all(...args) as Array<DatedValues<[ActiepuntStatus]>>;
  const statuses = datedByItem(statusRows, (status) => status);
  const wanted = only === undefined ? null : new Set(only);
  return listActiepunten(reg, { includeArchived: false })
    .filter((a) => wanted === null || wanted.has(a.number))
    .map(
      (a): SnapshotActiepunt => ({
        number: a.number,
        text: a.text,
        subPoints: a.subPoints,
        owners: a.owners,
        deadline: a.deadline,
        remarks: a.remarks,
        dossier: a.dossier,
        statuses: statuses.get(a.number) ?? [],
      }),
    );
}

export function readSnapshot(reg: Register): RegisterSnapshot {
  return {
    jaarplan: requireJaarplan(reg),
    ambitions: listAmbitions(reg),
    hoofddossiers: listHoofddossiers(reg),
    dossiers: readSnapshotDossiers(reg),
    actiepunten: readSnapshotActiepunten(reg),
    meetings: readSnapshotMeetings(reg),
  };
}

export function readSnapshotMeetings(reg: Register): RegisterSnapshot['meetings'] {
  return reg.db.prepare(`SELECT number, date, kind, title FROM meeting WHERE state <> 'geannuleerd' ORDER BY date, seq`).all() as RegisterSnapshot['meetings'];
}
