import type { AdapterContext } from '@smm/core/adapter-kit';
import { graphPages, graphPath } from '@smm/meta-graph';
import { MEDIA_FIELDS, ThreadsMediaSchema, type ThreadsMedia } from './api-schemas.js';

/** What a lookup needs: the API version and how many pages it may read. @internal */
export interface LookupSettings {
  apiVersion: string;
  lookupMaxPages: number;
}

/** What identifies a post this adapter made: its text, the post it answers, and the earliest time it can have. @internal */
export interface PostToFind {
  text: string;
  /** The post it replies to: then it is looked for among the user's replies. */
  replyTo?: string | undefined;
  /** ISO-8601. */
  since: string;
}

// Threads keeps the text as sent; compare without surrounding whitespace all the same.
const same = (a: string | undefined, b: string) => (a ?? '').trim() === b.trim();

/**
 * Finds a post the account already made from a draft part (Threads takes no idempotency key):
 * a top-level post among `GET /{threads-user-id}/threads`
 * (https://developers.facebook.com/documentation/threads/retrieve-and-discover-posts/retrieve-posts),
 * a reply among `GET /{threads-user-id}/replies` matched on the post it answers
 * (https://developers.facebook.com/documentation/threads/retrieve-and-manage-replies/retrieve-replies),
 * newest first, from `since` on, text equal. `null` when none matches within `lookupMaxPages` pages.
 * @internal
 */
export async function findOwnPost(target: PostToFind, context: AdapterContext, settings: LookupSettings): Promise<ThreadsMedia | null> {
  const edge = target.replyTo ? 'replies' : 'threads';
  const since = Math.floor(Date.parse(target.since) / 1000);
  const pages = graphPages(
    context.http,
    {
      path: graphPath(settings.apiVersion, `${context.account.id}/${edge}`),
      searchParams: { fields: MEDIA_FIELDS, since, limit: 25 },
      signal: context.signal,
    },
    ThreadsMediaSchema,
    { maxPages: settings.lookupMaxPages, platform: 'threads', what: `GET /{threads-user-id}/${edge}` },
  );
  for await (const page of pages) {
    for (const media of page.items) {
      if (!same(media.text, target.text)) continue;
      if (target.replyTo ? media.replied_to?.id === target.replyTo : !media.is_reply) return media;
    }
  }
  return null;
}
