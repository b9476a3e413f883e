/**
 * A simulator of "Chirp", a made-up social network, built from the parts `@smm/testkit`
 * ships for exactly this (`@smm/testkit/simulator`): the engine records requests, injects
 * faults and serves the routes as msw handlers, as a direct `fetch` and from a real
 * `node:http` server; the world keeps posts, users, mentions and counters that grow
 * deterministically from a seed and the clock.
 *
 * The Chirp API, as this simulator defines it (an adapter is written against this):
 *
 * | call | answer |
 * | --- | --- |
 * | `POST /oauth/token` `{ grant_type: 'refresh_token', refresh_token }` | `{ access_token, refresh_token, expires_in }` (the refresh token rotates) |
 * | `POST /v1/posts` `{ text, reply_to?, media_ids?, link?, marker?, cw?, visibility? }` | 201 `{ id, url, created_at }` |
 * | `GET /v1/posts/:id` | `{ id, url, text, created_at, reply_to, media_ids, marker, visibility, cw }` |
 * | `DELETE /v1/posts/:id` | 204 |
 * | `GET /v1/posts/:id/stats` | `{ post_id, likes, rechirps, replies, views? }`: `views` only once the post is an hour old |
 * | `GET /v1/me` | `{ id, handle, display_name, followers, following, posts }` |
 * | `GET /v1/me/posts?marker_prefix=…` | `{ posts: [post, …] }`: own posts whose `marker` starts with the prefix |
 * | `POST /v1/media` (multipart `file`, `alt_text`; or JSON `{ url, alt_text }`) | 201 `{ media_id, type }` |
 * | `GET /v1/mentions?limit=1..50&cursor=&types=mention,reply` | `{ mentions: [...], next_cursor }`, newest first, `null` cursor at the end |
 *
 * Errors are `{ "error": { "code", "message" } }`: 401 `invalid_token` / `token_expired`, 404
 * `not_found`, 422 `invalid_post`, 429 `rate_limited`. Limits per account: reads 300 / 15 min,
 * writes 50 / 15 min, announced in IETF `RateLimit-*` headers (reset in seconds from now);
 * media uploads 30 / 30 min, **not** announced (adapters declare it as a static limit).
 */
import { systemClock, type Clock } from '@smm/core/clock';
import {
  createRateLimitWindows,
  createSimulatorEngine,
  createWorld,
  hashString,
  json,
  type IncomingMention,
  type NetworkSimulator,
  type SimPost,
  type SimRequest,
  type SimRoute,
  type WindowLimit,
  type WindowState,
} from '@smm/testkit/simulator';

/** Options of {@link createChirpSimulator}. */
export interface ChirpSimulatorOptions {
  /** The clock the network lives on (a fake clock in tests). Default: real time. */
  clock?: Clock;
  /** Seed for users, mentions and counters (default 1). */
  seed?: number | string;
  /** Default `https://api.chirp.example`. */
  baseUrl?: string;
  /** The simulated account (default id `42`, handle `acme`). */
  account?: { id?: string; handle?: string };
  /** Mentions already waiting at the start (default 25). */
  mentionBacklog?: number;
  /** A new mention every this many ms of simulated time (default 10 minutes; 0 for none). */
  mentionEveryMs?: number;
}

/** The Chirp simulator: a {@link NetworkSimulator} whose credentials are OAuth tokens. */
export interface ChirpSimulator extends NetworkSimulator {
  readonly credentials: { accessToken: string; refreshToken: string };
}

const MINUTE = 60_000;
const LIMITS: Record<'read' | 'write' | 'media', WindowLimit> = {
  read: { limit: 300, windowMs: 15 * MINUTE },
  write: { limit: 50, windowMs: 15 * MINUTE },
  media: { limit: 30, windowMs: 30 * MINUTE },
};
const MAX_TEXT = 400;
const URL_PATTERN = /https?:\/\/\S+/g;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

interface Reply {
  status: number;
  body: unknown;
}

const error = (status: number, code: string, message: string): Reply => ({ status, body: { error: { code, message } } });

