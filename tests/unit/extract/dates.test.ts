// Dates as ILO replies, NGO reports and Russian field notes write them: the lawyer accepts a date
// with one click, so its value must be right and numbers that only look like dates must stay quiet.
import { describe, expect, it } from 'vitest';
import { findDates, suggest } from '../../../src/main/extract/index.ts';

const dates = (text: string, referenceDate?: Date) =>
  findDates(text, { referenceDate }).map((s) => ({ text: s.text, value: s.value }));

describe('a lawyer gets date suggestions in an ILO reply', () => {
  it('reads a full date and leaves the preposition out of the mention', () => {
    const [date] = findDates('on 9 June 2021 the President signed the Decree');
    expect(date).toMatchObject({ kind: 'date', text: '9 June 2021', value: '2021-06-09', start: 3, end: 14 });
    expect(date?.detail?.precision).toBe('day');
    expect(date?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('reads "from 10 January to 2 March 2023" as one range with the year given to both ends', () => {
    expect(dates('refused from 10 January to 2 March 2023.')).toEqual([
      { text: 'from 10 January to 2 March 2023', value: '2023-01-10/2023-03-02' },
    ]);
  });

  it('reads partial dates: a year, a month, a quarter, the end of a year', () => {
    expect(
      dates('registered in 2021; expires in November 2022; Act by the first quarter of 2023, by the end of 2022'),
    ).toEqual([
      { text: '2021', value: '2021' },
      { text: 'November 2022', value: '2022-11' },
      { text: 'first quarter of 2023', value: '2023-01/2023-03' },
      { text: 'end of 2022', value: '2022' },
    ]);
  });

  it('gives each date of a list the year written once at its end', () => {
    const found = findDates(
      'applications (21 September, 4 October, 3 November and 23 December 2021, and 11 March 2022)',
    );
    expect(found.map((s) => s.value)).toEqual(['2021-09-21', '2021-10-04', '2021-11-03', '2021-12-23', '2022-03-11']);
    expect(found[0]?.detail?.year).toBe('inferred from the list');
    // A year taken from the list is a little less sure than one written with the date.
    expect(found[0]?.confidence).toBeLessThan(found[3]?.confidence ?? 0);
  });

  it('is less sure of a year found further on in the sentence than of one in a plain list', () => {
    const [august, , september] = findDates(
      'rejected during 2018: on 6 August; and on 27 August, when it applied under a new name; and on 4 September 2018.',
    ).slice(1);
    expect(august).toMatchObject({ value: '2018-08-06', detail: { year: 'inferred from the same sentence' } });
    expect(august?.confidence).toBeLessThan(0.85);
    expect(september?.value).toBe('2018-09-04');
  });

  it('tells ranges from lists: "Between 2021 and 2022" is one range, "(in 2018 and 2021)" two years', () => {
    expect(dates('Between 2021 and 2022 no problems; two cases (in 2018 and 2021); 19–24 January 2017')).toEqual([
      { text: 'Between 2021 and 2022', value: '2021/2022' },
      { text: '2018', value: '2018' },
      { text: '2021', value: '2021' },
      { text: '19–24 January 2017', value: '2017-01-19/2017-01-24' },
    ]);
  });

  it('does not guess a year it was not given, unless the caller gives a reference date', () => {
    expect(dates('the detention on 6 January of several leaders')).toEqual([{ text: '6 January', value: '--01-06' }]);
    const [assumed] = findDates('the detention on 6 January of several leaders', {
      referenceDate: new Date('2022-03-01'),
    });
    expect(assumed?.value).toBe('2022-01-06');
    expect(assumed?.detail?.year).toBe('assumed from the reference date');
  });

  it('reads numeric and other written forms, day first as the UN and the ILO write them', () => {
    expect(dates('09.06.2021, 13/06/2021, 2021-06-09, June 9, 2021 and 9-Jun-2021')).toEqual([
      { text: '09.06.2021', value: '2021-06-09' },
      { text: '13/06/2021', value: '2021-06-13' },
      { text: '2021-06-09', value: '2021-06-09' },
      { text: 'June 9, 2021', value: '2021-06-09' },
      { text: '9-Jun-2021', value: '2021-06-09' },
    ]);
  });

  it('suggests nothing for numbers that are not dates', () => {
    for (const text of [
      'Convention No. 87',
      'under section 10(2) and article 402(1)',
      'Decision No. 2000 of the court',
      '100 hours of compulsory labour and 2000 workers',
      'a fine of KZT 2020',
      'the Second Review of the UPR',
      'employers may 2 times refuse',
      '31 February 2021',
    ]) {
      expect(findDates(text), text).toEqual([]);
    }
  });

  it('leaves a year inside an instrument’s citation to the legal reference', () => {
    const found = suggest(
      'the Freedom of Association and Protection of the Right to Organise Convention, 1948 (No. 87)',
    );
    expect(found.filter((s) => s.kind === 'date')).toEqual([]);
    expect(found.filter((s) => s.kind === 'legal_reference')).toHaveLength(1);
  });

  it('reads a year used as an adjective, but not a count of people', () => {
    expect(dates('Following the 2014 reforms, the 2011 cases remain open; 2000 workers struck')).toEqual([
      { text: '2014', value: '2014' },
      { text: '2011', value: '2011' },
    ]);
  });
});

describe('a monitor gets date suggestions in a Russian field note', () => {
  it('gives the list’s year to each date: "10 января, 7 февраля и 2 марта 2023 года"', () => {
    expect(dates('отказало в регистрации: 10 января, 7 февраля и 2 марта 2023 года.')).toEqual([
      { text: '10 января', value: '2023-01-10' },
      { text: '7 февраля', value: '2023-02-07' },
      { text: '2 марта 2023 года', value: '2023-03-02' },
    ]);
  });

  it('reads ranges, months and years in any case', () => {
    expect(dates('с 10 января по 2 марта 2023 года; в июне 2021 года; в 2019 году')).toEqual([
      { text: 'с 10 января по 2 марта 2023 года', value: '2023-01-10/2023-03-02' },
      { text: 'июне 2021 года', value: '2021-06' },
      { text: '2019 году', value: '2019' },
    ]);
  });
});
