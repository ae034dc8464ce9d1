// A lawyer sets what the State says against what happened: the ILO reply says registration problems
// "have not been reported", the campaign page counts 600 unions prevented. She links the two excerpts
// through the API (as the app and `upright call` do), sees the pair in the Claims view, puts it in a
// draft, and deleting either excerpt takes the link with it — and says so.
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import { freshVault } from '../../support/vault.ts';

const REPLY =
  'The Government indicates that problems with the registration of trade unions have not been reported. The new law took effect in 2014.';
const CAMPAIGN =
  'The 2014 law prevented at least 600 free and independent unions from registering. Workers were dismissed.';

async function setup() {
  const { services, ctx, dossier } = await freshVault();
  const store = services.vault.store();
  const reply = store.sources.add({
    dossierId: dossier.id,
    title: 'Information supplied by the Government (2022)',
    kind: 'government_reply',
    dateText: '2022',
    text: REPLY,
  });
  const campaign = store.sources.add({
    dossierId: dossier.id,
    title: 'Kazakhstan must respect democracy',
    kind: 'web_page',
    dateText: '2022-01-12',
    text: CAMPAIGN,
  });
  const mark = async (sourceId: string, text: string, words: string) => {
    const start = text.indexOf(words);
    return call(handlers, 'excerpt.create', { sourceId, start, end: start + words.length }, ctx);
  };
  const claim = await mark(reply.id, REPLY, 'problems with the registration of trade unions have not been reported');
  const count = await mark(campaign.id, CAMPAIGN, 'at least 600 free and independent unions');
  const dismissed = await mark(campaign.id, CAMPAIGN, 'Workers were dismissed');
  const law = await mark(reply.id, REPLY, 'The new law took effect in 2014');
  await call(handlers, 'excerpt.update', { id: claim.id, stance: 'denial' }, ctx);
  await call(handlers, 'excerpt.update', { id: law.id, stance: 'state_claim' }, ctx);
  await call(handlers, 'excerpt.update', { id: count.id, stance: 'allegation' }, ctx);
  return { services, ctx, dossier, claim, count, dismissed, law, reply, campaign };
}

