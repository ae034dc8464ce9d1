// What the text tells about the document, offered to the person to confirm on import.
import { describe, expect, it } from 'vitest';
import { detectLanguage, findDate, findSymbol, normaliseDate, usableTitle } from '../../../src/main/ingest/metadata.ts';

describe('a document symbol is suggested from the text', () => {
  it.each([
    ['Report of the Working Group, A/HRC/43/10, para. 140.12', 'A/HRC/43/10'],
    ['A/HRC/WG.6/34/KAZ/1 (national report)', 'A/HRC/WG.6/34/KAZ/1'],
    ['CAN/D/Kazakhstan-C.87 3', 'CAN/D/Kazakhstan-C.87'],
    ['Concluding observations E/C.12/KAZ/CO/2.', 'E/C.12/KAZ/CO/2'],
    ['the Security Council (S/2021/123)', 'S/2021/123'],
  ])('%s → %s', (text, symbol) => {
    expect(findSymbol(text)).toBe(symbol);
  });

  it('does not mistake ordinary slashes for a symbol', () => {
    expect(findSymbol('an A/B test, and/or S/he said; CAT/dog')).toBeUndefined();
  });
});

describe('dates are read in the languages monitors work in', () => {
  it.each([
    ['Geneva, 9 June 2022', '2022-06-09'],
    ['June 9, 2022', '2022-06-09'],
    ['Дата интервью: 14 марта 2023 года', '2023-03-14'],
    ['Genève, le 1er décembre 2021', '2021-12-01'],
    ['Astana, 05.04.2022', '2022-04-05'],
  ])('%s → %s', (text, date) => {
    expect(findDate(text)).toBe(date);
  });

  it('reads PDF and ISO metadata dates', () => {
    expect(normaliseDate("D:20220609101500+02'00'")).toBe('2022-06-09');
    expect(normaliseDate('2023-05-04T09:00:00Z')).toBe('2023-05-04');
    expect(normaliseDate('not a date')).toBeUndefined();
  });
});

describe('language and title are suggested only when they mean something', () => {
  it('answers for enough prose and stays silent on a line', () => {
    const russian =
      'Председатель профсоюза сообщил, что управление юстиции трижды отказало организации в государственной регистрации. В качестве причин были названы отсутствие печати на заявлении и несоответствие устава требованиям закона.';
    expect(detectLanguage(russian)).toBe('ru');
    expect(detectLanguage('Kazakhstan: report')).toBeUndefined();
  });

  it('ignores the titles word processors write on their own', () => {
    expect(usableTitle('Microsoft Word - Report_final_v3.docx')).toBeUndefined();
    expect(usableTitle('Untitled')).toBeUndefined();
    expect(usableTitle('ICTUR submission to the UPR')).toBe('ICTUR submission to the UPR');
  });
});
