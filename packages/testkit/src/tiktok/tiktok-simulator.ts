import type { Clock } from '@smm/core/clock';
import { systemClock } from '@smm/core/clock';
import {
  createRateLimitWindows,
  createSimulatorEngine,
  createWorld,
  json,
  type NetworkSimulator,
  type SimPost,
  type SimRequest,
  type SimRoute,
  type WindowLimit,
} from '../simulator/index.js';
import { checkChunkPlan, chunkRange, parseContentRange, PRIVACY_LEVELS, utf16Length, type ChunkPlan } from './publish-rules.js';
import { fail, invalidParams, ok, type TikTokError } from './tiktok-envelope.js';
import { tiktokOAuthRoutes } from './tiktok-oauth.js';

const MINUTE = 60_000;

/** The scopes TikTok's Login Kit grants for posting and reading. https://developers.tiktok.com/doc/tiktok-api-scopes */
export type TikTokScope = 'user.info.basic' | 'user.info.stats' | 'video.publish' | 'video.upload' | 'video.list';

/** Options of {@link createTikTokSimulator}. */
export interface TikTokSimulatorOptions {
  clock?: Clock;
  seed?: number | string;
  /** Default `https://open.tiktokapis.com`. */
  baseUrl?: string;
  /** The creator (default `smm_creator`, nickname `SMM Creator`). */
  account?: { openId?: string; username?: string; nickname?: string };
  /**
   * Whether the API client passed TikTok's audit (default true). An unaudited client may only
   * post `SELF_ONLY`; anything else is refused with `unaudited_client_can_only_post_to_private_accounts`.
   */
  audited?: boolean;
  /** `privacy_level_options` creator_info returns (default all four: the creator's account is public). */
  privacyLevelOptions?: string[];
  /** `max_video_post_duration_sec` creator_info returns (default 600). */
  maxVideoPostDurationSec?: number;
  /** `comment_disabled`, `duet_disabled`, `stitch_disabled` of the creator (default all false). */
  interactions?: { commentDisabled?: boolean; duetDisabled?: boolean; stitchDisabled?: boolean };
  /** Scopes the access token carries (default all of `user.info.basic`, `user.info.stats`, `video.publish`, `video.upload`, `video.list`). */
  scopes?: TikTokScope[];
  /** How long TikTok processes a video once it has all its bytes (default 20 s). */
  processingMs?: number;
  /** How long moderation of a public post takes after processing (default 40 s); the post id comes after it. */
  moderationMs?: number;
  /** How long a `PULL_FROM_URL` download takes (default 5 s). */
  downloadMs?: number;
  /** How long an `upload_url` stays valid (default 1 hour). */
  uploadUrlTtlMs?: number;
  /** Access token lifetime (default 2 hours, as TikTok's current token pages give it; older pages said 24 hours). */
  accessTokenTtlMs?: number;
  /** URL prefixes the developer verified for `PULL_FROM_URL` (default: the simulator's own `<baseUrl>/sim-media/`). */
  verifiedUrlPrefixes?: string[];
  /** Posts a creator may make through the API per day before `spam_risk_too_many_posts` (default: no cap). */
  dailyPostCap?: number;
}

/** One publish as the simulator tracks it (`sim.publishes()`). */
export interface TikTokSimPublish {
  publishId: string;
  mode: 'DIRECT_POST' | 'MEDIA_UPLOAD';
  mediaType: 'VIDEO' | 'PHOTO';
  source: 'FILE_UPLOAD' | 'PULL_FROM_URL';
  title: string;
  description: string;
  privacyLevel: string | undefined;
  createdAtMs: number;
  /** FILE_UPLOAD: the declared plan and how many bytes arrived. */
  plan?: ChunkPlan | undefined;
  uploadedBytes: number;
  /** How many chunk PUTs arrived (a repeat of the last chunk counts again). */
  chunkPuts: number;
  /** When the last byte arrived (or the download finished). */
  mediaCompleteAtMs?: number | undefined;
  photoImages?: string[] | undefined;
  failReason?: string | undefined;
  /** The video id once it is live. */
  postId?: string | undefined;
}

