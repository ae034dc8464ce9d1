// The machine that lays out a PDF decides how its text reads back: with one set of fonts "notification"
// extracts as "notification", with another as "noti fi cation" or with the ligature "ﬁ". The tests'
// comparisons must pass on all of them, and still catch a word that is really missing.
import { describe, expect, it } from 'vitest';
import { comparable } from '../../support/pdf-text.ts';

const NOTE = 'Information supplied by the Government on the notification procedure, 2022, p. 1.';

describe('comparing text read back from a PDF', () => {
  it.each([
    [
      'a ligature split by spaces',
      'Information supplied by the Government on the noti fi cation procedure, 2022, p. 1.',
    ],
    [
      'the ligature character itself',
      'Information supplied by the Government on the noti\ufb01cation procedure, 2022, p. 1.',
    ],
    ['lines joined without spaces', 'Information supplied by theGovernment on the notification\nprocedure, 2022, p.1.'],
    [
      'other ligatures and a soft hyphen',
      'Information supplied by the Government on the noti\ufb01\u00adcation procedure, 2022, p. 1.',
    ],
  ])('finds a note whatever the extractor did: %s', (_, extracted) => {
    expect(extracted).not.toContain(NOTE);
    expect(comparable(`Page 3 ${extracted} Page 4`)).toContain(comparable(NOTE));
  });

  it('folds every Latin ligature to its letters', () => {
    expect(comparable('\ufb00 \ufb01 \ufb02 \ufb03 \ufb04')).toBe('fffiflffiffl');
  });

  it('still tells a different text apart, in any script', () => {
    expect(comparable('the notice procedure')).not.toContain(comparable('notification'));
    expect(comparable('Свидетель сообщил о давлении')).toContain(comparable('сообщил  о\nдавлении'));
    expect(comparable('Свидетель сообщил о давлении')).not.toContain(comparable('сообщила'));
  });
});
