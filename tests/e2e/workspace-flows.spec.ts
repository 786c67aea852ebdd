// The secretary's day, as a user walks it in Chromium: find, create, move on the board with dates,
// prioritise, edit and finish an actiepunt, undo, export Bijlage 1 and find the file.
import fs from 'node:fs';
import path from 'node:path';
import { callShell } from '../support/shell-call';
import { test, expect } from './shell';

test('find a dossier by search and filter', async ({ page, shell }) => {
  await page.goto(shell.url);
  const rows = page.getByTestId('dossier-table').locator('tbody tr[data-number]');
  await expect(rows).toHaveCount(15);
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('wdo');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Stelsel Toegang onder de Wdo');
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('');
  await page.getByLabel('Voortgangsfase', { exact: true }).selectOption('analyse');
  await page.getByLabel('Geparkeerd', { exact: true }).selectOption('no');
  await expect(rows).toHaveCount(5);
  await expect(page.getByTestId('dossier-count')).toHaveText('5 van 15 dossiers');
  await page.getByLabel('Ambitie').selectOption('voorbereid-zijn');
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(rows).toHaveCount(15);
  // Fold the hoofddossier group shut and open again.
  const fold = page.getByRole('button', { name: /Hoofddossier \(Keten\)Machtigingen/ });
  await fold.click();
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await expect(rows).toHaveCount(8);
  await fold.press('Enter');
  await expect(rows).toHaveCount(15);
  // Sort by title, descending on a second click.
  await page.getByRole('button', { name: 'Dossier', exact: true }).click();
  await page.getByLabel('Groeperen per hoofddossier').uncheck();
  await expect(rows.first()).toContainText('Bevoegdhedenservice');
  await page.getByRole('button', { name: 'Dossier', exact: true }).click();
  await expect(rows.first()).toContainText('Verplichtstellen 2FA');
  // A search without hits says so and what to do, instead of an empty table frame (issue 14).
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('geen-dossier-heet-zo');
  await expect(page.getByTestId('dossiers-empty')).toHaveText('Geen dossier past bij deze zoekterm en filters. Pas ze aan, of kies ‘Filters wissen’.');
  await expect(page.getByTestId('dossier-table')).toBeHidden();
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(rows).toHaveCount(15);
  await expect(page.getByTestId('dossiers-empty')).toHaveCount(0);
  // The action list has its own empty state and Filters wissen.
  await page.getByRole('navigation').getByRole('button', { name: 'Actiepunten' }).click();
  const actions = page.getByTestId('actiepunt-table').locator('tbody tr');
  await expect(page.getByRole('button', { name: 'Filters wissen' })).toBeDisabled();
  await page.getByLabel('Status', { exact: true }).selectOption('vervallen');
  await expect(page.getByTestId('actiepunten-empty')).toContainText('Geen actiepunt past bij deze filters');
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(actions).toHaveCount(10);
  await expect(page.getByRole('button', { name: 'Filters wissen' })).toBeFocused();
});

