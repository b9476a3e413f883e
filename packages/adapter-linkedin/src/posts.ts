import { ApiCallError, type AdapterContext, type PublishOutput } from '@smm/core/adapter-kit';
import { PostsPageSchema } from './api-schemas.js';
import { fromLittleText } from './little-text.js';
import type { PostBody } from './post-body.js';
import { LINKEDIN_BUCKETS } from './rate-limits.js';
import { restGet } from './rest-request.js';
import { postUrl } from './urns.js';

/**
 * `POST /rest/posts`: LinkedIn answers 201 with the new post's URN in the `x-restli-id` header
 * (`urn:li:share:…` or `urn:li:ugcPost:…`) and no body. Not retried by the client (no key):
 * core looks the post up (`doFindPublished`) before publishing again.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api
 * @internal
 */
export async function createPost(body: PostBody, context: AdapterContext): Promise<PublishOutput> {
  const response = await context.http.request({
    method: 'POST',
    path: '/rest/posts',
    json: body,
    bucket: LINKEDIN_BUCKETS.write,
    responseType: 'none',
    signal: context.signal,
  });
  const urn = response.headers.get('x-restli-id');
  if (!urn) {
    throw new ApiCallError('LinkedIn created the post but sent no x-restli-id header naming it: look for it with client.findPublished', {
      platform: 'linkedin',
      status: response.status,
      isRetryable: false,
    });
  }
  return { parts: [{ id: urn, url: postUrl(urn) }], publishedAt: new Date(context.clock.now()).toISOString() };
}

/** A post of the author, as the finder lists it. @internal */
export type ListedPost = ReturnType<typeof PostsPageSchema.parse>['elements'][number];

/**
 * One page of the author's posts, newest first: `GET /rest/posts?q=author&author={urn}` with
 * Rest.li paging (`start`, `count`, at most 100). @internal
 */
export async function listAuthorPosts(context: AdapterContext, author: string, start: number, count: number) {
  return restGet(context, PostsPageSchema, 'GET /rest/posts?q=author', {
    path: '/rest/posts',
    searchParams: { q: 'author', author, start, count: Math.min(100, count), sortBy: 'CREATED' },
    headers: { 'x-restli-method': 'FINDER' },
  });
}

/**
 * The author's post made from this commentary at or after `sinceMs` (a minute of clock skew
 * allowed), among its latest 100, or null: how a publish whose answer was lost is found again.
 * A post matches when its commentary is the one sent, or reads back as the same text. @internal
 */
export async function findPostByCommentary(
  context: AdapterContext,
  author: string,
  commentary: string,
  sinceMs: number | undefined,
): Promise<PublishOutput | null> {
  const page = await listAuthorPosts(context, author, 0, 100);
  const text = fromLittleText(commentary);
  const found = page.elements.find(
    (post) =>
      (post.commentary === commentary || fromLittleText(post.commentary) === text) &&
      (sinceMs === undefined || (post.createdAt ?? post.publishedAt ?? Infinity) >= sinceMs - 60_000),
  );
  if (!found) return null;
  const at = found.publishedAt ?? found.createdAt;
  return { parts: [{ id: found.id, url: postUrl(found.id) }], ...(at === undefined ? {} : { publishedAt: new Date(at).toISOString() }) };
}
