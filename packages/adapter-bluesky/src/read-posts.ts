import { parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import { ApiCallError } from '@smm/core/adapter-kit';
import { GetPostsOutputSchema, RecordOutputSchema, type PostView } from './api-schemas.js';
import { POST_COLLECTION } from './at-uri.js';

// app.bsky.feed.getPosts takes at most 25 URIs per call.
const GET_POSTS_BATCH = 25;

/**
 * Reads posts from the AppView (through the PDS) with `app.bsky.feed.getPosts`, 25 URIs per
 * call. Posts that do not exist (deleted, never published) are simply missing from the map.
 * @internal
 */
export async function getPostViews(uris: readonly string[], context: AdapterContext): Promise<Map<string, PostView>> {
  const found = new Map<string, PostView>();
  for (let start = 0; start < uris.length; start += GET_POSTS_BATCH) {
    const batch = uris.slice(start, start + GET_POSTS_BATCH);
    const response = await context.http.request({
      path: '/xrpc/app.bsky.feed.getPosts',
      searchParams: { uris: batch },
      signal: context.signal,
    });
    for (const view of parseApiResponse(GetPostsOutputSchema, response, 'bluesky', 'GET app.bsky.feed.getPosts').posts)
      found.set(view.uri, view);
  }
  return found;
}

/**
 * Reads one post record straight from the account's repository with
 * `com.atproto.repo.getRecord`: authoritative at once (the AppView may lag behind a fresh
 * write), so idempotency lookups use it. `null` when there is no such record.
 * @internal
 */
export async function readPostRecord(repo: string, rkey: string, context: AdapterContext) {
  try {
    const response = await context.http.request({
      path: '/xrpc/com.atproto.repo.getRecord',
      searchParams: { repo, collection: POST_COLLECTION, rkey },
      signal: context.signal,
    });
    return parseApiResponse(RecordOutputSchema, response, 'bluesky', 'GET com.atproto.repo.getRecord');
  } catch (error) {
    if (ApiCallError.isInstance(error) && (error.platformCode === 'RecordNotFound' || error.status === 404)) return null;
    throw error;
  }
}

/** An ISO-8601 UTC instant from a record's `createdAt` (any offset), or `fallback` when it is not a date. @internal */
export function toInstant(value: string | undefined, fallback: string): string {
  const ms = value === undefined ? Number.NaN : Date.parse(value);
  if (Number.isFinite(ms)) return new Date(ms).toISOString();
  const fallbackMs = Date.parse(fallback);
  return Number.isFinite(fallbackMs) ? new Date(fallbackMs).toISOString() : fallback;
}
