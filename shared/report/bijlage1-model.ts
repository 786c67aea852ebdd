// Bijlage 1 "Lijst van dossiers met prioriteit": which dossiers, in which order, with which words.
import { formatDutchDate } from '../dates';
import { formatPhase } from '../phase';
import { valueOn, type RegisterSnapshot } from './snapshot';

export type Bijlage1Row =
  | { kind: 'group'; title: string; intro: string; link: string | null }
  | { kind: 'dossier'; number: number; title: string; phase: string; note: string | null; link: string | null; grouped: boolean };

export interface Bijlage1 {
  /** The date the list stands on. */
  date: string;
  jaarplanTitle: string;
  board: string;
  /** "01-01-2024", as the column header writes it (dd-mm-jjjj, as every document does). */
  referenceDate: string;
  intro: string;
  orderNote: string;
  footnote: string;
  rows: Bijlage1Row[];
  /** Every link of the table in reading order, the dossier space last: printed copies keep them. */
  links: Array<{ label: string; url: string }>;
  dossierSpaceUrl: string | null;
}

/**
 * The dossiers that carry the TB's priority now, with their phase on the jaarplan's reference date.
 * They are listed by number (the secretariat numbers dossiers in phase order when it draws up the
 * jaarplan, as the 2024 list shows); a hoofddossier heads its dossiers where its first one stands.
 */
export function buildBijlage1(snapshot: RegisterSnapshot, today: string): Bijlage1 {
  const { jaarplan } = snapshot;
  const reference = jaarplan.referenceDate;
  const chosen = snapshot.dossiers
    .filter((d) => valueOn(d.priorities, today)?.priority === true)
    .sort((a, b) => a.number - b.number);
  const hoofddossiers = new Map(snapshot.hoofddossiers.map((h) => [h.id, h]));
  const members = new Map<number, typeof chosen>();
  for (const d of chosen) {
    if (d.hoofddossierId === null || !hoofddossiers.has(d.hoofddossierId)) continue;
    const list = members.get(d.hoofddossierId) ?? [];
    list.push(d);
    members.set(d.hoofddossierId, list);
  }

  const rows: Bijlage1Row[] = [];
  const links: Bijlage1['links'] = [];
  const placed = new Set<number>();
  const addDossier = (d: (typeof chosen)[number], grouped: boolean) => {
    rows.push({
      kind: 'dossier',
      number: d.number,
      title: d.title,
      phase: formatPhase(valueOn(d.phases, reference)),
      note: d.note,
      link: d.link,
      grouped,
    });
    if (d.link) links.push({ label: `${d.number}. ${d.title}`, url: d.link });
  };
  for (const d of chosen) {
    if (placed.has(d.number)) continue;
    const group = d.hoofddossierId === null ? undefined : members.get(d.hoofddossierId);
    if (!group) {
      addDossier(d, false);
      continue;
    }
    const h = hoofddossiers.get(d.hoofddossierId!)!;
    rows.push({ kind: 'group', title: h.title, intro: h.intro, link: h.link });
    if (h.link) links.push({ label: `Hoofddossier ${h.title}`, url: h.link });
    for (const member of group) {
      addDossier(member, true);
      placed.add(member.number);
    }
  }
  if (jaarplan.dossierSpaceUrl) links.push({ label: 'Space van het Intake team', url: jaarplan.dossierSpaceUrl });

  return {
    date: today,
    jaarplanTitle: jaarplan.title,
    board: jaarplan.board,
    referenceDate: formatDutchDate(reference),
    intro: jaarplan.texts.bijlage1Intro,
    orderNote: jaarplan.texts.bijlage1OrderNote,
    footnote: jaarplan.texts.bijlage1Footnote,
    rows,
    links,
    dossierSpaceUrl: jaarplan.dossierSpaceUrl,
  };
}
