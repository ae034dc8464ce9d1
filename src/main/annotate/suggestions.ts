// Offline suggestions in the reader: what the extractors find in a source's text, minus what the
// person already accepted (an excerpt sits on the mention) or dismissed. Accepting marks an excerpt
// on the mention with its normalised value in the note and, for a person, organisation or legal
// reference, links the entity of that name (or alias), creating it when there is none.
import type { Suggestion } from '../../shared/api.ts';
import { type EntityKind, foldName } from '../../shared/domain.ts';
import { UprightError } from '../../shared/errors.ts';
import { type Suggestion as Found, suggest } from '../extract/index.ts';
import type { SourceDetail, Store } from '../store/index.ts';
import { describeSelection, pageAt } from './anchor.ts';

const NOTE_LABELS: Record<Found['kind'], string> = {
  date: 'Date',
  legal_reference: 'Legal reference',
  person: 'Person',
  organisation: 'Organisation',
  amount: 'Amount',
};

/** Treaties are instruments; articles and sections of laws are provisions. */
const INSTRUMENT = /\b(convention|covenant|charter|declaration|protocol|treaty|iccpr|icescr|cedaw|crc|cat)\b/i;

function keyOf(s: Pick<Found, 'kind' | 'start' | 'end'>): string {
  return `${s.kind}:${s.start}:${s.end}`;
}

export function suggestionsFor(store: Store, sourceId: string): Suggestion[] {
  return suggestionsIn(store, store.sources.detail(sourceId));
}

function suggestionsIn(store: Store, source: SourceDetail): Suggestion[] {
  const sourceId = source.id;
  const dismissed = store.sources.dismissedSuggestions(sourceId);
  const marked = new Set(store.excerpts.listForSource(sourceId).map((e) => `${e.start}:${e.end}`));
  const referenceDate = source.date ? new Date(`${source.date.padEnd(10, '-01').slice(0, 10)}T00:00:00Z`) : undefined;
  return suggest(source.text, {
    ...(source.language ? { language: source.language } : {}),
    ...(referenceDate && !Number.isNaN(referenceDate.getTime()) ? { referenceDate } : {}),
  })
    .filter((s) => !dismissed.has(keyOf(s)) && !marked.has(`${s.start}:${s.end}`))
    .map((s) => ({
      key: keyOf(s),
      kind: s.kind,
      start: s.start,
      end: s.end,
      text: s.text,
      value: s.value,
      confidence: s.confidence,
      page: pageAt(source.pages, s.start),
    }));
}

function entityKindOf(s: Suggestion): EntityKind | null {
  if (s.kind === 'person') return 'person';
  if (s.kind === 'organisation') return 'organisation';
  if (s.kind === 'legal_reference')
    return INSTRUMENT.test(s.value) && !/\bart(icle)?\b/i.test(s.value) ? 'instrument' : 'legal_provision';
  return null;
}

export function acceptSuggestion(store: Store, sourceId: string, key: string) {
  // The text is read once: suggestions are found in it and the excerpt is anchored in it.
  const source = store.sources.detail(sourceId);
  const suggestion = suggestionsIn(store, source).find((s) => s.key === key);
  if (!suggestion)
    throw new UprightError('NOT_FOUND', 'This suggestion no longer applies: the text or its excerpts changed.');
  return store.transaction(() => {
    const anchor = describeSelection(source.text, suggestion.start, suggestion.end, source.pages);
    const excerpt = store.excerpts.add({
      sourceId,
      ...anchor,
      note: `${NOTE_LABELS[suggestion.kind]}: ${suggestion.value}`,
    });
    const kind = entityKindOf(suggestion);
    if (!kind) return { excerpt, entityId: null };
    const names = new Set([foldName(suggestion.value), foldName(suggestion.text)]);
    const known = store.entities.list({ kind }).find((e) => [e.name, ...e.aliases].some((n) => names.has(foldName(n))));
    const written = suggestion.text.trim();
    const entity =
      known ??
      store.entities.create({
        kind,
        name: suggestion.value,
        // An acronym or a differently written mention is kept as an alias: later mentions match it.
        ...(foldName(written) !== foldName(suggestion.value) ? { aliases: [written] } : {}),
      });
    store.entities.link(excerpt.id, entity.id);
    return { excerpt: store.excerpts.require(excerpt.id), entityId: entity.id };
  });
}
