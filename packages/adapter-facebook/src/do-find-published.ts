import type { AdapterContext, FindPublishedInput, PublishOutput } from '@smm/core/adapter-kit';
import { commentUrl, findComment } from './comments.js';
import { findPagePost, postOutput } from './find-post.js';
import { findVideoPost } from './find-video.js';
import { expectedPost, messageOf } from './post-body.js';
import type { FacebookAdapterSettings } from './settings.js';

/**
 * Finds a post already made from `draft` (Graph keeps no idempotency key): the Page's published
 * and scheduled posts, newest first, matched on message, link and photo count, at or after
 * `since`; a reply is found among the Page's own comments under its target. Without a draft
 * nothing can be matched: `null`. A video draft is looked for among the Page's videos: a video an
 * earlier attempt uploaded that is still processing throws a retryable error (publishing again
 * would upload it twice).
 * @internal
 */
export async function doFindPublished(
  input: FindPublishedInput,
  context: AdapterContext,
  settings: FacebookAdapterSettings,
): Promise<PublishOutput | null> {
  const { draft, since } = input;
  if (!draft) return null;
  if (draft.replyTo) {
    const comment = await findComment(draft, since, context, settings.apiVersion);
    return comment ? { parts: [{ id: comment.id, url: commentUrl(context.account.id, comment.id) }] } : null;
  }
  if (draft.media.some((item) => item.kind === 'video')) {
    return (await findVideoPost(messageOf(draft, false), since, context, settings)) ?? null;
  }
  const found = await findPagePost(expectedPost(draft), since, context, settings);
  return found ? postOutput(found) : null;
}
