// How deep a page's elements nest, estimated from its markup in one pass, before any HTML parser
// sees it: parsers and Readability spend time growing with the square (or more) of the depth, so a
// 48 KB page of nested <div>s used to take minutes. Browsers stop nesting at 512 levels; real pages
// stay below a hundred. The estimate follows the parser's main rules (void elements, raw text,
// end tags that close what they skipped, <p>/<li>/<td>… closed by their next sibling) closely
// enough to tell a real page from a crafted one, and it never looks at more than a few tags at once.

// Elements that never have content.
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'basefont',
  'bgsound',
  'frame',
  'keygen',
]);

// Elements whose content is raw text up to their own end tag (no tags inside).
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

// An open element of the group is closed when another of the group opens ("<li>a<li>b").
const SIBLINGS = new Map<string, string[]>(
  Object.entries({
    li: ['li'],
    dt: ['dt', 'dd'],
    dd: ['dt', 'dd'],
    tr: ['tr', 'td', 'th'],
    td: ['td', 'th'],
    th: ['td', 'th'],
    option: ['option'],
    optgroup: ['optgroup', 'option'],
    thead: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
    tbody: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
    tfoot: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
  }),
);

// Block elements that close an open paragraph.
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
]);

/** How far back an end tag looks for the element it closes; past that it is ignored. */
const END_TAG_REACH = 64;

const TAG = /<(\/?)([a-z][a-z0-9-]*)/y;

/** The deepest nesting of elements in `html`; stops counting once it passes `limit`. */
export function nestingDepth(html: string, limit = Number.POSITIVE_INFINITY): number {
  const lower = html.toLowerCase();
  const stack: string[] = [];
  let deepest = 0;
  let at = 0;
  for (;;) {
    const open = lower.indexOf('<', at);
    if (open < 0) break;
    if (lower.startsWith('<!--', open)) {
      const end = lower.indexOf('-->', open + 4);
      if (end < 0) break;
      at = end + 3;
      continue;
    }
    const close = lower.indexOf('>', open + 1);
    if (close < 0) break;
    at = close + 1;
    TAG.lastIndex = open;
    const match = TAG.exec(lower);
    if (!match) continue;
    const name = match[2] as string;
    if (match[1] === '/') {
      for (let i = stack.length - 1; i >= Math.max(0, stack.length - END_TAG_REACH); i--) {
        if (stack[i] === name) {
          stack.length = i;
          break;
        }
      }
      continue;
    }
    if (VOID.has(name) || lower.charCodeAt(close - 1) === 0x2f /* "/>" */) continue;
    const top = stack.at(-1);
    if (top === 'p' && CLOSES_P.has(name)) stack.pop();
    // A Map, not an object: a tag named "constructor" must not find Object's prototype.
    const group = SIBLINGS.get(name);
    while (group?.includes(stack.at(-1) ?? '')) stack.pop();
    stack.push(name);
    if (stack.length > deepest) {
      deepest = stack.length;
      if (deepest > limit) return deepest;
    }
    if (RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, at);
      if (end < 0) break;
      at = end;
    }
  }
  return deepest;
}
