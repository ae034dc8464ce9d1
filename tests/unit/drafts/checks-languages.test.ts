// A lawyer in Almaty writes submissions in Russian, French or Spanish as well as English. The checks
// find the template's sections in each of those languages, and say what they find as codes: the app
// words them in the interface language, what is printed for the submission (the CLI's export log) in
// the draft's own language — every code, in every one of those languages.
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { compareCatalogs } from '../../../scripts/i18n/rules.ts';
import { runChecks } from '../../../src/main/drafts/checks.ts';
import { SECTION_HEADINGS } from '../../../src/main/drafts/templates.ts';
import type { CheckResult } from '../../../src/shared/api/drafts.ts';
import { CHECK_CODES, type CheckCode, type CheckParams, wordCheck } from '../../../src/shared/check-messages.ts';
import { CATALOGS, messagesFor } from '../../../src/shared/i18n/catalogs.ts';
import { PRINTED_CATALOGS, printedCheck } from '../../../src/shared/i18n/printed.ts';
import { cite, doc, goodContext, heading, para, recommendationRef, TODAY } from './support.ts';

/** Values for every placeholder any check message has. */
function sampleParams(code: CheckCode): CheckParams {
  const params: CheckParams = {
    words: 2816,
    over: 1,
    limit: 2815,
    note: 2,
    paragraph: '140.12',
    numbered: 'yes',
    named: 'yes',
    organisation: 'ICTUR',
    index: 1,
    cover: 4,
    dossier: 5,
    session: 41,
    cycle: 3,
    first: 41,
    last: 52,
    count: 2,
    states: 'Kazakhstan, Kyrgyzstan',
    state: 'Uzbekistan',
    expected: 'Kazakhstan',
    name: 'Amin Eleusinov',
    others: 2,
    pseudonym: 'a union leader',
    withheld: '[name withheld]',
    verb: 'Consider',
    heading: 'Follow-up to the previous review',
    days: 3,
    date: '2027-03-15',
    source: 'Interview notes, Almaty',
    sourceId: 'source-1',
    missing: 'date,url',
  };
  return code === 'LANGUAGE_MISMATCH' ? { cover: 'en', detected: 'ru' } : params;
}

const result = (code: CheckCode, params: CheckParams = sampleParams(code)): CheckResult => ({
  rule: 'any',
  severity: 'warning',
  code,
  params,
  target: { kind: 'paragraph', number: 3 },
});

describe('every check in words', () => {
  it('the print-only French and Spanish catalogs hold every check message, with the English placeholders', () => {
    const english = Object.fromEntries(Object.entries(CATALOGS.en).filter(([id]) => id.startsWith('check.')));
    const problems = compareCatalogs(english, {
      fr: { messages: PRINTED_CATALOGS.fr, complete: true },
      es: { messages: PRINTED_CATALOGS.es, complete: true },
    });
    expect(problems).toEqual({ badIds: [], missing: {}, extra: {}, broken: [] });
  });

  it.each(['en', 'ru', 'fr', 'es'])(
    'printed in %s, each code has its own sentence and every value in place',
    (lang) => {
      for (const code of CHECK_CODES) {
        const { where, message } = printedCheck(lang, result(code));
        expect(message, code).not.toMatch(/[{}]|^[A-Z_]+$/);
        if (lang !== 'en') {
          expect(message, `${code} in ${lang}`).not.toBe(printedCheck('en', result(code)).message);
        }
        expect(where).toBe({ en: 'paragraph 3', ru: 'пункт 3', fr: 'paragraphe 3', es: 'párrafo 3' }[lang]);
      }
    },
  );

  it.each(['en', 'ru'])('in the %s interface, every code is in the catalog (none falls back to its code)', (lang) => {
    const errors: string[] = [];
    const intl = createIntl({
      locale: lang,
      messages: messagesFor(lang as 'en' | 'ru'),
      onError: (error) => errors.push(error.message),
    });
    for (const code of CHECK_CODES) {
      const words = wordCheck(result(code), {
        format: (message, params) => intl.formatMessage(message, params),
        list: (items) => intl.formatList(items, { type: 'conjunction' }),
        date: (iso) => iso,
        languageName: (code) => code,
      });
      expect(words, code).not.toMatch(/[{}]/);
      if (lang === 'ru') expect(words, code).toMatch(/[а-яё]/);
    }
    expect(errors).toEqual([]);
  });

  it('says numbers, plurals, dates and lists the way each language does', () => {
    const ru = (code: CheckCode, params: CheckParams) => printedCheck('ru', result(code, params)).message;
    expect(ru('WORD_LIMIT_OVER', { words: 2816, over: 1, limit: 2815 })).toMatch(
      /^Объём текста — 2\s816 слов, что на 1 больше допустимого предела \(2\s815 слов\)\.$/,
    );
    expect(ru('NOTE_TOO_LONG', { words: 61 })).toMatch(/^В этой сноске 61 слово\./);
    expect(ru('NOTE_TOO_LONG', { words: 63 })).toMatch(/^В этой сноске 63 слова\./);
    expect(ru('DEADLINE_SOON', { days: 1, date: '2027-03-15' })).toBe(
      'Представление нужно подать завтра (15 марта 2027 г.).',
    );
    expect(ru('DEADLINE_SOON', { days: 5, date: '2027-03-15' })).toMatch(/через 5 дней/);
    expect(ru('PSEUDONYM_NEEDS_REDACTION', { name: 'Амин', others: 2, pseudonym: 'профсоюзный лидер' })).toBe(
      '«Амин» встречается здесь и ещё в 2 местах и имеет псевдоним. Экспортируйте с обезличиванием, чтобы заменить имя на «профсоюзный лидер».',
    );
    expect(ru('NOTE_INCOMPLETE', { note: 2, source: 'ITUC', missing: 'date,url' })).toBe(
      'В сноске 2 указан источник «ITUC», но нет даты документа и адреса, с которого он сохранён. Добавьте недостающее в сведения об источнике, чтобы сноску можно было проверить.',
    );
    expect(ru('LANGUAGE_MISMATCH', { cover: 'en', detected: 'ru' })).toBe(
      'На титульной странице указан язык «английский», но текст, судя по всему, написан на языке «русский».',
    );
    expect(printedCheck('fr', result('DEADLINE_PASSED', { date: '2027-03-15' })).message).toBe(
      'La date limite de cet examen (15 mars 2027) est passée.',
    );
    expect(
      printedCheck('es', result('SESSION_NOT_IN_CYCLE', { session: 40, cycle: 4, first: 41, last: 54 })).message,
    ).toBe('El período de sesiones 40 no pertenece al 4.º ciclo (períodos de sesiones 41 a 54).');
    expect(printedCheck('en', result('COVER_CYCLE_DIFFERS', { cover: 4, dossier: 5 })).message).toBe(
      'The cover names the 4th cycle, the dossier the 5th. Correct the one that is out of date.',
    );
  });
});

