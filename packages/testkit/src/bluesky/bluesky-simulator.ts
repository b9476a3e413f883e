import type { Clock } from '@smm/core/clock';
import { systemClock } from '@smm/core/clock';
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
  type SimUser,
  type WindowLimit,
  type WindowState,
} from '../simulator/index.js';

/** Options of {@link createBlueskySimulator}. */
export interface BlueskySimulatorOptions {
  clock?: Clock;
  seed?: number | string;
  /** The PDS (default `https://bsky.social`); it also answers `app.bsky.*` reads, as a PDS proxies them. */
  baseUrl?: string;
  account?: { did?: string; handle?: string; password?: string };
  /** Report `bookmarkCount` (newer AppViews); default false, so it is absent. */
  bookmarks?: boolean;
  /** Write points per hour / per day (defaults 5 000 / 35 000) and reads per 5 minutes (3 000). */
  limits?: Partial<{ hourlyPoints: WindowLimit; dailyPoints: WindowLimit; reads: WindowLimit; sessions: WindowLimit }>;
  mentionBacklog?: number;
  mentionEveryMs?: number;
  /** Access JWTs live this long (default 2 h). */
  accessTokenTtlMs?: number;
}

/** The Bluesky (AT Protocol) simulator. */
export interface BlueskySimulator extends NetworkSimulator {
  /** `{ identifier, password }`: an app password for `com.atproto.server.createSession`. */
  readonly credentials: { identifier: string; password: string };
  /** Blobs uploaded so far (by CID). */
  blobs(): Array<{ cid: string; mimeType: string; size: number }>;
}

