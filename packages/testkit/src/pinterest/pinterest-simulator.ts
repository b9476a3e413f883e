import type { Clock } from '@smm/core/clock';
import { systemClock } from '@smm/core/clock';
import {
  createRateLimitWindows,
  createSimulatorEngine,
  createWorld,
  json,
  type NetworkSimulator,
  type RecordedRequest,
  type SimPost,
  type SimRequest,
  type SimRoute,
  type WindowLimit,
} from '../simulator/index.js';
import { createMediaUploadHost, type UploadForm } from './media-upload-host.js';
import { pinterestOAuthRoutes } from './pinterest-oauth.js';
import { invalidParametersBody, pinterestOpenApi } from './pinterest-openapi.js';

/** Pinterest's access tiers (https://developers.pinterest.com/docs/key-concepts/access-tiers/). */
export type PinterestAccess = 'trial' | 'standard';

/** Options of {@link createPinterestSimulator}. */
export interface PinterestSimulatorOptions {
  /** Default the system clock; pass `createFakeClock()` for deterministic tests. */
  clock?: Clock;
  seed?: number | string;
  /** The app's access tier (default `standard`): trial apps may create pins only on the sandbox host. */
  access?: PinterestAccess;
  /** Which host this is (default `production`): `https://api.pinterest.com` or `https://api-sandbox.pinterest.com`. */
  host?: 'production' | 'sandbox';
  /** Default: the host's URL. */
  baseUrl?: string;
  /** The media upload host `upload_url` points at (default Pinterest's S3 bucket URL). */
  uploadBaseUrl?: string;
  /** The account (default id `2783136121146311751`, username `smm_brand`). */
  account?: { id?: string; username?: string };
  /** Boards of the account (default 3), each with `sectionsPerBoard` sections (default 2). */
  boards?: number;
  sectionsPerBoard?: number;
  /** Universal limit (default: trial 1 000 a day, standard 100 a second, as documented). */
  limit?: WindowLimit;
  /** Access tokens live this long (default 30 days). */
  accessTokenTtlMs?: number;
  /** Video processing after the upload: `durationMs` (default 3 000) in `processing`, then `succeeded` (or `failed` with `fail: true`). */
  mediaProcessing?: { durationMs?: number; fail?: boolean };
}

/** A registered media upload, as the simulator holds it (no bytes). */
export interface PinterestSimMedia {
  mediaId: string;
  key: string;
  status: 'registered' | 'processing' | 'succeeded' | 'failed';
  bytes?: number;
}

/** The Pinterest simulator: `createPinterestSimulator()`'s result. */
export interface PinterestSimulator extends NetworkSimulator {
  /** `{ accessToken, refreshToken, clientId, clientSecret }`. */
  readonly credentials: { accessToken: string; refreshToken: string; clientId: string; clientSecret: string };
  /** The boards, with their sections. */
  boards(): Array<{ id: string; name: string; sections: Array<{ id: string; name: string }> }>;
  /** Every registered media upload, oldest first. */
  media(): PinterestSimMedia[];
  /** The S3-style host uploads go to (its own requests, fetch and handlers). */
  readonly uploadHost: { readonly baseUrl: string; readonly requests: readonly RecordedRequest[] };
  /** Marks every current access token expired. */
  expireAccessTokens(): void;
}

const PRODUCTION = 'https://api.pinterest.com';
const SANDBOX = 'https://api-sandbox.pinterest.com';
const S3 = 'https://pinterest-media-upload.s3-accelerate.amazonaws.com';
const DAY = 86_400_000;

// Pinterest's error bodies are the document's `{ code, message }`. Codes the docs name: 29 for a
// trial app creating pins in production (quoted from Pinterest's answer in
// https://github.com/gitroomhq/postiz-app/issues/1084); the others follow observed answers.
const error = (status: number, code: number, message: string, headers: Record<string, string> = {}) =>
  json(status, { code, message }, headers);

