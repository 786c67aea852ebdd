// Meeting records in words, for the screens and the meeting pack alike: an outcome, a line of
// "wat is er veranderd", a priority state.
import { formatDutchDate } from './dates';
import type { PriorityState } from './domain';
import { auditName, t, type Lang } from './i18n';
import type { ChangeLine, Outcome } from './meeting';
import { formatPhase } from './phase';

export function describePriority(lang: Lang, p: PriorityState | null): string {
  if (!p || !p.priority) return t(lang, 'priorityOff');
  return p.rank === null ? t(lang, 'priorityNoRank') : t(lang, 'priorityWithRank', { rank: p.rank });
}

/** The headline of an outcome: "B-2024-03 Het TB stemt in…", "Actiepunt 11: …". */
export function describeOutcome(lang: Lang, o: Outcome): string {
  switch (o.kind) {
    case 'besluit':
      return `${o.decisionNumber ?? `(${t(lang, 'decisionUnnumbered')})`} ${o.text ?? ''}${o.dossier === null ? '' : ` (${t(lang, 'linkedDossier', { number: o.dossier }).toLowerCase()})`}`;
    case 'actiepunt':
      return `${t(lang, 'actiepuntOutcome', { number: o.actiepunt ?? '?' })}: ${o.text ?? ''}`;
    case 'notitie':
      return o.dossier === null ? (o.text ?? '') : `${t(lang, 'linkedDossier', { number: o.dossier })}: ${o.text ?? ''}`;
    case 'prioriteit':
      return `${t(lang, 'priorityOutcome', { dossier: o.dossier ?? '?', state: describePriority(lang, o.priority) })}${o.text ? ` – ${o.text}` : ''}`;
  }
}

const dateOrText = (v: string | null) => (v === null ? '–' : /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDutchDate(v) : v);

export function describeChange(lang: Lang, line: ChangeLine): string {
  switch (line.kind) {
    case 'dossier_new':
    case 'dossier_archived':
      return t(lang, `change_${line.kind}`, { dossier: line.dossier, title: line.title });
    case 'phase':
      return t(lang, 'change_phase', { dossier: line.dossier, before: line.before ? formatPhase(line.before, lang) : '–', after: line.after ? formatPhase(line.after, lang) : '–' });
    case 'priority':
      return t(lang, 'change_priority', { dossier: line.dossier, before: describePriority(lang, line.before), after: describePriority(lang, line.after) });
    case 'text':
      return t(lang, 'change_text', { dossier: line.dossier, field: auditName(lang, line.field) });
    case 'actiepunt_new':
    case 'actiepunt_done':
    case 'actiepunt_overdue':
      return t(lang, `change_${line.kind}`, { actiepunt: line.actiepunt, text: line.text.split('\n')[0]! });
    case 'actiepunt_deadline':
    case 'actiepunt_owner':
      return t(lang, `change_${line.kind}`, { actiepunt: line.actiepunt, before: dateOrText(line.before), after: dateOrText(line.after) });
    case 'besluit':
      return line.decision === null
        ? t(lang, 'change_besluit_unnumbered', { meeting: line.meeting, text: line.text })
        : t(lang, 'change_besluit', { decision: line.decision, meeting: line.meeting, text: line.text });
  }
}
