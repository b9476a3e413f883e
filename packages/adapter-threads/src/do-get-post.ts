import { ApiCallError, parseApiResponse, type AdapterContext, type FetchedPost, type PostRef } from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { MEDIA_FIELDS, ThreadsMediaSchema } from './api-schemas.js';

/**
 * Reads a post back with `GET /{threads-media-id}?fields=…`
 * (https://developers.facebook.com/documentation/threads/retrieve-and-discover-posts/retrieve-posts,
 * "Retrieve a single Threads media object"). A deleted or unknown post (Graph answers code 100,
 * HTTP 400, or 404) is `null`.
 * @internal
 */
export async function doGetPost(post: PostRef, context: AdapterContext, apiVersion: string): Promise<FetchedPost | null> {
  try {
    const response = await context.http.request({
      path: graphPath(apiVersion, encodeURIComponent(post.id)),
      searchParams: { fields: MEDIA_FIELDS },
      signal: context.signal,
    });
    const media = parseApiResponse(ThreadsMediaSchema, response, 'threads', 'GET /{threads-media-id}');
    return {
      ref: { id: media.id, ...(media.permalink ? { url: media.permalink } : {}) },
      text: media.text ?? '',
      createdAt: new Date(media.timestamp ?? Date.now()).toISOString(),
      ...(media.replied_to ? { inReplyTo: { id: media.replied_to.id } } : {}),
      mediaCount: media.children?.data.length ?? (media.media_type === 'IMAGE' || media.media_type === 'VIDEO' ? 1 : 0),
    };
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/**
 * Whether Graph said the object does not exist: HTTP 404, or code 100 ("Unsupported get request.
 * Object with ID … does not exist") with subcode 33
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling). @internal
 */
export function isMissing(error: unknown): boolean {
  if (!ApiCallError.isInstance(error)) return false;
  return error.status === 404 || (error.status === 400 && String(error.platformCode) === '100');
}
