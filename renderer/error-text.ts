// A contract error in the user's language: the kind of error, the field, and what was wrong.
// The contract speaks English; the common messages have a Dutch form, the rest are shown as they are.
import type { CallError } from '../shared/errors';
import { formatDutchDate } from '../shared/dates';
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

/** The meeting cycle's states, items and fields in Dutch words (shared/meeting.ts). */
const STATE_NL: Record<string, string> = {
  concept: 'concept',
  agenda_vastgesteld: 'agenda vastgesteld',
  in_vergadering: 'in vergadering',
  afgerond: 'afgerond',
  vastgesteld: 'vastgesteld',
  geannuleerd: 'geannuleerd',
};
const STATE_WORDS_NL: Record<string, string> = {
  'a concept': 'nog een concept',
  'on a fixed agenda': 'nog niet geopend (agenda vastgesteld)',
  'in session': 'in vergadering',
  afgerond: 'afgerond',
};
const PART_NL: Record<string, string> = { details: 'de gegevens kunnen', agenda: 'de agenda kan', outcomes: 'de uitkomsten kunnen', attendance: 'de aanwezigheid kan' };

/** The meeting cycle's refusals (electron/register/meetings.ts, agenda.ts, outcomes.ts, freeze.ts). */
/** A number as Dutch writes it: 20.000. */
const nl = (n: string | number): string => Number(n).toLocaleString('nl-NL');

