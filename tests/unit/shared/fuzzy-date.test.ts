// A monitor types when something happened as well as it is known — a day, a month, a year, a range,
// "since 2018" — in English or Russian; the timeline sorts, filters and prints those dates.
import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  compareFuzzyDates,
  type FuzzyDate,
  formatFuzzyDate,
  fuzzyFromIso,
  fuzzyKind,
  fuzzyOverlaps,
  fuzzyPoint,
  parseFuzzyDate,
  formatFuzzyDate as printed,
} from '../../../src/shared/fuzzy-date.ts';

describe('reading a typed date', () => {
  it.each([
    ['3 July 2011', { start: '2011-07-03', end: '2011-07-03', precision: 'day' }],
    ['July 3, 2011', { start: '2011-07-03', end: '2011-07-03', precision: 'day' }],
    ['July 2011', { start: '2011-07-01', end: '2011-07-31', precision: 'month' }],
    ['February 2024', { start: '2024-02-01', end: '2024-02-29', precision: 'month' }],
    ['2011', { start: '2011-01-01', end: '2011-12-31', precision: 'year' }],
    ['July to December 2011', { start: '2011-07-01', end: '2011-12-31', precision: 'month' }],
    ['2009–15', { start: '2009-01-01', end: '2015-12-31', precision: 'year' }],
    ['from 2009 to 2015', { start: '2009-01-01', end: '2015-12-31', precision: 'year' }],
    ['between 2021 and 2022', { start: '2021-01-01', end: '2022-12-31', precision: 'year' }],
    ['3–5 June 2011', { start: '2011-06-03', end: '2011-06-05', precision: 'day' }],
    ['since 2018', { start: '2018-01-01', end: null, precision: 'year' }],
    ['since March 2018', { start: '2018-03-01', end: null, precision: 'month' }],
    ['2021-06', { start: '2021-06-01', end: '2021-06-30', precision: 'month' }],
  ])('English: %s', (typed, expected) => {
    expect(parseFuzzyDate(typed)).toEqual(expected);
  });

  it.each([
    ['3 июля 2011 г.', { start: '2011-07-03', end: '2011-07-03', precision: 'day' }],
    ['июль 2011', { start: '2011-07-01', end: '2011-07-31', precision: 'month' }],
    ['в мае 2019 года', { start: '2019-05-01', end: '2019-05-31', precision: 'month' }],
    ['2011 год', { start: '2011-01-01', end: '2011-12-31', precision: 'year' }],
    ['июль–декабрь 2011', { start: '2011-07-01', end: '2011-12-31', precision: 'month' }],
    ['с 3 по 5 июня 2011 г.', { start: '2011-06-03', end: '2011-06-05', precision: 'day' }],
    ['с 2018 года', { start: '2018-01-01', end: null, precision: 'year' }],
    ['2009–2015 гг.', { start: '2009-01-01', end: '2015-12-31', precision: 'year' }],
    ['01.07.2011', { start: '2011-07-01', end: '2011-07-01', precision: 'day' }],
  ])('Russian: %s', (typed, expected) => {
    expect(parseFuzzyDate(typed)).toEqual(expected);
  });

  it('refuses words that are not a date, and impossible days', () => {
    expect(parseFuzzyDate('the marathon')).toBeNull();
    expect(parseFuzzyDate('')).toBeNull();
    expect(parseFuzzyDate('31 February 2011')).toBeNull();
    expect(parseFuzzyDate('December to July 2011')).toBeNull();
  });

  it('takes the values the date suggestions give, and leaves those without a year', () => {
    expect(fuzzyFromIso('2021-06-09')).toEqual(fuzzyPoint(2021, 6, 9));
    expect(fuzzyFromIso('2022-01/2022-03')).toEqual({ start: '2022-01-01', end: '2022-03-31', precision: 'month' });
    expect(fuzzyFromIso('2018/..')).toEqual({ start: '2018-01-01', end: null, precision: 'year' });
    expect(fuzzyFromIso('--09-21')).toBeNull();
  });
});

describe('the shape of a date', () => {
  it('tells a single day, month or year from a range and an open end', () => {
    expect(fuzzyKind(fuzzyPoint(2011, 7))).toBe('single');
    expect(fuzzyKind(fuzzyPoint(2011))).toBe('single');
    expect(fuzzyKind(parseFuzzyDate('July to December 2011') as FuzzyDate)).toBe('range');
    expect(fuzzyKind(parseFuzzyDate('since 2018') as FuzzyDate)).toBe('open');
  });
});

