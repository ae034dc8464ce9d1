// How good are the suggestions? Each source below was annotated by hand (tests/fixtures/gold/*.json,
// with the guidelines for what counts as a mention), and suggest() is scored against it kind by
// kind: a suggestion matches a gold mention of its kind when their spans overlap by at least half
// of the longer span, one-to-one. The floors sit just under what the extractors reach today, so a
// change that costs a lawyer real suggestions — or adds wrong ones — fails here.
//
// Honesty about the figures: the ILO reply, the ICTUR submission and the Russian note were read
// while the rules were written, so their scores are development-set scores. The campaign page was
// annotated and scored before any rule was tuned on it — then it scored date 1.00/0.91, legal
// 1.00/0.50, person –/0.00 (names without honorifics), organisation 0.75/0.63 (precision/recall).
// The generic fixes that followed (titles such as "General Secretary", role nouns before full
// names, lower-case names before a defined acronym, "ILO Conventions 87 and 98") raised it to the
// floors below, so it is no longer held out either.
//
// Issue 16 added seven public texts (origins in tests/fixtures/gold/README.md), their gold written and
// committed before any rule changed. Three are the development set (rules were tuned on them); four
// are HELD OUT — never used to tune a rule, only scored — and their floors are what generalisation
// honestly reaches. Before → after, precision/recall, summed over each set:
//   dev       date 0.93/0.93 → 1.00/1.00  legal 0.60/0.53 → 1.00/0.94  person 0.85/0.69 → 1.00/1.00
//             organisation 0.92/0.58 → 1.00/0.79  amount 1.00/1.00 → 1.00/1.00
//   held out  date 0.93/0.82 → 0.93/0.85  legal 0.60/0.28 → 0.68/0.35  person 0.95/0.60 → 0.97/0.93
//             organisation 0.80/0.22 → 1.00/0.33  amount 1.00/1.00 → 1.00/1.00
import { beforeAll, describe, expect, it } from 'vitest';
import { type SuggestionKind, suggest } from '../../../src/main/extract/index.ts';
import { type Gold, importedText, KINDS, type KindScore, readGold, score, table } from './support.ts';

type Floors = Record<SuggestionKind, { precision: number; recall: number }>;

// Kinds a source has no gold mentions of are held to precision 1: nothing may be suggested.
const NONE = { precision: 1, recall: 1 };

const floors = (f: Record<SuggestionKind, [number, number] | 'none'>): Floors =>
  Object.fromEntries(
    Object.entries(f).map(([kind, v]) => [kind, v === 'none' ? NONE : { precision: v[0], recall: v[1] }]),
  ) as Floors;

const SOURCES: Array<{ story: string; gold: string; file: string; floors: Floors }> = [
  {
    story: 'a lawyer gets suggestions for the ILO reply',
    gold: 'ilo-cas-kazakhstan-c87-2022',
    file: 'ilo-cas-kazakhstan-c87-2022.pdf',
    floors: {
      date: { precision: 0.95, recall: 0.95 },
      legal_reference: { precision: 0.95, recall: 0.95 },
      person: { precision: 0.9, recall: 0.9 },
      organisation: { precision: 0.9, recall: 0.9 },
      amount: NONE,
    },
  },
  {
    story: 'a lawyer gets suggestions for the ICTUR stakeholder submission',
    gold: 'ictur-upr-submission-kazakhstan',
    file: 'ictur-upr-submission-kazakhstan.pdf',
    floors: {
      date: { precision: 0.95, recall: 0.95 },
      legal_reference: { precision: 0.95, recall: 0.95 },
      person: NONE,
      organisation: { precision: 0.95, recall: 0.9 },
      amount: NONE,
    },
  },
  {
    story: 'a monitor gets suggestions for a Russian field note',
    gold: 'field-note-ru',
    file: 'field-note-ru.txt',
    floors: {
      date: { precision: 1, recall: 1 },
      legal_reference: { precision: 1, recall: 1 },
      person: NONE,
      organisation: { precision: 1, recall: 1 },
      amount: NONE,
    },
  },
  {
    story: 'a lawyer gets suggestions for a campaign web page',
    gold: 'campaign-page-kazakhstan-fundamental-rights',
    file: 'campaign-page-kazakhstan-fundamental-rights.pdf',
    floors: {
      date: { precision: 0.9, recall: 0.9 },
      legal_reference: { precision: 1, recall: 1 },
      person: { precision: 0.9, recall: 0.9 },
      organisation: { precision: 0.9, recall: 0.85 },
      amount: NONE,
    },
  },
  // Issue 16, development set.
  {
    story: 'dev: a lawyer gets suggestions for an NGO report on arrests (OVD-Info 2012)',
    gold: 'ovdinfo-2012-arrests',
    file: 'ovdinfo-2012-arrests.txt',
    floors: floors({
      date: [0.95, 0.95],
      legal_reference: [0.95, 0.95],
      person: [0.95, 0.95],
      organisation: [0.95, 0.6],
      amount: [0.95, 0.95],
    }),
  },
  {
    story: 'dev: a lawyer gets suggestions for legal comments on Russia’s emergency decrees (PanDem)',
    gold: 'pandem-russia',
    file: 'pandem-russia.txt',
    floors: floors({
      date: [0.95, 0.95],
      legal_reference: [0.95, 0.95],
      person: [0.95, 0.95],
      organisation: [0.95, 0.6],
      amount: [0.95, 0.95],
    }),
  },
  {
    story: 'dev: a lawyer gets suggestions for a UPR Working Group report (Kazakhstan 2010)',
    gold: 'upr-kazakhstan-2010',
    file: 'upr-kazakhstan-2010.txt',
    floors: floors({
      date: [0.95, 0.95],
      legal_reference: [0.95, 0.45],
      person: [0.95, 0.95],
      organisation: [0.95, 0.95],
      amount: [0.95, 0.95],
    }),
  },
  // Issue 16, HELD OUT: never tuned on. A rule changed because of one of these moves it to the dev set.
  {
    story: 'held out: a lawyer gets suggestions for an NGO quarterly report (OVD-Info 2013 Q1)',
    gold: 'ovdinfo-2013-q1',
    file: 'ovdinfo-2013-q1.txt',
    floors: floors({
      date: [0.9, 0.8],
      legal_reference: [0.75, 0.75],
      person: [0.95, 0.8],
      organisation: [0.95, 0],
      amount: 'none',
    }),
  },
  {
    story: 'held out: a lawyer gets suggestions for an NGO report on courts (OVD-Info 2012)',
    gold: 'ovdinfo-2012-courts',
    file: 'ovdinfo-2012-courts.txt',
    floors: floors({
      date: [0.75, 0.85],
      legal_reference: [0.95, 0.95],
      person: [0.95, 0.9],
      organisation: [0.95, 0.4],
      amount: [0.95, 0.95],
    }),
  },
  {
    story: 'held out: a lawyer gets suggestions for legal comments with American dates (PanDem Kazakhstan)',
    gold: 'pandem-kazakhstan',
    file: 'pandem-kazakhstan.txt',
    floors: floors({
      date: [0.9, 0.75],
      legal_reference: [0.5, 0.1],
      person: 'none',
      organisation: 'none',
      amount: 'none',
    }),
  },
  {
    story: 'held out: a lawyer gets suggestions for a UPR Working Group report (Russian Federation 2009)',
    gold: 'upr-russia-2009',
    file: 'upr-russia-2009.txt',
    floors: floors({
      date: 'none',
      legal_reference: [0.45, 0.55],
      person: [0.45, 0.95],
      organisation: [0.95, 0.55],
      amount: 'none',
    }),
  },
];

