// The reader and the excerpt list share one query cache: an edit in one shows in the other without
// reloading the page, and Back/Forward move between them keeping the excerpt that was open.
import type { Page } from '@playwright/test';
import {
  callFromPage,
  createDossierThroughUi,
  createVaultThroughUi,
  expect,
  onlySource,
  snap,
  test,
} from './support/app.ts';

const DOSSIER = 'Kazakhstan — freedom of association';
const FIRST = 'modification of the procedure for state registration of trade unions';
const SECOND = 'holding short-term (one-hour) warning strikes';

/** A dossier with the ILO reply (its text version, quick to import) and two excerpts marked in it. */
async function dossierWithTwoExcerpts(page: Page): Promise<string> {
  await createVaultThroughUi(page);
  await createDossierThroughUi(page, DOSSIER);
  await page.getByTestId('file-input').setInputFiles('tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.txt');
  await expect(page.getByTestId('import-results')).toContainText('Imported');
  const { id: sourceId, text } = await onlySource(page);
  for (const quote of [FIRST, SECOND]) {
    const start = text.indexOf(quote);
    await callFromPage(page, 'excerpt.create', { sourceId, start, end: start + quote.length });
  }
  return sourceId;
}

/** Marks the page, so a spec can tell that what it sees was not brought by a reload. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { sameDocument?: boolean }).sameDocument = true;
  });
}

/** Back lands on the dossier at the tab it was left on: the tab is part of the address. */
async function excerptsTab(page: Page): Promise<void> {
  await expect(page.getByRole('tab', { name: 'Excerpts' })).toHaveAttribute('aria-selected', 'true');
}

async function samePage(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);
}

test.describe('the reader and the excerpt list stay in step', () => {
  test('a note and a code added in the reader show in the excerpt list, and Back/Forward (buttons and Alt+arrows) return to the excerpt', async ({
    upright,
  }) => {
    test.setTimeout(180_000);
    const { page } = upright;
    await dossierWithTwoExcerpts(page);
    await markPage(page);

    // The excerpt list, read once: its answer is now in the cache.
    await page.getByRole('tab', { name: 'Excerpts' }).click();
    const list = page.getByTestId('excerpt-list');
    await expect(list.getByRole('listitem')).toHaveCount(2);
    const second = list.getByRole('listitem').filter({ hasText: SECOND });
    await expect(second).not.toContainText('Witness saw the ban');

    // Open the second excerpt: the reader shows it in the inspector, drawn as selected in the text.
    await second.getByRole('button').first().click();
    await expect(page.locator('.inspector-quote')).toHaveText(SECOND);
    await expect(page.locator('.excerpt.selected')).toContainText(SECOND);

    // A note and a new code, typed in the inspector.
    await page.getByLabel('Note', { exact: true }).fill('Witness saw the ban announced');
    const codes = page.getByLabel('Codes', { exact: true });
    await codes.fill('Strikes');
    await codes.press('Enter');
    await expect(page.getByRole('list', { name: 'Codes of this excerpt' })).toContainText('Strikes');
    // The note is saved when the field is left.
    await codes.focus();

    // Back: the list shows the new note and code without being reloaded by hand.
    await page.getByRole('button', { name: 'Back' }).click();
    await excerptsTab(page);
    await expect(second).toContainText('Witness saw the ban announced');
    await expect(second.locator('.chip')).toHaveText(['Strikes']);
    await expect(page.getByLabel('Code', { exact: true })).toContainText('Strikes');

    // Forward: the reader again, at the same excerpt.
    await page.getByRole('button', { name: 'Forward' }).click();
    await expect(page.locator('.inspector-quote')).toHaveText(SECOND);
    await expect(page.getByLabel('Note', { exact: true })).toHaveValue('Witness saw the ban announced');
    await expect(page.locator('.excerpt.selected')).toBeInViewport();

    // Alt+Left and Alt+Right do the same, from the keyboard.
    await page.getByTestId('reader-text').focus();
    await page.keyboard.press('Alt+ArrowLeft');
    await excerptsTab(page);
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(page.getByRole('button', { name: 'Forward' })).toBeEnabled();
    await page.keyboard.press('Alt+ArrowRight');
    await expect(page.locator('.inspector-quote')).toHaveText(SECOND);

    // None of it needed the page to load again.
    expect(await samePage(page)).toBe(true);
  });

  test('a code renamed in the code book is renamed in the reader and the excerpt list, without a reload', async ({
    upright,
  }) => {
    // The code book renames through the query cache: a rename written around it would reach no
    // other screen until a reload, which is what this test catches.
    test.setTimeout(120_000);
    const { page } = upright;
    await dossierWithTwoExcerpts(page);
    await markPage(page);
    await page.getByRole('tab', { name: 'Excerpts' }).click();
    const list = page.getByTestId('excerpt-list');
    const second = list.getByRole('listitem').filter({ hasText: SECOND });
    await second.getByRole('button').first().click();
    const codes = page.getByLabel('Codes', { exact: true });
    await codes.fill('Strikes');
    await codes.press('Enter');
    await expect(page.getByRole('list', { name: 'Codes of this excerpt' })).toContainText('Strikes');

    // Rename the code in the code book, then Back to the reader: its chip has the new name.
    await page.getByRole('button', { name: 'Code book' }).click();
    const name = page.getByLabel('Name of Strikes');
    await name.fill('Right to strike');
    await name.press('Tab');
    await expect(page.getByLabel('Name of Right to strike')).toBeVisible();
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.locator('.inspector-quote')).toHaveText(SECOND);
    await expect(page.getByRole('list', { name: 'Codes of this excerpt' })).toHaveText(/Right to strike/);
    await page.getByRole('button', { name: 'Back' }).click();
    await excerptsTab(page);
    await expect(second.locator('.chip')).toHaveText(['Right to strike']);
    await snap(page, '38-excerpt-list-after-edits');

    expect(await samePage(page)).toBe(true);
  });

  test('a deleted excerpt leaves the list, and the count in the reader follows', async ({ upright }) => {
    test.setTimeout(120_000);
    const { page } = upright;
    await dossierWithTwoExcerpts(page);
    await page.getByRole('tab', { name: 'Excerpts' }).click();
    const list = page.getByTestId('excerpt-list');
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await list.getByRole('listitem').filter({ hasText: FIRST }).getByRole('button').first().click();
    await expect(page.locator('.reader-keys')).toContainText('2 excerpts');
    await page.getByRole('button', { name: 'Delete excerpt' }).click();
    await expect(page.locator('.reader-keys')).toContainText('1 excerpt ·');
    await page.getByRole('button', { name: 'Back' }).click();
    await excerptsTab(page);
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list).toContainText(SECOND);
    await expect(page.getByRole('heading', { name: 'Excerpts (1)' })).toBeVisible();
  });
});

