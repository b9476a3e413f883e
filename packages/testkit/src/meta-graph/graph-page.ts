import type { SimRequest } from '../simulator/index.js';

/** A page of a Graph list edge, as Graph answers it. */
export interface GraphPageBody<T> {
  data: T[];
  /** Absent when the edge is empty (Graph then sends `{ "data": [] }`). */
  paging?: {
    cursors: { before: string; after: string };
    /** Present only when another page follows. */
    next?: string;
    /** Present only when a page precedes. */
    previous?: string;
  };
}

/** Options of {@link graphPage}. */
export interface GraphPageOptions {
  /** Page size when the request sends no `limit` (Graph's usual default: 25). */
  defaultLimit?: number;
  /** The largest `limit` honoured (larger ones are cut to it, as Graph does; default 100). */
  maxLimit?: number;
}

// Cursors are opaque to clients; Graph's are base64. These encode the position in the list.
const encode = (index: number) => Buffer.from(`smm-cursor:${index}`).toString('base64url');
function decode(cursor: string | null): number | undefined {
  if (cursor === null) return undefined;
  const match = /^smm-cursor:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

/**
 * One page of a list edge with Graph's cursor paging: `limit`, `after` and `before` are read from
 * the request; the answer has `data` and `paging.cursors.{before,after}`, with `paging.next` /
 * `paging.previous` (full URLs on the simulator's origin, carrying the other query parameters)
 * only when there is such a page. A cursor Graph did not hand out reads from the start.
 * https://developers.facebook.com/docs/graph-api/results — cursor-based pagination.
 *
 * @example
 * ```ts
 * // GET /v24.0/1234/feed?limit=2
 * return json(200, graphPage(posts, request, { defaultLimit: 25 }));
 * // → { data: [p1, p2], paging: { cursors: { before: 'c…', after: 'c…' }, next: 'http://127.0.0.1:…/v24.0/1234/feed?limit=2&after=c…' } }
 * ```
 */
export function graphPage<T>(
  items: readonly T[],
  request: Pick<SimRequest, 'searchParams' | 'origin' | 'path'>,
  options: GraphPageOptions = {},
): GraphPageBody<T> {
  const maxLimit = options.maxLimit ?? 100;
  const asked = Number(request.searchParams.get('limit'));
  const limit = Number.isInteger(asked) && asked > 0 ? Math.min(asked, maxLimit) : (options.defaultLimit ?? 25);
  const after = decode(request.searchParams.get('after'));
  const before = decode(request.searchParams.get('before'));
  let start = after !== undefined ? after + 1 : 0;
  if (after === undefined && before !== undefined) start = Math.max(0, before - limit);
  const end = Math.min(items.length, before !== undefined && after === undefined ? before : start + limit);
  const data = items.slice(start, end);
  if (data.length === 0) return { data: [] };
  const link = (name: 'after' | 'before', cursor: string) => {
    const url = new URL(request.path, request.origin);
    for (const [key, value] of request.searchParams) if (key !== 'after' && key !== 'before') url.searchParams.append(key, value);
    url.searchParams.set('limit', String(limit));
    url.searchParams.set(name, cursor);
    return url.toString();
  };
  const cursors = { before: encode(start), after: encode(end - 1) };
  return {
    data,
    paging: {
      cursors,
      ...(end < items.length ? { next: link('after', cursors.after) } : {}),
      ...(start > 0 ? { previous: link('before', cursors.before) } : {}),
    },
  };
}
