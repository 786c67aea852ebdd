// The dossier table's rows: filtered, sorted, and grouped under their hoofddossier (a group
// stands where its first dossier would), with folded groups left out. Pure, so it is fast to
// recompute on every keystroke for 10,000 dossiers.
import type { DossierSummary, Hoofddossier } from '../../shared/domain';
import { PHASES, type PhaseState } from '../../shared/phase';
import { fold } from '../../shared/search';
import type { DossierFilters } from '../stores/dossier-filters';

export type Row =
  | { kind: 'group'; id: number; title: string; count: number; collapsed: boolean }
  | { kind: 'dossier'; dossier: DossierSummary; grouped: boolean };

/** Phases in the order a dossier moves through them; parked last. */
export function phaseRank(state: PhaseState | null): number {
  if (!state) return 99;
  if (state.parked) return 50 + (state.phase ? PHASES.indexOf(state.phase) : 9);
  return PHASES.indexOf(state.phase!) * 2 + (state.qualifier ? 1 : 0);
}

const compare: Record<DossierFilters['sort'], (a: DossierSummary, b: DossierSummary) => number> = {
  number: (a, b) => a.number - b.number,
  title: (a, b) => a.title.localeCompare(b.title, 'nl'),
  phase: (a, b) => phaseRank(a.phase) - phaseRank(b.phase),
  phaseOnReference: (a, b) => phaseRank(a.phaseOnReference) - phaseRank(b.phaseOnReference),
  priority: (a, b) => Number(b.priority) - Number(a.priority) || (a.priorityRank ?? 1e9) - (b.priorityRank ?? 1e9),
  owner: (a, b) => (a.owner ?? '\uffff').localeCompare(b.owner ?? '\uffff', 'nl'),
};

export type FilterInput = Pick<
  DossierFilters,
  'search' | 'phase' | 'parked' | 'priority' | 'ambition' | 'hoofddossier' | 'sort' | 'descending' | 'grouped' | 'collapsed'
>;

/** The dossiers in the table's order: sorted once per sort choice, not on every keystroke. */
export function sortDossiers(dossiers: readonly DossierSummary[], sort: FilterInput['sort'], descending: boolean): DossierSummary[] {
  const by = compare[sort];
  return [...dossiers].sort((a, b) => (descending ? -1 : 1) * (by(a, b) || a.number - b.number));
}

/** The dossiers (already in the table's order, with their search texts) that pass the filters, order kept. */
export function filterDossiers(dossiers: DossierSummary[], searchIndex: string[], f: FilterInput): DossierSummary[] {
  const needle = fold(f.search.trim());
  const out: DossierSummary[] = [];
  for (let i = 0; i < dossiers.length; i++) {
    const d = dossiers[i]!;
    if (needle && !searchIndex[i]!.includes(needle)) continue;
    if (f.phase && d.phase?.phase !== f.phase) continue;
    if (f.parked && (d.phase?.parked ?? false) !== (f.parked === 'yes')) continue;
    if (f.priority && d.priority !== (f.priority === 'yes')) continue;
    if (f.ambition && !d.ambitions.includes(f.ambition)) continue;
    if (f.hoofddossier && String(d.hoofddossierId ?? '') !== f.hoofddossier) continue;
    out.push(d);
  }
  return out;
}

/**
 * The table's rows. Hoofddossier groups follow the register's own order (by number); sorted on
 * anything else, the rows are that order, ungrouped: grouping placed a group where its first
 * member fell, so sorting on priority did not give rank order (issue 14).
 */
export const groupsApply = (f: Pick<FilterInput, 'grouped' | 'sort'>): boolean => f.grouped && f.sort === 'number';

export function buildRows(sorted: DossierSummary[], hoofddossiers: Hoofddossier[], f: FilterInput): Row[] {
  if (!groupsApply(f)) return sorted.map((dossier) => ({ kind: 'dossier', dossier, grouped: false }));
  const titles = new Map(hoofddossiers.map((h) => [h.id, h.title]));
  const members = new Map<number, DossierSummary[]>();
  for (const d of sorted) {
    if (d.hoofddossierId === null || !titles.has(d.hoofddossierId)) continue;
    const list = members.get(d.hoofddossierId);
    if (list) list.push(d);
    else members.set(d.hoofddossierId, [d]);
  }
  const rows: Row[] = [];
  const placed = new Set<number>();
  for (const d of sorted) {
    const id = d.hoofddossierId;
    if (id === null || !members.has(id)) {
      rows.push({ kind: 'dossier', dossier: d, grouped: false });
      continue;
    }
    if (placed.has(id)) continue;
    placed.add(id);
    const group = members.get(id)!;
    const collapsed = f.collapsed.includes(id);
    rows.push({ kind: 'group', id, title: titles.get(id)!, count: group.length, collapsed });
    if (!collapsed) for (const member of group) rows.push({ kind: 'dossier', dossier: member, grouped: true });
  }
  return rows;
}

export const searchText = (d: DossierSummary): string => fold(`${d.number} ${d.title} ${d.owner ?? ''} ${d.ambitions.join(' ')}`);
