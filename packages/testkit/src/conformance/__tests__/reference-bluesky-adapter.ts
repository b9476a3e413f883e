// A small adapter for the Bluesky simulator: it proves the suite for the `lookup` idempotency
// strategy (a record key derived from the idempotency key) and for sessions created and
// refreshed through the adapter's own calls. Not the shipped @smm/adapter-bluesky.
import { z } from 'zod';
import { defineAdapter, parseApiResponse, type AdapterContext, type PublishOutput } from '@smm/core/adapter-kit';
import { AuthError } from '@smm/core/errors';
import { parseIetfRateLimitHeaders } from '@smm/core/http';
import type { Mention, MetricValue, PostRef } from '@smm/core/model';

const SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';
const SessionSchema = z.object({ did: z.string(), accessJwt: z.string(), refreshJwt: z.string() });
const StrongRefSchema = z.object({ uri: z.string(), cid: z.string() });
const PostViewSchema = z.object({
  uri: z.string(),
  cid: z.string(),
  indexedAt: z.string(),
  record: z.object({
    text: z.string(),
    createdAt: z.string(),
    reply: z.object({ parent: StrongRefSchema }).optional(),
    embed: z.object({ images: z.array(z.unknown()).optional() }).optional(),
  }),
  likeCount: z.number().optional(),
  repostCount: z.number().optional(),
  replyCount: z.number().optional(),
  quoteCount: z.number().optional(),
  bookmarkCount: z.number().optional(),
});

