import type { AdapterContext, PublishOutput } from '@smm/core/adapter-kit';
import { z } from 'zod';
import { COMMENT_FIELDS, CommentSchema } from './api-schemas.js';
import { createObject, readObject, type InstagramCallConfig } from './graph-call.js';

const CommentsSchema = z.object({ data: z.array(CommentSchema) });

/**
 * Adds the first comment under new media, once: it first looks among the media's comments
 * (`GET /<IG_MEDIA_ID>/comments`) for one by the account with the same text — a resumed or
 * repeated poll never comments twice — then `POST /<IG_MEDIA_ID>/comments?message=…`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments).
 * The post is live whatever happens here: a failure becomes a `first_comment_failed` warning.
 * @internal
 */
export async function withFirstComment(
  output: PublishOutput,
  text: string | undefined,
  context: AdapterContext,
  config: InstagramCallConfig,
): Promise<PublishOutput> {
  if (text === undefined || text === '') return output;
  const mediaId = output.parts[0]!.id;
  try {
    const existing = await readObject(
      context,
      config,
      `${encodeURIComponent(mediaId)}/comments`,
      { fields: COMMENT_FIELDS, limit: '50' },
      CommentsSchema,
      'GET /{ig-media-id}/comments',
    );
    const own = (comment: z.infer<typeof CommentSchema>) =>
      comment.from?.id === context.account.id || comment.username === context.account.handle;
    if (!existing.data.some((comment) => own(comment) && comment.text === text)) {
      await createObject(context, config, `${encodeURIComponent(mediaId)}/comments`, { message: text }, 'POST /{ig-media-id}/comments');
    }
    return output;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ...output,
      warnings: [
        ...(output.warnings ?? []),
        { code: 'first_comment_failed', message: `the post is live but its first comment was not added: ${reason}` },
      ],
    };
  }
}
