// Issue 16.9: a lawyer cites a campaign page she saved from the web. The page names no address, so
// the note would carry only organisation and title: the checks say what the note lacks, in words,
// and take her to the source's details to fill the gap without leaving the draft; the note then
// prints the address and the day the page was read.
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

const DOSSIER = 'Kazakhstan — freedom of association';
const PAGE = 'campaign-page-kazakhstan-fundamental-rights.html';
const ADDRESS = 'https://www.ituc-csi.org/kazakhstan-must-respect-democracy';
const QUOTE = 'the authorities adopted a regressive law on trade unions in 2014';

async function theSource(page: Page): Promise<{ id: string; accessed: string | null; accessedSource: string | null }> {
  const [dossier] = (await callFromPage<{ id: string; title: string }[]>(page, 'dossier.list', {})).filter(
    (d) => d.title === DOSSIER,
  );
  const [source] = await listFromPage<{ id: string; accessed: string | null; accessedSource: string | null }[]>(
    page,
    'source.list',
    { dossierId: dossier?.id },
  );
  if (!source) throw new Error('source missing');
  return source;
}

test('a note citing a saved web page without its address is flagged, and the source details fill the gap', async ({
  upright,
}) => {
  test.setTimeout(150_000);
  const { page } = upright;
  await createVaultThroughUi(page);
  await createDossierThroughUi(page, DOSSIER);
  await page.getByTestId('file-input').setInputFiles(`tests/fixtures/documents/${PAGE}`);
  // A busy machine can take a while to start the parse worker.
  await expect(page.getByTestId('import-results')).toContainText('Imported', { timeout: 90_000 });
  const source = await theSource(page);
  // The page records no date of its own: the file's modification day stands in, and says so.
  expect(source).toMatchObject({
    accessed: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    accessedSource: 'file_modified',
  });
  // The reader's details show that day and where it came from; the page named no address.
  const sources = page.getByRole('table').filter({ hasText: 'Kind' });
  await sources.getByRole('row').filter({ hasText: PAGE }).getByRole('button').first().click();
  const details = page.getByRole('form', { name: 'Source details' });
  await expect(details.getByLabel('Web address it was read at')).toHaveValue('');
  await expect(details.getByLabel(/^Accessed on/)).toHaveValue(source.accessed as string);
  await expect(details).toContainText('The day the saved file was last changed');
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByText(DOSSIER).click();
  const { text } = await callFromPage<{ text: string }>(page, 'source.get', { id: source.id });
  const start = text.indexOf(QUOTE);
  expect(start).toBeGreaterThanOrEqual(0);
  await callFromPage(page, 'excerpt.create', { sourceId: source.id, start, end: start + QUOTE.length });

  await page.getByRole('tab', { name: 'Drafts' }).click();
  await page.getByLabel('Title', { exact: true }).fill('UPR Kazakhstan — unions');
  await page.getByLabel(/Individual submission/).check();
  await page.getByRole('button', { name: 'Create submission' }).click();
  const body = page.getByRole('textbox', { name: 'Submission text' });
  await expect(body).toBeVisible();
  const paragraph = page.locator('.draft-body p').first();
  await paragraph.click();
  await page.keyboard.press('End');
  await page.keyboard.type('The 2014 trade union law left no room for independent unions');
  await page.keyboard.press('Control+Shift+KeyC');
  const picker = page.getByRole('dialog', { name: 'Cite an excerpt' });
  await page.keyboard.type('regressive law');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(body.locator('.citation')).toHaveCount(1);
  await expect(page.getByTestId('draft-status')).toContainText('Saved');

  // The checks say, in words, what the note lacks for a web source of this kind.
  await page.getByRole('tab', { name: /^Checks/ }).click();
  const checks = page.getByRole('tabpanel');
  await page.getByRole('button', { name: 'Run checks again' }).click();
  const warning = checks.locator('li', { has: page.locator('[data-rule="note-incomplete"]') });
  await expect(warning).toContainText(
    'Note 1 names “Kazakhstan must respect democracy and fundamental rights” without its date and the web address it was saved from.',
  );
  await snap(page, '45-note-incomplete-check');

  // The fix: the source's details open over the draft, in the first field the note lacks.
  await warning.getByRole('button', { name: 'Fill in the source’s details' }).click();
  const dialog = page.getByRole('dialog', { name: /Source details/ });
  await expect(dialog.getByLabel(/^Date/)).toBeFocused();
  await expect(dialog).toContainText('without its date and the web address it was saved from');
  await expect(dialog.getByText(/The day the saved file was last changed/)).toBeVisible();
  await expectAccessible(page, 'source details over a draft');
  await snap(page, '46-source-details-dialog');
  await dialog.getByLabel(/^Date/).fill('2022-01-12');
  await dialog.getByLabel('Web address it was read at').fill(ADDRESS);
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();

  // The checks ran again: the warning is gone, and the note names where and when it was read.
  await expect(checks.locator('[data-rule="note-incomplete"]')).toHaveCount(0);
  const day = (await theSource(page)).accessed as string;
  const [y, m, d] = day.split('-').map(Number);
  const accessedWords = new Date(Date.UTC(y as number, (m as number) - 1, d)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  await expect(page.getByTestId('footnotes')).toContainText(
    `ITUC, Kazakhstan must respect democracy and fundamental rights, 12 January 2022, available at ${ADDRESS}, accessed ${accessedWords}.`,
  );
  await page.getByTestId('footnotes').scrollIntoViewIfNeeded();
  await snap(page, '47-note-with-address');
});
