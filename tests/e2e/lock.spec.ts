import {
  createDossierThroughUi,
  createVaultThroughUi,
  expect,
  expectAccessible,
  PASSPHRASE,
  snap,
  test,
} from './support/app.ts';

test.describe('a lawyer steps away from the laptop', () => {
  test('Ctrl+L locks the vault and leaves nothing of the workspace in the page', async ({ upright }) => {
    const { page } = upright;
    await createVaultThroughUi(page);
    await createDossierThroughUi(page, 'Confidential case 7731');
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

    await page.keyboard.press('Control+KeyL');
    await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
    const text = await page.evaluate(() => document.body.textContent ?? '');
    for (const workspaceText of [
      'Confidential case 7731',
      'Dossiers',
      'Settings',
      'About Upright',
      'Vault unlocked',
      'Change passphrase',
    ]) {
      expect(text).not.toContain(workspaceText);
    }
    await expectAccessible(page, 'unlock');
    await snap(page, '05-locked');

    await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toHaveText('That passphrase or recovery key does not open this vault.');
    await snap(page, '06-wrong-passphrase');

    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('button', { name: /Confidential case 7731/ })).toBeVisible();
  });

  test('a lock from elsewhere (auto-lock, the menu) reaches the page through subscribe', async ({ upright }) => {
    test.skip(upright.target !== 'chromium', 'drives the services directly through the bridge');
    const { page, preview } = upright;
    await createVaultThroughUi(page);
    // What the idle timer does when it fires:
    preview?.services.vault.lock();
    await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  });
});
