// Backups and a damaged register, as the secretary meets them in the workspace.
import { test, expect } from './shell';

test('make a backup, change a dossier, and restore the backup from the Beheer view', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Beheer' }).click();
  const table = page.getByTestId('backup-table');
  // The shell made one at start.
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await page.getByRole('button', { name: 'Nu een reservekopie maken' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(2);

  await page.getByRole('navigation').getByRole('button', { name: 'Dossiers' }).click();
  await page.getByRole('button', { name: 'Verplichtstellen 2FA' }).click();
  await page.getByTestId('dossier-title').fill('Verplichtstellen 2FA (aangepast)');
  await page.getByTestId('dossier-title').press('Enter');
  await expect(page.locator('tr[data-number="2"]')).toContainText('(aangepast)');
  // The change is in the dossier's audit trail.
  await page.getByText('Wijzigingsgeschiedenis').click();
  await expect(page.getByTestId('dossier-audit')).toContainText('titel: Verplichtstellen 2FA → Verplichtstellen 2FA (aangepast)');
  await page.getByTestId('dossier-panel').getByRole('button', { name: 'Sluiten' }).click();

  await page.getByRole('navigation').getByRole('button', { name: 'Beheer' }).click();
  await table.locator('tbody tr').first().getByRole('button', { name: /^Terugzetten/ }).click();
  await expect(table.getByText('Van de huidige stand wordt eerst een reservekopie gemaakt.')).toBeVisible();
  await table.getByRole('button', { name: 'Ja, terugzetten' }).click();
  await expect(page.getByTestId('announcement')).toContainText('teruggezet');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await page.getByRole('navigation').getByRole('button', { name: 'Dossiers' }).click();
  await expect(page.locator('tr[data-number="2"]')).not.toContainText('(aangepast)');
  void shell;
});

test.describe('a damaged register', () => {
  test.use({ registerDamaged: true });

  test('opens read-only with the reason, says what cannot be read, and the newest good backup brings it back', async ({ page, shell }) => {
    await page.goto(shell.url);
    const banner = page.getByTestId('damaged');
    await expect(banner).toContainText('Het register is alleen-lezen geopend: The register is damaged');
    // What cannot be read is said, not shown as an empty register.
    await expect(page.getByRole('alert').filter({ hasText: 'Het register antwoordde met een fout' })).toContainText('malformed');

    await banner.getByRole('button', { name: 'Nieuwste goede reservekopie terugzetten' }).click();
    await expect(banner).toBeHidden();
    await page.getByRole('button', { name: 'Meerdere Dienstafnemers in één response bericht' }).click();
    const title = page.getByTestId('dossier-title');
    await title.fill('Meerdere Dienstafnemers in één bericht');
    await title.press('Enter');
    await expect(page.locator('tr[data-number="15"]')).toContainText('Meerdere Dienstafnemers in één bericht');
    void shell;
  });
});