test('create a dossier, move it through two phases on the board with dates, prioritise and rank it', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Nieuw dossier' }).click();
  const form = page.getByRole('form', { name: 'Nieuw dossier' });
  // A date that does not exist: the error beside the date, not the title (issue 14), in Dutch.
  await form.getByLabel('Titel').fill('Inloggen met de EU-wallet');
  await form.getByLabel('Met ingang van').fill('31-02-2024');
  await form.getByRole('button', { name: 'Aanmaken' }).click();
  await expect(form.getByLabel('Met ingang van')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Titel')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#new-dossier-date-error')).toContainText('Niet opgeslagen: Datum moet een bestaande datum zijn');
  // Fixed, the error goes at once.
  await form.getByLabel('Met ingang van').fill('01-10-2026');
  await expect(page.locator('#new-dossier-date-error')).toHaveCount(0);
  await expect(form.getByLabel('Met ingang van')).not.toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('button', { name: 'Aanmaken' }).click();
  const panel = page.getByTestId('dossier-panel');
  await expect(panel.getByRole('heading', { name: 'Dossier 16: Inloggen met de EU-wallet' })).toBeVisible();
  await panel.getByRole('button', { name: 'Sluiten' }).click();

  await page.getByRole('navigation').getByRole('button', { name: 'Fasebord' }).click();
  const nieuw = page.getByTestId('column-nieuw');
  await expect(nieuw.getByRole('article', { name: '16. Inloggen met de EU-wallet' })).toBeVisible();
  // First move: by keyboard, with the Move button and a confirmed date.
  await nieuw.getByRole('button', { name: 'Verplaatsen 16' }).click();
  const dialog = page.getByTestId('move-dialog');
  await dialog.getByLabel('Naar fase').selectOption('analyse');
  // A date that does not exist: refused beside the date (it showed under the note, review).
  await dialog.getByLabel('Met ingang van').fill('31-02-2026');
  await dialog.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(dialog.locator('#move-date-error')).toHaveText('Niet opgeslagen: Datum moet een bestaande datum zijn');
  await expect(dialog.getByLabel('Met ingang van')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Met ingang van').fill('2-11-2026');
  await expect(dialog.locator('#move-date-error')).toHaveCount(0);
  // A qualifier too long is said beside the qualifier, not beside the phase.
  await dialog.getByLabel('Toevoeging bij de fase, zoals ‘Afronding’').fill('x'.repeat(61));
  await dialog.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(dialog.locator('#move-qualifier-error')).toHaveText('Niet opgeslagen: Toevoeging mag maximaal 60 tekens lang zijn');
  await expect(dialog.locator('#move-phase-error')).toHaveCount(0);
  await dialog.getByLabel('Toevoeging bij de fase, zoals ‘Afronding’').fill('');
  await dialog.getByLabel('Notitie bij de wijziging').fill('Besproken in het TB');
  await dialog.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('column-analyse').getByRole('article', { name: '16. Inloggen met de EU-wallet' })).toBeVisible();
  // Second move: dragged to the Refinement column, date confirmed in the dialog.
  await page.getByTestId('column-analyse').getByRole('article', { name: '16. Inloggen met de EU-wallet' }).dragTo(page.getByTestId('column-refinement'));
  await expect(dialog.getByLabel('Naar fase')).toHaveValue('refinement');
  await dialog.getByLabel('Met ingang van').fill('20-11-2026');
  await dialog.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(page.getByTestId('column-refinement').getByRole('article', { name: '16. Inloggen met de EU-wallet' })).toBeVisible();

  // The history shows both dated moves.
  await page.getByTestId('column-refinement').getByRole('button', { name: '16. Inloggen met de EU-wallet' }).click();
  const history = panel.getByTestId('dossier-history');
  await expect(history.locator('li')).toHaveText([
    '20-11-2026 Fase: Refinement',
    '02-11-2026 Fase: Analyse – Besproken in het TB',
    '01-10-2026 Fase: Nieuw',
  ]);

  // Priority with rank 1.
  await panel.getByTestId('priority-mark').click();
  await expect(panel.getByTestId('priority-mark')).toBeChecked();
  await expect(panel.getByLabel('Rang')).toBeEnabled();
  const rankError = panel.locator('#priority-rank-error');
  // Letters are refused too (they were saved as a priority without a rank, in silence: review).
  await panel.getByLabel('Rang').fill('abc');
  await panel.getByLabel('Rang').press('Enter');
  await expect(rankError).toHaveText('Niet opgeslagen: Rang moet een geheel getal zijn');
  await panel.getByLabel('Rang').fill('0');
  await panel.getByLabel('Rang').press('Enter');
  await expect(rankError).toHaveText('Niet opgeslagen: Rang moet 1 of meer zijn');
  // A refused rank is not lost without a word when another dossier opens: it comes back as a draft.
  await page.getByRole('navigation').getByRole('button', { name: 'Dossiers' }).click();
  await page.getByTestId('dossier-table').locator('tr[data-number="2"] th button').click();
  await expect(page.getByTestId('announcement')).toContainText('Rang');
  await page.getByTestId('dossier-table').locator('tr[data-number="16"] th button').click();
  await expect(panel.getByLabel('Rang')).toHaveValue('0');
  await expect(rankError).toHaveText('Niet opgeslagen: Rang moet 1 of meer zijn');
  // A Dutch decimal comma is read as one (it was swallowed: "1,5" became 15), and refused in Dutch.
  await panel.getByLabel('Rang').fill('1,5');
  await panel.getByLabel('Rang').press('Enter');
  await expect(rankError).toHaveText('Niet opgeslagen: Rang moet een geheel getal zijn');
  await panel.getByLabel('Rang').fill('1');
  await panel.getByLabel('Rang').press('Enter');
  await expect(history.locator('li').first()).toHaveText('30-11-2026 Prioriteit: rang 1');
  await page.getByRole('navigation').getByRole('button', { name: 'Dossiers' }).click();
  await expect(page.locator('tr[data-number="16"]')).toContainText('★ 1');
  // Unticked, the rank goes and the ranks after it move up: said beside the box, not in silence (issue 14).
  await panel.getByTestId('priority-mark').click();
  await expect(panel.getByTestId('priority-mark')).not.toBeChecked();
  await expect(panel.getByTestId('rank-dropped')).toHaveText('Prioriteit uit: rang 1 is vervallen en de dossiers erna schuiven een rang op. Ongedaan maken zet het terug.');
  await expect(page.locator('tr[data-number="16"]')).not.toContainText('★');

  // The register file holds what the screen showed.
  const phases = await shell.readRegister((db) =>
    db.prepare(`SELECT effective_date, phase FROM dossier_phase WHERE dossier_id = (SELECT id FROM dossier WHERE number = 16) ORDER BY effective_date`).all(),
  );
  expect(phases).toEqual([
    { effective_date: '2026-10-01', phase: 'nieuw' },
    { effective_date: '2026-11-02', phase: 'analyse' },
    { effective_date: '2026-11-20', phase: 'refinement' },
  ]);
});