describe('sorting and filtering a chronology', () => {
  const dates: Record<string, FuzzyDate> = {
    year2011: fuzzyPoint(2011),
    july2011: fuzzyPoint(2011, 7),
    day: fuzzyPoint(2011, 7, 3),
    late2011: parseFuzzyDate('July to December 2011') as FuzzyDate,
    since2018: parseFuzzyDate('since 2018') as FuzzyDate,
    y2009to15: parseFuzzyDate('2009–15') as FuzzyDate,
    march2018: fuzzyPoint(2018, 3),
  };

  it('orders by the first day it can be, the narrower first, open-ended last among equals', () => {
    const order = Object.entries(dates)
      .sort(([, a], [, b]) => compareFuzzyDates(a, b))
      .map(([name]) => name);
    expect(order).toEqual(['y2009to15', 'year2011', 'july2011', 'late2011', 'day', 'since2018', 'march2018']);
    // Same start: the year before the open end that starts with it.
    expect(compareFuzzyDates(fuzzyPoint(2018), dates.since2018 as FuzzyDate)).toBeLessThan(0);
  });

  it('keeps every date that can fall within a period: ranges and open ends overlap it', () => {
    const within = (from: string, to: string) =>
      Object.entries(dates)
        .filter(([, d]) => fuzzyOverlaps(d, from, to))
        .map(([name]) => name)
        .sort();
    // August 2011: the year, the July–December range and 2009–15, not the July month or day.
    expect(within('2011-08-01', '2011-08-31')).toEqual(['late2011', 'y2009to15', 'year2011']);
    // 2020: only what is still going.
    expect(within('2020-01-01', '2020-12-31')).toEqual(['since2018']);
    // 2018: the open end, March, and nothing that ended in 2015.
    expect(within('2018-01-01', '2018-12-31')).toEqual(['march2018', 'since2018']);
    expect(fuzzyOverlaps(dates.day as FuzzyDate, null, null)).toBe(true);
  });

  it('groups by decade, year, month or day', () => {
    const d = dates.day as FuzzyDate;
    expect([bucketOf(d, 'decade'), bucketOf(d, 'year'), bucketOf(d, 'month'), bucketOf(d, 'day')]).toEqual([
      '2010',
      '2011',
      '2011-07',
      '2011-07-03',
    ]);
  });
});

describe('printing a date in the reader’s language', () => {
  it('prints as the date was known, in English', () => {
    expect(formatFuzzyDate(fuzzyPoint(2011, 7, 3), 'en-GB')).toBe('3 July 2011');
    expect(formatFuzzyDate(fuzzyPoint(2011, 7), 'en')).toBe('July 2011');
    expect(formatFuzzyDate(fuzzyPoint(2011), 'en')).toBe('2011');
    expect(formatFuzzyDate(parseFuzzyDate('July to December 2011') as FuzzyDate, 'en')).toMatch(
      /^July\s–\sDecember 2011$/,
    );
    expect(formatFuzzyDate(parseFuzzyDate('2009–15') as FuzzyDate, 'en')).toMatch(/^2009\s?–\s?2015$/);
    expect(formatFuzzyDate(parseFuzzyDate('since 2018') as FuzzyDate, 'en')).toBe('since 2018');
  });

  it('prints in Russian, with the genitive after «с»', () => {
    // Intl puts a narrow no-break space before «г.»
    const formatFuzzyDate = (d: FuzzyDate, locale: string) => printed(d, locale).replace(/\s/gu, ' ');
    expect(formatFuzzyDate(fuzzyPoint(2011, 7, 3), 'ru')).toBe('3 июля 2011 г.');
    expect(formatFuzzyDate(fuzzyPoint(2011, 7), 'ru')).toBe('июль 2011 г.');
    expect(formatFuzzyDate(parseFuzzyDate('с июля 2018') as FuzzyDate, 'ru')).toBe('с июля 2018 г.');
    expect(formatFuzzyDate(parseFuzzyDate('с 2018 года') as FuzzyDate, 'ru')).toBe('с 2018');
  });

  it('lets the interface word the open end', () => {
    const since = parseFuzzyDate('since 2018') as FuzzyDate;
    expect(formatFuzzyDate(since, 'en', { since: (date) => `${date} onwards` })).toBe('2018 onwards');
  });
});