/** The TikTok simulator. */
export interface TikTokSimulator extends NetworkSimulator {
  /** `{ accessToken, refreshToken, clientKey, clientSecret }`. */
  readonly credentials: { accessToken: string; refreshToken: string; clientKey: string; clientSecret: string };
  /** Every publish started (`publish_id`s), in order. */
  publishes(): TikTokSimPublish[];
  /** Publishes that ended in the creator's inbox (upload mode), as drafts. */
  inbox(): TikTokSimPublish[];
  /** Makes the next publish that finishes its media end `FAILED` with this `fail_reason` (e.g. `file_format_check_failed`). */
  failNextProcessing(reason: string): void;
  /** Serves bytes at a verified URL under the simulator (`<baseUrl>/sim-media/<n>`) for `PULL_FROM_URL`, and returns the URL. */
  hostMedia(bytes: Uint8Array, mimeType: string): string;
  /** Ends every upload session now, as if its hour had passed. */
  expireUploadSessions(): void;
}

const CLIENT_KEY = 'sim-client-key';
const CLIENT_SECRET = 'sim-client-secret';
const VIDEO_FIELDS = [
  'id',
  'create_time',
  'cover_image_url',
  'share_url',
  'video_description',
  'duration',
  'height',
  'width',
  'title',
  'embed_html',
  'embed_link',
  'like_count',
  'comment_count',
  'share_count',
  'view_count',
] as const;
const USER_FIELDS = [
  'open_id',
  'union_id',
  'avatar_url',
  'display_name',
  'username',
  'bio_description',
  'profile_deep_link',
  'is_verified',
  'follower_count',
  'following_count',
  'likes_count',
  'video_count',
] as const;

/**
 * A simulated TikTok: the Content Posting API (creator info, direct post and upload-to-inbox of
 * videos by `FILE_UPLOAD` in sequential chunks or `PULL_FROM_URL`, photo posts, status fetch),
 * the Display API (user info, video list, video query) and the OAuth v2 token endpoint, with
 * TikTok's envelope (`error.code: 'ok'` on success), per-token limits (6 inits per minute),
 * resumable upload sessions (206 per partial chunk, 201 when complete, `uploaded_bytes` in the
 * status, sessions that expire after an hour), processing and moderation delays, and failures.
 * A publish goes live at its due time whether or not anyone polls, so a client killed mid-wait
 * finds one video on resuming. Each endpoint cites the doc page it follows.
 *
 * @example
 * ```ts
 * const sim = createTikTokSimulator({ clock });
 * const adapter = createTikTokAdapter({ baseUrl: sim.baseUrl });
 * const server = await sim.listen(); // http://127.0.0.1:<port>
 * ```
 */