describe('links between excerpts', () => {
  it('are drawn in four kinds with a note, shown on both excerpts, and removed one at a time', async () => {
    const { ctx, claim, count, dismissed, law } = await setup();
    const contradicts = await call(
      handlers,
      'excerpt.link',
      { fromExcerptId: count.id, toExcerptId: claim.id, kind: 'contradicts', note: ' ICTUR counted them ' },
      ctx,
    );
    expect(contradicts).toMatchObject({ kind: 'contradicts', note: 'ICTUR counted them' });
    for (const kind of ['corroborates', 'responds_to', 'same_fact_as'] as const) {
      await call(handlers, 'excerpt.link', { fromExcerptId: dismissed.id, toExcerptId: law.id, kind }, ctx);
    }

    const onClaim = await call(handlers, 'excerpt.links', { excerptId: claim.id }, ctx);
    expect(onClaim).toHaveLength(1);
    expect(onClaim[0]).toMatchObject({
      direction: 'incoming',
      kind: 'contradicts',
      other: {
        id: count.id,
        exact: 'at least 600 free and independent unions',
        sourceKind: 'web_page',
        sourceDate: '2022-01-12',
      },
    });
    const onCount = await call(handlers, 'excerpt.links', { excerptId: count.id }, ctx);
    expect(onCount.map((l) => [l.direction, l.other.id])).toEqual([['outgoing', claim.id]]);
    const onLaw = await call(handlers, 'excerpt.links', { excerptId: law.id }, ctx);
    expect(onLaw.map((l) => l.kind)).toEqual(['corroborates', 'responds_to', 'same_fact_as']);

    expect(await call(handlers, 'excerpt.unlink', { id: contradicts.id }, ctx)).toEqual({ deleted: true });
    expect(await call(handlers, 'excerpt.links', { excerptId: claim.id }, ctx)).toEqual([]);
    await expect(call(handlers, 'excerpt.unlink', { id: contradicts.id }, ctx)).rejects.toMatchObject({
      code: 'LINK_NOT_FOUND',
    });
    // Deleted, it can be drawn again.
    await call(handlers, 'excerpt.link', { fromExcerptId: claim.id, toExcerptId: count.id, kind: 'contradicts' }, ctx);
  });

  it('refuse a link to itself, a second link of one kind between the same two (either way), and an unknown kind', async () => {
    const { ctx, claim, count } = await setup();
    await expect(
      call(handlers, 'excerpt.link', { fromExcerptId: claim.id, toExcerptId: claim.id, kind: 'contradicts' }, ctx),
    ).rejects.toMatchObject({ code: 'LINK_TO_ITSELF' });
    await call(handlers, 'excerpt.link', { fromExcerptId: count.id, toExcerptId: claim.id, kind: 'contradicts' }, ctx);
    await expect(
      call(handlers, 'excerpt.link', { fromExcerptId: count.id, toExcerptId: claim.id, kind: 'contradicts' }, ctx),
    ).rejects.toMatchObject({ code: 'LINK_EXISTS' });
    await expect(
      call(handlers, 'excerpt.link', { fromExcerptId: claim.id, toExcerptId: count.id, kind: 'contradicts' }, ctx),
    ).rejects.toMatchObject({ code: 'LINK_EXISTS' });
    // Another kind between the same two is another link.
    await call(handlers, 'excerpt.link', { fromExcerptId: claim.id, toExcerptId: count.id, kind: 'responds_to' }, ctx);
    await expect(
      call(
        handlers,
        'excerpt.link',
        // @ts-expect-error: not a kind of link
        { fromExcerptId: claim.id, toExcerptId: count.id, kind: 'disproves' },
        ctx,
      ),
    ).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
  });

  it('refuse a link to an excerpt of another dossier', async () => {
    const { services, ctx, claim } = await setup();
    const other = await call(handlers, 'dossier.create', { title: 'Belarus' }, ctx);
    const source = services.vault
      .store()
      .sources.add({ dossierId: other.id, title: 'Report', kind: 'ngo_report', text: 'Strikes were banned.' });
    const elsewhere = await call(handlers, 'excerpt.create', { sourceId: source.id, start: 0, end: 7 }, ctx);
    await expect(
      call(handlers, 'excerpt.link', { fromExcerptId: claim.id, toExcerptId: elsewhere.id, kind: 'contradicts' }, ctx),
    ).rejects.toMatchObject({ code: 'LINK_ACROSS_DOSSIERS' });
  });

  it('go with either excerpt when it is deleted, and the deletion says how many went', async () => {
    const { ctx, claim, count, dismissed, law } = await setup();
    await call(handlers, 'excerpt.link', { fromExcerptId: count.id, toExcerptId: claim.id, kind: 'contradicts' }, ctx);
    await call(handlers, 'excerpt.link', { fromExcerptId: count.id, toExcerptId: law.id, kind: 'responds_to' }, ctx);
    await call(
      handlers,
      'excerpt.link',
      { fromExcerptId: dismissed.id, toExcerptId: law.id, kind: 'corroborates' },
      ctx,
    );

    expect(await call(handlers, 'excerpt.delete', { id: count.id }, ctx)).toEqual({
      deleted: true,
      linksRemoved: 2,
      evidenceRemoved: 0,
    });
    expect(await call(handlers, 'excerpt.links', { excerptId: claim.id }, ctx)).toEqual([]);
    expect((await call(handlers, 'excerpt.links', { excerptId: law.id }, ctx)).map((l) => l.other.id)).toEqual([
      dismissed.id,
    ]);
    expect(await call(handlers, 'excerpt.delete', { id: dismissed.id }, ctx)).toEqual({
      deleted: true,
      linksRemoved: 1,
      evidenceRemoved: 0,
    });
    expect(await call(handlers, 'excerpt.delete', { id: claim.id }, ctx)).toEqual({
      deleted: true,
      linksRemoved: 0,
      evidenceRemoved: 0,
    });
  });

  it('go with a deleted source’s excerpts', async () => {
    const { services, ctx, claim, count, campaign } = await setup();
    await call(handlers, 'excerpt.link', { fromExcerptId: count.id, toExcerptId: claim.id, kind: 'contradicts' }, ctx);
    services.vault.store().sources.remove(campaign.id);
    expect(await call(handlers, 'excerpt.links', { excerptId: claim.id }, ctx)).toEqual([]);
  });
});

