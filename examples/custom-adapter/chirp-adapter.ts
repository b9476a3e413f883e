/**
 * An smm adapter for "Chirp", a network smm does not ship, written by following
 * docs/writing-an-adapter.md section by section (the numbered comments below match the
 * guide). The Chirp API it talks to is described at the top of chirp-simulator.ts.
 */
import { z } from 'zod';
import {
  defineAdapter,
  parseApiResponse,
  type AdapterCapabilities,
  type AdapterContext,
  type AdapterCredentials,
  type AdapterHttpSettings,
  type PostRefOutput,
  ApiCallError,
  parseIetfRateLimitHeaders,
  parseWithSchema,
  type MediaRef,
  type Mention,
  type MentionKind,
  type MetricValue,
} from '@smm/core/adapter-kit';

// ── 1. Capabilities, as data ────────────────────────────────────────────────────────────
// What core checks drafts against and what the conformance suite reads to pick its checks.

const capabilities = {
  content: {
    text: { id: 'chirp', method: 'graphemes', maxLength: 400, urlLength: 23 },
    media: { maxItems: 4, kinds: ['image'], maxSizeBytes: { image: 5_000_000 }, requireAltText: false },
    threads: true,
  },
  visibilities: ['public', 'followers'],
  replies: true,
  delete: true,
  edit: false,
  polls: false,
  firstComment: false,
  nativeScheduling: false,
  directMessages: false,
  mentionKinds: ['mention', 'reply'],
  postMetrics: ['likes', 'shares', 'comments', 'impressions'],
  accountMetrics: ['followers', 'following', 'posts'],
  // Chirp has no idempotency header, but stores a `marker` with each post and can list own
  // posts by marker: publishing is made idempotent by looking the marker up (doFindPublished).
  idempotency: { strategy: 'lookup' },
} as const satisfies AdapterCapabilities;

// ── 2. HTTP settings ────────────────────────────────────────────────────────────────────

const ChirpErrorSchema = z.object({ error: z.object({ code: z.string().optional(), message: z.string().optional() }).optional() });

const http = {
  headers: { 'user-agent': 'smm-example-adapter-chirp' },
  // Chirp announces read and write limits in IETF RateLimit-* headers…
  parseRateLimit: parseIetfRateLimitHeaders,
  // …but not its media limit, which only its docs state.
  staticLimits: [{ bucket: 'media', limit: 30, windowMs: 30 * 60_000 }],
  mapError: ({ status, body }) => {
    const parsed = ChirpErrorSchema.safeParse(body);
    const error = parsed.success ? parsed.data.error : undefined;
    return {
      ...(error?.code === undefined ? {} : { platformCode: error.code }),
      ...(error?.message === undefined ? {} : { message: error.message }),
      ...(error?.code === 'token_expired' ? { auth: { refreshable: true } } : {}),
      // Validation refusals and unknown reply targets: Chirp created nothing.
      ...(status === 422 || status === 404 ? { notActedOn: true } : {}),
    };
  },
  requestIdHeader: 'x-request-id',
} satisfies Omit<AdapterHttpSettings, 'baseUrl'>;

// ── 3. Credentials ──────────────────────────────────────────────────────────────────────

/** What an app stores for a Chirp account. */
export const ChirpCredentialsSchema = z.object({
  accessToken: z.string().min(1, { error: 'must be the Chirp access token' }),
  refreshToken: z.string().min(1, { error: 'must be the Chirp refresh token' }),
});
/** Stored credentials of a Chirp account. */
export type ChirpCredentials = z.infer<typeof ChirpCredentialsSchema>;

const TokenSchema = z.object({ access_token: z.string().min(1), refresh_token: z.string().min(1) });

