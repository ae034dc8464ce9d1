// Organisations: known bodies, acronyms a text defines (linked to their expansion wherever they
// occur), and named bodies. "The Government" and bare anaphora are never suggested.
import { describe, expect, it } from 'vitest';
import { findOrganisations } from '../../../src/main/extract/index.ts';

const orgs = (text: string) => findOrganisations(text).map((s) => ({ text: s.text, value: s.value }));

describe('a lawyer gets organisation suggestions in an NGO report', () => {
  it('links later bare acronyms to the expansion the text defined', () => {
    const found = findOrganisations(
      'the Confederation of Independent Trade Unions of Kazakhstan (CITUK) was dissolved. CITUK appealed, and CITUK’s leaders were fined.',
    );
    expect(found.map((s) => [s.text, s.value])).toEqual([
      [
        'Confederation of Independent Trade Unions of Kazakhstan',
        'Confederation of Independent Trade Unions of Kazakhstan',
      ],
      ['CITUK', 'Confederation of Independent Trade Unions of Kazakhstan'],
      ['CITUK', 'Confederation of Independent Trade Unions of Kazakhstan'],
    ]);
    expect(found[0]?.detail?.acronym).toBe('CITUK');
    expect(found[1]?.detail).toMatchObject({
      acronym: 'CITUK',
      expansion: 'Confederation of Independent Trade Unions of Kazakhstan',
    });
  });

  it('links mentions that come before the definition too', () => {
    expect(orgs('ITUC condemns the attacks. The International Trade Union Confederation (ITUC) calls')).toEqual([
      { text: 'ITUC', value: 'International Trade Union Confederation' },
      { text: 'International Trade Union Confederation', value: 'International Trade Union Confederation' },
    ]);
  });

  it('knows the international bodies a submission cites, in English and in Russian', () => {
    expect(orgs('the ILO, OHCHR and the UN Human Rights Committee; МОТ и ООН')).toEqual([
      { text: 'ILO', value: 'International Labour Organization' },
      { text: 'OHCHR', value: 'Office of the United Nations High Commissioner for Human Rights' },
      { text: 'UN Human Rights Committee', value: 'UN Human Rights Committee' },
      { text: 'МОТ', value: 'International Labour Organization' },
      { text: 'ООН', value: 'United Nations' },
    ]);
  });

  it('reads named bodies by their head word and splits two bodies joined by "and"', () => {
    expect(
      orgs(
        'Concerning the Industrial Union of Employees of the Fuel and Energy Sector. The Ministry of Labour and the Ministry of National Economy agreed with the Almaty Department of Justice.',
      ),
    ).toEqual([
      {
        text: 'Industrial Union of Employees of the Fuel and Energy Sector',
        value: 'Industrial Union of Employees of the Fuel and Energy Sector',
      },
      { text: 'Ministry of Labour', value: 'Ministry of Labour' },
      { text: 'Ministry of National Economy', value: 'Ministry of National Economy' },
      { text: 'Almaty Department of Justice', value: 'Almaty Department of Justice' },
    ]);
  });

  it('keeps a Kazakh legal form with the name it introduces', () => {
    expect(
      orgs(
        'registered legal entity, the Association of Legal Entities, the Confederation of Free Trade Unions of Kazakhstan Association,',
      ),
    ).toEqual([
      {
        text: 'Association of Legal Entities, the Confederation of Free Trade Unions of Kazakhstan Association',
        value: 'Association of Legal Entities, the Confederation of Free Trade Unions of Kazakhstan Association',
      },
    ]);
  });

  it('finds a lower-case name by the acronym defined after it', () => {
    expect(orgs('A court ruling has banned the confederation of independent trade unions (KNPRK).')).toEqual([
      {
        text: 'confederation of independent trade unions',
        value: 'Confederation of Independent Trade Unions of the Republic of Kazakhstan',
      },
    ]);
  });

  it('suggests nothing for the Government, the State, anaphora, laws and conventions', () => {
    for (const text of [
      'The Government has provided the following information to the State.',
      'The Association submitted documents. The Ministry sent a letter. The Committee requests.',
      'the Law on Trade Unions and the Trade Union Law',
      'the Freedom of Association and Protection of the Right to Organise Convention',
      'Trade Union leaders and activists',
    ]) {
      expect(findOrganisations(text), text).toEqual([]);
    }
  });
});

describe('a monitor gets organisation suggestions in Russian', () => {
  it('reads a Cyrillic acronym with its expansion and a union named in quotes', () => {
    expect(
      orgs(
        'Конфедерация независимых профсоюзов Республики Казахстан (КНПРК) ликвидирована; КНПРК и профсоюз работников связи «Пример»',
      ),
    ).toEqual([
      {
        text: 'Конфедерация независимых профсоюзов Республики Казахстан',
        value: 'Confederation of Independent Trade Unions of the Republic of Kazakhstan',
      },
      { text: 'КНПРК', value: 'Confederation of Independent Trade Unions of the Republic of Kazakhstan' },
      { text: 'профсоюз работников связи «Пример»', value: 'профсоюз работников связи «Пример»' },
    ]);
  });
});
