// Legal references: what the lawyer cites back to the Committee. A provision and its instrument
// are one reference with one canonical value, so the same article groups together however written.
import { describe, expect, it } from 'vitest';
import { findLegalReferences } from '../../../src/main/extract/index.ts';

const refs = (text: string) => findLegalReferences(text).map((s) => ({ text: s.text, value: s.value }));

describe('a lawyer gets legal-reference suggestions in an ILO reply', () => {
  it('reads "article 402(1) of the Criminal Code" as one reference with its instrument', () => {
    const [ref] = findLegalReferences('the decriminalization of article 402(1) of the Criminal Code, which penalizes');
    expect(ref).toMatchObject({
      kind: 'legal_reference',
      text: 'article 402(1) of the Criminal Code',
      value: 'Criminal Code, art. 402(1)',
    });
    expect(ref?.detail).toMatchObject({ instrument: 'Criminal Code', provisions: 'art. 402(1)' });
  });

  it('keeps a list of sections, and descriptions between articles, inside one reference', () => {
    expect(
      refs(
        'Amend sections 10(2), 11(3) and 13 of the Trade Union Law. The practice of articles 145 (violation of human rights) and 154 (obstruction of the lawful activities of employee representatives) of the Criminal Code.',
      ),
    ).toEqual([
      { text: 'sections 10(2), 11(3) and 13 of the Trade Union Law', value: 'Trade Union Law, ss. 10(2), 11(3), 13' },
      {
        text: 'articles 145 (violation of human rights) and 154 (obstruction of the lawful activities of employee representatives) of the Criminal Code',
        value: 'Criminal Code, arts. 145, 154',
      },
    ]);
  });

  it('reads "Convention No. 87" as one reference, not a convention and a number', () => {
    const found = findLegalReferences('to bring it into line with Convention No. 87');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text: 'Convention No. 87', value: 'ILO Convention No. 87' });
    expect(found[0]?.detail?.code).toBe('C087');
  });

  it('gives "C.87", a convention’s full title and its Russian name the same value', () => {
    const values = [
      'ratification of C.87 in 2000',
      'the Freedom of Association and Protection of the Right to Organise Convention, 1948 (No. 87)',
      'со ссылкой на Конвенцию МОТ № 87',
    ].map((text) => findLegalReferences(text).map((s) => s.value));
    expect(values).toEqual([['ILO Convention No. 87'], ['ILO Convention No. 87'], ['ILO Convention No. 87']]);
  });

  it('reads articles of a convention and of the ICCPR', () => {
    expect(refs('articles 2 and 3 of Convention No. 87 and Article 22 of the ICCPR')).toEqual([
      { text: 'articles 2 and 3 of Convention No. 87', value: 'ILO Convention No. 87, arts. 2, 3' },
      { text: 'Article 22 of the ICCPR', value: 'ICCPR, art. 22' },
    ]);
  });

  it('reads the instrument written first: "(Criminal Code, section 402)"', () => {
    expect(refs('Remove criminal penalties (Criminal Code, section 402);')).toEqual([
      { text: 'Criminal Code, section 402', value: 'Criminal Code, s. 402' },
    ]);
  });

  it('links an acronym a text defines for a treaty to the treaty', () => {
    const found = refs(
      'the International Covenant on Civil and Political Rights ("CCPR"). The CCPR stipulates that everyone shall have the right',
    );
    expect(found).toEqual([
      // The definition belongs to the name's mention (the gold guidelines' rule).
      { text: 'International Covenant on Civil and Political Rights ("CCPR")', value: 'ICCPR' },
      { text: 'CCPR', value: 'ICCPR' },
    ]);
  });

  it('offers a provision without an instrument, less confidently', () => {
    const [ref] = findLegalReferences('can be formed by three members (section 15(1), but');
    expect(ref).toMatchObject({ text: 'section 15(1)', value: 's. 15(1)' });
    expect(ref?.confidence).toBeLessThan(0.8);
  });

  it('suggests nothing for anaphora, lower-case descriptions and numbered lists', () => {
    for (const text of [
      'The Decree identified new areas. In order to implement the Decree, the Government acted.',
      'bring it into line with the Convention through improvement of the Law',
      'the 1993 trade union law was abolished and the criminal code amended',
      '(Draft Act – by the end of 2022, Act – by the first quarter of 2023)',
      '(1) Submitting Organisation (2) Background',
      'see paragraph 12 above',
    ]) {
      expect(findLegalReferences(text), text).toEqual([]);
    }
  });
});

describe('a monitor gets legal-reference suggestions in Russian', () => {
  it('reads "статья 13 Закона о профессиональных союзах" with the law in the nominative', () => {
    expect(refs('несоответствие устава требованиям статьи 13 Закона о профессиональных союзах.')).toEqual([
      { text: 'статьи 13 Закона о профессиональных союзах', value: 'Закон о профессиональных союзах, ст. 13' },
    ]);
  });

  it('reads "статьи 2 и 3 Конвенции МОТ № 87" as articles of ILO Convention No. 87', () => {
    expect(refs('нарушение статьи 2 и 3 Конвенции МОТ № 87 и части 1 статьи 402 УК РК')).toEqual([
      { text: 'статьи 2 и 3 Конвенции МОТ № 87', value: 'ILO Convention No. 87, arts. 2, 3' },
      { text: 'части 1 статьи 402 УК РК', value: 'Уголовный кодекс, ст. 402, ч. 1' },
    ]);
  });

  it('stops a law’s title where the title stops', () => {
    expect(refs('согласно статье 14 Закона о профессиональных союзах и статье 2 Трудового кодекса')).toEqual([
      { text: 'статье 14 Закона о профессиональных союзах', value: 'Закон о профессиональных союзах, ст. 14' },
      { text: 'статье 2 Трудового кодекса', value: 'Трудовой кодекс, ст. 2' },
    ]);
  });
});
