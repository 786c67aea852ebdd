// Issue 11 in the real UI: the secretary plans a meeting from the template, edits the agenda by
// keyboard, vaststellen, records a besluit, an actiepunt and a remark, afronden, and at the next
// meeting vaststellen the previous besluitenlijst; the dossier panel shows "Besproken in". The
// new screens pass axe in Dutch and English; screenshots at 1366x768.
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from './shell';
import { callShell } from '../support/shell-call';

test.use({ viewport: { width: 1366, height: 768 } });

async function expectNoViolations(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
  expect(summary, what).toEqual([]);
}

async function shot(page: Page, testInfo: TestInfo, name: string, fullPage = false) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage });
}

/** Takes the step behind a state button: the confirmation says what it keeps, then "Ja, …". */
async function step(page: Page, button: string, says: RegExp) {
  await page.getByRole('group', { name: 'Stap in de vergadering' }).getByRole('button', { name: button, exact: true }).click();
  const confirm = page.getByTestId('step-confirm');
  await expect(confirm).toContainText(says);
  await confirm.getByRole('button', { name: /^Ja, / }).click();
}

test('the secretary runs a meeting from plan to approved besluitenlijst', async ({ page, shell }, testInfo) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('dossier-table')).toBeVisible();
  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: 'Vergaderingen', exact: true }).click();
  await expect(page.getByTestId('meetings-empty')).toContainText('Nieuwe vergadering');
  await expectNoViolations(page, 'meetings, empty');
  await shot(page, testInfo, 'nl-meetings-empty');

  // Plan: an evaluatiemoment today, from the template.
  await page.getByRole('button', { name: 'Nieuwe vergadering' }).click();
  const form = page.getByRole('form', { name: 'Nieuwe vergadering' });
  await expect(form.getByLabel('Datum')).toHaveValue('30-11-2026');
  await form.getByLabel('Soort').selectOption('evaluatiemoment');
  await form.getByLabel('Locatie').fill('Den Haag');
  // A double click plans one meeting, not two.
  await form.getByRole('button', { name: 'Vergadering plannen' }).dblclick();
  const meeting = page.getByTestId('meeting-page');
  await expect(meeting.getByRole('heading', { level: 2 })).toHaveText('TB-2026-01 · 30-11-2026 · Evaluatiemoment');
  await expect(meeting.getByRole('heading', { level: 2 })).toBeFocused();
  const agenda = page.getByTestId('agenda');
  await expect(agenda.locator('> li')).toHaveCount(8);
  await expect(page.getByTestId('agenda-item-4')).toContainText('Change & Release rapportage');

  // An item of the moment, by keyboard: type, Tab to the purpose and choose, back, Enter to add.
  // It lands before the rondvraag.
  const title = page.getByTestId('new-item-title');
  await title.focus();
  await page.keyboard.type('Voorstel nieuw C&R-proces');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowUp'); // Ter besluitvorming, the first purpose
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('agenda-item-8')).toContainText('Voorstel nieuw C&R-proces');
  await expect(page.getByTestId('agenda-item-9')).toContainText('Rondvraag');
  await expect(page.getByTestId('agenda-item-8')).toContainText('Ter besluitvorming');
  // Moved one up with Alt+ArrowUp on its handle: numbers follow the concept agenda's order.
  await page.getByRole('button', { name: /Verplaats punt 8/ }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('agenda-item-7')).toContainText('Voorstel nieuw C&R-proces');
  await expect(page.getByRole('button', { name: /Verplaats punt 7/ })).toBeFocused();
  // Linked to dossier 4 by searching.
  await page.getByTestId('agenda-item-7').getByRole('button', { name: 'Punt 7 bewerken' }).click();
  await page.getByTestId('agenda-item-7').getByTestId('link-search').fill('proces vernieuwen');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('agenda-item-7').getByRole('button', { name: 'Koppeling Dossier 4 verwijderen' })).toBeVisible();
  await page.getByTestId('agenda-item-7').getByLabel('Besluitvoorstel').fill('Het TB stemt in met het nieuwe proces.');
  await page.getByTestId('agenda-item-7').getByLabel('Besluitvoorstel').blur();
  await page.getByTestId('agenda-item-7').getByRole('button', { name: 'Klaar' }).click();
  await expect(page.getByTestId('agenda-item-7')).toContainText('Besluitvoorstel: Het TB stemt in met het nieuwe proces.');
  await expectNoViolations(page, 'meeting page, concept');
  await shot(page, testInfo, 'nl-meeting-concept');

  // Vaststellen (the register is kept), then the meeting opens.
  await step(page, 'Agenda vaststellen', /bewaard/);
  await expect(page.getByTestId('meeting-state')).toHaveText('Agenda vastgesteld');
  await expect(page.getByTestId('frozen-view').getByRole('button', { name: 'Bij vaststelling van de agenda' })).toBeVisible();
  await step(page, 'Vergadering openen', /besluiten/);
  await expect(page.getByTestId('meeting-state')).toHaveText('In vergadering');

  // At the table: a besluit, an actiepunt and a remark on item 7, and who was there.
  await page.getByTestId('record-7').click();
  const item7 = page.getByTestId('outcome-form-7');
  await item7.getByLabel('Tekst').fill('Het TB stemt in met het nieuwe C&R-proces.');
  await item7.getByLabel('Tekst').press('Enter');
  await expect(page.getByTestId('outcomes-7')).toContainText('(nog geen nummer) Het TB stemt in met het nieuwe C&R-proces.');
  await item7.getByLabel('Soort uitkomst').selectOption('actiepunt');
  await item7.getByLabel('Tekst').fill('Planning van de invoering delen');
  await item7.getByLabel('Eigenaren', { exact: true }).fill('Logius');
  await item7.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(page.getByTestId('outcomes-7')).toContainText('Actiepunt 11: Planning van de invoering delen');
  await item7.getByLabel('Soort uitkomst').selectOption('notitie');
  await item7.getByLabel('Tekst').fill('Voorzitter: graag een planning per kwartaal.');
  await item7.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(page.getByTestId('outcomes-7')).toContainText('Dossier 4: Voorzitter: graag een planning per kwartaal.');
  await expect(page.getByTestId('outcomes-7')).toContainText('vastgelegd door Secretariaat TB (Secretaris)');
  // A besluit without text is refused, beside the form, and nothing is recorded.
  await item7.getByLabel('Soort uitkomst').selectOption('besluit');
  await item7.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(item7.getByRole('alert')).toContainText('mag niet leeg zijn');
  await expect(page.getByTestId('outcomes-7').locator('li')).toHaveCount(3);

  const attendance = page.getByTestId('attendance');
  await attendance.getByRole('button', { name: 'Persoon toevoegen' }).click();
  await attendance.getByLabel('Naam').fill('Pieter Jansen');
  await attendance.getByLabel('Organisatie').fill('BZK');
  await attendance.getByRole('button', { name: 'Aanwezigheid opslaan' }).click();
  await expect(attendance.getByRole('button', { name: 'Aanwezigheid opslaan' })).toHaveAttribute('aria-disabled', 'true');
  await expectNoViolations(page, 'meeting page, in session');
  await shot(page, testInfo, 'nl-meeting-in-session');
  await shot(page, testInfo, 'nl-meeting-in-session-full', true);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, testInfo, 'nl-meeting-in-session-1920');
  await page.setViewportSize({ width: 1366, height: 768 });

  // Text typed but not recorded holds up afronden: the step says so and will not go.
  await page.getByTestId('record-4').click();
  await page.getByTestId('outcome-form-4').getByLabel('Tekst').fill('Het project ligt op schema.');
  await page.getByRole('group', { name: 'Stap in de vergadering' }).getByRole('button', { name: 'Vergadering afronden', exact: true }).click();
  await expect(page.getByTestId('step-confirm').getByRole('alert')).toContainText('nog tekst die niet is vastgelegd');
  await expect(page.getByTestId('step-confirm').getByRole('button', { name: /^Ja, / })).toHaveAttribute('aria-disabled', 'true');
  await page.getByTestId('step-confirm').getByRole('button', { name: /^Ja, / }).click({ force: true });
  await expect(page.getByTestId('meeting-state')).toHaveText('In vergadering');
  await page.getByTestId('step-confirm').getByRole('button', { name: 'Terug' }).click();
  await page.getByTestId('outcome-form-4').getByLabel('Tekst').press('Escape');
  await expect(page.getByTestId('outcome-form-4')).toHaveCount(0);

  // Afronden: the besluit gets its number. A second Enter on the step's button does not take it:
  // the confirmation has the keyboard.
  await page.getByRole('group', { name: 'Stap in de vergadering' }).getByRole('button', { name: 'Vergadering afronden', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-confirm')).toBeVisible();
  await expect(page.getByTestId('meeting-state')).toHaveText('In vergadering');
  // The confirmation has the keyboard on its text (on a busy machine Escape was pressed before it
  // took focus, and went to the page instead).
  await expect(page.getByTestId('step-confirm').locator('p').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('step-confirm')).toHaveCount(0);
  await step(page, 'Vergadering afronden', /B-2026-nn/);
  await expect(page.getByTestId('meeting-state')).toHaveText('Afgerond (besluitenlijst concept)');
  await expect(page.getByTestId('outcomes-7')).toContainText('B-2026-01 Het TB stemt in met het nieuwe C&R-proces.');

  // The dossier panel: Besproken in, with the remark; the remark is not the dossier's Toelichting.
  await page.getByTestId('agenda-item-7').getByRole('button', { name: /^Dossier 4/ }).click();
  const panel = page.getByTestId('dossier-panel');
  await expect(panel.getByTestId('dossier-discussed')).toContainText('TB-2026-01');
  await expect(panel.getByTestId('dossier-discussed')).toContainText('Voorzitter: graag een planning per kwartaal.');
  await expect(panel.getByLabel('Toelichting')).not.toHaveValue(/planning per kwartaal/);
  await expectNoViolations(page, 'dossier panel with Besproken in');
  await shot(page, testInfo, 'nl-dossier-discussed');
  await page.keyboard.press('Escape');

  // The next meeting approves the besluitenlijst.
  await page.getByRole('button', { name: '← Alle vergaderingen' }).click();
  await page.getByRole('button', { name: 'Nieuwe vergadering' }).click();
  await page.getByRole('form', { name: 'Nieuwe vergadering' }).getByRole('button', { name: 'Vergadering plannen' }).click();
  await expect(page.getByTestId('meeting-page').getByRole('heading', { level: 2 })).toHaveText('TB-2026-02 · 30-11-2026 · Reguliere vergadering');
  await step(page, 'Agenda vaststellen', /bewaard/);
  await step(page, 'Vergadering openen', /besluiten/);
  const approve = page.getByTestId('approve-form');
  await expect(approve).toContainText('Besluitenlijst van TB-2026-01 vaststellen');
  await approve.getByRole('button', { name: 'Besluitenlijst vaststellen' }).click();
  await expect(page.getByTestId('outcomes-2')).toContainText('De besluitenlijst van TB-2026-01 wordt ongewijzigd vastgesteld.');
  await expect(page.getByTestId('meeting-page')).toContainText('Stelt de besluitenlijst vast van: TB-2026-01');
  await expect(page.getByTestId('changes-since')).toContainText('Sinds TB-2026-01');
  await shot(page, testInfo, 'nl-meeting-approves');

  // TB-2026-01 is final now: no forms, a notice that says how to correct.
  await page.getByRole('button', { name: '← Alle vergaderingen' }).click();
  await expect(page.getByTestId('meeting-table')).toContainText('Besluitenlijst vastgesteld');
  await expectNoViolations(page, 'meetings list');
  await shot(page, testInfo, 'nl-meetings-list');
  await page.getByRole('button', { name: 'TB-2026-01', exact: true }).click();
  await expect(page.getByTestId('final-notice')).toContainText('Besluitenlijst vastgesteld in TB-2026-02 (ongewijzigd vastgesteld)');
  await expect(page.getByTestId('outcome-form-7')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Persoon toevoegen' })).toHaveCount(0);
  // The register as it was when the agenda was fixed, read-only.
  await page.getByTestId('frozen-view').getByRole('button', { name: 'Bij afronding' }).click();
  await expect(page.getByTestId('frozen-content')).toContainText('B-2026-01 Het TB stemt in met het nieuwe C&R-proces.');
  await expectNoViolations(page, 'meeting page, vastgesteld');
  await shot(page, testInfo, 'nl-meeting-final');

  // The besluitenlijst across meetings, searchable.
  await nav.getByRole('button', { name: 'Besluitenlijst', exact: true }).click();
  const decisions = page.getByTestId('decision-table');
  await expect(decisions.locator('tbody tr')).toHaveCount(2);
  await page.getByTestId('decision-search').fill('c&r-proces');
  await expect(decisions.locator('tbody tr')).toHaveCount(1);
  await expect(decisions).toContainText('B-2026-01');
  await expectNoViolations(page, 'besluitenlijst');
  await shot(page, testInfo, 'nl-besluitenlijst');

  // In English, the same screens.
  await page.getByLabel('Taal').selectOption('en');
  await expectNoViolations(page, 'decision list (en)');
  await nav.getByRole('button', { name: 'Meetings', exact: true }).click();
  await expect(page.getByTestId('meeting-table')).toBeVisible();
  await expectNoViolations(page, 'meetings list (en)');
  await nav.getByRole('button', { name: 'Administration', exact: true }).click();
  await expect(page.getByTestId('agenda-template')).toBeVisible();
  await expectNoViolations(page, 'administration with the agenda template (en)');
  await nav.getByRole('button', { name: 'Meetings', exact: true }).click();
  await page.getByRole('button', { name: 'TB-2026-02', exact: true }).click();
  await expect(page.getByTestId('meeting-state')).toHaveText('In session');
  await expectNoViolations(page, 'meeting page (en)');
  await shot(page, testInfo, 'en-meeting');

  // What reached the disk: every change has its author.
  const authors = await shell.readRegister((db) => db.prepare(`SELECT DISTINCT author FROM change WHERE call LIKE 'meeting.%' OR call LIKE 'outcome.%'`).pluck().all());
  expect(authors).toEqual(['Secretariaat TB']);
});

test('the agenda template is edited in Beheer, and an agenda item is dragged to its place', async ({ page, shell }, testInfo) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('dossier-table')).toBeVisible();
  const nav = page.getByRole('navigation');
  const existing = await shell.readRegister((db) => db.prepare('SELECT count(*) FROM agenda_template_item').pluck().get());
  expect(existing).toBe(8);
  // A meeting planned before the template changes keeps its agenda.
  await nav.getByRole('button', { name: 'Vergaderingen', exact: true }).click();
  await page.getByRole('button', { name: 'Nieuwe vergadering' }).click();
  await page.getByRole('form', { name: 'Nieuwe vergadering' }).getByRole('button', { name: 'Vergadering plannen' }).click();
  await expect(page.getByTestId('agenda').locator('> li')).toHaveCount(7);

  await nav.getByRole('button', { name: 'Beheer', exact: true }).click();
  const template = page.getByTestId('agenda-template');
  await expect(template.locator('ol > li')).toHaveCount(8);
  await template.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
  await expect(template.getByLabel('Titel').last()).toBeFocused();
  await template.getByLabel('Titel').last().fill('Terugkoppeling Europese ontwikkelingen');
  await template.getByLabel('Minuten').last().fill('tien');
  await template.getByRole('button', { name: 'Sjabloon opslaan' }).click();
  // A wrong value is refused in its own row, tied to its field, in Dutch, and nothing is saved.
  await expect(template.locator('ol > li').last().getByRole('alert')).toContainText('Agendapunt 9: Niet opgeslagen: Duur moet een aantal minuten zijn');
  await expect(template.getByLabel('Minuten').last()).toHaveAttribute('aria-invalid', 'true');
  await expect(template.getByLabel('Minuten').last()).toHaveAccessibleDescription(/moet een aantal minuten zijn/);
  await template.getByLabel('Minuten').last().fill('10');
  await template.getByRole('button', { name: 'Sjabloon opslaan' }).click();
  await expect(template.getByRole('button', { name: 'Sjabloon opslaan' })).toHaveAttribute('aria-disabled', 'true');
  await expectNoViolations(page, 'beheer with the agenda template');
  await shot(page, testInfo, 'nl-beheer-template', true);

  await nav.getByRole('button', { name: 'Vergaderingen', exact: true }).click();
  await page.getByRole('button', { name: 'TB-2026-01', exact: true }).click();
  await expect(page.getByTestId('agenda').locator('> li')).toHaveCount(7);
  await page.getByRole('button', { name: '← Alle vergaderingen' }).click();
  await page.getByRole('button', { name: 'Nieuwe vergadering' }).click();
  await page.getByRole('form', { name: 'Nieuwe vergadering' }).getByRole('button', { name: 'Vergadering plannen' }).click();
  await expect(page.getByTestId('agenda').locator('> li')).toHaveCount(8);
  await expect(page.getByTestId('agenda-item-8')).toContainText('Terugkoppeling Europese ontwikkelingen');

  // Dragged by the mouse: the last item onto the first place (on a screen tall enough to hold both).
  await page.setViewportSize({ width: 1366, height: 1600 });
  await page.getByTestId('agenda-item-8').dragTo(page.getByTestId('agenda-item-1'));
  await expect(page.getByTestId('agenda-item-1')).toContainText('Terugkoppeling Europese ontwikkelingen');
  await expect(page.getByTestId('agenda-item-2')).toContainText('Opening en vaststelling van de agenda');
});

test('a meeting dated later says when it can be opened, before anything is confirmed', async ({ page, shell }) => {
  // It asked "Vergadering openen?" first and refused after (review of issue 14).
  await callShell(shell.url, 'meeting.create', { date: '2026-12-09', kind: 'regulier' });
  await callShell(shell.url, 'meeting.setState', { number: 'TB-2026-01', state: 'agenda_vastgesteld' });
  await page.goto(shell.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Vergaderingen', exact: true }).click();
  await page.getByTestId('meeting-table').getByRole('button', { name: 'TB-2026-01' }).click();
  const open = page.getByRole('button', { name: 'Vergadering openen' });
  await expect(open).toHaveAttribute('aria-disabled', 'true');
  await expect(open).toHaveAccessibleDescription('De vergadering kan op 09-12-2026 worden geopend.');
  // Pressed anyway (it keeps the keyboard, as aria-disabled does): nothing to confirm.
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-confirm')).toHaveCount(0);
  await expect(open).toBeFocused();
});
