// Offline suggestions in the reader: what the extractors found in a source's text (computed once in
// the background and cached, see suggestion-queue.ts), minus what the person already accepted or
// dismissed, grouped by value — "Mr Baltabay" fifteen times is one row to accept or dismiss.
// Accepting a person, organisation or legal reference links the entity of that name (or alias,
// created when there is none) to each mention, without making excerpts unless asked; accepting a
// date or an amount marks excerpts noting its value. Nothing here runs the extractors.
import {
  SUGGESTION_REVIEW_ORDER,
  type Suggestion,
  type SuggestionGroup,
  type SuggestionMention,
} from '../../shared/api.ts';
import { type EntityKind, foldName } from '../../shared/domain.ts';
import { UprightError } from '../../shared/errors.ts';
import type { EntityRecord, ExcerptRecord, NewMention, SourceDetail, Store } from '../store/index.ts';
import { describeSelection, pageAt } from './anchor.ts';
import { fingerprintOf } from './fingerprint.ts';
import type { Found } from './suggestion-thread.ts';

export {
  cacheSuggestions,
  extractionInput,
  fingerprintOf,
  type SourceForSuggestions,
  SUGGESTION_RULES_VERSION,
} from './fingerprint.ts';

const NOTE_LABELS: Record<Found['kind'], string> = {
  date: 'Date',
  legal_reference: 'Legal reference',
  person: 'Person',
  organisation: 'Organisation',
  amount: 'Amount',
};

/** Treaties are instruments; articles and sections of laws are provisions. */
const INSTRUMENT = /\b(convention|covenant|charter|declaration|protocol|treaty|iccpr|icescr|cedaw|crc|cat)\b/i;

/** Characters of text shown either side of a mention in the review. */
const CONTEXT_CHARS = 70;
const MAX_NEW_ALIASES = 10;

export function keyOf(s: Pick<Found, 'kind' | 'start' | 'end'>): string {
  return `${s.kind}:${s.start}:${s.end}`;
}

/** One key for every mention of the same value: "person=baltabay". */
export function groupKeyOf(s: Pick<Found, 'kind' | 'value'>): string {
  return `${s.kind}=${foldName(s.value)}`;
}

const MENTION_KEY = /^(date|legal_reference|person|organisation|amount):\d+:\d+$/;
const GROUP_KEY = /^(date|legal_reference|person|organisation|amount)=.+$/s;

/**
 * The suggestions still to review in a source, from its cache; null when the cache does not match
 * the source's text (not computed yet, or the text changed since).
 */
export function reviewable(store: Store, source: SourceDetail): Found[] | null {
  const cached = store.suggestions.read<Found>(source.id, fingerprintOf(source));
  if (!cached) return null;
  const dismissed = store.sources.dismissedSuggestions(source.id);
  // Accepted: an excerpt, or a linked mention still in place, sits exactly on the words.
  const taken = new Set([
    ...store.excerpts.listForSource(source.id).map((e) => `${e.start}:${e.end}`),
    ...store.mentions
      .forSource(source.id)
      .filter((m) => m.status !== 'orphaned')
      .map((m) => `${m.start}:${m.end}`),
  ]);
  return cached.suggestions.filter(
    (s) => !dismissed.has(keyOf(s)) && !dismissed.has(groupKeyOf(s)) && !taken.has(`${s.start}:${s.end}`),
  );
}

/** The flat list (for scripts): each mention with its key, group and page. */
export function toSuggestion(source: SourceDetail, s: Found): Suggestion {
  return {
    key: keyOf(s),
    group: groupKeyOf(s),
    kind: s.kind,
    start: s.start,
    end: s.end,
    text: s.text,
    value: s.value,
    confidence: s.confidence,
    page: pageAt(source.pages, s.start),
  };
}

function entityKindOf(s: Pick<Found, 'kind' | 'value'>): EntityKind | null {
  if (s.kind === 'person') return 'person';
  if (s.kind === 'organisation') return 'organisation';
  if (s.kind === 'legal_reference')
    return INSTRUMENT.test(s.value) && !/\bart(icle)?\b/i.test(s.value) ? 'instrument' : 'legal_provision';
  return null;
}

/** The entity a value names: one whose name or alias is the value or a written form of it. */
function findEntity(known: EntityRecord[], value: string, forms: string[]): EntityRecord | null {
  const names = new Set([value, ...forms].map(foldName));
  return known.find((e) => [e.name, ...e.aliases].some((n) => names.has(foldName(n)))) ?? null;
}

function contextBefore(text: string, start: number): string {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const slice = text.slice(from, start);
  // Start at a word: a cut word reads as a typo.
  const cut = from > 0 ? slice.replace(/^\S*\s/, '') : slice;
  return cut.replace(/\s+/g, ' ').trimStart();
}

function contextAfter(text: string, end: number): string {
  const to = Math.min(text.length, end + CONTEXT_CHARS);
  const slice = text.slice(end, to);
  const cut = to < text.length ? slice.replace(/\s\S*$/, '') : slice;
  return cut.replace(/\s+/g, ' ').trimEnd();
}

/** Written forms of a group, most frequent first. */
function formsOf(members: Found[]): string[] {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([form]) => form);
}

