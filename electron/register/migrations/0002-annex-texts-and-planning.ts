// The annexes' own texts become part of each jaarplan (so the secretariat can edit them), and a
// dossier gets a planning text for the C&R rapportage. Registers made before this migration can
// only have been seeded from the 2024 jaarplan, so its year gets the 2024 texts; other years start
// empty and are filled in by the secretariat.
export const up = `
ALTER TABLE jaarplan ADD COLUMN bijlage1_intro TEXT NOT NULL DEFAULT '';
ALTER TABLE jaarplan ADD COLUMN bijlage1_order_note TEXT NOT NULL DEFAULT '';
ALTER TABLE jaarplan ADD COLUMN bijlage1_footnote TEXT NOT NULL DEFAULT '';
ALTER TABLE jaarplan ADD COLUMN bijlage2_intro TEXT NOT NULL DEFAULT '';
ALTER TABLE dossier ADD COLUMN planning TEXT;

UPDATE jaarplan SET
  bijlage1_intro = 'Deze bijlage van het Jaarplan eHerkenning 2024 bevat de dossiers die zijn genoemd als prioriteit tijdens de voorgesprekken. Hiermee heeft het TB de wens uitgesproken dat deze dossiers prioriteit krijgen in de uitvoering boven andere dossiers. In de rapportage vanuit het Change & Release proces worden alle dossiers benoemd en zullen deze dossiers worden benadrukt. Geparkeerde dossiers zijn via een link in de rapportage in te zien.' || char(10) || char(10) ||
    'De ondergenoemde voortgangsfase is de fase waarin het dossier zich bevindt op 1 januari 2024. Bij berekening van de rapportage gedurende het jaar zal de voortgang op deze dossiers (extra) toegelicht worden.',
  bijlage1_order_note = 'De volgorde van dossiers in dit overzicht is op basis van de voortgangsfase op 1-1-2024 en niet op basis van prioritering.',
  bijlage1_footnote = 'Dossiers in deze tabel zijn in te zien op Confluence, op de space van het Intake team. Indien de link niet werkt, kan op deze space gezocht worden o.b.v. de dossiernaam.',
  bijlage2_intro = 'Deze bijlage van het Jaarplan eHerkenning 2024 bevat de actiepunten uit de tekst van het jaarplan, met uitzondering van die punten die zijn opgenomen in een dossier als onderdeel van het change & release proces. Daarnaast zijn de actiepunten opgenomen die zijn genoemd in de voorbereidende gesprekken voor het opstellen van het jaarplan, maar niet concreet in de tekst van het jaarplan zijn opgenomen als actiepunt of in een dossier.' || char(10) || char(10) ||
    'Voor actiepunten die een dossier vormen of onderdeel zijn van een dossier in het change & release proces geldt dat deze terugkomen op de rapportage of op de backlog staan die als bijlage aan de rapportage zal worden toegevoegd. Hiermee zijn alle besproken punten uit de gesprekken met elk van de leden van het Tactisch Beraad vastgelegd.' || char(10) || char(10) ||
    'Prioritering en eigenaarschap van elk van deze punten kunnen in het Tactisch Beraad worden vastgelegd en geëvalueerd gedurende het jaar.'
WHERE year = 2024;
`;
