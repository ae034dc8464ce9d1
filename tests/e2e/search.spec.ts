// Finding a word across a dossier without opening each source: the Ctrl/Cmd+K palette and the search
// screen over imported case documents — hits grouped by kind with the words marked, filters, a hit
// opened in the reader at the words found, a search saved and run again, a query the engine cannot
// read worded plainly — and the same in Russian, where a word is found through another of its forms.
import type { Page } from '@playwright/test';
import {
  callFromPage,
  createDossierThroughUi,
  createVaultThroughUi,
  expect,
  expectAccessible,
  listFromPage,
  missingMessagesOn,
  snap,
  test,
} from './support/app.ts';

const DOSSIER = 'Kazakhstan — freedom of association';
const ILO = 'ilo-cas-kazakhstan-c87-2022.pdf';
const ICTUR = 'ictur-upr-submission-kazakhstan.docx';
const FIELD_NOTE = 'field-note-ru.txt';
/** Quoted from the ILO reply and kept as an excerpt, coded "Strikes". */
const STRIKES_QUOTE = 'holding short-term (one-hour) warning strikes';

interface Source {
  id: string;
  fileName: string;
}

/** A dossier holding three imported documents (a PDF with pages, a Word file, a Russian note), one coded excerpt. */
async function dossierWithSources(page: Page): Promise<{ dossierId: string; sources: Source[]; codeId: string }> {
  await createVaultThroughUi(page);
  await createDossierThroughUi(page, DOSSIER);
  const input = page.getByTestId('file-input');
  const results = page.getByTestId('import-results');
  for (const file of [ILO, ICTUR, FIELD_NOTE]) {
    await input.setInputFiles(`tests/fixtures/documents/${file}`);
    await expect(results.getByRole('row').filter({ hasText: file })).toContainText('Imported', { timeout: 90_000 });
  }
  const [dossier] = await callFromPage<{ id: string }[]>(page, 'dossier.list', {});
  const dossierId = dossier?.id ?? '';
  const sources = await listFromPage<Source[]>(page, 'source.list', { dossierId });
  const ilo = sources.find((s) => s.fileName === ILO);
  if (!ilo) throw new Error('the ILO reply was not imported');
  const { text } = await callFromPage<{ text: string }>(page, 'source.get', { id: ilo.id });
  const start = text.indexOf(STRIKES_QUOTE);
  expect(start).toBeGreaterThanOrEqual(0);
  const code = await callFromPage<{ id: string }>(page, 'code.create', { name: 'Strikes' });
  const excerpt = await callFromPage<{ id: string }>(page, 'excerpt.create', {
    sourceId: ilo.id,
    start,
    end: start + STRIKES_QUOTE.length,
  });
  await callFromPage(page, 'excerpt.update', { id: excerpt.id, codeIds: [code.id] });
  return { dossierId, sources, codeId: code.id };
}

