import type { Page } from '@playwright/test';
import {
  createDossierThroughUi,
  createVaultThroughUi,
  expect,
  expectAccessible,
  PASSPHRASE,
  snap,
  test,
} from './support/app.ts';

/** Selects a phrase in the reader by dragging the mouse over it, as a lawyer would. */
async function selectPhrase(page: Page, phrase: string): Promise<void> {
  await page.getByTestId('reader-text').getByText(phrase, { exact: false }).first().scrollIntoViewIfNeeded();
  const edges = await page.evaluate((wanted) => {
    const root = document.querySelector('[data-testid="reader-text"]') as HTMLElement;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const charBox = (offset: number) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const box = range.getBoundingClientRect();
        return { left: box.left, right: box.right, y: box.top + box.height / 2 };
      };
      const first = charBox(at);
      const last = charBox(at + wanted.length - 1);
      return { from: { x: first.left + 1, y: first.y }, to: { x: last.right - 1, y: last.y } };
    }
    throw new Error(`phrase not on screen: ${wanted}`);
  }, phrase);
  await page.mouse.move(edges.from.x, edges.from.y);
  await page.mouse.down();
  await page.mouse.move(edges.to.x, edges.to.y, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(phrase);
}

async function addCode(page: Page, name: string): Promise<void> {
  const input = page.getByLabel('Codes', { exact: true });
  await expect(input).toBeFocused();
  await input.fill(name);
  await input.press('Enter');
  await expect(page.getByRole('list', { name: 'Codes of this excerpt' })).toContainText(name);
}

test.describe('a lawyer codes the 2022 ILO reply', () => {
  test('marks excerpts by mouse and keyboard, codes them, filters the list, merges codes, and finds it all after lock/unlock', async ({
    upright,
  }) => {
    const { page } = upright;
    await createVaultThroughUi(page);
    await createDossierThroughUi(page, 'Kazakhstan — freedom of association');
    await page.getByTestId('file-input').setInputFiles('tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.pdf');
    await expect(page.getByTestId('import-results')).toContainText('Imported');
    await page.getByRole('table').filter({ hasText: 'Kind' }).getByRole('button').first().click();
    await expect(page.getByTestId('reader-text')).toBeVisible();

    // By mouse: select, then the button.
    await selectPhrase(page, 'modification of the procedure for state registration of trade unions');
    await page.getByRole('button', { name: 'Mark excerpt (E)' }).click();
    await addCode(page, 'Registration');
    await expect(page.getByRole('heading', { name: /^Excerpt, p\. 1$/ })).toBeVisible();

    // By keyboard: select, E, type the code's name.
    await selectPhrase(page, 'the registering body will not have the right to refuse state registration');
    await page.keyboard.press('e');
    await addCode(page, 'Registration');
    await selectPhrase(page, 'holding short-term (one-hour) warning strikes');
    await page.keyboard.press('e');
    await addCode(page, 'Strikes');
    await page.getByLabel('Confidentiality').selectOption('never_export');
    await page.getByLabel('Stance').selectOption('state_claim');
    await expect(page.locator('.excerpt')).not.toHaveCount(0);
    await snap(page, '30-reader-coded');
    await expectAccessible(page, 'reader with excerpts');

    // J/K walk the excerpts.
    await page.getByTestId('reader-text').focus();
    await page.keyboard.press('k');
    await expect(page.locator('.inspector-quote')).toContainText('the registering body');
    await page.keyboard.press('j');
    await expect(page.locator('.inspector-quote')).toContainText('warning strikes');

    // The dossier's excerpt list, filtered by code.
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('button', { name: 'Kazakhstan — freedom of association' })
      .click();
    await page.getByRole('tab', { name: 'Excerpts' }).click();
    const list = page.getByTestId('excerpt-list');
    await expect(list.getByRole('listitem')).toHaveCount(3);
    await page.getByLabel('Code', { exact: true }).selectOption({ label: 'Registration' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await page.getByLabel('Confidentiality').selectOption('never_export');
    await expect(page.getByText('No excerpts match.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(3);
    await snap(page, '31-excerpt-list');
    await expectAccessible(page, 'excerpt list');

    // Merge Strikes into Registration in the code book.
    await page.getByRole('button', { name: 'Code book' }).click();
    const tree = page.getByTestId('code-tree');
    await expect(tree).toContainText('2 excerpts');
    await page.getByLabel('Another code for Strikes').selectOption({ label: 'Registration' });
    await page.getByRole('button', { name: 'Merge into it' }).nth(1).click();
    await expect(tree.getByRole('listitem')).toHaveCount(1);
    await expect(tree).toContainText('3 excerpts');
    await snap(page, '32-code-book-merged');
    await expectAccessible(page, 'code book');

    // Everything is still there after locking and unlocking.
    await page.keyboard.press('Control+KeyL');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('button', { name: 'Code book' }).click();
    await expect(page.getByTestId('code-tree')).toContainText('3 excerpts');
  });
});