const credentials: AdapterCredentials<ChirpCredentials> = {
  schema: ChirpCredentialsSchema,
  createProvider: ({ credentials: stored, http: tokenHttp, saveCredentials }) => {
    let current = stored;
    return {
      getHeaders: () => ({ authorization: `Bearer ${current.accessToken}` }),
      // Called once after a 401; a failure here surfaces as AuthError.
      async refresh() {
        const response = await tokenHttp.request({
          method: 'POST',
          path: '/oauth/token',
          json: { grant_type: 'refresh_token', refresh_token: current.refreshToken },
        });
        const token = parseApiResponse(TokenSchema, response, 'chirp', 'POST /oauth/token');
        current = { accessToken: token.access_token, refreshToken: token.refresh_token };
        // Chirp rotates refresh tokens: the app must store the new pair or lose the account.
        await saveCredentials(current);
      },
      secrets: () => [current.accessToken, current.refreshToken],
    };
  },
};

// ── 4. Network options ──────────────────────────────────────────────────────────────────

/** Chirp's slice of `draft.networkOptions`. */
export const ChirpOptionsSchema = z.object({
  /** Shown before the post, which stays folded until the reader opens it. */
  contentWarning: z.string().max(100, { error: 'must be at most 100 characters' }).optional(),
});
/** Chirp's network options. */
export type ChirpOptions = z.infer<typeof ChirpOptionsSchema>;

declare module '@smm/core/model' {
  interface NetworkOptionsRegistry {
    chirp: z.input<typeof ChirpOptionsSchema>;
  }
}

// ── 5. The operations ───────────────────────────────────────────────────────────────────
// Response shapes, read through parseApiResponse so a surprising body is an ApiCallError.

const CreatedSchema = z.object({ id: z.string(), url: z.string() });
const PostSchema = z.object({
  id: z.string(),
  url: z.string(),
  text: z.string(),
  created_at: z.string(),
  reply_to: z.string().nullable(),
  media_ids: z.array(z.string()),
  marker: z.string().nullable(),
});
const OwnPostsSchema = z.object({ posts: z.array(PostSchema) });
const MediaSchema = z.object({ media_id: z.string() });
const StatsSchema = z.object({
  likes: z.number().optional(),
  rechirps: z.number().optional(),
  replies: z.number().optional(),
  views: z.number().optional(),
});
const MeSchema = z.object({ followers: z.number().optional(), following: z.number().optional(), posts: z.number().optional() });
const MentionsSchema = z.object({
  mentions: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      text: z.string(),
      created_at: z.string(),
      url: z.string().optional(),
      in_reply_to: z.string().nullable(),
      author: z.object({ id: z.string(), handle: z.string(), name: z.string().optional(), followers: z.number().optional() }),
    }),
  ),
  next_cursor: z.string().nullable(),
});

/** Chirp's own metric names → canonical names. A name Chirp did not send stays absent. */
const POST_METRICS = { likes: 'likes', rechirps: 'shares', replies: 'comments', views: 'impressions' } as const;
const ACCOUNT_METRICS = { followers: 'followers', following: 'following', posts: 'posts' } as const;

function metricsFrom<T extends Record<string, string>>(body: Record<string, number | undefined>, names: T) {
  const metrics: Partial<Record<T[keyof T], MetricValue>> = {};
  for (const [platformName, canonical] of Object.entries(names) as Array<[string, T[keyof T]]>) {
    const value = body[platformName];
    if (value !== undefined) metrics[canonical] = { value, platformName };
  }
  return metrics;
}

const isNotFound = (error: unknown) => ApiCallError.isInstance(error) && error.status === 404;

async function uploadMedia(item: MediaRef, ctx: AdapterContext): Promise<string> {
  const alt = item.altText === undefined ? {} : { alt_text: item.altText };
  if (item.source.type === 'url') {
    // Chirp fetches remote images itself: no bytes pass through us.
    const response = await ctx.http.request({
      method: 'POST',
      path: '/v1/media',
      json: { url: item.source.url, ...alt },
      bucket: 'media',
      signal: ctx.signal,
    });
    return parseApiResponse(MediaSchema, response, 'chirp', 'POST /v1/media').media_id;
  }
  const bytes = Uint8Array.from(atob(item.source.base64), (char) => char.charCodeAt(0));
  const form = new FormData();
  form.set('file', new Blob([bytes], { type: item.mimeType }), 'upload');
  if (item.altText !== undefined) form.set('alt_text', item.altText);
  const response = await ctx.http.request({ method: 'POST', path: '/v1/media', body: form, bucket: 'media', signal: ctx.signal });
  return parseApiResponse(MediaSchema, response, 'chirp', 'POST /v1/media').media_id;
}

