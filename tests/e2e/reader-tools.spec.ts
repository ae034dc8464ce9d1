import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { replaceSourceText } from '../../src/main/annotate/renormalise.ts';
import {
  callFromPage,
  createDossierThroughUi,
  createVaultThroughUi,
  expect,
  expectAccessible,
  snap,
  test,
} from './support/app.ts';

async function onlySourceId(page: Page): Promise<string> {
  const [dossier] = await callFromPage<{ id: string }[]>(page, 'dossier.list', {});
  const [source] = await callFromPage<{ id: string }[]>(page, 'source.list', { dossierId: dossier?.id });
  return source?.id ?? '';
}

async function openIloReply(page: Page): Promise<void> {
  await createVaultThroughUi(page);
  await createDossierThroughUi(page, 'Kazakhstan — freedom of association');
  await page.getByTestId('file-input').setInputFiles('tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.pdf');
  await expect(page.getByTestId('import-results')).toContainText('Imported');
  await page.getByRole('table').filter({ hasText: 'Kind' }).getByRole('button').first().click();
  await expect(page.getByTestId('reader-text')).toBeVisible();
}

test.describe('the reader helps a lawyer along', () => {
  test('offers suggestions to accept or dismiss, a starter code book, and exports the excerpts as CSV', async ({
    upright,
  }) => {
    const { page } = upright;
    await openIloReply(page);

    await page.getByRole('button', { name: 'Suggestions' }).click();
    const list = page.getByRole('list', { name: 'Suggestions to review' });
    await expect(list.getByRole('listitem').first()).toBeVisible();
    const before = await list.getByRole('listitem').count();
    // Show only legal references, accept the first "Convention No. 87".
    await page.getByLabel('Show').selectOption('legal_reference');
    await list
      .getByRole('button', { name: /^Accept Convention No\. 87/ })
      .first()
      .click();
    await expect(page.locator('.excerpt')).not.toHaveCount(0);
    await page.getByLabel('Show').selectOption('date');
    const firstDate = list.getByRole('listitem').first();
    const dateText = (await firstDate.locator('.suggestion-text').textContent())?.trim() ?? '';
    await firstDate.getByRole('button', { name: /^Dismiss/ }).click();
    await page.getByLabel('Show').selectOption('all');
    await expect(list.getByRole('listitem')).toHaveCount(before - 2);
    await snap(page, '35-reader-suggestions');
    await expectAccessible(page, 'reader suggestions');

    // Accepting made an excerpt noting the canonical form, and an instrument entity.
    const entities = await callFromPage<{ name: string; kind: string }[]>(page, 'entity.list', {});
    expect(entities).toEqual([expect.objectContaining({ kind: 'instrument' })]);
    const sourceId = await onlySourceId(page);
    const [excerpt] = await callFromPage<{ note: string }[]>(page, 'excerpt.forSource', { sourceId });
    expect(excerpt?.note).toMatch(/^Legal reference: /);
    const left = await callFromPage<{ kind: string; text: string }[]>(page, 'suggestion.list', { sourceId });
    expect(left.filter((s) => s.kind === 'date' && s.text === dateText).length).toBeLessThan(
      (await callFromPage<unknown[]>(page, 'suggestion.list', { sourceId })).length,
    );

    // The empty code book offers its starter codes.
    await page.getByRole('button', { name: 'Code book' }).click();
    await page.getByRole('button', { name: 'Use the freedom-of-association starter codes' }).click();
    await expect(page.getByTestId('code-tree')).toContainText('Registration');
    await expect(page.getByLabel('Description of Right to strike')).toHaveValue(/C\.87/);
    await snap(page, '36-code-book-starter');

    // The excerpt list exports what may leave the vault.
    await page.getByRole('button', { name: 'Dossiers' }).click();
    await page.getByRole('button', { name: 'Kazakhstan — freedom of association' }).click();
    await page.getByRole('tab', { name: 'Excerpts' }).click();
    await page.getByRole('button', { name: 'CSV' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved 1 excerpts' })).toBeVisible();
    const csv = await readFile(join(upright.backupDir, 'excerpts.csv'), 'utf8');
    expect(csv).toContain('Convention No. 87');
  });

  test('an excerpt whose words vanished when the text was read again is listed, and placed again by the lawyer', async ({
    upright,
  }) => {
    test.skip(upright.preview === null, 'rewrites the stored text through the services, which only the bridge exposes');
    const { page } = upright;
    await openIloReply(page);
    const sourceId = await onlySourceId(page);
    const store = upright.preview?.services.vault.store();
    if (!store) throw new Error('no store');
    const text = store.sources.detail(sourceId).text;
    const quote = 'holding short-term (one-hour) warning strikes';
    const start = text.indexOf(quote);
    await callFromPage(page, 'excerpt.create', { sourceId, start, end: start + quote.length });
    await callFromPage(page, 'excerpt.create', {
      sourceId,
      start: text.indexOf('modification of the procedure'),
      end: text.indexOf('modification of the procedure') + 'modification of the procedure'.length,
    });
    // A corrected reading of the document no longer has the words of the first excerpt.
    replaceSourceText(store, sourceId, {
      format: 'pdf',
      text: text.replace(quote, 'holding short warning strikes of one hour'),
      blocks: store.sources.detail(sourceId).blocks,
      pages: store.sources.detail(sourceId).pages,
      metadata: {},
      warnings: [],
    });
    // Reopen the source from the dossier, as the lawyer would the next morning.
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('button', { name: 'Kazakhstan — freedom of association' })
      .click();
    await page.getByRole('table').filter({ hasText: 'Kind' }).getByRole('button').first().click();
    await expect(page.getByRole('heading', { name: '1 excerpt lost its place' })).toBeVisible();
    await snap(page, '37-reader-orphan');

    // Select the new wording and place the orphan on it.
    await page
      .getByTestId('reader-text')
      .getByText('holding short warning strikes of one hour')
      .scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      const root = document.querySelector('[data-testid="reader-text"]') as HTMLElement;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf('holding short warning strikes of one hour') ?? -1;
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 'holding short warning strikes of one hour'.length);
          window.getSelection()?.removeAllRanges();
          window.getSelection()?.addRange(range);
          root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
          return;
        }
      }
    });
    await page.getByRole('button', { name: 'Place on selection' }).click();
    await expect(page.getByRole('heading', { name: /lost (its|their) place/ })).toHaveCount(0);
    await expect(page.locator('.inspector-quote')).toHaveText('holding short warning strikes of one hour');
  });
});
