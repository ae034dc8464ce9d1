// Import warnings: things a person should know about a source that did not stop its import. Like
// errors they travel and are stored as { code, params } and are worded by the renderer (ids
// warning.<CODE>). Params hold counts, page lists and file-name extensions — never document text.
import { z } from 'zod';
import { defineMessages } from './i18n/define.ts';

export const WARNING_MESSAGES = defineMessages({
  NAME_MISMATCH: {
    id: 'warning.NAME_MISMATCH',
    defaultMessage:
      'The file is named .{extension} but is {format, select, pdf {a PDF} docx {a Word document} html {a web page} markdown {a Markdown file} other {a text file}}; it was read as such.',
    description: 'extension: the file name’s extension; format: what the file really is',
  },
  IMAGES_SKIPPED: {
    id: 'warning.IMAGES_SKIPPED',
    defaultMessage: '{count, plural, one {# image was} other {# images were}} not imported: only the text is.',
  },
  WEB_IMAGES_SKIPPED: {
    id: 'warning.WEB_IMAGES_SKIPPED',
    defaultMessage:
      '{count, plural, one {# image was} other {# images were}} not imported: web pages are imported as text.',
  },
  DAMAGED_CHARACTERS: {
    id: 'warning.DAMAGED_CHARACTERS',
    defaultMessage:
      '{count, plural, one {# damaged character was} other {# damaged characters were}} replaced by “\ufffd”.',
  },
  PAGES_WITHOUT_TEXT: {
    id: 'warning.PAGES_WITHOUT_TEXT',
    defaultMessage:
      '{count, plural, one {Page {pages} has} other {Pages {pages} have}} no text layer (scanned?) and {count, plural, one {is} other {are}} missing from the text.',
    description: 'pages: page numbers and ranges, e.g. "3, 5–7"; count: how many pages',
  },
  ROTATED_TEXT_LEFT_OUT: {
    id: 'warning.ROTATED_TEXT_LEFT_OUT',
    defaultMessage: 'Some rotated or vertical text (stamps, margin notes) was left out.',
  },
  PDF_CUT_OFF: {
    id: 'warning.PDF_CUT_OFF',
    defaultMessage: 'The PDF seems cut off at its end: pages or text may be missing. Compare with the original.',
  },
  OLDER_NOTE: {
    id: 'warning.OLDER_NOTE',
    defaultMessage: 'Noted at import by an older version of Upright: {text}',
    description: 'text: an English sentence an older Upright stored with the source',
  },
});

export type WarningCode = keyof typeof WARNING_MESSAGES;
const WARNING_CODES = Object.keys(WARNING_MESSAGES) as [WarningCode, ...WarningCode[]];

export const ImportWarning = z.object({
  code: z.enum(WARNING_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ImportWarning = z.infer<typeof ImportWarning>;

export function warning(code: WarningCode, params: Record<string, string | number> = {}): ImportWarning {
  return { code, params };
}

const FORMAT_WORDS: Record<string, string> = {
  'a PDF': 'pdf',
  'a Word document': 'docx',
  'a web page': 'html',
  'a text file': 'text',
  'a Markdown file': 'markdown',
};

/**
 * A warning as stored: sources imported before warnings became codes hold English sentences. The
 * ones Upright wrote are read back as their codes; any other sentence is shown as an older note.
 */
export function storedWarning(value: unknown): ImportWarning {
  const parsed = ImportWarning.safeParse(value);
  if (parsed.success) return parsed.data;
  const text = typeof value === 'string' ? value : '';
  let m = /^The file is named \.(\w+) but is (.+); it was read as such\.$/.exec(text);
  const format = m?.[2] ? FORMAT_WORDS[m[2]] : undefined;
  if (m?.[1] && format) return warning('NAME_MISMATCH', { extension: m[1], format });
  m = /^(\d+) images? (?:was|were) not imported: (only the text is|web pages are imported as text)\.$/.exec(text);
  if (m?.[1])
    return warning(m[2] === 'only the text is' ? 'IMAGES_SKIPPED' : 'WEB_IMAGES_SKIPPED', { count: Number(m[1]) });
  m = /^(\d+) damaged characters? (?:was|were) replaced by/.exec(text);
  if (m?.[1]) return warning('DAMAGED_CHARACTERS', { count: Number(m[1]) });
  m = /^(Pages?) ([\d, –-]+?) (?:has|have) no text layer/.exec(text);
  if (m?.[2]) return warning('PAGES_WITHOUT_TEXT', { count: m[1] === 'Page' ? 1 : 2, pages: m[2] });
  if (text.startsWith('Some rotated or vertical text')) return warning('ROTATED_TEXT_LEFT_OUT');
  if (text.startsWith('The PDF seems cut off at its end')) return warning('PDF_CUT_OFF');
  return warning('OLDER_NOTE', { text: text.slice(0, 300) });
}
