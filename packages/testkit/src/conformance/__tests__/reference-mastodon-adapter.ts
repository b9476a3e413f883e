// A small, complete adapter for the Mastodon simulator: it proves the conformance suite passes
// for a correct adapter, and the broken variants below prove it fails, with a clear message,
// for incorrect ones. Not the shipped @smm/adapter-mastodon.
import { z } from 'zod';
import { defineAdapter, parseApiResponse, type AdapterContext, type AdapterDefinition, type PublishOutput } from '@smm/core/adapter-kit';
import { ApiCallError } from '@smm/core/errors';
import { parseIsoResetHeaders } from '@smm/core/http';
import type { MediaRef, Mention, MetricValue, PostDraft } from '@smm/core/model';

const StatusSchema = z.object({
  id: z.string(),
  created_at: z.string(),
  content: z.string(),
  in_reply_to_id: z.string().nullable(),
  url: z.string().nullable().optional(),
  media_attachments: z.array(z.object({ id: z.string() })),
  replies_count: z.number(),
  reblogs_count: z.number(),
  favourites_count: z.number(),
  quotes_count: z.number().optional(),
});
const AttachmentSchema = z.object({ id: z.string(), url: z.string().nullable() });
const NotificationSchema = z.object({
  id: z.string(),
  type: z.string(),
  created_at: z.string(),
  account: z.object({
    id: z.string(),
    acct: z.string(),
    display_name: z.string(),
    followers_count: z.number().optional(),
    url: z.string().optional(),
  }),
  status: z
    .object({
      id: z.string(),
      content: z.string(),
      in_reply_to_id: z.string().nullable(),
      url: z.string().nullable().optional(),
      language: z.string().nullable().optional(),
    })
    .optional(),
});
const AccountSchema = z.object({ followers_count: z.number(), following_count: z.number(), statuses_count: z.number() });

const text = (html: string) =>
  html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const VISIBILITY = { public: 'public', unlisted: 'unlisted', followers: 'private', direct: 'direct' } as const;

export interface ReferenceOptions {
  baseUrl: string;
  /** Broken on purpose: reports metrics the network did not send as 0. */
  zeroForMissingMetrics?: boolean;
  /** Broken on purpose: never sends the idempotency key, so a retry posts twice. */
  ignoreIdempotencyKey?: boolean;
}

async function upload(item: MediaRef, context: AdapterContext): Promise<string> {
  if (item.source.type !== 'bytes') throw new Error('the reference adapter uploads only bytes');
  const bytes = Uint8Array.from(atob(item.source.base64), (char) => char.charCodeAt(0));
  const form = new FormData();
  form.set('file', new Blob([bytes], { type: item.mimeType }), 'upload');
  if (item.altText) form.set('description', item.altText);
  const response = await context.http.request({
    method: 'POST',
    path: '/api/v2/media',
    body: form,
    bucket: 'media',
    signal: context.signal,
  });
  let attachment = parseApiResponse(AttachmentSchema, response, 'mastodon', 'POST /api/v2/media');
  // 202: still processing; poll until it has a URL.
  while (attachment.url === null) {
    await context.clock.sleep(1_000, context.signal);
    const polled = await context.http.request({ path: `/api/v1/media/${attachment.id}`, signal: context.signal });
    attachment = parseApiResponse(AttachmentSchema, polled, 'mastodon', 'GET /api/v1/media/:id');
  }
  return attachment.id;
}