const MEETINGS: Array<[RegExp, (...m: string[]) => string]> = [
  [/^There is no meeting (\S+)\.$/, (_, n) => `vergadering ${n} bestaat niet`],
  [/^meeting (\S+) is vastgesteld and final; a correction is a besluit in a later meeting that names it\.$/, (_, n) => `vergadering ${n} is vastgesteld en definitief; een correctie is een besluit in een latere vergadering dat het oude besluit noemt`],
  [/^meeting (\S+) is geannuleerd; nothing of it can be changed\.$/, (_, n) => `vergadering ${n} is geannuleerd; er kan niets meer aan veranderen`],
  [/^meeting (\S+) is (a concept|on a fixed agenda|in session|afgerond); its (\w+) cannot be changed now\.$/, (_, n, s, w) => `vergadering ${n} is ${STATE_WORDS_NL[s!]}; ${PART_NL[w!] ?? w} nu niet worden gewijzigd`],
  [/^meeting (\S+) is already (\w+)\.$/, (_, n, s) => `vergadering ${n} is al ${STATE_NL[s!] ?? s}`],
  [/^meeting (\S+) is (vastgesteld|geannuleerd) and final\.$/, (_, n, s) => `vergadering ${n} is ${s} en dat is definitief`],
  [/^meeting (\S+) cannot go from (\w+) to (\w+)\.$/, (_, n, a, b) => `vergadering ${n} kan niet van "${STATE_NL[a!] ?? a}" naar "${STATE_NL[b!] ?? b}"`],
  [/^meeting (\S+) has no agenda items; an empty agenda cannot be vastgesteld\.$/, (_, n) => `vergadering ${n} heeft nog geen agendapunten; een lege agenda kan niet worden vastgesteld`],
  [/^meeting (\S+) is dated (\S+); it can be opened on that day, not before\.$/, (_, n, d) => `vergadering ${n} is op ${formatDutchDate(d!)}; ze kan op die dag worden geopend, niet eerder`],
  [/^the besluitenlijst of (\S+) is vastgesteld in a later meeting, and (\S+) is not later\.$/, (_, a, b) => `de besluitenlijst van ${a} wordt vastgesteld in een latere vergadering, en ${b} is niet later`],
  [/^(\S+) is not in session; a besluitenlijst is vastgesteld during the meeting that approves it\.$/, (_, n) => `${n} is niet in vergadering; een besluitenlijst wordt vastgesteld tijdens de vergadering die haar goedkeurt`],
  [/^meeting (\S+) keeps its number, which belongs to (\d+); plan a new meeting for a date in another year\.$/, (_, n, y) => `vergadering ${n} houdt haar nummer, en dat hoort bij ${y}; plan een nieuwe vergadering voor een datum in een ander jaar`],
  [/^There is no agenda item (\d+)\.$/, () => 'dat agendapunt bestaat niet (meer)'],
  [/^Agenda item (\d+) has (\d+) outcome\(s\); remove those first\.$/, (_, n, k) => `agendapunt ${n} heeft ${k} uitkomst(en); verwijder die eerst`],
  [/^Agenda item (\d+) has been carried over to a later meeting; take it back first\.$/, (_, n) => `agendapunt ${n} is doorgeschoven naar een latere vergadering; haal het daar eerst terug`],
  [/^the item is on the agenda of (\S+) \(item (\d+)\) and has been dealt with there; it stays doorgeschoven\.$/, (_, m, n) => `het punt staat op de agenda van ${m} (punt ${n}) en is daar al behandeld; het blijft doorgeschoven`],
  [/^Meeting (\S+) has no agenda items to record this on\.$/, (_, n) => `vergadering ${n} heeft geen agendapunt om dit bij vast te leggen`],
  [/^There is no ambition '(.+)'\.$/, (_, c) => `ambitie '${c}' bestaat niet`],
  [/^There is no besluit (\S+)\.$/, (_, b) => `besluit ${b} bestaat niet`],
  [/^besluit (\S+) is not from an earlier meeting; a besluit replaces only an earlier one\.$/, (_, b) => `besluit ${b} is niet van een eerdere vergadering; een besluit vervangt alleen een eerder besluit`],
  [/^besluit (\S+) has already been replaced or withdrawn\.$/, (_, b) => `besluit ${b} is al vervangen of ingetrokken`],
  [/^Outcome (\d+) is actiepunt (\d+); change the actiepunt itself in the actiepuntenlijst\.$/, (_, _o, a) => `dit is actiepunt ${a}; wijzig het actiepunt zelf bij Actiepunten`],
  [/^only a besluit replaces or withdraws another\.$/, () => 'alleen een besluit vervangt of trekt een ander besluit in'],
  [/^There is no outcome (\d+)\.$/, () => 'die uitkomst bestaat niet (meer)'],
  [/^Besluit (\S+) is replaced by a later besluit; it stays on record\.$/, (_, b) => `besluit ${b} is vervangen door een later besluit; het blijft bewaard`],
  [/^A prioriteitswijziging is part of the dossier/, () => 'een prioriteitswijziging hoort bij de geschiedenis van het dossier; leg de prioriteit vast zoals die moet zijn'],
  [/^The actiepunt has been worked on since; archive it/, () => 'aan het actiepunt is sindsdien gewerkt; archiveer het bij Actiepunten'],
  [/^Meeting (\S+) was cancelled before its agenda was vastgesteld/, (_, n) => `vergadering ${n} is geannuleerd voordat de agenda was vastgesteld; er is niets van bewaard`],
  [/^This besluit records the vaststelling of the besluitenlijst of (\S+);/, (_, n) => `dit besluit legt de vaststelling van de besluitenlijst van ${n} vast; het hoort bij die vaststelling en kan niet worden gewijzigd of verwijderd`],
  [/^the besluitenlijst of (\S+) is vastgesteld by the next meeting, and (\S+) is not the next one\.$/, (_, a, b) => `de besluitenlijst van ${a} wordt vastgesteld door de eerstvolgende vergadering, en dat is ${b} niet`],
  [/^items were carried over between (\S+) and (\S+); \S+ stays (after|before) \S+ \((\S+)\)\.$/, (_, a, b, w, d) => `er zijn punten doorgeschoven tussen ${a} en ${b}; ${a} blijft ${w === 'after' ? 'na' : 'voor'} ${b} (${formatDutchDate(d!)})`],
  [/^meeting (\S+) is afgerond; its items were behandeld or doorgeschoven, none is open\.$/, (_, n) => `vergadering ${n} is afgerond; haar punten zijn behandeld of doorgeschoven, geen is nog open`],
  [/^a prioriteitswijziging keeps its dossier/, () => 'een prioriteitswijziging blijft bij haar dossier; leg een nieuwe vast voor een ander dossier'],
  [/^Meeting (\S+) has not been frozen yet/, (_, n) => `van vergadering ${n} is nog niets bewaard; dat gebeurt zodra de agenda is vastgesteld`],
  [/^Meeting (\S+) has no (agenda|afgerond) state kept\.$/, (_, n, s) => `van vergadering ${n} is geen stand ${s === 'agenda' ? 'bij vaststelling van de agenda' : 'bij afronding'} bewaard`],
  [/^The frozen register (?:is damaged|of (\S+) does not match its hash)/, () => 'het bewaarde register van deze vergadering is beschadigd; zet een reservekopie terug'],
  [/^(TB|B)-(\d+) numbers run up to 999 and all have been given\.$/, (_, k, y) => `alle ${k}-${y}-nummers tot en met 999 zijn uitgegeven`],
  [/only a priority dossier has a rank/, () => 'alleen een dossier met prioriteit heeft een rang'],
];

