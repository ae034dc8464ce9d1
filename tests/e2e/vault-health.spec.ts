import { createVaultThroughUi, expect, snap, test } from './support/app.ts';

test.describe('what protects the vault, in Settings', () => {
  // One minute lasts 1.5 seconds in this bridge: the idle check (after 5 idle minutes) runs within
  // about 8 s, well before the auto-lock's 10 minutes (15 s).
  test.use({ autoLockMinuteMs: 1500 });

  test('shows the key derivation, and the full check run by itself while the monitor was away', async ({ upright }) => {
    test.skip(upright.target !== 'chromium', 'shortens idle minutes through the bridge');
    const { page } = upright;
    await createVaultThroughUi(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    // The e2e vaults use a cheap key derivation (8 MiB, 1 pass); a real vault shows its calibration.
    await expect(page.getByTestId('vault-kdf')).toHaveText('Argon2id, 8 MiB × 1 pass');
    await expect(page.getByTestId('vault-cipher')).toHaveText('AEGIS-256'); // a new vault's pages
    await expect(page.getByTestId('vault-full-check')).toHaveText(/^Not yet\. It runs by itself once a day/);

    // Nobody touches anything: the check runs in the main process and the page is told.
    await expect(page.getByTestId('vault-full-check')).toHaveText(/: no damage found$/, { timeout: 12_000 });
    await snap(page, 'vault-health-settings');
  });

  test('choosing "Verify vault" records the full check too', async ({ upright }) => {
    const { page } = upright;
    await createVaultThroughUi(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByTestId('vault-full-check')).toHaveText(/^Not yet/);
    await page.getByRole('button', { name: 'Verify vault' }).click();
    await expect(page.getByTestId('vault-full-check')).toHaveText(/: no damage found$/);
  });
});
