// The last step of every importer: draft blocks and what the file says about itself in, the
// ImportedDocument out, with the metadata the text can add (title, date, symbol, language).

import type { ImportWarning } from '../../shared/warnings.ts';
import type { DraftBlock } from './build.ts';
import { buildText, cleanInline } from './build.ts';
import {
  detectLanguage,
  findAuthorOrganisation,
  findDocumentDate,
  findSymbol,
  usableAuthor,
  usableTitle,
} from './metadata.ts';
import { looksLikeHeading } from './normalise.ts';
import type { ImportedDocument, ImportedMetadata, SourceFormat } from './types.ts';

export interface AssembleOptions {
  format: SourceFormat;
  drafts: DraftBlock[];
  /** Paginated formats: the number of pages, to build the page map. */
  pageCount?: number;
  warnings?: ImportWarning[];
  encoding?: string;
  /** What the file's own metadata says; trusted over guesses from the text. */
  title?: string | null;
  author?: string | null;
  date?: string | null;
  /** Text removed from the body, such as running headers: where document symbols are printed. */
  furniture?: string[];
  /** When no heading opens the document, a first line that looks like a title is the title. */
  titleFromFirstBlock?: boolean;
}

/** How far into the text the document's own symbol and date are looked for: its opening. */
const OPENING = 1500;

export function assemble(options: AssembleOptions): ImportedDocument {
  const built = buildText(options.drafts, options.pageCount ?? 0);
  const blockText = (i: number) => {
    const block = built.blocks[i];
    return block ? built.text.slice(block.start, block.end) : '';
  };
  const firstHeading = built.blocks.findIndex((block, i) => block.kind === 'heading' && i < 5);
  const title =
    usableTitle(options.title) ??
    (firstHeading >= 0 ? usableTitle(blockText(firstHeading)) : undefined) ??
    (options.titleFromFirstBlock && looksLikeHeading(blockText(0)) ? usableTitle(blockText(0)) : undefined);
  const opening = built.text.slice(0, OPENING);
  const metadata: ImportedMetadata = {
    title,
    // What the text says first: a file's author field is usually the account that saved it, and it
    // differs between the PDF, the Word file and the web page of one document.
    author:
      findAuthorOrganisation(
        title,
        built.blocks.slice(0, 12).map((_, i) => blockText(i)),
        built.text,
      ) ?? usableAuthor(options.author),
    date:
      cleanInline(options.date ?? '') ||
      findDocumentDate(
        title,
        built.blocks.slice(0, 4).map((_, i) => blockText(i)),
      ) ||
      // Never the file's creation date: for a saved page or a converted report it is the day of the
      // conversion, and a wrong date prefilled is worse than none.
      undefined,
    symbol: findSymbol(...(options.furniture ?? []), opening),
    language: detectLanguage(built.text),
  };
  for (const key of Object.keys(metadata) as Array<keyof ImportedMetadata>) {
    if (metadata[key] === undefined) delete metadata[key];
  }
  const doc: ImportedDocument = {
    format: options.format,
    text: built.text,
    blocks: built.blocks,
    pages: built.pages,
    metadata,
    warnings: options.warnings ?? [],
  };
  if (options.encoding) doc.encoding = options.encoding;
  if (options.pageCount) doc.pageCount = options.pageCount;
  return doc;
}
