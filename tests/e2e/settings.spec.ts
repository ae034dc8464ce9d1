import { readdir } from 'node:fs/promises';
import {
  createVaultThroughUi,
  expect,
  expectAccessible,
  lockThroughUi,
  PASSPHRASE,
  snap,
  test,
} from './support/app.ts';

test.describe('a monitor looks after the vault', () => {
  test('sets auto-lock, backs up, verifies and changes the passphrase', async ({ upright }) => {
    const { page, backupDir } = upright;
    await createVaultThroughUi(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expectAccessible(page, 'settings');

    const minutes = page.getByLabel('Lock after this many minutes without activity');
    await expect(minutes).toHaveValue('10');
    await minutes.fill('0');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert')).toContainText('from 1 to 240');
    await minutes.fill('5');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('contentinfo')).toContainText('Auto-lock after 5 min');

    await page.getByRole('button', { name: 'Back up now…' }).click();
    await expect(page.getByText(/Encrypted backup written to/)).toBeVisible();
    expect((await readdir(backupDir)).length).toBe(1);

    await page.getByRole('button', { name: 'Verify vault' }).click();
    await expect(page.getByTestId('verify-report')).toContainText('Everything is intact.');
    await snap(page, '07-settings');

    const newPassphrase = 'a brand new passphrase for the vault';
    await page.getByLabel('Current passphrase').fill('wrong current passphrase');
    await page.getByLabel(/^New passphrase/).fill(newPassphrase);
    await page.getByLabel('Repeat the new passphrase').fill(newPassphrase);
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await expect(page.getByRole('alert')).toContainText('does not open this vault');
    await page.getByLabel('Current passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await expect(page.getByText('Passphrase changed.')).toBeVisible();

    await lockThroughUi(page);
    await page.getByLabel('Passphrase', { exact: true }).fill(newPassphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('contentinfo')).toContainText('Auto-lock after 5 min');
  });
});
