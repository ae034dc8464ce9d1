// What the reader relies on whatever the kind: offsets that point at the mention, one kind never
// overlapping itself, an order to show them in, and confidences it can threshold.
import { describe, expect, it } from 'vitest';
import { suggest } from '../../../src/main/extract/index.ts';
import { importedText, KINDS } from './support.ts';

const SAMPLE =
  'On 9 June 2021 the President of the Republic of Kazakhstan, K.K. Tokayev, signed a decree. The International Trade Union Confederation (ITUC) recalled articles 2 and 3 of Convention No. 87; ITUC paid US$ 5,000 in 2022. 14 марта 2023 года г-жа Харькова сослалась на статью 2 Конвенции МОТ № 87 и штраф 100 000 тенге.';

describe('a lawyer opens a source and sees suggestions to accept', () => {
  const found = suggest(SAMPLE);

  it('suggests every kind, each pointing exactly at its mention', () => {
    expect(new Set(found.map((s) => s.kind))).toEqual(new Set(KINDS));
    for (const s of found) {
      expect(SAMPLE.slice(s.start, s.end)).toBe(s.text);
      expect(s.value.length, s.text).toBeGreaterThan(0);
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('sorts by position and never overlaps a kind with itself, while kinds may overlap', () => {
    expect(found.map((s) => s.start)).toEqual([...found.map((s) => s.start)].sort((a, b) => a - b));
    for (const kind of KINDS) {
      const spans = found.filter((s) => s.kind === kind);
      for (const [i, a] of spans.entries())
        expect(
          spans.slice(i + 1).some((b) => b.start < a.end),
          a.text,
        ).toBe(false);
    }
    // "МОТ" is an organisation inside the legal reference to ILO Convention No. 87.
    const legal = found.find((s) => s.kind === 'legal_reference' && s.text.includes('МОТ'));
    const ilo = found.find((s) => s.kind === 'organisation' && s.text === 'МОТ');
    expect(legal && ilo && legal.start < ilo.start && ilo.end < legal.end).toBe(true);
  });

  it('reads the Russian field note the importer produces', async () => {
    const text = await importedText('field-note-ru.txt');
    const values = suggest(text, { language: 'ru' }).map((s) => `${s.kind}: ${s.value}`);
    expect(values).toEqual([
      'date: 2023-03-14',
      'organisation: профсоюза работников связи «Пример»',
      'date: 2023-01-10',
      'date: 2023-02-07',
      'date: 2023-03-02',
      'legal_reference: Закон о профессиональных союзах, ст. 13',
      'legal_reference: ILO Convention No. 87, art. 2',
      'organisation: International Labour Organization',
      'legal_reference: ICCPR, art. 22',
    ]);
  });

  it('copes with an empty text and with text that has nothing to suggest', () => {
    expect(suggest('')).toEqual([]);
    expect(suggest('The proposed amendments are currently in the process of negotiation.')).toEqual([]);
  });

  it('stays quick on a long source', () => {
    const long = SAMPLE.repeat(200);
    const started = performance.now();
    const many = suggest(long);
    // A generous bound: the point is to catch a regular expression gone quadratic, not to benchmark.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(many.length).toBeGreaterThan(200 * 10);
  });
});
