// The Change & Release rapportage for one date: where every dossier stands, what moved since the
// last TB meeting, the priority dossiers at length, and the state of the actiepunten.
import { isNewSince, isOverdue, lastMeetingBefore, sinceDate } from '../actiepunt-marks';
import type { ActiepuntStatus, Deadline, PriorityState } from '../domain';
import type { IsoDate } from '../dates';
import { bucketOf, PHASE_BUCKETS, samePhaseState, type PhaseBucket, type PhaseState } from '../phase';
import { formatOwners } from './bijlage2-model';
import { firstDate, valueOn, type Dated, type RegisterSnapshot, type SnapshotDossier } from './snapshot';


export interface RapportageDossier
  extends Pick<SnapshotDossier, 'number' | 'title' | 'description' | 'note' | 'planning' | 'link' | 'owner'> {
  hoofddossier: string | null;
  /** Ambition names, in the jaarplan's order. */
  ambitions: string[];
  phase: PhaseState;
  phaseOnReference: PhaseState | null;
  bucket: PhaseBucket;
  priority: boolean;
  rank: number | null;
  /** Phase rows up to the report date, oldest first. */
  history: Dated<PhaseState>[];
  actiepunten: Array<{ number: number; text: string; status: ActiepuntStatus | null }>;
}

export interface RapportageMove {
  number: number;
  title: string;
  /** null: the dossier is new since the last report. */
  from: PhaseState | null;
  to: PhaseState;
  date: IsoDate;
}

/** A dossier whose priority or rank changed since the last TB (issue 13: they went unreported). */
export interface RapportagePriorityChange {
  number: number;
  title: string;
  before: PriorityState;
  after: PriorityState;
  date: IsoDate;
  note: string | null;
}

export interface RapportageActiepunt {
  number: number;
  text: string;
  subPoints: string[];
  owner: string;
  deadline: Deadline | null;
  remarks: string | null;
  status: ActiepuntStatus;
  overdue: boolean;
  isNew: boolean;
  dossier: number | null;
}

export interface Rapportage {
  date: IsoDate;
  referenceDate: IsoDate;
  /** The TB meeting before the report date, against which "what moved" and "new" are measured. */
  lastReport: { date: IsoDate; number: string } | null;
  /** The date "since" counts from: the last meeting, else the reference date. */
  since: IsoDate;
  jaarplanTitle: string;
  board: string;
  counts: Array<{ bucket: PhaseBucket; onReference: number; now: number }>;
  moved: RapportageMove[];
  priorityChanges: RapportagePriorityChange[];
  priority: RapportageDossier[];
  active: RapportageDossier[];
  backlog: RapportageDossier[];
  parked: RapportageDossier[];
  done: RapportageDossier[];
  ambitions: Array<{ code: string; name: string; focus: boolean }>;
  /** Every dossier, with a flag per ambition (none set: it serves no ambition). */
  matrix: Array<{ number: number; title: string; priority: boolean; bucket: PhaseBucket; serves: boolean[] }>;
  actiepunten: {
    counts: Record<ActiepuntStatus | 'overdue' | 'new', number>;
    rows: RapportageActiepunt[];
  };
}