test('a refused edit shows the error beside the field and the register as it is', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Verplichtstellen 2FA' }).click();
  const panel = page.getByTestId('dossier-panel');
  const title = panel.getByTestId('dossier-title');
  await title.fill('   ');
  await title.press('Enter');
  await expect(panel.getByRole('alert')).toHaveText('Niet opgeslagen: Titel mag niet leeg zijn');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('tr[data-number="2"]')).toContainText('Verplichtstellen 2FA');
  await panel.getByLabel('Wikipagina (https)').fill('http://wiki.eherkenning.nl/x/1');
  await panel.getByLabel('Wikipagina (https)').press('Enter');
  await expect(panel.getByRole('alert').nth(1)).toContainText('https://');
});

test('a refused value is kept as a draft, with a word, when another dossier is opened', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Verplichtstellen 2FA' }).click();
  const panel = page.getByTestId('dossier-panel');
  const link = panel.getByLabel('Wikipagina (https)');
  await link.fill('http://wiki.eherkenning.nl/x/1');
  await link.press('Enter');
  await expect(panel.getByRole('alert')).toContainText('https://');
  // Another dossier opened: the refused text is not thrown away without a word.
  await page.getByRole('button', { name: 'Realtime inzicht beschikbaarheid en storingen' }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('Dossier 3');
  await expect(page.getByTestId('announcement')).toHaveText('Wikipagina (https) van dossier 2 is niet opgeslagen; de tekst is als concept bewaard. Open dossier 2 weer om het af te maken.');
  // Back on dossier 2: the draft is there, marked, with why it was refused, and can be dropped.
  await page.getByRole('button', { name: 'Verplichtstellen 2FA' }).click();
  await expect(link).toHaveValue('http://wiki.eherkenning.nl/x/1');
  await expect(panel.getByText('Concept, nog niet opgeslagen.')).toBeVisible();
  await expect(link).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByRole('alert')).toContainText('https://');
  await panel.getByRole('button', { name: 'Concept weggooien' }).click();
  await expect(link).not.toHaveValue('http://wiki.eherkenning.nl/x/1');
  await expect(panel.getByText('Concept, nog niet opgeslagen.')).toHaveCount(0);
});