test.describe('search', () => {
  test('a monitor finds a word from the palette, narrows it on the search screen, opens it in the reader and saves the search', async ({
    upright,
  }) => {
    // Three imports (a PDF among them) and a dozen searches: about 2 min on a loaded machine.
    test.setTimeout(240_000);
    const { page } = upright;
    await dossierWithSources(page);

    // Ctrl+K from the dossier: the palette searches this dossier, and says so.
    await page.keyboard.press('Control+KeyK');
    const palette = page.getByRole('dialog');
    const box = palette.getByRole('combobox');
    await expect(box).toBeFocused();
    await expect(palette).toContainText(`Searching in ${DOSSIER}.`);
    await box.fill('strikes');
    const options = palette.getByRole('option');
    await expect(options.first()).toBeVisible();
    const kinds = palette.locator('.palette-kind');
    await expect(kinds.filter({ hasText: /^\d+ passages? in sources$/ })).toBeVisible();
    await expect(kinds.filter({ hasText: /^1 excerpt$/ })).toBeVisible();
    // The words found are marked in each snippet, as elements (not markup from the document).
    await expect(options.first().locator('mark').first()).toHaveText(/^strikes?$/i);
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await snap(page, '70-search-palette');
    await expectAccessible(page, 'search palette');

    // Arrows move the choice; Enter opens the passage in the reader with the word marked.
    await box.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await box.press('ArrowUp');
    const firstTitle = (await options.first().locator('.hit-title').textContent()) ?? '';
    await box.press('Enter');
    await expect(palette).toBeHidden();
    const reader = page.getByTestId('reader-text');
    await expect(reader.locator('mark.current')).toHaveText(/^strikes?$/i);
    await expect(reader.locator('mark.current')).toBeInViewport();
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(firstTitle);
    await snap(page, '71-search-hit-in-reader');

    // Esc closes the palette without going anywhere.
    await page.keyboard.press('Control+KeyK');
    await expect(palette).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
    await expect(reader).toBeVisible();

    // The search screen, from the navigation: every hit, grouped by kind, with counts.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Search' }).click();
    await page.getByLabel('Search for').fill('strike*');
    const results = page.getByRole('region', { name: 'Results' });
    await expect(results.getByRole('heading', { name: /passages? in sources/ })).toBeVisible();
    await expect(results.getByRole('heading', { name: /^1 excerpt$/ })).toBeVisible();
    await expect(page.locator('.search-summary')).toContainText(/\d+ results/);
    // Source passages carry their format and, for the PDF, the page they are printed on.
    await expect(results.locator('.format-badge', { hasText: 'PDF' }).first()).toBeVisible();
    await expect(results.locator('.hit-page').first()).toHaveText(/^p\. \d+$/);
    await snap(page, '72-search-screen');
    await expectAccessible(page, 'search screen');

    // Filters: only the excerpts coded "Strikes", in this dossier.
    await page.getByLabel('Dossier').selectOption({ label: DOSSIER });
    await page.getByLabel('Show').selectOption({ label: 'Excerpts and notes' });
    await page.getByLabel('Code').selectOption({ label: 'Strikes' });
    await expect(results.getByRole('button')).toHaveCount(1);
    await expect(results.getByRole('button').first()).toContainText('warning');
    await snap(page, '73-search-filtered');

    // Save it in the dossier, clear the screen, run it again from the list.
    await page.getByLabel('Name for this search').fill('Strikes in excerpts');
    await page.getByRole('button', { name: 'Save this search' }).click();
    const saved = page.getByRole('complementary', { name: 'Saved searches' });
    await expect(saved.getByRole('button', { name: 'Strikes in excerpts', exact: true })).toBeVisible();
    await page.getByRole('button', { name: /Clear \d filters/ }).click();
    await page.getByLabel('Search for').fill('Karaganda');
    await expect(page.getByLabel('Code')).toHaveValue('');
    await saved.getByRole('button', { name: 'Strikes in excerpts', exact: true }).click();
    await expect(page.getByLabel('Search for')).toHaveValue('strike*');
    await expect(page.getByLabel('Show')).toHaveValue('excerpt');
    await expect(results.getByRole('button')).toHaveCount(1);
    await snap(page, '74-search-saved-run');

    // The excerpt hit opens its source with the excerpt chosen and the word marked.
    await results.getByRole('button').first().click();
    await expect(reader.locator('mark.current')).toHaveText(/^strikes?$/i);

    // Back returns to the same results.
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(page.getByLabel('Search for')).toHaveValue('strike*');

    // A query the engine cannot read is worded plainly, with how to write one.
    await page.getByRole('button', { name: /Clear \d filters/ }).click();
    await page.getByLabel('Search for').fill('"warning strikes');
    const problem = page.locator('.search-problem');
    await expect(problem).toContainText('A quotation mark is not closed');
    await expect(problem).not.toContainText(/fts5|sqlite|syntax error/i);
    await snap(page, '75-search-syntax-error');

    // Nothing found: what to try.
    await page.getByLabel('Search for').fill('zzyzzyva');
    await expect(page.getByText('Nothing found for “zzyzzyva”.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Search all dossiers' })).toBeVisible();
    await snap(page, '76-search-nothing-found');

    // Forget the saved search.
    await saved.getByRole('button', { name: 'Forget the saved search “Strikes in excerpts”' }).click();
    await expect(saved.getByRole('button', { name: 'Strikes in excerpts', exact: true })).toHaveCount(0);
    expect(await missingMessagesOn(page)).toEqual([]);
  });

  test('in Russian, a word is found through another of its forms, and the search speaks Russian', async ({
    upright,
  }) => {
    test.setTimeout(240_000);
    const { page } = upright;
    await dossierWithSources(page);
    await callFromPage(page, 'app.setPreferences', { language: 'ru' });
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Главное меню' })).toBeVisible();

    // The note says "в государственной регистрации"; the monitor types the accusative, "регистрацию".
    await page.keyboard.press('Control+KeyK');
    const palette = page.getByRole('dialog');
    await expect(palette).toContainText('Поиск по всем досье.');
    await palette.getByRole('combobox').fill('регистрацию');
    const first = palette.getByRole('option').first();
    await expect(first).toContainText('Полевая заметка');
    await expect(first.locator('mark').first()).toHaveText(/^регистраци[а-я]*$/i);
    await expect(palette).toContainText(/\d+ (место|места|мест) в источниках/);
    await snap(page, '77-search-palette-ru');
    await palette.getByRole('combobox').press('Enter');
    await expect(page.getByTestId('reader-text').locator('mark.current')).toHaveText(/^регистраци[а-я]*$/i);

    // The search screen in Russian, with a Russian plural and a worded syntax error.
    await page.getByRole('navigation', { name: 'Главное меню' }).getByRole('button', { name: 'Поиск' }).click();
    await page.getByLabel('Что искать').fill('профсоюз*');
    await expect(page.locator('.search-summary')).toContainText(/\d+ результат(а|ов)?/);
    await snap(page, '78-search-screen-ru');
    await page.getByLabel('Что искать').fill('профсоюз AND');
    await expect(page.locator('.search-problem')).toBeVisible();
    await expect(page.locator('.search-problem')).not.toContainText(/AND, OR and NOT need/);
    await snap(page, '79-search-syntax-error-ru');
    expect(await missingMessagesOn(page)).toEqual([]);
  });
});
