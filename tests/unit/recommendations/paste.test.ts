// A monitor copies the recommendations section of last cycle's Working Group report out of its PDF
// and pastes it: every numbered recommendation comes out once, with its States and the response its
// section's lead sentence gives — measured against gold files written before the splitter
// (tests/fixtures/recommendations/README.md), development and held-out sets apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitPastedRecommendations } from '../../../src/main/recommendations/paste.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/recommendations/${name}`, import.meta.url), 'utf8');

interface Gold {
  count: number;
  recommendations: { number: string; states: string[]; response: string }[];
}

/** How many recommendations were found, and how many have exactly the gold States and response. */
function score(text: string, gold: Gold) {
  const { rows } = splitPastedRecommendations(text);
  const found = new Map(rows.map((row) => [row.fields.paragraph, row.fields]));
  let states = 0;
  let responses = 0;
  for (const want of gold.recommendations) {
    const got = found.get(want.number);
    if (JSON.stringify(got?.recommendingStates) === JSON.stringify(want.states)) states++;
    if (got?.response === want.response) responses++;
  }
  return { count: rows.length, numbers: rows.map((row) => row.fields.paragraph), states, responses };
}

/**
 * The same section as a PDF copy gives it: lines wrapped at `width` characters, and every
 * `pageLines` lines a page break with the page number, the report's running header and its job number.
 */
function asCopiedFromPdf(text: string, width: number, pageLines: number): string {
  const wrapped: string[] = [];
  for (const line of text.split('\n')) {
    let current = '';
    for (const word of line.split(/\s+/).filter(Boolean)) {
      if (current && current.length + word.length + 1 > width) {
        wrapped.push(current);
        current = word;
      } else current = current ? `${current} ${word}` : word;
    }
    wrapped.push(current);
  }
  const out: string[] = [];
  wrapped.forEach((line, i) => {
    out.push(line);
    if (i % pageLines === pageLines - 1)
      out.push('', String(10 + Math.floor(i / pageLines)), '\f', 'A/HRC/99/1', 'GE.14-04512');
  });
  return out.join('\n');
}

const SETS = {
  development: ['albania2014', 'angola2014', 'mexico2009'],
  'held out': ['afghanistan2014', 'austria2011', 'kazakhstan2014', 'chile2009'],
} as const;

for (const [set, names] of Object.entries(SETS)) {
  describe(`Working Group reports (${set})`, () => {
    for (const name of names) {
      const gold = JSON.parse(fixture(`${name}.gold.json`)) as Gold;
      const section = fixture(`${name}.section.txt`);

      it(`${name}: every recommendation once, in order, with exactly its States and response`, () => {
        const got = score(section, gold);
        expect(got.numbers).toEqual(gold.recommendations.map((r) => r.number));
        expect(got).toMatchObject({ count: gold.count, states: gold.count, responses: gold.count });
      });

      it(`${name}: the same when lines are wrapped and pages break inside recommendations`, () => {
        for (const [width, pageLines] of [
          [90, 45],
          [62, 31],
        ] as const) {
          const got = score(asCopiedFromPdf(section, width, pageLines), gold);
          expect(got).toMatchObject({ count: gold.count, states: gold.count, responses: gold.count });
        }
      });
    }
  });
}

