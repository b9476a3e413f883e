import { createHash, type Hash } from 'node:crypto';
import type { Clock } from '@smm/core/clock';
import { systemClock } from '@smm/core/clock';
import { TEXT_RULES, countLength } from '@smm/core/text';
import {
  createPublicAccounts,
  createRateLimitWindows,
  createSimulatorEngine,
  createWorld,
  hashString,
  json,
  type IncomingMention,
  type NetworkSimulator,
  type PublicAccountRecord,
  type PublicAccountSeed,
  type SimPost,
  type SimRequest,
  type SimRoute,
  type WindowLimit,
} from '../simulator/index.js';
import { xOAuthRoutes } from '../oauth/index.js';
import { multipartFileBytes } from './multipart-file.js';
import { invalidRequestBody, xOpenApi } from './x-openapi.js';

/** X endpoints' rate-limit buckets (15-minute windows per user by default). */
export type XEndpoint = 'createTweet' | 'deleteTweet' | 'readTweets' | 'mentions' | 'users' | 'media' | 'likes' | 'hideReplies' | 'muting';

/** Options of {@link createXSimulator}. */
export interface XSimulatorOptions {
  /** Default the system clock; pass `createFakeClock()` for deterministic tests. */
  clock?: Clock;
  seed?: number | string;
  /** Default `https://api.x.com`. */
  baseUrl?: string;
  /** The account (default id `1460000000000000001`, handle `smm_brand`). */
  account?: { id?: string; handle?: string };
  /** Per-endpoint limits per 15 minutes (defaults: create 100, delete 50, reads 900, mentions 180, users 300, media 500, likes 50, hide 50, muting 50). */
  limits?: Partial<Record<XEndpoint, WindowLimit>>;
  mentionBacklog?: number;
  mentionEveryMs?: number;
  /** Access tokens live this long (default 2 h, as X documents). */
  accessTokenTtlMs?: number;
  /**
   * How X processes an uploaded video or GIF after FINALIZE: for `durationMs` of clock time
   * (default 2 000) it answers `processing_info` `pending`, then `in_progress` with
   * `check_after_secs` (default 1) and a growing `progress_percent`; then `succeeded`, or
   * `failed` with `failWith` as X's error message (e.g. `'Unsupported video format'`).
   */
  mediaProcessing?: { durationMs?: number; checkAfterSecs?: number; failWith?: string };
}

/** What the simulator holds of one media upload: sizes, segment indexes and a hash, never the bytes. */
export interface XSimMediaUpload {
  id: string;
  mediaType: string;
  totalBytes: number;
  /** Bytes received per appended segment index, in the order they completed (a repeat shows twice). */
  appends: Array<{ segmentIndex: number; bytes: number }>;
  /** SHA-256 (hex) of the bytes in the order they were appended (segments in index order when each came once). */
  sha256: string;
  finalized: boolean;
}

/** The X (API v2) simulator: `createXSimulator()`'s result. */
export interface XSimulator extends NetworkSimulator {
  /** Credentials: `{ accessToken, refreshToken, clientId }` (OAuth 2.0 user context). */
  readonly credentials: { accessToken: string; refreshToken: string; clientId: string };
  /** Marks every current access token expired (as if 2 h passed). */
  expireAccessTokens(): void;
  /**
   * The user removes the app (x.com/settings/connected_apps): every access token and the
   * refresh token stop working. X then answers the API with the same bare 401 as for an
   * expired token, and a refresh with 400 `invalid_request`.
   */
  revokeAccess(): void;
  /**
   * Seeds an account you do not own (a competitor) with known public numbers, served by
   * `GET /2/users/by/username/:username`, `GET /2/users/:id` and `GET /2/users/:id/tweets`;
   * seeding the same handle again replaces its numbers and keeps its id.
   */
  addPublicAccount(seed: PublicAccountSeed): { id: string };
  /** What the account did to mentions (like, unlike, hide, unhide, mute), oldest first, by X ids. */
  mentionActions(): Array<{ action: string; postId?: string; userId: string; at: string }>;
  /** The media uploads received, oldest first (sizes and hashes only: the simulator keeps no media bytes). */
  mediaUploads(): XSimMediaUpload[];
}

