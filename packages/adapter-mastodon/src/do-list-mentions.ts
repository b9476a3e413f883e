import { parseApiResponse, type AdapterContext, type ListMentionsInput } from '@smm/core/adapter-kit';
import type { Mention, MentionKind, Page } from '@smm/core/adapter-kit';
import { z } from 'zod';
import { NotificationSchema, type MastodonNotification } from './api-schemas.js';
import { nextMaxId } from './scheduled-statuses.js';
import { statusText } from './status-text.js';

/** Mastodon's largest notifications page. */
const MAX_PAGE = 80;
const DEFAULT_PAGE = 40;

/**
 * The mention kind of a notification, or undefined when it is not one: `mention` notifications
 * are direct messages when the status is `direct`, replies when the status answers one of the
 * account's statuses, mentions otherwise; `quote` (Mastodon 4.5+) is a quote. Favourites,
 * reblogs, follows, polls and `status` (a followed account posted) address no one. @internal
 */
export function mentionKindOf(notification: MastodonNotification, accountId: string): MentionKind | undefined {
  const status = notification.status;
  if (!status) return undefined;
  if (notification.type === 'quote') return 'quote';
  if (notification.type !== 'mention') return undefined;
  if (status.visibility === 'direct') return 'direct_message';
  if (status.in_reply_to_id && (status.in_reply_to_account_id ?? accountId) === accountId) return 'reply';
  return 'mention';
}

function toMention(notification: MastodonNotification, kind: MentionKind): Omit<Mention, 'platform' | 'accountId'> {
  const status = notification.status!;
  const author = notification.account;
  const url = status.url ?? undefined;
  // The account's post it is about: the one replied to, or the one quoted.
  const quotedId = status.quote?.quoted_status?.id ?? status.quote?.quoted_status_id ?? undefined;
  const subjectId = kind === 'reply' ? (status.in_reply_to_id ?? undefined) : kind === 'quote' ? quotedId : undefined;
  return {
    // The status, not the notification: replies, likes and lookups address the status.
    id: status.id,
    kind,
    author: {
      id: author.id,
      handle: author.acct,
      ...(author.display_name ? { displayName: author.display_name } : {}),
      ...(author.followers_count === undefined ? {} : { followers: author.followers_count }),
      ...(author.url && /^https?:/.test(author.url) ? { url: author.url } : {}),
    },
    text: statusText(status.content),
    createdAt: new Date(status.created_at).toISOString(),
    ...(url && /^https?:/.test(url) ? { url } : {}),
    ...(status.language ? { language: status.language } : {}),
    ...(status.in_reply_to_id ? { inReplyToId: status.in_reply_to_id } : {}),
    ...(subjectId === undefined ? {} : { subject: { platform: 'mastodon', id: subjectId } }),
  };
}

/**
 * One page of mentions from `GET /api/v1/notifications` (`types[]=mention`, plus `quote` when
 * quotes are asked for), newest first; `limit` is clamped to 1–80. The cursor is the `max_id`
 * of the `Link` header's `rel="next"` URL, and null when there is no next page. Only the kinds
 * asked for come back, so a page may be empty while the cursor goes on. @internal
 */
export async function doListMentions(input: ListMentionsInput, context: AdapterContext): Promise<Page<Mention>> {
  const kinds = input.kinds ?? ['mention', 'reply', 'quote', 'direct_message'];
  const types = [
    ...(kinds.some((kind) => kind === 'mention' || kind === 'reply' || kind === 'direct_message') ? ['mention'] : []),
    ...(kinds.includes('quote') ? ['quote'] : []),
  ];
  const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(input.limit ?? DEFAULT_PAGE)));
  const response = await context.http.request({
    path: '/api/v1/notifications',
    searchParams: { 'types[]': types, limit, ...(input.cursor ? { max_id: input.cursor } : {}) },
    signal: context.signal,
  });
  const notifications = parseApiResponse(z.array(NotificationSchema), response, 'mastodon', 'GET /api/v1/notifications');
  const items: Mention[] = [];
  for (const notification of notifications) {
    const kind = mentionKindOf(notification, context.account.id);
    if (kind === undefined || !kinds.includes(kind)) continue;
    items.push({ ...toMention(notification, kind), platform: 'mastodon', accountId: context.account.id });
  }
  return { items, nextCursor: notifications.length === 0 ? null : nextMaxId(response.headers.get('link')) };
}
