// The renderer's data layer: one query cache keyed by [method, params]. Reads go through useApi;
// writes through useApiMutation, which marks stale what the write can change (see invalidation.ts);
// events from main (an import finished, suggestions computed, the vault locked) do the same.
import {
  keepPreviousData,
  QueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import { allPages, MAX_PAGE_SIZE, type Page, type PagedMethod } from '../../../shared/api/paging.ts';
import type { Method, Params, Result } from '../../../shared/api.ts';
import { invoke, subscribe } from './client.ts';
import { type Area, areaOf, areasChangedBy } from './invalidation.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    // Data changes only through this window's own writes and main's events, both of which
    // invalidate: no refetch on focus, no retry of a refusal (a locked vault, a missing item).
    queries: { staleTime: Number.POSITIVE_INFINITY, retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

export function queryKey<M extends Method>(method: M, params: Params<M>): readonly [M, Params<M>] {
  return [method, params] as const;
}

/** Reads one API method's result, cached; `enabled: false` waits (e.g. until an id is known). */
export function useApi<M extends Method>(
  method: M,
  params: Params<M>,
  options: Omit<UseQueryOptions<Result<M>, Error, Result<M>, readonly [M, Params<M>]>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery({ queryKey: queryKey(method, params), queryFn: () => invoke(method, params), ...options });
}

type PageItem<M extends PagedMethod> = Result<M>['items'][number];
type FilterOf<M extends PagedMethod> = Omit<Params<M>, 'limit' | 'cursor'>;

/**
 * Reads a paged list a page at a time, as the screen scrolls (fetchNextPage); `items` holds the pages
 * loaded so far, `total` the whole filtered list's length. Cached under the method's name like every
 * read, so the writes and events that invalidate the method's area reload it. While a new filter's
 * first page loads, the previous rows stay (no flicker while typing).
 */
export function useApiPages<M extends PagedMethod>(
  method: M,
  params: FilterOf<M>,
  options: { pageSize?: number; enabled?: boolean } = {},
) {
  const limit = options.pageSize ?? 100;
  const query = useInfiniteQuery({
    queryKey: [method, params, 'pages', limit] as const,
    queryFn: ({ pageParam }) =>
      invoke(method, { ...params, limit, ...(pageParam ? { cursor: pageParam } : {}) } as Params<M>) as Promise<
        Result<M>
      >,
    initialPageParam: null as string | null,
    getNextPageParam: (last: Result<M>) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
  const items = useMemo(() => (query.data?.pages ?? []).flatMap((page) => page.items as PageItem<M>[]), [query.data]);
  return {
    items: query.data ? items : undefined,
    total: query.data?.pages[0]?.total,
    error: query.error,
    isPlaceholderData: query.isPlaceholderData,
    hasNextPage: query.hasNextPage,
    isFetchingNextPage: query.isFetchingNextPage,
    fetchNextPage: query.fetchNextPage,
  };
}

/**
 * Every row of a paged list, page after page, for the places that need the whole of a list that stays
 * small (the code book, the entities of a select). Cached and invalidated like useApi.
 */
export function useApiAll<M extends PagedMethod>(method: M, params: FilterOf<M>, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [method, params, 'all'] as const,
    queryFn: async () =>
      (
        await allPages(
          (cursor) =>
            invoke(method, {
              ...params,
              limit: MAX_PAGE_SIZE,
              ...(cursor ? { cursor } : {}),
            } as Params<M>) as unknown as Promise<Page<PageItem<M>>>,
        )
      ).items as PageItem<M>[],
    enabled: options.enabled ?? true,
  });
}

/** Marks stale every cached read of these areas; the ones on screen load again. */
export function invalidateAreas(areas: readonly Area[] | 'all'): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) =>
      areas === 'all' || (typeof query.queryKey[0] === 'string' && areas.includes(areaOf(query.queryKey[0]))),
  });
}

/** Calls an API method that changes something, then invalidates what it can change. */
export function useApiMutation<M extends Method, Context = unknown>(
  method: M,
  options: Omit<UseMutationOptions<Result<M>, Error, Params<M>, Context>, 'mutationFn'> = {},
) {
  return useMutation({
    mutationFn: (params: Params<M>) => invoke(method, params),
    ...options,
    onSuccess: async (...args) => {
      await invalidateAreas(areasChangedBy(method));
      await options.onSuccess?.(...args);
    },
  });
}

/** Imperative form for code that is not a component (the lock path, one-off actions). */
export async function mutate<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
  const result = await invoke(method, params);
  await invalidateAreas(areasChangedBy(method));
  return result;
}

/**
 * Main's events invalidate what they announce. A lock drops the whole cache: decrypted case data
 * must not outlive the unlocked vault in this page's memory.
 */
export function followMainEvents(): () => void {
  const stops = [
    subscribe('vault.changed', (status) => {
      if (status.state !== 'unlocked') queryClient.clear();
      else void invalidateAreas('all');
    }),
    subscribe('import.progress', (progress) => {
      if (progress.outcome) void invalidateAreas(areasChangedBy('import.files'));
    }),
    subscribe('suggestion.ready', () => void invalidateAreas(['suggestion'])),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