test('edit an actiepunt, mark it done, undo with Ctrl+Z and redo', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Actiepunten' }).click();
  await page.getByRole('button', { name: /^Vragen rond/ }).click();
  const panel = page.getByTestId('actiepunt-panel');
  await expect(panel.getByRole('heading', { name: 'Actiepunt 1' })).toBeVisible();
  await panel.getByRole('button', { name: 'Subpunt toevoegen' }).click();
  await panel.getByLabel('Subpunt 1', { exact: true }).fill('Advies van de werkgroep vragen');
  await panel.getByLabel('Subpunt 1', { exact: true }).press('Enter');
  await expect(page.locator('tr[data-number="1"] li')).toHaveText(['Advies van de werkgroep vragen']);
  await panel.getByLabel('Soort deadline').selectOption('date');
  await panel.getByLabel('Datum', { exact: true }).fill('15-12-2026');
  await panel.getByLabel('Datum', { exact: true }).press('Enter');
  await expect(page.locator('tr[data-number="1"]')).toContainText('15-12-2026');

  // Afronden asks the date: today unless another day is typed (issue 14: it was always today).
  const ownerColumn = () => page.getByTestId('actiepunt-table').getByRole('columnheader', { name: 'Eigenaar' }).boundingBox();
  const before = (await ownerColumn())!;
  await page.getByRole('button', { name: 'Afronden: actiepunt 1', exact: true }).click();
  const done = page.getByRole('form', { name: 'Afronden: actiepunt 1' });
  // The form fits its column: the other columns stay where they were (they jumped, issue 14).
  const during = (await ownerColumn())!;
  expect(Math.abs(during.x - before.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(during.width - before.width)).toBeLessThanOrEqual(1);
  await expect(done.getByLabel('Afgerond op')).toBeFocused();
  await expect(done.getByLabel('Afgerond op')).toHaveValue('30-11-2026');
  await done.getByLabel('Afgerond op').fill('26-11-2026');
  await done.getByRole('button', { name: 'Afronden', exact: true }).click();
  await expect(page.locator('tr[data-number="1"] .badge').first()).toHaveText('Afgerond');
  // The list says on which day (it did not, issue 14).
  await expect(page.locator('tr[data-number="1"] .status-date')).toHaveText('op 26-11-2026');
  // The keyboard does not fall to the page: it is on the actiepunt's link.
  await expect(page.getByRole('button', { name: /^Vragen rond/ })).toBeFocused();
  await expect
    .poll(() => shell.readRegister((db) => db.prepare(`SELECT s.effective_date FROM actiepunt_status s JOIN actiepunt a ON a.id = s.actiepunt_id WHERE a.number = 1 AND s.status = 'afgerond'`).pluck().all()))
    .toEqual(['2026-11-26']);

  await page.locator('body').press('Control+z');
  await expect(page.getByTestId('announcement')).toHaveText('Ongedaan gemaakt: Status gewijzigd (1)');
  await expect(page.locator('tr[data-number="1"] .badge').first()).toHaveText('Open');
  await page.locator('body').press('Control+Shift+z');
  await expect(page.locator('tr[data-number="1"] .badge').first()).toHaveText('Afgerond');
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(page.locator('tr[data-number="1"] .badge').first()).toHaveText('Open');
});

test('a new actiepunt takes its text, owners and deadline in one step', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Actiepunten' }).click();
  await page.getByRole('button', { name: 'Nieuw actiepunt' }).click();
  const form = page.getByRole('form', { name: 'Nieuw actiepunt' });
  await form.getByLabel('Tekst').fill('Planning wallet-pilot delen met het TB');
  await form.getByLabel('Eigenaren').fill('Logius/BZK');
  await form.getByLabel('Deadline').fill('morgen');
  await form.getByRole('button', { name: 'Aanmaken' }).click();
  // A deadline it cannot read: said beside the deadline, in Dutch, and gone once it is changed.
  await expect(form.getByLabel('Deadline')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#new-ap-deadline-error')).toContainText('typ een datum (dd-mm-jjjj)');
  // Written as a date that does not exist: told that, not to type a date (review).
  await form.getByLabel('Deadline').fill('31-02-2027');
  await form.getByRole('button', { name: 'Aanmaken' }).click();
  await expect(page.locator('#new-ap-deadline-error')).toHaveText('Deadline: 31-02-2027 bestaat niet; kies een bestaande datum.');
  await form.getByLabel('Deadline').fill('15-01-2027');
  await expect(page.locator('#new-ap-deadline-error')).toHaveCount(0);
  await form.getByRole('button', { name: 'Aanmaken' }).click();
  await expect(page.getByTestId('actiepunt-panel').getByRole('heading', { name: 'Actiepunt 11' })).toBeVisible();
  const row = page.locator('tr[data-number="11"]');
  await expect(row).toContainText('Logius/BZK');
  await expect(row).toContainText('15-01-2027');
  await expect
    .poll(() => shell.readRegister((db) => db.prepare(`SELECT group_concat(name, '/') FROM (SELECT name FROM actiepunt_owner o JOIN actiepunt a ON a.id = o.actiepunt_id WHERE a.number = 11 ORDER BY o.position)`).pluck().get()))
    .toBe('Logius/BZK');
});

