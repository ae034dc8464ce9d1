// A coalition exports its excerpts: as W3C Web Annotations for other tools, and as CSV for the
// spreadsheet it drafts the submission in. Excerpts marked "never export" stay behind unless asked,
// and so do "restricted" ones (for the team), counted apart.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ANNOTATION_CONTEXT,
  CSV_COLUMNS,
  type ExportExcerpt,
  type ExportSource,
  toCsv,
  toWebAnnotations,
} from '../../../src/main/annotate/export.ts';

// Upper case on purpose: the IRI is written in lower case whatever the store holds.
const HASH = 'A3F1C2D4E5B69788123456789ABCDEFFEDCBA0987654321AABBCCDDEEFF00112';
const SOURCES = new Map<string, ExportSource>([
  [
    '0190a1b2-0000-7000-8000-000000000001',
    {
      id: '0190a1b2-0000-7000-8000-000000000001',
      title: 'ILO CAS 2022',
      sha256: HASH,
      symbol: 'ILC.110/Record No.4A',
      format: 'pdf',
    },
  ],
  [
    '0190a1b2-0000-7000-8000-000000000002',
    {
      id: '0190a1b2-0000-7000-8000-000000000002',
      title: 'Полевая заметка, Алматы',
      sha256: null,
      symbol: null,
      format: null,
    },
  ],
]);

/** A CSV column's index by its header, so the tests read by name. */
const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);

function excerpt(overrides: Partial<ExportExcerpt>): ExportExcerpt {
  return {
    id: '0190a1b2-1111-7000-8000-000000000001',
    sourceId: '0190a1b2-0000-7000-8000-000000000001',
    exact: 'the Confederation of Independent Trade Unions was dissolved',
    prefix: 'The Ministry reports that ',
    suffix: ' by a court decision',
    start: 120,
    end: 180,
    page: 4,
    note: '',
    codes: [],
    entities: [],
    // Public unless a test says otherwise: the format tests are about cells and selectors, not marks.
    confidentiality: 'public',
    stance: null,
    createdAt: '2024-05-02T09:15:00.000Z',
    updatedAt: '2024-05-03T10:00:00.000Z',
    ...overrides,
  };
}

const COMMENTED = excerpt({
  id: '0190a1b2-1111-7000-8000-000000000002',
  note: 'Contradicts the union’s account of the hearing.',
  codes: ['Trade unions › Registration', 'State claims'],
  entities: ['KNPRK', 'Ministry of Justice'],
  stance: 'state_claim',
  confidentiality: 'public',
});
const HIGHLIGHT = excerpt({});
const SECRET = excerpt({
  id: '0190a1b2-1111-7000-8000-000000000003',
  sourceId: '0190a1b2-0000-7000-8000-000000000002',
  exact: 'Свидетель просил не называть его имени',
  prefix: '',
  suffix: '',
  page: null,
  confidentiality: 'never_export',
  note: 'Identity known to the lawyer only.',
});
const TEAM_ONLY = excerpt({
  id: '0190a1b2-1111-7000-8000-000000000004',
  exact: 'the union leader was questioned for six hours',
  note: 'Told to us by her colleague; not yet cleared for publication.',
  confidentiality: 'restricted',
});

// The parts of the Web Annotation Data Model this export promises, checked structurally.
const Body = z.object({
  type: z.literal('TextualBody'),
  purpose: z.enum(['commenting', 'tagging']),
  value: z.string().min(1),
  format: z.literal('text/plain'),
});
const Annotation = z.object({
  id: z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/),
  type: z.literal('Annotation'),
  motivation: z.enum(['highlighting', 'commenting']),
  created: z.iso.datetime(),
  modified: z.iso.datetime(),
  body: z.array(Body).min(1).optional(),
  target: z.object({
    source: z.string().regex(/^urn:(sha256:[0-9a-f]{64}|uuid:[0-9a-f-]{36})$/),
    selector: z.tuple([
      z.object({
        type: z.literal('TextQuoteSelector'),
        exact: z.string().min(1),
        prefix: z.string().optional(),
        suffix: z.string().optional(),
      }),
      z.object({ type: z.literal('TextPositionSelector'), start: z.number().int(), end: z.number().int() }),
    ]),
  }),
  'upright:confidentiality': z.enum(['public', 'restricted', 'never_export']),
});
const Collection = z.object({
  '@context': z.literal(ANNOTATION_CONTEXT),
  id: z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/),
  type: z.literal('AnnotationCollection'),
  label: z.string().min(1),
  total: z.number().int(),
  first: z
    .object({ id: z.string(), type: z.literal('AnnotationPage'), startIndex: z.literal(0), items: z.array(Annotation) })
    .optional(),
});

