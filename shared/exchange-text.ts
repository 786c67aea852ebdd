// What a preview and a received file say, in the user's language: "12 wijzigingen van de
// voorzitter (Anna de Vries), 1 conflict".
import type { ExchangePreview, ExchangeResult } from './exchange';
import type { Lang } from './i18n';

const ROLE: Record<Lang, Record<string, string>> = {
  nl: { secretaris: 'de secretaris', voorzitter: 'de voorzitter', lid: 'een lid' },
  en: { secretaris: 'the secretary', voorzitter: 'the chair', lid: 'a member' },
};

/** "de voorzitter (Anna de Vries)", "Anna de Vries", or "een onbekende" when a change has no author. */
export function whoText(name: string | null, role: string | null, lang: Lang): string {
  const roleWord = role ? ROLE[lang][role] : undefined;
  if (roleWord && name) return `${roleWord} (${name})`;
  return roleWord ?? name ?? (lang === 'nl' ? 'iemand zonder profiel' : 'someone without a profile');
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function describePreview(p: Omit<ExchangePreview, 'summary'>, lang: Lang): string {
  const nl = lang === 'nl';
  if (p.otherRegister) {
    const who = whoText(p.from.name, p.from.role, lang);
    return nl
      ? `Het volledige register van ${who}, van een ander register dan dit: het kan dit register alleen vervangen.`
      : `The whole register of ${who}, another register than this one: it can only replace this one.`;
  }
  if (p.changes === 0) return nl ? `Niets nieuws van ${whoText(p.from.name, p.from.role, lang)}: alles in dit bestand is er al.` : `Nothing new from ${whoText(p.from.name, p.from.role, lang)}: everything in this file is here already.`;
  const parts = p.byAuthor.map((a) =>
    nl ? `${count(a.changes, 'wijziging', 'wijzigingen')} van ${whoText(a.name, a.role, lang)}` : `${count(a.changes, 'change', 'changes')} by ${whoText(a.name, a.role, lang)}`,
  );
  const conflicts = nl ? count(p.conflicts, 'conflict', 'conflicten') : count(p.conflicts, 'conflict', 'conflicts');
  return `${parts.join(', ')}, ${conflicts}`;
}

export function describeResult(r: Omit<ExchangeResult, 'summary'> & { from: { name: string | null; role: string | null } }, lang: Lang): string {
  const nl = lang === 'nl';
  const who = whoText(r.from.name, r.from.role, lang);
  if (r.applied === 0 && r.conflicts === 0) return nl ? `Niets nieuws van ${who}.` : `Nothing new from ${who}.`;
  const base = nl
    ? `${count(r.applied, 'wijziging', 'wijzigingen')} van ${who} verwerkt, ${count(r.conflicts, 'nieuw conflict', 'nieuwe conflicten')} te beoordelen`
    : `${count(r.applied, 'change', 'changes')} from ${who} applied, ${count(r.conflicts, 'new conflict', 'new conflicts')} to review`;
  const numbered = r.numbered ? (nl ? `; ${count(r.numbered, 'nieuw item kreeg', 'nieuwe items kregen')} een nummer` : `; ${count(r.numbered, 'new item was', 'new items were')} numbered`) : '';
  return `${base}${numbered}.`;
}

/** A broken rule of the register (SyncConflict kind 'invariant') in words: "Rang 1 is gegeven aan dossier 2 en dossier 5". */
export function invariantText(reason: string, lang: Lang): string {
  const nl = lang === 'nl';
  const [rule, ...rest] = reason.split(':');
  if (rule === 'rank') {
    const [rank, numbers] = rest;
    const list = (numbers ?? '').split(',').map((n) => (nl ? `dossier ${n}` : `dossier ${n}`));
    const joined = list.length > 1 ? `${list.slice(0, -1).join(', ')} ${nl ? 'en' : 'and'} ${list.at(-1)}` : list.join('');
    return nl ? `Rang ${rank} is gegeven aan ${joined}; geef de rangorde opnieuw.` : `Rank ${rank} is given to ${joined}; set the ranking again.`;
  }
  if (rule === 'agenda') {
    const number = rest.at(-1);
    const meeting = rest.slice(0, -1).join(':');
    return nl ? `Agendapunt ${number} staat twee keer op de agenda van ${meeting}; verplaats of verwijder er een.` : `Agenda item ${number} is on the agenda of ${meeting} twice; move or remove one.`;
  }
  return reason;
}
