import { ValidationError, type AdapterContext, type PublishInput, type PublishOutput } from '@smm/core/adapter-kit';
import { createObject, type InstagramCallConfig } from './graph-call.js';
import type { InstagramOptions } from './network-options.js';
import { replyTarget } from './reply-target.js';

/**
 * Replies on Instagram: to a media, a comment on it (`POST /<IG_MEDIA_ID>/comments`,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments);
 * to a comment (a mention), a reply in its thread (`POST /<IG_COMMENT_ID>/replies`,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies).
 * Comments are text only.
 * @throws ValidationError when the reply carries media.
 * @internal
 */
export async function doReply(
  input: PublishInput<InstagramOptions>,
  context: AdapterContext,
  config: InstagramCallConfig,
): Promise<PublishOutput> {
  if (input.draft.media.length > 0) {
    throw new ValidationError('Instagram reply', [
      {
        path: ['media'],
        code: 'reply_media_unsupported',
        message: 'an Instagram reply is a comment, which carries text only: remove the media',
      },
    ]);
  }
  const target = await replyTarget(input.draft.replyTo!, context, config);
  const edge = target.node === 'media' ? 'comments' : 'replies';
  const id = await createObject(
    context,
    config,
    `${encodeURIComponent(target.id)}/${edge}`,
    { message: input.draft.text },
    `POST /{ig-${target.node}-id}/${edge}`,
  );
  return { parts: [{ id, extra: { node: 'comment' } }] };
}
