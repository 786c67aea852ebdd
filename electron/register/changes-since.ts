// "Wat is er veranderd sinds de vorige TB" (issue 11): the register as the previous meeting left it
// (its afgerond freeze) against the register now, or against this meeting's own afgerond state.
// What changed is read from the two snapshots (so an edit undone again is no change); when and by
// whom from the audit trail between the two freezes' places in it.
import { isOverdue } from '../../shared/actiepunt-marks';
import { dutchIsoDateOf, type IsoDate } from '../../shared/dates';
import type { PriorityState } from '../../shared/domain';
import type { ChangeLine, ChangesSince } from '../../shared/meeting';
import type { PhaseState } from '../../shared/phase';
import type { SnapshotActiepunt, SnapshotDossier } from '../../shared/report/snapshot';
import { authorOf } from '../profile-store';
import { timestamp, today } from './clock';
import type { Register } from './db';
import { actiepuntKey, changeMark, dossierKey, freezeRow, freezeRowById, frozenPart, manifestOf } from './freeze';
import { meetingRow, previousMeeting } from './meeting-rows';
import { readSnapshotActiepunten, readSnapshotDossiers } from './snapshot';
import { listDecisions } from './outcomes';

const last = <T>(rows: ReadonlyArray<{ value: T }>): T | null => (rows.length ? rows[rows.length - 1]!.value : null);
const samePhase = (a: PhaseState | null, b: PhaseState | null) => JSON.stringify(a) === JSON.stringify(b);
const deadlineText = (a: SnapshotActiepunt): string | null => (a.deadline === null ? null : a.deadline.kind === 'date' ? a.deadline.date : a.deadline.text);
const NO_PRIORITY: PriorityState = { priority: false, rank: null };

/**
 * Measured to: by default the meeting's own afgerond state, else now. The meeting pack measures to
 * the freeze its first version is made from (`until`), or to now, and always on the meeting's date.
 */
export interface ChangesOptions {
  until?: { freezeId: number } | 'now';
  date?: IsoDate;
}

