// DOM → draft blocks, for web pages (after Readability) and Word files (after mammoth's HTML).
// Only text leaves this module: no markup, attribute, URL or script survives, so whatever the page
// carried (handlers, trackers, remote images) cannot reach the app. Links are kept as their text.
import type { DraftBlock } from './build.ts';
import { cleanInline } from './build.ts';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

// Elements whose content is never text a person reads in the article.
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'label',
  'fieldset',
  'svg',
  'math',
  'canvas',
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'track',
  'map',
  'area',
  'link',
  'meta',
  'head',
  'title',
  'base',
  'dialog',
]);

// Elements that start and end a block of their own.
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'address',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'hr',
  'details',
  'summary',
  'center',
]);

// Page chrome: left out when there is no Readability article to tell what the content is.
export const CHROME = new Set(['nav', 'header', 'footer', 'aside']);

export interface WalkOptions {
  /** Also skip page chrome (nav, header, footer, aside). */
  skipChrome?: boolean;
  /** Word notes from mammoth: each `<li id="footnote-…">` becomes a footnote block "[n] …". */
  notes?: boolean;
}

export interface WalkResult {
  blocks: DraftBlock[];
  /** Images met (never imported: they would be remote fetches or binary we do not read). */
  images: number;
}

interface Context {
  kind: DraftBlock['kind'];
  level?: number;
}

const NOTE_BACK_LINK = /^#(?:footnote|endnote)-ref-\d+$/;

/** Walks an element tree in document order and returns its text as blocks. */
export function domToBlocks(root: Node, options: WalkOptions = {}): WalkResult {
  const blocks: DraftBlock[] = [];
  let images = 0;
  let buffer = '';
  let bufferBlank = true;
  let bufferContext: Context = { kind: 'paragraph' };
  // Text put before the next block's own text ("[3] " before a footnote's first paragraph).
  let prefix = '';
  // mammoth numbers note references [1], [2]… in order of appearance and lists the notes in that
  // order; the ids in the file can start anywhere (Word and LibreOffice reserve ids for separators).
  let notesSeen = 0;

  const flush = () => {
    // "<br><br>" separates paragraphs on old pages; a single <br> is only a line break inside one.
    for (const piece of buffer.split(/\n\s*\n/)) {
      const text = cleanInline(piece);
      if (text === '') continue;
      const block: DraftBlock = { kind: bufferContext.kind, text: prefix + text };
      if (bufferContext.level !== undefined) block.level = bufferContext.level;
      blocks.push(block);
      prefix = '';
    }
    buffer = '';
    bufferBlank = true;
  };

  // An explicit stack instead of recursion: a page may nest thousands deep (the importer refuses
  // past MAX_NESTING, but the walk must never be what fails). A block's exit is a frame of its own.
  type Frame = { node: Node; context: Context } | { exit: true };
  const stack: Frame[] = [{ node: root, context: { kind: 'paragraph' } }];
  const pushChildren = (element: Element, context: Context) => {
    for (let child = element.lastChild; child; child = child.previousSibling) stack.push({ node: child, context });
  };
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    if ('exit' in frame) {
      flush();
      prefix = '';
      continue;
    }
    const { node, context } = frame;
    if (node.nodeType === TEXT_NODE) {
      // The first text of a block sets its kind; kept as a flag, as re-reading the buffer is quadratic.
      const value = node.nodeValue ?? '';
      if (bufferBlank) bufferContext = context;
      buffer += value;
      if (bufferBlank && cleanInline(value) !== '') bufferBlank = false;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    const tag = element.localName.toLowerCase();
    if (tag === 'img') images++;
    if (tag === 'br') {
      buffer += '\n';
      continue;
    }
    if (SKIPPED.has(tag) || (options.skipChrome && CHROME.has(tag)) || isHidden(element)) continue;
    // Inside a Word footnote, the "↑" link back to the reference is navigation, not text.
    if (options.notes && tag === 'a' && NOTE_BACK_LINK.test(element.getAttribute('href') ?? '')) continue;
    if (!BLOCK.has(tag)) {
      pushChildren(element, context);
      continue;
    }
    flush();
    if (tag === 'hr') continue;
    if (tag === 'tr') {
      // A table row reads as one line: its cells separated by a bar.
      const cells = Array.from(element.children)
        .filter((cell) => cell.localName === 'td' || cell.localName === 'th')
        .map((cell) => cleanInline(cellText(cell)))
        .filter((text) => text !== '');
      if (cells.length > 0) blocks.push({ kind: 'paragraph', text: cells.join(' | ') });
      continue;
    }
    let inner: Context = context;
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) inner = { kind: 'heading', level: Number(heading[1]) };
    else if (tag === 'li') inner = listItemContext(element, options);
    else if (tag === 'blockquote') inner = { kind: 'quote' };
    if (inner.kind === 'footnote' && inner !== context) {
      notesSeen++;
      prefix = `[${notesSeen}] `;
    }
    bufferContext = inner;
    stack.push({ exit: true });
    pushChildren(element, inner);
  }
  flush();
  return { blocks, images };
}

function listItemContext(element: Element, options: WalkOptions): Context {
  if (options.notes && /^(?:footnote|endnote)-\d+$/.test(element.getAttribute('id') ?? '')) return { kind: 'footnote' };
  return { kind: 'list-item' };
}

// Text of a table cell, with its own blocks run together (a cell is one field of the row).
function cellText(cell: Element): string {
  let text = '';
  const stack: Node[] = [cell];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.nodeType === TEXT_NODE) text += node.nodeValue ?? '';
    else if (node.nodeType === ELEMENT_NODE) {
      const tag = (node as Element).localName.toLowerCase();
      if (SKIPPED.has(tag) || isHidden(node as Element)) continue;
      if (BLOCK.has(tag)) text += ' ';
      for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    }
  }
  return text;
}

// Content the page hides from readers (and trackers sized to nothing) is not part of the article.
function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = (element.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}
