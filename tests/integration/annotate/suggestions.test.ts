// A lawyer imports the 2022 ILO reply and reviews Upright's suggestions one value at a time: every
// mention of "E. Baltabay" is one row, accepted or dismissed at once. Accepting a name links the
// person to where the source names them, without filling the excerpt list; dates become excerpts.
// Suggestions are found once, in the background, and reviewing them never runs the extractors again
// — until the source is read again.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replaceSourceText } from '../../../src/main/annotate/renormalise.ts';
import {
  computeInProcess,
  ExtractionError,
  type ExtractionInput,
  ExtractionThread,
} from '../../../src/main/annotate/suggestion-thread.ts';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import { createServices, type Services } from '../../../src/main/services.ts';
import type { SuggestionGroup } from '../../../src/shared/api.ts';

const KDF = { memoryKiB: 8 * 1024, passes: 1, parallelism: 1 };
const TEXT = readFileSync('tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.txt', 'utf8');
const open: Services[] = [];

afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** A vault with the ILO reply imported; `runs` counts every time the extractors run. */
async function setup(options: { worker?: boolean } = {}) {
  const runs: ExtractionInput[] = [];
  const home = mkdtempSync(join(tmpdir(), 'upright-suggest-'));
  const services = createServices({
    vaultLocation: join(home, 'vault'),
    runtime: { runtime: 'node', electron: null },
    dialogs: {
      chooseBackupFolder: async () => null,
      chooseImportPaths: async () => [],
      chooseSavePath: async () => null,
    },
    kdf: KDF,
    ...(options.worker
      ? {}
      : {
          computeSuggestions: async (input: ExtractionInput) => {
            runs.push(input);
            return computeInProcess(input);
          },
        }),
  });
  open.push(services);
  const announced: string[] = [];
  services.events.listen((name, payload) => {
    if (name === 'suggestion.ready') announced.push((payload as { sourceId: string }).sourceId);
  });
  const ctx = { services, transport: 'test' as const };
  await call(handlers, 'vault.create', { passphrase: 'a long enough passphrase' }, ctx);
  const dossier = await call(handlers, 'dossier.create', { title: 'Kazakhstan' }, ctx);
  const { results } = await call(
    handlers,
    'import.files',
    {
      taskId: 'import-1',
      dossierId: dossier.id,
      files: [{ name: 'ilo-reply-2022.txt', data: Buffer.from(TEXT).toString('base64') }],
    },
    ctx,
  );
  const sourceId = results[0]?.sourceId as string;
  const api = {
    review: () => call(handlers, 'suggestion.review', { sourceId }, ctx),
    /** Waits for the background computation, as the reader does for its event. */
    ready: async () => {
      await call(handlers, 'suggestion.list', { sourceId }, ctx);
      const review = await call(handlers, 'suggestion.review', { sourceId }, ctx);
      expect(review.status).toBe('ready');
      return review.groups;
    },
    group: async (kind: SuggestionGroup['kind'], value: string) => {
      const group = (await api.ready()).find((g) => g.kind === kind && g.value === value);
      if (!group) throw new Error(`no ${kind} group ${value}`);
      return group;
    },
  };
  return { services, ctx, sourceId, runs, announced, store: () => services.vault.store(), ...api };
}

