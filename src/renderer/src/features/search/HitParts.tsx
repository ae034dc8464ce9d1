// What the search screen and the palette both draw: a snippet with its marks, a kind's name, the
// facts of a hit (page, format, dossier), and the queries behind them.
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import {
  SEARCH_CAP,
  SEARCH_KINDS,
  type SearchFilters,
  type SearchHit,
  type SearchKind,
  type Snippet,
} from '../../../../shared/api.ts';
import { defineMessages } from '../../../../shared/i18n/define.ts';
import { invoke } from '../../api/client.ts';
import { useApi } from '../../api/queries.ts';
import { FORMAT_LABELS, FormatBadge } from '../../components/FormatBadge.tsx';
import { FIRST_PAGE, nextPage, snippetSegments, type Totals } from './results.ts';

/** A kind's heading, with how many hits of it there are in all. */
export const KIND_HEADINGS = defineMessages({
  source: {
    id: 'search.kind.source',
    defaultMessage: '{count, plural, one {# passage in sources} other {# passages in sources}}',
  },
  excerpt: { id: 'search.kind.excerpt', defaultMessage: '{count, plural, one {# excerpt} other {# excerpts}}' },
  entity: { id: 'search.kind.entity', defaultMessage: '{count, plural, one {# entity} other {# entities}}' },
  draft: { id: 'search.kind.draft', defaultMessage: '{count, plural, one {# draft} other {# drafts}}' },
} satisfies Record<SearchKind, unknown>);

/** A kind by itself (the "show" filter). */
export const KIND_NAMES = defineMessages({
  source: { id: 'search.kindName.source', defaultMessage: 'Sources' },
  excerpt: { id: 'search.kindName.excerpt', defaultMessage: 'Excerpts and notes' },
  entity: { id: 'search.kindName.entity', defaultMessage: 'Entities' },
  draft: { id: 'search.kindName.draft', defaultMessage: 'Drafts' },
} satisfies Record<SearchKind, unknown>);

/** The snippet's text with the words found drawn as <mark> elements: text stays text. */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  const segments = useMemo(() => snippetSegments(snippet), [snippet]);
  return (
    <span className="hit-snippet">
      {segments.map((s, i) =>
        s.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one snippet never move
          <mark key={i}>{s.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one snippet never move
          <span key={i}>{s.text}</span>
        ),
      )}
    </span>
  );
}

function isKnownFormat(format: string | null): format is keyof typeof FORMAT_LABELS {
  return format !== null && Object.hasOwn(FORMAT_LABELS, format);
}

/** Title, format, page and dossier of a hit, then its snippet. */
export function HitBody({ hit, showDossier }: { hit: SearchHit; showDossier: boolean }) {
  return (
    <>
      <span className="hit-head">
        <span className="hit-title">{hit.title}</span>
        {isKnownFormat(hit.sourceFormat) && <FormatBadge format={hit.sourceFormat} />}
        {hit.page !== null && (
          <span className="hit-page">
            <FormattedMessage id="search.hit.page" defaultMessage="p. {page, number}" values={{ page: hit.page }} />
          </span>
        )}
        {showDossier && hit.dossierTitle && <span className="hit-dossier">{hit.dossierTitle}</span>}
      </span>
      <SnippetText snippet={hit.snippet} />
    </>
  );
}

export interface SearchPages {
  hits: SearchHit[];
  total: number;
  totals: Totals;
  /** More than SEARCH_CAP matches of a kind: the newest were taken, newest first. */
  capped: boolean;
}

/** The top hits of every kind together, in the engine's ranking (the palette). */
export function useTopHits(query: string, filters: SearchFilters, limit: number) {
  const result = useApi(
    'search.query',
    { query, filters, limit },
    { enabled: query.length > 0, placeholderData: keepPreviousData },
  );
  const pages = useMemo<SearchPages | null>(
    () =>
      result.data
        ? { hits: result.data.hits, total: result.data.total, totals: result.data.totals, capped: result.data.capped }
        : null,
    [result.data],
  );
  return { ...result, pages };
}

/**
 * Every hit, kind after kind (sources, then excerpts, entities, drafts), each kind page by page in
 * the engine's ranking: what `fetchNextPage` adds goes at the end, so the list never shifts under
 * the reader while more loads. The totals come from one small query over all the kinds asked for.
 * Keyed like every read (['search.query', params]), so a write that can change results marks
 * them stale. The previous results stay on screen while the next words are searched.
 */
export function useSearch(query: string, filters: SearchFilters, pageSize: number) {
  const enabled = query.length > 0;
  const counts = useApi('search.query', { query, filters, limit: 1 }, { enabled, placeholderData: keepPreviousData });
  const kinds = SEARCH_KINDS.filter((k) => !filters.kinds || filters.kinds.includes(k));
  const params = { query, filters, limit: pageSize };
  const result = useInfiniteQuery({
    queryKey: ['search.query', params] as const,
    queryFn: ({ pageParam }) =>
      invoke('search.query', {
        ...params,
        filters: { ...filters, kinds: [kinds[pageParam.kind] ?? 'source'] },
        cursor: pageParam.cursor,
      }),
    initialPageParam: FIRST_PAGE,
    getNextPageParam: (last, _all, param) => nextPage(param, last.nextCursor, kinds.length),
    enabled,
    placeholderData: keepPreviousData,
  });
  const pages = useMemo<SearchPages | null>(() => {
    const loaded = result.data?.pages;
    if (!loaded || !counts.data) return null;
    return {
      hits: loaded.flatMap((p) => p.hits),
      total: counts.data.total,
      totals: counts.data.totals,
      capped: counts.data.capped,
    };
  }, [result.data, counts.data]);
  return { ...result, error: counts.error ?? result.error, pages };
}

/** Said under the results when a kind had more matches than the engine takes (SEARCH_CAP). */
export function CappedNote() {
  return (
    <FormattedMessage
      id="search.capped"
      defaultMessage="Showing the newest {cap, number} matches of each kind, newest first. Add words or filters to narrow the search."
      values={{ cap: SEARCH_CAP }}
    />
  );
}

/** A query the engine could not read (unbalanced quotes, a lone operator): worded, not raw. */
export function isQuerySyntaxError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SEARCH_QUERY_INVALID';
}
