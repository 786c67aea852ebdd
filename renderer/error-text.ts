// A contract error in the user's language: the kind of error, the field, and what was wrong.
// The contract speaks English; the common messages have a Dutch form, the rest are shown as they are.
import type { CallError } from '../shared/errors';
import { t, type Lang, type StringKey } from '../shared/i18n';

const DUTCH: Array<[RegExp, (...m: string[]) => string]> = [
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
