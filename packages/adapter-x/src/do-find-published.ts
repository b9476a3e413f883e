import type { AdapterContext, FindPublishedInput, PublishOutput } from '@smm/core/adapter-kit';
import { findChain, readOwnTimeline } from './own-timeline.js';
import { composeRootText } from './post-text.js';
import { ownPostUrl } from './post-url.js';

/** What the lookup needs from the adapter settings. @internal */
export interface LookupSettings {
  lookupWindowMs: number;
  lookupMaxPages: number;
}

/**
 * The `lookup` idempotency strategy. X keeps no idempotency key and no hidden marker, so a
 * published draft is recognised by its text at its place in the account's own timeline: the
 * first part (replying to `draft.replyTo`, or to nothing) and each thread part replying to
 * the one before, published since `since` (default: `lookupWindowMs` ago). Only a complete
 * match counts; a thread found part way returns `null`, and publishing again resumes it
 * (X refuses the parts already there as duplicates and the adapter adopts them).
 *
 * Limits: needs the draft (its text is the key); a media-only post has no text to match;
 * reads at most `lookupMaxPages` × 100 recent posts. @internal
 */
export async function doFindPublished(
  input: FindPublishedInput,
  context: AdapterContext,
  settings: LookupSettings,
): Promise<PublishOutput | null> {
  const { draft } = input;
  if (!draft) return null;
  const texts = [composeRootText(draft), ...draft.thread.map((part) => part.text)];
  const since = input.since ?? new Date(context.clock.now() - settings.lookupWindowMs).toISOString();
  const tweets = await readOwnTimeline(context, since, settings.lookupMaxPages);
  const ids = findChain(tweets, texts, draft.replyTo?.id);
  if (ids.length < texts.length) return null;
  const root = tweets.find((tweet) => tweet.id === ids[0]);
  return {
    parts: ids.map((id) => ({ id, url: ownPostUrl(id, context.account) })),
    ...(root?.created_at ? { publishedAt: new Date(root.created_at).toISOString() } : {}),
  };
}
