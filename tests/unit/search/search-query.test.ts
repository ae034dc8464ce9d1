// Searching a dossier through the API: ranked hits by kind, a Russian word in another inflection,
// phrases, prefixes, the query syntax and its refusals, and paging.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import { freshVault } from '../../support/vault.ts';

const RUSSIAN = readFileSync(new URL('../../fixtures/documents/field-note-ru.txt', import.meta.url), 'utf8');

async function vaultWithSources() {
  const { services, ctx, dossier } = await freshVault();
  const store = services.vault.store();
  const police = store.sources.add({
    dossierId: dossier.id,
    title: 'Police report on the strike',
    kind: 'ngo_report',
    text: 'The police detained twelve workers at the oil field.\n\nThe workers were released the next day.',
    pageMap: [
      { page: 1, start: 0, end: 53 },
      { page: 2, start: 53, end: 93 },
    ],
    language: 'en',
    dateText: '2021-06',
  });
  const note = store.sources.add({
    dossierId: dossier.id,
    title: 'Полевая заметка',
    kind: 'testimony',
    text: RUSSIAN,
    language: 'ru',
    dateText: '2022',
  });
  return { services, ctx, dossier, store, police, note };
}

describe('search.query', () => {
  it('finds a word on the page it is printed on, with a plain-text snippet and the word marked', async () => {
    const { ctx, police } = await vaultWithSources();
    const result = await call(handlers, 'search.query', { query: 'released' }, ctx);
    expect(result.total).toBe(1);
    expect(result.totals).toEqual({ source: 1, excerpt: 0, entity: 0, draft: 0 });
    const [hit] = result.hits;
    expect(hit).toMatchObject({ kind: 'source', id: police.id, sourceId: police.id, page: 2, title: police.title });
    const mark = hit?.snippet.marks[0];
    expect(mark && hit?.snippet.text.slice(mark.start, mark.end)).toBe('released');
    expect(hit?.at && police.text.slice(hit.at.start, hit.at.end)).toBe('released');
  });
});