/** The schemas' words (shared/schemas.ts): the same rule, said in Dutch. */
const SCHEMA: Array<[RegExp, (...m: string[]) => string]> = [
  [/^must be a meeting number \(TB-2024-01\)$/, () => 'moet een vergadernummer zijn (TB-2024-01)'],
  [/^must be a besluit number \(B-2024-01\)$/, () => 'moet een besluitnummer zijn (B-2024-01)'],
  [/^must say what was changed$/, () => 'zeg wat er is gewijzigd'],
  [/^is only given when the besluitenlijst is vastgesteld$/, () => 'hoort alleen bij het vaststellen van een besluitenlijst'],
  [/^must name the meeting that approves the besluitenlijst$/, () => 'noem de vergadering die de besluitenlijst vaststelt'],
  [/^must name a dossier or an actiepunt$/, () => 'noem een dossier of een actiepunt'],
  [/^must not name an? (dossier|actiepunt|ambition) twice$/, (_, w) => `noemt ${w === 'ambition' ? 'een ambitie' : `een ${w}`} twee keer`],
  [/^a substitute is named exactly when someone is vervangen$/, () => 'noem een vervanger alleen (en altijd) bij "vervangen door"'],
  [/^must not hold a standing item twice$/, () => 'bevat een vast agendapunt twee keer'],
  [/^must be a number of minutes$/, () => 'moet een aantal minuten zijn'],
  [/^must be a year( from 1900 to 2999)?$/, () => 'moet een jaartal zijn (1900 tot en met 2999)'],
  [/^must be a position on the agenda$/, () => 'moet een plaats op de agenda zijn'],
  [/^kind must be one of: (.+)$/, (_, list) => `soort moet een van deze zijn: ${list}`],
  [/^must be one of: (.+)$/, (_, list) => `moet een van deze zijn: ${list}`],
  [/^must be (\d+) or more$/, (_, n) => `moet ${nl(n)} of meer zijn`],
  [/^must be more than (\d+)$/, (_, n) => `moet meer dan ${nl(n)} zijn`],
  [/^must be at most (\d+)$/, (_, n) => `mag maximaal ${nl(n)} zijn`],
  [/^must be less than (\d+)$/, (_, n) => `moet minder dan ${nl(n)} zijn`],
  [/^must be at least (\d+) characters$/, (_, n) => `moet minstens ${nl(n)} tekens lang zijn`],
  [/^must hold (at least|at most) (\d+) items?$/, (_, w, n) => `mag ${w === 'at least' ? 'niet minder' : 'niet meer'} dan ${nl(n)} ${n === '1' ? 'onderdeel' : 'onderdelen'} bevatten`],
  [/^must be a list$/, () => 'moet een lijst zijn'],
  [/^must be a set of fields$/, () => 'moet een verzameling velden zijn'],
  [/^is required$/, () => 'is verplicht'],
  [/^(\d+) other dossier\(s\) have a rank, so the rank is 1 to (\d+); (\d+) would leave a gap\.$/, (_, k, max, n) => (k === '0' ? `kies rang 1: nog geen ander dossier heeft een rang (${nl(n)} zou een gat laten)` : `kies een rang van 1 tot en met ${max}: ${k === '1' ? '1 ander dossier heeft' : `${k} andere dossiers hebben`} een rang (${nl(n)} zou een gat laten)`)],
  [/^must be a whole number$/, () => 'moet een geheel getal zijn'],
  [/^must be a number$/, () => 'moet een getal zijn'],
  [/^must be text$/, () => 'moet tekst zijn'],
  [/^must be true or false$/, () => 'moet ja of nee zijn'],
  [/^must change at least one field$/, () => 'wijzigt niets'],
  [/^is not a known field$/, () => 'is geen bekend veld'],
  [/^at most (\d+) (people|standing items|dossiers|actiepunten|ambitions)$/, (_, n, w) => `maximaal ${nl(n)} ${{ people: 'personen', 'standing items': 'vaste agendapunten', dossiers: 'dossiers', actiepunten: 'actiepunten', ambitions: 'ambities' }[w!]}`],
];

