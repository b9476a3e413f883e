import type { AdapterContext, FindPublishedInput, PublishOutput } from '@smm/core/adapter-kit';
import { findComment } from './comments.js';
import { authorOf } from './do-publish.js';
import type { LinkedInOptions } from './network-options.js';
import { commentaryOf } from './post-body.js';
import { findPostByCommentary } from './posts.js';

/**
 * LinkedIn takes no idempotency key, so a publish is found again by what it sent: among the
 * author's latest posts (`GET /rest/posts?q=author`), the one with the same commentary made
 * since the publish began; a reply among the target's comments by the same actor and text.
 * Without the draft (a bare `client.findPublished`) there is nothing to match: null. @internal
 */
export async function doFindPublished(input: FindPublishedInput, context: AdapterContext): Promise<PublishOutput | null> {
  const draft = input.draft;
  if (!draft) return null;
  const author = authorOf(context);
  const sinceMs = input.since === undefined ? undefined : Date.parse(input.since);
  if (draft.replyTo) return findComment(context, author, draft.replyTo.id, draft.text, sinceMs);
  const options = draft.networkOptions.linkedin as LinkedInOptions | undefined;
  return findPostByCommentary(context, author, commentaryOf(draft.text, options), sinceMs);
}
