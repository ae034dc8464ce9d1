import { describe, expect, it } from 'vitest';
import { argumentsOf, compareCatalogs, findLiterals } from '../../../scripts/i18n/rules.ts';
import { languageFromLocales, mergedCatalog } from '../../../src/shared/i18n/languages.ts';

describe('words on screen come from the catalog', () => {
  it('finds text, labels and confirm questions written straight into a component', () => {
    const found = findLiterals(
      'Form.tsx',
      `export function Form() {
        const items = [{ label: 'New dossier' }];
        if (!window.confirm('Delete this code?')) return null;
        return (<form aria-label="Dossier">
          <h2>Cycle</h2>
          <input placeholder={'Search excerpts'} />
          {'Saved'}
          <span>PDF · 12</span>
        </form>);
      }`,
    );
    expect(found.map((f) => f.text)).toEqual([
      'New dossier',
      'Delete this code?',
      'Dossier',
      'Cycle',
      'Search excerpts',
      'Saved',
    ]);
  });

  it('leaves messages from the catalog, punctuation and format names alone', () => {
    const found = findLiterals(
      'Ok.tsx',
      `import { FormattedMessage } from 'react-intl';
       export const Ok = ({ n }: { n: number }) => (<p className="note" title={intl.formatMessage({ id: 'a.b', defaultMessage: 'x' })}>
         <FormattedMessage id="a.c" defaultMessage="Saved {n} excerpts" values={{ n }} /> — {n} · DOCX
       </p>);`,
    );
    expect(found).toEqual([]);
  });
});

describe('the catalogs agree with the English source', () => {
  const source = {
    'excerpts.saved': 'Saved {count, plural, one {# excerpt} other {# excerpts}}',
    'shell.lock': 'Lock',
  };

  it('Russian must be complete; Kazakh may be partial', () => {
    const problems = compareCatalogs(source, {
      ru: { messages: { 'shell.lock': 'Заблокировать' }, complete: true },
      kk: { messages: { 'shell.lock': 'Құлыптау' }, complete: false },
    });
    expect(problems.missing).toEqual({ ru: ['excerpts.saved'] });
  });

  it('a translation that drops or renames a placeholder is refused', () => {
    const problems = compareCatalogs(source, {
      ru: {
        messages: {
          'excerpts.saved':
            'Сохранено {n, plural, one {# фрагмент} few {# фрагмента} many {# фрагментов} other {# фрагмента}}',
          'shell.lock': 'Заблокировать',
        },
        complete: true,
      },
    });
    expect(problems.broken).toHaveLength(1);
    expect(problems.broken[0]).toContain('excerpts.saved');
  });

  it('a message the code no longer has, a generated id, and broken ICU are reported', () => {
    const problems = compareCatalogs(
      { ...source, x3F9a: 'Hash id' },
      { ru: { messages: { ...source, 'old.gone': 'Старое', 'shell.lock': '{oops' }, complete: false } },
    );
    expect(problems.extra).toEqual({ ru: ['old.gone'] });
    expect(problems.badIds).toEqual(['x3F9a']);
    expect(problems.broken.some((b) => b.startsWith('ru shell.lock'))).toBe(true);
  });

  it('tags count as placeholders', () => {
    expect([...argumentsOf('<b>Sample vault.</b> {n}')]).toEqual(['<b>', 'n']);
  });
});

describe('the interface language', () => {
  it('follows the system at first run', () => {
    expect(languageFromLocales(['ru-RU', 'en-US'])).toBe('ru');
    expect(languageFromLocales(['kk-KZ', 'ru'])).toBe('kk');
    expect(languageFromLocales(['de-DE'])).toBe('en');
    expect(languageFromLocales([])).toBe('en');
  });

  it('Kazakh falls back to Russian, then English', () => {
    const merged = mergedCatalog('kk', {
      en: { a: 'A', b: 'B', c: 'C' },
      ru: { a: 'А', b: 'Б' },
      kk: { a: 'Ә' },
    });
    expect(merged).toEqual({ a: 'Ә', b: 'Б', c: 'C' });
  });
});