const WINDOW = 15 * 60_000;
const DEFAULT_LIMITS: Record<XEndpoint, WindowLimit> = {
  createTweet: { limit: 100, windowMs: WINDOW },
  deleteTweet: { limit: 50, windowMs: WINDOW },
  readTweets: { limit: 900, windowMs: WINDOW },
  mentions: { limit: 180, windowMs: WINDOW },
  users: { limit: 300, windowMs: WINDOW },
  media: { limit: 500, windowMs: WINDOW },
  // X's rate-limit table: 50 requests per 15 minutes per user for each of these.
  likes: { limit: 50, windowMs: WINDOW },
  hideReplies: { limit: 50, windowMs: WINDOW },
  muting: { limit: 50, windowMs: WINDOW },
};
const TWITTER_EPOCH = 1288834974657n;
const URL_PATTERN = /https?:\/\/\S+/;

interface Media {
  id: string;
  key: string;
  type: string;
  totalBytes: number;
  received: number;
  /** Appended segments: index → bytes. */
  segments: Map<number, number>;
  appends: Array<{ segmentIndex: number; bytes: number }>;
  hash: Hash;
  sha256?: string;
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
// The OpenAPI document serves Problem bodies as application/problem+json.
const PROBLEM = { 'content-type': 'application/problem+json' };
const PROBLEMS = 'https://api.x.com/2/problems';

/**
 * Simulates the parts of the X API v2 the X adapter uses, held to X's published OpenAPI
 * document (vendored in `definitions/x/`): every request to a documented operation is checked
 * against it (path, query parameters with their enums and ranges, body schema with
 * `additionalProperties: false`), and one that breaks it is refused as X refuses it: 400 with
 * an invalid-request Problem listing each violation. Served: `POST /2/tweets` (text, reply,
 * media, poll), `DELETE /2/tweets/:id`, `GET /2/tweets/:id` and `GET /2/tweets?ids=` with
 * `post.fields` (`public_metrics`, `non_public_metrics` for own posts under 30 days;
 * `url_link_clicks` only when the post has a link) and `expansions`, `GET /2/users/:id/mentions`
 * (`max_results`, `pagination_token`, `meta.next_token`, `expansions=author_id`), `GET /2/users/me`
 * and `/2/users/:id` (`public_metrics`), `GET /2/users/:id/tweets` (own timeline; a seeded
 * account's too), `GET /2/users/by/username/:username` (accounts seeded with `addPublicAccount`), media upload
 * (one-shot `POST /2/media/upload`; chunked `POST /2/media/upload/initialize`,
 * `/2/media/upload/:id/append`, `/2/media/upload/:id/finalize`; status `GET /2/media/upload`),
 * alt text (`POST /2/media/metadata`), and OAuth 2.0 refresh (`POST /2/oauth2/token`, not in the
 * document). Every response carries `x-rate-limit-limit/remaining/reset` (epoch seconds). X
 * refuses a post whose text duplicates a live post (403).
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

  // Wraps an endpoint: auth, then the OpenAPI operation `template` (refused with X's
  // invalid-request answer when broken), then its rate-limit bucket, then the handler.
  const endpoint =
    (bucket: XEndpoint, template: string, handler: (request: SimRequest) => { status: number; body: unknown }) =>
    (request: SimRequest): Response => {
      if (!authorized(request)) return json(401, problem(401, 'Unauthorized', 'Unauthorized'), PROBLEM);
      const violations = xOpenApi().checkRequest({
        method: request.method,
        template,
        params: request.params,
        query: request.query,
        contentType: request.headers['content-type'],
        body: request.body,
        bodySize: request.bodySize,
      });
      const state = windows.spend(`${accountId}:${bucket}`, limits[bucket]);
      if (!state.allowed) return json(429, problem(429, 'Too Many Requests', 'Too Many Requests'), { ...rateHeaders(state), ...PROBLEM });
      if (violations.length > 0) return json(400, invalidRequestBody(violations), { ...rateHeaders(state), ...PROBLEM });
      const { status, body } = handler(request);
      const problemBody = status >= 400 && body !== null && typeof body === 'object' && 'type' in body;
      return json(status, body, { ...rateHeaders(state), ...(problemBody ? PROBLEM : {}) });
    };

  // A request the definition allows but X refuses for what it says (unknown media id, …).
  const invalid = (message: string, parameter: string, value?: unknown) => ({
    status: 400,
    body: invalidRequestBody([{ parameters: { [parameter]: value === undefined ? [] : [value] }, message }]),
  });

  const notFoundError = (id: string) => ({
    value: id,
    detail: `Could not find tweet with id: [${id}].`,
    title: 'Not Found Error',
    resource_type: 'tweet',
    parameter: 'id',
    resource_id: id,
    type: `${PROBLEMS}/resource-not-found`,
  });

  const fieldsOf = (request: SimRequest, name: string) =>
    new Set(
      String(request.query[name] ?? '')
        .split(',')
        .filter(Boolean),
    );

  // Field names as the document's PostPublicMetrics names them.
  const reportedMetrics = (post: SimPost, nonPublic: boolean) => {
    const counters = world.counters(post);
    const publicMetrics = {
      repost_count: counters.reposts,
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

  // `fields` holds the requested `post.fields` and `expansions`: an expansion also puts its field on the post.
  const renderTweet = (post: SimPost, fields: Set<string>) => {
    const tweet: Record<string, unknown> = { id: post.id, text: post.text, edit_history_post_ids: [post.id] };
    if (fields.has('created_at')) tweet.created_at = post.createdAt;
    if (fields.has('author_id')) tweet.author_id = accountId;
    if (fields.has('conversation_id')) tweet.conversation_id = String(post.extra.conversationId ?? post.id);
    if (fields.has('in_reply_to_user_id') && post.replyToId) tweet.in_reply_to_user_id = accountId;
    if (fields.has('referenced_posts') && post.replyToId) tweet.referenced_posts = [{ type: 'replied_to', id: post.replyToId }];
    if (fields.has('attachments') && post.mediaIds.length > 0)
      tweet.attachments = { media_keys: post.mediaIds.map((id) => media.get(id)?.key ?? `3_${id}`) };
    const metrics = reportedMetrics(post, fields.has('non_public_metrics'));
    if (fields.has('public_metrics')) tweet.public_metrics = metrics.publicMetrics;
    if (fields.has('non_public_metrics') && metrics.nonPublicMetrics) tweet.non_public_metrics = metrics.nonPublicMetrics;
    return tweet;
  };

  // https://docs.x.com/x-api/posts/create-post
  const createTweet = endpoint('createTweet', '/2/tweets', (request) => {
    const body = request.body as Record<string, unknown>;
    const text = typeof body.text === 'string' ? body.text : '';
    const mediaIds = (body.media as { media_ids?: unknown } | undefined)?.media_ids;
    if (text === '' && !Array.isArray(mediaIds)) return invalid('You must specify text or media.', 'text');
    const exclusive = ['media', 'poll', 'quote_tweet_id'].filter((name) => body[name] !== undefined);
    if (exclusive.length > 1) return invalid(`${exclusive.join(' and ')} are mutually exclusive.`, exclusive[1]!);
    // X's own rule (twitter-text weighted length): every URL counts 23, emoji and CJK count 2.
    if (countLength(text, TEXT_RULES.x) > 280) return { status: 403, body: problem(403, 'Forbidden', 'Your Tweet text is too long.') };
    if (Array.isArray(mediaIds)) {
      for (const id of mediaIds) {
        const item = media.get(String(id));
        if (!isReady(item)) return invalid(`Your media IDs are invalid: ${String(id)}.`, 'media.media_ids', String(id));
      }
    }
    const reply = body.reply as { in_reply_to_tweet_id?: unknown } | undefined;
    let parent: SimPost | undefined;
    if (reply !== undefined) {
      parent = world.livePost(String(reply.in_reply_to_tweet_id));
      const known = world.mentions().some((mention) => mentionId(mention) === String(reply.in_reply_to_tweet_id));
      if (!parent && !known)
        return invalid(
          'The Tweet you are replying to does not exist or is not visible.',
          'reply.in_reply_to_tweet_id',
          String(reply.in_reply_to_tweet_id),
        );
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
    return { status: 201, body: { data: { id, text, edit_history_post_ids: [id] } } };
  });

  // https://docs.x.com/x-api/posts/delete-post
  const deleteTweet = endpoint('deleteTweet', '/2/tweets/{id}', (request) => {
    const post = world.livePost(request.params.id!);
    if (!post)
      return {
        status: 404,
        body: problem(404, 'Not Found Error', `Could not find tweet with id: [${request.params.id}].`, `${PROBLEMS}/resource-not-found`, {
          resource_type: 'tweet',
          resource_id: request.params.id,
          parameter: 'id',
          value: request.params.id,
        }),
      };
    post.deleted = true;
    return { status: 200, body: { data: { deleted: true } } };
  });

  const postFieldsOf = (request: SimRequest) => new Set([...fieldsOf(request, 'post.fields'), ...fieldsOf(request, 'expansions')]);

  // https://docs.x.com/x-api/posts/get-post-by-id
  const getTweet = endpoint('readTweets', '/2/tweets/{id}', (request) => {
    const post = world.livePost(request.params.id!);
    if (!post) return { status: 200, body: { errors: [notFoundError(request.params.id!)] } };
    return { status: 200, body: { data: renderTweet(post, postFieldsOf(request)) } };
  });

  // https://docs.x.com/x-api/posts/get-posts-by-ids
  const getTweets = endpoint('readTweets', '/2/tweets', (request) => {
    const ids = String(request.query.ids ?? '')
      .split(',')
      .filter(Boolean);
    const fields = postFieldsOf(request);
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
              post_count: world.posts.filter((p) => !p.deleted).length,
              listed_count: 4,
              like_count: 12,
            },
          }
        : {}),
    };
  };
  // https://docs.x.com/x-api/users/get-my-user
  const me = endpoint('users', '/2/users/me', (request) => ({ status: 200, body: { data: renderUser(request) } }));
  // https://docs.x.com/x-api/users/get-user-by-id
  const user = endpoint('users', '/2/users/{id}', (request) =>
    request.params.id === accountId
      ? { status: 200, body: { data: renderUser(request) } }
      : publicAccounts.byId(request.params.id!)
        ? { status: 200, body: { data: renderPublicUser(publicAccounts.byId(request.params.id!)!, request) } }
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

  // https://docs.x.com/x-api/users/get-mentions
  const mentions = endpoint('mentions', '/2/users/{id}/mentions', (request) => {
    if (request.params.id !== accountId)
      return { status: 403, body: problem(403, 'Forbidden', 'You can only read the mentions of the authenticated user.') };
    const max = Number(request.query.max_results ?? 10);
    const token = request.query.pagination_token;
    let all = world.mentions().reverse(); // newest first, as X returns them
    if (typeof token === 'string') {
      const before = Buffer.from(token, 'base64url').toString('utf8');
      if (!/^\d+$/.test(before)) return invalid('The `pagination_token` query parameter value is invalid.', 'pagination_token', token);
      all = all.filter((mention) => BigInt(mentionId(mention)) < BigInt(before));
    }
    const page = all.slice(0, max);
    if (page.length === 0) return { status: 200, body: { meta: { result_count: 0 } } };
    const fields = postFieldsOf(request);
    const expansions = fieldsOf(request, 'expansions');
    const data = page.map((mention) => {
      const id = mentionId(mention);
      const tweet: Record<string, unknown> = { id, text: mention.text, edit_history_post_ids: [id] };
      if (fields.has('author_id') || expansions.has('author_id')) tweet.author_id = userId(mention.author.index);
      if (fields.has('created_at')) tweet.created_at = new Date(mention.createdAtMs).toISOString();
      if (fields.has('conversation_id'))
        tweet.conversation_id = mention.postId
          ? String(world.posts.find((p) => p.id === mention.postId)?.extra.conversationId ?? mention.postId)
          : id;
      if (fields.has('lang')) tweet.lang = mention.language ?? 'und'; // X says 'und' when it cannot tell
      if (mention.postId && fields.has('referenced_posts'))
        tweet.referenced_posts = [{ type: mention.kind === 'quote' ? 'quoted' : 'replied_to', id: mention.postId }];
      if (mention.postId && fields.has('in_reply_to_user_id')) tweet.in_reply_to_user_id = accountId;
      // Another user's post: the only engagement the simulated world knows is the account's own like.
      if (fields.has('public_metrics'))
        tweet.public_metrics = {
          repost_count: 0,
          reply_count: 0,
          like_count: world.isOn('like', mention.key) ? 1 : 0,
          quote_count: 0,
          bookmark_count: 0,
          impression_count: 0,
        };
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
                  // UserPublicMetrics requires these four; the author's other counts derive from its handle.
                  ...(fieldsOf(request, 'user.fields').has('public_metrics')
                    ? {
                        public_metrics: {
                          followers_count: author.followers,
                          following_count: hashString(`${author.handle}:following`) % 2_000,
                          post_count: hashString(`${author.handle}:posts`) % 20_000,
                          listed_count: hashString(`${author.handle}:listed`) % 50,
                        },
                      }
                    : {}),
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
  // https://docs.x.com/x-api/users/get-posts
  const timeline = endpoint('readTweets', '/2/users/{id}/tweets', (request) => {
    const other = publicAccounts.byId(request.params.id!);
    if (other) return publicTimeline(other, request);
    if (request.params.id !== accountId) return { status: 200, body: { meta: { result_count: 0 } } };
    const max = Number(request.query.max_results ?? 10);
    const startTime = typeof request.query.start_time === 'string' ? Date.parse(request.query.start_time) : undefined;
    let posts = world.posts.filter((post) => !post.deleted && (startTime === undefined || post.createdAtMs >= startTime)).reverse();
    const token = request.query.pagination_token;
    if (typeof token === 'string') {
      const before = Buffer.from(token, 'base64url').toString('utf8');
      if (!/^\d+$/.test(before)) return invalid('The `pagination_token` query parameter value is invalid.', 'pagination_token', token);
      posts = posts.filter((post) => BigInt(post.id) < BigInt(before));
    }
    const page = posts.slice(0, max);
    if (page.length === 0) return { status: 200, body: { meta: { result_count: 0 } } };
    const fields = postFieldsOf(request);
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

  // https://docs.x.com/x-api/media/media-upload-status: pending -> in_progress -> failed | succeeded;
  // a media id can be posted only once it has succeeded.
  const processingMs = options.mediaProcessing?.durationMs ?? 2_000;
  const checkAfterSecs = options.mediaProcessing?.checkAfterSecs ?? 1;
  const processing = (item: Media) => {
    if (!item.video || item.finalizedAtMs === undefined) return undefined;
    const elapsed = clock.now() - item.finalizedAtMs;
    if (elapsed >= processingMs) {
      const failWith = options.mediaProcessing?.failWith;
      return failWith === undefined
        ? { state: 'succeeded', progress_percent: 100 }
        : { state: 'failed', progress_percent: 100, error: { code: 1, name: 'InvalidMedia', message: failWith } };
    }
    if (elapsed <= 0) return { state: 'pending', check_after_secs: checkAfterSecs };
    return { state: 'in_progress', check_after_secs: checkAfterSecs, progress_percent: Math.floor((elapsed / processingMs) * 100) };
  };
  const isReady = (item: Media | undefined) =>
    item?.finalizedAtMs !== undefined && (processing(item)?.state ?? 'succeeded') === 'succeeded';
  const renderMedia = (item: Media, extra: Record<string, unknown> = {}) => ({
    data: { id: item.id, media_key: item.key, expires_after_secs: 86_400, ...extra },
  });
  const newMedia = (type: string, totalBytes: number, video: boolean): Media => {
    const id = snowflake(clock.now());
    const item: Media = {
      id,
      key: `${video ? 7 : 3}_${id}`,
      type,
      totalBytes,
      received: 0,
      segments: new Map(),
      appends: [],
      hash: createHash('sha256'),
      video,
    };
    media.set(id, item);
    return item;
  };
  // A JSON body carries base64 (`format: byte`), a multipart one the file itself.
  const sizeOf = (value: unknown) =>
    typeof value === 'string' ? Math.floor((value.replace(/=+$/, '').length * 3) / 4) : Number((value as { size?: number }).size ?? 0);
  // The schema takes any string (`binary` or `byte`); its description says JSON bodies carry base64.
  // Checked without a repeated group: a group repeated over a multi-megabyte segment overflows the regex stack.
  const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
  const notBase64 = (value: unknown) =>
    typeof value === 'string' && (value.length % 4 !== 0 || !BASE64.test(value))
      ? invalid('media must be base64-encoded in a JSON body.', 'media', value.slice(0, 32))
      : undefined;
  const upload = (request: SimRequest) => {
    const item = media.get(request.params.id!);
    return item ? { item } : { refused: invalid(`Could not find media with id: [${request.params.id}].`, 'id', request.params.id) };
  };

  // One-shot upload: https://docs.x.com/x-api/media/media-upload
  const uploadOneShot = endpoint('media', '/2/media/upload', (request) => {
    const body = request.body as { media: unknown; media_category: string };
    const refused = notBase64(body.media);
    if (refused) return refused;
    const video = body.media_category.endsWith('_video') || body.media_category.endsWith('_gif');
    const item = newMedia(video ? 'video/mp4' : 'image/jpeg', sizeOf(body.media), video);
    item.received = item.totalBytes;
    if (typeof body.media === 'string') item.hash.update(Buffer.from(body.media, 'base64'));
    else {
      // multipart/form-data: the segment is the binary `media` part, hashed where it lies.
      const segment = multipartFileBytes(request.bytes, request.headers['content-type'], 'media');
      if (segment) item.hash.update(segment);
    }
    item.sha256 = item.hash.digest('hex');
    item.finalizedAtMs = clock.now();
    const info = processing(item);
    return {
      status: 200,
      body: renderMedia(item, { size: item.received, ...(info ? { processing_info: info } : {}) }),
    };
  });

  // Chunked upload, step 1: https://docs.x.com/x-api/media/initialize-media-upload
  const initialize = endpoint('media', '/2/media/upload/initialize', (request) => {
    const body = request.body as { media_type?: string; total_bytes?: number };
    if (body.media_type === undefined) return invalid('media_type is required to initialize an upload.', 'media_type');
    if (body.total_bytes === undefined || body.total_bytes <= 0)
      return invalid('total_bytes must be above 0.', 'total_bytes', body.total_bytes);
    const item = newMedia(body.media_type, body.total_bytes, body.media_type.startsWith('video/') || body.media_type === 'image/gif');
    return { status: 200, body: renderMedia(item) };
  });

  // Step 2, once per segment: https://docs.x.com/x-api/media/append-media-upload
  const append = endpoint('media', '/2/media/upload/{id}/append', (request) => {
    const found = upload(request);
    if (!found.item) return found.refused;
    const { item } = found;
    if (item.finalizedAtMs !== undefined) return invalid('This upload is already finalized.', 'id', item.id);
    const body = request.body as { media: unknown; segment_index: number | string };
    const refused = notBase64(body.media);
    if (refused) return refused;
    // A repeated segment replaces the one before (a retried APPEND is harmless). Only sizes and
    // a running hash are kept, never the bytes: a 300 MB upload must not grow the simulator.
    const size = sizeOf(body.media);
    item.segments.set(Number(body.segment_index), size);
    item.appends.push({ segmentIndex: Number(body.segment_index), bytes: size });
    if (typeof body.media === 'string') item.hash.update(Buffer.from(body.media, 'base64'));
    else {
      // multipart/form-data: the segment is the binary `media` part, hashed where it lies.
      const segment = multipartFileBytes(request.bytes, request.headers['content-type'], 'media');
      if (segment) item.hash.update(segment);
    }
    return { status: 200, body: { data: { expires_at: Math.floor(clock.now() / 1000) + 86_400 } } };
  });

  // Step 3: https://docs.x.com/x-api/media/finalize-media-upload
  const finalize = endpoint('media', '/2/media/upload/{id}/finalize', (request) => {
    const found = upload(request);
    if (!found.item) return found.refused;
    const { item } = found;
    const indexes = [...item.segments.keys()].sort((a, b) => a - b);
    if (indexes.length === 0) return invalid('Finalize needs at least one appended segment.', 'id', item.id);
    if (indexes.some((index, position) => index !== position))
      return invalid(`Segments are not contiguous from 0: [${indexes.join(',')}].`, 'segment_index', indexes);
    item.received = [...item.segments.values()].reduce((sum, size) => sum + size, 0);
    if (item.received !== item.totalBytes)
      return invalid(`The segments hold ${item.received} bytes, total_bytes said ${item.totalBytes}.`, 'total_bytes', item.totalBytes);
    item.sha256 ??= item.hash.digest('hex');
    item.finalizedAtMs ??= clock.now();
    const info = processing(item);
    return {
      status: 200,
      body: renderMedia(item, { size: item.received, ...(info ? { processing_info: info } : {}) }),
    };
  });

  // Processing status: https://docs.x.com/x-api/media/media-upload-status
  const uploadStatus = endpoint('media', '/2/media/upload', (request) => {
    const id = String(request.query.media_id);
    const item = media.get(id);
    if (!item) return invalid(`Could not find media with id: [${id}].`, 'media_id', id);
    const info = processing(item) ?? { state: 'succeeded', progress_percent: 100 };
    return { status: 200, body: renderMedia(item, { processing_info: info }) };
  });

  // Alt text for an uploaded image or GIF: https://docs.x.com/x-api/media/media-metadata-create
  const mediaMetadata = endpoint('media', '/2/media/metadata', (request) => {
    const body = request.body as { id: string; metadata?: { alt_text?: { text: string } } };
    const item = media.get(body.id);
    if (!item) return invalid(`Could not find media with id: [${body.id}].`, 'id', body.id);
    const text = body.metadata?.alt_text?.text;
    if (text === undefined) return invalid('metadata.alt_text is required.', 'metadata.alt_text');
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

  // --- Accounts you do not own (competitors): read routes only. ---
  const publicAccounts = createPublicAccounts(
    (index) => String(1_600_000_000 + index * 104_729),
    (_account, index, post) => snowflake(Date.parse(post.createdAt), 2_000 + index),
  );
  const renderPublicUser = (account: PublicAccountRecord, request: SimRequest) => ({
    id: account.id,
    name: account.displayName,
    username: account.handle,
    ...(fieldsOf(request, 'user.fields').has('public_metrics')
      ? {
          public_metrics: {
            followers_count: account.followers,
            following_count: account.following,
            post_count: account.postsCount,
            listed_count: 0,
          },
        }
      : {}),
  });
  // https://docs.x.com/x-api/users/get-user-by-username
  const userByUsername = endpoint('users', '/2/users/by/username/{username}', (request) => {
    const username = request.params.username!;
    if (username.toLowerCase() === handle.toLowerCase()) return { status: 200, body: { data: renderUser(request) } };
    const account = publicAccounts.byHandle(username);
    if (account) return { status: 200, body: { data: renderPublicUser(account, request) } };
    return {
      status: 200,
      body: {
        errors: [
          {
            value: username,
            detail: `Could not find user with username: [${username}].`,
            title: 'Not Found Error',
            resource_type: 'user',
            parameter: 'username',
            resource_id: username,
            type: `${PROBLEMS}/resource-not-found`,
          },
        ],
      },
    };
  });
  // Another user's posts, newest first, with PostPublicMetrics names: https://docs.x.com/x-api/users/get-posts
  const publicTimeline = (account: PublicAccountRecord, request: SimRequest) => {
    const max = Number(request.query.max_results ?? 10);
    const fields = postFieldsOf(request);
    const token =
      typeof request.query.pagination_token === 'string' ? Number(Buffer.from(request.query.pagination_token, 'base64url').toString()) : 0;
    const page = account.posts.slice(token, token + max);
    if (page.length === 0) return { status: 200, body: { meta: { result_count: 0 } } };
    const data = page.map((post) => ({
      id: post.id,
      text: post.text,
      edit_history_post_ids: [post.id],
      ...(fields.has('created_at') ? { created_at: new Date(post.createdAtMs).toISOString() } : {}),
      ...(fields.has('author_id') ? { author_id: account.id } : {}),
      ...(fields.has('public_metrics')
        ? {
            public_metrics: {
              repost_count: post.reposts ?? 0,
              reply_count: post.replies ?? 0,
              like_count: post.likes ?? 0,
              quote_count: post.quotes ?? 0,
              bookmark_count: 0,
              impression_count: 0,
            },
          }
        : {}),
    }));
    const more = token + max < account.posts.length;
    return {
      status: 200,
      body: {
        data,
        meta: {
          result_count: page.length,
          newest_id: page[0]!.id,
          oldest_id: page[page.length - 1]!.id,
          ...(more ? { next_token: Buffer.from(String(token + max)).toString('base64url') } : {}),
        },
      },
    };
  };
  // --- Actions on mentions (issue 25): like, unlike, hide a reply, mute its author. ---
  const mentionById = (id: string) => world.mentions().find((mention) => mentionId(mention) === id);
  const onlyOwn = (request: SimRequest) =>
    request.params.id === accountId
      ? undefined
      : { status: 403, body: problem(403, 'Forbidden', 'You are not permitted to act on behalf of another user.') };
  const tweetNotFound = (id: string) => ({
    status: 404,
    body: problem(404, 'Not Found Error', `Could not find tweet with id: [${id}].`, `${PROBLEMS}/resource-not-found`, {
      resource_type: 'tweet',
      resource_id: id,
      parameter: 'tweet_id',
      value: id,
    }),
  });

  // https://docs.x.com/x-api/users/like-post
  const likePost = endpoint('likes', '/2/users/{id}/likes', (request) => {
    const forbidden = onlyOwn(request);
    if (forbidden) return forbidden;
    const tweetId = (request.body as { tweet_id: string }).tweet_id;
    const mention = mentionById(tweetId);
    if (!mention) return tweetNotFound(tweetId);
    // Liking twice is not an error on X: the answer says it is liked.
    if (!world.isOn('like', mention.key)) world.act('like', mention);
    return { status: 200, body: { data: { liked: true } } };
  });

  // https://docs.x.com/x-api/users/unlike-post
  const unlikePost = endpoint('likes', '/2/users/{id}/likes/{tweet_id}', (request) => {
    const forbidden = onlyOwn(request);
    if (forbidden) return forbidden;
    const mention = mentionById(request.params.tweet_id!);
    if (!mention) return tweetNotFound(request.params.tweet_id!);
    if (world.isOn('like', mention.key)) world.act('unlike', mention);
    return { status: 200, body: { data: { liked: false } } };
  });

  // Only a reply in a conversation the account started can be hidden.
  // https://docs.x.com/x-api/posts/hide-reply
  const hideReply = endpoint('hideReplies', '/2/tweets/{tweet_id}/hidden', (request) => {
    const mention = mentionById(request.params.tweet_id!);
    if (!mention) return tweetNotFound(request.params.tweet_id!);
    if (mention.kind !== 'reply' || !mention.postId)
      return { status: 403, body: problem(403, 'Forbidden', 'You can only hide or unhide replies to conversations you started.') };
    const { hidden } = request.body as { hidden: boolean };
    if (world.isOn('hide', mention.key) !== hidden) world.act(hidden ? 'hide' : 'unhide', mention);
    return { status: 200, body: { data: { hidden } } };
  });

  // https://docs.x.com/x-api/users/mute-user
  const muteUser = endpoint('muting', '/2/users/{id}/muting', (request) => {
    const forbidden = onlyOwn(request);
    if (forbidden) return forbidden;
    const target = (request.body as { target_user_id: string }).target_user_id;
    const author = world.users.find((candidate) => userId(candidate.index) === target);
    if (!author)
      return {
        status: 404,
        body: problem(404, 'Not Found Error', `Could not find user with id: [${target}].`, `${PROBLEMS}/resource-not-found`, {
          resource_type: 'user',
          resource_id: target,
          parameter: 'target_user_id',
          value: target,
        }),
      };
    world.act('mute', author);
    return { status: 200, body: { data: { muting: true } } };
  });

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
    // Read routes for accounts you do not own (competitors).
    { method: 'GET', path: '/2/users/by/username/:username', handle: userByUsername },
    { method: 'POST', path: '/2/media/upload', handle: uploadOneShot },
    { method: 'GET', path: '/2/media/upload', handle: uploadStatus },
    { method: 'POST', path: '/2/media/upload/initialize', handle: initialize },
    { method: 'POST', path: '/2/media/upload/:id/append', handle: append },
    { method: 'POST', path: '/2/media/upload/:id/finalize', handle: finalize },
    { method: 'POST', path: '/2/media/metadata', handle: mediaMetadata },
    { method: 'POST', path: '/2/oauth2/token', handle: token },
    // Actions on mentions (issue 25).
    { method: 'POST', path: '/2/users/:id/likes', handle: likePost },
    { method: 'DELETE', path: '/2/users/:id/likes/:tweet_id', handle: unlikePost },
    { method: 'PUT', path: '/2/tweets/:tweet_id/hidden', handle: hideReply },
    { method: 'POST', path: '/2/users/:id/muting', handle: muteUser },
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
    // An APPEND's base64 `media` is logged by its size only, so a long upload does not grow the log.
    recordBody: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      if (!/^\/2\/media\/upload(\/[^/]+\/append)?$/.test(request.path) || typeof body?.media !== 'string') return request.body;
      return { ...body, media: `<${sizeOf(body.media)} bytes, base64>` };
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
      post_count: world.posts.filter((p) => !p.deleted).length,
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
    revokeAccess: () => {
      accessTokens.clear();
      // A value no app holds: the refresh token the app has is refused from now on.
      refreshToken = `x-refresh-revoked-${tokenSerial}`;
    },
    addPublicAccount: (seed) => ({ id: publicAccounts.add(seed).id }),
    mentionActions: () =>
      world.actions.map((entry) => {
        const mention = entry.mentionKey === undefined ? undefined : world.mentions().find((m) => m.key === entry.mentionKey);
        return {
          action: entry.action,
          ...(mention ? { postId: mentionId(mention) } : {}),
          userId: userId(entry.authorIndex),
          at: new Date(entry.atMs).toISOString(),
        };
      }),
    mediaUploads: () =>
      [...media.values()].map((item) => ({
        id: item.id,
        mediaType: item.type,
        totalBytes: item.totalBytes,
        appends: item.appends.map((entry) => ({ ...entry })),
        sha256: item.sha256 ?? item.hash.copy().digest('hex'),
        finalized: item.finalizedAtMs !== undefined,
      })),
  };
}