/** One row per value: its mentions in reading order, in context, and the entity accepting links to. */
export function groupSuggestions(store: Store, source: SourceDetail, found: Found[]): SuggestionGroup[] {
  const byGroup = new Map<string, Found[]>();
  for (const s of found) {
    const key = groupKeyOf(s);
    const members = byGroup.get(key);
    if (members) members.push(s);
    else byGroup.set(key, [s]);
  }
  const entitiesOf = new Map<EntityKind, EntityRecord[]>();
  const known = (kind: EntityKind) => {
    let list = entitiesOf.get(kind);
    if (!list) {
      list = store.entities.list({ kind });
      entitiesOf.set(kind, list);
    }
    return list;
  };
  const groups: SuggestionGroup[] = [];
  for (const [key, members] of byGroup) {
    const first = members[0] as Found;
    const forms = formsOf(members);
    const kind = entityKindOf(first);
    const existing = kind ? findEntity(known(kind), first.value, forms) : null;
    groups.push({
      key,
      kind: first.kind,
      value: first.value,
      forms,
      entity: kind ? { kind, id: existing?.id ?? null, name: existing?.name ?? first.value } : null,
      mentions: members.map(
        (m): SuggestionMention => ({
          key: keyOf(m),
          start: m.start,
          end: m.end,
          text: m.text,
          page: pageAt(source.pages, m.start),
          before: contextBefore(source.text, m.start),
          after: contextAfter(source.text, m.end),
        }),
      ),
    });
  }
  return groups.sort(
    (a, b) =>
      SUGGESTION_REVIEW_ORDER.indexOf(a.kind) - SUGGESTION_REVIEW_ORDER.indexOf(b.kind) ||
      b.mentions.length - a.mentions.length ||
      (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0),
  );
}

export interface AcceptResult {
  /** Entities linked (found or created), one per value accepted. */
  entityIds: string[];
  /** Mentions newly linked to those entities. */
  mentionsLinked: number;
  /** Excerpts made: for dates and amounts, and for names when the person asked for them. */
  excerpts: ExcerptRecord[];
}

/**
 * Accepts mentions by key (a whole group, or one mention). Reads the cached suggestions: a key not
 * among those still to review — the text changed, or it was accepted or dismissed meanwhile — is
 * refused with SUGGESTION_STALE and nothing changes.
 */
export function acceptSuggestions(
  store: Store,
  sourceId: string,
  keys: string[],
  options: { markExcerpts?: boolean } = {},
): AcceptResult {
  const source = store.sources.detail(sourceId);
  const available = reviewable(store, source);
  const byKey = new Map((available ?? []).map((s) => [keyOf(s), s]));
  const chosen = [...new Set(keys)].map((key) => byKey.get(key));
  if (chosen.length === 0 || chosen.some((s) => s === undefined)) throw new UprightError('SUGGESTION_STALE');
  const accepted = chosen as Found[];

  return store.transaction(() => {
    const entityOf = new Map<string, EntityRecord>();
    const resolve = (s: Found, kind: EntityKind): EntityRecord => {
      const group = groupKeyOf(s);
      const cached = entityOf.get(group);
      if (cached) return cached;
      const forms = formsOf(accepted.filter((a) => groupKeyOf(a) === group));
      const value = foldName(s.value);
      const entity =
        findEntity(store.entities.list({ kind }), s.value, forms) ??
        store.entities.create({
          kind,
          name: s.value,
          // An acronym or a differently written name is kept as an alias so later mentions match it;
          // "Mr Baltabay" adds nothing to "Baltabay" and is left out.
          aliases: forms
            .map((f) => f.trim())
            .filter((f) => !foldName(f).includes(value))
            .slice(0, MAX_NEW_ALIASES),
        });
      entityOf.set(group, entity);
      return entity;
    };

    const mentions: NewMention[] = [];
    const excerptIds: string[] = [];
    for (const s of accepted) {
      const anchor = describeSelection(source.text, s.start, s.end, source.pages);
      const kind = entityKindOf(s);
      const entity = kind ? resolve(s, kind) : null;
      if (entity) mentions.push({ entityId: entity.id, sourceId, anchor });
      if (!entity || options.markExcerpts) {
        const excerpt = store.excerpts.add({ sourceId, ...anchor, note: `${NOTE_LABELS[s.kind]}: ${s.value}` });
        if (entity) store.entities.link(excerpt.id, entity.id);
        excerptIds.push(excerpt.id);
      }
    }
    const mentionsLinked = store.mentions.add(mentions);
    return {
      entityIds: [...new Set([...entityOf.values()].map((e) => e.id))],
      mentionsLinked,
      excerpts: excerptIds.map((id) => store.excerpts.require(id)),
    };
  });
}

/** Remembers dismissals for this source: single mentions by key, or whole groups (every mention of a value). */
export function dismissSuggestions(
  store: Store,
  sourceId: string,
  what: { keys?: string[]; groups?: string[] },
): number {
  store.sources.detail(sourceId);
  const keys = what.keys ?? [];
  const groups = what.groups ?? [];
  if (!keys.every((k) => MENTION_KEY.test(k)) || !groups.every((g) => GROUP_KEY.test(g)))
    throw new UprightError('SUGGESTION_OF_OTHER_SOURCE');
  store.sources.dismissSuggestion(sourceId, ...keys, ...groups);
  return keys.length + groups.length;
}