/**
 * Creates a Chirp simulator. Serve it with `sim.listen()` (a real server on 127.0.0.1), pass
 * `sim.fetch` to `createClient`, or install `sim.handlers` in an msw server.
 *
 * @example
 * ```ts
 * const sim = createChirpSimulator({ clock: createFakeClock(), seed: 1 });
 * const server = await sim.listen(); // { url: 'http://127.0.0.1:<port>', close }
 * ```
 */
export function createChirpSimulator(options: ChirpSimulatorOptions = {}): ChirpSimulator {
  const clock = options.clock ?? systemClock;
  const baseUrl = (options.baseUrl ?? 'https://api.chirp.example').replace(/\/+$/, '');
  const accountId = options.account?.id ?? '42';
  const handle = options.account?.handle ?? 'acme';
  const world = createWorld({
    clock,
    seed: options.seed,
    handle,
    mentionBacklog: options.mentionBacklog,
    mentionEveryMs: options.mentionEveryMs,
  });
  const windows = createRateLimitWindows(() => clock.now());
  const media = new Map<string, { type: string; altText: string | null }>();
  const credentials = { accessToken: 'chirp-access-0', refreshToken: 'chirp-refresh-0' };
  let accessToken: string | null = credentials.accessToken;
  let refreshToken = credentials.refreshToken;
  let tokenSerial = 0;
  let postSerial = 0;
  let mediaSerial = 0;

  const postUrl = (id: string) => `https://chirp.example/@${handle}/${id}`;
  const viewsReported = (post: SimPost) => clock.now() - post.createdAtMs >= 60 * MINUTE;

  // What GET /v1/posts/:id/stats reports right now, by Chirp's own names.
  const stats = (post: SimPost): Record<string, number> => {
    const counters = world.counters(post);
    return {
      likes: counters.likes,
      rechirps: counters.reposts,
      replies: counters.replies,
      ...(viewsReported(post) ? { views: counters.impressions } : {}),
    };
  };

  const renderPost = (post: SimPost) => ({
    id: post.id,
    url: postUrl(post.id),
    text: post.text,
    created_at: post.createdAt,
    reply_to: post.replyToId ?? null,
    media_ids: post.mediaIds,
    marker: (post.extra.marker as string | undefined) ?? null,
    visibility: post.visibility ?? 'public',
    cw: (post.extra.cw as string | undefined) ?? null,
  });

  const mentionId = (mention: IncomingMention) => `mn_${hashString(mention.key).toString(36)}`;
  const renderMention = (mention: IncomingMention) => ({
    id: mentionId(mention),
    type: mention.kind === 'reply' ? 'reply' : 'mention',
    text: mention.text,
    created_at: new Date(mention.createdAtMs).toISOString(),
    url: `https://chirp.example/@${mention.author.handle}/${mentionId(mention)}`,
    in_reply_to: mention.postId ?? null,
    author: {
      id: `u_${100 + mention.author.index}`,
      handle: mention.author.handle,
      name: mention.author.displayName,
      followers: mention.author.followers,
    },
  });

  const me = () => ({
    id: accountId,
    handle,
    display_name: 'Acme on Chirp',
    followers: world.followers(),
    following: world.following(),
    posts: world.posts.filter((post) => !post.deleted).length,
  });

  const rateHeaders = (state: WindowState): Record<string, string> => ({
    'RateLimit-Limit': String(state.limit),
    'RateLimit-Remaining': String(state.remaining),
    'RateLimit-Reset': String(Math.max(0, Math.ceil((state.resetAtMs - clock.now()) / 1000))),
    'RateLimit-Policy': `${state.limit};w=${Math.round(state.windowMs / 1000)}`,
  });

  // Every authenticated route: check the token, spend from the bucket, then answer.
  const endpoint =
    (bucket: 'read' | 'write' | 'media', handler: (request: SimRequest) => Reply) =>
    (request: SimRequest): Response => {
      const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (token === undefined || token !== accessToken) {
        const reply = error(401, 'invalid_token', 'The access token is missing, revoked or expired');
        return json(reply.status, reply.body);
      }
      const state = windows.spend(`${accountId}:${bucket}`, LIMITS[bucket]);
      // Chirp announces read and write limits; media limits are documented only.
      const headers = bucket === 'media' ? {} : rateHeaders(state);
      if (!state.allowed) {
        const retryAfter = String(Math.max(1, Math.ceil((state.resetAtMs - clock.now()) / 1000)));
        return json(
          429,
          { error: { code: 'rate_limited', message: `Too many ${bucket} requests` } },
          { ...headers, 'Retry-After': retryAfter },
        );
      }
      const reply = handler(request);
      return json(reply.status, reply.body, headers);
    };

  const refresh = (request: SimRequest): Response => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.grant_type !== 'refresh_token' || body.refresh_token !== refreshToken) {
      return json(400, { error: { code: 'invalid_grant', message: 'The refresh token is invalid or was already used' } });
    }
    tokenSerial += 1;
    accessToken = `chirp-access-${tokenSerial}`;
    refreshToken = `chirp-refresh-${tokenSerial}`;
    return json(200, { access_token: accessToken, refresh_token: refreshToken, token_type: 'bearer', expires_in: 7200 });
  };

  const createPost = endpoint('write', (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const text = typeof body.text === 'string' ? body.text : '';
    const mediaIds = Array.isArray(body.media_ids) ? body.media_ids.map(String) : [];
    if (text.trim() === '' && mediaIds.length === 0) return error(422, 'invalid_post', 'A post needs text or media');
    const length = [...graphemes.segment(text.replace(URL_PATTERN, 'x'.repeat(23)))].length;
    if (length > MAX_TEXT) return error(422, 'invalid_post', `Text is ${length} characters; the limit is ${MAX_TEXT}`);
    if (mediaIds.length > 4) return error(422, 'invalid_post', 'At most 4 media per post');
    if (mediaIds.some((id) => !media.has(id))) return error(422, 'invalid_post', 'Unknown media_id: upload it first');
    const visibility = body.visibility === undefined ? 'public' : String(body.visibility);
    if (!['public', 'followers'].includes(visibility)) return error(422, 'invalid_post', 'visibility must be public or followers');
    const replyTo = body.reply_to === undefined || body.reply_to === null ? undefined : String(body.reply_to);
    if (replyTo !== undefined && !world.livePost(replyTo) && !world.mentions().some((mention) => mentionId(mention) === replyTo)) {
      return error(404, 'not_found', `No post ${replyTo} to reply to`);
    }
    postSerial += 1;
    const post = world.addPost({
      id: String(7_000_000 + postSerial),
      accountId,
      text,
      createdAtMs: clock.now(),
      ...(replyTo === undefined ? {} : { replyToId: replyTo }),
      mediaIds,
      visibility,
      extra: {
        ...(typeof body.marker === 'string' ? { marker: body.marker } : {}),
        ...(typeof body.cw === 'string' ? { cw: body.cw } : {}),
        ...(typeof body.link === 'string' ? { link: body.link } : {}),
      },
    });
    return { status: 201, body: { id: post.id, url: postUrl(post.id), created_at: post.createdAt } };
  });

  const getPost = endpoint('read', (request) => {
    const post = world.livePost(request.params.id!);
    return post ? { status: 200, body: renderPost(post) } : error(404, 'not_found', `No post ${request.params.id}`);
  });

  const deletePost = endpoint('write', (request) => {
    const post = world.livePost(request.params.id!);
    if (!post) return error(404, 'not_found', `No post ${request.params.id}`);
    post.deleted = true;
    return { status: 204, body: null };
  });

  const postStats = endpoint('read', (request) => {
    const post = world.livePost(request.params.id!);
    return post ? { status: 200, body: { post_id: post.id, ...stats(post) } } : error(404, 'not_found', `No post ${request.params.id}`);
  });

  const ownPosts = endpoint('read', (request) => {
    const prefix = typeof request.query.marker_prefix === 'string' ? request.query.marker_prefix : '';
    const posts = world.posts.filter(
      (post) => !post.deleted && typeof post.extra.marker === 'string' && (post.extra.marker as string).startsWith(prefix),
    );
    return { status: 200, body: { posts: posts.map(renderPost) } };
  });

  const uploadMedia = endpoint('media', (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const file = body.file as { type?: string } | undefined;
    const type = typeof file === 'object' && file !== null ? String(file.type ?? '') : typeof body.url === 'string' ? 'image/jpeg' : '';
    if (!type.startsWith('image/')) return error(422, 'invalid_media', 'Chirp takes images only (multipart "file", or JSON { url })');
    mediaSerial += 1;
    const id = `md_${mediaSerial}`;
    media.set(id, { type, altText: typeof body.alt_text === 'string' ? body.alt_text : null });
    return { status: 201, body: { media_id: id, type: 'image' } };
  });

  // Cursor: the position after the last item served, opaque to clients.
  const encodeCursor = (mention: IncomingMention) => btoa(JSON.stringify([mention.createdAtMs, mention.key])).replace(/=+$/, '');
  const decodeCursor = (cursor: string): [number, string] | undefined => {
    try {
      const value = JSON.parse(atob(cursor)) as unknown;
      return Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string' ? [value[0], value[1]] : undefined;
    } catch {
      return undefined;
    }
  };

  const listMentions = endpoint('read', (request) => {
    const limit = Math.min(50, Math.max(1, Number(request.query.limit ?? 20) || 20));
    const types = typeof request.query.types === 'string' ? request.query.types.split(',') : ['mention', 'reply'];
    const cursor = typeof request.query.cursor === 'string' ? decodeCursor(request.query.cursor) : undefined;
    if (typeof request.query.cursor === 'string' && cursor === undefined)
      return error(400, 'invalid_cursor', 'cursor is not one this API returned');
    // Newest first; a page continues strictly after (older than) the cursor's item.
    const all = world
      .mentions()
      .reverse()
      .filter((mention) => types.includes(mention.kind === 'reply' ? 'reply' : 'mention'));
    const after =
      cursor === undefined ? all : all.filter((m) => m.createdAtMs < cursor[0] || (m.createdAtMs === cursor[0] && m.key < cursor[1]));
    const page = after.slice(0, limit);
    const next = after.length > limit ? encodeCursor(page[page.length - 1]!) : null;
    return { status: 200, body: { mentions: page.map(renderMention), next_cursor: next } };
  });

  const routes: SimRoute[] = [
    { method: 'POST', path: '/oauth/token', handle: refresh },
    { method: 'POST', path: '/v1/posts', handle: createPost },
    { method: 'GET', path: '/v1/posts/:id', handle: getPost },
    { method: 'DELETE', path: '/v1/posts/:id', handle: deletePost },
    { method: 'GET', path: '/v1/posts/:id/stats', handle: postStats },
    { method: 'GET', path: '/v1/me', handle: endpoint('read', () => ({ status: 200, body: me() })) },
    { method: 'GET', path: '/v1/me/posts', handle: ownPosts },
    { method: 'POST', path: '/v1/media', handle: uploadMedia },
    { method: 'GET', path: '/v1/mentions', handle: listMentions },
  ];

  const engine = createSimulatorEngine({
    platform: 'chirp',
    baseUrl,
    clock,
    routes,
    faultResponses: {
      rateLimited: (_request, resetAtMs) => {
        const seconds = String(Math.max(1, Math.ceil((resetAtMs - clock.now()) / 1000)));
        return json(
          429,
          { error: { code: 'rate_limited', message: 'Too many requests' } },
          { 'RateLimit-Limit': String(LIMITS.read.limit), 'RateLimit-Remaining': '0', 'RateLimit-Reset': seconds, 'Retry-After': seconds },
        );
      },
      serverError: (_request, status) => json(status, { error: { code: 'internal', message: 'Chirp is having a moment' } }),
      expiredToken: () => json(401, { error: { code: 'token_expired', message: 'The access token expired' } }),
      notFound: (request) => json(404, { error: { code: 'not_found', message: `No route ${request.method} ${request.path}` } }),
    },
    // An injected expiry really expires the current token: only a refresh helps.
    onExpiredToken: () => {
      accessToken = null;
    },
  });

  return {
    ...engine,
    account: { id: accountId, handle },
    credentials,
    posts: () => world.posts.map((post) => ({ ...post })),
    reportedPostMetrics: (postId) => {
      const post = world.posts.find((entry) => entry.id === postId);
      return post ? stats(post) : {};
    },
    reportedAccountMetrics: () => {
      const { followers, following, posts } = me();
      return { followers, following, posts };
    },
    mentionCount: () => world.mentions().length,
    addMention: (input) =>
      void world.addMention({ text: input.text, kind: input.kind ?? 'mention', ...(input.postId ? { postId: input.postId } : {}) }),
  };
}
