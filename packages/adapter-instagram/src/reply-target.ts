import { ApiCallError, type AdapterContext, type PostRef } from '@smm/core/adapter-kit';
import { z } from 'zod';
import { readObject, type InstagramCallConfig } from './graph-call.js';

/** What a reply answers: a media (the reply is a comment on it) or a comment (the reply joins its thread). @internal */
export interface ReplyTarget {
  node: 'media' | 'comment';
  id: string;
  /** The media the comment thread is on (for a comment target). */
  mediaId?: string;
}

const NodeSchema = z.object({ id: z.string(), media_type: z.string().optional() });
const CommentNodeSchema = z.object({ id: z.string(), media: z.object({ id: z.string() }).optional(), parent_id: z.string().optional() });

/**
 * Tells a media from a comment: refs this adapter made say so (`extra.node`); for another id
 * (a mention's id) it asks Graph for the media's `media_type` — a comment has no such field and
 * Graph refuses the field with code 100 — then reads it as a comment. A reply to a reply joins
 * the top comment's thread, as Instagram replies are one level deep
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies).
 * @internal
 */
export async function replyTarget(ref: PostRef, context: AdapterContext, config: InstagramCallConfig): Promise<ReplyTarget> {
  const id = encodeURIComponent(ref.id);
  if (ref.extra?.node !== 'comment') {
    try {
      const node = await readObject(context, config, id, { fields: 'id,media_type' }, NodeSchema, 'GET /{ig-media-id}');
      if (node.media_type !== undefined || ref.extra?.node === 'media') return { node: 'media', id: ref.id };
    } catch (error) {
      if (!(ApiCallError.isInstance(error) && error.platformCode === 100)) throw error;
    }
  }
  const comment = await readObject(context, config, id, { fields: 'id,media,parent_id' }, CommentNodeSchema, 'GET /{ig-comment-id}');
  return { node: 'comment', id: comment.parent_id ?? comment.id, ...(comment.media ? { mediaId: comment.media.id } : {}) };
}
