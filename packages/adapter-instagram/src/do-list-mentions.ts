import { ValidationError, type AdapterContext, type ListMentionsInput, type Mention, type Page } from '@smm/core/adapter-kit';
import { z } from 'zod';
import { COMMENT_FIELDS, CommentSchema, graphInstant, MediaSchema, type InstagramComment, type InstagramMedia } from './api-schemas.js';
import { readObject, type InstagramCallConfig } from './graph-call.js';

/** Settings `doListMentions` reads. @internal */
export interface MentionsConfig extends InstagramCallConfig {
  mentionMediaDepth: number;
}

// Where the listing is: the tags edge (`t`), or the comments of the account's `i`-th newest media (`c`).
const CursorSchema = z.union([
  z.object({ p: z.literal('t'), a: z.string().optional() }),
  z.object({ p: z.literal('c'), i: z.number().int().min(0), a: z.string().optional() }),
]);
type Cursor = z.infer<typeof CursorSchema>;

const encode = (cursor: Cursor) => btoa(JSON.stringify(cursor)).replace(/=+$/, '');
function decode(cursor: string): Cursor {
  try {
    return CursorSchema.parse(JSON.parse(atob(cursor)));
  } catch {
    throw new ValidationError('listMentions', [
      {
        path: ['cursor'],
        code: 'invalid_cursor',
        message: 'is not a cursor the Instagram adapter returned: pass the nextCursor of the previous page, or null',
      },
    ]);
  }
}

const PagingSchema = z.object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional();
const TagsSchema = z.object({ data: z.array(MediaSchema), paging: PagingSchema });
const CommentsSchema = z.object({ data: z.array(CommentSchema), paging: PagingSchema });
const IdsSchema = z.object({ data: z.array(z.object({ id: z.string() })) });

/**
 * Mentions of an Instagram account, page by page: media it is tagged in (`mention`,
 * `GET /<IG_ID>/tags`, https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/tags),
 * then comments from others on its `mentionMediaDepth` newest media (`reply`,
 * `GET /<IG_MEDIA_ID>/comments`, https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments).
 * Graph cursors (`after`) inside one opaque cursor; reply to a comment with `client.reply`.
 * @internal
 */
export async function doListMentions(input: ListMentionsInput, context: AdapterContext, config: MentionsConfig): Promise<Page<Mention>> {
  const limit = String(Math.min(50, Math.max(1, input.limit ?? 25)));
  const kinds = input.kinds ?? ['mention', 'reply'];
  let cursor: Cursor = input.cursor ? decode(input.cursor) : kinds.includes('mention') ? { p: 't' } : { p: 'c', i: 0 };
  if (cursor.p === 't') {
    const page = await readObject(
      context,
      config,
      `${context.account.id}/tags`,
      { fields: 'id,caption,username,timestamp,permalink', limit, ...(cursor.a ? { after: cursor.a } : {}) },
      TagsSchema,
      'GET /{ig-user-id}/tags',
    );
    const after = page.paging?.next ? page.paging.cursors?.after : undefined;
    const next: Cursor | undefined = after ? { p: 't', a: after } : kinds.includes('reply') ? { p: 'c', i: 0 } : undefined;
    return { items: page.data.map((media) => tagMention(media, context)), nextCursor: next ? encode(next) : null };
  }
  const media = await readObject(
    context,
    config,
    `${context.account.id}/media`,
    { fields: 'id', limit: String(config.mentionMediaDepth) },
    IdsSchema,
    'GET /{ig-user-id}/media',
  );
  const subject = media.data[cursor.i];
  if (!subject) return { items: [], nextCursor: null };
  const page = await readObject(
    context,
    config,
    `${encodeURIComponent(subject.id)}/comments`,
    { fields: COMMENT_FIELDS, limit, ...(cursor.a ? { after: cursor.a } : {}) },
    CommentsSchema,
    'GET /{ig-media-id}/comments',
  );
  const after = page.paging?.next ? page.paging.cursors?.after : undefined;
  const next: Cursor | undefined = after
    ? { p: 'c', i: cursor.i, a: after }
    : cursor.i + 1 < media.data.length
      ? { p: 'c', i: cursor.i + 1 }
      : undefined;
  const others = page.data.filter((comment) => comment.from?.id !== context.account.id && comment.username !== context.account.handle);
  return { items: others.map((comment) => commentMention(comment, subject.id, context)), nextCursor: next ? encode(next) : null };
}

function tagMention(media: InstagramMedia, context: AdapterContext): Mention {
  const handle = media.username ?? 'unknown';
  return {
    id: media.id,
    platform: 'instagram',
    accountId: context.account.id,
    kind: 'mention',
    author: { id: handle, handle, url: `https://www.instagram.com/${handle}/` },
    text: media.caption ?? '',
    createdAt: graphInstant(media.timestamp) ?? new Date(context.clock.now()).toISOString(),
    ...(media.permalink ? { url: media.permalink } : {}),
  };
}

function commentMention(comment: InstagramComment, mediaId: string, context: AdapterContext): Mention {
  const handle = comment.from?.username ?? comment.username ?? 'unknown';
  return {
    id: comment.id,
    platform: 'instagram',
    accountId: context.account.id,
    kind: 'reply',
    author: { id: comment.from?.id ?? handle, handle, url: `https://www.instagram.com/${handle}/` },
    text: comment.text ?? '',
    createdAt: graphInstant(comment.timestamp) ?? new Date(context.clock.now()).toISOString(),
    conversationId: mediaId,
    inReplyToId: mediaId,
    subject: { platform: 'instagram', id: mediaId },
  };
}
