import { z } from 'zod';
import { parseApiResponse, type AdapterContext, type ListMentionsInput } from '@smm/core/adapter-kit';
import type { Mention, MentionKind, Page } from '@smm/core/adapter-kit';
import { ListNotificationsOutputSchema, StrongRefSchema, type Notification } from './api-schemas.js';
import { postWebUrl, profileWebUrl } from './at-uri.js';
import { BLUESKY_CAPABILITIES } from './capabilities.js';
import { toInstant } from './read-posts.js';
import type { BlueskyAdapterSettings } from './settings.js';

// listNotifications takes 1–100 per page.
const MAX_PAGE = 100;
const DEFAULT_PAGE = 50;

// The post record inside a mention, reply or quote notification, read leniently.
const NotifiedPostSchema = z
  .object({
    text: z.string().default(''),
    createdAt: z.string().optional(),
    langs: z.array(z.string()).optional(),
    reply: z.object({ root: StrongRefSchema, parent: StrongRefSchema }).optional(),
    embed: z
      .object({ record: z.union([StrongRefSchema, z.object({ record: StrongRefSchema }).loose()]).optional() })
      .loose()
      .optional(),
  })
  .loose();

const isMentionKind = (reason: string): reason is MentionKind => (BLUESKY_CAPABILITIES.mentionKinds as readonly string[]).includes(reason);

/** The quoted post of a quote (`embed.record`, or `embed.record.record` with media). */
function quotedUri(record: z.infer<typeof NotifiedPostSchema>): string | undefined {
  const embedded = record.embed?.record;
  if (!embedded) return undefined;
  return 'uri' in embedded && typeof embedded.uri === 'string' ? embedded.uri : (embedded as { record: { uri: string } }).record.uri;
}

/** One mention, reply or quote notification as a `Mention`. @internal */
export function toMention(
  notification: Notification,
  kind: MentionKind,
  context: AdapterContext,
  settings: BlueskyAdapterSettings,
): Mention {
  const parsed = NotifiedPostSchema.safeParse(notification.record);
  // A record we cannot read still yields the mention (with empty text) rather than losing it.
  const post = parsed.success ? parsed.data : NotifiedPostSchema.parse({});
  const { author } = notification;
  const rkey = notification.uri.split('/').pop() ?? '';
  const subjectUri =
    notification.reasonSubject ?? (kind === 'quote' ? quotedUri(post) : kind === 'reply' ? post.reply?.parent.uri : undefined);
  const language = post.langs?.[0];
  return {
    id: notification.uri,
    platform: 'bluesky',
    accountId: context.account.id,
    kind,
    author: {
      id: author.did,
      handle: author.handle,
      ...(author.displayName ? { displayName: author.displayName } : {}),
      url: profileWebUrl(settings.webUrl, author.handle),
    },
    text: post.text,
    ...(language ? { language } : {}),
    createdAt: toInstant(post.createdAt, notification.indexedAt),
    url: postWebUrl(settings.webUrl, author.handle, rkey),
    conversationId: post.reply?.root.uri ?? notification.uri,
    ...(post.reply ? { inReplyToId: post.reply.parent.uri } : {}),
    ...(subjectUri ? { subject: { platform: 'bluesky', id: subjectUri, accountId: context.account.id } } : {}),
  };
}

/**
 * One page of `app.bsky.notification.listNotifications`, keeping the `mention`, `reply` and
 * `quote` notifications (likes, reposts and follows are not addressed to the brand in words).
 * The cursor is Bluesky's own, passed through; a page without notifications ends the list.
 * @internal
 */
export async function doListMentions(
  input: ListMentionsInput,
  context: AdapterContext,
  settings: BlueskyAdapterSettings,
): Promise<Page<Mention>> {
  const wanted = new Set<MentionKind>(input.kinds ?? BLUESKY_CAPABILITIES.mentionKinds);
  const limit = Math.max(1, Math.min(MAX_PAGE, Math.trunc(input.limit ?? DEFAULT_PAGE)));
  const response = await context.http.request({
    path: '/xrpc/app.bsky.notification.listNotifications',
    searchParams: { limit, ...(input.cursor ? { cursor: input.cursor } : {}) },
    signal: context.signal,
  });
  const page = parseApiResponse(ListNotificationsOutputSchema, response, 'bluesky', 'GET app.bsky.notification.listNotifications');
  const items: Mention[] = [];
  for (const notification of page.notifications) {
    if (isMentionKind(notification.reason) && wanted.has(notification.reason))
      items.push(toMention(notification, notification.reason, context, settings));
  }
  const ended = page.notifications.length === 0 || page.cursor === undefined || page.cursor === input.cursor;
  return { items, nextCursor: ended ? null : page.cursor! };
}
