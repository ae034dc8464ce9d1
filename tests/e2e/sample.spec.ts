import { expect, expectAccessible, snap, test } from './support/app.ts';

test.describe('a newcomer explores a sample dossier before trusting Upright with real files', () => {
  test('opens the clearly labelled sample, reads a document, and leaves it without a trace', async ({ upright }) => {
    const { page } = upright;
    await page.getByRole('button', { name: 'Explore a sample dossier' }).click();
    await expect(page.getByRole('note')).toContainText('Sample vault.');
    await expect(page.getByRole('contentinfo')).toContainText('Sample vault unlocked');

    const dossier = page.getByRole('button', { name: /Sample: Kazakhstan — freedom of association/ });
    await expect(dossier).toContainText('4 sources');
    await expectAccessible(page, 'sample dossier list');
    await snap(page, '20-sample-dossiers');
    await dossier.click();
    await expect(page.getByRole('table').filter({ hasText: 'Kind' }).getByRole('row')).toHaveCount(5);
    await snap(page, '21-sample-dossier');

    await page.getByRole('button', { name: 'Leave the sample' }).click();
    await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
    // The person's own vault was never created or touched.
    const status = await upright.page.evaluate(() => document.body.textContent ?? '');
    expect(status).not.toContain('Sample: Kazakhstan');
  });
});
