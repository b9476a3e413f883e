import { ApiCallError, type AdapterContext, type FetchedPost, type PostRef } from '@smm/core/adapter-kit';
import { CommentSchema, PostSchema } from './api-schemas.js';
import { commentUrnOf, splitCommentUrn } from './comments.js';
import { fromLittleText } from './little-text.js';
import { restGet } from './rest-request.js';
import { encodeUrn, isCommentUrn, postUrl } from './urns.js';

async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (ApiCallError.isInstance(error) && (error.status === 404 || error.status === 410)) return null;
    throw error;
  }
}

/**
 * Reads a post back, `GET /rest/posts/{urn}`, its commentary turned back into the text a reader
 * sees (escapes dropped, mentions as names); a reply through
 * `GET /rest/socialActions/{post}/comments/{id}`. Null for one deleted or never made. @internal
 */
export async function doGetPost(post: PostRef, context: AdapterContext): Promise<FetchedPost | null> {
  if (isCommentUrn(post.id)) {
    const parts = splitCommentUrn(post.id);
    if (!parts) return null;
    const comment = await orNull(() =>
      restGet(context, CommentSchema, 'GET /rest/socialActions/{urn}/comments/{id}', {
        path: `/rest/socialActions/${encodeUrn(parts.object)}/comments/${encodeURIComponent(parts.id)}`,
      }),
    );
    if (!comment) return null;
    return {
      ref: { id: commentUrnOf(comment, parts.object), url: postUrl(parts.object) },
      text: comment.message.text,
      createdAt: new Date(comment.created.time).toISOString(),
      inReplyTo: { id: comment.parentComment ?? parts.object },
    };
  }
  const found = await orNull(() => restGet(context, PostSchema, 'GET /rest/posts/{urn}', { path: `/rest/posts/${encodeUrn(post.id)}` }));
  if (!found) return null;
  const media = found.content?.multiImage?.images.length ?? (found.content?.media ? 1 : 0);
  return {
    ref: { id: found.id, url: postUrl(found.id) },
    text: fromLittleText(found.commentary),
    createdAt: new Date(found.createdAt ?? found.publishedAt ?? context.clock.now()).toISOString(),
    mediaCount: media,
  };
}
