// The interface's words, Dutch first. Keys are stable; every language has every key.
export type Lang = 'nl' | 'en';

const nl = {
  appTitle: 'TB-register',
  loading: 'Register laden…',
  language: 'Taal',
  dossiers: 'Dossiers',
  actiepunten: 'Actiepunten',
  number: 'Nr.',
  dossier: 'Dossier',
  phaseNow: 'Voortgangsfase nu',
  phaseOn: 'Voortgangsfase op {date}',
  priority: 'Prioriteit',
  hoofddossier: 'Hoofddossier',
  actiepunt: 'Actiepunt',
  owner: 'Eigenaar',
  deadline: 'Deadline',
  status: 'Status',
  yes: 'Ja',
  no: 'Nee',
  rank: 'rang {rank}',
  linkedDossier: 'Dossier {number}',
  registerAt: 'Register: {path}',
  callFailed: 'Het register antwoordde met een fout: {message}',
  status_open: 'Open',
  status_in_uitvoering: 'In uitvoering',
  status_afgerond: 'Afgerond',
  status_vervallen: 'Vervallen',
  countDossiers: '{count} dossiers',
  countActiepunten: '{count} actiepunten',
};

type Strings = typeof nl;

const en: Strings = {
  appTitle: 'TB-register',
  loading: 'Loading register…',
  language: 'Language',
  dossiers: 'Dossiers',
  actiepunten: 'Action points',
  number: 'No.',
  dossier: 'Dossier',
  phaseNow: 'Phase now',
  phaseOn: 'Phase on {date}',
  priority: 'Priority',
  hoofddossier: 'Parent dossier',
  actiepunt: 'Action point',
  owner: 'Owner',
  deadline: 'Due',
  status: 'Status',
  yes: 'Yes',
  no: 'No',
  rank: 'rank {rank}',
  linkedDossier: 'Dossier {number}',
  registerAt: 'Register: {path}',
  callFailed: 'The register answered with an error: {message}',
  status_open: 'Open',
  status_in_uitvoering: 'In progress',
  status_afgerond: 'Done',
  status_vervallen: 'Dropped',
  countDossiers: '{count} dossiers',
  countActiepunten: '{count} action points',
};

export type StringKey = keyof Strings;
export const STRINGS: Record<Lang, Strings> = { nl, en };

export function t(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