/** Own posts published with `idempotencyKey`, by part index (markers are `<key>:<index>`). */
async function partsPublishedWith(idempotencyKey: string, ctx: AdapterContext): Promise<Map<number, z.infer<typeof PostSchema>>> {
  const response = await ctx.http.request({
    path: '/v1/me/posts',
    searchParams: { marker_prefix: `${idempotencyKey}:` },
    signal: ctx.signal,
  });
  const { posts } = parseApiResponse(OwnPostsSchema, response, 'chirp', 'GET /v1/me/posts');
  const parts = new Map<number, z.infer<typeof PostSchema>>();
  for (const post of posts) {
    const index = post.marker?.startsWith(`${idempotencyKey}:`) ? post.marker.slice(idempotencyKey.length + 1) : '';
    if (/^\d+$/.test(index)) parts.set(Number(index), post);
  }
  return parts;
}

/** The parts 0, 1, 2, … that exist without a gap. */
function leadingParts(found: Map<number, z.infer<typeof PostSchema>>): PostRefOutput[] {
  const parts: PostRefOutput[] = [];
  for (let index = 0; found.has(index); index += 1) parts.push({ id: found.get(index)!.id, url: found.get(index)!.url });
  return parts;
}

/** Settings of {@link createChirpAdapter}. */
export interface ChirpAdapterSettings {
  /** The API root (default `https://api.chirp.example`); a simulator's URL in tests. */
  baseUrl?: string;
}

const SettingsSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL such as https://api.chirp.example' }).optional(),
});

/**
 * Creates the Chirp adapter. Give it to `createClient` from `@smm/core/adapter`.
 *
 * @example
 * ```ts
 * const client = createClient({
 *   adapters: [createChirpAdapter()],
 *   accounts: [{ platform: 'chirp', id: '42', handle: 'acme' }],
 *   credentials: { 'chirp:42': { accessToken, refreshToken } },
 * });
 * await client.publish('chirp:42', { text: 'Hello, Chirp' });
 * ```
 */
