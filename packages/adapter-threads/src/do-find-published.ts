import type { AdapterContext, FindPublishedInput, PublishOutput } from '@smm/core/adapter-kit';
import { chainOutput } from './chain.js';
import { findOwnPost, type LookupSettings } from './find-post.js';

/** Without `since`, look back one day: a container cannot be published later than 24 h after it was made. */
const DEFAULT_LOOKBACK_MS = 24 * 3_600_000;

/**
 * Finds a post (or a whole chain) already made from `draft`: Threads keeps no idempotency key,
 * so the first part is looked for among the user's threads (or, for a reply, its replies) by
 * text from `since`, and each later part among the replies to the part before. Answers only a
 * complete chain; a chain found in part answers `null`, and the publish that follows looks for
 * its first part again before creating it (nothing is posted twice). `null` without a draft.
 * @internal
 */
export async function doFindPublished(
  input: FindPublishedInput,
  context: AdapterContext,
  settings: LookupSettings,
): Promise<PublishOutput | null> {
  const draft = input.draft;
  if (!draft) return null;
  const since = input.since ?? new Date(context.clock.now() - DEFAULT_LOOKBACK_MS).toISOString();
  const found: Array<{ id: string; permalink?: string }> = [];
  let replyTo = draft.replyTo?.id;
  for (const text of [draft.text, ...draft.thread.map((part) => part.text)]) {
    const post = await findOwnPost({ text, replyTo, since }, context, settings);
    if (!post) return null;
    found.push({ id: post.id, ...(post.permalink ? { permalink: post.permalink } : {}) });
    replyTo = post.id;
  }
  return chainOutput(found);
}
