import { parseWithSchema, type Page } from '../model/index.js';
import { z } from 'zod';

/**
 * Options of {@link paginate}.
 *
 * @example
 * ```ts
 * const options: PaginateOptions = { maxItems: 200, startCursor: saved.cursor, skip: saved.skip };
 * ```
 */
export interface PaginateOptions {
  /** Stop after yielding this many items. */
  maxItems?: number;
  /** Stop after fetching this many pages. */
  maxPages?: number;
  /** Resume here: a `cursor` read from an earlier {@link Pagination} (`null` = the first page). */
  startCursor?: string | null;
  /** Items of the first page to skip: the `skip` read from an earlier {@link Pagination}. */
  skip?: number;
  /** Stops the iteration: it rejects with the signal's reason. Also passed to `fetchPage`. */
  signal?: AbortSignal;
}

/**
 * An async iterable of items that remembers where it stopped. After (or during) iteration,
 * `{ cursor, skip }` say where to resume: pass them as `startCursor` and `skip` to a new
 * {@link paginate} call. The pair points at the first item not yet yielded, even when
 * `maxItems` stopped in the middle of a page. `done` is true once the list has ended.
 *
 * @example
 * ```ts
 * const pages = paginate(fetchPage, { maxItems: 50 });
 * for await (const item of pages) console.log(item);
 * if (!pages.done) save({ cursor: pages.cursor, skip: pages.skip });
 * ```
 */
export interface Pagination<T> extends AsyncIterable<T> {
  /** The cursor of the page holding the next unread item (`null` = the first page). */
  readonly cursor: string | null;
  /** How many items of that page have already been yielded. */
  readonly skip: number;
  /** Whether the list has been read to its end (no further page). */
  readonly done: boolean;
  readonly pagesFetched: number;
  readonly itemsYielded: number;
}

const PaginateOptionsSchema = z.object({
  maxItems: z.number().int().min(0, { error: 'must be a whole number ≥ 0' }).optional(),
  maxPages: z.number().int().min(0, { error: 'must be a whole number ≥ 0' }).optional(),
  startCursor: z.string().nullable().optional(),
  skip: z.number().int().min(0, { error: 'must be a whole number ≥ 0' }).optional(),
});

/**
 * Walks a cursor-paginated list item by item. Stops when the network returns no next cursor,
 * at `maxItems` or `maxPages`, or when `signal` aborts (rejecting with its reason). Pages are
 * fetched lazily, one at a time, as the consumer asks for items.
 *
 * @throws ValidationError for a bad option (e.g. `maxItems: -1`).
 * @example
 * ```ts
 * const mentions = paginate((cursor, signal) => adapter.listMentions({ cursor, signal }), { maxItems: 500 });
 * for await (const mention of mentions) console.log(mention.text);
 * saveCheckpoint({ cursor: mentions.cursor, skip: mentions.skip, done: mentions.done });
 * ```
 */
export function paginate<T>(
  fetchPage: (cursor: string | null, signal: AbortSignal | undefined) => Promise<Page<T>>,
  options: PaginateOptions = {},
): Pagination<T> {
  const { maxItems, maxPages, signal } = options;
  parseWithSchema(PaginateOptionsSchema, { maxItems, maxPages, startCursor: options.startCursor, skip: options.skip }, 'paginate options');
  let cursor: string | null = options.startCursor ?? null;
  let skip = options.skip ?? 0;
  let done = false;
  let pagesFetched = 0;
  let itemsYielded = 0;

  async function* items(): AsyncGenerator<T> {
    while (!done) {
      if (maxPages !== undefined && pagesFetched >= maxPages) return;
      if (maxItems !== undefined && itemsYielded >= maxItems) return;
      signal?.throwIfAborted();
      const page = await fetchPage(cursor, signal);
      signal?.throwIfAborted();
      pagesFetched += 1;
      for (let index = skip; index < page.items.length; index += 1) {
        if (maxItems !== undefined && itemsYielded >= maxItems) return;
        signal?.throwIfAborted();
        // Count before yielding: a consumer that breaks after this item has read it.
        skip = index + 1;
        itemsYielded += 1;
        yield page.items[index] as T;
      }
      if (page.nextCursor === null) {
        done = true;
        return;
      }
      cursor = page.nextCursor;
      skip = 0;
    }
  }

  const iterator = items();
  return {
    [Symbol.asyncIterator]: () => iterator,
    get cursor() {
      return cursor;
    },
    get skip() {
      return skip;
    },
    get done() {
      return done;
    },
    get pagesFetched() {
      return pagesFetched;
    },
    get itemsYielded() {
      return itemsYielded;
    },
  };
}
