// Bijlage 2 "Lijst met actiepunten": every current action point with its owner and deadline.
import type { ActiepuntStatus, Deadline } from '../domain';
import { formatDutchDate } from '../dates';
import { isNewSince, isOverdue, sinceDate } from '../actiepunt-marks';
import { firstDate, valueOn, type RegisterSnapshot } from './snapshot';
import { joinOwners } from '../owners';

export interface Bijlage2Row {
  number: number;
  text: string;
  subPoints: string[];
  /** "Logius/BZK", or "-" when nobody owns it yet. */
  owner: string;
  /** The annex's deadline cell: the deadline, or the remarks where there is none, or "-". */
  deadlineCell: string[];
  deadline: Deadline | null;
  remarks: string | null;
  status: ActiepuntStatus | null;
  /** Came into the register since the last meeting before the date (else since the reference date). */
  isNew: boolean;
  /** Still to do on the date, with a dated deadline that has passed. */
  overdue: boolean;
  dossier: number | null;
}

export interface Bijlage2 {
  /** The date the list stands on. */
  date: string;
  jaarplanTitle: string;
  board: string;
  intro: string;
  rows: Bijlage2Row[];
}

/** Owners as the annex writes them: "Logius/BZK", or "; " between them when one holds a slash. */
export const formatOwners = (owners: readonly string[]): string => (owners.length ? joinOwners(owners) : '-');

export function formatDeadline(deadline: Deadline | null): string {
  if (!deadline) return '-';
  return deadline.kind === 'date' ? formatDutchDate(deadline.date) : deadline.text;
}

/** The jaarplan prints remarks such as "(Reeds in het TB ingebracht)" in the deadline column. */
export function deadlineCell(deadline: Deadline | null, remarks: string | null): string[] {
  if (!deadline) return [remarks ?? '-'];
  return remarks ? [formatDeadline(deadline), remarks] : [formatDeadline(deadline)];
}

export function buildBijlage2(snapshot: RegisterSnapshot, today: string): Bijlage2 {
  // What existed on the date: an actiepunt whose first status is later is not on its list (issue 13:
  // exported for 01-01-2024 it listed one that first existed on 01-03-2024).
  const since = sinceDate(snapshot.meetings, today, snapshot.jaarplan.referenceDate);
  const rows = [...snapshot.actiepunten]
    .filter((a) => valueOn(a.statuses, today) !== null)
    .sort((a, b) => a.number - b.number)
    .map((a) => ({
      number: a.number,
      text: a.text,
      subPoints: a.subPoints,
      owner: formatOwners(a.owners),
      deadlineCell: deadlineCell(a.deadline, a.remarks),
      deadline: a.deadline,
      remarks: a.remarks,
      status: valueOn(a.statuses, today),
      isNew: isNewSince(firstDate(a.statuses), since),
      overdue: isOverdue(valueOn(a.statuses, today) ?? 'open', a.deadline, today),
      dossier: a.dossier,
    }));
  return {
    date: today,
    jaarplanTitle: snapshot.jaarplan.title,
    board: snapshot.jaarplan.board,
    intro: snapshot.jaarplan.texts.bijlage2Intro,
    rows,
  };
}
