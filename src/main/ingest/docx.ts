// Word files: mammoth reads the document into HTML (never following external links: externalFileAccess
// off), which becomes blocks like a web page. Before that, a transform over mammoth's document tree
// drops images and recognises headings that use custom styles (converters and LibreOffice write
// "H"-like styles with outline levels, which mammoth would otherwise turn into lists or plain text).
import mammoth from 'mammoth';
import { UprightError } from '../../shared/errors.ts';
import { type ImportWarning, warning } from '../../shared/warnings.ts';
import { assemble } from './document.ts';
import { domToBlocks } from './dom.ts';
import { parseHtml } from './html.ts';
import { endsLikeProse } from './normalise.ts';
import type { ImportedDocument } from './types.ts';
import { inflatedSize, listZip, readZipText, type ZipEntry } from './zip.ts';

/**
 * How far a Word file may expand, all its parts together. Its text lives in XML that mammoth holds
 * in memory several times over; a real report of hundreds of pages stays far below this, with its
 * pictures. Beyond it, the file is not a report but a decompression bomb.
 */
export const MAX_DOCX_EXPANDED = 256 * 1024 * 1024;

function tooLarge(): UprightError {
  return new UprightError('DOCX_EXPANDS_TOO_MUCH', { limit: MAX_DOCX_EXPANDED / 1024 / 1024 });
}

interface StyleInfo {
  name: string;
  basedOn?: string;
  /** Heading level the style itself declares (built-in headings, Title, an outline level). */
  level?: number;
  bold?: boolean;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([\da-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

function attr(xml: string, element: string, name = 'w:val'): string | undefined {
  const match = new RegExp(`<${element}\\b[^>]*?\\s${name}="([^"]*)"`).exec(xml);
  return match?.[1];
}

/** Paragraph styles from styles.xml, with what makes them headings resolved through `basedOn`. */
export function readStyles(xml: string): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  for (const match of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const [, head = '', body = ''] = match;
    if (!/w:type="paragraph"/.test(head)) continue;
    const id = /w:styleId="([^"]*)"/.exec(head)?.[1];
    if (!id) continue;
    const name = decodeXml(attr(body, 'w:name') ?? id);
    const info: StyleInfo = { name };
    const basedOn = attr(body, 'w:basedOn');
    if (basedOn) info.basedOn = basedOn;
    const builtIn = /^(?:heading|überschrift|titre|заголовок)\s*([1-9])$/i.exec(name);
    const outline = attr(body, 'w:outlineLvl');
    if (builtIn) info.level = Number(builtIn[1]);
    else if (/^title$/i.test(name)) info.level = 1;
    else if (/^subtitle$/i.test(name)) info.level = 2;
    else if (outline !== undefined && Number(outline) < 9) info.level = Number(outline) + 1;
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(body)?.[1] ?? '';
    const bold = /<w:b(?:\s+w:val="([^"]*)")?\s*\/>/.exec(rPr);
    if (bold) info.bold = !['0', 'false', 'off'].includes(bold[1] ?? 'true');
    styles.set(id, info);
  }
  // Inherit level and boldness from the style each one is based on.
  const resolve = (id: string, seen: Set<string>): StyleInfo | undefined => {
    const style = styles.get(id);
    if (!style?.basedOn || seen.has(id)) return style;
    seen.add(id);
    const parent = resolve(style.basedOn, seen);
    if (parent) {
      style.level ??= parent.level;
      style.bold ??= parent.bold;
    }
    style.basedOn = undefined;
    return style;
  };
  for (const id of styles.keys()) resolve(id, new Set());
  return styles;
}

function coreProperty(xml: string, tag: string): string | undefined {
  const value = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1];
  return value === undefined ? undefined : decodeXml(value).trim() || undefined;
}

/** Text of page headers and footers: where a document symbol is usually printed. */
function headerTexts(bytes: Uint8Array, entries: ZipEntry[]): string[] {
  return entries
    .filter((entry) => /^word\/(?:header|footer)\d*\.xml$/.test(entry.name))
    .map((entry) => readZipText(bytes, entry, 1024 * 1024) ?? '')
    .map((xml) =>
      decodeXml(
        xml
          .replace(/<w:tab\/>/g, ' ')
          .replace(/<\/w:p>/g, '\n')
          .replace(/<[^>]+>/g, ''),
      ),
    );
}

