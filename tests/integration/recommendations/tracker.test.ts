// A monitor preparing Kazakhstan's fourth review tracks what the third review recommended: she types
// two recommendations from the Working Group report, files them under themes of the UPR issue list
// and under her own codes, assesses each with the excerpts that show it, reads the theme ×
// assessment matrix, finds recommendations by State, cycle and words, and puts the table of the last
// cycle's recommendations into her submission.
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import type { Params } from '../../../src/shared/api.ts';
import { freshVault } from '../../support/vault.ts';

const REPLY =
  'The Government reports that the new Law on Trade Unions of 2020 simplified registration. The confederation remains unregistered since 2017.';

async function setup() {
  const { services, ctx, dossier } = await freshVault();
  const store = services.vault.store();
  const source = store.sources.add({
    dossierId: dossier.id,
    title: 'Government reply',
    kind: 'government_reply',
    text: REPLY,
    language: 'en',
  });
  const mark = (words: string) =>
    call(
      handlers,
      'excerpt.create',
      { sourceId: source.id, start: REPLY.indexOf(words), end: REPLY.indexOf(words) + words.length },
      ctx,
    );
  const simplified = await mark('the new Law on Trade Unions of 2020 simplified registration');
  const unregistered = await mark('The confederation remains unregistered since 2017');
  const code = await call(handlers, 'code.create', { name: 'Registration' }, ctx);
  const create = (params: Omit<Params<'recommendation.create'>, 'dossierId'>) =>
    call(handlers, 'recommendation.create', { dossierId: dossier.id, ...params }, ctx);
  const association = await create({
    text: 'Ensure that trade unions can register freely and without undue delay',
    recommendingStates: ['Germany'],
    cycle: 3,
    session: '34',
    documentSymbol: 'A/HRC/43/10',
    paragraph: '140.12',
    response: 'supported',
    themes: ['Freedom of association and peaceful assembly', 'Labour'],
    codeIds: [code.id],
  });
  const press = await create({
    text: 'Decriminalise defamation and protect journalists',
    recommendingStates: ['Norway', 'Sweden'],
    cycle: 3,
    session: '34',
    documentSymbol: 'A/HRC/43/10',
    paragraph: '140.45',
    response: 'noted',
    themes: ['Freedom of opinion and expression'],
  });
  const earlier = await create({
    text: 'Ratify ILO Convention No. 87',
    recommendingStates: ['France'],
    cycle: 2,
    documentSymbol: 'A/HRC/28/10',
    paragraph: '126.29',
    response: 'supported',
    themes: ['Labour'],
  });
  return { services, ctx, dossier, store, excerpts: { simplified, unregistered }, code, association, press, earlier };
}