export function createTikTokSimulator(options: TikTokSimulatorOptions = {}): TikTokSimulator {
  const clock = options.clock ?? systemClock;
  const baseUrl = (options.baseUrl ?? 'https://open.tiktokapis.com').replace(/\/+$/, '');
  const username = options.account?.username ?? 'smm_creator';
  const nickname = options.account?.nickname ?? 'SMM Creator';
  const openId = options.account?.openId ?? '-000OpenIdSimCreator';
  const audited = options.audited ?? true;
  const privacyOptions = options.privacyLevelOptions ?? [...PRIVACY_LEVELS];
  const maxDuration = options.maxVideoPostDurationSec ?? 600;
  const scopes = new Set<string>(options.scopes ?? ['user.info.basic', 'user.info.stats', 'video.publish', 'video.upload', 'video.list']);
  const processingMs = options.processingMs ?? 20_000;
  const moderationMs = options.moderationMs ?? 40_000;
  const downloadMs = options.downloadMs ?? 5_000;
  const uploadTtlMs = options.uploadUrlTtlMs ?? 60 * MINUTE;
  const tokenTtlMs = options.accessTokenTtlMs ?? 2 * 60 * MINUTE;
  const world = createWorld({ clock, seed: options.seed ?? 1, handle: username, mentionBacklog: 0, mentionEveryMs: 0 });
  const windows = createRateLimitWindows(() => clock.now());
  const publishes: TikTokSimPublish[] = [];
  const uploads = new Map<string, { publishId: string; token: string; expiresAtMs: number }>();
  const hosted = new Map<string, { bytes: Uint8Array; mimeType: string }>();
  const failures: string[] = [];
  const now = () => clock.now();
  const verified = () => options.verifiedUrlPrefixes ?? [`${baseUrl}/sim-media/`];

  // Access tokens by value; refresh tokens map to their current access token.
  let tokenSerial = 0;
  const tokens = new Map<string, { expiresAtMs: number }>();
  const issue = () => {
    tokenSerial += 1;
    const token = `act.sim${tokenSerial}`;
    tokens.set(token, { expiresAtMs: now() + tokenTtlMs });
    return token;
  };
  const firstToken = issue();
  let refreshToken = 'rft.sim1';
  const firstRefreshToken = refreshToken;
  let current = firstToken;

  let videoSerial = 0;
  const nextVideoId = () => `7311${String(1_000_000_000_000_000n + BigInt(++videoSerial) * 7_919n).slice(-15)}`;
  let publishSerial = 0;

  const userError = (status: number, code: string, message: string): TikTokError => ({ status, code, message });

  function authorise(request: SimRequest, scope: string | undefined): TikTokError | undefined {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer (.+)$/.exec(header)?.[1];
    const known = token === undefined ? undefined : tokens.get(token);
    if (!known || known.expiresAtMs <= now()) {
      return userError(401, 'access_token_invalid', 'The access token is invalid or not found in the request.');
    }
    if (scope !== undefined && !scope.split('|').some((name) => scopes.has(name))) {
      return userError(
        401,
        'scope_not_authorized',
        `The user did not authorize the scope required for completing this request (${scope}).`,
      );
    }
    return undefined;
  }

  function limited(request: SimRequest, limit: WindowLimit): TikTokError | undefined {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const state = windows.spend(`${token}:${request.path}`, limit);
    return state.allowed ? undefined : userError(429, 'rate_limit_exceeded', 'The API rate limit was exceeded. Please try again later.');
  }

  const isJson = (request: SimRequest) => (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');
  const record = (value: unknown): Record<string, unknown> | undefined =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

  /**
   * An API route: checks the token and scope, the per-token window and the JSON content type,
   * then answers in TikTok's envelope.
   */
  function api(
    method: SimRoute['method'],
    path: string,
    rule: { scope?: string; limit: WindowLimit; json?: boolean },
    handler: (request: SimRequest, body: Record<string, unknown>) => { data: unknown } | TikTokError,
  ): SimRoute {
    return {
      method,
      path,
      handle(request) {
        settle();
        const refused = authorise(request, rule.scope) ?? limited(request, rule.limit);
        if (refused) return fail(now(), refused);
        if (rule.json && !isJson(request)) return fail(now(), invalidParams('Content-Type must be application/json; charset=UTF-8'));
        const body = rule.json ? record(request.body) : {};
        if (!body) return fail(now(), invalidParams('the request body must be a JSON object'));
        const answer = handler(request, body);
        return 'data' in answer ? ok(now(), answer.data) : fail(now(), answer);
      },
    };
  }

  // --- lifecycle -------------------------------------------------------------------------

  /** When a publish's media is processed, and when (public direct posts) moderation ends. */
  const processedAt = (entry: TikTokSimPublish) =>
    entry.mediaCompleteAtMs === undefined ? undefined : entry.mediaCompleteAtMs + processingMs;
  const liveAt = (entry: TikTokSimPublish) => {
    const processed = processedAt(entry);
    if (processed === undefined) return undefined;
    return entry.privacyLevel === 'SELF_ONLY' ? processed : processed + moderationMs;
  };

  /** Moves every publish whose time has come to its end state: a live post, an inbox draft, or FAILED. */
  function settle(): void {
    for (const entry of publishes) {
      if (entry.postId !== undefined || entry.mode !== 'DIRECT_POST' || entry.failReason !== undefined) continue;
      const due = liveAt(entry);
      if (due === undefined || due > now()) continue;
      const id = nextVideoId();
      entry.postId = id;
      world.addPost({
        id,
        accountId: openId,
        text: entry.mediaType === 'PHOTO' ? entry.description : entry.title,
        createdAtMs: due,
        mediaIds: entry.mediaType === 'PHOTO' ? [...(entry.photoImages ?? [])] : [entry.publishId],
        ...(entry.privacyLevel ? { visibility: entry.privacyLevel } : {}),
        extra: { publishId: entry.publishId, mediaType: entry.mediaType, title: entry.title },
      });
    }
  }

  function mediaArrived(entry: TikTokSimPublish, atMs: number): void {
    entry.mediaCompleteAtMs = atMs;
    const reason = failures.shift();
    if (reason !== undefined) entry.failReason = reason;
  }

  /** Status fetch's view of a publish now. https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status */
  function statusOf(entry: TikTokSimPublish): Record<string, unknown> {
    // A PULL_FROM_URL download completes on its own after downloadMs.
    if (entry.source === 'PULL_FROM_URL' && entry.mediaCompleteAtMs === undefined && now() >= entry.createdAtMs + downloadMs) {
      mediaArrived(entry, entry.createdAtMs + downloadMs);
    }
    settle();
    const processed = processedAt(entry);
    const common =
      entry.source === 'FILE_UPLOAD' ? { uploaded_bytes: entry.uploadedBytes } : { downloaded_bytes: entry.mediaCompleteAtMs ? 1 : 0 };
    if (processed === undefined || processed > now()) {
      return {
        status: entry.source === 'PULL_FROM_URL' && entry.mediaCompleteAtMs === undefined ? 'PROCESSING_DOWNLOAD' : 'PROCESSING_UPLOAD',
        ...common,
      };
    }
    if (entry.failReason !== undefined) return { status: 'FAILED', fail_reason: entry.failReason, ...common };
    if (entry.mode === 'MEDIA_UPLOAD') return { status: 'SEND_TO_USER_INBOX', ...common };
    if (entry.postId === undefined) return { status: 'PROCESSING_UPLOAD', ...common }; // in moderation: no post id yet
    // The post id is given only for content viewable by the public.
    return {
      status: 'PUBLISH_COMPLETE',
      publicaly_available_post_id: entry.privacyLevel === 'SELF_ONLY' ? [] : [Number(entry.postId)],
      ...common,
    };
  }

  // --- checks shared by the init endpoints ------------------------------------------------

  const postsToday = () => publishes.filter((entry) => entry.mode === 'DIRECT_POST' && entry.createdAtMs > now() - 24 * 60 * MINUTE).length;

  function checkPostInfo(postInfo: Record<string, unknown>, maxTitle: number): TikTokError | undefined {
    const privacy = postInfo.privacy_level;
    if (typeof privacy !== 'string' || !(PRIVACY_LEVELS as readonly string[]).includes(privacy)) {
      return invalidParams(`post_info.privacy_level is required: one of ${PRIVACY_LEVELS.join(', ')}`);
    }
    if (!audited && privacy !== 'SELF_ONLY') {
      return userError(
        403,
        'unaudited_client_can_only_post_to_private_accounts',
        'Unaudited clients can only post to a private account (privacy_level SELF_ONLY).',
      );
    }
    if (!privacyOptions.includes(privacy)) {
      return userError(400, 'privacy_level_option_mismatch', 'privacy_level is not among the privacy_level_options of creator_info.');
    }
    if (postInfo.title !== undefined && (typeof postInfo.title !== 'string' || utf16Length(postInfo.title) > maxTitle)) {
      return invalidParams(`post_info.title must be a string of at most ${maxTitle} UTF-16 runes`);
    }
    if (options.dailyPostCap !== undefined && postsToday() >= options.dailyPostCap) {
      return userError(403, 'spam_risk_too_many_posts', 'The daily post cap from the API is reached for the current user.');
    }
    return undefined;
  }

  const isVerifiedUrl = (value: unknown) => typeof value === 'string' && verified().some((prefix) => value.startsWith(prefix));
  const unverifiedUrl = userError(
    403,
    'url_ownership_unverified',
    'To use PULL_FROM_URL, the developer must verify the ownership of the URL prefix or domain.',
  );

  /** The video init shared by direct post and upload-to-inbox. */
  function initVideo(request: SimRequest, body: Record<string, unknown>, mode: TikTokSimPublish['mode']) {
    const postInfo = record(body.post_info) ?? {};
    if (mode === 'DIRECT_POST') {
      if (!record(body.post_info)) return invalidParams('post_info is required');
      const refused = checkPostInfo(postInfo, 2200);
      if (refused) return refused;
    }
    const source = record(body.source_info);
    if (!source) return invalidParams('source_info is required');
    publishSerial += 1;
    const base = {
      mode,
      mediaType: 'VIDEO' as const,
      title: typeof postInfo.title === 'string' ? postInfo.title : '',
      description: '',
      privacyLevel: mode === 'DIRECT_POST' ? (postInfo.privacy_level as string) : undefined,
      createdAtMs: now(),
      uploadedBytes: 0,
      chunkPuts: 0,
    };
    if (source.source === 'PULL_FROM_URL') {
      if (!isVerifiedUrl(source.video_url)) return unverifiedUrl;
      const entry: TikTokSimPublish = { ...base, publishId: `v_pub_url~v2-1.${7_300_000_000 + publishSerial}`, source: 'PULL_FROM_URL' };
      publishes.push(entry);
      return { data: { publish_id: entry.publishId } };
    }
    if (source.source !== 'FILE_UPLOAD') return invalidParams('source_info.source must be FILE_UPLOAD or PULL_FROM_URL');
    const plan = checkChunkPlan(source);
    if ('code' in plan) return plan;
    const entry: TikTokSimPublish = { ...base, publishId: `v_pub_file~v2-1.${7_300_000_000 + publishSerial}`, source: 'FILE_UPLOAD', plan };
    publishes.push(entry);
    const uploadId = String(9_000_000 + publishSerial);
    const uploadToken = `sim-upload-${publishSerial}`;
    uploads.set(uploadId, { publishId: entry.publishId, token: uploadToken, expiresAtMs: now() + uploadTtlMs });
    return {
      data: { publish_id: entry.publishId, upload_url: `${request.origin}/video/?upload_id=${uploadId}&upload_token=${uploadToken}` },
    };
  }

  // --- routes ------------------------------------------------------------------------------

  // https://developers.tiktok.com/docs/en/oauth-refresh-a-user-access-token: refresh with
  // client_key, client_secret, grant_type=refresh_token (form-encoded); refresh tokens rotate
  // (the one sent stops working); access tokens last 2 hours, refresh tokens 180 days
  // (https://developers.tiktok.com/docs/en/oauth-user-access-token-management). Serves the
  // simulator's first refresh token; the Login Kit server below serves the tokens it issues.
  const refreshFirstToken = (request: SimRequest): Response => {
    const form = record(request.body) ?? {};
    const type = request.headers['content-type'] ?? '';
    const oauthError = (error: string, description: string) =>
      json(400, { error, error_description: description, log_id: `oauth-${tokenSerial}` });
    if (!type.includes('application/x-www-form-urlencoded'))
      return oauthError('invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    if (form.client_key !== CLIENT_KEY || form.client_secret !== CLIENT_SECRET)
      return oauthError('invalid_client', 'Client key or secret is incorrect.');
    if (form.grant_type !== 'refresh_token') return oauthError('unsupported_grant_type', 'This simulator takes grant_type=refresh_token.');
    if (form.refresh_token !== refreshToken) return oauthError('invalid_grant', 'Refresh token is invalid or expired.');
    tokens.delete(current);
    current = issue();
    refreshToken = `rft.sim${tokenSerial}`;
    return json(200, {
      access_token: current,
      expires_in: Math.round(tokenTtlMs / 1000),
      open_id: openId,
      refresh_expires_in: 180 * 86_400,
      refresh_token: refreshToken,
      scope: [...scopes].join(','),
      token_type: 'Bearer',
    });
  };

  const routes: SimRoute[] = [
    ...tiktokOAuthRoutes({
      client: { clientKey: CLIENT_KEY, clientSecret: CLIENT_SECRET },
      openId,
      now,
      accessTokenTtlMs: tokenTtlMs,
      tokens: {
        accept: (token, expiresAtMs) => void tokens.set(token, { expiresAtMs: expiresAtMs ?? Number.POSITIVE_INFINITY }),
        forget: (token) => void tokens.delete(token),
      },
      fallback: refreshFirstToken,
    }),
    // https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info (20 per minute)
    api('POST', '/v2/post/publish/creator_info/query', { scope: 'video.publish', limit: { limit: 20, windowMs: MINUTE } }, () => ({
      data: {
        creator_avatar_url: `https://p16-sign.tiktokcdn-us.com/sim/${openId}.jpeg`,
        creator_username: username,
        creator_nickname: nickname,
        privacy_level_options: [...privacyOptions],
        comment_disabled: options.interactions?.commentDisabled ?? false,
        duet_disabled: options.interactions?.duetDisabled ?? false,
        stitch_disabled: options.interactions?.stitchDisabled ?? false,
        max_video_post_duration_sec: maxDuration,
      },
    })),
    // https://developers.tiktok.com/doc/content-posting-api-reference-direct-post (6 per minute per token)
    api(
      'POST',
      '/v2/post/publish/video/init',
      { scope: 'video.publish', limit: { limit: 6, windowMs: MINUTE }, json: true },
      (request, body) => initVideo(request, body, 'DIRECT_POST'),
    ),
    // https://developers.tiktok.com/doc/content-posting-api-reference-upload-video (6 per minute per token)
    api(
      'POST',
      '/v2/post/publish/inbox/video/init',
      { scope: 'video.upload', limit: { limit: 6, windowMs: MINUTE }, json: true },
      (request, body) => initVideo(request, body, 'MEDIA_UPLOAD'),
    ),
    // https://developers.tiktok.com/doc/content-posting-api-reference-photo-post (6 per minute per token)
    api(
      'POST',
      '/v2/post/publish/content/init',
      { scope: 'video.publish|video.upload', limit: { limit: 6, windowMs: MINUTE }, json: true },
      (_request, body) => {
        if (body.media_type !== 'PHOTO') return invalidParams('media_type must be PHOTO');
        const mode = body.post_mode;
        if (mode !== 'DIRECT_POST' && mode !== 'MEDIA_UPLOAD') return invalidParams('post_mode must be DIRECT_POST or MEDIA_UPLOAD');
        const postInfo = record(body.post_info) ?? {};
        if (mode === 'DIRECT_POST') {
          const refused = checkPostInfo(postInfo, 90);
          if (refused) return refused;
        }
        if (postInfo.description !== undefined && (typeof postInfo.description !== 'string' || utf16Length(postInfo.description) > 4000)) {
          return invalidParams('post_info.description must be a string of at most 4000 UTF-16 runes');
        }
        const source = record(body.source_info);
        if (!source || source.source !== 'PULL_FROM_URL') return invalidParams('source_info.source must be PULL_FROM_URL for photos');
        const images = source.photo_images;
        if (!Array.isArray(images) || images.length < 1 || images.length > 35)
          return invalidParams('source_info.photo_images must hold 1 to 35 URLs');
        if (!images.every(isVerifiedUrl)) return unverifiedUrl;
        const cover = source.photo_cover_index;
        if (typeof cover !== 'number' || !Number.isInteger(cover) || cover < 0 || cover >= images.length) {
          return invalidParams('source_info.photo_cover_index must be the index of one of photo_images');
        }
        publishSerial += 1;
        const entry: TikTokSimPublish = {
          publishId: `p_pub_url~v2.${7_300_000_000 + publishSerial}`,
          mode,
          mediaType: 'PHOTO',
          source: 'PULL_FROM_URL',
          title: typeof postInfo.title === 'string' ? postInfo.title : '',
          description: typeof postInfo.description === 'string' ? postInfo.description : '',
          privacyLevel: mode === 'DIRECT_POST' ? (postInfo.privacy_level as string) : undefined,
          createdAtMs: now(),
          uploadedBytes: 0,
          chunkPuts: 0,
          photoImages: images as string[],
        };
        publishes.push(entry);
        return { data: { publish_id: entry.publishId } };
      },
    ),
    // https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide: PUT {upload_url}
    // with Content-Type, Content-Length and Content-Range: bytes {FIRST}-{LAST}/{TOTAL}; chunks in
    // order; 206 for a partial upload, 201 once every byte arrived. The upload host takes no token.
    {
      method: 'PUT',
      path: '/video',
      handle(request) {
        settle();
        const session = uploads.get(request.searchParams.get('upload_id') ?? '');
        if (!session || request.searchParams.get('upload_token') !== session.token) {
          return fail(now(), userError(404, 'invalid_params', 'upload_id or upload_token is not valid'));
        }
        const entry = publishes.find((candidate) => candidate.publishId === session.publishId)!;
        if (session.expiresAtMs <= now())
          return fail(now(), userError(403, 'invalid_params', 'the upload_url has expired (it is valid for one hour): initialize again'));
        const type = (request.headers['content-type'] ?? '').toLowerCase();
        if (!['video/mp4', 'video/quicktime', 'video/webm'].includes(type)) {
          return fail(now(), userError(400, 'invalid_file_upload', 'Content-Type must be video/mp4, video/quicktime or video/webm'));
        }
        const plan = entry.plan!;
        const range = parseContentRange(request.headers['content-range']);
        if (!range || range.total !== plan.videoSize) {
          return fail(now(), userError(400, 'invalid_file_upload', `Content-Range must be "bytes FIRST-LAST/${plan.videoSize}"`));
        }
        if (request.bodySize !== range.last - range.first + 1) {
          return fail(now(), userError(400, 'invalid_file_upload', 'the body length does not match Content-Range'));
        }
        const index = Math.floor(range.first / plan.chunkSize);
        const expected = chunkRange(plan, Math.min(index, plan.totalChunkCount - 1));
        if (range.first !== expected.first || range.last !== expected.last) {
          return fail(
            now(),
            userError(400, 'invalid_file_upload', `chunk ${index + 1} must cover bytes ${expected.first}-${expected.last}`),
          );
        }
        // Sequential: the next chunk, or the last one again (its answer may have been lost).
        const resend = range.last + 1 === entry.uploadedBytes;
        if (range.first !== entry.uploadedBytes && !resend) {
          return fail(
            now(),
            userError(400, 'invalid_file_upload', `chunks must be uploaded in order: the next one starts at byte ${entry.uploadedBytes}`),
          );
        }
        entry.chunkPuts += 1;
        if (!resend) entry.uploadedBytes = range.last + 1;
        const complete = entry.uploadedBytes === plan.videoSize;
        if (complete && entry.mediaCompleteAtMs === undefined) mediaArrived(entry, now());
        return new Response(null, { status: complete ? 201 : 206 });
      },
    },
    // https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status (30 per minute)
    api(
      'POST',
      '/v2/post/publish/status/fetch',
      { scope: 'video.publish|video.upload', limit: { limit: 30, windowMs: MINUTE }, json: true },
      (_request, body) => {
        const entry = publishes.find((candidate) => candidate.publishId === body.publish_id);
        if (!entry) return invalidParams('publish_id does not exist');
        return { data: statusOf(entry) };
      },
    ),
    // https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info (600 per minute)
    api('GET', '/v2/user/info', { scope: 'user.info.basic', limit: { limit: 600, windowMs: MINUTE } }, (request) => {
      const fields = fieldsOf(request, USER_FIELDS);
      if ('code' in fields) return fields;
      const live = world.posts.filter((post) => !post.deleted);
      const user: Record<string, unknown> = {
        open_id: openId,
        union_id: `union-${openId}`,
        avatar_url: `https://p16-sign.tiktokcdn-us.com/sim/${openId}.jpeg`,
        display_name: nickname,
        username,
        bio_description: '',
        profile_deep_link: `https://vm.tiktok.com/sim-${username}`,
        is_verified: false,
        ...accountCounts(live),
      };
      return { data: { user: pick(user, fields) } };
    }),
    // https://developers.tiktok.com/doc/tiktok-api-v2-video-list: newest first, cursor = create_time in ms, max_count ≤ 20.
    api('POST', '/v2/video/list', { scope: 'video.list', limit: { limit: 600, windowMs: MINUTE }, json: true }, (request, body) => {
      const fields = fieldsOf(request, VIDEO_FIELDS);
      if ('code' in fields) return fields;
      const max = body.max_count ?? 10;
      if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 20)
        return invalidParams('max_count must be between 1 and 20');
      const cursor = typeof body.cursor === 'number' ? body.cursor : Number.POSITIVE_INFINITY;
      const listed = publicPosts()
        .filter((post) => post.createdAtMs < cursor)
        .sort((a, b) => b.createdAtMs - a.createdAtMs || b.id.localeCompare(a.id));
      const page = listed.slice(0, max);
      return {
        data: {
          videos: page.map((post) => pick(videoObject(post), fields)),
          cursor: page.length > 0 ? page[page.length - 1]!.createdAtMs : 0,
          has_more: listed.length > page.length,
        },
      };
    }),
    // https://developers.tiktok.com/doc/tiktok-api-v2-video-query: filters.video_ids, at most 20.
    api('POST', '/v2/video/query', { scope: 'video.list', limit: { limit: 600, windowMs: MINUTE }, json: true }, (request, body) => {
      const fields = fieldsOf(request, VIDEO_FIELDS);
      if ('code' in fields) return fields;
      const ids = record(body.filters)?.video_ids;
      if (!Array.isArray(ids) || ids.length < 1 || ids.length > 20) return invalidParams('filters.video_ids must hold 1 to 20 video ids');
      const found = publicPosts().filter((post) => ids.includes(post.id));
      return { data: { videos: found.map((post) => pick(videoObject(post), fields)), cursor: 0, has_more: false } };
    }),
    // Media the developer hosts on a verified domain (what PULL_FROM_URL fetches); not a TikTok endpoint.
    {
      method: 'GET',
      path: '/sim-media/:name',
      handle(request) {
        const file = hosted.get(request.params.name!);
        if (!file) return new Response('not found', { status: 404 });
        return new Response(new Blob([file.bytes as Uint8Array<ArrayBuffer>]), {
          status: 200,
          headers: { 'content-type': file.mimeType, 'content-length': String(file.bytes.length) },
        });
      },
    },
  ];

  function fieldsOf(request: SimRequest, known: readonly string[]): string[] | TikTokError {
    const fields = (request.searchParams.get('fields') ?? '')
      .split(',')
      .map((field) => field.trim())
      .filter(Boolean);
    if (fields.length === 0) return invalidParams('the fields query parameter is required');
    const unknown = fields.filter((field) => !known.includes(field));
    return unknown.length > 0 ? invalidParams(`unknown fields: ${unknown.join(', ')}`) : fields;
  }
  const pick = (value: Record<string, unknown>, fields: readonly string[]) =>
    Object.fromEntries(fields.filter((field) => field in value).map((field) => [field, value[field]]));
  // The Display API reads public videos: a SELF_ONLY post is not listed.
  const publicPosts = () => world.posts.filter((post) => !post.deleted && post.visibility !== 'SELF_ONLY');

  function counts(post: SimPost) {
    const counters = world.counters(post);
    return { view_count: counters.impressions, like_count: counters.likes, comment_count: counters.replies, share_count: counters.reposts };
  }
  function accountCounts(live: SimPost[]) {
    return {
      follower_count: world.followers(),
      following_count: world.following(),
      likes_count: live.reduce((sum, post) => sum + world.counters(post).likes, 0),
      video_count: live.length,
    };
  }
  function videoObject(post: SimPost): Record<string, unknown> {
    const title = typeof post.extra.title === 'string' ? post.extra.title : post.text;
    return {
      id: post.id,
      create_time: Math.floor(post.createdAtMs / 1000),
      cover_image_url: `https://p16-sign.tiktokcdn-us.com/sim/cover-${post.id}.jpeg`,
      share_url: `https://www.tiktok.com/@${username}/video/${post.id}`,
      video_description: post.extra.mediaType === 'PHOTO' ? post.text : title,
      duration: 10,
      height: 1280,
      width: 720,
      title,
      embed_html: `<blockquote class="tiktok-embed" data-video-id="${post.id}"></blockquote>`,
      embed_link: `https://www.tiktok.com/player/v1/${post.id}`,
      ...counts(post),
    };
  }

  const engine = createSimulatorEngine({
    platform: 'tiktok',
    baseUrl,
    clock,
    routes,
    faultResponses: {
      rateLimited: () => fail(now(), userError(429, 'rate_limit_exceeded', 'The API rate limit was exceeded. Please try again later.')),
      serverError: (_request, status) => fail(now(), userError(status, 'internal_error', 'Something went wrong. Please try again later.')),
      expiredToken: () => fail(now(), userError(401, 'access_token_invalid', 'The access token is invalid or not found in the request.')),
      notFound: () => fail(now(), userError(404, 'invalid_params', 'The requested path does not exist.')),
    },
    // An expired-token fault ends the current token, as 24 hours passing would.
    onExpiredToken: () => tokens.set(current, { expiresAtMs: now() }),
    // Chunk bodies are large: keep the Content-Range, not the bytes.
    recordBody: (request) => (request.method === 'PUT' ? { contentRange: request.headers['content-range'] } : request.body),
  });

  let hostedSerial = 0;
  return {
    ...engine,
    account: { id: openId, handle: username },
    credentials: { accessToken: firstToken, refreshToken: firstRefreshToken, clientKey: CLIENT_KEY, clientSecret: CLIENT_SECRET },
    posts: () => {
      for (const entry of publishes) statusOf(entry);
      return world.posts.map((post) => ({ ...post }));
    },
    publishes: () => publishes.map((entry) => ({ ...entry })),
    inbox: () =>
      publishes
        .filter((entry) => entry.mode === 'MEDIA_UPLOAD' && statusOf(entry).status === 'SEND_TO_USER_INBOX')
        .map((entry) => ({ ...entry })),
    failNextProcessing: (reason) => void failures.push(reason),
    hostMedia(bytes, mimeType) {
      hostedSerial += 1;
      const extension = mimeType.split('/')[1]?.replace('jpeg', 'jpg') ?? 'bin';
      const name = `${hostedSerial}.${extension}`;
      hosted.set(name, { bytes, mimeType });
      return `${baseUrl}/sim-media/${name}`;
    },
    expireUploadSessions: () => {
      for (const session of uploads.values()) session.expiresAtMs = now();
    },
    reportedPostMetrics(postId) {
      const post = world.posts.find((entry) => entry.id === postId && !entry.deleted);
      return post && post.visibility !== 'SELF_ONLY' ? counts(post) : {};
    },
    reportedAccountMetrics: () => accountCounts(world.posts.filter((post) => !post.deleted)),
    // TikTok's posting and display APIs read no mentions or comments.
    mentionCount: () => 0,
    addMention: () => {
      throw new Error('the TikTok simulator has no mentions: the Content Posting and Display APIs read no comments or mentions');
    },
  };
}