// mammoth's document tree, as far as the transform touches it.
interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level: string | number } | null;
  isBold?: boolean;
}

function textOf(element: MammothElement): string {
  if (element.type === 'text') return element.value ?? '';
  return (element.children ?? []).map(textOf).join('');
}

function runsOf(element: MammothElement): MammothElement[] {
  if (element.type === 'run') return textOf(element).trim() === '' ? [] : [element];
  return (element.children ?? []).flatMap(runsOf);
}

/** Marks heading paragraphs with our own style names (mapped to h1–h6 below) and drops images. */
function transformer(styles: Map<string, StyleInfo>, counts: { images: number }) {
  let seenText = false;
  const visit = (element: MammothElement): MammothElement => {
    if (element.children) {
      element.children = element.children.filter((child) => {
        if (child.type !== 'image') return true;
        counts.images++;
        return false;
      });
      element.children.forEach(visit);
    }
    if (element.type !== 'paragraph') return element;
    const text = textOf(element).trim();
    if (text === '') return element;
    const isFirst = !seenText;
    seenText = true;
    const style = element.styleId ? styles.get(element.styleId) : undefined;
    const runs = runsOf(element);
    const boldRuns = runs.length > 0 && runs.every((run) => run.isBold);
    let level = style?.level;
    // A bold style or bold text, short and not ending like a sentence, is a heading; a style-level
    // numbering on it is outline numbering (LibreOffice writes outline levels as list levels).
    if (level === undefined && (style?.bold || boldRuns) && text.length <= 200 && !endsLikeProse(text)) {
      level = element.numbering ? Number(element.numbering.level) + 1 : isFirst ? 1 : 2;
    }
    if (style?.bold || style?.level !== undefined) element.numbering = null;
    if (level !== undefined) {
      element.styleName = `upright-h${Math.min(6, Math.max(1, level))}`;
      element.numbering = null;
    }
    return element;
  };
  return visit;
}

const STYLE_MAP = [1, 2, 3, 4, 5, 6].map((n) => `p[style-name='upright-h${n}'] => h${n}:fresh`);

export async function importDocx(bytes: Uint8Array, signal: AbortSignal): Promise<ImportedDocument> {
  const entries = listZip(bytes);
  if (!entries) {
    throw new UprightError('DOCX_INCOMPLETE');
  }
  const documentXml = entries.find((entry) => entry.name === 'word/document.xml');
  if (!documentXml) throw new UprightError('DOCX_NO_TEXT_PART');
  // The sizes the file declares first (instant for an honest bomb), then the bytes that really come
  // out when every part is inflated (a bomb whose size fields lie).
  if (entries.reduce((sum, entry) => sum + entry.size, 0) > MAX_DOCX_EXPANDED) throw tooLarge();
  if ((await inflatedSize(bytes, entries, MAX_DOCX_EXPANDED)) > MAX_DOCX_EXPANDED) throw tooLarge();
  signal.throwIfAborted();
  const byName = (name: string) => entries.find((entry) => entry.name === name);
  const styles = readStyles(readZipText(bytes, byName('word/styles.xml')) ?? '');
  const core = readZipText(bytes, byName('docProps/core.xml')) ?? '';

  const counts = { images: 0 };
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        includeEmbeddedStyleMap: false,
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
        transformDocument: transformer(styles, counts),
      },
    );
    html = result.value;
  } catch {
    throw new UprightError('DOCX_DAMAGED');
  }
  signal.throwIfAborted();
  const document = await parseHtml(`<!doctype html><html><body>${html}</body></html>`);
  const walked = domToBlocks(document.body, { notes: true });

  const warnings: ImportWarning[] = [];
  if (counts.images > 0) {
    warnings.push(warning('IMAGES_SKIPPED', { count: counts.images }));
  }
  return assemble({
    format: 'docx',
    drafts: walked.blocks,
    warnings,
    title: coreProperty(core, 'dc:title'),
    author: coreProperty(core, 'dc:creator'),
    furniture: headerTexts(bytes, entries),
    titleFromFirstBlock: true,
  });
}