const byPriorityRank = (a: RapportageDossier, b: RapportageDossier): number =>
  (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.number - b.number;

export function buildRapportage(snapshot: RegisterSnapshot, date: IsoDate): Rapportage {
  const { jaarplan } = snapshot;
  const reference = jaarplan.referenceDate;
  const lastReport = lastMeetingBefore(snapshot.meetings, date);
  const since = sinceDate(snapshot.meetings, date, reference);
  const ambitionNames = new Map(snapshot.ambitions.map((a) => [a.code, a.name]));
  const hoofddossiers = new Map(snapshot.hoofddossiers.map((h) => [h.id, h.title]));

  const statusOn = new Map(snapshot.actiepunten.map((a) => [a.number, valueOn(a.statuses, date)]));
  const actiepuntenOf = new Map<number, RapportageDossier['actiepunten']>();
  for (const a of snapshot.actiepunten) {
    if (a.dossier === null || statusOn.get(a.number) === null) continue;
    const list = actiepuntenOf.get(a.dossier) ?? [];
    list.push({ number: a.number, text: a.text, status: statusOn.get(a.number) ?? null });
    actiepuntenOf.set(a.dossier, list);
  }

  const dossiers: RapportageDossier[] = [];
  const moved: RapportageMove[] = [];
  const priorityChanges: RapportagePriorityChange[] = [];
  const counts = new Map(PHASE_BUCKETS.map((b) => [b, { bucket: b, onReference: 0, now: 0 }]));
  for (const d of [...snapshot.dossiers].sort((a, b) => a.number - b.number)) {
    const onReference = valueOn(d.phases, reference);
    if (onReference) counts.get(bucketOf(onReference))!.onReference++;
    const phase = valueOn(d.phases, date);
    if (!phase) continue; // not yet in the register's story on the report date
    counts.get(bucketOf(phase))!.now++;
    const history = d.phases.filter((row) => row.date <= date);
    const before = valueOn(d.phases, since);
    if (!samePhaseState(before, phase)) moved.push({ number: d.number, title: d.title, from: before, to: phase, date: history.at(-1)!.date });
    const change = priorityChange(d, since, date);
    if (change) priorityChanges.push(change);
    dossiers.push(toReportDossier(d, phase, onReference, history, date, ambitionNames, hoofddossiers, actiepuntenOf));
  }

  const priority = dossiers.filter((d) => d.priority).sort(byPriorityRank);
  const others = dossiers.filter((d) => !d.priority);
  const matrix = dossiers
    .map((d) => ({
      number: d.number,
      title: d.title,
      priority: d.priority,
      bucket: d.bucket,
      serves: snapshot.ambitions.map((a) => d.ambitions.includes(a.name)),
    }));

  return {
    date,
    referenceDate: reference,
    lastReport,
    since,
    jaarplanTitle: jaarplan.title,
    board: jaarplan.board,
    counts: [...counts.values()],
    moved,
    priorityChanges,
    priority,
    active: others.filter((d) => d.bucket === 'analyse' || d.bucket === 'refinement' || d.bucket === 'implementatie'),
    // Every dossier in the section it belongs to, priority dossiers too (explained in full above,
    // listed here): "Geparkeerde dossiers: Geen." while five priority dossiers were parked (issue 13).
    backlog: byNumber(dossiers.filter((d) => d.bucket === 'nieuw')),
    parked: byNumber(dossiers.filter((d) => d.bucket === 'geparkeerd')),
    done: byNumber(dossiers.filter((d) => d.bucket === 'afgerond')),
    ambitions: snapshot.ambitions.map((a) => ({ code: a.code, name: a.name, focus: a.focus })),
    matrix,
    actiepunten: actiepuntenStatus(snapshot, date, since),
  };
}

const NO_PRIORITY: PriorityState = { priority: false, rank: null };

/** The dossier's priority on `since` against the report date, when they differ: the newest row between says when. */
function priorityChange(d: SnapshotDossier, since: IsoDate, date: IsoDate): RapportagePriorityChange | null {
  const before = valueOn(d.priorities, since) ?? NO_PRIORITY;
  const after = valueOn(d.priorities, date) ?? NO_PRIORITY;
  if (before.priority === after.priority && before.rank === after.rank) return null;
  const row = [...d.priorities].reverse().find((r) => r.date > since && r.date <= date);
  return { number: d.number, title: d.title, before, after, date: row?.date ?? date, note: row?.note ?? null };
}

const byNumber = (list: RapportageDossier[]) => [...list].sort((a, b) => a.number - b.number);

function toReportDossier(
  d: SnapshotDossier,
  phase: PhaseState,
  onReference: PhaseState | null,
  history: Dated<PhaseState>[],
  date: IsoDate,
  ambitionNames: Map<string, string>,
  hoofddossiers: Map<number, string>,
  actiepuntenOf: Map<number, RapportageDossier['actiepunten']>,
): RapportageDossier {
  const priority = valueOn(d.priorities, date);
  return {
    number: d.number,
    title: d.title,
    description: d.description,
    note: d.note,
    planning: d.planning,
    link: d.link,
    owner: d.owner,
    hoofddossier: d.hoofddossierId === null ? null : (hoofddossiers.get(d.hoofddossierId) ?? null),
    ambitions: d.ambitions.map((code) => ambitionNames.get(code) ?? code),
    phase,
    phaseOnReference: onReference,
    bucket: bucketOf(phase),
    priority: priority?.priority ?? false,
    rank: priority?.rank ?? null,
    history,
    actiepunten: actiepuntenOf.get(d.number) ?? [],
  };
}

function actiepuntenStatus(snapshot: RegisterSnapshot, date: IsoDate, since: IsoDate): Rapportage['actiepunten'] {
  const counts: Rapportage['actiepunten']['counts'] = { open: 0, in_uitvoering: 0, afgerond: 0, vervallen: 0, overdue: 0, new: 0 };
  const rows: RapportageActiepunt[] = [];
  for (const a of [...snapshot.actiepunten].sort((x, y) => x.number - y.number)) {
    const status = valueOn(a.statuses, date);
    if (!status) continue;
    const overdue = isOverdue(status, a.deadline, date);
    const isNew = isNewSince(firstDate(a.statuses), since);
    counts[status]++;
    if (overdue) counts.overdue++;
    if (isNew) counts.new++;
    rows.push({
      number: a.number,
      text: a.text,
      subPoints: a.subPoints,
      owner: formatOwners(a.owners),
      deadline: a.deadline,
      remarks: a.remarks,
      status,
      overdue,
      isNew,
      dossier: a.dossier,
    });
  }
  return { counts, rows };
}