describe('pasting a recommendations section', () => {
  const pasted = [
    'II. Conclusions and/or recommendations',
    '126. The recommendations formulated during the interactive dialogue and listed below have been',
    'examined by Kazakhstan and enjoy the support of Kazakhstan:',
    '126.1 Ratify the Optional Protocol to the Convention against Torture (Norway); (Sweden);',
    '126.2 Amend the Law on Trade Unions so that workers may form and join organizations of their own',
    'choosing without previous authorization, in line with ILO Convention No. 87 (1948)',
    '',
    '14',
    '\f',
    'A/HRC/28/10',
    'GE.15-02491',
    'and release the leaders of the confederation (Denmark, Iceland, Norway);',
    '126.3 Guarantee the independence of lawyers (Iran (Islamic Republic of));',
    '127. The following recommendations will be examined by Kazakhstan, which will provide responses',
    'in due time, but no later than the twenty-ninth session of the Human Rights Council:',
    '127.1 Ratify the International Convention on the Protection of the Rights of All Migrant Workers and',
    'Members of Their Families (ICRMW) (Philippines);',
    '128. The following recommendations did not enjoy the support of Kazakhstan and would thus be noted:',
    '128.1 Repeal the offence of “leading an unregistered association” (Germany, Netherlands and Canada);',
    '128.2 Abolish the death penalty in law (Uruguay).',
    '129. All conclusions and/or recommendations contained in the present report reflect the position of',
    'the submitting State(s) and/or the State under review.',
  ].join('\r\n');
  const { rows, sections, documentSymbol, problems } = splitPastedRecommendations(pasted);
  const byNumber = Object.fromEntries(rows.map((row) => [row.fields.paragraph, row]));

  it('finds six recommendations in three sections, with the report symbol from the running header', () => {
    expect(rows.map((row) => row.fields.paragraph)).toEqual(['126.1', '126.2', '126.3', '127.1', '128.1', '128.2']);
    expect(sections.map((s) => [s.number, s.response])).toEqual([
      ['126', 'supported'],
      ['127', 'no_response'],
      ['128', 'noted'],
    ]);
    expect(documentSymbol).toBe('A/HRC/28/10');
    expect(rows.every((row) => row.fields.documentSymbol === 'A/HRC/28/10')).toBe(true);
    expect(problems).toEqual([]);
  });

  it('joins a recommendation over several lines and a page break, leaving the page furniture out', () => {
    expect(byNumber['126.2']?.fields.text).toBe(
      'Amend the Law on Trade Unions so that workers may form and join organizations of their own choosing without previous authorization, in line with ILO Convention No. 87 (1948) and release the leaders of the confederation',
    );
    expect(byNumber['126.2']?.line).toBe(5);
    expect(byNumber['126.2']?.fields.recommendingStates).toEqual(['Denmark', 'Iceland', 'Norway']);
  });

  it('reads several States in one or several parentheses, and keeps a name with its own parentheses', () => {
    expect(byNumber['126.1']?.fields).toMatchObject({
      text: 'Ratify the Optional Protocol to the Convention against Torture',
      recommendingStates: ['Norway', 'Sweden'],
    });
    expect(byNumber['126.3']?.fields.recommendingStates).toEqual(['Iran (Islamic Republic of)']);
    expect(byNumber['128.1']?.fields.recommendingStates).toEqual(['Germany', 'Netherlands', 'Canada']);
  });

  it('keeps an acronym in parentheses before the States as part of the words', () => {
    expect(byNumber['127.1']?.fields.text).toMatch(/Members of Their Families \(ICRMW\)$/);
    expect(byNumber['127.1']?.fields.recommendingStates).toEqual(['Philippines']);
  });

  it('gives each recommendation its section’s response', () => {
    expect(rows.map((row) => row.fields.response)).toEqual([
      'supported',
      'supported',
      'supported',
      'no_response',
      'noted',
      'noted',
    ]);
  });

  it('says so when nothing in the text is a numbered recommendation', () => {
    const empty = splitPastedRecommendations('Thank you for your letter of 3 May.');
    expect(empty.rows).toEqual([]);
    expect(empty.problems.map((p) => p.code)).toEqual(['NO_RECOMMENDATIONS']);
  });

  it('names a recommendation whose States it cannot find, and still keeps it', () => {
    const { rows, problems } = splitPastedRecommendations(
      '90. The following recommendations have been noted by Examplestan:\n90.1 Consider the matter further\n90.2 Ratify OP-CAT (Chile);',
    );
    expect(rows.map((row) => [row.fields.paragraph, row.fields.response])).toEqual([
      ['90.1', 'noted'],
      ['90.2', 'noted'],
    ]);
    expect(problems).toEqual([{ line: 2, code: 'NO_STATES', severity: 'notice', value: '90.1' }]);
  });
});