const MINUTE = 60_000;
const POINTS = { create: 3, update: 2, delete: 1 } as const;
const SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A TID: 53 bits of microseconds and 10 bits of clock id, in base32-sortable (13 characters). */
function tid(microseconds: bigint, clockId: number): string {
  let value = (microseconds << 10n) | BigInt(clockId & 1023);
  let out = '';
  for (let index = 0; index < 13; index += 1) {
    out = SORTABLE[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return out;
}

/** A CID-looking string (`bafyrei…`) derived from content. */
function cidOf(content: string): string {
  let out = 'bafyrei';
  let seed = hashString(content);
  for (let index = 0; index < 52; index += 1) {
    seed = hashString(`${seed}:${index}:${content.length}`);
    out += 'abcdefghijklmnopqrstuvwxyz234567'[seed % 32];
  }
  return out;
}

const graphemes = (text: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].length;

/**
 * Simulates a Bluesky PDS (with its AppView reads) as the AT Protocol lexicons describe:
 * `com.atproto.server.createSession` / `refreshSession` (JWTs; an expired access token gets
 * `400 ExpiredToken`), `com.atproto.repo.createRecord` (an `app.bsky.feed.post` record with
 * `text` ≤ 300 graphemes / 3 000 bytes, `createdAt`, `facets`, `reply { root, parent }`,
 * `embed` images whose blobs were uploaded; an optional TID `rkey`, refused when taken),
 * `deleteRecord`, `getRecord` (`RecordNotFound` when absent), `com.atproto.identity.resolveHandle`
 * (the account's and every simulated user's `<handle>.bsky.social`), `uploadBlob` (≤ 1 000 000
 * bytes), `app.bsky.feed.getPosts` (≤ 25 `uris`),
 * `app.bsky.notification.listNotifications` (`cursor`, `limit`; reasons mention, reply,
 * follow…) and `app.bsky.actor.getProfile`. Writes spend points (create 3, delete 1) from
 * 5 000 / hour and 35 000 / day, reported in `ratelimit-limit/remaining/reset/policy`
 * (reset in epoch seconds). Errors are XRPC `{ "error", "message" }`.
 *
 * @example
 * ```ts
 * const sim = createBlueskySimulator({ clock: createFakeClock(), seed: 11 });
 * server.use(...sim.handlers);
 * ```
 */
export function createBlueskySimulator(options: BlueskySimulatorOptions = {}): BlueskySimulator {
  const clock = options.clock ?? systemClock;
  const did = options.account?.did ?? 'did:plc:smmbrand2w4ylnd5ctxqdmpe';
  const handle = options.account?.handle ?? 'smm.bsky.social';
  const password = options.account?.password ?? 'abcd-efgh-ijkl-mnop';
  const ttl = options.accessTokenTtlMs ?? 2 * 3_600_000;
  const limits = {
    hourlyPoints: { limit: 5_000, windowMs: 60 * MINUTE },
    dailyPoints: { limit: 35_000, windowMs: 24 * 60 * MINUTE },
    reads: { limit: 3_000, windowMs: 5 * MINUTE },
    sessions: { limit: 30, windowMs: 5 * MINUTE },
    ...options.limits,
  };
  const world = createWorld({
    clock,
    seed: options.seed,
    handle,
    mentionBacklog: options.mentionBacklog,
    mentionEveryMs: options.mentionEveryMs,
  });
  const windows = createRateLimitWindows(() => clock.now());
  const blobs = new Map<string, { cid: string; mimeType: string; size: number }>();
  const accessTokens = new Map<string, number>();
  const refreshTokens = new Set<string>();
  let clockId = 0;
  let serial = 0;

  const jwt = (scope: string, lifetimeMs: number) => {
    serial += 1;
    const iat = Math.floor(clock.now() / 1000);
    const payload = { scope, sub: did, aud: 'did:web:bsky.social', iat, exp: iat + Math.floor(lifetimeMs / 1000), jti: `sim-${serial}` };
    return `${b64url({ typ: scope === 'com.atproto.access' ? 'at+jwt' : 'refresh+jwt', alg: 'ES256K' })}.${b64url(payload)}.${Buffer.from(`sig-${serial}`).toString('base64url')}`;
  };
  const newSession = () => {
    const accessJwt = jwt('com.atproto.access', ttl);
    const refreshJwt = jwt('com.atproto.refresh', 90 * 86_400_000);
    accessTokens.set(accessJwt, clock.now() + ttl);
    refreshTokens.add(refreshJwt);
    return { did, handle, accessJwt, refreshJwt, active: true, didDoc: { id: did, alsoKnownAs: [`at://${handle}`] } };
  };

  const userDid = (user: SimUser) => `did:plc:user${String(user.index).padStart(2, '0')}${'x'.repeat(18)}`;
  const author = (user: SimUser) => ({
    did: userDid(user),
    handle: `${user.handle}.bsky.social`,
    displayName: user.displayName,
    labels: [],
    createdAt: '2024-01-01T00:00:00.000Z',
  });
  const mentionUri = (mention: IncomingMention) =>
    `at://${userDid(mention.author)}/app.bsky.feed.post/${tid(BigInt(mention.createdAtMs) * 1000n, hashString(mention.key))}`;
  const isFollow = (mention: IncomingMention) => mention.key.startsWith('m:') && hashString(mention.key) % 4 === 3;

  const headersOf = (state: WindowState, policy: string) => ({
    'ratelimit-limit': String(state.limit),
    'ratelimit-remaining': String(state.remaining),
    'ratelimit-reset': String(Math.ceil(state.resetAtMs / 1000)),
    'ratelimit-policy': policy,
  });
  const xrpcError = (status: number, error: string, message: string, headers: Record<string, string> = {}) =>
    json(status, { error, message }, headers);

  type Handler = (request: SimRequest) => { status: number; body: unknown };
  const authorized = (request: SimRequest): Response | undefined => {
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) return xrpcError(401, 'AuthenticationRequired', 'Authentication Required');
    const expires = accessTokens.get(token);
    if (expires === undefined) return xrpcError(401, 'InvalidToken', 'Token could not be verified');
    if (clock.now() >= expires) return xrpcError(400, 'ExpiredToken', 'Token has expired');
    return undefined;
  };

  // Reads: auth, then the 5-minute read limit.
  const read =
    (handler: Handler) =>
    (request: SimRequest): Response => {
      const denied = authorized(request);
      if (denied) return denied;
      const state = windows.spend(`${did}:reads`, limits.reads);
      const headers = headersOf(state, `${limits.reads.limit};w=${limits.reads.windowMs / 1000}`);
      if (!state.allowed) return xrpcError(429, 'RateLimitExceeded', 'Rate Limit Exceeded', headers);
      const { status, body } = handler(request);
      return json(status, body, headers);
    };

  // Writes: auth, then points from both the hourly and the daily budget; headers report the tighter one.
  const write =
    (cost: number, handler: Handler) =>
    (request: SimRequest): Response => {
      const denied = authorized(request);
      if (denied) return denied;
      const hourly = windows.peek(`${did}:hour`, limits.hourlyPoints);
      const daily = windows.peek(`${did}:day`, limits.dailyPoints);
      const tighter =
        daily.remaining < hourly.remaining ? { state: daily, limit: limits.dailyPoints } : { state: hourly, limit: limits.hourlyPoints };
      const policy = `${tighter.limit.limit};w=${tighter.limit.windowMs / 1000}`;
      if (hourly.remaining < cost || daily.remaining < cost) {
        return xrpcError(
          429,
          'RateLimitExceeded',
          'Rate Limit Exceeded',
          headersOf({ ...tighter.state, remaining: Math.min(hourly.remaining, daily.remaining) }, policy),
        );
      }
      const { status, body } = handler(request);
      if (status >= 400) return json(status, body, headersOf(tighter.state, policy));
      const spentHour = windows.spend(`${did}:hour`, limits.hourlyPoints, cost);
      const spentDay = windows.spend(`${did}:day`, limits.dailyPoints, cost);
      return json(status, body, headersOf(spentDay.remaining < spentHour.remaining ? spentDay : spentHour, policy));
    };

  const invalid = (message: string) => ({ status: 400, body: { error: 'InvalidRequest', message } });
  const isStrongRef = (value: unknown) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { uri?: unknown }).uri === 'string' &&
    typeof (value as { cid?: unknown }).cid === 'string';

  const createRecord = write(POINTS.create, (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.repo !== did && body.repo !== handle) return invalid('Input/repo must be the authenticated account');
    if (body.collection !== 'app.bsky.feed.post') return invalid(`Unsupported collection: ${String(body.collection)}`);
    const record = body.record as Record<string, unknown> | undefined;
    if (!record || typeof record !== 'object') return invalid('Input must have the property "record"');
    const problems: string[] = [];
    if (record.$type !== 'app.bsky.feed.post') problems.push('Record/$type must be app.bsky.feed.post');
    const text = record.text;
    if (typeof text !== 'string') problems.push('Record must have the property "text"');
    else {
      if (graphemes(text) > 300) problems.push('Record/text must not be longer than 300 graphemes');
      if (new TextEncoder().encode(text).length > 3000) problems.push('Record/text must not be longer than 3000 characters');
    }
    if (typeof record.createdAt !== 'string' || !Number.isFinite(Date.parse(record.createdAt)))
      problems.push('Record/createdAt must be an valid atproto datetime');
    const reply = record.reply as { root?: unknown; parent?: unknown } | undefined;
    if (reply !== undefined && (!isStrongRef(reply.root) || !isStrongRef(reply.parent)))
      problems.push('Record/reply must have the properties "root" and "parent" (strongRefs)');
    const embed = record.embed as { $type?: string; images?: Array<{ image?: { ref?: { $link?: string } }; alt?: unknown }> } | undefined;
    const mediaIds: string[] = [];
    if (embed?.$type === 'app.bsky.embed.images') {
      const images = Array.isArray(embed.images) ? embed.images : [];
      if (images.length === 0 || images.length > 4) problems.push('Record/embed/images must have 1 to 4 items');
      images.forEach((image, index) => {
        const link = image.image?.ref?.$link;
        if (!link || !blobs.has(link)) problems.push(`Record/embed/images/${index}/image must be an uploaded blob`);
        else mediaIds.push(link);
        if (typeof image.alt !== 'string') problems.push(`Record/embed/images/${index} must have the property "alt"`);
      });
    }
    const facets = record.facets;
    if (facets !== undefined && !Array.isArray(facets)) problems.push('Record/facets must be an array');
    if (problems.length > 0) return invalid(`Invalid app.bsky.feed.post record: ${problems.join('; ')}`);
    if (body.rkey !== undefined && !/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/.test(String(body.rkey)))
      return invalid('Input/rkey must be a valid TID');
    const rkey = body.rkey === undefined ? tid(BigInt(clock.now()) * 1000n + BigInt(clockId++ % 1000), 7) : String(body.rkey);
    const uri = `at://${did}/app.bsky.feed.post/${rkey}`;
    if (world.posts.some((post) => post.id === uri && !post.deleted)) return invalid(`Record already exists at ${uri}`);
    const cid = cidOf(`${uri}:${JSON.stringify(record)}`);
    const parentUri = reply ? (reply.parent as { uri: string }).uri : undefined;
    world.addPost({
      id: uri,
      accountId: did,
      text: String(text),
      createdAtMs: clock.now(),
      ...(parentUri ? { replyToId: parentUri } : {}),
      mediaIds,
      extra: { cid, rkey, record },
    });
    const rev = tid(BigInt(clock.now()) * 1000n, 1);
    return { status: 200, body: { uri, cid, commit: { cid: cidOf(`commit:${uri}`), rev }, validationStatus: 'valid' } };
  });

  const deleteRecord = write(POINTS.delete, (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.repo !== did && body.repo !== handle) return invalid('Input/repo must be the authenticated account');
    if (typeof body.collection !== 'string' || typeof body.rkey !== 'string')
      return invalid('Input must have the properties "collection" and "rkey"');
    // Deleting a record that does not exist succeeds (nothing to do), as on a real PDS.
    const post = world.livePost(`at://${did}/${body.collection}/${body.rkey}`);
    if (post) post.deleted = true;
    return { status: 200, body: { commit: { cid: cidOf(`delete:${String(body.rkey)}`), rev: tid(BigInt(clock.now()) * 1000n, 2) } } };
  });

  const uploadBlob = (request: SimRequest): Response => {
    const denied = authorized(request);
    if (denied) return denied;
    const type = request.headers['content-type'] ?? '*/*';
    const bytes = request.bodySize;
    if (bytes === 0) return xrpcError(400, 'InvalidRequest', 'Request body is empty');
    if (bytes > 1_000_000)
      return xrpcError(400, 'BlobTooLarge', `This file is too large. It is ${bytes} bytes but the maximum size is 1000000 bytes.`);
    const cid = cidOf(`blob:${blobs.size}:${bytes}:${type}`).replace('bafyrei', 'bafkrei');
    blobs.set(cid, { cid, mimeType: type, size: bytes });
    return json(200, { blob: { $type: 'blob', ref: { $link: cid }, mimeType: type, size: bytes } });
  };

  const postView = (post: SimPost) => {
    const counters = world.counters(post);
    return {
      uri: post.id,
      cid: String(post.extra.cid),
      author: { did, handle, displayName: 'smm brand', labels: [], createdAt: '2024-01-01T00:00:00.000Z' },
      record: post.extra.record,
      replyCount: counters.replies,
      repostCount: counters.reposts,
      likeCount: counters.likes,
      quoteCount: counters.quotes,
      ...(options.bookmarks ? { bookmarkCount: counters.bookmarks } : {}),
      indexedAt: post.createdAt,
      viewer: { threadMuted: false, embeddingDisabled: false },
      labels: [],
    };
  };

  // Reads any client may make without a session (they still count against the read limit).
  const publicRead =
    (handler: Handler) =>
    (request: SimRequest): Response => {
      const state = windows.spend(`${did}:reads`, limits.reads);
      const headers = headersOf(state, `${limits.reads.limit};w=${limits.reads.windowMs / 1000}`);
      if (!state.allowed) return xrpcError(429, 'RateLimitExceeded', 'Rate Limit Exceeded', headers);
      const { status, body } = handler(request);
      return json(status, body, headers);
    };

  const resolveHandle = publicRead((request) => {
    const wanted = String(request.query.handle ?? '').toLowerCase();
    if (wanted === '') return invalid('Params must have the property "handle"');
    if (wanted === handle) return { status: 200, body: { did } };
    const user = world.users.find((entry) => `${entry.handle}.bsky.social` === wanted);
    return user ? { status: 200, body: { did: userDid(user) } } : invalid('Unable to resolve handle');
  });

  const getRecord = publicRead((request) => {
    const { repo, collection, rkey } = request.query;
    if (typeof repo !== 'string' || typeof collection !== 'string' || typeof rkey !== 'string')
      return invalid('Params must have the properties "repo", "collection" and "rkey"');
    const uri = `at://${repo === handle ? did : repo}/${collection}/${rkey}`;
    const post = world.livePost(uri);
    if (!post) return { status: 400, body: { error: 'RecordNotFound', message: `Could not locate record: ${uri}` } };
    return { status: 200, body: { uri, cid: String(post.extra.cid), value: post.extra.record } };
  });

  const getPosts = read((request) => {
    const raw = request.query.uris;
    const uris = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    if (uris.length === 0) return invalid('Params must have the property "uris"');
    if (uris.length > 25) return invalid('Params/uris must not have more than 25 elements');
    // Posts that do not exist (or were deleted) are left out, as the AppView does.
    return {
      status: 200,
      body: {
        posts: uris
          .map((uri) => world.livePost(uri))
          .filter((post): post is SimPost => post !== undefined)
          .map(postView),
      },
    };
  });

  const listNotifications = read((request) => {
    const limit = Number(request.query.limit ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return invalid('Params/limit must be between 1 and 100');
    let all = world.mentions().reverse();
    const cursor = request.query.cursor;
    if (typeof cursor === 'string') {
      const before = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (!Number.isFinite(before)) return invalid('Malformed cursor');
      all = all.filter((_, index) => index >= before);
    }
    const offset = typeof cursor === 'string' ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) : 0;
    const page = all.slice(0, limit);
    const notifications = page.map((mention) => {
      const createdAt = new Date(mention.createdAtMs).toISOString();
      if (isFollow(mention)) {
        return {
          uri: `at://${userDid(mention.author)}/app.bsky.graph.follow/${tid(BigInt(mention.createdAtMs) * 1000n, 3)}`,
          cid: cidOf(`follow:${mention.key}`),
          author: author(mention.author),
          reason: 'follow',
          record: { $type: 'app.bsky.graph.follow', subject: did, createdAt },
          isRead: false,
          indexedAt: createdAt,
          labels: [],
        };
      }
      const own = mention.postId ? world.posts.find((post) => post.id === mention.postId) : undefined;
      const ownRef = own ? { uri: own.id, cid: String(own.extra.cid) } : undefined;
      const text = mention.kind === 'reply' ? mention.text.replace(`@${handle} `, '') : mention.text;
      const start = new TextEncoder().encode(text.slice(0, text.indexOf(`@${handle}`))).length;
      return {
        uri: mentionUri(mention),
        cid: cidOf(mention.key),
        author: author(mention.author),
        reason: mention.kind,
        ...(ownRef ? { reasonSubject: ownRef.uri } : {}),
        record: {
          $type: 'app.bsky.feed.post',
          text,
          createdAt,
          ...(mention.language ? { langs: [mention.language] } : {}),
          ...(text.includes(`@${handle}`)
            ? {
                facets: [
                  {
                    index: { byteStart: start, byteEnd: start + new TextEncoder().encode(`@${handle}`).length },
                    features: [{ $type: 'app.bsky.richtext.facet#mention', did }],
                  },
                ],
              }
            : {}),
          ...(ownRef ? { reply: { root: ownRef, parent: ownRef } } : {}),
        },
        isRead: false,
        indexedAt: createdAt,
        labels: [],
      };
    });
    const more = all.length > page.length;
    return {
      status: 200,
      body: {
        notifications,
        ...(more ? { cursor: Buffer.from(String(offset + page.length)).toString('base64url') } : {}),
        priority: false,
      },
    };
  });

  const getProfile = read((request) => {
    const actor = request.query.actor;
    if (actor !== did && actor !== handle) return { status: 400, body: { error: 'InvalidRequest', message: 'Profile not found' } };
    return {
      status: 200,
      body: {
        did,
        handle,
        displayName: 'smm brand',
        followersCount: world.followers(),
        followsCount: world.following(),
        postsCount: world.posts.filter((post) => !post.deleted).length,
        indexedAt: '2024-01-01T00:00:00.000Z',
        labels: [],
      },
    };
  });

  const createSession = (request: SimRequest): Response => {
    const state = windows.spend(`${did}:sessions`, limits.sessions);
    const headers = headersOf(state, `${limits.sessions.limit};w=${limits.sessions.windowMs / 1000}`);
    if (!state.allowed) return xrpcError(429, 'RateLimitExceeded', 'Rate Limit Exceeded', headers);
    const body = (request.body ?? {}) as Record<string, unknown>;
    if ((body.identifier !== handle && body.identifier !== did) || body.password !== password) {
      return xrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password', headers);
    }
    return json(200, newSession(), headers);
  };

  const refreshSession = (request: SimRequest): Response => {
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token || !refreshTokens.has(token)) return xrpcError(400, 'ExpiredToken', 'Token has been revoked');
    refreshTokens.delete(token); // refresh tokens are single-use
    return json(200, newSession());
  };

  const routes: SimRoute[] = [
    { method: 'POST', path: '/xrpc/com.atproto.server.createSession', handle: createSession },
    { method: 'POST', path: '/xrpc/com.atproto.server.refreshSession', handle: refreshSession },
    { method: 'POST', path: '/xrpc/com.atproto.repo.createRecord', handle: createRecord },
    { method: 'POST', path: '/xrpc/com.atproto.repo.deleteRecord', handle: deleteRecord },
    { method: 'POST', path: '/xrpc/com.atproto.repo.uploadBlob', handle: uploadBlob },
    { method: 'GET', path: '/xrpc/com.atproto.identity.resolveHandle', handle: resolveHandle },
    { method: 'GET', path: '/xrpc/com.atproto.repo.getRecord', handle: getRecord },
    { method: 'GET', path: '/xrpc/app.bsky.feed.getPosts', handle: getPosts },
    { method: 'GET', path: '/xrpc/app.bsky.notification.listNotifications', handle: listNotifications },
    { method: 'GET', path: '/xrpc/app.bsky.actor.getProfile', handle: getProfile },
  ];

  const engine = createSimulatorEngine({
    platform: 'bluesky',
    baseUrl: options.baseUrl ?? 'https://bsky.social',
    clock,
    routes,
    faultResponses: {
      rateLimited: (_request, resetAtMs) =>
        xrpcError(
          429,
          'RateLimitExceeded',
          'Rate Limit Exceeded',
          headersOf(
            { allowed: false, limit: limits.hourlyPoints.limit, remaining: 0, resetAtMs, windowMs: limits.hourlyPoints.windowMs },
            `${limits.hourlyPoints.limit};w=3600`,
          ),
        ),
      serverError: (_request, status) => xrpcError(status, 'InternalServerError', 'Internal Server Error'),
      expiredToken: () => xrpcError(400, 'ExpiredToken', 'Token has expired'),
      notFound: (request) => xrpcError(501, 'MethodNotImplemented', `Method Not Implemented: ${request.path}`),
    },
    onExpiredToken: (request) => {
      const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (token && accessTokens.has(token)) accessTokens.set(token, clock.now());
    },
  });

  return {
    ...engine,
    account: { id: did, handle },
    credentials: { identifier: handle, password },
    posts: () => world.posts.map((post) => ({ ...post })),
    blobs: () => [...blobs.values()],
    reportedPostMetrics(postId) {
      const post = world.posts.find((entry) => entry.id === postId);
      if (!post) return {};
      const view = postView(post) as Record<string, unknown>;
      return Object.fromEntries(
        ['replyCount', 'repostCount', 'likeCount', 'quoteCount', 'bookmarkCount']
          .filter((name) => typeof view[name] === 'number')
          .map((name) => [name, view[name] as number]),
      );
    },
    reportedAccountMetrics: () => ({
      followersCount: world.followers(),
      followsCount: world.following(),
      postsCount: world.posts.filter((post) => !post.deleted).length,
    }),
    mentionCount: () => world.mentions().filter((mention) => !isFollow(mention)).length,
    addMention: (input) =>
      void world.addMention({
        text: input.text,
        kind: input.kind ?? 'mention',
        ...(input.postId ? { postId: input.postId } : {}),
        ...(input.language ? { language: input.language } : {}),
      }),
  };
}