test.describe('the reader in Russian', () => {
  test('the excerpt list, the reader with its inspector and the suggestions speak Russian, with Russian plurals', async ({
    upright,
  }) => {
    test.setTimeout(180_000);
    const { page } = upright;
    const sourceId = await dossierWithTwoExcerpts(page);
    await callFromPage(page, 'app.setPreferences', { language: 'ru' });
    await page.reload();
    await page.getByRole('button', { name: DOSSIER }).click();
    // The dossier's own screen is another area's; its tabs are found by their order.
    await page.getByRole('tab').nth(1).click();
    await expect(page.getByRole('heading', { name: 'Выдержки (2)' })).toBeVisible();
    await expect(page.getByLabel('Конфиденциальность')).toContainText('Для команды');
    await snap(page, 'ru-31-excerpt-list');

    await page
      .getByTestId('excerpt-list')
      .getByRole('listitem')
      .filter({ hasText: SECOND })
      .getByRole('button')
      .first()
      .click();
    await expect(page.getByRole('heading', { name: 'Выдержка', exact: true })).toBeVisible();
    const codes = page.getByLabel('Коды', { exact: true });
    await codes.fill('Забастовки');
    await codes.press('Enter');
    await expect(page.getByRole('list', { name: 'Коды этой выдержки' })).toContainText('Забастовки');
    await page.getByLabel('Позиция', { exact: true }).selectOption('state_claim');
    await expect(page.getByLabel('Позиция', { exact: true })).toContainText('Заявление государства');
    await expect(page.locator('.reader-keys')).toContainText('2 выдержки · выделите текст');
    await snap(page, 'ru-30-reader-inspector');

    await page.getByRole('button', { name: 'Подсказки' }).click();
    const panel = page.getByRole('region', { name: 'Подсказки', exact: true });
    await expect(panel.locator('.suggestions-count')).toHaveText(/^\d+ значени(е|я|й) · \d+ упоминани(е|я|й)$/);
    await expect(panel.getByText('— принять')).toBeVisible();
    await snap(page, 'ru-35-reader-suggestions');

    await page.getByRole('button', { name: 'Подсказки' }).click();
    const details = page.getByRole('form', { name: 'Сведения об источнике' });
    await expect(details).toBeVisible();
    // A date written the local way is refused by the API's own schema before anything is sent.
    await details.getByLabel(/^Дата \(2021/).fill('30.06.2021');
    await details.getByRole('button', { name: 'Сохранить сведения' }).click();
    await expect(details.getByRole('alert')).toHaveText('Запишите дату как 2021, 2021-06 или 2021-06-30.');
    await expect(details.getByLabel(/^Дата \(2021/)).toHaveAttribute('aria-invalid', 'true');
    const { date } = await callFromPage<{ date: string | null }>(page, 'source.get', { id: sourceId });
    expect(date).toBe('2022');
    await snap(page, 'ru-36-reader-source-details');
  });
});