describe('exporting excerpts as W3C Web Annotations', () => {
  it('writes an AnnotationCollection of annotations with quote and position selectors on the original file', () => {
    const { document, withheld } = toWebAnnotations([COMMENTED, HIGHLIGHT], SOURCES);
    // Round-trip through JSON first: what is written to disk is what must be valid.
    const doc = Collection.parse(JSON.parse(JSON.stringify(document)));
    expect(withheld).toBe(0);
    expect(doc.total).toBe(2);
    const [commented, highlight] = doc.first?.items ?? [];
    expect(commented?.id).toBe(`urn:uuid:${COMMENTED.id}`);
    expect(commented?.target.source).toBe(`urn:sha256:${HASH.toLowerCase()}`);
    expect(commented?.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: COMMENTED.exact, prefix: COMMENTED.prefix, suffix: COMMENTED.suffix },
      { type: 'TextPositionSelector', start: 120, end: 180 },
    ]);
    expect(commented?.created).toBe(COMMENTED.createdAt);
    expect(commented?.modified).toBe(COMMENTED.updatedAt);
    expect(highlight?.motivation).toBe('highlighting');
    expect(highlight?.body).toBeUndefined();
  });

  it('puts the note in a commenting body, each code in a tagging body, and Upright’s marks under its prefix', () => {
    const { document } = toWebAnnotations([COMMENTED], SOURCES);
    const annotation = document.first?.items[0];
    expect(annotation?.motivation).toBe('commenting');
    expect(annotation?.body).toEqual([
      { type: 'TextualBody', purpose: 'commenting', value: COMMENTED.note, format: 'text/plain' },
      { type: 'TextualBody', purpose: 'tagging', value: 'Trade unions › Registration', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'tagging', value: 'State claims', format: 'text/plain' },
    ]);
    expect(annotation).toMatchObject({
      'upright:page': 4,
      'upright:confidentiality': 'public',
      'upright:stance': 'state_claim',
      'upright:entities': ['KNPRK', 'Ministry of Justice'],
      'upright:sourceTitle': 'ILO CAS 2022',
      'upright:sourceFormat': 'application/pdf',
      'upright:documentSymbol': 'ILC.110/Record No.4A',
    });
  });

  it('withholds never-export excerpts and counts them, unless explicitly included', () => {
    const excerpts = [COMMENTED, SECRET, HIGHLIGHT];
    const { document, withheld } = toWebAnnotations(excerpts, SOURCES);
    expect(withheld).toBe(1);
    expect(document.total).toBe(2);
    const serialised = JSON.stringify(document);
    expect(serialised).not.toContain('Свидетель');
    expect(serialised).not.toContain(SECRET.id);

    const all = toWebAnnotations(excerpts, SOURCES, { includeNeverExport: true });
    expect(all.withheld).toBe(0);
    const secret = Collection.parse(all.document).first?.items.find((a) => a.id === `urn:uuid:${SECRET.id}`);
    // No hash recorded: the source is named by its Upright id; no page, no empty context.
    expect(secret?.target.source).toBe(`urn:uuid:${SECRET.sourceId}`);
    expect(secret?.target.selector[0]).toEqual({ type: 'TextQuoteSelector', exact: SECRET.exact });
    expect(secret).not.toHaveProperty('upright:page');
    expect(secret?.['upright:confidentiality']).toBe('never_export');
  });

  it('leaves restricted excerpts out unless asked for, and counts them apart from never-export ones', () => {
    const excerpts = [COMMENTED, TEAM_ONLY, SECRET];
    const { document, withheld, restrictedWithheld } = toWebAnnotations(excerpts, SOURCES);
    expect([withheld, restrictedWithheld, document.total]).toEqual([1, 1, 1]);
    expect(JSON.stringify(document)).not.toContain('questioned for six hours');
    expect(JSON.stringify(document)).not.toContain(TEAM_ONLY.id);

    const asked = toWebAnnotations(excerpts, SOURCES, { includeRestricted: true });
    expect([asked.withheld, asked.restrictedWithheld, asked.document.total]).toEqual([1, 0, 2]);
    const team = Collection.parse(asked.document).first?.items.find((a) => a.id === `urn:uuid:${TEAM_ONLY.id}`);
    expect(team?.['upright:confidentiality']).toBe('restricted');
    // Asking for restricted ones does not let "never export" ones through.
    expect(JSON.stringify(asked.document)).not.toContain('Свидетель');
  });

  it('writes a valid empty collection when everything is withheld', () => {
    const { document, withheld } = toWebAnnotations([SECRET], SOURCES, {
      collectionId: 'urn:uuid:0190a1b2-2222-7000-8000-000000000000',
    });
    expect(withheld).toBe(1);
    expect(Collection.parse(document)).toEqual({
      '@context': ANNOTATION_CONTEXT,
      id: 'urn:uuid:0190a1b2-2222-7000-8000-000000000000',
      type: 'AnnotationCollection',
      label: 'Excerpts exported from Upright',
      total: 0,
    });
  });
});