export function createChirpAdapter(settings: ChirpAdapterSettings = {}) {
  const { baseUrl } = parseWithSchema(SettingsSchema, settings, 'createChirpAdapter settings');
  return defineAdapter<ChirpOptions, ChirpCredentials>({
    platform: 'chirp',
    displayName: 'Chirp',
    capabilities,
    http: { ...http, baseUrl: baseUrl ?? 'https://api.chirp.example' },
    credentials,
    networkOptionsSchema: ChirpOptionsSchema,

    async doPublish({ draft, networkOptions }, ctx) {
      const key = ctx.idempotencyKey!;
      const partsToPost = [{ text: draft.text, media: draft.media }, ...draft.thread];
      const parts: PostRefOutput[] = [];
      let parent: string | undefined = draft.replyTo?.id;
      // A thread retried with the same key resumes after the parts that already went out.
      if (partsToPost.length > 1) {
        for (const done of leadingParts(await partsPublishedWith(key, ctx))) {
          parts.push(done);
          parent = done.id;
        }
      }
      const visibility = draft.visibility === 'followers' ? 'followers' : 'public';
      for (const [index, part] of partsToPost.entries()) {
        if (index < parts.length) continue;
        const mediaIds: string[] = [];
        for (const item of part.media ?? []) mediaIds.push(await uploadMedia(item, ctx));
        const response = await ctx.http.request({
          method: 'POST',
          path: '/v1/posts',
          json: {
            text: part.text,
            reply_to: parent,
            media_ids: mediaIds.length > 0 ? mediaIds : undefined,
            // The root carries the link card; follow-ups are plain replies.
            link: index === 0 ? draft.link : undefined,
            marker: `${key}:${index}`,
            cw: networkOptions?.contentWarning,
            visibility,
          },
          // No idempotencyKey here: that would tell the HTTP client this POST is safe to
          // repeat, and Chirp would create a second post. The marker makes the lookup work.
          signal: ctx.signal,
        });
        const post = parseApiResponse(CreatedSchema, response, 'chirp', 'POST /v1/posts');
        parts.push({ id: post.id, url: post.url });
        parent = post.id;
      }
      return { parts };
    },

    async doDelete({ post }, ctx) {
      try {
        await ctx.http.request({
          method: 'DELETE',
          path: `/v1/posts/${encodeURIComponent(post.id)}`,
          responseType: 'none',
          signal: ctx.signal,
        });
      } catch (error) {
        if (!isNotFound(error)) throw error; // already gone is what the caller wanted
      }
    },

    async doGetPost({ post }, ctx) {
      try {
        const response = await ctx.http.request({ path: `/v1/posts/${encodeURIComponent(post.id)}`, signal: ctx.signal });
        const found = parseApiResponse(PostSchema, response, 'chirp', 'GET /v1/posts/:id');
        return {
          ref: { id: found.id, url: found.url },
          text: found.text,
          createdAt: found.created_at,
          ...(found.reply_to === null ? {} : { inReplyTo: { id: found.reply_to } }),
          mediaCount: found.media_ids.length,
        };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async doListMentions({ cursor, limit, kinds }, ctx) {
      const types = (kinds ?? capabilities.mentionKinds).filter(
        (kind): kind is 'mention' | 'reply' => kind === 'mention' || kind === 'reply',
      );
      const response = await ctx.http.request({
        path: '/v1/mentions',
        searchParams: {
          limit: Math.min(50, Math.max(1, limit ?? 20)),
          types: types.join(','),
          ...(cursor ? { cursor } : {}),
        },
        signal: ctx.signal,
      });
      const page = parseApiResponse(MentionsSchema, response, 'chirp', 'GET /v1/mentions');
      const items: Mention[] = page.mentions.map((item) => ({
        id: item.id,
        platform: 'chirp',
        accountId: ctx.account.id,
        kind: (item.type === 'reply' ? 'reply' : 'mention') satisfies MentionKind,
        author: {
          id: item.author.id,
          handle: item.author.handle,
          ...(item.author.name === undefined ? {} : { displayName: item.author.name }),
          ...(item.author.followers === undefined ? {} : { followers: item.author.followers }),
        },
        text: item.text,
        createdAt: item.created_at,
        ...(item.url === undefined ? {} : { url: item.url }),
        ...(item.in_reply_to === null
          ? {}
          : { inReplyToId: item.in_reply_to, subject: { platform: 'chirp', id: item.in_reply_to, accountId: ctx.account.id } }),
      }));
      return { items, nextCursor: page.next_cursor };
    },

    async doGetPostMetrics({ post }, ctx) {
      const response = await ctx.http.request({ path: `/v1/posts/${encodeURIComponent(post.id)}/stats`, signal: ctx.signal });
      const stats = parseApiResponse(StatsSchema, response, 'chirp', 'GET /v1/posts/:id/stats');
      return { metrics: metricsFrom(stats, POST_METRICS) };
    },

    async doGetAccountMetrics(_input, ctx) {
      const response = await ctx.http.request({ path: '/v1/me', signal: ctx.signal });
      const me = parseApiResponse(MeSchema, response, 'chirp', 'GET /v1/me');
      return { metrics: metricsFrom(me, ACCOUNT_METRICS) };
    },

    async doFindPublished({ idempotencyKey, draft }, ctx) {
      const found = await partsPublishedWith(idempotencyKey, ctx);
      const parts = leadingParts(found);
      if (parts.length === 0) return null;
      // A thread only counts as published when every part is there; otherwise doPublish resumes it.
      const expected = draft === undefined ? parts.length : 1 + draft.thread.length;
      if (parts.length < expected) return null;
      const root = found.get(0)!;
      return { parts: parts.slice(0, expected), publishedAt: root.created_at };
    },
  });
}
