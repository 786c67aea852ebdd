// A contract error in the user's language: the kind of error, the field, and what was wrong.
// The contract speaks English; the common messages have a Dutch form, the rest are shown as they are.
import type { CallError } from '../shared/errors';
import { t, type Lang, type StringKey } from '../shared/i18n';

/** What a backup that cannot be restored is (electron/register/backup.ts, registerFileProblem). */
const NOT_RESTORABLE: Array<[RegExp, (...m: string[]) => string]> = [
  [/^is an empty file, not a register$/, () => 'is een leeg bestand, geen register'],
  [/^is not a SQLite database, so not a register$/, () => 'is geen SQLite-database en dus geen register'],
  [/^is an empty SQLite database, not a register$/, () => 'is een lege SQLite-database, geen register'],
  [/^is a SQLite database of another program, not a TB-register$/, () => 'is een SQLite-database van een ander programma, geen TB-register'],
  [
    /^was written by a newer TB-register \(schema version (\d+); this version knows up to (\d+)\)$/,
    (_, v, k) => `is gemaakt door een nieuwere versie van TB-register (schemaversie ${v}; deze versie kent tot en met ${k})`,
  ],
  [/^is not a whole TB-register \((.+)\)$/, (_, why) => `is geen volledig TB-register (${why})`],
  [/^is damaged \((.+)\)$/, (_, why) => `is beschadigd (${why})`],
  [/^is a TB-register without a jaarplan$/, () => 'is een TB-register zonder jaarplan'],
  [/^cannot be read(?: as a register)? \((.+)\)$/, (_, why) => `is niet te lezen (${why})`],
];

const DUTCH: Array<[RegExp, (...m: string[]) => string]> = [
  [
    /^(\S+) (.+); choose another backup\. The register was left as it was\.$/,
    (_, name, what) => {
      const dutch = NOT_RESTORABLE.map(([p, d]) => [p.exec(what!), d] as const).find(([m]) => m);
      return `${name} ${dutch ? dutch[1](...dutch[0]!) : what}; kies een andere reservekopie. Het register is niet gewijzigd.`;
    },
  ],
  [/There is no backup that is a whole TB-register/, () => 'er is geen reservekopie die een volledig TB-register is dat deze versie kan openen'],
  [/could not be backed up before the restore \((.+)\); nothing was restored/, (_, why) => `van het register kon vooraf geen reservekopie worden gemaakt (${why}); er is niets teruggezet`],
  [/^The register at (.+) cannot be opened \((.+)\); restore a backup\.$/, (_, file, why) => `het register ${file} kan niet worden geopend (${why}); zet een reservekopie terug onder Beheer`],
  [
    /^(.+) is (a folder|a link|not a regular file); an export cannot replace it/,
    (_, file, what) =>
      `${file} is ${what === 'a folder' ? 'een map' : what === 'a link' ? 'een koppeling' : 'geen gewoon bestand'}; een export kan het niet vervangen. Verplaats het of kies een andere map. Er is niets geschreven`,
  ],
  [/the folder no longer exists/, () => 'de map bestaat niet meer (verplaatst of verwijderd tijdens de export); er is niets geschreven'],
  [/must not be empty/, () => 'mag niet leeg zijn'],
  [/must be at most (\d+) characters/, (_, n) => `mag hoogstens ${n} tekens lang zijn`],
  [/must be a real date written as YYYY-MM-DD|must be a date \(YYYY-MM-DD\)/, () => 'moet een bestaande datum zijn'],
  [/is in the future/, () => 'ligt in de toekomst; een wijziging geldt vanaf vandaag of eerder'],
  [/must be a link starting with https:\/\/|https:\/\//, () => 'moet een link zijn die begint met https://'],
  [
    /must not contain control characters(, line breaks)? or characters that are not text \((U\+[0-9A-F]+) at position (\d+)\)/,
    (_, breaks, code, at) => `mag geen stuurtekens${breaks ? ', regelafbrekingen' : ''} of tekens die geen tekst zijn bevatten (${code} op positie ${at})`,
  ],
  [/must not contain control characters or line breaks/, () => 'mag geen regelafbreking of stuurtekens bevatten'],
  [/numbers run up to (\d+) and (\d+) has been given/, (_, max) => `nummers lopen tot ${max} en dat is bereikt; kies zelf een vrij nummer`],
  [/is in use by another TB-register/, () => 'het register is in gebruik door een ander TB-register (de app, de browserversie of een opdracht); sluit dat eerst. Er is niets gewijzigd'],
  [/was changed, moved or replaced after the export/, () => 'is na de export gewijzigd, verplaatst of vervangen; open het vanuit de map of exporteer opnieuw'],
  [/must not contain control characters/, () => 'mag geen stuurtekens bevatten'],
  [/already exists; choose to overwrite it/, () => 'bestaat al; kies "Bestaande bestanden vervangen" of een andere map'],
  [/does not exist/, () => 'bestaat niet'],
  [/must be an absolute path/, () => 'moet een volledig pad zijn'],
  [/cannot be parked/, () => 'een afgerond dossier kan niet geparkeerd zijn'],
  [/There is nothing to undo/, () => 'er is niets om ongedaan te maken'],
];

function detail(lang: Lang, error: CallError): string {
  const message = error.field && error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
  if (lang === 'en') return message;
  for (const [pattern, dutch] of DUTCH) {
    const m = pattern.exec(message);
    if (m) return dutch(...m);
  }
  return message;
}

export function describeError(lang: Lang, error: CallError): string {
  const key = `error_${error.code}` as StringKey;
  const kind = t(lang, key in STRINGS_CHECK ? key : 'error_other');
  return `${kind}: ${detail(lang, error)}`;
}

const STRINGS_CHECK: Record<string, true> = {
  error_invalid_input: true,
  error_not_found: true,
  error_conflict: true,
  error_read_only: true,
  error_disk_full: true,
  error_internal: true,
};
