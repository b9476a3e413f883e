import { parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import { ListRecordsOutputSchema } from './api-schemas.js';
import { POST_COLLECTION } from './at-uri.js';
import { epochOfFirstPart, keyTimeMs, type KeyEpoch } from './record-key.js';

// listRecords takes at most 100 per page; a retry comes soon after its first attempt, so its
// first part is among the account's newest posts: look through this many pages at most.
const PAGE = 100;
const MAX_PAGES = 3;
// Record keys made from a key stand for their time to within ~1 s per thread part; allow slack.
const SLACK_MS = 60_000;

/**
 * Finds the first part of a post published with `idempotencyKey` among the account's newest
 * post records (`com.atproto.repo.listRecords`, newest record key first) by the marker in its
 * record key, and returns the epoch its record keys were made with; `null` when none is found.
 * With `sinceMs`, the search stops at records older than that.
 * @internal
 */
export async function findKeyEpoch(
  repo: string,
  idempotencyKey: string,
  context: AdapterContext,
  sinceMs?: number,
): Promise<KeyEpoch | null> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await context.http.request({
      path: '/xrpc/com.atproto.repo.listRecords',
      searchParams: { repo, collection: POST_COLLECTION, limit: PAGE, ...(cursor ? { cursor } : {}) },
      signal: context.signal,
    });
    const out = parseApiResponse(ListRecordsOutputSchema, response, 'bluesky', 'GET com.atproto.repo.listRecords');
    for (const record of out.records) {
      const rkey = record.uri.split('/').pop() ?? '';
      const epoch = await epochOfFirstPart(rkey, idempotencyKey);
      if (epoch !== null) return epoch;
      const time = keyTimeMs(rkey);
      if (sinceMs !== undefined && time !== null && time < sinceMs - SLACK_MS) return null;
    }
    if (!out.cursor || out.records.length === 0) return null;
    cursor = out.cursor;
  }
  return null;
}
