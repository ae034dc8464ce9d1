import {
  createVaultThroughUi,
  expect,
  expectAccessible,
  lockThroughUi,
  PASSPHRASE,
  snap,
  test,
} from './support/app.ts';

test.describe('a monitor opens Upright for the first time', () => {
  test('creates a vault with a strong passphrase, keeps the recovery key, and lands on the overview', async ({
    upright,
  }) => {
    const { page } = upright;
    await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
    await expectAccessible(page, 'create vault');

    // A short passphrase is refused before anything is written.
    await page.getByLabel('Passphrase', { exact: true }).fill('short pass');
    await page.getByLabel('Repeat the passphrase').fill('short pass');
    await expect(page.getByText('Use at least 12 characters')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create vault' })).toBeDisabled();

    // Mismatched repetition is pointed out.
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Repeat the passphrase').fill(`${PASSPHRASE}x`);
    await expect(page.getByText('The two passphrases differ.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create vault' })).toBeDisabled();
    await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
    await expect(page.getByText('Very strong')).toBeVisible();
    await snap(page, '01-create-vault');

    await page.getByRole('button', { name: 'Create vault' }).click();
    await expect(page.getByRole('heading', { name: 'Write down your recovery key' })).toBeVisible();
    const groups = await page.getByTestId('recovery-key').locator('span').allInnerTexts();
    expect(groups.length).toBeGreaterThanOrEqual(8);
    await expect(page.getByRole('button', { name: 'Continue to Upright' })).toBeDisabled();
    await expectAccessible(page, 'recovery key');
    await snap(page, '02-recovery-key');
    await page.getByLabel('I wrote the recovery key down').check();
    await page.getByRole('button', { name: 'Continue to Upright' }).click();

    await expect(page.getByRole('heading', { name: 'Dossiers', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No dossiers yet' })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText('Vault unlocked');
    await expectAccessible(page, 'empty dossier list');
    await snap(page, '03-dossiers-empty');

    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByTestId('vault-state')).toHaveText('Unlocked');
    await expect(page.getByTestId('app-version')).toHaveText(/^\d+\.\d+\.\d+/);
  });

  test('the recovery key opens the vault when the passphrase is forgotten', async ({ upright }) => {
    const { page } = upright;
    const recoveryKey = await createVaultThroughUi(page);
    await lockThroughUi(page);
    await page.getByRole('button', { name: 'Forgot the passphrase? Use the recovery key' }).click();
    await expectAccessible(page, 'recover');
    await page.getByRole('textbox', { name: 'Recovery key' }).fill(recoveryKey.toLowerCase());
    await page.getByLabel(/New passphrase/).fill('another long passphrase for tests');
    await snap(page, '04-recover');
    await page.getByRole('button', { name: 'Open and set new passphrase' }).click();
    await expect(page.getByRole('heading', { name: 'Dossiers', exact: true })).toBeVisible();

    await lockThroughUi(page, 'shortcut');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toContainText('does not open this vault');
    await page.getByLabel('Passphrase', { exact: true }).fill('another long passphrase for tests');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { name: 'Dossiers', exact: true })).toBeVisible();
  });
});
