// The annexes of the Jaarplan eHerkenning 2024 as expected data, for the seed test (which checks
// every line below against the source text) and the export tests (which check the documents).
import { SOURCE_TEXT } from './register';

export const source = SOURCE_TEXT.replace(/[ \t]+\n/g, '\n');
export const flat = source.replace(/\s+/g, ' ');

// Bijlage 1: number, title, phase on 1-1-2024, hoofddossier, note.
export const BIJLAGE_1: Array<[number, string, string, string | null, string | null]> = [
  [1, 'Ondersteunen restgroepen (TRR)', '(Afronding) Implementatie', null, null],
  [2, 'Verplichtstellen 2FA', 'Implementatie', null, null],
  [3, 'Realtime inzicht beschikbaarheid en storingen', 'Refinement', null, null],
  [4, 'Change & Release proces vernieuwen', 'Analyse', null,
    'Dit is eveneens een actie vanuit het TB, vanwege de wens voor meer inzicht en om meer invloed te hebben op de prioritering.'],
  [5, 'Stelsel Toegang onder de Wdo', 'Analyse', null,
    'Het volgen van ontwikkelingen rond de Wdo is eveneens een actie vanuit het TB omdat dit punt breder is dan in dit dossier omschreven.'],
  [6, 'Verbeteren discovery service', 'Refinement', '(Keten)Machtigingen', null],
  [7, 'Diensten die ketenmachtigingen niet ondersteunen', 'Analyse', '(Keten)Machtigingen', null],
  [8, 'BSN gebruiker voor Nederlandse DV', 'Analyse', '(Keten)Machtigingen', null],
  [9, 'Organisatiewissel zonder gebruiker interactie', 'Analyse', '(Keten)Machtigingen', null],
  [10, 'RSIN/BSN intermediair leveren bij ketenmachtiging', 'Geparkeerd (in Analysefase)', '(Keten)Machtigingen', null],
  [11, 'Ondersteuning voor geautomatiseerde transacties (M2M)', 'Geparkeerd', '(Keten)Machtigingen', null],
  [12, 'Dienstenhiërarchie t.b.v. (keten)machtigen', 'Geparkeerd', '(Keten)Machtigingen', null],
  [13, 'Bevoegdhedenservice (.KvK)', 'Geparkeerd', null, null],
  [14, 'Ondersteuning Notaris t.b.v. Kadaster', 'Geparkeerd', null, null],
  [15, 'Meerdere Dienstafnemers in één response bericht', 'Nieuw', null, null],
];

// Bijlage 2: number, text, sub-points, owner cell, deadline cell.
export const BIJLAGE_2: Array<[number, string, string[], string, string]> = [
  [1, 'Vragen rond ‘identificatie op afstand’ oplossen.', [], 'Logius/BZK', '-'],
  [2, 'Evaluatiemomenten inplannen in het Tactisch Beraad, gelijk met de C&R rapportage.\nIncl. een terugkoppeling vanuit Communicatie en vanuit het project Ontvlechting.', [], 'Voorzitter/Secretaris', '-'],
  [3, 'Change & Release Proces (eveneens een dossier. Dit zijn de bespreek en aandachtspunten in het TB):', [
    'Het TB meer invloed geven op de prioritering van dossiers;',
    'Nieuwe wensen van Stakeholders (nog efficiënter) kunnen oppakken;',
    'Bijdrage van dossiers aan ambities en focus uit jaarplan inzichtelijk maken in de rapportage;',
    'Backlog van dossiers toevoegen aan de rapportage;',
    'Beschrijven van het change & release proces.',
  ], 'Kolette', '-'],
  [4, 'Calamiteitenplan 2.0 (eveneens een dossier. Dit zijn de bespreek en aandachtspunten in het TB):', [
    'Inzichtelijk maken wie waarvoor verantwoordelijk is en (ook buiten kantoortijden) bereikbaar is.',
  ], 'Logius', '-'],
  [5, 'Duidelijkheid over:', [
    'Bredere zienswijze van het machtigingenlandschap vanuit BZK (in de context van toelichting op de governance van het nieuwe Stelsel);',
    'Structuur van de opbouw van het nieuwe Stelsel (hoe lopen de lijntjes?);',
    'Duidelijke scheiding tussen ‘huidig’ en ‘nieuw’.',
  ], 'BZK', '-'],
  [6, 'Terugkoppeling in het TB van de werkgroep ‘Wallet ecosysteem’.', [], 'Leveranciers', 'In elk TB'],
  [7, 'Volgen van ontwikkelingen:', ['Wdo;', 'Europese wetgeving;', 'Elektronische Wallet;', 'Overige ontwikkelingen in het elektronische machtigingenlandschap.'], '-', '-'],
  [8, '(Mogelijk) aansluiten dienstverleners:', [
    'Gesprekken met Kadaster;', 'Gesprekken met KvK;', 'APG: pensioensector volledig op eH over laten stappen;',
    'Wens om meer private dienstverleners aan te laten sluiten.',
  ], '-', '-'],
  [9, 'Voldoende en gelijkwaardige capaciteit inzet in de samenwerking tussen alle betrokken partijen.', [], '-', '-'],
  [10, 'In beeld brengen van de achterban en inventariseren of er voldoende communicatie is voor input en feedback.', [], 'Dienstverleners', '(Reeds in het TB ingebracht)'],
];

export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