describe('reviewing suggestions by value', () => {
  it('are computed once after import, in the background, and grouped one row per value with every mention in context', async () => {
    const { runs, announced, sourceId, group, review, store } = await setup();
    await group('person', 'E. Baltabay');
    const { groups } = await review();
    expect(runs).toHaveLength(1);
    expect(announced).toEqual([sourceId]);

    // One row per value: no value twice in one kind, and every mention is in the text as shown.
    const keys = groups.map((g) => g.key);
    expect(new Set(keys).size).toBe(keys.length);
    const mentions = groups.flatMap((g) => g.mentions);
    expect(groups.length).toBeLessThan(mentions.length);
    for (const m of mentions) expect(TEXT.slice(m.start, m.end)).toBe(m.text);
    // Names come first, then laws, dates and amounts.
    const kinds = groups.map((g) => g.kind);
    expect(kinds.indexOf('person')).toBeLessThan(kinds.indexOf('legal_reference'));
    expect(kinds.lastIndexOf('legal_reference')).toBeLessThan(kinds.indexOf('date'));

    const baltabay = groups.find((g) => g.kind === 'person' && g.value === 'E. Baltabay');
    expect(baltabay?.mentions.length).toBe(2);
    expect(baltabay?.entity).toEqual({ kind: 'person', id: null, name: 'E. Baltabay' });
    const [first] = baltabay?.mentions ?? [];
    expect(TEXT.slice(0, first?.start).replace(/\s+/g, ' ')).toContain(first?.before);
    expect(TEXT.slice(first?.end).replace(/\s+/g, ' ')).toContain(first?.after);
    expect(first?.before.length).toBeGreaterThan(20);
    // Nothing was applied by computing them.
    expect(store().excerpts.listForSource(sourceId)).toEqual([]);
    expect(store().entities.list()).toEqual([]);
  });

  it('accepting a person group links the person to every mention without creating a single excerpt, and never runs the extractors again', async () => {
    const { ctx, sourceId, runs, group, store, review } = await setup();
    const baltabay = await group('person', 'E. Baltabay');
    expect(runs).toHaveLength(1);

    const result = await call(
      handlers,
      'suggestion.accept',
      { sourceId, keys: baltabay.mentions.map((m) => m.key) },
      ctx,
    );

    expect(result.excerpts).toEqual([]);
    expect(result.mentionsLinked).toBe(2);
    expect(store().excerpts.listForSource(sourceId)).toEqual([]);
    const person = store().entities.require(result.entityIds[0] as string);
    expect(person).toMatchObject({
      kind: 'person',
      name: 'E. Baltabay',
      excerptCount: 0,
      mentionCount: 2,
      sourceCount: 1,
    });
    const linked = store().mentions.forEntity(person.id);
    expect(linked.map((m) => [m.start, m.end])).toEqual(baltabay.mentions.map((m) => [m.start, m.end]));
    expect(linked.map((m) => TEXT.slice(m.start, m.end))).toEqual(baltabay.mentions.map((m) => m.text));

    // The group is no longer offered; the rest is, from the cache: the extractors ran once in all.
    const after = await review();
    expect(after.groups.map((g) => g.key)).not.toContain(baltabay.key);
    expect(after.groups.length).toBeGreaterThan(10);
    expect(runs).toHaveLength(1);

    // The entity's page lists where the source names the person.
    const mentions = await call(handlers, 'entity.mentions', { id: person.id }, ctx);
    expect(mentions.linked.map((m) => m.sourceId)).toEqual([sourceId, sourceId]);
    expect(mentions.linked[0]).toMatchObject({ exact: baltabay.mentions[0]?.text, page: null });
  });

  it('a second group of the same person links the existing entity; "also mark as excerpts" makes excerpts linked to it', async () => {
    const { ctx, sourceId, group, store } = await setup();
    const kharkova = await group('person', 'L. Kharkova');
    const existing = store().entities.create({ kind: 'person', name: 'Larisa Kharkova', aliases: ['L. Kharkova'] });
    expect((await group('person', 'L. Kharkova')).entity).toEqual({
      kind: 'person',
      id: existing.id,
      name: 'Larisa Kharkova',
    });

    const result = await call(
      handlers,
      'suggestion.accept',
      { sourceId, keys: kharkova.mentions.map((m) => m.key), markExcerpts: true },
      ctx,
    );

    expect(result.entityIds).toEqual([existing.id]);
    expect(result.excerpts.map((e) => e.exact)).toEqual(kharkova.mentions.map((m) => m.text));
    expect(result.excerpts.every((e) => e.entityIds.includes(existing.id))).toBe(true);
    expect(store().entities.list({ kind: 'person' })).toHaveLength(1);
    expect(store().entities.require(existing.id)).toMatchObject({ excerptCount: 2, mentionCount: 2 });
  });

  it('accepting a date group marks an excerpt per mention noting its value', async () => {
    const { ctx, sourceId, store } = await setup();
    const { groups } = await (async () => {
      await call(handlers, 'suggestion.list', { sourceId }, ctx);
      return call(handlers, 'suggestion.review', { sourceId }, ctx);
    })();
    const date = groups.find((g) => g.kind === 'date') as SuggestionGroup;

    const result = await call(handlers, 'suggestion.accept', { sourceId, keys: date.mentions.map((m) => m.key) }, ctx);

    expect(result.entityIds).toEqual([]);
    expect(result.excerpts.map((e) => e.note)).toEqual(date.mentions.map(() => `Date: ${date.value}`));
    expect(store().excerpts.listForSource(sourceId)).toHaveLength(date.mentions.length);
  });

  it('dismissing a group hides every mention of its value for this source, and a dismissed key cannot be accepted', async () => {
    const { ctx, sourceId, group, review, store, runs } = await setup();
    const senyavsky = await group('person', 'D. Senyavsky');

    const { dismissed } = await call(handlers, 'suggestion.dismiss', { sourceId, groups: [senyavsky.key] }, ctx);

    expect(dismissed).toBe(1);
    expect((await review()).groups.map((g) => g.key)).not.toContain(senyavsky.key);
    expect(store().sources.dismissedSuggestions(sourceId).has(senyavsky.key)).toBe(true);
    await expect(
      call(handlers, 'suggestion.accept', { sourceId, keys: [senyavsky.mentions[0]?.key as string] }, ctx),
    ).rejects.toMatchObject({ code: 'SUGGESTION_STALE' });
    expect(store().entities.list()).toEqual([]);
    // One mention of another group dismissed alone: the rest of that group stays.
    const kharkova = await group('person', 'L. Kharkova');
    await call(handlers, 'suggestion.dismiss', { sourceId, keys: [kharkova.mentions[0]?.key as string] }, ctx);
    expect((await group('person', 'L. Kharkova')).mentions.map((m) => m.key)).toEqual([kharkova.mentions[1]?.key]);
    // Made-up keys are refused, not stored.
    await expect(call(handlers, 'suggestion.dismiss', { sourceId, keys: ['person:x:y'] }, ctx)).rejects.toMatchObject({
      code: 'SUGGESTION_OF_OTHER_SOURCE',
    });
    expect(runs).toHaveLength(1);
  });

  it('reading the source again invalidates the cache: suggestions are found again in the new text, linked mentions follow their words', async () => {
    const { ctx, sourceId, group, store, runs } = await setup();
    const baltabay = await group('person', 'E. Baltabay');
    const { entityIds } = await call(
      handlers,
      'suggestion.accept',
      { sourceId, keys: baltabay.mentions.map((m) => m.key) },
      ctx,
    );
    expect(runs).toHaveLength(1);

    // A corrected reading puts a line in front of the text: every offset moves.
    const prefix = 'Observation (CEACR) — adopted 2022.\n\n';
    const detail = store().sources.detail(sourceId);
    replaceSourceText(store(), sourceId, {
      format: 'text',
      text: prefix + detail.text,
      blocks: [],
      pages: [],
      metadata: {},
      warnings: [],
    });
    expect((await call(handlers, 'suggestion.review', { sourceId }, ctx)).status).toBe('computing');

    const groups = await (async () => {
      await call(handlers, 'suggestion.list', { sourceId }, ctx);
      return (await call(handlers, 'suggestion.review', { sourceId }, ctx)).groups;
    })();
    expect(runs).toHaveLength(2);
    expect(runs[1]?.text.startsWith(prefix)).toBe(true);
    // The accepted person is still not offered again: the mentions moved with their words.
    expect(groups.map((g) => g.key)).not.toContain(baltabay.key);
    const moved = store().mentions.forEntity(entityIds[0] as string);
    expect(moved.map((m) => m.start)).toEqual(baltabay.mentions.map((m) => m.start + prefix.length));
    expect(moved.every((m) => m.status !== 'orphaned')).toBe(true);
  });

  it('a stale key from before a re-read is refused as no longer applying and changes nothing', async () => {
    const { ctx, sourceId, group, store } = await setup();
    const kharkova = await group('person', 'L. Kharkova');
    const detail = store().sources.detail(sourceId);
    replaceSourceText(store(), sourceId, {
      format: 'text',
      text: `Foreword.\n\n${detail.text}`,
      blocks: [],
      pages: [],
      metadata: {},
      warnings: [],
    });
    await expect(
      call(handlers, 'suggestion.accept', { sourceId, keys: kharkova.mentions.map((m) => m.key) }, ctx),
    ).rejects.toMatchObject({ code: 'SUGGESTION_STALE' });
    expect(store().entities.list()).toEqual([]);
  });

  it('on a worker thread, the extractors find what they find in process, and the API answers meanwhile', async () => {
    const { ctx, sourceId, announced, review } = await setup({ worker: true });
    const first = await review();
    // Either still computing or already done; the API answered without waiting for it.
    expect(['computing', 'ready']).toContain(first.status);
    const flat = await call(handlers, 'suggestion.list', { sourceId }, ctx);
    const expected = await computeInProcess({ text: TEXT });
    expect(flat.map((s) => s.key)).toEqual(expected.map((s) => `${s.kind}:${s.start}:${s.end}`));
    expect(announced).toContain(sourceId);
  });
});

describe('the extraction thread', () => {
  it('stops a computation that runs past its time limit, and a fresh worker serves the next text', async () => {
    const hurried = new ExtractionThread({ timeoutMs: 1 });
    try {
      await expect(hurried.compute({ text: TEXT.repeat(20) })).rejects.toEqual(new ExtractionError('timeout'));
    } finally {
      hurried.close();
    }
    const thread = new ExtractionThread();
    try {
      const found = await thread.compute({ text: 'Mr Erlan Baltabay was fined on 9 June 2021.' });
      expect(found.map((s) => s.kind).sort()).toEqual(['date', 'person']);
      // The same worker serves one job after another.
      expect(await thread.compute({ text: 'On 1 May 2020.' })).toHaveLength(1);
    } finally {
      thread.close();
    }
  });
});
