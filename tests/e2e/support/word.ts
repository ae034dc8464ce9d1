// Exporting the open draft to Word as a lawyer does (Export… › Export…), then reading the file's
// parts, for the specs that check what the Word file holds.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { listZip, readZipText } from '../../../src/main/ingest/zip.ts';
import { expect } from './app.ts';

/**
 * Exports the draft open in the editor as .docx and returns a reader of its parts' XML
 * ('word/document.xml', 'word/footnotes.xml'). The template's empty cover fields are errors of the
 * checks, so "Export anyway" is ticked when offered: these exports are for the text.
 */
export async function exportToWord(page: Page): Promise<(part: string) => string> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const exporter = page.getByRole('dialog', { name: 'Export the submission' });
  await expect(exporter.getByText('Reviewing the draft…')).toBeHidden();
  const anyway = exporter.getByLabel(/^Export anyway/);
  if (await anyway.isVisible()) await anyway.check();
  await exporter.getByRole('button', { name: 'Export…' }).click();
  const saved = exporter.locator('.export-saved');
  await expect(saved).toContainText('.docx');
  const path = ((await saved.locator('.mono').textContent()) ?? '').trim();
  const bytes = new Uint8Array(readFileSync(path));
  const entries = listZip(bytes) ?? [];
  return (part) =>
    readZipText(
      bytes,
      entries.find((e) => e.name === part),
    ) ?? '';
}

/** The words of a part's XML, tags left out. */
export const wordsOf = (xml: string): string => xml.replace(/<[^>]+>/g, '');
