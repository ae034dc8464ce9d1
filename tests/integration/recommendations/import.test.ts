// A monitor brings last cycle's recommendations into the dossier: the UN database's CSV export and
// the recommendations section pasted from the Working Group report. She sees a preview first; the
// import is all or nothing, and importing the same file again adds nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import type { RecommendationImportSource } from '../../../src/shared/api.ts';
import { UprightError } from '../../../src/shared/errors.ts';
import { freshVault } from '../../support/vault.ts';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/recommendations/${path}`, import.meta.url));
const csv = (name: string, extra: Partial<Extract<RecommendationImportSource, { kind: 'csv' }>> = {}) => ({
  kind: 'csv' as const,
  name,
  data: fixture(`csv/${name}`).toString('base64'),
  ...extra,
});

describe('importing a CSV export', () => {
  it('previews without writing, imports the good rows, and a second import adds nothing', async () => {
    const { ctx, dossier } = await freshVault();
    const source = csv('upr-database-export.csv');
    const preview = await call(handlers, 'recommendation.importPreview', { dossierId: dossier.id, source }, ctx);
    expect(preview).toMatchObject({
      kind: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      importable: true,
      counts: { read: 7, new: 4, present: 0, skipped: 3 },
    });
    expect(preview.problems.map((p) => [p.line, p.code])).toEqual([
      [8, 'NO_TEXT'],
      [9, 'UNKNOWN_RESPONSE'],
      [10, 'UNKNOWN_CYCLE'],
    ]);
    // The preview wrote nothing: a second one still finds all four new.
    const again = await call(handlers, 'recommendation.importPreview', { dossierId: dossier.id, source }, ctx);
    expect(again.counts).toMatchObject({ new: 4, present: 0 });

    const first = await call(handlers, 'recommendation.import', { dossierId: dossier.id, source }, ctx);
    expect(first).toMatchObject({ added: 4, present: 0, skipped: 3 });
    expect(first.ids).toHaveLength(4);

    const listed = await call(handlers, 'recommendation.list', { dossierId: dossier.id }, ctx);
    expect(listed.items.map((r) => [r.paragraph, r.recommendingStates, r.response, r.cycle])).toEqual([
      ['121.1', ['Norway'], 'supported', 3],
      ['121.2', ['Norway', 'Sweden'], 'noted', 3],
      ['121.3', ['Korea, Republic of'], 'partially_supported', 3],
      ['121.7', ['Iran (Islamic Republic of)', 'Venezuela (Bolivarian Republic of)'], 'supported', 3],
    ]);

    const second = await call(handlers, 'recommendation.import', { dossierId: dossier.id, source }, ctx);
    expect(second).toMatchObject({ added: 0, present: 4, ids: [] });
    expect((await call(handlers, 'recommendation.list', { dossierId: dossier.id }, ctx)).total).toBe(4);
    const after = await call(handlers, 'recommendation.importPreview', { dossierId: dossier.id, source }, ctx);
    expect(after.counts).toMatchObject({ new: 0, present: 4 });
    expect(after.rows.every((row) => row.present)).toBe(true);
  });

  it('the same recommendations re-typed with other quotes, dashes and spacing are recognised', async () => {
    const { ctx, dossier } = await freshVault();
    const table = (text: string) => ({
      kind: 'csv' as const,
      data: Buffer.from(
        `Document,Paragraph,Recommendation,Recommending State\nA/HRC/43/10,121.9,${text},Norway\n`,
      ).toString('base64'),
    });
    await call(
      handlers,
      'recommendation.import',
      { dossierId: dossier.id, source: table('"Repeal the “extremism” law — now"') },
      ctx,
    );
    const twice = await call(
      handlers,
      'recommendation.import',
      { dossierId: dossier.id, source: table('"Repeal  the ""extremism"" law - now"') },
      ctx,
    );
    expect(twice).toMatchObject({ added: 0, present: 1 });
  });

  it('a file with one fatal row writes nothing, and says which line', async () => {
    const { ctx, dossier } = await freshVault();
    for (const [name, line, problem] of [
      ['broken-quotes.csv', 3, 'BROKEN_QUOTES'],
      ['too-many-fields.csv', 3, 'TOO_MANY_FIELDS'],
    ] as const) {
      const source = csv(name);
      const preview = await call(handlers, 'recommendation.importPreview', { dossierId: dossier.id, source }, ctx);
      expect(preview).toMatchObject({ importable: false, rows: [], counts: { new: 0 } });
      const refused = await call(handlers, 'recommendation.import', { dossierId: dossier.id, source }, ctx).catch(
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(UprightError);
      expect(refused).toMatchObject({ code: 'RECOMMENDATION_IMPORT_UNRELIABLE', params: { line, problem } });
    }
    // The good rows of those files were not written either: the same rows, well formed, are all new.
    const good = {
      kind: 'csv' as const,
      data: Buffer.from(
        'Recommendation,Recommending State,Response\nRatify the Optional Protocol to the Convention against Torture,Denmark,Supported\nAbolish the death penalty,France,Supported\n',
      ).toString('base64'),
    };
    const preview = await call(handlers, 'recommendation.importPreview', { dossierId: dossier.id, source: good }, ctx);
    expect(preview.counts).toMatchObject({ new: 2, present: 0 });
    expect((await call(handlers, 'recommendation.list', { dossierId: dossier.id }, ctx)).total).toBe(0);
  });

  it('a Windows-1251 table with Russian headers, and a mapping given as col=field', async () => {
    const { ctx, dossier } = await freshVault();
    const source = csv('russian-windows-1251.csv', { map: ['Комментарий=themes', '8=ignore'] });
    const preview = await call(handlers, 'recommendation.importPreview', { dossierId: dossier.id, source }, ctx);
    expect(preview.encoding).toBe('windows-1251');
    expect(preview.mapping.map((m) => m.field)).toEqual([
      'paragraph',
      'text',
      'recommendingStates',
      'cycle',
      'session',
      'documentSymbol',
      'response',
      null,
      'themes',
    ]);
    expect(preview.rows[0]?.fields.themes).toEqual(['проверить']);
    const imported = await call(handlers, 'recommendation.import', { dossierId: dossier.id, source }, ctx);
    expect(imported.added).toBe(3);

    const wrong = await call(
      handlers,
      'recommendation.importPreview',
      { dossierId: dossier.id, source: csv('russian-windows-1251.csv', { map: ['Colour=text'] }) },
      ctx,
    ).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'RECOMMENDATION_MAPPING_INVALID', params: { spec: 'Colour=text' } });
  });
});

describe('pasting a report section', () => {
  it('imports every recommendation of the section once, with its response, and a second paste adds nothing', async () => {
    const { ctx, dossier } = await freshVault();
    const source = {
      kind: 'paste' as const,
      text: fixture('albania2014.section.txt').toString('utf8'),
      documentSymbol: 'A/HRC/27/4',
      cycle: 2,
    };
    const preview = await call(handlers, 'recommendation.importPreview', { dossierId: dossier.id, source }, ctx);
    expect(preview.sections.map((s) => [s.number, s.response, s.count])).toEqual([
      ['104', 'supported', 105],
      ['105', 'supported', 37],
      ['106', 'no_response', 23],
    ]);
    expect(preview.counts).toMatchObject({ read: 165, new: 165, present: 0 });
    expect(preview.rows[0]?.fields).toMatchObject({
      paragraph: '104.1',
      documentSymbol: 'A/HRC/27/4',
      cycle: 2,
      recommendingStates: ['Spain'],
    });

    const first = await call(handlers, 'recommendation.import', { dossierId: dossier.id, source }, ctx);
    expect(first).toMatchObject({ added: 165, present: 0 });
    const second = await call(handlers, 'recommendation.import', { dossierId: dossier.id, source }, ctx);
    expect(second).toMatchObject({ added: 0, present: 165 });
    const noted = await call(handlers, 'recommendation.list', { dossierId: dossier.id, response: 'no_response' }, ctx);
    expect(noted.total).toBe(23);
    expect(noted.items[0]).toMatchObject({ paragraph: '106.1', documentSymbol: 'A/HRC/27/4', cycle: 2 });
  });

  it('refuses text with no numbered recommendations, writing nothing', async () => {
    const { ctx, dossier } = await freshVault();
    const refused = await call(
      handlers,
      'recommendation.import',
      { dossierId: dossier.id, source: { kind: 'paste', text: 'Dear colleagues, please find attached.' } },
      ctx,
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'RECOMMENDATION_IMPORT_UNRELIABLE',
      params: { problem: 'NO_RECOMMENDATIONS' },
    });
  });
});

describe('the State answers later', () => {
  it('the UN’s thematic list fills in the responses the report left open, adding nothing twice', async () => {
    const { ctx, dossier } = await freshVault();
    const report = [
      'A/HRC/59/15',
      '140. The following recommendations will be examined by Slovenia, which will provide responses in due time:',
      '140.7 Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Maldives) (Portugal);',
      '140.229 Legalize same-sex marriage (Iceland);',
    ].join('\n');
    const matrix = [
      'Theme: Ratification & accession to international instruments',
      '140.7 Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Maldives) (Portugal);',
      'Source of Position: A/HRC/59/15/Add.1 - Para.3',
      'Supported',
      '- Ratification & accession to international instruments',
      'Groups of Persons:',
      '- Public officials',
      'Theme: Equality & non-discrimination',
      '140.229 Legalize same-sex marriage (Iceland);',
      'Source of Position: A/HRC/59/15/Add.1 - Para.5',
      'Noted',
      '- Equality & non-discrimination',
    ].join('\n');
    const paste = (text: string) => ({ dossierId: dossier.id, source: { kind: 'paste' as const, text } });
    expect(await call(handlers, 'recommendation.import', paste(report), ctx)).toMatchObject({ added: 2 });

    const preview = await call(handlers, 'recommendation.importPreview', paste(matrix), ctx);
    expect(preview.counts).toMatchObject({ new: 0, present: 2, answered: 2 });
    expect(await call(handlers, 'recommendation.import', paste(matrix), ctx)).toMatchObject({
      added: 0,
      present: 2,
      answered: 2,
    });
    const listed = await call(handlers, 'recommendation.list', { dossierId: dossier.id }, ctx);
    expect(listed.items.map((r) => [r.paragraph, r.documentSymbol, r.response])).toEqual([
      ['140.7', 'A/HRC/59/15', 'supported'],
      ['140.229', 'A/HRC/59/15', 'noted'],
    ]);
    // An answer once given is not changed by importing the report again.
    expect(await call(handlers, 'recommendation.import', paste(report), ctx)).toMatchObject({ added: 0, answered: 0 });
    const again = await call(handlers, 'recommendation.list', { dossierId: dossier.id }, ctx);
    expect(again.items.map((r) => r.response)).toEqual(['supported', 'noted']);
  });
});

describe('a shared recommendation listed once per State', () => {
  it('is imported once with every State, and the later row is named', async () => {
    const { ctx, dossier } = await freshVault();
    const source = {
      kind: 'csv' as const,
      data: Buffer.from(
        [
          'Recommendation,Recommending State,Response',
          'Ratify the Optional Protocol to the Convention against Torture,Denmark,Supported',
          'Abolish the death penalty,France,Noted',
          'Ratify the Optional Protocol to the Convention against Torture,Chile,Supported',
        ].join('\n'),
      ).toString('base64'),
    };
    const preview = await call(handlers, 'recommendation.importPreview', { dossierId: dossier.id, source }, ctx);
    expect(preview.counts).toMatchObject({ new: 2, present: 0 });
    expect(preview.problems).toEqual([{ line: 4, code: 'SAME_AS_LINE', severity: 'notice', value: '2' }]);
    expect(await call(handlers, 'recommendation.import', { dossierId: dossier.id, source }, ctx)).toMatchObject({
      added: 2,
    });
    const listed = await call(handlers, 'recommendation.list', { dossierId: dossier.id }, ctx);
    expect(listed.items.map((r) => r.recommendingStates)).toEqual([['Denmark', 'Chile'], ['France']]);
  });
});