describe('the recommendations tracker', () => {
  it('keeps a recommendation’s fields, assessment and evidence, and records each change in the audit log', async () => {
    const { ctx, association, excerpts, store } = await setup();
    expect(association).toMatchObject({
      mechanism: 'upr',
      recommendingStates: ['Germany'],
      paragraph: '140.12',
      assessment: null,
      codes: [{ name: 'Registration' }],
      evidence: [],
    });
    await call(
      handlers,
      'recommendation.addEvidence',
      { id: association.id, excerptId: excerpts.unregistered.id },
      ctx,
    );
    await call(handlers, 'recommendation.addEvidence', { id: association.id, excerptId: excerpts.simplified.id }, ctx);
    const assessed = await call(
      handlers,
      'recommendation.assess',
      {
        id: association.id,
        assessment: 'partially_implemented',
        note: 'A new law, but the confederation is still refused.',
      },
      ctx,
    );
    expect(assessed.assessment).toBe('partially_implemented');
    expect(assessed.assessmentNote).toMatch(/new law/);
    expect(assessed.evidence.map((e) => e.exact).sort()).toEqual(
      [excerpts.simplified.exact, excerpts.unregistered.exact].sort(),
    );
    expect(assessed.evidenceCount).toBe(2);

    const less = await call(
      handlers,
      'recommendation.removeEvidence',
      { id: association.id, excerptId: excerpts.simplified.id },
      ctx,
    );
    expect(less.evidence.map((e) => e.excerptId)).toEqual([excerpts.unregistered.id]);
    // The excerpt's side: the recommendations it is evidence of.
    const shown = await call(
      handlers,
      'recommendation.list',
      { dossierId: association.dossierId, excerptId: excerpts.unregistered.id },
      ctx,
    );
    expect(shown.items.map((r) => r.id)).toEqual([association.id]);
    // Deleting the excerpt takes it out of the evidence too.
    await call(handlers, 'excerpt.delete', { id: excerpts.unregistered.id }, ctx);
    expect((await call(handlers, 'recommendation.get', { id: association.id }, ctx)).evidence).toEqual([]);

    const edited = await call(
      handlers,
      'recommendation.update',
      { id: association.id, recommendingStates: ['Germany', 'Austria'], themes: [], codeIds: [] },
      ctx,
    );
    expect(edited).toMatchObject({
      recommendingStates: ['Germany', 'Austria'],
      themes: [],
      codes: [],
      paragraph: '140.12',
    });

    const actions = store.audit
      .list()
      .filter((e) => e.entityId === association.id)
      .map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['recommendation.create', 'recommendation.assess', 'recommendation.update']),
    );
    expect(JSON.stringify(store.audit.list())).not.toContain('trade unions can register');

    expect(await call(handlers, 'recommendation.delete', { id: association.id }, ctx)).toEqual({ deleted: true });
    await expect(call(handlers, 'recommendation.get', { id: association.id }, ctx)).rejects.toMatchObject({
      code: 'RECOMMENDATION_NOT_FOUND',
    });
  });

  it('lists a page at a time and filters by cycle, response, theme, code, assessment, State and words', async () => {
    const { ctx, dossier, association, press, earlier, code } = await setup();
    await call(handlers, 'recommendation.assess', { id: press.id, assessment: 'not_implemented' }, ctx);
    const list = async (filter: Omit<Params<'recommendation.list'>, 'dossierId'>) =>
      (await call(handlers, 'recommendation.list', { dossierId: dossier.id, ...filter }, ctx)).items.map(
        (r) => r.paragraph,
      );
    expect(await list({})).toEqual(['140.12', '140.45', '126.29']);
    const first = await call(handlers, 'recommendation.list', { dossierId: dossier.id, limit: 2 }, ctx);
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    const second = await call(
      handlers,
      'recommendation.list',
      { dossierId: dossier.id, limit: 2, cursor: first.nextCursor ?? '' },
      ctx,
    );
    expect(second.items.map((r) => r.id)).toEqual([earlier.id]);
    expect(second.nextCursor).toBeNull();

    expect(await list({ cycle: 2 })).toEqual(['126.29']);
    expect(await list({ response: 'noted' })).toEqual(['140.45']);
    expect(await list({ theme: 'Labour' })).toEqual(['140.12', '126.29']);
    expect(await list({ codeId: code.id })).toEqual(['140.12']);
    expect(await list({ assessment: 'not_implemented' })).toEqual(['140.45']);
    expect(await list({ assessment: 'unassessed' })).toEqual(['140.12', '126.29']);
    expect(await list({ state: 'Sweden' })).toEqual(['140.45']);
    // Words are found whatever their case, in the text, the States or the report's number.
    expect(await list({ text: 'DEFAMATION' })).toEqual(['140.45']);
    expect(await list({ text: 'france' })).toEqual(['126.29']);
    expect(await list({ text: 'register unions' })).toEqual(['140.12']);
    expect(association.id).toBeTruthy();
  });

  it('counts recommendations by theme and assessment, and offers the filters what is there', async () => {
    const { ctx, dossier, association, press, code } = await setup();
    await call(handlers, 'recommendation.assess', { id: association.id, assessment: 'partially_implemented' }, ctx);
    await call(handlers, 'recommendation.assess', { id: press.id, assessment: 'not_implemented' }, ctx);
    await call(
      handlers,
      'recommendation.create',
      { dossierId: dossier.id, text: 'Cooperate with special procedures' },
      ctx,
    );
    const matrix = await call(handlers, 'recommendation.matrix', { dossierId: dossier.id }, ctx);
    expect(matrix.total).toBe(4);
    const row = (label: string) => matrix.rows.find((r) => r.label === label);
    expect(row('Labour')?.counts).toMatchObject({ partially_implemented: 1, unassessed: 1 });
    expect(row('Labour')?.total).toBe(2);
    expect(row('Freedom of opinion and expression')?.counts.not_implemented).toBe(1);
    expect(row('Registration')).toMatchObject({ codeId: code.id, theme: null, total: 1 });
    expect(matrix.unthemed.unassessed).toBe(1);

    const facets = await call(handlers, 'recommendation.facets', { dossierId: dossier.id }, ctx);
    expect(facets).toEqual({
      cycles: [2, 3],
      states: ['France', 'Germany', 'Norway', 'Sweden'],
      themes: ['Freedom of association and peaceful assembly', 'Freedom of opinion and expression', 'Labour'],
      codes: [expect.objectContaining({ id: code.id, name: 'Registration' })],
    });
  });

  it('refuses evidence from another dossier and a recommendation without words', async () => {
    const { ctx, association } = await setup();
    const other = await call(handlers, 'dossier.create', { title: 'Belarus' }, ctx);
    const { services } = ctx;
    const source = services.vault.store().sources.add({
      dossierId: other.id,
      title: 'Elsewhere',
      kind: 'ngo_report',
      text: 'Something else entirely.',
      language: 'en',
    });
    const excerpt = await call(handlers, 'excerpt.create', { sourceId: source.id, start: 0, end: 9 }, ctx);
    await expect(
      call(handlers, 'recommendation.addEvidence', { id: association.id, excerptId: excerpt.id }, ctx),
    ).rejects.toMatchObject({ code: 'RECOMMENDATION_EVIDENCE_ELSEWHERE' });
    await expect(
      call(handlers, 'recommendation.create', { dossierId: other.id, text: '   ' }, ctx),
    ).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
  });

  it('puts the last cycle’s recommendations into a draft as a table headed in the draft’s language', async () => {
    const { ctx, dossier, association, excerpts } = await setup();
    await call(handlers, 'recommendation.addEvidence', { id: association.id, excerptId: excerpts.simplified.id }, ctx);
    await call(handlers, 'recommendation.assess', { id: association.id, assessment: 'partially_implemented' }, ctx);
    // A "never export" excerpt shows the assessment in the tracker but stays out of the draft.
    await call(handlers, 'excerpt.update', { id: excerpts.unregistered.id, confidentiality: 'never_export' }, ctx);
    await call(
      handlers,
      'recommendation.addEvidence',
      { id: association.id, excerptId: excerpts.unregistered.id },
      ctx,
    );
    const draft = await call(
      handlers,
      'draft.create',
      { dossierId: dossier.id, title: 'Submission', template: 'individual', language: 'ru' },
      ctx,
    );
    const updated = await call(handlers, 'recommendation.insertTable', { draftId: draft.id }, ctx);
    const table = updated.body.content.at(-1);
    expect(table?.type).toBe('table');
    const text = (node: unknown): string =>
      JSON.stringify(node)
        .match(/"text":"[^"]*"/g)
        ?.join(' ') ?? '';
    const [header, ...rows] = (table?.content ?? []) as unknown[];
    expect(text(header)).toContain('Рекомендация');
    expect(text(header)).toContain('Наша оценка');
    // The latest cycle before the draft's: the 3rd cycle's two, not the 2nd cycle's.
    expect(rows).toHaveLength(2);
    expect(text(rows[0])).toContain('140.12');
    expect(text(rows[0])).toContain('Germany');
    expect(text(rows[0])).toContain('Поддержана');
    expect(text(rows[0])).toContain('Выполнена частично');
    expect(JSON.stringify(rows[0])).toContain(excerpts.simplified.id);
    expect(JSON.stringify(updated.body)).not.toContain(excerpts.unregistered.id);
    // Both rows come from one report: its symbol heads the table.
    expect(text(updated.body.content.at(-2))).toContain(
      'Рекомендации предыдущего обзора и их выполнение (A/HRC/43/10)',
    );
    expect(text(rows[1])).toContain('Не оценена');
  });

  it('refers to tracked recommendations in a draft, and its checks follow the tracker', async () => {
    const { ctx, dossier, association } = await setup();
    const other = await call(handlers, 'dossier.create', { title: 'Belarus' }, ctx);
    const foreign = await call(
      handlers,
      'recommendation.create',
      {
        dossierId: other.id,
        text: 'Release human rights defenders',
        recommendingStates: ['Ireland'],
        cycle: 3,
        documentSymbol: 'A/HRC/46/5',
        paragraph: '118.3',
        response: 'noted',
      },
      ctx,
    );
    const draft = await call(
      handlers,
      'draft.create',
      { dossierId: dossier.id, title: 'Submission', template: 'individual' },
      ctx,
    );
    const ref = (recommendationId: string) => ({ type: 'recommendationRef', attrs: { recommendationId } });
    const body = {
      type: 'doc' as const,
      content: [
        {
          type: 'paragraph',
          attrs: { numbered: true },
          content: [
            { type: 'text', text: 'The State did not act on ' },
            ref(association.id),
            { type: 'text', text: '.' },
          ],
        },
        {
          type: 'paragraph',
          attrs: { numbered: true },
          content: [{ type: 'text', text: 'Compare ' }, ref(foreign.id), { type: 'text', text: '.' }],
        },
      ],
    };
    await call(handlers, 'draft.update', { id: draft.id, body }, ctx);
    const { text } = await call(handlers, 'draft.render', { id: draft.id, format: 'md', redact: false }, ctx);
    expect(text).toContain('The State did not act on A/HRC/43/10, para. 140.12 (Germany), supported.');
    const codes = async () =>
      (await call(handlers, 'draft.check', { id: draft.id }, ctx))
        .filter((c) => c.rule === 'recommendation-ref')
        .map((c) => c.code);
    expect(await codes()).toEqual(['RECOMMENDATION_OTHER_DOSSIER']);

    // Corrected in the tracker, the reference follows; deleted from it, the check says so.
    await call(
      handlers,
      'recommendation.update',
      { id: association.id, recommendingStates: ['Germany', 'Austria'] },
      ctx,
    );
    expect((await call(handlers, 'draft.render', { id: draft.id, format: 'md', redact: false }, ctx)).text).toContain(
      'A/HRC/43/10, para. 140.12 (Germany, Austria)',
    );
    await call(handlers, 'recommendation.delete', { id: association.id }, ctx);
    expect(await codes()).toEqual(['RECOMMENDATION_MISSING', 'RECOMMENDATION_OTHER_DOSSIER']);
  });

  it('gives the editor the table to insert at the cursor, the draft unchanged until it saves', async () => {
    const { ctx, dossier } = await setup();
    const draft = await call(
      handlers,
      'draft.create',
      { dossierId: dossier.id, title: 'Submission', template: 'individual' },
      ctx,
    );
    const every = await call(handlers, 'recommendation.table', { draftId: draft.id, everyCycle: true }, ctx);
    expect(every.count).toBe(3);
    expect(every.nodes.map((n) => n.type)).toEqual(['paragraph', 'table']);
    expect(JSON.stringify(every.nodes[0])).toContain('Recommendations of the previous review and their implementation');
    const second = await call(handlers, 'recommendation.table', { draftId: draft.id, cycle: 2 }, ctx);
    expect(second.count).toBe(1);
    expect(JSON.stringify(second.nodes)).toContain('126.29');
    expect((await call(handlers, 'draft.get', { id: draft.id }, ctx)).body).toEqual(draft.body);
  });

  it('tracks an ILO committee’s request beside the UPR recommendations and cites it by body, year and convention', async () => {
    const { ctx, dossier } = await setup();
    const ceacr = await call(
      handlers,
      'recommendation.create',
      {
        dossierId: dossier.id,
        mechanism: 'ilo',
        text: 'The Committee requests the Government to amend the Trade Union Law so that registration is a formality.',
        iloBody: 'CEACR',
        iloYear: 2023,
        iloConvention: 'C.87',
        themes: ['Labour'],
      },
      ctx,
    );
    expect(ceacr).toMatchObject({ mechanism: 'ilo', iloBody: 'CEACR', iloYear: 2023, recommendingStates: [] });
    const ilo = await call(handlers, 'recommendation.list', { dossierId: dossier.id, mechanism: 'ilo' }, ctx);
    expect(ilo.items.map((r) => r.id)).toEqual([ceacr.id]);
    expect(
      (await call(handlers, 'recommendation.matrix', { dossierId: dossier.id, mechanism: 'upr' }, ctx)).total,
    ).toBe(3);

    const draft = await call(
      handlers,
      'draft.create',
      { dossierId: dossier.id, title: 'Submission', template: 'individual' },
      ctx,
    );
    const body = {
      type: 'doc' as const,
      content: [
        {
          type: 'paragraph',
          attrs: { numbered: true },
          content: [
            { type: 'text', text: 'The ILO asked the same (' },
            { type: 'recommendationRef', attrs: { recommendationId: ceacr.id } },
            { type: 'text', text: ').' },
          ],
        },
      ],
    };
    await call(handlers, 'draft.update', { id: draft.id, body }, ctx);
    const { text } = await call(handlers, 'draft.render', { id: draft.id, format: 'md', redact: false }, ctx);
    expect(text).toContain('The ILO asked the same (CEACR (2023), C.87).');
    const checks = await call(handlers, 'draft.check', { id: draft.id }, ctx);
    expect(checks.filter((c) => c.rule === 'recommendation-ref')).toEqual([]);
    // The table of the previous UPR cycle leaves the ILO's requests out.
    const table = await call(handlers, 'recommendation.table', { draftId: draft.id, everyCycle: true }, ctx);
    expect(table.count).toBe(3);
  });

  it('words a follow-up paragraph on one recommendation in the draft’s language, its evidence cited', async () => {
    const { ctx, dossier, association, excerpts } = await setup();
    await call(
      handlers,
      'recommendation.addEvidence',
      { id: association.id, excerptId: excerpts.unregistered.id },
      ctx,
    );
    await call(handlers, 'recommendation.assess', { id: association.id, assessment: 'not_implemented' }, ctx);
    const draft = await call(
      handlers,
      'draft.create',
      { dossierId: dossier.id, title: 'Представление', template: 'individual', language: 'ru' },
      ctx,
    );
    const { nodes } = await call(handlers, 'recommendation.followUp', { id: association.id, draftId: draft.id }, ctx);
    expect(nodes).toHaveLength(1);
    const [paragraph] = nodes;
    expect(paragraph?.attrs).toEqual({ numbered: true });
    expect(paragraph?.content?.[0]).toEqual({ type: 'recommendationRef', attrs: { recommendationId: association.id } });
    expect(
      paragraph?.content?.some((n) => n.type === 'citation' && n.attrs?.excerptId === excerpts.unregistered.id),
    ).toBe(true);
    await call(handlers, 'draft.update', { id: draft.id, body: { type: 'doc', content: nodes } }, ctx);
    const { text } = await call(handlers, 'draft.render', { id: draft.id, format: 'md', redact: false }, ctx);
    expect(text).toContain(
      'A/HRC/43/10, п. 140.12 (Germany), поддержана: «Ensure that trade unions can register freely and without undue delay». Наша оценка: не выполнена',
    );
    // A recommendation of another dossier is not this draft's to follow up.
    const other = await call(handlers, 'dossier.create', { title: 'Belarus' }, ctx);
    const elsewhere = await call(handlers, 'recommendation.create', { dossierId: other.id, text: 'Free them' }, ctx);
    await expect(
      call(handlers, 'recommendation.followUp', { id: elsewhere.id, draftId: draft.id }, ctx),
    ).rejects.toMatchObject({ code: 'RECOMMENDATION_NOT_FOUND' });
  });
});
