import { parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { ThreadsMediaSchema } from './api-schemas.js';
import type { HandlePart } from './pending-handle.js';

/** The longest the permalink reads may take on the adapter's clock, waits for the rate limit included: the post is live already. */
export const PERMALINK_WAIT_MS = 5_000;

/**
 * Reads the permalink of every live part that has none yet, so a publish answers with the
 * post's URL as on the other networks: `GET /{threads-media-id}?fields=permalink`
 * (https://developers.facebook.com/documentation/threads/retrieve-and-discover-posts/retrieve-posts,
 * "Retrieve a single Threads media object"). `threads_publish` answers only the id, and the URL's
 * shortcode is not the id. Best effort: the parts are published whatever happens here, so a
 * failed read, the caller's abort, or reads still unanswered after {@link PERMALINK_WAIT_MS} of
 * the adapter's clock (a slow answer, retries, a rate-limit wait) leave those parts without a URL.
 * @internal
 */
export async function addPermalinks(parts: HandlePart[], context: AdapterContext, apiVersion: string): Promise<void> {
  const missing = parts.filter((part) => part.id !== undefined && part.permalink === undefined);
  if (missing.length === 0 || context.signal.aborted) return;
  const deadline = new AbortController();
  // The cap runs on the adapter's clock (as the client's waits do); it is cancelled once the reads end.
  context.clock.sleep(PERMALINK_WAIT_MS, deadline.signal).then(
    () => deadline.abort(new Error(`the permalink reads took longer than ${PERMALINK_WAIT_MS} ms`)),
    () => undefined,
  );
  const signal = AbortSignal.any([context.signal, deadline.signal]);
  try {
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
  } finally {
    deadline.abort();
  }
}
