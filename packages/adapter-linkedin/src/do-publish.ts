import { ValidationError, type AdapterContext, type PublishAnswer, type PublishInput } from '@smm/core/adapter-kit';
import { createComment } from './comments.js';
import { uploadMedia } from './media-upload.js';
import type { LinkedInOptions } from './network-options.js';
import { pendingAnswer } from './pending-handle.js';
import { postBody } from './post-body.js';
import { createPost } from './posts.js';
import type { LinkedInAdapterSettings } from './settings.js';
import { AUTHOR_URN } from './urns.js';

/** The account's author URN (its id), checked. @internal */
export function authorOf(context: AdapterContext): string {
  const author = context.account.id;
  if (!AUTHOR_URN.test(author)) {
    throw new ValidationError('LinkedIn account', [
      {
        path: ['account', 'id'],
        code: 'invalid_account',
        message: `must be the author URN the account posts as: urn:li:person:… (a member) or urn:li:organization:… (a Page); got "${author}"`,
      },
    ]);
  }
  return author;
}

/**
 * Publishes as the account's author (a member or an organisation): uploads the media
 * (images, a video in parts, a document), then `POST /rest/posts`. While a video or document is
 * still processing the answer is pending, and the post is made once it is AVAILABLE
 * (`doGetPublishStatus`). A reply (`draft.replyTo`) is a comment on the post, or a nested
 * comment when it answers a comment. @internal
 */
export async function doPublish(
  input: PublishInput<LinkedInOptions>,
  context: AdapterContext,
  settings: LinkedInAdapterSettings,
): Promise<PublishAnswer> {
  const author = authorOf(context);
  const { draft } = input;
  if (draft.replyTo) return createComment(context, author, draft.replyTo.id, draft.text);
  const sinceMs = context.clock.now();
  const media = [];
  for (const item of draft.media) media.push(await uploadMedia(item, author, context));
  const body = postBody(draft, input.networkOptions, author, media);
  const processing = media.filter((item) => item.processing).map((item) => ({ urn: item.urn, kind: item.kind as 'video' | 'document' }));
  if (processing.length > 0) return pendingAnswer({ body, processing, sinceMs }, processing.length, settings.mediaPollIntervalMs);
  return createPost(body, context);
}
