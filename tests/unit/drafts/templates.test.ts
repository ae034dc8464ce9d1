// A new draft's sections come from the dossier's themes, which people often type as keywords
// ("freedom of association"). As headings they start with a capital, and keep the rest as typed.
import { describe, expect, it } from 'vitest';
import { coverFromDossier, templateBody, themeHeading } from '../../../src/main/drafts/templates.ts';

const headings = (themes: string[]) =>
  (templateBody(themes).content ?? [])
    .filter((node) => node.type === 'heading' && node.attrs?.level === 2)
    .map((node) => node.content?.[0]?.text);

describe('the sections a new draft starts with', () => {
  it('gives each theme a heading starting with a capital, keeping the person’s casing of the rest', () => {
    expect(
      headings(['freedom of association', 'ILO Convention No. 87', '  right to strike  ', 'право на забастовку']),
    ).toEqual(['Freedom of association', 'ILO Convention No. 87', 'Right to strike', 'Право на забастовку']);
    expect(themeHeading('eGov portal')).toBe('EGov portal');
    expect(themeHeading('«trade unions»')).toBe('«trade unions»');
  });

  it('keeps the themes as typed in the cover’s keywords', () => {
    const dossier = { country: 'KAZ', cycle: 4, session: '48', deadline: null, themes: ['freedom of association'] };
    expect(coverFromDossier(dossier, new Date(2027, 0, 1)).keywords).toEqual(['freedom of association']);
  });

  it.each([
    ['en', 'Introduction and summary', 'Recommendations', 'March 2027'],
    ['ru', 'Введение и резюме', 'Рекомендации', 'март 2027 г.'],
    ['fr', 'Introduction et résumé', 'Recommandations', 'mars 2027'],
    ['es', 'Introducción y resumen', 'Recomendaciones', 'marzo de 2027'],
  ])(
    'in %s: the headings and the cover’s month in the language the submission is written in',
    (lang, first, last, month) => {
      const body = templateBody(['freedom of association'], lang);
      const titles = (body.content ?? [])
        .filter((n) => n.type === 'heading' && n.attrs?.level === 1)
        .map((n) => n.content?.[0]?.text);
      expect(titles[0]).toBe(first);
      expect(titles.at(-1)).toBe(last);
      const dossier = { country: 'KAZ', cycle: 4, session: '48', deadline: '2027-03-15', themes: [] };
      expect(coverFromDossier(dossier, new Date(2027, 0, 1), lang)).toMatchObject({ language: lang, monthYear: month });
    },
  );

  it('uses the English headings for the UN languages without a template of their own', () => {
    expect(templateBody([], 'ar')).toEqual(templateBody([], 'en'));
  });
});
