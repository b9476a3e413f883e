import { ApiCallError, type AdapterContext, type FetchedPost, type PostRef } from '@smm/core/adapter-kit';
import { COMMENT_FIELDS, CommentSchema, graphInstant, MEDIA_FIELDS, MediaSchema } from './api-schemas.js';
import { readObject, type InstagramCallConfig } from './graph-call.js';

/**
 * Reads a post back: `GET /<IG_MEDIA_ID>?fields=id,caption,media_type,media_product_type,permalink,timestamp`
 * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media), or a comment
 * this adapter made (`GET /<IG_COMMENT_ID>`). Graph answers a deleted or unknown id with code 100
 * (subcode 33, "does not exist"): `null`.
 * @internal
 */
export async function doGetPost(post: PostRef, context: AdapterContext, config: InstagramCallConfig): Promise<FetchedPost | null> {
  const id = encodeURIComponent(post.id);
  try {
    if (post.extra?.node === 'comment') {
      const comment = await readObject(context, config, id, { fields: COMMENT_FIELDS }, CommentSchema, 'GET /{ig-comment-id}');
      return {
        ref: { id: comment.id, extra: { node: 'comment' } },
        text: comment.text ?? '',
        createdAt: graphInstant(comment.timestamp) ?? new Date(context.clock.now()).toISOString(),
      };
    }
    const media = await readObject(context, config, id, { fields: MEDIA_FIELDS }, MediaSchema, 'GET /{ig-media-id}');
    return {
      ref: { id: media.id, ...(media.permalink ? { url: media.permalink } : {}), extra: { node: 'media' } },
      text: media.caption ?? '',
      createdAt: graphInstant(media.timestamp) ?? new Date(context.clock.now()).toISOString(),
    };
  } catch (error) {
    if (ApiCallError.isInstance(error) && error.platformCode === 100) return null;
    throw error;
  }
}
