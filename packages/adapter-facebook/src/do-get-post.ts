import { parseApiResponse, type AdapterContext, type FetchedPost, type PostRef } from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { CommentSchema, PagePostSchema } from './api-schemas.js';
import { commentUrl } from './comments.js';
import { isMissingObject } from './do-delete.js';
import { graphTimeMs, postUrl } from './find-post.js';

/**
 * Reads a Page post (`GET /{post-id}?fields=…`, https://developers.facebook.com/docs/graph-api/reference/page-post#Reading),
 * or the Page's comment when the ref is one (its id has no Page id in front): text, time,
 * media count, and for a comment what it answers. A post that does not exist (code 100, subcode 33) is `null`.
 * @internal
 */
export async function doGetPost(post: PostRef, context: AdapterContext, apiVersion: string): Promise<FetchedPost | null> {
  const isPost = post.id.startsWith(`${context.account.id}_`);
  let response;
  try {
    response = await context.http.request({
      path: graphPath(apiVersion, post.id),
      searchParams: { fields: isPost ? 'id,message,created_time,permalink_url,attachments' : 'id,message,created_time,parent' },
      signal: context.signal,
    });
  } catch (error) {
    if (isMissingObject(error)) return null;
    throw error;
  }
  if (!isPost) {
    const comment = parseApiResponse(CommentSchema, response, 'facebook', 'GET /{comment-id}');
    return {
      ref: { id: comment.id, url: commentUrl(context.account.id, comment.id) },
      text: comment.message ?? '',
      createdAt: new Date(graphTimeMs(comment.created_time)).toISOString(),
      // A reply to a comment names its `parent`; a top-level comment answers the post its id starts with ({post}_{comment}).
      inReplyTo: { id: comment.parent?.id ?? `${context.account.id}_${comment.id.split('_')[0]}` },
    };
  }
  const found = parseApiResponse(PagePostSchema, response, 'facebook', 'GET /{post-id}');
  const attachment = found.attachments?.data[0];
  const mediaCount = attachment?.subattachments?.data.length ?? (attachment && attachment.type !== 'share' ? 1 : 0);
  return {
    ref: { id: found.id, url: found.permalink_url ?? postUrl(found.id) },
    text: found.message ?? '',
    createdAt: new Date(found.created_time ? graphTimeMs(found.created_time) : context.clock.now()).toISOString(),
    mediaCount,
  };
}