/** A strict RFC 4180 reader, so the tests check what a spreadsheet would actually see. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < csv.length) {
    const ch = csv.charAt(i);
    if (quoted) {
      if (ch === '"' && csv.charAt(i + 1) === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (cell !== '') throw new Error(`stray quote in an unquoted cell at ${i}`);
      quoted = true;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && csv.charAt(i + 1) === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== '' || row.length > 0) throw new Error('last record not terminated by CRLF');
  return rows;
}

describe('exporting excerpts as CSV for a spreadsheet', () => {
  it('starts with a byte-order mark and keeps Cyrillic intact in UTF-8', () => {
    const { csv } = toCsv([SECRET], SOURCES, { includeNeverExport: true });
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.slice(1));
    expect(rows[1]?.[col('Source')]).toBe('Полевая заметка, Алматы');
    expect(rows[1]?.[col('Quote')]).toBe('Свидетель просил не называть его имени');
    expect(new TextDecoder().decode(bytes.subarray(3))).toBe(csv.slice(1));
  });

  it('writes one row per excerpt under a header, with codes and entities joined and marks in words', () => {
    const { csv, withheld } = toCsv([COMMENTED, HIGHLIGHT], SOURCES);
    expect(withheld).toBe(0);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[1]).toEqual([
      COMMENTED.id,
      'ILO CAS 2022',
      'PDF',
      'ILC.110/Record No.4A',
      '4',
      COMMENTED.exact,
      COMMENTED.note,
      'Trade unions › Registration; State claims',
      'KNPRK; Ministry of Justice',
      'Public',
      'Claim by the State',
      COMMENTED.createdAt,
      // No links between these excerpts.
      '',
    ]);
    expect(rows).toHaveLength(3);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes cells with commas, quotes and line breaks, doubling the quotes', () => {
    const tricky = excerpt({
      exact: 'The court held that the union “KNPRK” was, in its words, "liquidated"',
      note: 'Line one,\r\nline two\nline "three"',
    });
    const { csv } = toCsv([tricky], SOURCES);
    expect(csv).toContain('"The court held that the union “KNPRK” was, in its words, ""liquidated"""');
    const row = parseCsv(csv.slice(1))[1];
    expect(row?.[col('Quote')]).toBe(tricky.exact);
    expect(row?.[col('Note')]).toBe(tricky.note);
    expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const attacks = ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1:A2)', '\tTAB', '\rCR'];
    const excerpts = attacks.map((note, i) => excerpt({ id: `0190a1b2-3333-7000-8000-00000000000${i}`, note }));
    const rows = parseCsv(toCsv(excerpts, SOURCES).csv.slice(1));
    attacks.forEach((attack, i) => {
      expect(rows[i + 1]?.[col('Note')]).toBe(`'${attack}`);
    });
    // A source title is user-controlled too.
    const hostile = new Map([
      [
        HIGHLIGHT.sourceId,
        { id: HIGHLIGHT.sourceId, title: '=cmd|"/c calc"!A1', sha256: null, symbol: null, format: null },
      ],
    ]);
    expect(parseCsv(toCsv([HIGHLIGHT], hostile).csv.slice(1))[1]?.[col('Source')]).toBe('\'=cmd|"/c calc"!A1');
  });

  it('leaves never-export excerpts out of the spreadsheet and counts them', () => {
    const { csv, withheld } = toCsv([COMMENTED, SECRET], SOURCES);
    expect(withheld).toBe(1);
    expect(csv).not.toContain('Свидетель');
    expect(parseCsv(csv.slice(1))).toHaveLength(2);
    const all = toCsv([COMMENTED, SECRET], SOURCES, { includeNeverExport: true });
    expect(all.withheld).toBe(0);
    expect(parseCsv(all.csv.slice(1))[2]?.[col('Confidentiality')]).toBe('Never export');
  });
});

describe('renditions of one document in an export', () => {
  // The same letter imported as PDF and as Word: same title, same symbol. Without the format a
  // spreadsheet or another tool cannot tell which file a row's page and offsets belong to.
  const PDF_ID = '0190a1b2-0000-7000-8000-00000000000a';
  const WORD_ID = '0190a1b2-0000-7000-8000-00000000000b';
  const renditions = new Map<string, ExportSource>([
    [PDF_ID, { id: PDF_ID, title: 'Letter of the Ministry', sha256: null, symbol: null, format: 'pdf' }],
    [WORD_ID, { id: WORD_ID, title: 'Letter of the Ministry', sha256: null, symbol: null, format: 'docx' }],
  ]);
  const fromPdf = excerpt({ id: '0190a1b2-4444-7000-8000-000000000001', sourceId: PDF_ID });
  const fromWord = excerpt({ id: '0190a1b2-4444-7000-8000-000000000002', sourceId: WORD_ID, page: null });

  it('names each row’s format in the CSV', () => {
    const rows = parseCsv(toCsv([fromPdf, fromWord], renditions).csv.slice(1));
    expect(rows[0]?.[col('Format')]).toBe('Format');
    expect(rows.slice(1).map((r) => [r[col('Source')], r[col('Format')]])).toEqual([
      ['Letter of the Ministry', 'PDF'],
      ['Letter of the Ministry', 'Word'],
    ]);
  });

  it('gives each annotation its source’s media type, and none when the format is unknown', () => {
    const items = toWebAnnotations([fromPdf, fromWord], renditions).document.first?.items ?? [];
    expect(items.map((a) => ('upright:sourceFormat' in a ? a['upright:sourceFormat'] : undefined))).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    const unknown = toWebAnnotations([SECRET], SOURCES, { includeNeverExport: true }).document.first?.items[0];
    expect(unknown).not.toHaveProperty('upright:sourceFormat');
  });

  it('leaves restricted excerpts (quote and note) out of the spreadsheet unless asked for, and counts them', () => {
    const { csv, withheld, restrictedWithheld } = toCsv([COMMENTED, TEAM_ONLY, SECRET], SOURCES);
    expect([withheld, restrictedWithheld]).toEqual([1, 1]);
    expect(csv).not.toContain('questioned for six hours');
    expect(csv).not.toContain('not yet cleared');
    expect(parseCsv(csv.slice(1))).toHaveLength(2);
    const asked = toCsv([COMMENTED, TEAM_ONLY, SECRET], SOURCES, { includeRestricted: true });
    expect([asked.withheld, asked.restrictedWithheld]).toEqual([1, 0]);
    const rows = parseCsv(asked.csv.slice(1));
    expect(rows).toHaveLength(3);
    expect(rows[2]?.[col('Note')]).toBe(TEAM_ONLY.note);
    expect(rows[2]?.[col('Confidentiality')]).toBe('Restricted');
  });
});