export function changesSince(reg: Register, number: string, options: ChangesOptions = {}): ChangesSince {
  const meeting = meetingRow(reg, number);
  const previous = previousMeeting(reg, meeting);
  const own =
    options.until === 'now'
      ? null
      : options.until
        ? freezeRowById(reg, options.until.freezeId)
        : freezeRow(reg, meeting.id, 'afgerond');
  // From: the previous meeting as it was left (afgerond, else its agenda), else the register before
  // its first meeting; always a freeze made before this meeting's own close.
  const before = (f: ReturnType<typeof freezeRow>) => f !== null && (own === null || f.id < own.id);
  const candidates = previous ? [freezeRow(reg, previous.id, 'afgerond'), freezeRow(reg, previous.id, 'agenda')] : [];
  const fromPrevious = candidates.find(before) ?? null;
  const from = fromPrevious ?? freezeRow(reg, null, 'start');
  const untilMark = own ? own.change_mark : changeMark(reg);
  const untilDate: IsoDate = options.date ?? (own ? meeting.date : today(reg.clock));

  const lines: ChangeLine[] = [];
  if (from) {
    // Only what the audit trail saw change between the two moments can have changed: those items
    // are read on both sides, and nothing else (issue 11's bench: 5,000 dossiers, 60 freezes).
    const fromManifest = manifestOf(reg, from.id);
    const untilManifest = own ? manifestOf(reg, own.id) : null;
    const touched = (column: 'dossier' | 'actiepunt') =>
      reg.db
        .prepare(`SELECT DISTINCT ${column} FROM audit_log WHERE change_id > ? AND change_id <= ? AND ${column} IS NOT NULL ORDER BY 1`)
        .pluck()
        .all(from.change_mark, untilMark) as number[];
    // The previous freeze's day in the Netherlands: the same on every laptop (a pack repeats in any time zone).
    const fromDate = dutchIsoDateOf(from.at);
    // Overdue is time passing, not an edit: every actiepunt whose deadline fell between the two moments.
    const due = reg.db
      .prepare(`SELECT number FROM actiepunt WHERE deadline_date >= ? AND deadline_date < ? ORDER BY number`)
      .pluck()
      .all(fromDate, untilDate) as number[];
    const dossiers = touched('dossier');
    const actiepunten = [...new Set([...touched('actiepunt'), ...due])].sort((a, b) => a - b);
    const at = <T>(manifest: Map<string, string>, key: string) => frozenPart<T>(reg, manifest, key);
    const now = {
      dossiers: untilManifest
        ? dossiers.flatMap((n) => at<SnapshotDossier>(untilManifest, dossierKey(n)) ?? [])
        : readSnapshotDossiers(reg, dossiers),
      actiepunten: untilManifest
        ? actiepunten.flatMap((n) => at<SnapshotActiepunt>(untilManifest, actiepuntKey(n)) ?? [])
        : readSnapshotActiepunten(reg, actiepunten),
    };
    const then = {
      dossiers: dossiers.flatMap((n) => at<SnapshotDossier>(fromManifest, dossierKey(n)) ?? []),
      actiepunten: actiepunten.flatMap((n) => at<SnapshotActiepunt>(fromManifest, actiepuntKey(n)) ?? []),
    };
    const who = attribution(reg, from.change_mark, untilMark);
    diffDossiers(then.dossiers, now.dossiers, who, lines);
    diffActiepunten(fromDate, then.actiepunten, now.actiepunten, who, untilDate, lines);
  }
  // The besluiten taken after the previous meeting, up to and including this one.
  const meetingAt = reg.db.prepare('SELECT id, date FROM meeting WHERE number = ?');
  for (const d of listDecisions(reg, { search: '' })) {
    const at = meetingAt.get(d.meeting) as { id: number; date: string };
    const afterPrevious = !previous || at.date > previous.date || (at.date === previous.date && at.id > previous.id);
    const upToThis = at.date < meeting.date || (at.date === meeting.date && at.id <= meeting.id);
    if (afterPrevious && upToThis) lines.push({ kind: 'besluit', decision: d.number, text: d.text, meeting: d.meeting, at: d.recordedAt, by: d.recordedBy });
  }
  return {
    meeting: meeting.number,
    // The meeting measured from is named only when its own freeze was the starting point.
    since: { meeting: fromPrevious ? previous!.number : null, at: from?.at ?? timestamp(reg.clock) },
    until: { frozen: own !== null, at: own?.at ?? timestamp(reg.clock) },
    lines,
  };
}

type Who = (subject: 'dossier' | 'actiepunt', number: number, tables: readonly string[]) => { at: string | null; by: ChangeLine['by'] };

/** When and by whom an item's rows in `tables` last changed between two places in the audit trail. */
function attribution(reg: Register, fromMark: number, untilMark: number): Who {
  const statements = {
    dossier: reg.db.prepare(
      `SELECT c.at, c.author, c.author_role, a.tbl FROM audit_log a JOIN change c ON c.id = a.change_id
       WHERE a.dossier = ? AND a.change_id > ? AND a.change_id <= ? ORDER BY a.id DESC`,
    ),
    actiepunt: reg.db.prepare(
      `SELECT c.at, c.author, c.author_role, a.tbl FROM audit_log a JOIN change c ON c.id = a.change_id
       WHERE a.actiepunt = ? AND a.change_id > ? AND a.change_id <= ? ORDER BY a.id DESC`,
    ),
  };
  return (subject, number, tables) => {
    const rows = statements[subject].all(number, fromMark, untilMark) as Array<{ at: string; author: string | null; author_role: string | null; tbl: string }>;
    const row = rows.find((r) => tables.includes(r.tbl));
    if (!row) return { at: null, by: null };
    return { at: row.at, by: authorOf(row.author, row.author_role) };
  };
}

const TEXT_FIELDS = ['title', 'description', 'note', 'planning'] as const;