/** Why an export could not be written (electron/export/export-jobs.ts). */
const WRITE_REASONS_NL: Record<string, string> = {
  'the disk is full': 'de schijf is vol',
  'the disk quota is used up': 'uw schijfruimte is op',
  'there is no permission to write there': 'u mag in die map niet schrijven; kies een andere map',
  'the folder is read-only': 'de map is alleen-lezen; kies een andere map',
};

/** The meeting pack's refusals (meeting.pack). */
const PACK: Array<[RegExp, (...m: string[]) => string]> = [
  [/^the agenda of (\S+) is not vastgesteld yet; the vergaderstukken follow from the agenda once it is\.$/, (_, n) => `de agenda van ${n} is nog niet vastgesteld; de vergaderstukken volgen uit de agenda zodra die is vastgesteld`],
  [/^(\S+) is cancelled; it has no vergaderstukken\.$/, (_, n) => `${n} is geannuleerd; er zijn geen vergaderstukken`],
  [
    /^(.+) exists and does not hold this version of the pack \(changed or made from another register\); move it away and make the pack again\. Nothing was written\.$/,
    (_, dir) => `${dir} bestaat al en bevat niet deze versie van de vergaderstukken (gewijzigd, of gemaakt uit een ander register); verplaats die map en maak de stukken opnieuw. Er is niets geschreven`,
  ],
  [/^(.+) appeared while the pack was written; nothing was written\.$/, (_, dir) => `${dir} verscheen terwijl de stukken werden geschreven; er is niets geschreven`],
];