test('export Bijlage 1 as docx through the dialog, find the file and open it', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Exporteren…' }).click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByLabel('Map')).toHaveValue(shell.exportDir);
  await dialog.getByLabel('Bijlage 2 – Lijst met actiepunten').uncheck();
  await dialog.getByLabel('Change & Release rapportage').uncheck();
  await dialog.getByLabel('Excel (.xlsx)').uncheck();
  // A date that does not exist is refused beside the date, not asked about as a future one (review).
  await dialog.getByLabel('Datum van de rapportage').fill('31-02-2026');
  await expect(dialog.getByTestId('export-future')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Exporteren', exact: true }).click();
  await expect(dialog.locator('#export-date-error')).toHaveText('Niet opgeslagen: Datum moet een bestaande datum zijn');
  await expect(dialog.getByLabel('Datum van de rapportage')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Datum van de rapportage').fill('30-11-2026');
  await expect(dialog.locator('#export-date-error')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Exporteren', exact: true }).click();
  const file = path.join(shell.exportDir, 'bijlage-1-dossiers-met-prioriteit.docx');
  await expect(dialog.getByTestId('export-files')).toContainText(file);
  await expect(dialog.getByLabel('Voortgang van de export')).toHaveAttribute('value', '2');
  expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  expect(fs.readdirSync(shell.exportDir)).toEqual(['bijlage-1-dossiers-met-prioriteit.docx']);

  await dialog.getByRole('button', { name: 'Open bijlage-1-dossiers-met-prioriteit.docx' }).click();
  await expect.poll(() => (fs.existsSync(shell.openedLog) ? fs.readFileSync(shell.openedLog, 'utf8') : '')).toBe(`${file}\n`);

  // Again into the same folder: refused, with the reason, and the file left alone; the list of the
  // export before is gone, so the error stands alone (issue 14).
  await dialog.getByRole('button', { name: 'Exporteren', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('bestaat al');
  await expect(dialog.getByTestId('export-files')).toHaveCount(0);

  // A report date after today is asked about before anything is exported.
  await dialog.getByLabel('Datum van de rapportage').fill('31-12-2026');
  await expect(dialog.getByTestId('export-future')).toContainText('De datum 31-12-2026 ligt in de toekomst');
  await expect(dialog.getByRole('button', { name: 'Exporteren', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Toch deze datum gebruiken' }).click();
  await expect(dialog.getByTestId('export-future')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Exporteren', exact: true })).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Exporteren', exact: true })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await expect(dialog).toBeHidden();
});

test('an edit is saved when the field is left, and closing the window with unsaved text asks first', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Verplichtstellen 2FA' }).click();
  const panel = page.getByTestId('dossier-panel');
  await panel.getByLabel('Planning').fill('Verplicht per 1 juli.');
  await panel.getByLabel('Eigenaar').click(); // leaving the field saves it
  // And says so, beside the field, for a moment (issue 14).
  await expect(panel.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();
  await expect
    .poll(() => shell.readRegister((db) => db.prepare('SELECT planning FROM dossier WHERE number = 2').pluck().get()))
    .toBe('Verplicht per 1 juli.');
  await expect(panel.getByRole('status').filter({ hasText: 'Opgeslagen' })).toHaveCount(0, { timeout: 5000 });

  await panel.getByLabel('Eigenaar').fill('Logius');
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', async (d) => {
      await d.dismiss();
      resolve(d.type());
    }),
  );
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
});

test('owners whose name holds a slash keep it through the Eigenaren field', async ({ page, shell }) => {
  // The panel showed "Logius/Voorzitter/Secretaris" and a saved edit made three owners of the two
  // (review of issue 14); the line now reads "Logius; Voorzitter/Secretaris" and saves back as it says.
  await callShell(shell.url, 'actiepunt.create', { text: 'Voorstel voor de Wdo-communicatie', owners: ['Logius', 'Voorzitter/Secretaris'] });
  await page.goto(shell.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Actiepunten', exact: true }).click();
  await page.getByRole('button', { name: 'Voorstel voor de Wdo-communicatie' }).click();
  const panel = page.getByTestId('actiepunt-panel');
  const owners = panel.getByLabel('Eigenaren');
  await expect(owners).toHaveValue('Logius; Voorzitter/Secretaris');
  await owners.fill('Logius; Voorzitter/Secretaris; BZK');
  await owners.press('Enter');
  await expect(panel.getByText('Opgeslagen')).toBeVisible();
  const held = () => shell.readRegister((db) => db.prepare(`SELECT name FROM actiepunt_owner WHERE actiepunt_id = (SELECT id FROM actiepunt WHERE number = 11) ORDER BY position`).pluck().all());
  await expect.poll(held).toEqual(['Logius', 'Voorzitter/Secretaris', 'BZK']);
  await expect(page.locator('tr[data-number="11"]')).toContainText('Logius; Voorzitter/Secretaris; BZK');
});
