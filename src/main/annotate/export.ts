// Exporting excerpts for use outside Upright: as W3C Web Annotations (JSON-LD, for annotation tools
// and archives) and as CSV (for the spreadsheet a coalition drafts its submission in).
// Both leave out excerpts marked "never export" unless explicitly asked, and say how many they left
// out: that mark protects sources and witnesses, so it must not depend on every caller remembering it.
// "Restricted" excerpts (the default: for the team) are left out too unless the person asks for them,
// and counted apart; only "public" ones go by default.
import { randomUUID } from 'node:crypto';
import { CONFIDENTIALITY_LABELS, type Confidentiality, type LinkKind, STANCE_LABELS } from '../../shared/domain.ts';
import type { SourceFormat } from '../ingest/types.ts';

/** An excerpt as exported: its anchor, its coding resolved to names, and its handling marks. */
export interface ExportExcerpt {
  id: string;
  sourceId: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  page: number | null;
  note: string;
  /** Code names with their path, e.g. "Trade unions › Registration". */
  codes: string[];
  entities: string[];
  confidentiality: Confidentiality;
  stance: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A link between two excerpts as exported: "from" contradicts (corroborates, …) "to". */
export interface ExportLink {
  id: string;
  fromExcerptId: string;
  toExcerptId: string;
  kind: LinkKind;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export interface ExportSource {
  id: string;
  title: string;
  /** SHA-256 of the original file, hex. */
  sha256: string | null;
  /** UN/ILO document symbol, e.g. "A/HRC/43/10". */
  symbol: string | null;
  /** The file format it was imported from: renditions of one document share a title and differ here. */
  format: SourceFormat | null;
}

/** Formats as a spreadsheet reader would name them (the app's own labels). */
export const FORMAT_NAMES: Record<SourceFormat, string> = {
  pdf: 'PDF',
  docx: 'Word',
  html: 'Web page',
  text: 'Text',
  markdown: 'Markdown',
};

/** Media types for the W3C export's `upright:sourceFormat`, the vocabulary annotation tools know. */
export const FORMAT_MEDIA_TYPES: Record<SourceFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  text: 'text/plain',
  markdown: 'text/markdown',
};

export interface ExportOptions {
  /** Links between the excerpts; only those whose two excerpts are both exported go out. */
  links?: readonly ExportLink[];
  /** Include excerpts marked never_export. Default false. */
  includeNeverExport?: boolean;
  /** Include excerpts marked restricted (for the team). Default false. */
  includeRestricted?: boolean;
}

export interface WebAnnotationOptions extends ExportOptions {
  /** The collection's id (a urn:uuid: IRI); a fresh one by default. */
  collectionId?: string;
  label?: string;
}

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging';
  value: string;
  format: 'text/plain';
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: { source: string; selector: [TextQuoteSelector, TextPositionSelector] };
  'upright:sourceTitle'?: string;
  /** The media type of the file the source was imported from. */
  'upright:sourceFormat'?: string;
  'upright:documentSymbol'?: string;
  'upright:page'?: number;
  'upright:confidentiality': Confidentiality;
  'upright:stance'?: string;
  'upright:entities'?: string[];
}

/**
 * A link between two excerpts: motivation "linking", its target the two excerpts' annotations
 * (from first), its kind as a tag and in `upright:linkKind`, its note as a comment.
 */
export interface LinkAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'linking';
  created: string;
  modified: string;
  body: TextualBody[];
  target: [string, string];
  'upright:linkKind': LinkKind;
}

export interface AnnotationPage {
  id: string;
  type: 'AnnotationPage';
  startIndex: 0;
  items: (WebAnnotation | LinkAnnotation)[];
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  /** Absent when there is nothing to export: a page must hold at least one annotation. */
  first?: AnnotationPage;
}

export interface WebAnnotationExport {
  document: AnnotationCollection;
  /** Excerpts left out because they are marked never_export. */
  withheld: number;
  /** Excerpts left out because they are marked restricted and were not asked for. */
  restrictedWithheld: number;
  /** Links exported (both their excerpts went out). */
  links: number;
}

export interface CsvExport {
  /** UTF-8 text with a byte-order mark, CRLF line ends (RFC 4180). */
  csv: string;
  withheld: number;
  restrictedWithheld: number;
  links: number;
}

