import type { Clock } from '@smm/core/clock';
import { systemClock } from '@smm/core/clock';
import { TEXT_RULES, countLength } from '@smm/core/text';
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
} from '../simulator/index.js';
import { xOAuthRoutes } from '../oauth/index.js';

/** X endpoints' rate-limit buckets (15-minute windows per user by default). */
export type XEndpoint = 'createTweet' | 'deleteTweet' | 'readTweets' | 'mentions' | 'users' | 'media';

/** Options of {@link createXSimulator}. */
export interface XSimulatorOptions {
  /** Default the system clock; pass `createFakeClock()` for deterministic tests. */
  clock?: Clock;
  seed?: number | string;
  /** Default `https://api.x.com`. */
  baseUrl?: string;
  /** The account (default id `1460000000000000001`, handle `smm_brand`). */
  account?: { id?: string; handle?: string };
  /** Per-endpoint limits per 15 minutes (defaults: create 100, delete 50, reads 900, mentions 180, users 300, media 500). */
  limits?: Partial<Record<XEndpoint, WindowLimit>>;
  mentionBacklog?: number;
  mentionEveryMs?: number;
  /** Access tokens live this long (default 2 h, as X documents). */
  accessTokenTtlMs?: number;
}

/** The X (API v2) simulator: `createXSimulator()`'s result. */
export interface XSimulator extends NetworkSimulator {
  /** Credentials: `{ accessToken, refreshToken, clientId }` (OAuth 2.0 user context). */
  readonly credentials: { accessToken: string; refreshToken: string; clientId: string };
  /** Marks every current access token expired (as if 2 h passed). */
  expireAccessTokens(): void;
}

const WINDOW = 15 * 60_000;
const DEFAULT_LIMITS: Record<XEndpoint, WindowLimit> = {
  createTweet: { limit: 100, windowMs: WINDOW },
  deleteTweet: { limit: 50, windowMs: WINDOW },
  readTweets: { limit: 900, windowMs: WINDOW },
  mentions: { limit: 180, windowMs: WINDOW },
  users: { limit: 300, windowMs: WINDOW },
  media: { limit: 500, windowMs: WINDOW },
};
const TWITTER_EPOCH = 1288834974657n;
const URL_PATTERN = /https?:\/\/\S+/;

interface Media {
  id: string;
  key: string;
  type: string;
  totalBytes: number;
  received: number;
  finalizedAtMs?: number;
  video: boolean;
  altText?: string;
}

const problem = (status: number, title: string, detail: string, type = 'about:blank', extra: Record<string, unknown> = {}) => ({
  title,
  detail,
  type,
  status,
  ...extra,
});

/**
 * Simulates the parts of the X API v2 the X adapter uses, shaped as X documents them:
 * `POST /2/tweets` (text, `reply.in_reply_to_tweet_id`, `media.media_ids`, `poll`),
 * `DELETE /2/tweets/:id`, `GET /2/tweets/:id` and `GET /2/tweets?ids=` with `tweet.fields`
 * (`public_metrics`, `non_public_metrics` for own posts under 30 days; `url_link_clicks` only
 * when the post has a link), `GET /2/users/:id/mentions` (`max_results`, `pagination_token`,
 * `meta.next_token`, `expansions=author_id`), `GET /2/users/me` and `/2/users/:id`
 * (`public_metrics`), `GET /2/users/:id/tweets` (own timeline: `start_time`, `max_results`,
 * `pagination_token`), chunked media upload (`INIT`/`APPEND`/`FINALIZE`/`STATUS` on
 * `/2/media/upload` and `/1.1/media/upload.json`), alt text (`POST /2/media/metadata`), and OAuth 2.0
 * refresh (`POST /2/oauth2/token`).
 * Every response carries `x-rate-limit-limit/remaining/reset` (epoch seconds); errors are
 * problem-details JSON. X refuses a post whose text duplicates a live post (403).
 *
 * @example
 * ```ts
 * const sim = createXSimulator({ clock: createFakeClock(), seed: 7 });
 * const server = setupServer(...sim.handlers); // or: createClient({ fetch: sim.fetch, … })
 * ```
 */