/** The exchange between laptops (electron/exchange: bundle-file.ts, exchange.ts, handlers.ts, decide.ts). */
const EXCHANGE: Array<[RegExp, (...m: string[]) => string]> = [
  [/^The file is incomplete or damaged/, () => 'het bestand is onvolledig of beschadigd (misschien afgebroken onderweg); er is niets gewijzigd. Vraag het bestand opnieuw'],
  [/^This is not a TB-register exchange file/, () => 'dit is geen uitwisselingsbestand van TB-register (.tbsync); er is niets gewijzigd'],
  [/made by a newer TB-register; update TB-register first/, () => 'dit bestand is gemaakt door een nieuwere versie van TB-register; werk eerst TB-register bij. Er is niets gewijzigd'],
  [/^This file comes from a newer TB-register \(schema (\d+); this one has (\d+)\)/, (_, theirs, ours) => `dit bestand komt van een nieuwere versie van TB-register (schema ${theirs}, hier ${ours}): werk eerst TB-register bij. Er is niets gewijzigd`],
  [/^The file is locked with a passphrase/, () => 'het bestand is beveiligd met een wachtwoord: typ het wachtwoord dat de afzender koos'],
  [/^The passphrase does not open this file/, () => 'dit wachtwoord opent het bestand niet (of het bestand is gewijzigd); er is niets gewijzigd'],
  [/^The file asks for more work to unlock/, () => 'het bestand vraagt meer rekenwerk om te openen dan deze versie toestaat; er is niets gewijzigd'],
  [/^The file was altered after it was signed/, () => 'het bestand is gewijzigd na het ondertekenen; er is niets gewijzigd. Vraag het bestand opnieuw'],
  [/^This file belongs to another register/, () => 'dit bestand hoort bij een ander register, niet bij dit; er is niets gewijzigd'],
  [/^This file was made on this computer/, () => 'dit bestand is op deze computer gemaakt; er is niets gewijzigd'],
  [/^This file is signed with another key than the paired device has/, () => 'dit bestand is ondertekend met een andere sleutel dan het gekoppelde apparaat heeft; het is niet toegepast. Koppel opnieuw als die laptop opnieuw is ingericht'],
  [/^This file skips changes this register has not seen \(from change (\d+) to (\d+) of device (\w+)\)/, (_, a, b, d) => `dit bestand slaat wijzigingen over die dit register nog niet heeft (nr. ${a} tot en met ${b} van apparaat ${d}); er is niets gewijzigd. Vraag om een bestand met alles (‘Alles opnieuw meesturen’)`],
  [/^This file comes from a device that is not paired with this one \(code ([\w-]+)\)/, (_, code) => `dit bestand komt van een apparaat dat nog niet is gekoppeld (code ${code}); er is niets gewijzigd. Vergelijk de code met het scherm van de afzender en koppel eerst`],
  [/^The code does not match this file's sender \(its code is ([\w-]+)\)/, (_, code) => `de code hoort niet bij de afzender van dit bestand (diens code is ${code}); er is niets gewijzigd`],
  [/^This file is dated (\S+), more than a day after this computer's clock/, (_, when) => `dit bestand is gedateerd ${when}, meer dan een dag na de klok van deze computer; kijk beide klokken na en bevestig dan. Er is niets gewijzigd`],
  [/^There is no file at (.+)\.$/, (_, file) => `er is geen bestand ${file}`],
  [/^(.+) is not a file\.$/, (_, file) => `${file} is geen bestand`],
  [/^There is no permission to write in (.+)\.$/, (_, dir) => `er is geen toestemming om te schrijven in ${dir}`],
  [/^No file has been received yet/, () => 'er is nog geen bestand ontvangen; er is niets terug te zetten'],
  [/^The last file received can no longer be taken back: (.+)\.$/, (_, why) => `het laatste bestand kan niet meer ongedaan worden gemaakt: ${({ 'the register was changed after it': 'het register is daarna gewijzigd', 'a file was sent after it': 'er is daarna een bestand verstuurd', 'no backup was made before it': 'er is vooraf geen reservekopie gemaakt' } as Record<string, string>)[why!] ?? why}`],
  [/^This row cannot be deleted: something added since still refers to it/, () => 'dit kan niet worden verwijderd: iets dat sindsdien is toegevoegd verwijst ernaar. Verwijder dat eerst, of houd deze versie'],
  [/^There is no such conflict/, () => 'dit conflict bestaat niet (meer)'],
  [/^This conflict can only be put off or marked as handled/, () => 'dit kan alleen worden uitgesteld of als afgehandeld gemarkeerd'],
  [/^That version is not one of this conflict/, () => 'die versie hoort niet bij dit conflict'],
  [/^This conflict names a field the register does not have/, () => 'dit conflict noemt een veld dat het register niet heeft'],
  [/^The row of this conflict is no longer in the register/, () => 'wat dit conflict betreft staat niet meer in het register; stel het uit of houd de andere versie'],
  [/^What this version refers to is no longer in the register/, () => 'waar deze versie naar verwijst staat niet meer in het register; houd de andere versie'],
  [/^This file holds change (\d+) of device (\w+) twice/, (_, seq, d) => `dit bestand bevat wijziging ${seq} van apparaat ${d} twee keer; het is niet door TB-register gemaakt. Er is niets gewijzigd`],
  [/^This file holds a change whose clock is impossible/, () => 'dit bestand bevat een wijziging met een onmogelijke klok; het is niet door TB-register gemaakt. Er is niets gewijzigd'],
  [/^This file holds changes only, not a whole register/, () => 'dit bestand bevat alleen wijzigingen, geen volledig register; vraag de afzender om een bestand met het volledige register'],
  [/^The register in the file failed its integrity check/, () => 'het register in het bestand is beschadigd; het is niet gebruikt'],
];

const DUTCH: Array<[RegExp, (...m: string[]) => string]> = [
  ...PACK,
  ...EXCHANGE,
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
  [/^(.+) is not a folder\.$/, (_, f) => `${f} is geen map; kies een map`],
  [/^The export could not be written: (.+)\. Nothing was changed\.$/, (_, why) => `de export kon niet worden opgeslagen: ${WRITE_REASONS_NL[why!] ?? why}. Er is niets gewijzigd`],
  [/^The export failed: (.+)$/, (_, why) => `de export is mislukt (${why})`],
  [/must not be empty/, () => 'mag niet leeg zijn'],
  [/must be at most (\d+) characters/, (_, n) => `mag maximaal ${nl(n)} tekens lang zijn`],
  [/must be a real date written as YYYY-MM-DD|must be a date \(YYYY-MM-DD\)/, () => 'moet een bestaande datum zijn'],
  [/^(\d{4}-\d{2}-\d{2}) is in the future; a change is recorded on or before today \((\d{4}-\d{2}-\d{2})\)\.$/, (_, d, today) => `${formatDutchDate(d!)} ligt na vandaag (${formatDutchDate(today!)}); kies vandaag of een eerdere datum`],
  [/is in the future/, () => 'ligt na vandaag; kies vandaag of een eerdere datum'],
  [/^must not contain spaces$/, () => 'is geen geldige link: er staat een spatie in'],
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
  [/^(.+) already exists; choose to overwrite it, or pick another folder\.$/, (_, file) => `${file} bestaat al; zet ‘Bestaande bestanden vervangen’ aan, of kies een andere map`],
  [/already exists; choose to overwrite it/, () => 'bestaat al; zet ‘Bestaande bestanden vervangen’ aan, of kies een andere map'],
  [/^the folder (.+) does not exist\.$/, (_, folder) => `de map ${folder} bestaat niet; kies een map die er is`],
  [/does not exist/, () => 'bestaat niet'],
  [/must be an absolute path/, () => 'moet een volledig pad zijn'],
  [/cannot be parked/, () => 'een afgerond dossier kan niet geparkeerd zijn'],
  [/There is nothing to undo/, () => 'er is niets om ongedaan te maken'],
  [/^The register cannot be reached \((.+)\)\.?$/, (_, why) => `het register is niet bereikbaar (${why}); is de app of de browserversie nog open?`],
  ...MEETINGS,
  ...SCHEMA,
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

/**
 * The field a refusal is about, named as its label says it, as the subject of a message that has
 * none ("mag niet leeg zijn" becomes "Titel mag niet leeg zijn"): the message sits beside its field,
 * and says which one too (issue 14). Plural fields (owners, sub-points) keep the message as it is.
 */
const FIELD_NAMES: Record<string, { nl: string; en: string }> = {
  title: { nl: 'Titel', en: 'Title' },
  description: { nl: 'Omschrijving', en: 'Description' },
  note: { nl: 'Toelichting', en: 'Note' },
  planning: { nl: 'Planning', en: 'Planning' },
  owner: { nl: 'Eigenaar', en: 'Owner' },
  link: { nl: 'Wikipagina', en: 'Wiki page' },
  phaseDate: { nl: 'Datum', en: 'Date' },
  date: { nl: 'Datum', en: 'Date' },
  deadline: { nl: 'Deadline', en: 'Deadline' },
  outDir: { nl: 'Map', en: 'Folder' },
  rank: { nl: 'Rang', en: 'Rank' },
  name: { nl: 'Naam', en: 'Name' },
  text: { nl: 'Tekst', en: 'Text' },
  presenter: { nl: 'Inbreng', en: 'Presenter' },
  qualifier: { nl: 'Toevoeging', en: 'Qualifier' },
  year: { nl: 'Jaar', en: 'Year' },
  referenceDate: { nl: 'Peildatum', en: 'Reference date' },
  location: { nl: 'Plaats', en: 'Location' },
  remarks: { nl: 'Opmerking', en: 'Remark' },
  proposal: { nl: 'Besluitvoorstel', en: 'Proposal' },
  minutes: { nl: 'Duur', en: 'Duration' },
  file: { nl: 'Bestand', en: 'File' },
  passphrase: { nl: 'Wachtwoord', en: 'Passphrase' },
  pairCode: { nl: 'Code', en: 'Code' },
};
/** A field's name as its label says it ("Titel"), or the field as it is when it has no label here. */
export const fieldLabel = (lang: Lang, field: string): string => FIELD_NAMES[field]?.[lang] ?? field;

const SUBJECTLESS = { nl: /^(mag|moet|is|bevat|noemt|wijzigt) /, en: /^(must|is|at most) / };

function withField(lang: Lang, error: CallError, text: string): string {
  const last = (error.field ?? '').split('.').filter((part) => !/^\d+$/.test(part)).pop();
  const name = last === undefined ? undefined : FIELD_NAMES[last];
  return name && SUBJECTLESS[lang].test(text) ? `${name[lang]} ${text}` : text;
}

export function describeError(lang: Lang, error: CallError): string {
  const key = `error_${error.code}` as StringKey;
  const kind = t(lang, key in STRINGS_CHECK ? key : 'error_other');
  return `${kind}: ${withField(lang, error, detail(lang, error))}`;
}

const STRINGS_CHECK: Record<string, true> = {
  error_invalid_input: true,
  error_not_found: true,
  error_conflict: true,
  error_read_only: true,
  error_disk_full: true,
  error_internal: true,
};