function exportable(
  excerpts: readonly ExportExcerpt[],
  options: ExportOptions,
): { kept: ExportExcerpt[]; withheld: number; restrictedWithheld: number } {
  const leaveOut = (e: ExportExcerpt) =>
    (e.confidentiality === 'never_export' && !options.includeNeverExport) ||
    (e.confidentiality === 'restricted' && !options.includeRestricted);
  const kept = excerpts.filter((e) => !leaveOut(e));
  const count = (level: Confidentiality) => excerpts.filter((e) => e.confidentiality === level && leaveOut(e)).length;
  return { kept, withheld: count('never_export'), restrictedWithheld: count('restricted') };
}

/**
 * The links whose two excerpts both go out: a link to an excerpt left behind (never export,
 * restricted, another source) would point at nothing — and would tell that it exists.
 */
function exportableLinks(kept: readonly ExportExcerpt[], options: ExportOptions): ExportLink[] {
  const out = new Set(kept.map((e) => e.id));
  return (options.links ?? []).filter((l) => out.has(l.fromExcerptId) && out.has(l.toExcerptId));
}

/** Link kinds in the words of the app, for the tag a link annotation carries. */
export const LINK_KIND_NAMES: Record<LinkKind, string> = {
  contradicts: 'Contradicts',
  corroborates: 'Corroborates',
  responds_to: 'Responds to',
  same_fact_as: 'Same fact as',
};

function toLinkAnnotation(link: ExportLink): LinkAnnotation {
  const body: TextualBody[] = [
    { type: 'TextualBody', purpose: 'tagging', value: LINK_KIND_NAMES[link.kind], format: 'text/plain' },
  ];
  if (link.note.trim())
    body.push({ type: 'TextualBody', purpose: 'commenting', value: link.note, format: 'text/plain' });
  return {
    id: `urn:uuid:${link.id}`,
    type: 'Annotation',
    motivation: 'linking',
    created: link.createdAt,
    modified: link.updatedAt,
    body,
    target: [`urn:uuid:${link.fromExcerptId}`, `urn:uuid:${link.toExcerptId}`],
    'upright:linkKind': link.kind,
  };
}

const SHA256 = /^[0-9a-f]{64}$/i;

/**
 * The source as an IRI: the original file's hash, so anyone holding the same file can resolve the
 * annotation without Upright (as Hypothesis names PDFs by fingerprint); its Upright id otherwise.
 */
function sourceIri(sourceId: string, source: ExportSource | undefined): string {
  const hash = source?.sha256;
  return hash && SHA256.test(hash) ? `urn:sha256:${hash.toLowerCase()}` : `urn:uuid:${sourceId}`;
}

function toAnnotation(excerpt: ExportExcerpt, source: ExportSource | undefined): WebAnnotation {
  const hasNote = excerpt.note.trim() !== '';
  const body: TextualBody[] = [];
  if (hasNote) body.push({ type: 'TextualBody', purpose: 'commenting', value: excerpt.note, format: 'text/plain' });
  for (const code of excerpt.codes)
    body.push({ type: 'TextualBody', purpose: 'tagging', value: code, format: 'text/plain' });

  const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: excerpt.exact };
  if (excerpt.prefix) quote.prefix = excerpt.prefix;
  if (excerpt.suffix) quote.suffix = excerpt.suffix;

  const annotation: WebAnnotation = {
    id: `urn:uuid:${excerpt.id}`,
    type: 'Annotation',
    motivation: hasNote ? 'commenting' : 'highlighting',
    created: excerpt.createdAt,
    modified: excerpt.updatedAt,
    target: {
      source: sourceIri(excerpt.sourceId, source),
      // Offsets count UTF-16 units of Upright's normalised text; the quote is the portable part.
      selector: [quote, { type: 'TextPositionSelector', start: excerpt.start, end: excerpt.end }],
    },
    'upright:confidentiality': excerpt.confidentiality,
  };
  if (body.length > 0) annotation.body = body;
  if (source?.title) annotation['upright:sourceTitle'] = source.title;
  if (source?.format) annotation['upright:sourceFormat'] = FORMAT_MEDIA_TYPES[source.format];
  if (source?.symbol) annotation['upright:documentSymbol'] = source.symbol;
  if (excerpt.page !== null) annotation['upright:page'] = excerpt.page;
  if (excerpt.stance !== null) annotation['upright:stance'] = excerpt.stance;
  if (excerpt.entities.length > 0) annotation['upright:entities'] = [...excerpt.entities];
  return annotation;
}

