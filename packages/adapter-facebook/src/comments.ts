import { parseApiResponse, ValidationError, type AdapterContext, type PublishInput } from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { z } from 'zod';
import { CommentSchema, CreatedSchema, type GraphComment } from './api-schemas.js';
import { graphTimeMs } from './find-post.js';
import { messageOf } from './post-body.js';

type Draft = PublishInput['draft'];

/** The public URL of a comment: its id is `{post}_{comment}`, the post's number first. @internal */
export function commentUrl(pageId: string, commentId: string): string {
  const [post, comment] = commentId.split('_');
  return comment ? `https://www.facebook.com/${pageId}/posts/${post}?comment_id=${comment}` : `https://www.facebook.com/${commentId}`;
}

/** The fields of a comment by the Page: its message and at most one photo by URL (`attachment_url`). @internal */
export function commentFields(draft: Draft): { message: string; attachment_url?: string } {
  const media = draft.media;
  if (media.length > 1 || (media[0] && (media[0].kind !== 'image' || media[0].source.type !== 'url'))) {
    throw new ValidationError('Facebook comment', [
      {
        path: ['media'],
        code: 'unsupported_media',
        message:
          'a Facebook comment carries at most one photo, given by URL (attachment_url): remove the others or host the photo at a public URL',
      },
    ]);
  }
  const photo = media[0]?.source.type === 'url' ? media[0].source.url : undefined;
  return { message: messageOf(draft, false), ...(photo ? { attachment_url: photo } : {}) };
}

/**
 * Comments on a post or replies to a comment as the Page (`POST /{object-id}/comments`,
 * https://developers.facebook.com/docs/graph-api/reference/object/comments#publish). @internal
 */
export async function publishComment(draft: Draft, context: AdapterContext, apiVersion: string) {
  const target = draft.replyTo!.id;
  const fields = commentFields(draft);
  const response = await context.http.request({
    method: 'POST',
    path: graphPath(apiVersion, `${target}/comments`),
    json: fields,
    signal: context.signal,
  });
  const created = parseApiResponse(CreatedSchema, response, 'facebook', 'POST /{object-id}/comments');
  return { parts: [{ id: created.id, url: commentUrl(context.account.id, created.id) }] };
}

const CommentPage = z.object({ data: z.array(CommentSchema) });

/**
 * Finds the Page's own comment made from `draft` under its target, newest first
 * (`GET /{object-id}/comments?order=reverse_chronological`), at or after `since`. @internal
 */
export async function findComment(
  draft: Draft,
  since: string | undefined,
  context: AdapterContext,
  apiVersion: string,
): Promise<GraphComment | undefined> {
  const message = commentFields(draft).message;
  const response = await context.http.request({
    path: graphPath(apiVersion, `${draft.replyTo!.id}/comments`),
    searchParams: { fields: 'id,message,created_time,from', order: 'reverse_chronological', filter: 'toplevel', limit: 100 },
    signal: context.signal,
  });
  const sinceMs = since === undefined ? undefined : Date.parse(since);
  return parseApiResponse(CommentPage, response, 'facebook', 'GET /{object-id}/comments').data.find(
    (comment) =>
      comment.from?.id === context.account.id &&
      (comment.message ?? '') === message &&
      (sinceMs === undefined || graphTimeMs(comment.created_time) >= sinceMs),
  );
}
