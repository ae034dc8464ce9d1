// Web pages saved to disk: jsdom parses (no scripts run, no resources load, no URL so nothing
// relative resolves), Readability finds the article, and the article's DOM becomes text blocks.
import { UprightError } from '../../shared/errors.ts';
import type { DraftBlock } from './build.ts';
import { cleanInline } from './build.ts';
import { assemble } from './document.ts';
import { domToBlocks } from './dom.ts';
import { decodeText } from './encoding.ts';
import { normaliseDate, usableTitle } from './metadata.ts';
import { nestingDepth } from './nesting.ts';
import type { ImportedDocument } from './types.ts';
import { pageAddress } from './web-address.ts';

/** Deeper than this, a page is refused: browsers themselves stop nesting elements at 512 levels. */
export const MAX_NESTING = 512;
/** Readability's article search grows with the cube of the depth: deeper pages are read whole. */
const READABILITY_NESTING = 128;

/** The page's nesting depth; IMPORT_TOO_COMPLEX past MAX_NESTING, before any parser spends time on it. */
function checkNesting(html: string): number {
  const depth = nestingDepth(html, MAX_NESTING);
  if (depth > MAX_NESTING) {
    throw new UprightError(
      'IMPORT_TOO_COMPLEX',
      `The page nests its elements more than ${MAX_NESTING} levels deep, which no real page does, so it was not read. It may be damaged or made to crash programs.`,
    );
  }
  return depth;
}

/** Parses HTML into a detached document. Exported for the DOCX importer, which reads mammoth's HTML. */
export async function parseHtml(html: string): Promise<Document> {
  checkNesting(html);
  const { JSDOM, VirtualConsole } = await import('jsdom');
  // Defaults matter here: runScripts unset (scripts never run), resources unset (no image, style,
  // script or frame is ever fetched), and no `url`, so the page has no origin to fetch against.
  // A silent virtual console: jsdom would otherwise print page errors, with page text, to our log.
  const dom = new JSDOM(html, { contentType: 'text/html', virtualConsole: new VirtualConsole() });
  return dom.window.document;
}

function meta(document: Document, ...names: string[]): string | undefined {
  for (const name of names) {
    const element =
      document.querySelector(`meta[property="${name}" i]`) ??
      document.querySelector(`meta[name="${name}" i]`) ??
      document.querySelector(`meta[itemprop="${name}" i]`);
    const content = element?.getAttribute('content');
    if (content && content.trim() !== '') return content;
  }
  return undefined;
}

// The charset a page declares in its first bytes, used when the bytes are not valid UTF-8.
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}

export async function importHtml(bytes: Uint8Array, signal: AbortSignal): Promise<ImportedDocument> {
  const { text: html, encoding, warning: encodingWarning } = decodeText(bytes, declaredCharset(bytes));
  const depth = checkNesting(html);
  const document = await parseHtml(html);
  signal.throwIfAborted();

  // Read what the head says before Readability rearranges the document.
  const headTitle = document.querySelector('title')?.textContent ?? undefined;
  const firstH1 = cleanInline(document.querySelector('h1')?.textContent ?? '');
  const metaDate = meta(document, 'article:published_time', 'date', 'dc.date', 'dcterms.created', 'datePublished');
  const metaAuthor = meta(document, 'author', 'article:author', 'dc.creator');
  const savedPage = isSavedPage(html, document);
  const address = pageAddress(html, document);

  const { Readability } = await import('@mozilla/readability');
  // The serializer hands back the article's DOM node itself: no second parse of its HTML.
  const article =
    depth <= READABILITY_NESTING
      ? new Readability<Node>(document, { serializer: (node) => node, charThreshold: 300 }).parse()
      : null;
  signal.throwIfAborted();

  let walked: ReturnType<typeof domToBlocks>;
  if (article?.content) {
    walked = domToBlocks(article.content);
  } else {
    // Too little text for Readability to call it an article: take the body without the page chrome.
    walked = domToBlocks(document.body ?? document.documentElement, { skipChrome: true });
  }
  const blocks: DraftBlock[] = walked.blocks;
  const title = usableTitle(article?.title) ?? usableTitle(headTitle) ?? usableTitle(firstH1);
  // Readability drops the heading that repeats the title; put it back so the text opens as the page does.
  const h1IsTitle = firstH1 !== '' && (firstH1 === title || cleanInline(headTitle ?? '').includes(firstH1));
  if (h1IsTitle && !blocks.some((block) => block.text === firstH1)) {
    blocks.unshift({ kind: 'heading', level: 1, text: firstH1 });
  }
  const warnings: string[] = encodingWarning ? [encodingWarning] : [];
  if (walked.images > 0) {
    warnings.push(
      `${walked.images} image${walked.images === 1 ? ' was' : 's were'} not imported: web pages are imported as text.`,
    );
  }
  const doc = assemble({
    format: 'html',
    drafts: blocks,
    warnings,
    encoding,
    title,
    author: article?.byline || metaAuthor,
    date: normaliseDate(article?.publishedTime ?? metaDate),
  });
  if (savedPage) doc.savedPage = true;
  if (address.url) doc.metadata.url = address.url;
  if (address.savedOn) doc.metadata.savedOn = address.savedOn;
  return doc;
}

/**
 * A page saved from a web site, not a report or letter exported as HTML: the browser's "saved from"
 * mark, a canonical or og:url address, or the site's navigation around the article.
 */
function isSavedPage(html: string, document: Document): boolean {
  return (
    /<!-{2}\s*(?:saved from url=|Page saved with SingleFile)/i.test(html.slice(0, 4096)) ||
    document.querySelector(
      'link[rel~="canonical" i], meta[property="og:url" i], meta[name="savepage-url" i], nav, header nav',
    ) !== null
  );
}
