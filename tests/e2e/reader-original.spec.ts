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
const PDF = 'ilo-cas-kazakhstan-c87-2022.pdf';
/** On page 1, one line. */
const ON_ONE_LINE = 'The proposed amendments are currently in the process of negotiation.';
/** From the foot of page 1 to the top of page 2. */
const ACROSS_PAGES = 'from engaging in trade union activities L. Kharkova’s ban on holding leadership positions';

async function markExcerpt(page: Page, sourceId: string, phrase: string, codeId: string): Promise<void> {
  const { text } = await callFromPage<{ text: string }>(page, 'source.get', { id: sourceId });
  const start = text.indexOf(phrase);
  expect(start, phrase).toBeGreaterThanOrEqual(0);
  const excerpt = await callFromPage<{ id: string }>(page, 'excerpt.create', {
    sourceId,
    start,
    end: start + phrase.length,
  });
  await callFromPage(page, 'excerpt.update', { id: excerpt.id, codeIds: [codeId] });
}

test.describe('a lawyer checks excerpts against the original PDF', () => {
  test('sees each excerpt highlighted where it is printed on the original pages, in its code’s colour', async ({
    upright,
  }) => {
    const { page } = upright;
    // The app shows its own icon: no request of the page may fail, the favicon's included.
    const failed: string[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (response.status() >= 400 && !path.startsWith('/api/')) failed.push(`${response.status()} ${path}`);
    });
    await createVaultThroughUi(page);
    await createDossierThroughUi(page, DOSSIER);
    await page.getByTestId('file-input').setInputFiles(`tests/fixtures/documents/${PDF}`);
    await expect(page.getByTestId('import-results')).toContainText('Imported');
    const [dossier] = await callFromPage<{ id: string }[]>(page, 'dossier.list', {});
    const [source] = await listFromPage<{ id: string }[]>(page, 'source.list', { dossierId: dossier?.id });
    const code = await callFromPage<{ id: string }>(page, 'code.create', { name: 'Registration', colour: '#2e7d32' });
    await markExcerpt(page, source?.id ?? '', ON_ONE_LINE, code.id);
    await markExcerpt(page, source?.id ?? '', ACROSS_PAGES, code.id);

    await page
      .getByRole('table')
      .filter({ hasText: 'Kind' })
      .getByRole('row')
      .filter({ hasText: PDF })
      .getByRole('button')
      .click();
    await expect(page.getByTestId('reader-text')).toBeVisible();

    // The find tools are one landmark, "Find", around a search box named for what it does.
    const find = page.getByRole('search', { name: 'Find', exact: true });
    await expect(find.getByRole('searchbox', { name: 'Find in source', exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Original PDF' }).click();
    const original = page.getByTestId('pdf-original');
    await expect(original.getByRole('img', { name: 'Page 1 of the original, 2 excerpts highlighted' })).toBeVisible();

    // On page 1: the one-line excerpt is one box on its line, inside the page, in the code's colour.
    const sheet = (n: number) => original.locator('.pdf-sheet').nth(n - 1);
    const pageBox = await sheet(1).locator('canvas').boundingBox();
    const boxes = sheet(1).locator('.pdf-highlight');
    await expect(boxes).not.toHaveCount(0);
    for (const box of await boxes.all()) {
      const b = await box.boundingBox();
      if (!b || !pageBox) throw new Error('a highlight or its page is not drawn');
      expect(b.x).toBeGreaterThanOrEqual(pageBox.x);
      expect(b.y).toBeGreaterThanOrEqual(pageBox.y);
      expect(b.x + b.width).toBeLessThanOrEqual(pageBox.x + pageBox.width);
      expect(b.y + b.height).toBeLessThanOrEqual(pageBox.y + pageBox.height);
      expect(b.height).toBeGreaterThan(6);
      expect(b.height).toBeLessThan(30);
    }
    expect(await boxes.first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(46, 125, 50)');
    // The excerpt crossing the break: at the foot of page 1 and the top of page 2 (drawn once in view).
    await sheet(2).scrollIntoViewIfNeeded();
    await expect(original.getByRole('img', { name: 'Page 2 of the original, 1 excerpt highlighted' })).toBeVisible();
    const second = sheet(2).locator('.pdf-highlight');
    await expect(second).not.toHaveCount(0);
    const top = await second.first().boundingBox();
    const secondPage = await sheet(2).locator('canvas').boundingBox();
    if (!top || !secondPage) throw new Error('page 2 is not drawn');
    expect(top.y - secondPage.y).toBeLessThan(secondPage.height * 0.15);

    // The foot of page 1 and the top of page 2 on screen: both excerpts, one of them across the break.
    await boxes.last().evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await snap(page, '14-reader-original-highlights');
    await expectAccessible(page, 'original PDF with highlights');

    // The favicon is the app's own, served like its other files.
    const icon = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
      if (!link) return null;
      const response = await fetch(link.href);
      return { status: response.status, type: response.headers.get('content-type') };
    });
    expect(icon).toEqual({ status: 200, type: 'image/svg+xml' });
    expect(failed).toEqual([]);
  });
});
