import { parseApiResponse, type AdapterHttpClient } from '@smm/core/adapter-kit';
import { z } from 'zod';
import type { GraphRequest } from './graph-request.js';

/** One page of a Graph list edge. */
export interface GraphPage<T> {
  items: T[];
  /** The cursor of the next page (`paging.cursors.after`), or undefined on the last page. */
  after: string | undefined;
}

/** Options of {@link graphPages}. */
export interface GraphPagesOptions {
  /** Stop after this many pages (default 10). */
  maxPages?: number;
  /** The network, for error messages (`facebook`, `instagram`, `threads`). */
  platform: string;
  /** What the call is, for error messages (`GET /{ig-user-id}/tags`). */
  what: string;
}

const PagingSchema = z
  .object({
    cursors: z.object({ before: z.string().optional(), after: z.string().optional() }).optional(),
    next: z.string().optional(),
    previous: z.string().optional(),
  })
  .optional();

/**
 * Walks a Graph list edge page by page: sends `request`, yields `{ items, after }`, then asks
 * for the next page with `after=<paging.cursors.after>` (the cursor Meta documents for
 * cursor-based pagination, https://developers.facebook.com/docs/graph-api/results). It stops on
 * the last page (no `paging.next`, Meta's sign that there is no more), on an empty page, or after
 * `maxPages`. Every item is parsed with `itemSchema`; a body that is not a list is an `ApiCallError`.
 *
 * @example
 * ```ts
 * for await (const page of graphPages(http, { path: graphPath(version, `${mediaId}/comments`), searchParams: { fields: 'id,text' } }, CommentSchema, { platform: 'instagram', what: 'GET /{ig-media-id}/comments' })) {
 *   mentions.push(...page.items.map(toMention));
 * }
 * ```
 */
export async function* graphPages<S extends z.ZodType>(
  http: AdapterHttpClient,
  request: GraphRequest,
  itemSchema: S,
  options: GraphPagesOptions,
): AsyncGenerator<GraphPage<z.output<S>>, void, undefined> {
  const schema = z.object({ data: z.array(itemSchema), paging: PagingSchema });
  const maxPages = options.maxPages ?? 10;
  let after: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const searchParams = after === undefined ? request.searchParams : { ...request.searchParams, after };
    const response = await http.request({ ...request, ...(searchParams ? { searchParams } : {}) });
    const body = parseApiResponse(schema, response, options.platform, options.what);
    const next = body.paging?.next ? body.paging.cursors?.after : undefined;
    yield { items: body.data, after: next };
    if (next === undefined || body.data.length === 0) return;
    after = next;
  }
}
