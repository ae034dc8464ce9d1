// Lists that page: a method that can grow with the vault takes a limit and an opaque cursor and
// answers one page, the total and the cursor of the next page. Cursors are keyset positions (the
// sort key of the last row given), not offsets: a row added above the screen does not shift what the
// next page holds. A cursor names its list and its filter, so one from another list or another
// filter is refused (LIST_CURSOR_INVALID) instead of quietly answering the wrong rows.
import { z } from 'zod';
import { UprightError } from '../errors.ts';

/** Rows per page when the caller does not say. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

/** The two paging fields every paged method's params take. */
export const PageParams = {
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  cursor: z.string().min(1).max(2000).optional(),
};

/** One page of `item`s: the rows, how many the whole filtered list holds, the next page's cursor (null at the end). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().min(0), nextCursor: z.string().nullable() });
}

export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

/** The API methods that answer a Page: the CLI pages through them, the renderer asks them for pages. */
export const PAGED_METHODS = [
  'excerpt.list',
  'excerpt.search',
  'source.list',
  'entity.list',
  'recommendation.list',
] as const;
export type PagedMethod = (typeof PAGED_METHODS)[number];

export function isPagedMethod(method: string): method is PagedMethod {
  return (PAGED_METHODS as readonly string[]).includes(method);
}

type KeyPart = string | number | null;

interface CursorBody {
  /** The list it belongs to. */
  l: string;
  /** The filter it was made under. */
  f: string;
  /** The sort key of the last row given. */
  k: KeyPart[];
}

/** A filter as a stable string: the same fields in any order give the same fingerprint. */
function fingerprint(filter: Record<string, unknown>): string {
  const keys = Object.keys(filter)
    .filter((k) => filter[k] !== undefined && k !== 'cursor' && k !== 'limit')
    .sort();
  return JSON.stringify(keys.map((k) => [k, filter[k]]));
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeCursor(list: string, filter: Record<string, unknown>, key: KeyPart[]): string {
  const body: CursorBody = { l: list, f: fingerprint(filter), k: key };
  return toBase64Url(JSON.stringify(body));
}

/**
 * The sort key a cursor carries, checked against the list, the filter and the key's shape
 * (`shape`: 's' string, 'n' number, 'n?' number or null); anything else is LIST_CURSOR_INVALID.
 */
export function decodeCursor(
  cursor: string,
  list: string,
  filter: Record<string, unknown>,
  shape: readonly ('s' | 'n' | 'n?')[],
): KeyPart[] {
  let body: CursorBody;
  try {
    body = JSON.parse(fromBase64Url(cursor)) as CursorBody;
  } catch {
    throw new UprightError('LIST_CURSOR_INVALID');
  }
  const fits =
    body !== null &&
    typeof body === 'object' &&
    body.l === list &&
    body.f === fingerprint(filter) &&
    Array.isArray(body.k) &&
    body.k.length === shape.length &&
    body.k.every((part, i) => {
      const want = shape[i];
      if (want === 's') return typeof part === 'string';
      if (want === 'n') return typeof part === 'number' && Number.isFinite(part);
      return part === null || (typeof part === 'number' && Number.isFinite(part));
    });
  if (!fits) throw new UprightError('LIST_CURSOR_INVALID');
  return body.k;
}

/**
 * Cuts `limit + 1` rows fetched after the cursor into a page: the extra row only tells that there is
 * a next page, whose cursor is the key of the last row kept.
 */
export function cutPage<Row, Item>(
  rows: Row[],
  limit: number,
  total: number,
  toItems: (rows: Row[]) => Item[],
  keyOf: (row: Row) => KeyPart[],
  list: string,
  filter: Record<string, unknown>,
): Page<Item> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return {
    items: toItems(kept),
    total,
    nextCursor: more && last !== undefined ? encodeCursor(list, filter, keyOf(last)) : null,
  };
}

/** Every row of a paged list, page after page (the CLI's listings, exports, small lists such as a sample's). */
export async function allPages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): Promise<Page<T>> {
  const items: T[] = [];
  let cursor: string | undefined;
  let total = 0;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    total = page.total;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { items, total, nextCursor: null };
}