/** What went wrong, for the failure message: the mentions missed and the suggestions that matched nothing. */
function explain(s: KindScore): string {
  const missed = s.missed.map((m) => `missed ${m.start} “${m.text}”`);
  const wrong = s.wrong.map((w) => `wrong ${w.start} “${w.text}”`);
  return [`${s.kind}: precision ${s.precision.toFixed(2)}, recall ${s.recall.toFixed(2)}`, ...missed, ...wrong].join(
    '\n',
  );
}

for (const source of SOURCES) {
  describe(source.story, () => {
    let text = '';
    let gold: Gold;
    let scores: KindScore[] = [];

    beforeAll(async () => {
      text = await importedText(source.file);
      gold = readGold(source.gold);
      scores = score(suggest(text), gold.mentions);
      console.log(table(`${source.gold}: ${gold.mentions.length} hand-marked mentions`, scores));
    });

    it('has a gold file that still describes the text the importer produces', () => {
      expect(text.length).toBe(gold.textLength);
      for (const mention of gold.mentions) {
        expect(text.slice(mention.start, mention.end), `${mention.kind} at ${mention.start}`).toBe(mention.text);
      }
      // One kind never overlaps itself in the gold either, and every kind has its written rule.
      for (const kind of KINDS) {
        const spans = gold.mentions.filter((m) => m.kind === kind);
        for (const [i, a] of spans.entries()) {
          expect(spans.slice(i + 1).some((b) => b.start < a.end)).toBe(false);
        }
        expect(gold.guidelines[kind].length, kind).toBeGreaterThan(40);
      }
    });

    it.each(KINDS)('reaches the precision and recall floors for %s', (kind) => {
      const s = scores.find((x) => x.kind === kind) as KindScore;
      const floor = source.floors[kind];
      expect(s.precision, explain(s)).toBeGreaterThanOrEqual(floor.precision);
      expect(s.recall, explain(s)).toBeGreaterThanOrEqual(floor.recall);
    });
  });
}

describe('the scorer behind the floors', () => {
  const gold = readGold('ilo-cas-kazakhstan-c87-2022').mentions;
  const asSuggestions = gold.map((m) => ({ ...m, value: m.text, confidence: 1 }));

  it('gives the gold itself full marks', () => {
    for (const s of score(asSuggestions, gold)) {
      expect([s.precision, s.recall]).toEqual([1, 1]);
    }
  });

  it('gives no suggestions zero recall, so a broken extractor cannot pass', () => {
    const dates = score([], gold).find((s) => s.kind === 'date');
    expect(dates?.recall).toBe(0);
  });

  it('does not count a suggestion twice, nor a span covering less than half of the mention', () => {
    const decree = gold.find((m) => m.text.startsWith('Decree on Further')) as (typeof gold)[number];
    const twice = [decree, decree].map((m) => ({ ...m, value: '', confidence: 1 }));
    const legal = score(twice, [decree]).find((s) => s.kind === 'legal_reference');
    expect([legal?.matched, legal?.precision]).toEqual([1, 0.5]);
    const short = { ...decree, end: decree.start + 6, value: '', confidence: 1 }; // "Decree"
    expect(score([short], [decree]).find((s) => s.kind === 'legal_reference')?.matched).toBe(0);
  });
});
