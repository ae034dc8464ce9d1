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

test.describe('a monitor whose key file may have been copied re-encrypts the vault', () => {
  test('changes the passphrase and re-encrypts, writes down the new recovery key, and the old keys stop working', async ({
    upright,
  }) => {
    const { page, backupDir } = upright;
    const oldRecoveryKey = await createVaultThroughUi(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Back up now…' }).click();
    await expect(page.getByText(/Encrypted backup written to/)).toBeVisible();
    expect((await readdir(backupDir)).length).toBe(1);

    // What re-encryption does and does not do is said before it is chosen.
    const explanation = page.locator('.key-explanation');
    await expect(explanation).toContainText('Backups already made are not changed');
    await expect(explanation).toContainText('still open with the old passphrase and the old recovery key');

    const newPassphrase = 'a brand new passphrase after the search';
    await page.getByLabel('Current passphrase').fill(PASSPHRASE);
    await page.getByLabel(/^New passphrase/).fill(newPassphrase);
    await page.getByLabel('Repeat the new passphrase').fill(newPassphrase);
    await page.getByLabel(/re-encrypt the vault/).check();
    await page.getByRole('button', { name: 'Change passphrase and re-encrypt' }).click();
    await expect(page.getByText('Passphrase changed and vault re-encrypted.')).toBeVisible();
    const shown = page.locator('.new-recovery-key').getByTestId('recovery-key');
    await expect(shown.locator('span').first()).toHaveText(/\w{5}/);
    const newRecoveryKey = (await shown.locator('span').allInnerTexts()).join('-');
    expect(newRecoveryKey).not.toBe(oldRecoveryKey);
    await expectAccessible(page, 'settings after re-encryption');
    await page.locator('.new-recovery-key').scrollIntoViewIfNeeded();
    await snap(page, '07b-settings-reencrypted');
    await page.getByLabel('I wrote the new recovery key down').check();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.locator('.new-recovery-key')).toHaveCount(0);

    // The old passphrase no longer opens the vault; the new one does.
    await lockThroughUi(page);
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toContainText('does not open this vault');
    await page.getByLabel('Passphrase', { exact: true }).fill(newPassphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { name: 'Dossiers', exact: true })).toBeVisible();

    // A new recovery key on its own, shown once.
    await page.getByRole('button', { name: 'Settings' }).click();
    const recoveryCard = page.locator('form', { has: page.getByRole('heading', { name: 'Recovery key' }) });
    await recoveryCard.getByLabel('Passphrase', { exact: true }).fill(newPassphrase);
    await recoveryCard.getByRole('button', { name: 'Issue a new recovery key' }).click();
    await expect(recoveryCard.getByTestId('recovery-key').locator('span').first()).toHaveText(/\w{5}/);
    const third = (await recoveryCard.getByTestId('recovery-key').locator('span').allInnerTexts()).join('-');
    expect(third).not.toBe(newRecoveryKey);
    await recoveryCard.scrollIntoViewIfNeeded();
    await snap(page, '07c-settings-new-recovery-key');
  });
});