/** A valid TID derived from a string, so the same idempotency key always names the same record. */
function rkeyFor(key: string): string {
  let hash = 0x811c9dc5;
  let out = '';
  for (let index = 0; index < 13; index += 1) {
    for (const char of `${key}:${index}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    out += index === 0 ? SORTABLE[hash % 16] : SORTABLE[hash % 32];
  }
  return out;
}

const rkeyOf = (uri: string) => uri.split('/').pop()!;

async function getPostViews(uris: string[], context: AdapterContext) {
  const response = await context.http.request({ path: '/xrpc/app.bsky.feed.getPosts', searchParams: { uris }, signal: context.signal });
  return parseApiResponse(z.object({ posts: z.array(PostViewSchema) }), response, 'bluesky', 'GET app.bsky.feed.getPosts').posts;
}

export function createReferenceBlueskyAdapter(options: { baseUrl: string }) {
  return defineAdapter({
    platform: 'bluesky',
    displayName: 'Bluesky',
    capabilities: {
      content: {
        text: { id: 'bluesky', method: 'graphemes', maxLength: 300, maxBytes: 3000 },
        media: { maxItems: 4, kinds: ['image'] },
        threads: true,
      },
      visibilities: ['public'],
      replies: true,
      delete: true,
      edit: false,
      polls: false,
      firstComment: false,
      nativeScheduling: false,
      directMessages: false,
      mentionKinds: ['mention', 'reply', 'quote'],
      postMetrics: ['likes', 'shares', 'comments', 'quotes', 'saves'],
      accountMetrics: ['followers', 'following', 'posts'],
      idempotency: { strategy: 'lookup' },
    },
    http: {
      baseUrl: options.baseUrl,
      parseRateLimit: parseIetfRateLimitHeaders,
      mapError: ({ body }) => {
        const error = z.object({ error: z.string(), message: z.string().optional() }).safeParse(body);
        if (!error.success) return undefined;
        const { error: name, message } = error.data;
        return {
          platformCode: name,
          ...(message ? { message } : {}),
          ...(name === 'ExpiredToken' || name === 'InvalidToken' ? { auth: { refreshable: true } } : {}),
          ...(name === 'RateLimitExceeded' ? { rateLimited: true } : {}),
          ...(name === 'InvalidRequest' ? { notActedOn: true } : {}),
        };
      },
    },
    credentials: {
      schema: z.object({ identifier: z.string().min(1), password: z.string().min(1) }),
      createProvider: ({ credentials, http }) => {
        let session: z.infer<typeof SessionSchema> | undefined;
        const login = async () => {
          const response = await http.request({
            method: 'POST',
            path: '/xrpc/com.atproto.server.createSession',
            json: credentials,
            idempotent: true,
          });
          session = parseApiResponse(SessionSchema, response, 'bluesky', 'POST createSession');
        };
        return {
          async getHeaders() {
            if (!session) await login();
            return { authorization: `Bearer ${session!.accessJwt}` };
          },
          async refresh() {
            try {
              const response = await http.request({
                method: 'POST',
                path: '/xrpc/com.atproto.server.refreshSession',
                headers: { authorization: `Bearer ${session?.refreshJwt ?? ''}` },
                idempotent: true,
              });
              session = parseApiResponse(SessionSchema, response, 'bluesky', 'POST refreshSession');
            } catch (error) {
              throw new AuthError('Bluesky refused to refresh the session: reconnect the account', {
                platform: 'bluesky',
                refreshable: false,
                cause: error,
              });
            }
          },
          secrets: () => [credentials.password, ...(session ? [session.accessJwt, session.refreshJwt] : [])],
        };
      },
    },
    async doPublish({ draft }, context) {
      const did = context.account.id;
      const parts: PublishOutput['parts'] = [];
      const replyTo = draft.replyTo;
      let root = replyTo?.extra?.cid ? { uri: replyTo.id, cid: replyTo.extra.cid } : undefined;
      let parent = root;
      for (const [index, part] of [{ text: draft.text, media: draft.media }, ...draft.thread].entries()) {
        const images = [];
        for (const item of part.media) {
          if (item.source.type !== 'bytes') throw new Error('the reference adapter uploads only bytes');
          const bytes = Uint8Array.from(atob(item.source.base64), (char) => char.charCodeAt(0));
          const response = await context.http.request({
            method: 'POST',
            path: '/xrpc/com.atproto.repo.uploadBlob',
            body: bytes,
            headers: { 'content-type': item.mimeType },
            bucket: 'media',
            signal: context.signal,
          });
          const { blob } = parseApiResponse(z.object({ blob: z.record(z.string(), z.unknown()) }), response, 'bluesky', 'POST uploadBlob');
          images.push({ image: blob, alt: item.altText ?? '' });
        }
        const rkey = rkeyFor(`${context.idempotencyKey}:${index}`);
        const record = {
          $type: 'app.bsky.feed.post',
          text: part.text,
          createdAt: new Date(context.clock.now()).toISOString(),
          ...(draft.language ? { langs: [draft.language] } : {}),
          ...(parent && root ? { reply: { root, parent } } : {}),
          ...(images.length ? { embed: { $type: 'app.bsky.embed.images', images } } : {}),
        };
        let ref: { uri: string; cid: string };
        const uri = `at://${did}/app.bsky.feed.post/${rkey}`;
        const [existing] = await getPostViews([uri], context);
        if (existing)
          ref = { uri: existing.uri, cid: existing.cid }; // an earlier attempt got through
        else {
          const response = await context.http.request({
            method: 'POST',
            path: '/xrpc/com.atproto.repo.createRecord',
            json: { repo: did, collection: 'app.bsky.feed.post', rkey, record },
            cost: 3,
            signal: context.signal,
          });
          ref = parseApiResponse(StrongRefSchema, response, 'bluesky', 'POST createRecord');
        }
        parts.push({ id: ref.uri, extra: { cid: ref.cid } });
        root ??= ref;
        parent = ref;
      }
      return { parts };
    },
    async doDelete({ post }, context) {
      await context.http.request({
        method: 'POST',
        path: '/xrpc/com.atproto.repo.deleteRecord',
        json: { repo: context.account.id, collection: 'app.bsky.feed.post', rkey: rkeyOf(post.id) },
        cost: 1,
        idempotent: true,
        signal: context.signal,
      });
    },
    async doGetPost({ post }, context) {
      const [view] = await getPostViews([post.id], context);
      if (!view) return null;
      return {
        ref: { id: view.uri, extra: { cid: view.cid } },
        text: view.record.text,
        createdAt: new Date(view.record.createdAt).toISOString(),
        ...(view.record.reply ? { inReplyTo: { id: view.record.reply.parent.uri } } : {}),
        mediaCount: view.record.embed?.images?.length ?? 0,
      };
    },
    async doListMentions({ cursor, limit }, context) {
      const response = await context.http.request({
        path: '/xrpc/app.bsky.notification.listNotifications',
        searchParams: { limit: Math.min(100, limit ?? 50), ...(cursor ? { cursor } : {}) },
        signal: context.signal,
      });
      const page = parseApiResponse(
        z.object({
          cursor: z.string().optional(),
          notifications: z.array(
            z.object({
              uri: z.string(),
              reason: z.string(),
              indexedAt: z.string(),
              author: z.object({ did: z.string(), handle: z.string(), displayName: z.string().optional() }),
              record: z.object({
                text: z.string().optional(),
                langs: z.array(z.string()).optional(),
                reply: z.object({ parent: StrongRefSchema }).optional(),
              }),
            }),
          ),
        }),
        response,
        'bluesky',
        'GET listNotifications',
      );
      const items: Mention[] = page.notifications
        .filter((notification) => ['mention', 'reply', 'quote'].includes(notification.reason))
        .map((notification) => ({
          id: notification.uri,
          platform: 'bluesky',
          accountId: context.account.id,
          kind: notification.reason as Mention['kind'],
          author: {
            id: notification.author.did,
            handle: notification.author.handle,
            ...(notification.author.displayName ? { displayName: notification.author.displayName } : {}),
          },
          text: notification.record.text ?? '',
          createdAt: new Date(notification.indexedAt).toISOString(),
          ...(notification.record.langs?.[0] ? { language: notification.record.langs[0] } : {}),
          ...(notification.record.reply ? { inReplyToId: notification.record.reply.parent.uri } : {}),
        }));
      return { items, nextCursor: page.cursor ?? null };
    },
    async doGetPostMetrics({ post }, context) {
      const [view] = await getPostViews([post.id], context);
      if (!view) throw new Error(`no such post ${post.id}`);
      const metric = (value: number | undefined, platformName: string): MetricValue | undefined =>
        value === undefined ? undefined : { value, platformName };
      const entries = {
        likes: metric(view.likeCount, 'likeCount'),
        shares: metric(view.repostCount, 'repostCount'),
        comments: metric(view.replyCount, 'replyCount'),
        quotes: metric(view.quoteCount, 'quoteCount'),
        saves: metric(view.bookmarkCount, 'bookmarkCount'),
      };
      return { metrics: Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) };
    },
    async doGetAccountMetrics(_input, context) {
      const response = await context.http.request({
        path: '/xrpc/app.bsky.actor.getProfile',
        searchParams: { actor: context.account.id },
        signal: context.signal,
      });
      const profile = parseApiResponse(
        z.object({ followersCount: z.number(), followsCount: z.number(), postsCount: z.number() }),
        response,
        'bluesky',
        'GET getProfile',
      );
      return {
        metrics: {
          followers: { value: profile.followersCount, platformName: 'followersCount' },
          following: { value: profile.followsCount, platformName: 'followsCount' },
          posts: { value: profile.postsCount, platformName: 'postsCount' },
        },
      };
    },
    async doFindPublished({ idempotencyKey }, context) {
      const found: PostRef[] = [];
      // Parts were published under keys `${key}:0`, `${key}:1`, …: follow them while they exist.
      for (let index = 0; ; index += 1) {
        const uri = `at://${context.account.id}/app.bsky.feed.post/${rkeyFor(`${idempotencyKey}:${index}`)}`;
        const [view] = await getPostViews([uri], context);
        if (!view) break;
        found.push({ platform: 'bluesky', id: view.uri, extra: { cid: view.cid } });
      }
      return found.length ? { parts: found } : null;
    },
  });
}