/** A passing submission written in a language: the template's headings, text and a timed recommendation. */
function submissionIn(
  lang: 'ru' | 'fr' | 'es',
  headings: Partial<Record<keyof (typeof SECTION_HEADINGS)['ru'], string>> = {},
) {
  const h = { ...SECTION_HEADINGS[lang], ...headings };
  const text = {
    ru: [
      'Настоящее представление охватывает свободу объединений в Казахстане с 2019 по 2024 год.',
      'Казахстан принял к сведению рекомендацию о внесении изменений в закон о профсоюзах.',
      'В 2023 году трём независимым профсоюзам отказали в регистрации по формальным основаниям.',
      'Внести изменения в статью 12 Закона о профессиональных союзах в течение 12 месяцев, как рекомендовалось ранее ',
    ],
    fr: [
      'La présente contribution porte sur la liberté d’association au Kazakhstan de 2019 à 2024.',
      'Le Kazakhstan a pris note de la recommandation de modifier sa loi sur les syndicats.',
      'En 2023, trois syndicats indépendants se sont vu refuser leur enregistrement pour des motifs formels.',
      'Modifier l’article 12 de la loi sur les syndicats d’ici la fin de 2027, comme recommandé précédemment ',
    ],
    es: [
      'La presente contribución trata de la libertad de asociación en Kazajstán de 2019 a 2024.',
      'Kazajstán tomó nota de la recomendación de modificar su ley de sindicatos.',
      'En 2023 se denegó el registro a tres sindicatos independientes por motivos formales.',
      'Modificar el artículo 12 de la Ley de Sindicatos en un plazo de 12 meses, como se recomendó anteriormente ',
    ],
  }[lang];
  return goodContext({
    cover: { language: lang },
    body: doc(
      heading(1, h.introduction),
      para(text[0] as string),
      heading(1, h.followUp),
      para(text[1] as string, recommendationRef('r1'), cite('e1')),
      heading(1, h.newDevelopments),
      para(text[2] as string, cite('e2')),
      heading(1, h.recommendations),
      para(text[3] as string, recommendationRef('r1'), '.'),
    ),
  });
}

const structural = (results: CheckResult[]) =>
  results.filter((r) => ['structure', 'summary', 'smart'].includes(r.rule)).map((r) => r.code);

describe('the sections of a submission written in Russian, French or Spanish', () => {
  it.each(['ru', 'fr', 'es'] as const)('are found under the %s template’s headings', (lang) => {
    expect(structural(runChecks(submissionIn(lang), { today: TODAY }))).toEqual([]);
  });

  it('are found under headings the person reworded, numbered or not', () => {
    const reworded = [
      submissionIn('ru', {
        followUp: 'II. Выполнение рекомендаций предыдущего обзора',
        recommendations: 'IV. Рекомендации правительству',
      }),
      submissionIn('fr', { followUp: 'Suivi des recommandations du troisième cycle' }),
      submissionIn('es', { followUp: '2. Seguimiento de las recomendaciones anteriores' }),
    ];
    for (const context of reworded) expect(structural(runChecks(context, { today: TODAY }))).toEqual([]);
  });

  it('are judged there as in English: a recommendation with no deadline, and a missing follow-up named in the draft’s words', () => {
    const untimed = submissionIn('ru');
    const blocks = untimed.draft.body.content ?? [];
    blocks[blocks.length - 1] = para(
      'Внести изменения в статью 12 Закона о профессиональных союзах, как рекомендовалось ранее ',
      recommendationRef('r1'),
      '.',
    );
    const results = runChecks(untimed, { today: TODAY });
    expect(structural(results)).toEqual(['SMART_NO_TIME']);

    const noFollowUp = submissionIn('fr', { followUp: 'Contexte' });
    const [missing] = runChecks(noFollowUp, { today: TODAY }).filter((r) => r.rule === 'structure');
    expect(missing).toMatchObject({ code: 'FOLLOW_UP_MISSING', params: { heading: 'Suivi de l’examen précédent' } });
    expect(printedCheck('fr', missing as CheckResult).message).toBe(
      'Il n’y a pas de section sur le suivi de l’examen précédent (un titre tel que « Suivi de l’examen précédent »).',
    );
  });
});
