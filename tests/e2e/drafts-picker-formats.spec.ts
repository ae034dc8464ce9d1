// A lawyer imported a campaign page as PDF and as Word. In the citation picker, words she had written
// in a note on the PDF's excerpt came first, Enter cited it, and the footnote named the wrong file.
// Now quote matches come first, and every place that names a source says which format it is.
import type { Page } from '@playwright/test';
import {
  callFromPage,
  createDossierThroughUi,
  createVaultThroughUi,
  expect,
  expectAccessible,
  listFromPage,
  snap,
  test,
} from './support/app.ts';

const DOSSIER = 'Kazakhstan — one page in two formats';
const PDF = 'campaign-page-kazakhstan-fundamental-rights.pdf';
const DOCX = 'campaign-page-kazakhstan-fundamental-rights.docx';
const QUOTE = 'The Confederation of independent trade unions of Kazakhstan (KNPRK) was liquidated in March 2017';
const CONTEXT = 'Social dialogue is virtually non-existent';
const UNION = 'Confederation of Independent Trade Unions of Kazakhstan';

interface Source {
  id: string;
  format: string;
  fileName: string;
}

/** Imports the PDF, then the Word file, through the visible importer; returns both sources. */
async function importBothFormats(page: Page): Promise<{ pdf: Source; docx: Source; dossierId: string }> {
  await createVaultThroughUi(page);
  await createDossierThroughUi(page, DOSSIER);
  const input = page.getByTestId('file-input');
  const results = page.getByTestId('import-results');
  await input.setInputFiles(`tests/fixtures/documents/${PDF}`);
  await expect(results).toContainText('Imported', { timeout: 60_000 });
  await input.setInputFiles(`tests/fixtures/documents/${DOCX}`);
  const row = results.getByRole('row').filter({ hasText: DOCX });
  await expect(row).toContainText('Same text as', { timeout: 60_000 });
  const [dossier] = (await callFromPage<{ id: string; title: string }[]>(page, 'dossier.list', {})).filter(
    (d) => d.title === DOSSIER,
  );
  const dossierId = dossier?.id as string;
  const sources = await listFromPage<Source[]>(page, 'source.list', { dossierId });
  const pdf = sources.find((s) => s.format === 'pdf');
  const docx = sources.find((s) => s.format === 'docx');
  if (!pdf || !docx) throw new Error('both formats should be imported');
  return { pdf, docx, dossierId };
}

async function mark(page: Page, source: Source, phrase: string, note = ''): Promise<string> {
  const { text } = await callFromPage<{ text: string }>(page, 'source.get', { id: source.id });
  const start = text.indexOf(phrase);
  expect(start, `"${phrase}" in the ${source.format} text`).toBeGreaterThanOrEqual(0);
  const excerpt = await callFromPage<{ id: string }>(page, 'excerpt.create', {
    sourceId: source.id,
    start,
    end: start + phrase.length,
    ...(note ? { note } : {}),
  });
  return excerpt.id;
}

