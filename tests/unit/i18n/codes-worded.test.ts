// A monitor's older vault keeps import warnings as English sentences; after the update they read as
// codes, worded in Russian like new ones. The CLI words errors in the terminal's language.
import { describe, expect, it } from 'vitest';
import { cliLanguage, errorWords } from '../../../src/cli/words.ts';
import { UprightError } from '../../../src/shared/errors.ts';
import { formatText } from '../../../src/shared/i18n/catalogs.ts';
import { storedWarning, WARNING_MESSAGES } from '../../../src/shared/warnings.ts';

describe('import warnings stored by an older Upright', () => {
  it.each([
    [
      'The file is named .docx but is a PDF; it was read as such.',
      'NAME_MISMATCH',
      { extension: 'docx', format: 'pdf' },
    ],
    ['3 images were not imported: only the text is.', 'IMAGES_SKIPPED', { count: 3 }],
    ['1 image was not imported: web pages are imported as text.', 'WEB_IMAGES_SKIPPED', { count: 1 }],
    ['2 damaged characters were replaced by “\ufffd”.', 'DAMAGED_CHARACTERS', { count: 2 }],
    [
      'Pages 3, 5–7 have no text layer (scanned?) and are missing from the text.',
      'PAGES_WITHOUT_TEXT',
      { count: 2, pages: '3, 5–7' },
    ],
    ['Some rotated or vertical text (stamps, margin notes) was left out.', 'ROTATED_TEXT_LEFT_OUT', {}],
  ])('“%s” reads back as %s', (sentence, code, params) => {
    const warning = storedWarning(sentence);
    expect(warning).toEqual({ code, params });
    // The same words as before in English, and Russian words for the Russian interface.
    expect(formatText('en', WARNING_MESSAGES[warning.code], warning.params)).toBe(sentence);
    expect(formatText('ru', WARNING_MESSAGES[warning.code], warning.params)).toMatch(/[а-я]/);
  });

  it('keeps a sentence it does not know as an older note, and a coded warning as it is', () => {
    expect(storedWarning('Something else.')).toEqual({ code: 'OLDER_NOTE', params: { text: 'Something else.' } });
    expect(storedWarning({ code: 'PDF_CUT_OFF', params: {} })).toEqual({ code: 'PDF_CUT_OFF', params: {} });
  });
});

describe('the command line words errors from their codes', () => {
  it('in Russian when the terminal speaks Russian, in English otherwise', () => {
    expect(cliLanguage({ LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(cliLanguage({ LC_ALL: 'en_GB.UTF-8', LANG: 'ru_RU.UTF-8' })).toBe('en');
    expect(cliLanguage({})).toBe('en');
    const taken = new UprightError('CODE_NAME_TAKEN', { name: 'Регистрация' }).toPayload();
    expect(errorWords(taken, 'en')).toBe('There is already a code named “Регистрация” here.');
    expect(errorWords(taken, 'ru')).toBe('Здесь уже есть код «Регистрация».');
  });
});
