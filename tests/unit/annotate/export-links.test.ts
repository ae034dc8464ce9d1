// A coalition exports its excerpts with the links between them: "the campaign page contradicts the
// State's reply" travels as a W3C linking annotation whose target is the two excerpts, and as a
// column of the CSV; a link that touches an excerpt left behind (never export) stays behind too.
import { describe, expect, it } from 'vitest';
import {
  type ExportExcerpt,
  type ExportLink,
  type ExportSource,
  toCsv,
  toWebAnnotations,
} from '../../../src/main/annotate/export.ts';

const REPLY = '0190a1b2-0000-7000-8000-000000000001';
const CAMPAIGN = '0190a1b2-0000-7000-8000-000000000002';
const SOURCES = new Map<string, ExportSource>([
  [REPLY, { id: REPLY, title: 'Information supplied by the Government', sha256: null, symbol: null, format: 'pdf' }],
  [CAMPAIGN, { id: CAMPAIGN, title: 'Kazakhstan must respect democracy', sha256: null, symbol: null, format: 'html' }],
]);

function excerpt(id: string, sourceId: string, exact: string, confidentiality: ExportExcerpt['confidentiality']) {
  return {
    id,
    sourceId,
    exact,
    prefix: '',
    suffix: '',
    start: 0,
    end: exact.length,
    page: null,
    note: '',
    codes: [],
    entities: [],
    confidentiality,
    stance: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
  } satisfies ExportExcerpt;
}

const CLAIM = excerpt('0190a1b2-1111-7000-8000-000000000001', REPLY, 'have not been reported', 'public');
const COUNT = excerpt(
  '0190a1b2-1111-7000-8000-000000000002',
  CAMPAIGN,
  'at least 600 free and independent unions',
  'public',
);
const WITNESS = excerpt('0190a1b2-1111-7000-8000-000000000003', CAMPAIGN, 'a named organiser', 'never_export');

function link(id: string, from: ExportExcerpt, to: ExportExcerpt, kind: ExportLink['kind'], note = ''): ExportLink {
  return {
    id,
    fromExcerptId: from.id,
    toExcerptId: to.id,
    kind,
    note,
    createdAt: '2026-12-02T09:00:00.000Z',
    updatedAt: '2026-12-02T09:00:00.000Z',
  };
}

const CONTRADICTS = link('0190a1b2-2222-7000-8000-000000000001', COUNT, CLAIM, 'contradicts', 'ICTUR counted them');
const TO_WITNESS = link('0190a1b2-2222-7000-8000-000000000002', WITNESS, CLAIM, 'corroborates');

describe('the annotation export with links', () => {
  it('writes each link as a linking annotation whose target is its two excerpts, and leaves out one touching a never-export excerpt', () => {
    const out = toWebAnnotations([CLAIM, COUNT, WITNESS], SOURCES, { links: [CONTRADICTS, TO_WITNESS] });
    const items = out.document.first?.items ?? [];
    expect(out.withheld).toBe(1);
    expect(out.links).toBe(1);
    expect(out.document.total).toBe(3);
    expect(items.map((a) => a.id)).toEqual([
      `urn:uuid:${CLAIM.id}`,
      `urn:uuid:${COUNT.id}`,
      `urn:uuid:${CONTRADICTS.id}`,
    ]);
    expect(items[2]).toEqual({
      id: `urn:uuid:${CONTRADICTS.id}`,
      type: 'Annotation',
      motivation: 'linking',
      created: '2026-12-02T09:00:00.000Z',
      modified: '2026-12-02T09:00:00.000Z',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'Contradicts', format: 'text/plain' },
        { type: 'TextualBody', purpose: 'commenting', value: 'ICTUR counted them', format: 'text/plain' },
      ],
      // The targets are the excerpts' own annotations, the one drawn from first.
      target: [`urn:uuid:${COUNT.id}`, `urn:uuid:${CLAIM.id}`],
      'upright:linkKind': 'contradicts',
    });
    // Nothing of the withheld excerpt or its link leaks into the file.
    const text = JSON.stringify(out.document);
    expect(text).not.toContain(WITNESS.id);
    expect(text).not.toContain(TO_WITNESS.id);
  });

  it('shows each link in both its excerpts’ CSV rows, and none touching a withheld excerpt', () => {
    const out = toCsv([CLAIM, COUNT, WITNESS], SOURCES, { links: [CONTRADICTS, TO_WITNESS] });
    expect(out.links).toBe(1);
    const lines = out.csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]?.endsWith(',Links')).toBe(true);
    expect(lines[1]).toContain(`Contradicted by ${COUNT.id} (ICTUR counted them)`);
    expect(lines[2]).toContain(`Contradicts ${CLAIM.id} (ICTUR counted them)`);
    expect(out.csv).not.toContain(WITNESS.id);
  });
});