function diffDossiers(before: SnapshotDossier[], after: SnapshotDossier[], who: Who, lines: ChangeLine[]): void {
  const old = new Map(before.map((d) => [d.number, d]));
  const now = new Map(after.map((d) => [d.number, d]));
  for (const d of after) {
    const was = old.get(d.number);
    if (!was) lines.push({ kind: 'dossier_new', dossier: d.number, title: d.title, ...who('dossier', d.number, ['dossier']) });
    else if (JSON.stringify(was) !== JSON.stringify(d)) diffDossier(was, d, who, lines);
  }
  for (const d of before) {
    if (!now.has(d.number)) lines.push({ kind: 'dossier_archived', dossier: d.number, title: d.title, ...who('dossier', d.number, ['dossier']) });
  }
}

function diffDossier(was: SnapshotDossier, d: SnapshotDossier, who: Who, lines: ChangeLine[]): void {
  const phaseBefore = last(was.phases);
  const phaseAfter = last(d.phases);
  if (!samePhase(phaseBefore, phaseAfter)) {
    lines.push({ kind: 'phase', dossier: d.number, title: d.title, before: phaseBefore, after: phaseAfter, ...who('dossier', d.number, ['dossier_phase']) });
  }
  const priorityBefore = last(was.priorities) ?? NO_PRIORITY;
  const priorityAfter = last(d.priorities) ?? NO_PRIORITY;
  if (priorityBefore.priority !== priorityAfter.priority || priorityBefore.rank !== priorityAfter.rank) {
    lines.push({ kind: 'priority', dossier: d.number, title: d.title, before: priorityBefore, after: priorityAfter, ...who('dossier', d.number, ['dossier_priority']) });
  }
  for (const field of TEXT_FIELDS) {
    if (was[field] !== d[field]) {
      lines.push({ kind: 'text', dossier: d.number, title: d.title, field, before: was[field], after: d[field], ...who('dossier', d.number, ['dossier']) });
    }
  }
}

function diffActiepunten(fromDate: IsoDate, before: SnapshotActiepunt[], after: SnapshotActiepunt[], who: Who, untilDate: IsoDate, lines: ChangeLine[]): void {
  const old = new Map(before.map((a) => [a.number, a]));
  const status = (a: SnapshotActiepunt) => last(a.statuses) ?? 'open';
  for (const a of after) {
    const was = old.get(a.number);
    const overdueNow = isOverdue(status(a), a.deadline, untilDate);
    if (!was) {
      lines.push({ kind: 'actiepunt_new', actiepunt: a.number, text: a.text, ...who('actiepunt', a.number, ['actiepunt', 'actiepunt_status']) });
      if (overdueNow) lines.push({ kind: 'actiepunt_overdue', actiepunt: a.number, text: a.text, at: null, by: null });
      continue;
    }
    // Overdue is about time passing, not an edit: measured against the day the previous freeze was made.
    if (overdueNow && !isOverdue(status(was), was.deadline, fromDate)) lines.push({ kind: 'actiepunt_overdue', actiepunt: a.number, text: a.text, at: null, by: null });
    if (status(a) === 'afgerond' && status(was) !== 'afgerond') {
      lines.push({ kind: 'actiepunt_done', actiepunt: a.number, text: a.text, ...who('actiepunt', a.number, ['actiepunt_status']) });
    }
    if (deadlineText(was) !== deadlineText(a)) {
      lines.push({ kind: 'actiepunt_deadline', actiepunt: a.number, text: a.text, before: deadlineText(was), after: deadlineText(a), ...who('actiepunt', a.number, ['actiepunt']) });
    }
    if (was.owners.join(', ') !== a.owners.join(', ')) {
      lines.push({
        kind: 'actiepunt_owner',
        actiepunt: a.number,
        text: a.text,
        before: was.owners.join(', ') || null,
        after: a.owners.join(', ') || null,
        ...who('actiepunt', a.number, ['actiepunt_owner']),
      });
    }
  }
}