/**
 * Simulates the parts of Pinterest API v5 the Pinterest adapter uses, held to Pinterest's
 * published OpenAPI document (`definitions/pinterest/openapi.json`): every request is checked
 * against its operation (path and query parameters with enums and ranges, body schema: lengths,
 * patterns, `media_source` variants, carousel 2–5 items) and refused with 400 `{ code, message }`
 * when it breaks it, and every answer the simulator gives is checked against the document too
 * (a simulator bug throws). Served under `/v5`: pins (create, list, get, delete, analytics),
 * boards and sections (bookmark paging), media register and status, the user account and its
 * analytics, and Pinterest's OAuth 2.0 flow (`GET /oauth/` consent with comma-separated scopes,
 * `POST /v5/oauth/token` for the code and refresh grants, continuous refresh tokens). Video bytes go
 * to a second, S3-style host (`uploadHost`); `fetch`, `handlers` and `listen` serve both.
 *
 * @example
 * ```ts
 * const sim = createPinterestSimulator({ clock: createFakeClock(), seed: 7 });
 * const adapter = createPinterestAdapter({ baseUrl: sim.baseUrl, fetch: sim.fetch });
 * ```
 */
export function createPinterestSimulator(options: PinterestSimulatorOptions = {}): PinterestSimulator {
  const clock = options.clock ?? systemClock;
  const access = options.access ?? 'standard';
  const hostUrl = options.host === 'sandbox' ? SANDBOX : PRODUCTION;
  const accountId = options.account?.id ?? '2783136121146311751';
  const username = options.account?.username ?? 'smm_brand';
  const ttl = options.accessTokenTtlMs ?? 30 * DAY;
  // https://developers.pinterest.com/docs/reference/rate-limits/ — universal limits per tier.
  const limit = options.limit ?? (access === 'trial' ? { limit: 1000, windowMs: DAY } : { limit: 100, windowMs: 1000 });
  const processingMs = options.mediaProcessing?.durationMs ?? 3000;
  const world = createWorld({ clock, seed: options.seed, handle: username, mentionBacklog: 0 });
  const windows = createRateLimitWindows(() => clock.now());

  const boards = Array.from({ length: options.boards ?? 3 }, (_, index) => ({
    id: String(549755885175 + index * 1000),
    name: `Board ${index + 1}`,
    sections: Array.from({ length: options.sectionsPerBoard ?? 2 }, (_, section) => ({
      id: String(5000000000000 + index * 100 + section),
      name: `Section ${index + 1}.${section + 1}`,
    })),
  }));
  const media: Array<PinterestSimMedia & { form: UploadForm; uploadedAtMs?: number }> = [];
  let serial = 0;
  const nextId = (base: bigint) => String(base + BigInt(++serial));

  const accessTokens = new Map<string, number>([['pina_access-0', clock.now() + ttl]]);
  let refreshToken = 'pinr_refresh-0';
  const client = { clientId: '1484362', clientSecret: 'pinterest-sim-secret' };
  const credentials = { accessToken: 'pina_access-0', refreshToken, ...client };
  let tokenSerial = 0;

  const mediaStatus = (item: (typeof media)[number]): PinterestSimMedia['status'] => {
    if (item.uploadedAtMs === undefined) return 'registered';
    if (clock.now() - item.uploadedAtMs < processingMs) return 'processing';
    return options.mediaProcessing?.fail ? 'failed' : 'succeeded';
  };

  const rateHeaders = (state: { limit: number; remaining: number; resetAtMs: number }) => ({
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(state.remaining),
    'x-ratelimit-reset': String(Math.max(0, Math.ceil((state.resetAtMs - clock.now()) / 1000))),
  });

  const authorized = (request: SimRequest) => {
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const expires = token === undefined ? undefined : accessTokens.get(token);
    return expires !== undefined && clock.now() < expires;
  };

  const checked = (method: string, template: string, status: number, body: unknown) => {
    const problems = pinterestOpenApi().checkResponse(method, template, status, 'application/json', status === 204 ? undefined : body);
    if (problems.length > 0)
      throw new Error(`Pinterest simulator answered ${method} ${template} off its definition: ${problems.join('; ')}`);
  };

  // Wraps an operation of the document: auth, the universal limit, the OpenAPI request check,
  // then the handler, whose answer is checked against the document before it leaves.
  const endpoint =
    (template: string, handler: (request: SimRequest) => { status: number; body?: unknown }) =>
    (request: SimRequest): Response => {
      if (!authorized(request)) return error(401, 2, 'Authentication failed.');
      const state = windows.spend(`${accountId}:universal`, limit);
      if (!state.allowed) return error(429, 8, 'You have exceeded your rate limit. Try again later.', rateHeaders(state));
      const violations = pinterestOpenApi().checkRequest({
        method: request.method,
        template,
        params: request.params,
        query: request.query,
        contentType: request.headers['content-type'],
        body: request.body,
        bodySize: request.bodySize,
      });
      if (violations.length > 0) return json(400, invalidParametersBody(violations), rateHeaders(state));
      const { status, body } = handler(request);
      checked(request.method, template, status, body);
      return status === 204 ? new Response(null, { status, headers: rateHeaders(state) }) : json(status, body, rateHeaders(state));
    };

  const boardOf = (id: unknown) => boards.find((board) => board.id === id);
  const livePin = (id: string) => world.livePost(id);

  const renderPin = (post: SimPost) => {
    const extra = post.extra as Record<string, unknown>;
    return {
      id: post.id,
      created_at: post.createdAt,
      board_id: extra.boardId as string,
      board_section_id: (extra.boardSectionId as string | undefined) ?? null,
      board_owner: { username },
      title: (extra.title as string | undefined) ?? '',
      description: post.text,
      link: (extra.link as string | undefined) ?? null,
      alt_text: (extra.altText as string | undefined) ?? null,
      dominant_color: null,
      parent_pin_id: null,
      is_owner: true,
      is_standard: true,
      has_been_promoted: false,
      media: extra.media,
    };
  };

  const page = <T>(request: SimRequest, items: T[]) => {
    const size = Number(request.query.page_size ?? 25);
    const offset = request.query.bookmark ? Number(atob(String(request.query.bookmark)).replace(/^offset:/, '')) : 0;
    const slice = items.slice(offset, offset + size);
    const next = offset + size < items.length ? btoa(`offset:${offset + size}`) : null;
    return { items: slice, bookmark: next };
  };

  // The metrics Pinterest reports for a pin (names as in PinAnalyticsMetricsResponse): outbound
  // clicks only with a link, video metrics only on a video pin.
  const pinMetrics = (post: SimPost): Record<string, number> => {
    const counters = world.counters(post);
    const extra = post.extra as { link?: string; media?: { media_type?: string } };
    return {
      IMPRESSION: counters.impressions,
      SAVE: counters.bookmarks,
      PIN_CLICK: counters.likes + counters.profileClicks,
      ...(extra.link ? { OUTBOUND_CLICK: counters.linkClicks } : {}),
      ...(extra.media?.media_type === 'video' ? { VIDEO_MRC_VIEW: Math.floor(counters.impressions / 3) } : {}),
      TOTAL_COMMENTS: counters.replies,
      TOTAL_REACTIONS: counters.likes,
    };
  };

  const accountFields = () => {
    const pins = world.posts.filter((post) => !post.deleted);
    return {
      follower_count: world.followers(),
      following_count: world.following(),
      pin_count: pins.length,
      board_count: boards.length,
      monthly_views: pins.reduce((sum, post) => sum + world.counters(post).impressions, 0),
    };
  };

  const accountAnalytics = () => {
    const totals: Record<string, number> = { IMPRESSION: 0, SAVE: 0, PIN_CLICK: 0, OUTBOUND_CLICK: 0, ENGAGEMENT: 0 };
    for (const post of world.posts.filter((entry) => !entry.deleted)) {
      const metrics = pinMetrics(post);
      totals.IMPRESSION! += metrics.IMPRESSION ?? 0;
      totals.SAVE! += metrics.SAVE ?? 0;
      totals.PIN_CLICK! += metrics.PIN_CLICK ?? 0;
      totals.OUTBOUND_CLICK! += metrics.OUTBOUND_CLICK ?? 0;
      totals.ENGAGEMENT! += (metrics.SAVE ?? 0) + (metrics.PIN_CLICK ?? 0) + (metrics.OUTBOUND_CLICK ?? 0);
    }
    return totals;
  };

  // start_date/end_date: "Cannot be more than 90 days back from today"; end not before start.
  const dateWindowRefusal = (request: SimRequest) => {
    const start = Date.parse(`${String(request.query.start_date)}T00:00:00Z`);
    const end = Date.parse(`${String(request.query.end_date)}T00:00:00Z`);
    const today = Math.floor(clock.now() / DAY) * DAY;
    if (start < today - 90 * DAY)
      return { status: 400, body: { code: 1, message: 'Invalid parameters. start_date cannot be more than 90 days back from today.' } };
    if (end < start) return { status: 400, body: { code: 1, message: 'Invalid parameters. end_date cannot be before start_date.' } };
    return undefined;
  };

  // https://developers.pinterest.com/docs/api/v5/pins-create
  const createPin = endpoint('/pins', (request) => {
    if (access === 'trial' && hostUrl === PRODUCTION) {
      return {
        status: 403,
        body: {
          code: 29,
          message: `Apps with Trial access may not create Pins in production ${PRODUCTION} - use API Sandbox ${SANDBOX} instead.`,
        },
      };
    }
    const body = request.body as Record<string, unknown>;
    const source = body.media_source as Record<string, unknown> | undefined;
    if (body.board_id === undefined) return { status: 400, body: { code: 1, message: 'Invalid parameters. board_id is required.' } };
    if (!source) return { status: 400, body: { code: 1, message: 'Invalid parameters. media_source is required.' } };
    const board = boardOf(body.board_id);
    if (!board) return { status: 404, body: { code: 40, message: 'Board not found.' } };
    if (body.board_section_id != null && !board.sections.some((section) => section.id === body.board_section_id)) {
      return { status: 404, body: { code: 4040, message: 'Board section not found.' } };
    }
    let pinMedia: Record<string, unknown>;
    if (source.source_type === 'video_id') {
      const item = media.find((entry) => entry.mediaId === source.media_id);
      if (!item) return { status: 404, body: { code: 2, message: 'Media not found.' } };
      if (mediaStatus(item) !== 'succeeded') {
        return {
          status: 400,
          body: { code: 1, message: `Invalid parameters. Media upload ${item.mediaId} is ${mediaStatus(item)}, not succeeded.` },
        };
      }
      // A video pin needs a cover: an image URL, image data, or a key frame time.
      if (
        source.cover_image_url === undefined &&
        source.cover_image_data === undefined &&
        source.cover_image_key_frame_time === undefined
      ) {
        return {
          status: 400,
          body: { code: 1, message: 'Invalid parameters. A video Pin needs cover_image_url or cover_image_key_frame_time.' },
        };
      }
      pinMedia = {
        media_type: 'video',
        cover_image_url: String(source.cover_image_url ?? `https://i.pinimg.com/videos/thumbnails/${item.mediaId}.jpg`),
        duration: null,
        height: null,
        width: null,
      };
    } else if (source.source_type === 'multiple_image_urls' || source.source_type === 'multiple_image_base64') {
      pinMedia = { media_type: 'multiple_images' };
    } else {
      pinMedia = { media_type: 'image' };
    }
    const id = nextId(813744226424143000n);
    const post = world.addPost({
      id,
      accountId,
      text: typeof body.description === 'string' ? body.description : '',
      createdAtMs: clock.now(),
      // One entry per image or video the pin carries (images have no media id on Pinterest).
      mediaIds:
        source.source_type === 'video_id'
          ? [String(source.media_id)]
          : Array.from({ length: Array.isArray(source.items) ? source.items.length : 1 }, (_, index) => `${id}:image:${index}`),
      extra: {
        boardId: board.id,
        ...(body.board_section_id != null ? { boardSectionId: body.board_section_id } : {}),
        ...(typeof body.title === 'string' ? { title: body.title } : {}),
        ...(typeof body.link === 'string' ? { link: body.link } : {}),
        ...(typeof body.alt_text === 'string' ? { altText: body.alt_text } : {}),
        sourceType: source.source_type,
        items: Array.isArray(source.items) ? source.items.length : 1,
        media: pinMedia,
      },
    });
    return { status: 201, body: renderPin(post) };
  });

  // https://developers.pinterest.com/docs/api/v5/pins-list — the account's pins, newest first.
  const listPins = endpoint('/pins', (request) => ({
    status: 200,
    body: page(
      request,
      world.posts
        .filter((post) => !post.deleted)
        .sort((a, b) => b.createdAtMs - a.createdAtMs)
        .map(renderPin),
    ),
  }));

  // https://developers.pinterest.com/docs/api/v5/pins-get
  const getPin = endpoint('/pins/{pin_id}', (request) => {
    const post = livePin(request.params.pin_id!);
    return post ? { status: 200, body: renderPin(post) } : { status: 404, body: { code: 50, message: 'Pin not found.' } };
  });

  // https://developers.pinterest.com/docs/api/v5/pins-delete — 204 No Content.
  const deletePin = endpoint('/pins/{pin_id}', (request) => {
    const post = livePin(request.params.pin_id!);
    if (!post) return { status: 404, body: { code: 50, message: 'Pin not found.' } };
    post.deleted = true;
    return { status: 204 };
  });

  // https://developers.pinterest.com/docs/api/v5/pins-analytics — `{ all: { summary_metrics, … } }`.
  const pinAnalytics = endpoint('/pins/{pin_id}/analytics', (request) => {
    const post = livePin(request.params.pin_id!);
    if (!post) return { status: 404, body: { code: 50, message: 'Pin not found.' } };
    const refused = dateWindowRefusal(request);
    if (refused) return refused;
    const asked = new Set(String(request.query.metric_types).split(','));
    const metrics = Object.fromEntries(Object.entries(pinMetrics(post)).filter(([name]) => asked.has(name)));
    return { status: 200, body: { all: { summary_metrics: metrics, daily_metrics: [], lifetime_metrics: {} } } };
  });

  // https://developers.pinterest.com/docs/api/v5/boards-list
  const listBoards = endpoint('/boards', (request) => ({
    status: 200,
    body: page(
      request,
      boards.map((board) => ({ id: board.id, name: board.name, description: null, privacy: 'PUBLIC', owner: { username } })),
    ),
  }));

  // https://developers.pinterest.com/docs/api/v5/board_sections-list
  const listSections = endpoint('/boards/{board_id}/sections', (request) => {
    const board = boardOf(request.params.board_id);
    if (!board) return { status: 404, body: { code: 40, message: 'Board not found.' } };
    return { status: 200, body: page(request, board.sections) };
  });

  // https://developers.pinterest.com/docs/api/v5/media-create — register an upload; the bytes go to upload_url.
  const registerMedia = endpoint('/media', () => {
    const mediaId = nextId(5212123920968240000n);
    const key = `uploads/11/aa/22/3:video:${accountId}:${mediaId}`;
    const form: UploadForm = {
      'Content-Type': 'multipart/form-data',
      key,
      policy: btoa(`{"expiration":"${new Date(clock.now() + DAY).toISOString()}","key":"${key}"}`),
      'x-amz-algorithm': 'AWS4-HMAC-SHA256',
      'x-amz-credential': `ASIASIMULATOR/${new Date(clock.now()).toISOString().slice(0, 10).replace(/-/g, '')}/us-east-1/s3/aws4_request`,
      'x-amz-date': new Date(clock.now())
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, ''),
      'x-amz-security-token': `sim-${mediaId}`,
      'x-amz-signature': `sig${mediaId}`,
    };
    media.push({ mediaId, key, status: 'registered', form });
    return { status: 201, body: { media_id: mediaId, media_type: 'video', upload_url: `${uploadBase}/`, upload_parameters: form } };
  });

  // https://developers.pinterest.com/docs/api/v5/media-get
  const getMedia = endpoint('/media/{media_id}', (request) => {
    const item = media.find((entry) => entry.mediaId === request.params.media_id);
    if (!item) return { status: 404, body: { code: 2, message: 'Media not found.' } };
    return { status: 200, body: { media_id: item.mediaId, media_type: 'video', status: mediaStatus(item) } };
  });

  // https://developers.pinterest.com/docs/api/v5/user_account-get
  const userAccount = endpoint('/user_account', () => ({
    status: 200,
    body: {
      id: accountId,
      username,
      account_type: 'BUSINESS',
      business_name: 'smm',
      profile_image: '',
      website_url: '',
      about: '',
      ...accountFields(),
    },
  }));

  // https://developers.pinterest.com/docs/api/v5/user_account-analytics
  const userAnalytics = endpoint('/user_account/analytics', (request) => {
    const refused = dateWindowRefusal(request);
    if (refused) return refused;
    const asked = request.query.metric_types ? new Set(String(request.query.metric_types).split(',')) : undefined;
    const totals = Object.fromEntries(Object.entries(accountAnalytics()).filter(([name]) => !asked || asked.has(name)));
    return { status: 200, body: { all: { summary_metrics: totals, daily_metrics: [] } } };
  });

  // https://developers.pinterest.com/docs/api/v5/oauth-token — HTTP Basic client credentials; a
  // continuous refresh token is replaced on every refresh (the old one stops working). This serves
  // the seeded refresh token; tokens from the connect flow are the OAuth server's (`pinterestOAuthRoutes`).
  const refreshSeeded = (request: SimRequest): Response => {
    const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!basic || atob(basic) !== `${client.clientId}:${client.clientSecret}`) return error(401, 2, 'Authentication failed.');
    const form = request.body as Record<string, string>;
    if (form.grant_type !== 'refresh_token') return error(400, 1, 'Invalid parameters. The simulator takes grant_type refresh_token.');
    if (form.refresh_token !== refreshToken) return error(400, 1, 'Invalid refresh token.');
    const access = `pina_access-${++tokenSerial}`;
    accessTokens.set(access, clock.now() + ttl);
    refreshToken = `pinr_refresh-${tokenSerial}`;
    const body = {
      access_token: access,
      refresh_token: refreshToken,
      response_type: 'refresh_token',
      token_type: 'bearer',
      expires_in: Math.floor(ttl / 1000),
      refresh_token_expires_in: 60 * 86_400,
      refresh_token_expires_at: Math.floor(clock.now() / 1000) + 60 * 86_400,
      scope: 'boards:read pins:read pins:write user_accounts:read',
    };
    checked('POST', '/oauth/token', 200, body);
    return json(200, body);
  };

  const registry = {
    formOf: (key: string) => media.find((entry) => entry.key === key)?.form,
    received: (key: string, bytes: number) => {
      const item = media.find((entry) => entry.key === key);
      if (item && item.uploadedAtMs === undefined) Object.assign(item, { uploadedAtMs: clock.now(), bytes });
    },
  };
  let uploadBase = (options.uploadBaseUrl ?? S3).replace(/\/+$/, '');
  const uploadHost = createMediaUploadHost({ clock, baseUrl: uploadBase, registry });

  const routes: SimRoute[] = [
    { method: 'POST', path: '/v5/pins', handle: createPin },
    { method: 'GET', path: '/v5/pins', handle: listPins },
    { method: 'GET', path: '/v5/pins/:pin_id', handle: getPin },
    { method: 'DELETE', path: '/v5/pins/:pin_id', handle: deletePin },
    { method: 'GET', path: '/v5/pins/:pin_id/analytics', handle: pinAnalytics },
    { method: 'GET', path: '/v5/boards', handle: listBoards },
    { method: 'GET', path: '/v5/boards/:board_id/sections', handle: listSections },
    { method: 'POST', path: '/v5/media', handle: registerMedia },
    { method: 'GET', path: '/v5/media/:media_id', handle: getMedia },
    { method: 'GET', path: '/v5/user_account', handle: userAccount },
    { method: 'GET', path: '/v5/user_account/analytics', handle: userAnalytics },
    ...pinterestOAuthRoutes({
      client,
      accessTokenTtlMs: ttl,
      now: () => clock.now(),
      tokens: {
        accept: (token, expiresAtMs) => void accessTokens.set(token, expiresAtMs ?? Infinity),
        forget: (token) => void accessTokens.delete(token),
      },
      refreshFallback: refreshSeeded,
      checked: (body) => checked('POST', '/oauth/token', 200, body),
    }),
  ];

  const engine = createSimulatorEngine({
    platform: 'pinterest',
    baseUrl: options.baseUrl ?? hostUrl,
    clock,
    routes,
    faultResponses: {
      rateLimited: (_request, resetAtMs) =>
        error(429, 8, 'You have exceeded your rate limit. Try again later.', rateHeaders({ limit: limit.limit, remaining: 0, resetAtMs })),
      serverError: (_request, status) => error(status, 0, 'Something went wrong on our end. Sorry about that.'),
      expiredToken: () => error(401, 2, 'Authentication failed.'),
      notFound: (request) => error(404, 0, `No route for ${request.method} ${request.path}`),
    },
    onExpiredToken: (request) => {
      const current = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (current) accessTokens.delete(current);
    },
  });

  // One fetch for both hosts: upload_url's host goes to the upload host.
  const fetchBoth: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    return url.startsWith(`${uploadBase}/`) ? uploadHost.fetch(input, init) : engine.fetch(input, init);
  };

  return {
    ...engine,
    fetch: fetchBoth,
    handlers: [...engine.handlers, ...uploadHost.handlers],
    async listen(listenOptions) {
      const upload = await uploadHost.listen({ ...(listenOptions?.host ? { host: listenOptions.host } : {}) });
      uploadBase = upload.url;
      const main = await engine.listen(listenOptions);
      return {
        ...main,
        async close() {
          await main.close();
          await upload.close();
        },
      };
    },
    account: { id: accountId, handle: username },
    credentials,
    posts: () => world.posts.map((post) => ({ ...post })),
    reportedPostMetrics(postId) {
      const post = world.posts.find((entry) => entry.id === postId);
      return post ? pinMetrics(post) : {};
    },
    reportedAccountMetrics: () => ({ ...accountFields(), ...accountAnalytics() }),
    mentionCount: () => 0,
    addMention() {
      throw new Error("Pinterest's API has no comments or mentions to read: the Pinterest simulator cannot add one");
    },
    boards: () => boards.map((board) => ({ ...board, sections: board.sections.map((section) => ({ ...section })) })),
    media: () =>
      media.map((item) => ({
        mediaId: item.mediaId,
        key: item.key,
        status: mediaStatus(item),
        ...(item.bytes === undefined ? {} : { bytes: item.bytes }),
      })),
    uploadHost: {
      get baseUrl() {
        return uploadBase;
      },
      get requests() {
        return uploadHost.requests;
      },
    },
    expireAccessTokens: () => accessTokens.clear(),
  };
}
