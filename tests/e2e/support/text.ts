// Working with text as a person does: selecting a phrase in the reader with the mouse, typing at
// the end of a paragraph of a draft.
import type { Page } from '@playwright/test';
import { expect } from './app.ts';

/** Selects a phrase in the reader by dragging the mouse over it, as a lawyer would. */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
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

/** Types at the end of the draft's paragraph number `index` (from 0), where a person clicks. */
export async function typeInParagraph(page: Page, index: number, text: string): Promise<void> {
  const paragraph = page.locator('.draft-body p').nth(index);
  await paragraph.scrollIntoViewIfNeeded();
  const box = await paragraph.boundingBox();
  if (!box) throw new Error(`paragraph ${index + 1} is not on screen`);
  await paragraph.click({ position: { x: box.width - 2, y: box.height - 4 } });
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}