/**
 * The excerpts as a W3C Web Annotation collection (JSON-LD). Upright's own fields use the
 * "upright:" prefix, which JSON-LD processors keep as IRIs and other tools may ignore.
 */
export function toWebAnnotations(
  excerpts: readonly ExportExcerpt[],
  sourcesById: ReadonlyMap<string, ExportSource>,
  options: WebAnnotationOptions = {},
): WebAnnotationExport {
  const { kept, withheld, restrictedWithheld } = exportable(excerpts, options);
  const links = exportableLinks(kept, options);
  const id = options.collectionId ?? `urn:uuid:${randomUUID()}`;
  const document: AnnotationCollection = {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: options.label ?? 'Excerpts exported from Upright',
    total: kept.length + links.length,
  };
  if (kept.length > 0) {
    document.first = {
      id: `${id}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: [...kept.map((e) => toAnnotation(e, sourcesById.get(e.sourceId))), ...links.map(toLinkAnnotation)],
    };
  }
  return { document, withheld, restrictedWithheld, links: links.length };
}

export const CSV_COLUMNS = [
  'Excerpt ID',
  'Source',
  'Format',
  'Document symbol',
  'Page',
  'Quote',
  'Note',
  'Codes',
  'Entities',
  'Confidentiality',
  'Stance',
  'Created',
  'Links',
] as const;

/** How a link reads from its other end: "Contradicted by 0190…". */
const LINK_KIND_PASSIVE: Record<LinkKind, string> = {
  contradicts: 'Contradicted by',
  corroborates: 'Corroborated by',
  responds_to: 'Responded to by',
  same_fact_as: 'Same fact as',
};

// Stances in the words of the app; one Upright does not know (a newer vault) stays as stored.
const STANCE_NAMES: Partial<Record<string, string>> = STANCE_LABELS;

/** Byte-order mark: without it Excel reads UTF-8 as the local code page and Cyrillic turns to mojibake. */
const BOM = '\uFEFF';

/**
 * The excerpts as RFC 4180 CSV for spreadsheets: one row per excerpt, a header row, codes and
 * entities joined with "; ", handling marks in words.
 */
export function toCsv(
  excerpts: readonly ExportExcerpt[],
  sourcesById: ReadonlyMap<string, ExportSource>,
  options: ExportOptions = {},
): CsvExport {
  const { kept, withheld, restrictedWithheld } = exportable(excerpts, options);
  const links = exportableLinks(kept, options);
  // Each link shows in both its excerpts' rows: "Contradicts <id> (note)" and "Contradicted by <id> (note)".
  const linksOf = new Map<string, string[]>();
  const add = (excerptId: string, text: string) => linksOf.set(excerptId, [...(linksOf.get(excerptId) ?? []), text]);
  for (const l of links) {
    const note = l.note.trim() ? ` (${l.note.trim()})` : '';
    add(l.fromExcerptId, `${LINK_KIND_NAMES[l.kind]} ${l.toExcerptId}${note}`);
    add(l.toExcerptId, `${LINK_KIND_PASSIVE[l.kind]} ${l.fromExcerptId}${note}`);
  }
  const rows: Array<ReadonlyArray<string | number | null>> = [CSV_COLUMNS];
  for (const e of kept) {
    const source = sourcesById.get(e.sourceId);
    rows.push([
      e.id,
      source?.title ?? '',
      source?.format ? FORMAT_NAMES[source.format] : '',
      source?.symbol ?? '',
      e.page,
      e.exact,
      e.note,
      e.codes.join('; '),
      e.entities.join('; '),
      CONFIDENTIALITY_LABELS[e.confidentiality],
      e.stance === null ? '' : (STANCE_NAMES[e.stance] ?? e.stance),
      e.createdAt,
      (linksOf.get(e.id) ?? []).join('; '),
    ]);
  }
  const csv = BOM + rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
  return { csv, withheld, restrictedWithheld, links: links.length };
}

/** Cells a spreadsheet would run as a formula: a quote may well begin with "-" or "=". */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // A leading apostrophe makes Excel and LibreOffice show the text instead of evaluating it
  // (OWASP's advice against CSV injection: an exported quote must never become a live formula).
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