describe('the Claims view', () => {
  it('sets each claim, denial or acknowledgement beside what contradicts or corroborates it, and filters by code and entity', async () => {
    const { services, ctx, dossier, claim, count, dismissed, law } = await setup();
    await call(handlers, 'excerpt.link', { fromExcerptId: count.id, toExcerptId: claim.id, kind: 'contradicts' }, ctx);
    await call(
      handlers,
      'excerpt.link',
      { fromExcerptId: claim.id, toExcerptId: dismissed.id, kind: 'responds_to' },
      ctx,
    );

    const claims = await call(handlers, 'excerpt.claims', { dossierId: dossier.id }, ctx);
    // The allegation and the unmarked excerpt are evidence, not claims.
    expect(claims.map((c) => [c.excerpt.id, c.excerpt.stance])).toEqual([
      [claim.id, 'denial'],
      [law.id, 'state_claim'],
    ]);
    expect(claims[0]?.excerpt.sourceDate).toBe('2022');
    expect(claims[0]?.contradicting.map((l) => l.other.id)).toEqual([count.id]);
    expect(claims[0]?.corroborating).toEqual([]);
    // Unanswered: no evidence linked (a "responds to" link is not evidence).
    expect(claims[1]?.contradicting).toEqual([]);

    const registration = await call(handlers, 'code.create', { name: 'Registration' }, ctx);
    const ministry = services.vault.store().entities.create({ kind: 'organisation', name: 'Ministry of Labour' });
    await call(handlers, 'excerpt.update', { id: law.id, codeIds: [registration.id] }, ctx);
    await call(handlers, 'excerpt.update', { id: claim.id, entityIds: [ministry.id] }, ctx);
    const byCode = await call(handlers, 'excerpt.claims', { dossierId: dossier.id, codeId: registration.id }, ctx);
    expect(byCode.map((c) => c.excerpt.id)).toEqual([law.id]);
    const byEntity = await call(handlers, 'excerpt.claims', { dossierId: dossier.id, entityId: ministry.id }, ctx);
    expect(byEntity.map((c) => c.excerpt.id)).toEqual([claim.id]);
  });

  it('puts a claim and its evidence into a draft as one paragraph with a note for each', async () => {
    const { ctx, dossier, claim, count } = await setup();
    const draft = await call(
      handlers,
      'draft.create',
      { dossierId: dossier.id, title: 'UPR', template: 'individual' },
      ctx,
    );
    const before = draft.body.content.length;
    const after = await call(
      handlers,
      'draft.appendParagraph',
      {
        id: draft.id,
        parts: [
          { text: 'The Government states that problems “have not been reported”.' },
          { excerptId: claim.id },
          { text: ' However, ' },
          { excerptId: count.id },
          { text: '' },
        ],
      },
      ctx,
    );
    expect(after.body.content).toHaveLength(before + 1);
    expect(after.body.content.at(-1)).toEqual({
      type: 'paragraph',
      attrs: { numbered: true },
      content: [
        { type: 'text', text: 'The Government states that problems “have not been reported”.' },
        { type: 'citation', attrs: { excerptId: claim.id } },
        { type: 'text', text: ' However, ' },
        { type: 'citation', attrs: { excerptId: count.id } },
      ],
    });
    const notes = await call(handlers, 'draft.notes', { id: draft.id }, ctx);
    expect(notes.footnotes.map((n) => n.excerptId)).toEqual([claim.id, count.id]);
    expect(notes.footnotes[0]?.text).toContain('Information supplied by the Government');
    await expect(
      call(handlers, 'draft.appendParagraph', { id: draft.id, parts: [{ excerptId: 'no-such-excerpt' }] }, ctx),
    ).rejects.toMatchObject({ code: 'EXCERPT_NOT_FOUND' });
  });
});
