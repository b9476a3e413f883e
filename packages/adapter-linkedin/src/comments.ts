import { parseApiResponse, type AdapterContext, type PublishOutput } from '@smm/core/adapter-kit';
import { CommentSchema, CommentsPageSchema } from './api-schemas.js';
import { LINKEDIN_BUCKETS } from './rate-limits.js';
import { restGet } from './rest-request.js';
import { encodeUrn, isCommentUrn, postUrl } from './urns.js';

// Comments API: https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api

/** A comment as listed. @internal */
export type LinkedInComment = ReturnType<typeof CommentSchema.parse>;

/** The post a comment URN `urn:li:comment:({post},{id})` belongs to, and its id. @internal */
export function splitCommentUrn(urn: string): { object: string; id: string } | undefined {
  const match = /^urn:li:comment:\((.+),([^,()]+)\)$/.exec(urn);
  return match ? { object: match[1]!, id: match[2]! } : undefined;
}

/** A comment's URN: `commentUrn`/`$URN` when given, else built from its object and id. @internal */
export function commentUrnOf(comment: LinkedInComment, object: string): string {
  return comment.commentUrn ?? comment.$URN ?? `urn:li:comment:(${comment.object ?? object},${comment.id})`;
}

/** One page of comments on a post or (nested) on a comment: `GET /rest/socialActions/{urn}/comments`. @internal */
export function listComments(context: AdapterContext, target: string, start: number, count: number) {
  return restGet(context, CommentsPageSchema, 'GET /rest/socialActions/{urn}/comments', {
    path: `/rest/socialActions/${encodeUrn(target)}/comments`,
    searchParams: { start, count: Math.min(100, count) },
  });
}

/**
 * Comments as `actor` on a post, or replies to a comment (`parentComment`, posted under the
 * comment's own URN): `POST /rest/socialActions/{urn}/comments` with `actor`, `object` (the
 * post) and `message.text` (plain text: comments take no little-text markup). @internal
 */
export async function createComment(context: AdapterContext, actor: string, target: string, text: string): Promise<PublishOutput> {
  const parent = isCommentUrn(target) ? splitCommentUrn(target) : undefined;
  const object = parent?.object ?? target;
  const response = await context.http.request({
    method: 'POST',
    path: `/rest/socialActions/${encodeUrn(target)}/comments`,
    json: { actor, object, message: { text }, ...(parent ? { parentComment: target } : {}) },
    bucket: LINKEDIN_BUCKETS.write,
    signal: context.signal,
  });
  const comment = parseApiResponse(CommentSchema, response, 'linkedin', 'POST /rest/socialActions/{urn}/comments');
  const urn = response.headers.get('x-restli-id')?.startsWith('urn:li:comment:')
    ? response.headers.get('x-restli-id')!
    : commentUrnOf(comment, object);
  return { parts: [{ id: urn, url: postUrl(object) }], publishedAt: new Date(comment.created.time).toISOString() };
}

/**
 * The comment `actor` made on `target` with this text at or after `sinceMs`, among the latest
 * 100, or null (a reply whose answer was lost). @internal
 */
export async function findComment(
  context: AdapterContext,
  actor: string,
  target: string,
  text: string,
  sinceMs: number | undefined,
): Promise<PublishOutput | null> {
  const parent = isCommentUrn(target) ? splitCommentUrn(target) : undefined;
  const object = parent?.object ?? target;
  const page = await listComments(context, target, 0, 100);
  const found = page.elements.find(
    (comment) =>
      comment.actor === actor &&
      comment.message.text === text &&
      (parent === undefined || comment.parentComment === target) &&
      (sinceMs === undefined || comment.created.time >= sinceMs - 60_000),
  );
  if (!found) return null;
  return { parts: [{ id: commentUrnOf(found, object), url: postUrl(object) }], publishedAt: new Date(found.created.time).toISOString() };
}