export function createXSimulator(options: XSimulatorOptions = {}): XSimulator {
  const clock = options.clock ?? systemClock;
  const accountId = options.account?.id ?? '1460000000000000001';
  const handle = options.account?.handle ?? 'smm_brand';
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const ttl = options.accessTokenTtlMs ?? 2 * 3_600_000;
  const world = createWorld({
    clock,
    seed: options.seed,
    handle,
    mentionBacklog: options.mentionBacklog,
    mentionEveryMs: options.mentionEveryMs,
  });
  const windows = createRateLimitWindows(() => clock.now());
  const media = new Map<string, Media>();
  let sequence = 0n;
  let tokenSerial = 0;
  const accessTokens = new Map<string, number>(); // token → expires at (ms)
  let refreshToken = 'x-refresh-0';
  accessTokens.set('x-access-0', clock.now() + ttl);
  const credentials = { accessToken: 'x-access-0', refreshToken, clientId: 'smm-test-client' };

  const snowflake = (ms: number, salt?: number) => {
    const seq = salt === undefined ? (sequence = (sequence + 1n) % 4096n) : BigInt(salt % 4096);
    return String(((BigInt(ms) - TWITTER_EPOCH) << 22n) | seq);
  };
  const userId = (index: number) => String(1_500_000_000 + index * 7_919);
  const mentionId = (mention: IncomingMention) => snowflake(mention.createdAtMs, hashString(mention.key));

  const rateHeaders = (state: { limit: number; remaining: number; resetAtMs: number }) => ({
    'x-rate-limit-limit': String(state.limit),
    'x-rate-limit-remaining': String(state.remaining),
    'x-rate-limit-reset': String(Math.ceil(state.resetAtMs / 1000)),
  });

  const authorized = (request: SimRequest): boolean => {
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const expires = token === undefined ? undefined : accessTokens.get(token);
    return expires !== undefined && clock.now() < expires;
  };

  // Wraps an endpoint: auth, then its rate-limit bucket, then the handler, with headers on every answer.
  const endpoint =
    (bucket: XEndpoint, handler: (request: SimRequest) => { status: number; body: unknown }) =>
    (request: SimRequest): Response => {
      if (!authorized(request)) return json(401, problem(401, 'Unauthorized', 'Unauthorized'));
      const state = windows.spend(`${accountId}:${bucket}`, limits[bucket]);
      if (!state.allowed) return json(429, problem(429, 'Too Many Requests', 'Too Many Requests'), rateHeaders(state));
      const { status, body } = handler(request);
      return json(status, body, rateHeaders(state));
    };

  const invalid = (detail: string, parameter?: string) => ({
    status: 400,
    body: {
      errors: [{ message: detail, ...(parameter ? { parameters: { [parameter]: [] } } : {}) }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    },
  });

  const notFoundError = (id: string) => ({
    value: id,
    detail: `Could not find tweet with id: [${id}].`,
    title: 'Not Found Error',
    resource_type: 'tweet',
    parameter: 'id',
    resource_id: id,
    type: 'https://api.twitter.com/2/problems/resource-not-found',
  });

  const fieldsOf = (request: SimRequest, name: string) =>
    new Set(
      String(request.query[name] ?? '')
        .split(',')
        .filter(Boolean),
    );

  const reportedMetrics = (post: SimPost, nonPublic: boolean) => {
    const counters = world.counters(post);
    const publicMetrics = {
      retweet_count: counters.reposts,
      reply_count: counters.replies,
      like_count: counters.likes,
      quote_count: counters.quotes,
      bookmark_count: counters.bookmarks,
      impression_count: counters.impressions,
    };
    // Non-public metrics exist only for the author's posts of the last 30 days; link clicks only when there is a link.
    const fresh = clock.now() - post.createdAtMs < 30 * 86_400_000;
    const nonPublicMetrics =
      nonPublic && fresh
        ? {
            impression_count: counters.impressions,
            user_profile_clicks: counters.profileClicks,
            ...(URL_PATTERN.test(post.text) ? { url_link_clicks: counters.linkClicks } : {}),
          }
        : undefined;
    return { publicMetrics, nonPublicMetrics };
  };

  const renderTweet = (post: SimPost, fields: Set<string>) => {
    const tweet: Record<string, unknown> = { id: post.id, text: post.text, edit_history_tweet_ids: [post.id] };
    if (fields.has('created_at')) tweet.created_at = post.createdAt;
    if (fields.has('author_id')) tweet.author_id = accountId;
    if (fields.has('conversation_id')) tweet.conversation_id = String(post.extra.conversationId ?? post.id);
    if (fields.has('in_reply_to_user_id') && post.replyToId) tweet.in_reply_to_user_id = accountId;
    if (fields.has('referenced_tweets') && post.replyToId) tweet.referenced_tweets = [{ type: 'replied_to', id: post.replyToId }];
    if (fields.has('attachments') && post.mediaIds.length > 0)
      tweet.attachments = { media_keys: post.mediaIds.map((id) => media.get(id)?.key ?? `3_${id}`) };
    const metrics = reportedMetrics(post, fields.has('non_public_metrics'));
    if (fields.has('public_metrics')) tweet.public_metrics = metrics.publicMetrics;
    if (fields.has('non_public_metrics') && metrics.nonPublicMetrics) tweet.non_public_metrics = metrics.nonPublicMetrics;
    return tweet;
  };

  const createTweet = endpoint('createTweet', (request) => {
    const body = request.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') return invalid('The request body must be JSON.');
    const text = typeof body.text === 'string' ? body.text : '';
    const mediaIds = (body.media as { media_ids?: unknown } | undefined)?.media_ids;
    if (text === '' && !Array.isArray(mediaIds)) return invalid('You must specify text or media.', 'text');
    const exclusive = ['media', 'poll', 'quote_tweet_id'].filter((name) => body[name] !== undefined);
    if (exclusive.length > 1) return invalid(`${exclusive.join(' and ')} are mutually exclusive.`);
    // X's own rule (twitter-text weighted length): every URL counts 23, emoji and CJK count 2.
    if (countLength(text, TEXT_RULES.x) > 280) return { status: 403, body: problem(403, 'Forbidden', 'Your Tweet text is too long.') };
    if (Array.isArray(mediaIds)) {
      for (const id of mediaIds) {
        const item = media.get(String(id));
        const ready = item?.finalizedAtMs !== undefined && (!item.video || clock.now() >= item.finalizedAtMs + 2_000);
        if (!ready) return invalid(`Your media IDs are invalid: ${String(id)}.`, 'media.media_ids');
      }
    }
    const reply = body.reply as { in_reply_to_tweet_id?: unknown } | undefined;
    let parent: SimPost | undefined;
    if (reply !== undefined) {
      parent = world.livePost(String(reply.in_reply_to_tweet_id));
      const known = world.mentions().some((mention) => mentionId(mention) === String(reply.in_reply_to_tweet_id));
      if (!parent && !known)
        return invalid('The Tweet you are replying to does not exist or is not visible.', 'reply.in_reply_to_tweet_id');
    }
    if (text !== '' && world.posts.some((post) => !post.deleted && post.text === text && clock.now() - post.createdAtMs < 86_400_000)) {
      return { status: 403, body: problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.') };
    }
    const id = snowflake(clock.now());
    world.addPost({
      id,
      accountId,
      text,
      createdAtMs: clock.now(),
      ...(reply !== undefined ? { replyToId: String(reply.in_reply_to_tweet_id) } : {}),
      mediaIds: Array.isArray(mediaIds) ? mediaIds.map(String) : [],
      extra: { conversationId: parent ? String(parent.extra.conversationId ?? parent.id) : id, ...(body.poll ? { poll: body.poll } : {}) },
    });
    return { status: 201, body: { data: { id, text, edit_history_tweet_ids: [id] } } };
  });

  const deleteTweet = endpoint('deleteTweet', (request) => {
    const post = world.livePost(request.params.id!);
    if (!post)
      return {
        status: 404,
        body: problem(
          404,
          'Not Found Error',
          `Could not find tweet with id: [${request.params.id}].`,
          'https://api.twitter.com/2/problems/resource-not-found',
        ),
      };
    post.deleted = true;
    return { status: 200, body: { data: { deleted: true } } };
  });

  const getTweet = endpoint('readTweets', (request) => {
    const post = world.livePost(request.params.id!);
    if (!post) return { status: 200, body: { errors: [notFoundError(request.params.id!)] } };
    return { status: 200, body: { data: renderTweet(post, fieldsOf(request, 'tweet.fields')) } };
  });

  const getTweets = endpoint('readTweets', (request) => {
    const ids = String(request.query.ids ?? '')
      .split(',')
      .filter(Boolean);
    if (ids.length === 0 || ids.length > 100) return invalid('ids must hold 1 to 100 tweet ids.', 'ids');
    const fields = fieldsOf(request, 'tweet.fields');
    const found = ids.map((id) => world.livePost(id)).filter((post): post is SimPost => post !== undefined);
    const missing = ids.filter((id) => !world.livePost(id));
    return {
      status: 200,
      body: {
        ...(found.length ? { data: found.map((post) => renderTweet(post, fields)) } : {}),
        ...(missing.length ? { errors: missing.map(notFoundError) } : {}),
      },
    };
  });

  const renderUser = (request: SimRequest) => {
    const fields = fieldsOf(request, 'user.fields');
    return {
      id: accountId,
      name: 'smm brand',
      username: handle,
      ...(fields.has('public_metrics')
        ? {
            public_metrics: {
              followers_count: world.followers(),
              following_count: world.following(),
              tweet_count: world.posts.filter((p) => !p.deleted).length,
              listed_count: 4,
              like_count: 12,
            },
          }
        : {}),
    };
  };
  const me = endpoint('users', (request) => ({ status: 200, body: { data: renderUser(request) } }));
  const user = endpoint('users', (request) =>
    request.params.id === accountId
      ? { status: 200, body: { data: renderUser(request) } }
      : {
          status: 200,
          body: {
            errors: [
              {
                ...notFoundError(request.params.id!),
                resource_type: 'user',
                detail: `Could not find user with id: [${request.params.id}].`,
              },
            ],
          },
        },
  );

  const mentions = endpoint('mentions', (request) => {
    if (request.params.id !== accountId)
      return { status: 403, body: problem(403, 'Forbidden', 'You can only read the mentions of the authenticated user.') };
    const max = Number(request.query.max_results ?? 10);
    if (!Number.isInteger(max) || max < 5 || max > 100)
      return invalid('The `max_results` query parameter value is not between 5 and 100.', 'max_results');
    const token = request.query.pagination_token;
    let all = world.mentions().reverse(); // newest first, as X returns them
    if (typeof token === 'string') {
      const before = Buffer.from(token, 'base64url').toString('utf8');
      if (!/^\d+$/.test(before)) return invalid('The `pagination_token` query parameter value is invalid.', 'pagination_token');
      all = all.filter((mention) => BigInt(mentionId(mention)) < BigInt(before));
    }
    const page = all.slice(0, max);
    if (page.length === 0) return { status: 200, body: { meta: { result_count: 0 } } };
    const fields = fieldsOf(request, 'tweet.fields');
    const expansions = fieldsOf(request, 'expansions');
    const data = page.map((mention) => {
      const id = mentionId(mention);
      const tweet: Record<string, unknown> = { id, text: mention.text, edit_history_tweet_ids: [id] };
      if (fields.has('author_id') || expansions.has('author_id')) tweet.author_id = userId(mention.author.index);
      if (fields.has('created_at')) tweet.created_at = new Date(mention.createdAtMs).toISOString();
      if (fields.has('conversation_id'))
        tweet.conversation_id = mention.postId
          ? String(world.posts.find((p) => p.id === mention.postId)?.extra.conversationId ?? mention.postId)
          : id;
      if (fields.has('lang')) tweet.lang = mention.language ?? 'und'; // X says 'und' when it cannot tell
      if (mention.postId && fields.has('referenced_tweets'))
        tweet.referenced_tweets = [{ type: mention.kind === 'quote' ? 'quoted' : 'replied_to', id: mention.postId }];
      if (mention.postId && fields.has('in_reply_to_user_id')) tweet.in_reply_to_user_id = accountId;
      return tweet;
    });
    const oldest = page[page.length - 1]!;
    const more = all.length > page.length;
    return {
      status: 200,
      body: {
        data,
        ...(expansions.has('author_id')
          ? {
              includes: {
                users: [...new Map(page.map((m) => [m.author.index, m.author])).values()].map((author) => ({
                  id: userId(author.index),
                  name: author.displayName,
                  username: author.handle,
                  public_metrics: { followers_count: author.followers },
                })),
              },
            }
          : {}),
        meta: {
          result_count: page.length,
          newest_id: mentionId(page[0]!),
          oldest_id: mentionId(oldest),
          ...(more ? { next_token: Buffer.from(mentionId(oldest)).toString('base64url') } : {}),
        },
      },
    };
  });

  // The account's own timeline, newest first (how an adapter finds a post whose answer was lost).
  const timeline = endpoint('readTweets', (request) => {
    if (request.params.id !== accountId) return { status: 200, body: { meta: { result_count: 0 } } };
    const max = Number(request.query.max_results ?? 10);
    if (!Number.isInteger(max) || max < 5 || max > 100)
      return invalid('The `max_results` query parameter value is not between 5 and 100.', 'max_results');
    const startTime = typeof request.query.start_time === 'string' ? Date.parse(request.query.start_time) : undefined;
    let posts = world.posts.filter((post) => !post.deleted && (startTime === undefined || post.createdAtMs >= startTime)).reverse();
    const token = request.query.pagination_token;
    if (typeof token === 'string') {
      const before = Buffer.from(token, 'base64url').toString('utf8');
      if (!/^\d+$/.test(before)) return invalid('The `pagination_token` query parameter value is invalid.', 'pagination_token');
      posts = posts.filter((post) => BigInt(post.id) < BigInt(before));
    }
    const page = posts.slice(0, max);
    if (page.length === 0) return { status: 200, body: { meta: { result_count: 0 } } };
    const fields = fieldsOf(request, 'tweet.fields');
    return {
      status: 200,
      body: {
        data: page.map((post) => renderTweet(post, fields)),
        meta: {
          result_count: page.length,
          newest_id: page[0]!.id,
          oldest_id: page[page.length - 1]!.id,
          ...(posts.length > page.length ? { next_token: Buffer.from(page[page.length - 1]!.id).toString('base64url') } : {}),
        },
      },
    };
  });

  // Chunked upload: same commands on the v2 and v1.1 paths, answered in each version's shape.
  const upload = (version: 'v2' | 'v1.1') =>
    endpoint('media', (request) => {
      const fields = {
        ...request.query,
        ...((request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>),
      };
      const command = String(fields.command ?? (request.method === 'GET' ? 'STATUS' : ''));
      const render = (item: Media, extra: Record<string, unknown> = {}) =>
        version === 'v2'
          ? { data: { id: item.id, media_key: item.key, expires_after_secs: 86_400, ...extra } }
          : { media_id: Number(item.id), media_id_string: item.id, media_key: item.key, expires_after_secs: 86_400, ...extra };
      const processing = (item: Media) => {
        if (!item.video || item.finalizedAtMs === undefined) return undefined;
        const done = clock.now() >= item.finalizedAtMs + 2_000;
        return done ? { state: 'succeeded', progress_percent: 100 } : { state: 'in_progress', check_after_secs: 1, progress_percent: 50 };
      };
      if (command === 'INIT') {
        const type = String(fields.media_type ?? '');
        const totalBytes = Number(fields.total_bytes);
        if (!/^(image|video)\//.test(type) || !Number.isFinite(totalBytes) || totalBytes <= 0)
          return invalid('INIT needs media_type and total_bytes.', 'media_type');
        const id = snowflake(clock.now());
        const video = type.startsWith('video/') || type === 'image/gif';
        const item: Media = { id, key: `${video ? 7 : 3}_${id}`, type, totalBytes, received: 0, video };
        media.set(id, item);
        return { status: version === 'v2' ? 200 : 202, body: render(item) };
      }
      const item = media.get(String(fields.media_id ?? ''));
      if (!item) return invalid('media_id is not a known upload.', 'media_id');
      if (command === 'APPEND') {
        const chunk = fields.media as { size?: number } | string | undefined;
        item.received += typeof chunk === 'string' ? chunk.length : Number(chunk?.size ?? 0);
        return { status: 204, body: null };
      }
      if (command === 'FINALIZE') {
        if (item.received === 0) return invalid('FINALIZE before any APPEND.', 'media_id');
        item.finalizedAtMs = clock.now();
        const info = processing(item);
        return {
          status: 200,
          body: render(item, { size: item.received, ...(info ? { processing_info: { state: 'pending', check_after_secs: 1 } } : {}) }),
        };
      }
      if (command === 'STATUS') {
        const info = processing(item) ?? { state: 'succeeded', progress_percent: 100 };
        return { status: 200, body: render(item, { processing_info: info }) };
      }
      return invalid(`Unknown command ${command}.`, 'command');
    });

  // Alt text for an uploaded image or GIF: { id, metadata: { alt_text: { text } } }, as X v2 documents it.
  const mediaMetadata = endpoint('media', (request) => {
    const body = (request.body ?? {}) as { id?: unknown; metadata?: { alt_text?: { text?: unknown } } };
    const item = media.get(String(body.id ?? ''));
    if (!item) return invalid('id is not a known upload.', 'id');
    const text = body.metadata?.alt_text?.text;
    if (typeof text !== 'string' || [...text].length > 1000)
      return invalid('metadata.alt_text.text must be up to 1000 characters.', 'metadata.alt_text.text');
    item.altText = text;
    return { status: 200, body: { data: { id: item.id, associated_metadata: { alt_text: { text } } } } };
  });

  // OAuth 2.0 refresh: rotates both tokens; the old refresh token stops working.
  const token = (request: SimRequest): Response => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.grant_type !== 'refresh_token' || body.refresh_token !== refreshToken) {
      return json(400, { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' });
    }
    tokenSerial += 1;
    const access = `x-access-${tokenSerial}`;
    refreshToken = `x-refresh-${tokenSerial}`;
    accessTokens.set(access, clock.now() + ttl);
    return json(200, {
      token_type: 'bearer',
      expires_in: Math.round(ttl / 1000),
      access_token: access,
      scope: 'tweet.read tweet.write users.read offline.access',
      refresh_token: refreshToken,
    });
  };

  const routes: SimRoute[] = [
    ...xOAuthRoutes({
      now: () => clock.now(),
      accessTokenTtlMs: ttl,
      tokens: { accept: (t, at) => void accessTokens.set(t, at ?? Infinity), forget: (t) => void accessTokens.delete(t) },
      fallback: token,
    }),
    { method: 'POST', path: '/2/tweets', handle: createTweet },
    { method: 'GET', path: '/2/tweets', handle: getTweets },
    { method: 'GET', path: '/2/tweets/:id', handle: getTweet },
    { method: 'DELETE', path: '/2/tweets/:id', handle: deleteTweet },
    { method: 'GET', path: '/2/users/me', handle: me },
    { method: 'GET', path: '/2/users/:id', handle: user },
    { method: 'GET', path: '/2/users/:id/mentions', handle: mentions },
    { method: 'GET', path: '/2/users/:id/tweets', handle: timeline },
    { method: 'POST', path: '/2/media/upload', handle: upload('v2') },
    { method: 'GET', path: '/2/media/upload', handle: upload('v2') },
    { method: 'POST', path: '/2/media/metadata', handle: mediaMetadata },
    { method: 'POST', path: '/1.1/media/upload.json', handle: upload('v1.1') },
    { method: 'GET', path: '/1.1/media/upload.json', handle: upload('v1.1') },
    { method: 'POST', path: '/2/oauth2/token', handle: token },
  ];

  const engine = createSimulatorEngine({
    platform: 'x',
    baseUrl: options.baseUrl ?? 'https://api.x.com',
    clock,
    routes,
    faultResponses: {
      rateLimited: (_request, resetAtMs) =>
        json(429, problem(429, 'Too Many Requests', 'Too Many Requests'), rateHeaders({ limit: 100, remaining: 0, resetAtMs })),
      serverError: (_request, status) =>
        json(
          status,
          problem(status, status === 503 ? 'Service Unavailable' : 'Internal Server Error', 'Something went wrong. Try again later.'),
        ),
      expiredToken: () => json(401, problem(401, 'Unauthorized', 'Unauthorized')),
      notFound: (request) => json(404, problem(404, 'Not Found', `No route for ${request.method} ${request.path}`)),
    },
    onExpiredToken: (request) => {
      const current = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (current) accessTokens.delete(current);
    },
  });

  return {
    ...engine,
    account: { id: accountId, handle },
    credentials,
    posts: () => world.posts.map((post) => ({ ...post })),
    reportedPostMetrics(postId) {
      const post = world.posts.find((entry) => entry.id === postId);
      if (!post) return {};
      const { publicMetrics, nonPublicMetrics } = reportedMetrics(post, true);
      return { ...publicMetrics, ...nonPublicMetrics };
    },
    reportedAccountMetrics: () => ({
      followers_count: world.followers(),
      following_count: world.following(),
      tweet_count: world.posts.filter((p) => !p.deleted).length,
      listed_count: 4,
      like_count: 12,
    }),
    mentionCount: () => world.mentions().length,
    addMention: (input) =>
      void world.addMention({
        text: input.text,
        kind: input.kind ?? 'mention',
        ...(input.postId ? { postId: input.postId } : {}),
        ...(input.language ? { language: input.language } : {}),
      }),
    expireAccessTokens: () => accessTokens.clear(),
  };
}
