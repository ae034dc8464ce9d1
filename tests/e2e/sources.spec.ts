import { createDossierThroughUi, createVaultThroughUi, expect, expectAccessible, snap, test } from './support/app.ts';

test.describe('a monitor back from the field imports a folder of mixed files', () => {
  test('imports the case folder, sees why the bad files were refused, reads a source and finds a phrase', async ({
    upright,
  }) => {
    // Several imports and an original PDF rendered: over a minute on a loaded CI machine.
    test.setTimeout(180_000);
    const { page } = upright;
    await createVaultThroughUi(page);
    await createDossierThroughUi(page, 'Kazakhstan — freedom of association');
    await expectAccessible(page, 'empty dossier');

    await page.getByRole('button', { name: 'Import a folder…' }).click();
    const results = page.getByTestId('import-results');
    await expect(results).toBeVisible({ timeout: 60_000 });
    await snap(page, '10-import-results');
    await expectAccessible(page, 'import results');

    const row = (file: string) => results.getByRole('row').filter({ hasText: file });
    // The documents of the case import; every bad file says why it did not.
    await expect(row('ilo-cas-kazakhstan-c87-2022.pdf')).toContainText('Imported');
    await expect(row('ilo-cas-kazakhstan-c87-2022.pdf')).toContainText('3 pages');
    await expect(row('field-note-ru.docx')).toContainText('Imported');
    await expect(row('password-protected.pdf')).toContainText('protected with a password');
    await expect(row('scanned-image-only.pdf')).toContainText('no built-in OCR');
    await expect(row('empty.pdf')).toContainText('The file is empty');
    await expect(row('truncated.pdf')).toContainText('Not imported');
    await expect(row('truncated.docx')).toContainText('Not imported');
    await expect(row('not-a-pdf.pdf')).toContainText('Not imported');

    // The same bytes again are recognised, not duplicated.
    await page.getByTestId('file-input').setInputFiles('tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.pdf');
    await expect(results).toContainText('Already imported as');

    const sources = page.getByRole('table').filter({ hasText: 'Kind' });
    await expect(sources.getByRole('row')).not.toHaveCount(0);
    await snap(page, '11-dossier-sources');

    const iloPdf = sources.getByRole('row').filter({ hasText: 'ilo-cas-kazakhstan-c87-2022.pdf' });
    await expect(iloPdf).toContainText('Government reply');
    await expect(iloPdf).toContainText('CAN/D/Kazakhstan-C.87');
    await iloPdf.getByRole('button').click();
    await expect(page.getByTestId('reader-text')).toBeVisible();
    await expect(page.getByTestId('reader-text').getByText('Page 1', { exact: true })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Find in source' }).fill('notification procedure');
    await expect(page.getByText(/1 of \d+/)).toBeVisible();
    await expect(page.locator('mark.current')).toHaveText(/notification procedure/i);
    await expectAccessible(page, 'reader');
    await snap(page, '12-reader-find');

    await page.getByRole('button', { name: 'Original PDF' }).click();
    await expect(page.getByTestId('pdf-original').locator('canvas').first()).toBeVisible();
    await snap(page, '13-reader-original');
  });
});
