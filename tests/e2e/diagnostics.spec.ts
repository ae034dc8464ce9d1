import {
  createVaultThroughUi,
  expect,
  expectAccessible,
  lockThroughUi,
  PASSPHRASE,
  snap,
  test,
} from './support/app.ts';

test.describe('a monitor asks for help after something failed', () => {
  test('copies diagnostics that name the failure but not the passphrase', async ({ upright }) => {
    const { page } = upright;
    await createVaultThroughUi(page);
    // A mistyped passphrase is a failure the helper may want to see.
    await lockThroughUi(page);
    await page.getByLabel('Passphrase', { exact: true }).fill(`${PASSPHRASE} typo`);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toContainText('does not open this vault');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Copy diagnostics' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    const text = page.getByRole('textbox', { name: 'Diagnostics text' });
    await expect(text).toHaveValue(/^Upright \d+\.\d+\.\d+/);
    await expect(text).toHaveValue(/vault\.unlock\s+WRONG_PASSPHRASE/);
    expect(await text.inputValue()).not.toContain(PASSPHRASE);
    await expectAccessible(page, 'settings-diagnostics');
    await snap(page, '08-diagnostics');
  });
});
