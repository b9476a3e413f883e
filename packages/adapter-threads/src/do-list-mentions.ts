import {
  parseApiResponse,
  ValidationError,
  type AdapterContext,
  type ListMentionsInput,
  type Mention,
  type Page,
} from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { z } from 'zod';
import { ThreadsMediaSchema, type ThreadsMedia } from './api-schemas.js';

/** Settings `doListMentions` reads. @internal */
export interface MentionsConfig {
  apiVersion: string;
  mentionPostDepth: number;
}

/** Fields of a mention or reply: the post, who wrote it, what it answers, and whether the account wrote it. */
const MENTION_FIELDS = 'id,text,timestamp,permalink,username,is_reply,replied_to,root_post,is_reply_owned_by_me';
/** Threads' page size cap for list edges (Graph's usual 100). */
const MAX_LIMIT = 100;

const PageSchema = z.object({
  data: z.array(ThreadsMediaSchema.extend({ is_reply_owned_by_me: z.boolean().optional() })),
  paging: z.object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
});
const IdsSchema = z.object({ data: z.array(z.object({ id: z.string() })) });

// Where the listing is: the mentions edge (`m`), or the conversation of the account's `i`-th newest post (`c`); `a` is Graph's cursor.
const CursorSchema = z.union([
  z.object({ p: z.literal('m'), a: z.string().optional() }).strict(),
  z.object({ p: z.literal('c'), i: z.number().int().min(0), a: z.string().optional() }).strict(),
]);
type Cursor = z.infer<typeof CursorSchema>;

// base64url with the web's btoa/atob (no Node Buffer: the adapter runs wherever fetch does); Graph's cursors are ASCII.
const encode = (cursor: Cursor) => btoa(JSON.stringify(cursor)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
function decode(cursor: string): Cursor {
  try {
    return CursorSchema.parse(JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))));
  } catch {
    throw new ValidationError('listMentions', [
      {
        path: ['cursor'],
        code: 'invalid_cursor',
        message: 'is not a cursor the Threads adapter returned: pass the nextCursor of the previous page, or null',
      },
    ]);
  }
}

function toMention(media: ThreadsMedia, accountId: string): Mention {
  const handle = media.username ?? 'unknown';
  return {
    id: media.id,
    platform: 'threads',
    accountId,
    kind: media.is_reply ? 'reply' : 'mention',
    // The mentions and conversation edges name the author by username only; it is the author's stable handle.
    author: { id: handle, handle, url: `https://www.threads.net/@${handle}` },
    text: media.text ?? '',
    createdAt: new Date(media.timestamp ?? 0).toISOString(),
    ...(media.permalink ? { url: media.permalink } : {}),
    ...(media.root_post ? { conversationId: media.root_post.id } : {}),
    ...(media.replied_to ? { inReplyToId: media.replied_to.id, subject: { platform: 'threads', accountId, id: media.replied_to.id } } : {}),
  };
}

const newestFirst = (a: Mention, b: Mention) => b.createdAt.localeCompare(a.createdAt);

/**
 * The account's inbox, page by page: first public posts that tag the profile (`GET /{threads-user-id}/mentions`,
 * https://developers.facebook.com/documentation/threads/threads-mentions; `threads_manage_mentions`), then every
 * reply by others, at any depth, under the account's `mentionPostDepth` newest posts (`GET /{threads-user-id}/threads`
 * then `GET /{threads-media-id}/conversation`,
 * https://developers.facebook.com/documentation/threads/retrieve-and-manage-replies/replies-and-conversations).
 * A tagging reply under one of those posts is left out of the mentions pages, so it is listed once, with the conversation.
 * Graph's `after` cursors travel inside one opaque cursor; each page is newest first.
 * @internal
 */
export async function doListMentions(input: ListMentionsInput, context: AdapterContext, config: MentionsConfig): Promise<Page<Mention>> {
  const kinds = input.kinds ?? ['mention', 'reply'];
  let cursor: Cursor | undefined = input.cursor ? decode(input.cursor) : kinds.includes('mention') ? { p: 'm' } : { p: 'c', i: 0 };
  // A source can yield nothing for this page (all filtered, or a post without replies): go on to the next one
  // rather than hand back an empty page; at most one read per source and post.
  for (;;) {
    const page = await readSource(cursor, input, context, config);
    cursor = page.next;
    if (page.items.length > 0 || !cursor) return { items: page.items, nextCursor: cursor ? encode(cursor) : null };
  }
}

async function readSource(
  cursor: Cursor,
  input: ListMentionsInput,
  context: AdapterContext,
  config: MentionsConfig,
): Promise<{ items: Mention[]; next: Cursor | undefined }> {
  const limit = Math.min(Math.max(1, input.limit ?? 25), MAX_LIMIT);
  const kinds = input.kinds ?? ['mention', 'reply'];
  const wantsReplies = kinds.includes('reply');
  const read = async (path: string, what: string, after?: string) => {
    const response = await context.http.request({
      path: graphPath(config.apiVersion, path),
      searchParams: { fields: MENTION_FIELDS, limit, ...(after ? { after } : {}) },
      signal: context.signal,
    });
    const page = parseApiResponse(PageSchema, response, 'threads', what);
    // Graph gives `next` only while there is another page; the cursor alone does not say so.
    return { data: page.data, after: page.paging?.next ? page.paging.cursors?.after : undefined };
  };
  const recentPosts = async () => {
    const response = await context.http.request({
      path: graphPath(config.apiVersion, `${context.account.id}/threads`),
      searchParams: { fields: 'id', limit: config.mentionPostDepth },
      signal: context.signal,
    });
    return parseApiResponse(IdsSchema, response, 'threads', 'GET /{threads-user-id}/threads').data.map((post) => post.id);
  };

  if (cursor.p === 'm') {
    const page = await read(`${context.account.id}/mentions`, 'GET /{threads-user-id}/mentions', cursor.a);
    const covered = wantsReplies && config.mentionPostDepth > 0 ? new Set(await recentPosts()) : new Set<string>();
    const items = page.data
      .filter((media) => !(media.root_post && covered.has(media.root_post.id)) && !(media.replied_to && covered.has(media.replied_to.id)))
      .map((media) => toMention(media, context.account.id))
      .filter((item) => kinds.includes(item.kind));
    const next: Cursor | undefined = page.after ? { p: 'm', a: page.after } : covered.size > 0 ? { p: 'c', i: 0 } : undefined;
    return { items: items.sort(newestFirst), next };
  }
  const posts = config.mentionPostDepth > 0 ? await recentPosts() : [];
  const subject = posts[cursor.i];
  if (!subject) return { items: [], next: undefined };
  const page = await read(`${encodeURIComponent(subject)}/conversation`, 'GET /{threads-media-id}/conversation', cursor.a);
  const next: Cursor | undefined = page.after
    ? { p: 'c', i: cursor.i, a: page.after }
    : cursor.i + 1 < posts.length
      ? { p: 'c', i: cursor.i + 1 }
      : undefined;
  const items = page.data
    .filter((media) => media.is_reply_owned_by_me !== true && media.username !== context.account.handle)
    // Everything under the account's post answers it; a reply Graph does not flag still is one.
    .map((media) => ({ ...toMention({ ...media, is_reply: true, root_post: media.root_post ?? { id: subject } }, context.account.id) }))
    .map((item) =>
      item.inReplyToId
        ? item
        : { ...item, inReplyToId: subject, subject: { platform: 'threads', accountId: context.account.id, id: subject } },
    );
  return { items: items.sort(newestFirst), next };
}
