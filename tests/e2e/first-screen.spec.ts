// The first screen in real Chromium on the browser shell: the 2024 register, read through the contract.
import { test, expect } from './shell';

export const TITLES = [
  'Ondersteunen restgroepen (TRR)',
  'Verplichtstellen 2FA',
  'Realtime inzicht beschikbaarheid en storingen',
  'Change & Release proces vernieuwen',
  'Stelsel Toegang onder de Wdo',
  'Verbeteren discovery service',
  'Diensten die ketenmachtigingen niet ondersteunen',
  'BSN gebruiker voor Nederlandse DV',
  'Organisatiewissel zonder gebruiker interactie',
  'RSIN/BSN intermediair leveren bij ketenmachtiging',
  'Ondersteuning voor geautomatiseerde transacties (M2M)',
  'Dienstenhiërarchie t.b.v. (keten)machtigen',
  'Bevoegdhedenservice (.KvK)',
  'Ondersteuning Notaris t.b.v. Kadaster',
  'Meerdere Dienstafnemers in één response bericht',
];

test('shows the 2024 dossiers and actiepunten in Dutch, and switches to English', async ({ page, shell }) => {
  await page.goto(shell.url);
  const dossiers = page.getByTestId('dossier-table');
  const rows = dossiers.locator('tbody tr[data-number]');
  await expect(rows).toHaveCount(15);
  await expect(dossiers.locator('tbody th.title')).toHaveText(TITLES);
  await expect(page.getByRole('columnheader', { name: 'Voortgangsfase op 01-01-2024' })).toBeVisible();
  const row10 = rows.nth(9);
  await expect(row10.locator('td').nth(1)).toHaveText('Geparkeerd (in Analysefase)');
  await expect(dossiers.getByRole('button', { name: /Hoofddossier \(Keten\)Machtigingen/ })).toHaveAttribute('aria-expanded', 'true');

  await page.getByRole('navigation').getByRole('button', { name: 'Actiepunten' }).click();
  const actiepunten = page.getByTestId('actiepunt-table');
  await expect(actiepunten.locator('tbody tr')).toHaveCount(10);
  await expect(actiepunten.locator('tbody tr').nth(2).locator('li')).toHaveCount(5);
  await expect(actiepunten.locator('tbody tr').nth(5)).toContainText('In elk TB');
  // The whole text of an actiepunt, its second line included (issue 14).
  await expect(actiepunten.locator('tbody tr').nth(1)).toContainText('Incl. een terugkoppeling vanuit Communicatie en vanuit het project Ontvlechting.');
  await expect(page).toHaveTitle('TB-register · Jaarplan eHerkenning 2024');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl-NL');
  // The token left the address bar once it was stored.
  expect(page.url()).not.toContain('token=');
  // The footer names the register and its size (its path is under Beheer).
  await expect(page.locator('footer')).toHaveText('Register register.sqlite · 15 dossiers · 10 actiepunten · 0 vergaderingen');
  // The overview chart's legend in the order of its bars: the reference date, then now.
  await page.getByRole('navigation').getByRole('button', { name: 'Overzicht' }).click();
  await expect(page.locator('.recharts-legend-item-text')).toHaveText(['Op 01-01-2024', 'Nu']);

  await page.getByLabel('Taal').selectOption('en');
  await page.getByRole('navigation').getByRole('button', { name: 'Dossiers' }).click();
  await expect(page.getByRole('columnheader', { name: 'Phase on 01-01-2024' })).toBeVisible();
  await expect(row10.locator('td').nth(1)).toHaveText('Parked (in analysis phase)');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // A reload keeps working: the token survives in session storage, the language in local storage.
  await page.reload();
  await expect(rows).toHaveCount(15);
  await expect(page.getByRole('columnheader', { name: 'Phase now' })).toBeVisible();
});

test('shows the contract error when the token is wrong, instead of an empty register', async ({ page, shell }) => {
  await page.goto(shell.url.replace(/token=[\w-]+/, 'token=wrong'));
  await expect(page.getByRole('alert')).toContainText('Missing or wrong token');
});
