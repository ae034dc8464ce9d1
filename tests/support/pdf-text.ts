// Comparing the text of a PDF made on this machine (LibreOffice's layout of an exported Word file,
// Chromium's print of the HTML) with the text the app wrote. What a text extractor gives back depends
// on the fonts the machine has: a ligature comes out as "ﬁ" or as "fi" set apart by spaces
// ("noti fi cation"), lines and runs are joined with spaces or none. `comparable` removes that
// difference on both sides: compatibility forms folded (NFKC turns ﬁ ﬂ ﬀ ﬃ ﬄ into their letters), and
// every space, line break and soft hyphen removed. Every PDF text comparison in the tests uses it.
import { readFile } from 'node:fs/promises';
import { loadPdfJs, pdfOptions } from '../../src/main/ingest/pdf.ts';

/** The text reduced to what any extractor agrees on, whatever fonts laid it out. */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00ad\u200b]+/gu, '');
}

/** Each page's text items as pdf.js reads them, with where they sit (points from the page's bottom left). */
export async function pdfItems(file: string): Promise<{ text: string; x: number; y: number }[][]> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument(pdfOptions(new Uint8Array(await readFile(file))));
  try {
    const doc = await task.promise;
    const pages: { text: string; x: number; y: number }[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(
        content.items.flatMap((item) => {
          if (!('str' in item) || item.str.trim() === '') return [];
          const transform = item.transform as number[];
          return [{ text: item.str.trim(), x: transform[4] ?? 0, y: transform[5] ?? 0 }];
        }),
      );
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** The whole text of a PDF, ready to compare: see `comparable`. */
export async function comparablePdfText(file: string): Promise<string> {
  const pages = await pdfItems(file);
  return comparable(pages.flatMap((items) => items.map((item) => item.text)).join(' '));
}
