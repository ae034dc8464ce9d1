// A dossier grows to hundreds of excerpts: the Excerpts tab shows the count at once, draws only the
// rows on screen, loads more as the person scrolls to the end, and its word filter finds a Russian
// note typed in another case.
import {
  callFromPage,
  createDossierThroughUi,
  createVaultThroughUi,
  expect,
  onlySource,
  snap,
  test,
} from './support/app.ts';

const EXCERPTS = 300;

test.describe('a long excerpt list', () => {
  test('scrolls, loads more as it goes, and filters by a Russian word', async ({ upright }) => {
    test.setTimeout(240_000);
    const { page } = upright;
    await createVaultThroughUi(page);
    await createDossierThroughUi(page, 'Kazakhstan — years of case files');
    await page.getByTestId('file-input').setInputFiles('tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.txt');
    await expect(page.getByTestId('import-results')).toContainText('Imported');
    const { id: sourceId, text } = await onlySource(page);

    // Marked through the API, as many as a team marks over months: short passages in reading order.
    const step = Math.floor((text.length - 60) / EXCERPTS);
    const ids: string[] = [];
    for (let i = 0; i < EXCERPTS; i++) {
      const excerpt = await callFromPage<{ id: string }>(page, 'excerpt.create', {
        sourceId,
        start: i * step,
        end: i * step + 40,
      });
      ids.push(excerpt.id);
    }
    await callFromPage(page, 'excerpt.update', { id: ids[EXCERPTS - 7], note: 'Профсоюз не зарегистрирован' });

    await page.getByRole('tab', { name: 'Excerpts' }).click();
    await expect(page.getByRole('heading', { name: `Excerpts (${EXCERPTS})` })).toBeVisible();
    const list = page.getByTestId('excerpt-list');
    const rows = list.getByRole('listitem');
    await expect(rows.first()).toBeVisible();
    // Only what is on screen is drawn, and only the first page was asked for.
    expect(await rows.count()).toBeLessThan(60);
    const loaded = async () => Number(await rows.last().getAttribute('data-index'));
    expect(await loaded()).toBeLessThan(100);

    // Scrolling to the end loads the next pages until the last excerpt is there.
    const scroller = page.locator('.virtual-scroll').filter({ has: list });
    await expect(async () => {
      await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      expect(await loaded()).toBe(EXCERPTS - 1);
    }).toPass({ timeout: 60_000 });
    expect(await rows.count()).toBeLessThan(60);
    await snap(page, 'paged-lists-scrolled');

    // The filter reads the index: a lower-case Russian word finds the note written with a capital.
    await page.getByLabel('Text', { exact: true }).fill('профсоюз');
    await expect(page.getByRole('heading', { name: 'Excerpts (1)' })).toBeVisible();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Профсоюз не зарегистрирован');
    await snap(page, 'paged-lists-filtered');

    // Cleared, the whole list is back from its start.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByRole('heading', { name: `Excerpts (${EXCERPTS})` })).toBeVisible();
    await expect(rows.first()).toHaveAttribute('data-index', '0');
  });
});
