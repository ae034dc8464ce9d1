// The words tables and reports use for a response, a cycle and a list of States, as the tracker keeps them.
import { describe, expect, it } from 'vitest';
import { decodeCsv } from '../../../src/main/recommendations/decode.ts';
import {
  leadResponse,
  normalizeCycle,
  normalizeResponse,
  splitStates,
} from '../../../src/main/recommendations/normalize.ts';

describe('responses', () => {
  it.each([
    ['Supported', 'supported'],
    ['Accepted', 'supported'],
    ['  supported. ', 'supported'],
    ['Noted', 'noted'],
    ['Not accepted', 'noted'],
    ['Partially supported', 'partially_supported'],
    ['Supported/Noted', 'partially_supported'],
    ['Поддержана', 'supported'],
    ['Принята', 'supported'],
    ['Принята к сведению', 'noted'],
    ['Частично поддержана', 'partially_supported'],
    ['Нет ответа', 'no_response'],
    ['Pending', 'no_response'],
    ['Acceptée', 'supported'],
    ['Supported (A/HRC/43/10/Add.1, para. 3)', 'supported'],
    ['Noted (A/HRC/43/10/Add.1)', 'noted'],
    ['', null],
  ])('"%s" is %s', (cell, response) => {
    expect(normalizeResponse(cell)).toBe(response);
  });

  it('a response it does not understand is not guessed', () => {
    expect(normalizeResponse('Maybe later')).toBeUndefined();
  });
});

describe('cycles', () => {
  it.each([
    ['2', 2],
    ['2nd', 2],
    ['II', 2],
    ['Cycle 3', 3],
    ['third cycle', 3],
    ['3rd UPR cycle', 3],
    ['4-й цикл', 4],
    ['второй', 2],
    ['', null],
  ])('"%s" is %s', (cell, cycle) => {
    expect(normalizeCycle(cell)).toBe(cycle);
  });

  it('a cell that is not a cycle is reported, not guessed', () => {
    expect(normalizeCycle('Cycle Z')).toBeUndefined();
    expect(normalizeCycle('2019')).toBeUndefined();
  });
});

describe('recommending States', () => {
  it.each([
    ['Norway; Sweden', ['Norway', 'Sweden']],
    ['Norway, Sweden', ['Norway', 'Sweden']],
    ['Korea, Republic of', ['Korea, Republic of']],
    ['Congo, the Democratic Republic of the; Chile', ['Congo, the Democratic Republic of the', 'Chile']],
    ['Venezuela (Bolivarian Republic of), Cuba', ['Venezuela (Bolivarian Republic of)', 'Cuba']],
    ['Norway, Sweden and Finland', ['Norway', 'Sweden', 'Finland']],
    ['Trinidad and Tobago', ['Trinidad and Tobago']],
    ['Bosnia and Herzegovina; Saint Kitts and Nevis', ['Bosnia and Herzegovina', 'Saint Kitts and Nevis']],
    ['Norway; Norway', ['Norway']],
    ['Швеция, Германия', ['Швеция', 'Германия']],
  ])('"%s"', (cell, states) => {
    expect(splitStates(cell)).toEqual(states);
  });
});

describe('a report section’s lead sentence', () => {
  it.each([
    [
      'The recommendations formulated during the interactive dialogue and listed below have been examined by Albania and enjoy the support of Albania:',
      'supported',
    ],
    [
      'The following recommendations enjoy the support of Albania, which considers that they are implemented:',
      'supported',
    ],
    [
      'The following recommendations will be examined by Angola, which will respond in due course, but no later than the twenty-eighth session of the Human Rights Council:',
      'no_response',
    ],
    ['The following recommendations did not enjoy the support of Austria and would thus be noted:', 'noted'],
    ['The recommendations below did not enjoy the support of Austria:', 'noted'],
    ['The following recommendations have been noted by Kazakhstan:', 'noted'],
    ['Следующие рекомендации пользуются поддержкой Казахстана:', 'supported'],
    ['Следующие рекомендации были приняты к сведению Казахстаном:', 'noted'],
  ])('"%s"', (sentence, response) => {
    expect(leadResponse(sentence)).toBe(response);
  });
});

describe('decoding a CSV file', () => {
  const cp1251 = (text: string) =>
    new Uint8Array(
      [...text].map((ch) => {
        const code = ch.codePointAt(0) as number;
        if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
        if (ch === 'ё') return 0xb8;
        return code;
      }),
    );

  it('UTF-8 with and without a byte-order mark', () => {
    const plain = new TextEncoder().encode('Текст,State\n');
    expect(decodeCsv(plain)).toEqual({ text: 'Текст,State\n', encoding: 'utf-8', bom: false });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toEqual({
      text: 'Текст,State\n',
      encoding: 'utf-8',
      bom: true,
    });
  });

  it('Windows-1251 Russian, and Windows-1252 French that is not mistaken for it', () => {
    expect(decodeCsv(cp1251('Рекомендация;Государство\nРатифицировать;Норвегия\n')).text).toBe(
      'Рекомендация;Государство\nРатифицировать;Норвегия\n',
    );
    const french = new Uint8Array([
      ...new TextEncoder().encode('Recommandation,'),
      0x52,
      0xe9,
      0x70,
      0x6f,
      0x6e,
      0x73,
      0x65,
    ]);
    expect(decodeCsv(french)).toMatchObject({ text: 'Recommandation,Réponse', encoding: 'windows-1252' });
  });
});
