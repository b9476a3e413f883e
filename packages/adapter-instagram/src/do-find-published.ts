import type { AdapterContext, FindPublishedInput, PublishOutput } from '@smm/core/adapter-kit';
import { z } from 'zod';
import { COMMENT_FIELDS, CommentSchema, graphInstant } from './api-schemas.js';
import { findMedia, mediaOutput, type LookupConfig } from './find-media.js';
import { readObject } from './graph-call.js';
import { InstagramOptionsSchema } from './network-options.js';
import { replyTarget } from './reply-target.js';

const CommentsSchema = z.object({ data: z.array(CommentSchema) });

/**
 * Finds what a draft already became, so a retry after a lost answer never posts twice (Instagram
 * takes no idempotency key): a post or reel is the account's media with the draft's caption
 * published since `since`, a story the newest story since then; a reply is the account's comment
 * with the same text under the same media or comment. Without the draft nothing can be matched: `null`.
 * @internal
 */
export async function doFindPublished(
  input: FindPublishedInput,
  context: AdapterContext,
  config: LookupConfig,
): Promise<PublishOutput | null> {
  const draft = input.draft;
  if (!draft) return null;
  if (draft.replyTo) return findReply(draft.replyTo, draft.text, input.since, context, config);
  const options = InstagramOptionsSchema.safeParse(draft.networkOptions.instagram ?? {});
  const placement = options.success ? options.data.placement : 'feed';
  const media = await findMedia({ caption: draft.text, placement, since: input.since }, context, config);
  return media ? mediaOutput(media) : null;
}

async function findReply(
  replyTo: NonNullable<FindPublishedInput['draft']>['replyTo'] & object,
  text: string,
  since: string | undefined,
  context: AdapterContext,
  config: LookupConfig,
): Promise<PublishOutput | null> {
  const target = await replyTarget(replyTo, context, config);
  const edge = target.node === 'media' ? 'comments' : 'replies';
  const page = await readObject(
    context,
    config,
    `${encodeURIComponent(target.id)}/${edge}`,
    { fields: COMMENT_FIELDS, limit: '50' },
    CommentsSchema,
    `GET /{ig-${target.node}-id}/${edge}`,
  );
  const sinceMs = since === undefined ? undefined : Date.parse(since) - 60_000;
  const found = page.data.findLast(
    (comment) =>
      comment.text === text &&
      (comment.from?.id === context.account.id || comment.username === context.account.handle) &&
      (sinceMs === undefined || Date.parse(graphInstant(comment.timestamp) ?? '') >= sinceMs),
  );
  return found ? { parts: [{ id: found.id, extra: { node: 'comment' } }] } : null;
}
