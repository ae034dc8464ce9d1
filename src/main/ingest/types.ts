// What every importer produces from a file's bytes, whatever the format: the normalised text a
// person reads and cites, its structure as offsets into that text, and its page map.

export type SourceFormat = 'pdf' | 'docx' | 'html' | 'text' | 'markdown';

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'footnote' | 'quote';

/** A structural unit of the normalised text: [start, end) are UTF-16 offsets into `text`. */
export interface Block {
  kind: BlockKind;
  /** Heading level 1–6 for headings. */
  level?: number;
  start: number;
  end: number;
}

/**
 * Page n covers text[start, end). Only paginated formats (PDF) have pages; others give []. Spans are
 * in text order, contiguous, and cover the whole text; a paragraph crossing a page break lies in both
 * pages' spans. A page owns a second span when its footnotes were moved to the end of the text.
 */
export interface PageSpan {
  page: number;
  start: number;
  end: number;
}

/** Metadata the file itself tells; every field optional, a person confirms it on import. */
export interface ImportedMetadata {
  title?: string;
  /** Author organisation or person, as the file names it. */
  author?: string;
  /** A full or partial ISO date: "2022", "2022-06", "2022-06-09". */
  date?: string;
  /** A UN/ILO document symbol found in the text, e.g. "CAN/D/Kazakhstan-C.87", "A/HRC/43/10". */
  symbol?: string;
  /** ISO 639-1 code detected offline ("en", "ru", …), or undefined when unsure. */
  language?: string;
  /** A saved web page's address (canonical link, og:url, or the browser's "saved from" mark). */
  url?: string;
  /** YYYY-MM-DD: the day a saved web page records it was saved. */
  savedOn?: string;
}

export interface ImportedDocument {
  format: SourceFormat;
  /** Blocks joined by a blank line ("\n\n"); no running headers, page numbers or hyphenation breaks. */
  text: string;
  blocks: Block[];
  pages: PageSpan[];
  metadata: ImportedMetadata;
  /** Things the person should know that did not stop the import (e.g. "2 images skipped"). */
  warnings: string[];
  /** For text files: the encoding detected ("utf-8", "utf-16le", "windows-1251"). */
  encoding?: string;
  /** Paginated formats: how many pages the source has (not pages.length: a page may own two spans). */
  pageCount?: number;
  /** A web page saved from a site (site navigation, a canonical address or a "saved from" mark), not a document exported as HTML. */
  savedPage?: boolean;
}

export interface ImportLimits {
  /** Files above this many bytes are refused with FILE_TOO_LARGE. */
  maxBytes: number;
  /** A parser running longer than this is stopped (a malicious document must not hang the app). */
  timeoutMs: number;
  /** Heap cap of the parse worker, in MiB: a file needing more is refused with IMPORT_TOO_COMPLEX. */
  heapMb?: number;
  /**
   * The parse worker is stopped (IMPORT_TOO_COMPLEX) when the process's resident memory grows by more
   * than this while it runs: heap caps do not count the Buffers a decompression bomb fills.
   */
  rssGrowthBytes?: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 200 * 1024 * 1024,
  timeoutMs: 120_000,
  heapMb: 512,
  rssGrowthBytes: 640 * 1024 * 1024,
};
