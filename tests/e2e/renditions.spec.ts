import { createDossierThroughUi, createVaultThroughUi, expect, expectAccessible, snap, test } from './support/app.ts';

test.describe('a lawyer imports the same report as a PDF and as a Word file', () => {
  test('is told the Word file has the same text, links the two, and sees the format of each source', async ({
    upright,
  }) => {
    // Several imports and an original PDF rendered: over a minute on a loaded CI machine.
    test.setTimeout(180_000);
    const { page } = upright;
    await createVaultThroughUi(page);
    await createDossierThroughUi(page, 'Kazakhstan — renditions');
    const input = page.getByTestId('file-input');
    const results = page.getByTestId('import-results');
    await input.setInputFiles('tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.pdf');
    await expect(results).toContainText('Imported', { timeout: 60_000 });
    await expect(results).not.toContainText('Same text as');

    await input.setInputFiles('tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.docx');
    const row = results.getByRole('row').filter({ hasText: 'ilo-cas-kazakhstan-c87-2022.docx' });
    await expect(row).toContainText('Same text as “Kazakhstan (ratification: 2000)', { timeout: 60_000 });
    await expect(row).toContainText('PDF');
    await row.getByRole('button', { name: 'Link as renditions' }).click();
    await expect(row).toContainText('Linked as renditions of one document.');
    await expectAccessible(page, 'import results with a rendition linked');

    // The sources table names each format and shows the two as one document.
    const sources = page.getByRole('table').filter({ hasText: 'Kind' });
    const docxRow = sources.getByRole('row').filter({ hasText: 'ilo-cas-kazakhstan-c87-2022.docx' });
    await expect(docxRow).toContainText('Word');
    await expect(docxRow).toContainText('Same document as PDF', { timeout: 15_000 });
    await snap(page, '30-renditions-linked');
  });
});
