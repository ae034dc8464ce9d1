// A monitor imports last cycle's recommendations from a table — the UN database's export, a
// colleague's spreadsheet saved on an old Russian Windows — and sees which rows will land and which
// lines are wrong before anything is written.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyMappingOverrides, parseRecommendationsCsv } from '../../../src/main/recommendations/csv.ts';
import { decodeCsv } from '../../../src/main/recommendations/decode.ts';

const csvFile = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/recommendations/csv/${name}`, import.meta.url)));
const read = (name: string) => parseRecommendationsCsv(decodeCsv(csvFile(name)).text);

describe('a UN database export: odd column names in their own order, a BOM, blank rows', () => {
  const decoded = decodeCsv(csvFile('upr-database-export.csv'));
  const parsed = parseRecommendationsCsv(decoded.text);

  it('reads UTF-8 and leaves the byte-order mark out of the first header', () => {
    expect(decoded).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(parsed.mapping[0]?.header).toBe('State under Review');
  });

  it('finds each column by its header and leaves the State under review and extra columns out', () => {
    expect(parsed.mapping.map((m) => [m.header, m.field])).toEqual([
      ['State under Review', null],
      ['Recommending State', 'recommendingStates'],
      ['Recommendation', 'text'],
      ['Response', 'response'],
      ['Issues', 'themes'],
      ['Session', 'session'],
      ['Cycle', 'cycle'],
      ['Document', 'documentSymbol'],
      ['Rec. No.', 'paragraph'],
      ['Action Category', null],
    ]);
  });

  it('imports the good rows with their fields, a quoted cell over two lines included', () => {
    expect(parsed.rows.map((row) => [row.line, row.fields.paragraph])).toEqual([
      [2, '121.1'],
      [4, '121.2'],
      [6, '121.3'],
      [11, '121.7'],
    ]);
    expect(parsed.rows[0]?.fields).toEqual({
      mechanism: 'upr',
      text: 'Amend the Law on Trade Unions so that workers may form and join organizations of their own choosing, without previous authorization',
      recommendingStates: ['Norway'],
      cycle: 3,
      session: '34',
      documentSymbol: 'A/HRC/43/10',
      paragraph: '121.1',
      response: 'supported',
      themes: ['Labour', 'Freedom of association'],
      iloBody: null,
      iloYear: null,
      iloConvention: null,
    });
    expect(parsed.rows[1]?.fields).toMatchObject({
      text: 'Release the leaders of the Confederation of Independent Trade Unions and drop the charges against them',
      recommendingStates: ['Norway', 'Sweden'],
      cycle: 3,
      response: 'noted',
    });
  });

  it('splits States on semicolons and commas without breaking "Korea, Republic of" or a name in parentheses', () => {
    expect(parsed.rows[2]?.fields).toMatchObject({
      recommendingStates: ['Korea, Republic of'],
      response: 'partially_supported',
    });
    expect(parsed.rows[3]?.fields).toMatchObject({
      recommendingStates: ['Iran (Islamic Republic of)', 'Venezuela (Bolivarian Republic of)'],
      themes: ['Poverty', 'Right to food'],
    });
  });

  it('skips blank rows and names each bad row by its line, leaving it out', () => {
    expect(parsed.problems).toEqual([
      { line: 8, code: 'NO_TEXT', severity: 'row', field: 'text' },
      { line: 9, code: 'UNKNOWN_RESPONSE', severity: 'row', value: 'Maybe later', field: 'response' },
      { line: 10, code: 'UNKNOWN_CYCLE', severity: 'row', value: 'Cycle Z', field: 'cycle' },
    ]);
    expect(parsed.rowCount).toBe(7);
  });
});

describe('a Russian spreadsheet saved in Windows-1251 with semicolons', () => {
  const decoded = decodeCsv(csvFile('russian-windows-1251.csv'));
  const parsed = parseRecommendationsCsv(decoded.text);

  it('is read as Windows-1251 with Russian headers', () => {
    expect(decoded).toMatchObject({ encoding: 'windows-1251', bom: false });
    expect(parsed.delimiter).toBe(';');
    expect(parsed.mapping.map((m) => m.field)).toEqual([
      'paragraph',
      'text',
      'recommendingStates',
      'cycle',
      'session',
      'documentSymbol',
      'response',
      'themes',
      null,
    ]);
  });

  it('understands Russian responses and cycles', () => {
    expect(parsed.problems).toEqual([]);
    expect(
      parsed.rows.map((row) => [
        row.fields.paragraph,
        row.fields.recommendingStates,
        row.fields.cycle,
        row.fields.response,
      ]),
    ).toEqual([
      ['121.1', ['Норвегия'], 3, 'supported'],
      ['121.2', ['Швеция', 'Германия'], 2, 'noted'],
      ['121.3', ['Дания'], 3, 'partially_supported'],
    ]);
    expect(parsed.rows[0]?.fields.text).toBe('Внести изменения в Закон о профессиональных союзах');
  });
});

describe('a file with one fatal row imports nothing', () => {
  it('an unclosed quote: the line is named and no row is kept', () => {
    const parsed = read('broken-quotes.csv');
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toEqual([{ line: 3, code: 'BROKEN_QUOTES', severity: 'fatal' }]);
  });

  it('a row with more cells than the header (an unquoted comma): the line is named and no row is kept', () => {
    const parsed = read('too-many-fields.csv');
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toEqual([{ line: 3, code: 'TOO_MANY_FIELDS', severity: 'fatal', value: '5' }]);
  });

  it('a table with no column of recommendation text', () => {
    const parsed = parseRecommendationsCsv('State,Response\nNorway,Supported\n');
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems.map((p) => p.code)).toEqual(['NO_TEXT_COLUMN']);
  });
});

describe('the person’s own mapping overrides the detected one', () => {
  const text = 'Col A,Col B,Wording,Country\nNorway,121.9,Ratify OP-CAT,Sweden\n';
  const detected = parseRecommendationsCsv(text);

  it('by header or by column number; a field moved to one column leaves the other', () => {
    expect(detected.mapping.map((m) => m.field)).toEqual([null, null, 'text', 'recommendingStates']);
    const mapping = applyMappingOverrides(detected.mapping, ['col a=states', '2=paragraph']);
    expect(mapping.map((m) => m.field)).toEqual(['recommendingStates', 'paragraph', 'text', null]);
    const parsed = parseRecommendationsCsv(text, { mapping });
    expect(parsed.rows[0]?.fields).toMatchObject({ recommendingStates: ['Norway'], paragraph: '121.9' });
  });

  it('names the override it cannot apply', () => {
    expect(() => applyMappingOverrides(detected.mapping, ['Col Z=text'])).toThrow(/NO_COLUMN/);
    expect(() => applyMappingOverrides(detected.mapping, ['Col A=colour'])).toThrow(/NO_FIELD/);
  });
});

describe('tables as spreadsheets save them', () => {
  it('an Excel "sep=;" line and a title above the header', () => {
    const parsed = parseRecommendationsCsv(
      [
        'sep=;',
        'Recommendations to Kazakhstan, third cycle; exported 2024-05-02',
        '',
        'Rec. No.;Recommendation;Recommending State;Response',
        '121.1;Ratify the Optional Protocol to the Convention against Torture, without reservations;Denmark;Supported',
        '121.2;Abolish the death penalty;France;Noted',
      ].join('\r\n'),
    );
    expect(parsed.delimiter).toBe(';');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((row) => [row.line, row.fields.paragraph, row.fields.recommendingStates])).toEqual([
      [5, '121.1', ['Denmark']],
      [6, '121.2', ['France']],
    ]);
    expect(parsed.rows[0]?.fields.text).toBe(
      'Ratify the Optional Protocol to the Convention against Torture, without reservations',
    );
  });

  it('a tab-separated export', () => {
    const parsed = parseRecommendationsCsv('Recommendation\tRecommending State\tCycle\nRatify OP-CAT\tChile\t2nd\n');
    expect(parsed.delimiter).toBe('\t');
    expect(parsed.rows[0]?.fields).toMatchObject({ text: 'Ratify OP-CAT', recommendingStates: ['Chile'], cycle: 2 });
  });
});

describe('the UN’s thematic list saved as a table', () => {
  it('takes the number and the States from the recommendation’s cell, the position after its source, the themes before the groups', () => {
    const parsed = parseRecommendationsCsv(
      [
        'Recommendation and recommending State,Position of the State under review,Human rights themes and groups of persons,Relevant SDGs',
        '"140.7 Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Maldives) (Portugal);","Source of Position: A/HRC/59/15/Add.1 - Para.3',
        'Supported","- Ratification & accession to international instruments',
        '- Economic, social & cultural rights - general measures of implementation',
        'Groups of Persons:',
        '- Public officials","- 1 - NO POVERTY"',
        '"140.229 Legalize same-sex marriage (Iceland);","Source of Position: A/HRC/59/15/Add.1 - Para.5',
        'Noted","- Equality & non-discrimination',
        'Groups of Persons:',
        '- Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)",',
      ].join('\n'),
    );
    expect(parsed.mapping.map((m) => m.field)).toEqual(['text', 'response', 'themes', null]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((row) => row.fields)).toMatchObject([
      {
        paragraph: '140.7',
        text: 'Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights',
        recommendingStates: ['Maldives', 'Portugal'],
        response: 'supported',
        themes: [
          'Ratification & accession to international instruments',
          'Economic, social & cultural rights - general measures of implementation',
        ],
      },
      {
        paragraph: '140.229',
        text: 'Legalize same-sex marriage',
        recommendingStates: ['Iceland'],
        response: 'noted',
        themes: ['Equality & non-discrimination'],
      },
    ]);
    expect(parsed.rows.map((row) => row.line)).toEqual([2, 7]);
  });
});