describe('an early first-cycle report', () => {
  it('numbers its recommendations 1, 2… inside the paragraph, and a merged one has the States of each part', () => {
    const { rows } = splitPastedRecommendations(
      [
        '93.',
        'The recommendations listed below have been examined by Mexico and enjoy the support of Mexico',
        '1.',
        'Harmonize federal and state laws with international human rights instruments (Bolivia, Guatemala,',
        'Spain); Harmonize federal and state laws with international human rights instruments in order to ensure',
        'their effective implementation (Turkey);',
        'in particular at state level (Spain)',
        '2.',
        'Consider progressively withdrawing its reservations (Brazil)',
        '94. The following recommendations will be examined by Mexico which will provide responses in due time.',
        '1.',
        'Abolish the practice of “arraigo” (New Zealand, Switzerland)',
      ].join('\n'),
    );
    expect(rows.map((row) => [row.fields.paragraph, row.fields.recommendingStates, row.fields.response])).toEqual([
      ['93.1', ['Bolivia', 'Guatemala', 'Spain', 'Turkey'], 'supported'],
      ['93.2', ['Brazil'], 'supported'],
      ['94.1', ['New Zealand', 'Switzerland'], 'no_response'],
    ]);
    expect(rows[0]?.fields.text).toMatch(/^Harmonize federal .* \(Turkey\); in particular at state level$/);
  });
});

describe('a report in Russian', () => {
  it('reads the lead sentences, the States and the closing paragraph in Russian', () => {
    const { rows, sections } = splitPastedRecommendations(
      [
        'II. Выводы и/или рекомендации**',
        '** Выводы и рекомендации не редактировались.',
        '126. Следующие рекомендации пользуются поддержкой Казахстана:',
        '126.1 Ратифицировать Факультативный протокол к Конвенции против пыток (Норвегия);',
        '126.2 Внести изменения в Закон о профессиональных союзах (Дания, Исландия);',
        '127. Следующие рекомендации не пользуются поддержкой Казахстана и поэтому принимаются к сведению:',
        '127.1 Отменить смертную казнь (Уругвай);',
        '128. Все выводы и/или рекомендации, содержащиеся в настоящем докладе, отражают позицию представляющего',
        'их государства (представляющих их государств) и/или государства — объекта обзора.',
      ].join('\n'),
    );
    expect(sections.map((s) => s.response)).toEqual(['supported', 'noted']);
    expect(rows.map((row) => [row.fields.paragraph, row.fields.recommendingStates, row.fields.response])).toEqual([
      ['126.1', ['Норвегия'], 'supported'],
      ['126.2', ['Дания', 'Исландия'], 'supported'],
      ['127.1', ['Уругвай'], 'noted'],
    ]);
  });
});

describe('the UN’s thematic list of recommendations, pasted', () => {
  interface MatrixGold extends Gold {
    recommendations: { number: string; states: string[]; response: string; themes: string[] }[];
  }
  for (const [set, name] of [
    ['development', 'slovenia2025-matrix.dev'],
    ['held out', 'slovenia2025-matrix.heldout'],
  ] as const) {
    it(`${name} (${set}): numbers out of order, each with its own position and themes`, () => {
      const gold = JSON.parse(fixture(`${name}.gold.json`)) as MatrixGold;
      const { rows } = splitPastedRecommendations(fixture(`${name}.txt`));
      expect(
        rows.map((row) => ({
          number: row.fields.paragraph,
          states: row.fields.recommendingStates,
          response: row.fields.response,
          themes: row.fields.themes,
        })),
      ).toEqual(gold.recommendations);
    });
  }
});
