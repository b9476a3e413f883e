import { parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { ThreadsMediaSchema } from './api-schemas.js';
import type { HandlePart } from './pending-handle.js';

/**
 * The longest the permalink reads may take, in real time: the post is live already. Real time,
 * as the HTTP client's own timeouts (they measure the network); a clock that runs fast in tests
 * or demos would otherwise cut every read short.
 */
export const PERMALINK_WAIT_MS = 5_000;

/**
 * Reads the permalink of every live part that has none yet, so a publish answers with the
 * post's URL as on the other networks: `GET /{threads-media-id}?fields=permalink`
 * (https://developers.facebook.com/documentation/threads/retrieve-and-discover-posts/retrieve-posts,
 * "Retrieve a single Threads media object"). `threads_publish` answers only the id, and the URL's
 * shortcode is not the id. Best effort: the parts are published whatever happens here, so a
 * failed read, the caller's abort, or reads still unanswered after {@link PERMALINK_WAIT_MS}
 * (a slow answer, retries, a rate-limit wait) leave those parts without a URL.
 * @internal
 */
export async function addPermalinks(parts: HandlePart[], context: AdapterContext, apiVersion: string): Promise<void> {
  const missing = parts.filter((part) => part.id !== undefined && part.permalink === undefined);
  if (missing.length === 0 || context.signal.aborted) return;
  const signal = AbortSignal.any([context.signal, AbortSignal.timeout(PERMALINK_WAIT_MS)]);
  await Promise.all(
    missing.map(async (part) => {
      try {
        const response = await context.http.request({
          path: graphPath(apiVersion, encodeURIComponent(part.id!)),
          searchParams: { fields: 'permalink' },
          signal,
        });
        const { permalink } = parseApiResponse(ThreadsMediaSchema, response, 'threads', 'GET /{threads-media-id}');
        if (permalink) part.permalink = permalink;
      } catch {
        // No URL for this part; its id is what identifies it.
      }
    }),
  );
}