export function createReferenceMastodonAdapter(options: ReferenceOptions) {
  const definition: AdapterDefinition<{ spoilerText?: string }, { accessToken: string }> = {
    platform: 'mastodon',
    displayName: 'Mastodon',
    capabilities: {
      content: {
        text: { id: 'mastodon', method: 'graphemes', maxLength: 500, urlLength: 23 },
        media: { maxItems: 4, kinds: ['image', 'video', 'gif', 'audio'] },
        threads: true,
      },
      visibilities: ['public', 'unlisted', 'followers', 'direct'],
      replies: true,
      delete: true,
      edit: false,
      polls: true,
      firstComment: false,
      nativeScheduling: true,
      directMessages: false,
      mentionKinds: ['mention', 'reply'],
      postMetrics: ['likes', 'shares', 'comments', 'quotes'],
      accountMetrics: ['followers', 'following', 'posts'],
      idempotency: { strategy: 'native-key', header: 'Idempotency-Key' },
    },
    http: {
      baseUrl: options.baseUrl,
      parseRateLimit: parseIsoResetHeaders,
      idempotencyKeyHeader: 'Idempotency-Key',
      mapError: ({ status, body }) => {
        const message =
          typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string'
            ? (body as { error: string }).error
            : undefined;
        return {
          ...(message ? { message } : {}),
          ...(status === 401 ? { auth: { refreshable: false } } : {}),
          ...(status === 422 ? { notActedOn: true } : {}),
        };
      },
    },
    credentials: {
      schema: z.object({ accessToken: z.string().min(1) }),
      createProvider: ({ credentials }) => ({
        getHeaders: () => ({ authorization: `Bearer ${credentials.accessToken}` }),
        secrets: () => [credentials.accessToken],
      }),
    },
    networkOptionsSchema: z.object({ spoilerText: z.string().max(500).optional() }),
    async doPublish({ draft, networkOptions, poll, scheduledAt }, context) {
      const parts: Array<{ text: string; media: PostDraft['media'] }> = [{ text: draft.text, media: draft.media }, ...draft.thread];
      const refs: PublishOutput['parts'] = [];
      let replyTo = draft.replyTo?.id;
      for (const [index, part] of parts.entries()) {
        const mediaIds: string[] = [];
        for (const item of part.media) mediaIds.push(await upload(item, context));
        const key =
          context.idempotencyKey === undefined || options.ignoreIdempotencyKey
            ? undefined
            : index === 0
              ? context.idempotencyKey
              : `${context.idempotencyKey}:${index}`;
        const response = await context.http.request({
          method: 'POST',
          path: '/api/v1/statuses',
          json: {
            status: part.text,
            ...(mediaIds.length ? { media_ids: mediaIds } : {}),
            visibility: VISIBILITY[draft.visibility],
            ...(draft.language ? { language: draft.language } : {}),
            ...(replyTo ? { in_reply_to_id: replyTo } : {}),
            ...(networkOptions?.spoilerText ? { spoiler_text: networkOptions.spoilerText } : {}),
            ...(index === 0 && poll ? { poll: { options: poll.options, expires_in: Math.round(poll.durationMs / 1000) } } : {}),
            ...(index === 0 && scheduledAt ? { scheduled_at: scheduledAt } : {}),
          },
          ...(key ? { idempotencyKey: key } : {}),
          signal: context.signal,
        });
        const status = parseApiResponse(
          z.object({ id: z.string(), url: z.string().nullable().optional() }),
          response,
          'mastodon',
          'POST /api/v1/statuses',
        );
        refs.push({ id: status.id, ...(status.url ? { url: status.url } : {}) });
        replyTo = status.id;
      }
      return { parts: refs };
    },
    async doDelete({ post }, context) {
      try {
        await context.http.request({ method: 'DELETE', path: `/api/v1/statuses/${post.id}`, signal: context.signal });
      } catch (error) {
        if (!(ApiCallError.isInstance(error) && error.status === 404)) throw error;
      }
    },
    async doGetPost({ post }, context) {
      try {
        const response = await context.http.request({ path: `/api/v1/statuses/${post.id}`, signal: context.signal });
        const status = parseApiResponse(StatusSchema, response, 'mastodon', 'GET /api/v1/statuses/:id');
        return {
          ref: { id: status.id, ...(status.url ? { url: status.url } : {}) },
          text: text(status.content),
          createdAt: new Date(status.created_at).toISOString(),
          ...(status.in_reply_to_id ? { inReplyTo: { id: status.in_reply_to_id } } : {}),
          mediaCount: status.media_attachments.length,
        };
      } catch (error) {
        if (ApiCallError.isInstance(error) && error.status === 404) return null;
        throw error;
      }
    },
    async doListMentions({ cursor, limit }, context) {
      const response = await context.http.request({
        path: '/api/v1/notifications',
        searchParams: { 'types[]': ['mention'], limit: Math.min(80, limit ?? 40), ...(cursor ? { max_id: cursor } : {}) },
        signal: context.signal,
      });
      const notifications = parseApiResponse(z.array(NotificationSchema), response, 'mastodon', 'GET /api/v1/notifications');
      const next = /<[^>]*[?&]max_id=([^&>]+)[^>]*>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
      const items: Mention[] = notifications
        .filter((notification) => notification.type === 'mention' && notification.status)
        .map((notification) => ({
          id: notification.id,
          platform: 'mastodon',
          accountId: context.account.id,
          kind: notification.status!.in_reply_to_id ? 'reply' : 'mention',
          author: {
            id: notification.account.id,
            handle: notification.account.acct,
            displayName: notification.account.display_name,
            ...(notification.account.followers_count === undefined ? {} : { followers: notification.account.followers_count }),
          },
          text: text(notification.status!.content),
          createdAt: new Date(notification.created_at).toISOString(),
          ...(notification.status!.url ? { url: notification.status!.url } : {}),
          ...(notification.status!.language ? { language: notification.status!.language } : {}),
          ...(notification.status!.in_reply_to_id ? { inReplyToId: notification.status!.in_reply_to_id } : {}),
        }));
      return { items, nextCursor: next ? decodeURIComponent(next) : null };
    },
    async doGetPostMetrics({ post }, context) {
      const response = await context.http.request({ path: `/api/v1/statuses/${post.id}`, signal: context.signal });
      const status = parseApiResponse(StatusSchema, response, 'mastodon', 'GET /api/v1/statuses/:id');
      const metric = (value: number | undefined, platformName: string): MetricValue | undefined =>
        value === undefined ? (options.zeroForMissingMetrics ? { value: 0, platformName } : undefined) : { value, platformName };
      const quotes = metric(status.quotes_count, 'quotes_count');
      return {
        metrics: {
          likes: { value: status.favourites_count, platformName: 'favourites_count' },
          shares: { value: status.reblogs_count, platformName: 'reblogs_count' },
          comments: { value: status.replies_count, platformName: 'replies_count' },
          ...(quotes ? { quotes } : {}),
        },
      };
    },
    async doGetAccountMetrics(_input, context) {
      const response = await context.http.request({ path: '/api/v1/accounts/verify_credentials', signal: context.signal });
      const account = parseApiResponse(AccountSchema, response, 'mastodon', 'GET /api/v1/accounts/verify_credentials');
      return {
        metrics: {
          followers: { value: account.followers_count, platformName: 'followers_count' },
          following: { value: account.following_count, platformName: 'following_count' },
          posts: { value: account.statuses_count, platformName: 'statuses_count' },
        },
      };
    },
    // Mastodon dedupes by Idempotency-Key itself (native-key); there is no lookup by key.
    async doFindPublished() {
      return null;
    },
  };
  return defineAdapter(definition);
}