test.describe('citing from one document imported in two formats', () => {
  test('Enter cites the excerpt whose quote says the words, not one whose note mentions them', async ({ upright }) => {
    const { page } = upright;
    const { pdf, docx } = await importBothFormats(page);
    // The PDF came first, so in source order its excerpt — a note-only match — would lead.
    await mark(page, pdf, CONTEXT, 'Background to the KNPRK being liquidated in March 2017');
    const quoted = await mark(page, docx, QUOTE);

    await page.getByRole('tab', { name: 'Drafts' }).click();
    await page.getByLabel('Title', { exact: true }).fill('UPR Kazakhstan — unions');
    await page.getByLabel(/Individual submission/).check();
    await page.getByRole('button', { name: 'Create submission' }).click();
    const body = page.getByRole('textbox', { name: 'Submission text' });
    await expect(body).toBeVisible();
    await page.locator('.draft-body p').first().click();
    await page.keyboard.type('The KNPRK was dissolved by a court');

    await page.keyboard.press('Control+Shift+KeyC');
    const picker = page.getByRole('dialog', { name: 'Cite an excerpt' });
    await expect(picker.getByRole('combobox')).toBeFocused();
    await page.keyboard.type('liquidated in March 2017');
    const options = picker.getByRole('option');
    await expect(options).toHaveCount(2);
    // Each row names its source, its format and its place; the note match says why it is there.
    await expect(options.first()).toContainText('KNPRK) was liquidated');
    await expect(options.first()).toContainText('Word');
    await expect(options.first()).toContainText(/para\. \d+/);
    await expect(options.last()).toContainText(CONTEXT);
    await expect(options.last()).toContainText('PDF');
    await expect(options.last()).toContainText(/p\. 1/);
    await expect(options.last()).toContainText('Note: Background to the KNPRK');
    await snap(page, '40-picker-quote-first');
    await expectAccessible(page, 'citation picker with formats');
    await page.keyboard.press('Enter');
    await expect(picker).toBeHidden();

    await expect(body.locator('.citation')).toHaveCount(1);
    await expect(body.locator('.citation')).toHaveAttribute('data-excerpt-id', quoted);
    // The note list says which rendition the note cites.
    const notes = page.getByTestId('footnotes');
    await expect(notes.getByRole('listitem')).toHaveCount(1);
    await expect(notes.locator('.format-badge')).toHaveText('Word');
    await snap(page, '41-footnote-format');
  });

  test('the reader, the excerpt list and the entity page show each source’s format', async ({ upright }) => {
    const { page } = upright;
    const { pdf, docx } = await importBothFormats(page);
    // The offer says what linking does, and a link made by mistake can be undone right there.
    const offer = page.getByTestId('import-results').getByRole('row').filter({ hasText: DOCX });
    await expect(offer).toContainText('Probably the same document in another format.');
    await snap(page, '42-import-offers-renditions');
    await offer.getByRole('button', { name: 'Link as renditions' }).click();
    const table = page.getByRole('table').filter({ hasText: 'Kind' });
    await expect(table).toContainText('Same document as PDF');
    await offer.getByRole('button', { name: 'Undo' }).click();
    await expect(offer.getByRole('button', { name: 'Link as renditions' })).toBeVisible();
    await expect(table).not.toContainText('Same document as');
    const union = await callFromPage<{ id: string }>(page, 'entity.create', {
      kind: 'organisation',
      name: UNION,
      aliases: ['KNPRK'],
      pseudonym: null,
      sensitivity: 'normal',
    });
    for (const source of [pdf, docx]) {
      const id = await mark(page, source, QUOTE);
      await callFromPage(page, 'excerpt.update', { id, entityIds: [union.id] });
    }

    // The reader's heading.
    await table.getByRole('row').filter({ hasText: DOCX }).getByRole('button').first().click();
    await expect(page.getByRole('heading', { level: 1 }).locator('.format-badge')).toHaveText('Word');
    await snap(page, '43-reader-format');
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: DOSSIER }).click();
    await table.getByRole('row').filter({ hasText: PDF }).getByRole('button').first().click();
    await expect(page.getByRole('heading', { level: 1 }).locator('.format-badge')).toHaveText('PDF');

    // The excerpt list: the same quote twice, told apart by format.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: DOSSIER }).click();
    await page.getByRole('tab', { name: 'Excerpts' }).click();
    const list = page.getByTestId('excerpt-list');
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list.locator('.format-badge')).toHaveText(['PDF', 'Word']);
    await snap(page, '44-excerpt-list-formats');
    await expectAccessible(page, 'excerpt list with formats');

    // The entity page: linked excerpts and the sources that name it.
    await page.getByRole('button', { name: 'Entities', exact: true }).click();
    await page.getByRole('list', { name: 'Organisations' }).getByRole('button', { name: UNION }).click();
    const linked = page.getByTestId('entity-excerpts');
    await expect(linked.getByRole('listitem')).toHaveCount(2);
    await expect(linked.locator('.format-badge')).toHaveText(['PDF', 'Word']);
    const naming = page.getByTestId('entity-sources');
    await expect(naming.locator('.format-badge')).toHaveCount(2);
    await expect(naming).toContainText('PDF');
    await expect(naming).toContainText('Word');
    await snap(page, '45-entity-page-formats');
    await expectAccessible(page, 'entity page with formats');
  });
});
