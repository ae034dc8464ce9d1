// The every-screen walk reads what the catalogs failed to give the page: a Russian screen lacking a
// message is recorded, an English one reading the code's default is not, an English one without any
// wording is, and so is a translation that breaks its pattern.
import { createIntl } from 'react-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { intlErrorReporter, type MissingMessage } from '../../../src/renderer/src/i18n/missing.ts';

function intlFor(locale: string, messages: Record<string, string>, into: MissingMessage[]) {
  return createIntl({ locale, defaultLocale: 'en', messages, onError: intlErrorReporter(locale, into) });
}

describe('missing messages', () => {
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  afterEach(() => consoleError.mockClear());

  it('records a Russian screen asking for a message the Russian catalog lacks', () => {
    const found: MissingMessage[] = [];
    const intl = intlFor('ru', { 'help.title': 'Справка' }, found);
    expect(intl.formatMessage({ id: 'help.title', defaultMessage: 'Help' })).toBe('Справка');
    expect(found).toEqual([]);
    expect(intl.formatMessage({ id: 'help.steps.title', defaultMessage: 'How the work goes' })).toBe(
      'How the work goes',
    );
    expect(found).toEqual([{ code: 'MISSING_TRANSLATION', id: 'help.steps.title', locale: 'ru' }]);
    expect(consoleError).toHaveBeenCalledOnce();
  });

  it('lets English read the default wording, but not a message with no wording at all', () => {
    const found: MissingMessage[] = [];
    const intl = intlFor('en', {}, found);
    expect(intl.formatMessage({ id: 'help.title', defaultMessage: 'Help' })).toBe('Help');
    expect(found).toEqual([]);
    intl.formatMessage({ id: 'help.nowhere' });
    expect(found).toEqual([{ code: 'MISSING_TRANSLATION', id: 'help.nowhere', locale: 'en' }]);
  });

  it('records a translation whose pattern cannot be formatted', () => {
    const found: MissingMessage[] = [];
    const intl = intlFor('ru', { 'sample.copy.run': 'Скопировать {count, plural, one {# источник}' }, found);
    intl.formatMessage({ id: 'sample.copy.run', defaultMessage: 'Copy {count} sources' }, { count: 3 });
    expect(found.map((m) => m.id)).toEqual(['sample.copy.run']);
    expect(found[0]?.code).not.toBe('MISSING_TRANSLATION');
  });
});
