import type { Clock } from '@smm/core/clock';
import { systemClock } from '@smm/core/clock';
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
  type SimUser,
  type WindowLimit,
  type WindowState,
} from '../simulator/index.js';
import { mastodonOAuthRoutes } from '../oauth/index.js';
import { statusLanguage } from './posting-languages.js';
import { DEFAULT_INSTANCE_LIMITS, pollOptions, pollParams, statusErrors, type MastodonInstanceLimits } from './status-rules.js';

/** Options of {@link createMastodonSimulator}. */
export interface MastodonSimulatorOptions {
  clock?: Clock;
  seed?: number | string;
  /** The instance (default `https://mastodon.example`). */
  baseUrl?: string;
  account?: { id?: string; username?: string };
  /** `configuration.statuses.max_characters` (default 500). */
  maxCharacters?: number;
  /** `configuration.polls` (defaults as Mastodon ships them: 4 options of 50 characters, 5 minutes to about a month). */
  polls?: Partial<MastodonInstanceLimits['polls']>;
  /**
   * Be Mastodon 4.5+: report `quotes_count`, and have other users quote the account's public
   * posts (`quote` notifications). Default false: 4.3, no quotes.
   */
  quotes?: boolean;
  /** Instance limits (defaults as Mastodon ships them). */
  limits?: Partial<{ all: WindowLimit; media: WindowLimit; deletes: WindowLimit }>;
  mentionBacklog?: number;
  mentionEveryMs?: number;
  /**
   * How long a video takes to process after upload (default 2 s): `POST /api/v2/media` answers
   * 202 with a null `url`, `GET /api/v1/media/:id` 206 until then.
   */
  videoProcessingMs?: number;
  /**
   * How long an `Idempotency-Key` is remembered, in simulated time (default 1 hour, as Mastodon
   * keeps it). A run on an accelerated clock lengthens it: there, a retry a second later in real
   * time arrives hours later on the simulated clock.
   */
  idempotencyKeyTtlMs?: number;
}

/** The Mastodon simulator. */
export interface MastodonSimulator extends NetworkSimulator {
  /** `{ accessToken }`: a user token (Mastodon tokens do not expire). */
  readonly credentials: { accessToken: string };
  /** The limits the instance reports in `GET /api/v2/instance` and enforces. */
  readonly limits: MastodonInstanceLimits;
  /** Adds a mention, reply or (4.5+) quote of one of the account's posts, arriving now. */
  addMention(input: { text: string; kind?: 'mention' | 'reply' | 'quote'; postId?: string; language?: string }): void;
  /** Scheduled statuses not yet published. */
  scheduled(): Array<{ id: string; scheduledAt: string; params: Record<string, unknown> }>;
  /**
   * Seeds an account you do not own (a competitor; `handle` is its `acct`: `globex` on this
   * instance, `globex@other.example` elsewhere) with known public numbers, served by
   * `GET /api/v1/accounts/lookup`, `GET /api/v1/accounts/:id` and `GET /api/v1/accounts/:id/statuses`;
   * seeding the same handle again replaces its numbers and keeps its id.
   */
  addPublicAccount(seed: PublicAccountSeed): { id: string };
  /**
   * What the account did to mentions and their authors, oldest first, by Mastodon ids: `like`,
   * `unlike`, `block`, `mute` (`note`: whether notifications are muted too), `report-<category>` (`note`: the comment).
   */
  mentionActions(): Array<{ action: string; statusId?: string; accountId: string; at: string; note?: string }>;
}

interface Attachment {
  id: string;
  type: 'image' | 'video' | 'gifv' | 'audio' | 'unknown';
  description: string | null;
  uploadedAtMs: number;
  /** The status (or scheduled status) it is attached to: Mastodon attaches a file once. */
  attachedTo?: string;
}

interface Scheduled {
  id: string;
  scheduledAtMs: number;
  params: Record<string, unknown>;
  idempotencyKey?: string;
}

const MINUTE = 60_000;
// The account has no posting language set, so an unknown `language` becomes the instance's default locale.
const DEFAULT_LANGUAGE = 'en';
const QUOTE_PHRASES = ['this, exactly', 'worth a read', 'hard disagree', 'saving this'] as const;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Simulates a Mastodon instance as its API documents it: `POST /api/v1/statuses` (JSON or
 * form; `status`, `media_ids[]`, `in_reply_to_id`, `visibility`, `spoiler_text`, `language`,
 * `poll`, `scheduled_at` → a ScheduledStatus; the `Idempotency-Key` header is honoured for
 * an hour: the same key returns the same status and creates nothing), `GET`/`DELETE
 * /api/v1/statuses/:id`, `POST /api/v2/media` (202 while a video processes) and
 * `GET /api/v1/media/:id`, `GET /api/v1/notifications` (`types[]`, `limit`, `max_id`,
 * `since_id`, `min_id`, with `Link` headers), `GET /api/v2/instance`,
 * `GET /api/v1/accounts/verify_credentials`, `GET`/`DELETE /api/v1/scheduled_statuses`.
 * `GET /api/v1/accounts/:id`. Requests are held to the documented parameter rules and the
 * limits the instance reports in `configuration` (poll options and duration, text with its
 * content warning, media, `scheduled_at`, reply target, alt text), and refused as Mastodon
 * refuses them (422 `{ "error": "Validation failed: …" }`, 404 for a missing reply target); an
 * unknown `language` is replaced by the default, as Mastodon does. With `quotes` (4.5+), other
 * users quote the account's public posts (`quote` notifications).
 * Limits: 300 requests / 5 min per account, media 30 / 30 min, deletes 30 / 30 min, reported
 * in `X-RateLimit-Limit/Remaining/Reset` (an ISO-8601 reset). Errors are `{ "error": "…" }`.
 *
 * @example
 * ```ts
 * const sim = createMastodonSimulator({ clock: createFakeClock(), seed: 3 });
 * const server = await sim.listen(); // http://127.0.0.1:<port>
 * ```
 */
export function createMastodonSimulator(options: MastodonSimulatorOptions = {}): MastodonSimulator {
  const clock = options.clock ?? systemClock;
  const baseUrl = (options.baseUrl ?? 'https://mastodon.example').replace(/\/+$/, '');
  const domain = new URL(baseUrl).host;
  const accountId = options.account?.id ?? '110000000000000001';
  const username = options.account?.username ?? 'smm';
  const videoProcessingMs = options.videoProcessingMs ?? 2_000;
  const instanceLimits: MastodonInstanceLimits = {
    ...DEFAULT_INSTANCE_LIMITS,
    ...(options.maxCharacters === undefined ? {} : { maxCharacters: options.maxCharacters }),
    polls: { ...DEFAULT_INSTANCE_LIMITS.polls, ...options.polls },
  };
  const limits = {
    all: { limit: 300, windowMs: 5 * MINUTE },
    media: { limit: 30, windowMs: 30 * MINUTE },
    deletes: { limit: 30, windowMs: 30 * MINUTE },
    ...options.limits,
  };
  const world = createWorld({
    clock,
    seed: options.seed,
    handle: username,
    mentionBacklog: options.mentionBacklog,
    mentionEveryMs: options.mentionEveryMs,
  });
  const windows = createRateLimitWindows(() => clock.now());
  const attachments = new Map<string, Attachment>();
  const scheduled = new Map<string, Scheduled>();
  const keys = new Map<string, { atMs: number; statusId?: string; scheduledId?: string }>();
  const validTokens = new Set(['mastodon-token-0']);
  let serial = 0;

  // Mastodon ids: milliseconds shifted left 16 bits plus a sequence, as decimal strings.
  const snowflake = (ms: number, salt?: number) =>
    String((BigInt(ms) << 16n) | BigInt(salt === undefined ? (serial = (serial + 1) % 65_536) : salt % 65_536));
  const remoteAccount = (user: SimUser) => ({
    id: String(200_000 + user.index),
    username: user.handle,
    acct: `${user.handle}@remote.example`,
    display_name: user.displayName,
    url: `https://remote.example/@${user.handle}`,
    followers_count: user.followers,
    following_count: 10,
    statuses_count: 100,
    bot: false,
    locked: false,
  });
  const ownAccount = () => ({
    id: accountId,
    username,
    acct: username,
    display_name: 'smm brand',
    url: `${baseUrl}/@${username}`,
    followers_count: world.followers(),
    following_count: world.following(),
    statuses_count: world.posts.filter((post) => !post.deleted).length,
    bot: false,
    locked: false,
    created_at: '2024-01-01T00:00:00.000Z',
  });

  const renderAttachment = (item: Attachment) => {
    const ready = item.type !== 'video' || clock.now() >= item.uploadedAtMs + videoProcessingMs;
    return {
      id: item.id,
      type: item.type,
      url: ready ? `${baseUrl}/system/media/${item.id}.bin` : null,
      preview_url: `${baseUrl}/system/media/${item.id}.preview.jpg`,
      remote_url: null,
      meta: {},
      description: item.description,
      blurhash: 'UFGuL*~q%Mxu',
    };
  };

  // 4.5+: other users quote the account's public and unlisted posts at seeded times after them
  // (quoting is open to anyone by default; private and direct posts cannot be quoted).
  const quotesOf = (post: SimPost): IncomingMention[] => {
    if (!options.quotes || post.deleted || !['public', 'unlisted'].includes(post.visibility ?? 'public')) return [];
    const random = world.random.fork(`quotes:${post.id}`);
    return Array.from({ length: random.int(0, 2) }, (_, index) => ({
      key: `q:${post.id}:${index}`,
      createdAtMs: post.createdAtMs + (index + 1) * random.int(5, 45) * MINUTE,
      author: random.pick(world.users),
      text: random.pick(QUOTE_PHRASES),
      kind: 'quote' as const,
      postId: post.id,
      language: 'en',
    }));
  };

  /** Everything that has arrived for the account: mentions, replies and (4.5+) quotes, oldest first. */
  const arrived = (): IncomingMention[] => {
    const now = clock.now();
    const quotes = world.posts.flatMap(quotesOf).filter((quote) => quote.createdAtMs <= now);
    const all = [...world.mentions(), ...quotes];
    return all.sort((a, b) => a.createdAtMs - b.createdAtMs || a.key.localeCompare(b.key));
  };

  const counts = (post: SimPost) => {
    const counters = world.counters(post);
    return {
      replies_count: counters.replies,
      reblogs_count: counters.reposts,
      favourites_count: counters.likes,
      ...(options.quotes ? { quotes_count: arrived().filter((item) => item.kind === 'quote' && item.postId === post.id).length } : {}),
    };
  };

  const renderStatus = (post: SimPost, withSource = false) => ({
    id: post.id,
    created_at: post.createdAt,
    in_reply_to_id: post.replyToId ?? null,
    in_reply_to_account_id: post.replyToId
      ? world.livePost(post.replyToId)
        ? accountId
        : String(post.extra.replyToAccountId ?? accountId)
      : null,
    sensitive: Boolean(post.extra.sensitive),
    spoiler_text: String(post.extra.spoilerText ?? ''),
    visibility: post.visibility ?? 'public',
    language: (post.extra.language as string | undefined) ?? DEFAULT_LANGUAGE,
    uri: `${baseUrl}/users/${username}/statuses/${post.id}`,
    url: `${baseUrl}/@${username}/${post.id}`,
    ...counts(post),
    edited_at: null,
    favourited: false,
    reblogged: false,
    muted: false,
    bookmarked: false,
    pinned: false,
    content: `<p>${escapeHtml(post.text)}</p>`,
    ...(withSource ? { text: post.text } : {}),
    filtered: [],
    reblog: null,
    application: { name: 'smm', website: null },
    account: ownAccount(),
    media_attachments: post.mediaIds
      .map((id) => attachments.get(id))
      .filter((item): item is Attachment => item !== undefined)
      .map(renderAttachment),
    mentions: [],
    tags: [],
    emojis: [],
    card: null,
    poll: post.extra.poll ?? null,
  });

  const rateHeaders = (state: WindowState) => ({
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': new Date(state.resetAtMs).toISOString(),
  });

  // Publishes scheduled statuses whose time has come (lazily, on each request).
  const publishDue = () => {
    for (const entry of [...scheduled.values()].filter((item) => item.scheduledAtMs <= clock.now())) {
      scheduled.delete(entry.id);
      createStatus(entry.params, entry.scheduledAtMs, entry.idempotencyKey);
    }
  };

  function renderPoll(poll: NonNullable<ReturnType<typeof pollParams>>, atMs: number) {
    const multiple = (body: unknown) => body === true || body === 'true';
    return {
      id: snowflake(atMs),
      expires_at: new Date(atMs + Math.trunc(Number(poll.expiresIn)) * 1000).toISOString(),
      expired: false,
      multiple: multiple(poll.multiple),
      votes_count: 0,
      voters_count: multiple(poll.multiple) ? 0 : null,
      options: pollOptions(poll).map((title) => ({ title, votes_count: 0 })),
      emojis: [],
    };
  }

  function createStatus(params: Record<string, unknown>, atMs: number, idempotencyKey?: string): SimPost {
    const mediaIds = (params.media_ids as string[] | undefined) ?? [];
    const poll = pollParams(params);
    const id = snowflake(atMs);
    for (const mediaId of mediaIds) {
      const item = attachments.get(mediaId);
      if (item) item.attachedTo = id;
    }
    return world.addPost({
      id,
      accountId,
      text: String(params.status ?? ''),
      createdAtMs: atMs,
      ...(params.in_reply_to_id ? { replyToId: String(params.in_reply_to_id) } : {}),
      mediaIds,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      visibility: String(params.visibility ?? 'public'),
      extra: {
        sensitive: params.sensitive === true || params.sensitive === 'true' || String(params.spoiler_text ?? '').trim() !== '',
        spoilerText: params.spoiler_text ?? '',
        language: statusLanguage(params.language, DEFAULT_LANGUAGE),
        ...(poll ? { poll: renderPoll(poll, atMs) } : {}),
      },
    });
  }

  const fieldList = (value: unknown): string[] | undefined =>
    value === undefined ? undefined : (Array.isArray(value) ? value : [value]).map(String);

  // Every route: auth, the account-wide limit (plus a narrower one), then the handler.
  const endpoint =
    (
      narrow: 'media' | 'deletes' | undefined,
      handler: (request: SimRequest) => { status: number; body: unknown; headers?: Record<string, string> },
    ) =>
    (request: SimRequest): Response => {
      const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (!token || !validTokens.has(token)) return json(401, { error: 'The access token is invalid' });
      publishDue();
      const all = windows.spend(`${accountId}:all`, limits.all);
      const specific = narrow ? windows.spend(`${accountId}:${narrow}`, limits[narrow]) : undefined;
      // When several limits apply, the headers report the one closest to running out.
      const reported = specific && (!specific.allowed || specific.remaining < all.remaining) ? specific : all;
      if (!all.allowed || (specific && !specific.allowed)) return json(429, { error: 'Too many requests' }, rateHeaders(reported));
      const { status, body, headers } = handler(request);
      return json(status, body, { ...rateHeaders(reported), ...headers });
    };

  const refuse = (status: number, error: string) => ({ status, body: { error } });

  // https://docs.joinmastodon.org/methods/statuses/#create — checked in Mastodon's order: the
  // controller's reply target (404), the Idempotency-Key (the same key within an hour returns
  // what it created), media (PostStatusService#validate_media!: a bare `{ error }` 422),
  // `scheduled_at` (unparseable: "Record invalid"; in the past: published now; sooner than
  // 5 minutes: refused), then the status's own validations ("Validation failed: …").
  const postStatus = endpoint(undefined, (request) => {
    const params = { ...((request.body ?? {}) as Record<string, unknown>) };
    // Form bodies send `media_ids[]`; JSON sends `media_ids`.
    const mediaIds = fieldList(params['media_ids[]'] ?? params.media_ids) ?? [];
    params.media_ids = mediaIds;
    const replyTo = params.in_reply_to_id === undefined || params.in_reply_to_id === '' ? undefined : String(params.in_reply_to_id);
    if (replyTo !== undefined && !world.livePost(replyTo) && !arrived().some((m) => mentionStatusId(m) === replyTo)) {
      return refuse(404, 'The post you are trying to reply to does not appear to exist.');
    }
    const key = request.headers['idempotency-key'];
    if (key) {
      const seen = keys.get(key);
      if (seen && clock.now() - seen.atMs < (options.idempotencyKeyTtlMs ?? 3_600_000)) {
        const post = seen.statusId ? world.posts.find((entry) => entry.id === seen.statusId) : undefined;
        if (post) return { status: 200, body: renderStatus(post) };
        const pending = seen.scheduledId ? scheduled.get(seen.scheduledId) : undefined;
        if (pending) return { status: 200, body: renderScheduled(pending) };
      }
    }
    const poll = pollParams(params);
    if (mediaIds.length > 0) {
      if (mediaIds.length > instanceLimits.maxMediaAttachments || poll) {
        return refuse(422, `Cannot attach more than ${instanceLimits.maxMediaAttachments} files`);
      }
      const missing = mediaIds.filter((id) => attachments.get(id)?.attachedTo !== undefined || !attachments.has(id));
      if (missing.length > 0) return refuse(422, `Media ${missing.join(', ')} not found or already attached to another post`);
      const items = mediaIds.map((id) => attachments.get(id)!);
      if (items.length > 1 && items.some((item) => item.type === 'video' || item.type === 'audio')) {
        return refuse(422, 'Cannot attach a video to a post that already contains images');
      }
      if (items.some((item) => item.type === 'video' && clock.now() < item.uploadedAtMs + videoProcessingMs)) {
        return refuse(422, 'Cannot attach files that have not finished processing. Try again in a moment!');
      }
    }
    let scheduledAtMs: number | undefined;
    if (params.scheduled_at !== undefined && params.scheduled_at !== null && params.scheduled_at !== '') {
      const at = Date.parse(String(params.scheduled_at));
      if (!Number.isFinite(at)) return refuse(422, 'Record invalid');
      if (at > clock.now()) scheduledAtMs = at;
    }
    const errors = statusErrors(params, mediaIds.length, instanceLimits);
    // A scheduled status is checked by building the status and asking `valid?`: a bare RecordInvalid.
    if (errors.length > 0) return refuse(422, scheduledAtMs === undefined ? `Validation failed: ${errors.join(', ')}` : 'Record invalid');
    if (scheduledAtMs !== undefined) {
      if (scheduledAtMs <= clock.now() + 5 * MINUTE) {
        return refuse(422, 'Validation failed: Scheduled at The scheduled date must be in the future');
      }
      const entry: Scheduled = { id: String(++serial), scheduledAtMs, params, ...(key ? { idempotencyKey: key } : {}) };
      scheduled.set(entry.id, entry);
      for (const id of mediaIds) attachments.get(id)!.attachedTo = `scheduled:${entry.id}`;
      if (key) keys.set(key, { atMs: clock.now(), scheduledId: entry.id });
      return { status: 200, body: renderScheduled(entry) };
    }
    const post = createStatus(params, clock.now(), key);
    if (key) keys.set(key, { atMs: clock.now(), statusId: post.id });
    return { status: 200, body: renderStatus(post) };
  });

  function renderScheduled(entry: Scheduled) {
    const params = entry.params;
    return {
      id: entry.id,
      scheduled_at: new Date(entry.scheduledAtMs).toISOString(),
      params: {
        text: String(params.status ?? ''),
        media_ids: (params.media_ids as string[] | undefined)?.length ? params.media_ids : null,
        sensitive: params.sensitive ?? null,
        spoiler_text: params.spoiler_text ?? null,
        visibility: params.visibility ?? null,
        language: params.language ?? null,
        in_reply_to_id: params.in_reply_to_id ?? null,
        poll: params.poll ?? null,
        idempotency: entry.idempotencyKey ?? null,
        scheduled_at: null,
        application_id: 1,
        with_rate_limit: false,
      },
      media_attachments: ((params.media_ids as string[] | undefined) ?? [])
        .map((id) => attachments.get(id))
        .filter((item): item is Attachment => item !== undefined)
        .map(renderAttachment),
    };
  }

  // https://docs.joinmastodon.org/methods/statuses/#get — 404 `Record not found` for none.
  const getStatus = endpoint(undefined, (request) => {
    const post = world.livePost(request.params.id!);
    return post ? { status: 200, body: renderStatus(post) } : { status: 404, body: { error: 'Record not found' } };
  });

  // https://docs.joinmastodon.org/methods/statuses/#delete — returns the status with its source `text`.
  const deleteStatus = endpoint('deletes', (request) => {
    const post = world.livePost(request.params.id!);
    if (!post) return { status: 404, body: { error: 'Record not found' } };
    post.deleted = true;
    return { status: 200, body: renderStatus(post, true) };
  });

  // https://docs.joinmastodon.org/methods/media/#v2 — `file` required (422 when missing or of an
  // unsupported type), `description` at most `description_limit` characters.
  const uploadMedia = endpoint('media', (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const file = body.file as { type?: string; size?: number } | undefined;
    if (!file || typeof file !== 'object')
      return { status: 422, body: { error: 'Validation failed: File content type is invalid, File is invalid' } };
    const mime = String(file.type ?? '');
    const type: Attachment['type'] = mime.startsWith('image/gif')
      ? 'gifv'
      : mime.startsWith('image/')
        ? 'image'
        : mime.startsWith('video/')
          ? 'video'
          : mime.startsWith('audio/')
            ? 'audio'
            : 'unknown';
    if (type === 'unknown') return { status: 422, body: { error: 'Validation failed: File content type is invalid, File is invalid' } };
    const description = typeof body.description === 'string' ? body.description : undefined;
    if (
      description !== undefined &&
      [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(description)].length > instanceLimits.descriptionLimit
    ) {
      return refuse(422, `Validation failed: Description is too long (maximum is ${instanceLimits.descriptionLimit} characters)`);
    }
    const item: Attachment = {
      id: snowflake(clock.now()),
      type,
      description: description ?? null,
      uploadedAtMs: clock.now(),
    };
    attachments.set(item.id, item);
    // Large media (video) is processed asynchronously: 202 with a null url until done.
    return { status: type === 'video' ? 202 : 200, body: renderAttachment(item) };
  });

  // https://docs.joinmastodon.org/methods/media/#get — 206 while processing, 404 for another's or none.
  // Mastodon looks among the account's unattached media only (MediaController: `where(status_id: nil)`),
  // so one already attached to a status is a 404 too.
  const getMedia = endpoint(undefined, (request) => {
    const item = attachments.get(request.params.id!);
    if (!item || item.attachedTo !== undefined) return { status: 404, body: { error: 'Record not found' } };
    const rendered = renderAttachment(item);
    return { status: rendered.url === null ? 206 : 200, body: rendered };
  });

  const mentionStatusId = (mention: IncomingMention) => snowflake(mention.createdAtMs, hashString(mention.key));
  const notificationId = (mention: IncomingMention) => String(mention.createdAtMs * 10 + (hashString(mention.key) % 10));

  // Another user's status that mentions the account, as notifications and status actions render it.
  const mentionStatus = (mention: IncomingMention) => {
    const statusId = mentionStatusId(mention);
    const quoted = mention.kind === 'quote' && mention.postId ? world.livePost(mention.postId) : undefined;
    const isQuote = mention.kind === 'quote';
    return {
      id: statusId,
      created_at: new Date(mention.createdAtMs).toISOString(),
      in_reply_to_id: isQuote ? null : (mention.postId ?? null),
      in_reply_to_account_id: !isQuote && mention.postId ? accountId : null,
      sensitive: false,
      spoiler_text: '',
      visibility: 'public',
      language: mention.language ?? null,
      uri: `https://remote.example/users/${mention.author.handle}/statuses/${statusId}`,
      url: `https://remote.example/@${mention.author.handle}/${statusId}`,
      replies_count: 0,
      reblogs_count: 0,
      // The only favourite the simulated world knows is the account's own.
      favourites_count: world.isOn('like', mention.key) ? 1 : 0,
      favourited: world.isOn('like', mention.key),
      content: isQuote
        ? `<p>${escapeHtml(mention.text)}</p>`
        : `<p><span class="h-card"><a href="${baseUrl}/@${username}" class="u-url mention">@<span>${username}</span></a></span> ${escapeHtml(mention.text.replace(`@${username} `, ''))}</p>`,
      account: remoteAccount(mention.author),
      media_attachments: [],
      mentions: isQuote ? [] : [{ id: accountId, username, acct: username, url: `${baseUrl}/@${username}` }],
      ...(isQuote
        ? { quote: quoted ? { state: 'accepted', quoted_status: renderStatus(quoted) } : { state: 'deleted', quoted_status: null } }
        : {}),
      tags: [],
      emojis: [],
      card: null,
      poll: null,
    };
  };

  const typeOf = (mention: IncomingMention) => (mention.kind === 'quote' ? 'quote' : 'mention');
  const renderNotification = (mention: IncomingMention) => ({
    id: notificationId(mention),
    type: typeOf(mention),
    created_at: new Date(mention.createdAtMs).toISOString(),
    account: remoteAccount(mention.author),
    status: mentionStatus(mention),
  });

  // https://docs.joinmastodon.org/methods/notifications/#get — `types[]`, `exclude_types[]`,
  // `limit` (default 40, max 80), `max_id`/`since_id`/`min_id`, Link headers. `mention` covers
  // replies; `quote` (4.5+, https://docs.joinmastodon.org/entities/Notification/#type) carries
  // the quoting status, whose `quote.quoted_status` is the account's post.
  const notifications = endpoint(undefined, (request) => {
    const types = fieldList(request.query['types[]'] ?? request.query.types);
    const excluded = fieldList(request.query['exclude_types[]'] ?? request.query.exclude_types) ?? [];
    const limit = Math.min(80, Math.max(1, Number(request.query.limit ?? 40) || 40));
    const maxId = request.query.max_id === undefined ? undefined : BigInt(String(request.query.max_id));
    const sinceId = request.query.since_id === undefined ? undefined : BigInt(String(request.query.since_id));
    const minId = request.query.min_id === undefined ? undefined : BigInt(String(request.query.min_id));
    let items = arrived().filter((m) => (types === undefined || types.includes(typeOf(m))) && !excluded.includes(typeOf(m)));
    items = items.filter((m) => {
      const id = BigInt(notificationId(m));
      return (maxId === undefined || id < maxId) && (sinceId === undefined || id > sinceId) && (minId === undefined || id > minId);
    });
    // Newest first; with min_id the page is the oldest ones just after it.
    const ordered = minId !== undefined ? items.slice(0, limit).reverse() : items.reverse().slice(0, limit);
    const body = ordered.map(renderNotification);
    const links: string[] = [];
    const typeQuery = (types ?? []).map((type) => `&types[]=${encodeURIComponent(type)}`).join('');
    if (body.length > 0) {
      // As Mastodon does: a next link when the page is full, a prev link whenever there are items.
      if (body.length === limit)
        links.push(`<${request.origin}/api/v1/notifications?max_id=${body[body.length - 1]!.id}&limit=${limit}${typeQuery}>; rel="next"`);
      links.push(`<${request.origin}/api/v1/notifications?min_id=${body[0]!.id}&limit=${limit}${typeQuery}>; rel="prev"`);
    }
    const headers: Record<string, string> = links.length ? { Link: links.join(', ') } : {};
    return { status: 200, body, headers };
  });

  // https://docs.joinmastodon.org/methods/instance/#v2 — `configuration` reports the limits enforced above.
  const instance = endpoint(undefined, () => ({
    status: 200,
    body: {
      domain,
      title: 'Simulated Mastodon',
      version: options.quotes ? '4.5.0' : '4.3.0',
      api_versions: { mastodon: options.quotes ? 7 : 2 },
      source_url: 'https://github.com/mastodon/mastodon',
      description: 'A simulated instance for tests',
      usage: { users: { active_month: 1000 } },
      languages: ['en'],
      configuration: {
        urls: { streaming: `wss://${domain}` },
        accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
        statuses: {
          max_characters: instanceLimits.maxCharacters,
          max_media_attachments: instanceLimits.maxMediaAttachments,
          characters_reserved_per_url: instanceLimits.charactersReservedPerUrl,
        },
        media_attachments: {
          description_limit: instanceLimits.descriptionLimit,
          supported_mime_types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4', 'video/webm', 'audio/mpeg'],
          image_size_limit: 16_777_216,
          image_matrix_limit: 33_177_600,
          video_size_limit: 103_809_024,
          video_frame_rate_limit: 120,
          video_matrix_limit: 8_294_400,
        },
        polls: {
          max_options: instanceLimits.polls.maxOptions,
          max_characters_per_option: instanceLimits.polls.maxCharactersPerOption,
          min_expiration: instanceLimits.polls.minExpiration,
          max_expiration: instanceLimits.polls.maxExpiration,
        },
        translation: { enabled: false },
      },
      registrations: { enabled: false, approval_required: false, message: null },
      contact: { email: `admin@${domain}` },
      rules: [],
    },
  }));

  // --- Accounts you do not own (competitors). ---
  const publicAccounts = createPublicAccounts(
    (index) => String(300_000 + index),
    // Mastodon ids are snowflake-like: time in the high bits, so newer posts have larger ids.
    (_account, index, post) => String((BigInt(Date.parse(post.createdAt)) << 16n) | BigInt(index)),
  );
  const publicAccount = (account: PublicAccountRecord) => {
    const remote = account.handle.includes('@');
    return {
      id: account.id,
      username: account.handle.split('@')[0]!,
      acct: account.handle,
      display_name: account.displayName,
      url: remote ? `https://${account.handle.split('@')[1]}/@${account.handle.split('@')[0]}` : `${baseUrl}/@${account.handle}`,
      followers_count: account.followers,
      following_count: account.following,
      statuses_count: account.postsCount,
      bot: false,
      locked: false,
      created_at: '2024-01-01T00:00:00.000Z',
    };
  };
  const publicStatus = (account: PublicAccountRecord, post: PublicAccountRecord['posts'][number]) => {
    const author = publicAccount(account);
    return {
      id: post.id,
      created_at: new Date(post.createdAtMs).toISOString(),
      in_reply_to_id: null,
      in_reply_to_account_id: null,
      sensitive: false,
      spoiler_text: '',
      visibility: 'public',
      language: DEFAULT_LANGUAGE,
      uri: `${author.url}/statuses/${post.id}`,
      url: `${author.url}/${post.id}`,
      replies_count: post.replies ?? 0,
      reblogs_count: post.reposts ?? 0,
      favourites_count: post.likes ?? 0,
      ...(options.quotes ? { quotes_count: post.quotes ?? 0 } : {}),
      edited_at: null,
      content: `<p>${escapeHtml(post.text)}</p>`,
      reblog: null,
      account: author,
      media_attachments: [],
      mentions: [],
      tags: [],
      emojis: [],
      card: null,
      poll: null,
    };
  };
  // --- Actions on mentions (issue 25): favourite, block, mute, report. ---
  const mentionByStatusId = (id: string) => arrived().find((mention) => mentionStatusId(mention) === id);
  const userByAccountId = (id: string) => world.users.find((user) => remoteAccount(user).id === id);
  const notFound = { status: 404, body: { error: 'Record not found' } };
  const actedOn = (user: SimUser, action: string) =>
    world.actions.some((entry) => entry.authorIndex === user.index && entry.action === action);
  // https://docs.joinmastodon.org/entities/Relationship/
  const relationship = (user: SimUser) => ({
    id: remoteAccount(user).id,
    following: false,
    showing_reblogs: false,
    notifying: false,
    languages: null,
    followed_by: false,
    blocking: actedOn(user, 'block'),
    blocked_by: false,
    muting: actedOn(user, 'mute'),
    muting_notifications: world.actions.some(
      (entry) => entry.authorIndex === user.index && entry.action === 'mute' && entry.reason !== 'false',
    ),
    requested: false,
    requested_by: false,
    domain_blocking: false,
    endorsed: false,
    note: '',
  });
  const truthy = (value: unknown) => value === true || value === 'true' || value === '1';

  // https://docs.joinmastodon.org/methods/notifications/#get-one
  const notification = endpoint(undefined, (request) => {
    const mention = arrived().find((candidate) => notificationId(candidate) === request.params.id);
    return mention ? { status: 200, body: renderNotification(mention) } : notFound;
  });

  // https://docs.joinmastodon.org/methods/statuses/#favourite and #unfavourite — both answer the
  // Status; favouriting twice changes nothing.
  const favourite = (on: boolean) =>
    endpoint(undefined, (request) => {
      const mention = mentionByStatusId(request.params.id!);
      if (!mention) return notFound;
      if (world.isOn('like', mention.key) !== on) world.act(on ? 'like' : 'unlike', mention);
      return { status: 200, body: mentionStatus(mention) };
    });

  // https://docs.joinmastodon.org/methods/accounts/#block — answers the Relationship; the
  // blocked account's later mentions no longer arrive.
  const blockAccount = endpoint(undefined, (request) => {
    const user = userByAccountId(request.params.id!);
    if (!user) return notFound;
    if (!actedOn(user, 'block')) world.act('block', user);
    return { status: 200, body: relationship(user) };
  });

  // https://docs.joinmastodon.org/methods/accounts/#mute — `notifications` (boolean, default
  // true) also mutes their notifications; `duration` (integer seconds, 0 = forever).
  const muteAccount = endpoint(undefined, (request) => {
    const user = userByAccountId(request.params.id!);
    if (!user) return notFound;
    const params = (request.body ?? {}) as Record<string, unknown>;
    if (params.duration !== undefined && !/^\d+$/.test(String(params.duration)))
      return refuse(422, 'Validation failed: Duration must be a number of seconds');
    world.act('mute', user, params.notifications === undefined ? 'true' : String(truthy(params.notifications)));
    return { status: 200, body: relationship(user) };
  });

  // https://docs.joinmastodon.org/methods/reports/#post — `account_id` (required), `status_ids[]`
  // (that account's statuses), `comment` (up to 1000 characters), `forward`, `category` (spam,
  // legal, violation — which needs `rule_ids[]` —, other; default other). Answers the Report.
  const REPORT_CATEGORIES = ['spam', 'legal', 'violation', 'other'];
  const report = endpoint(undefined, (request) => {
    const params = (request.body ?? {}) as Record<string, unknown>;
    const user = params.account_id === undefined ? undefined : userByAccountId(String(params.account_id));
    if (!user) return notFound;
    const statusIds = fieldList(params['status_ids[]'] ?? params.status_ids) ?? [];
    const statuses = statusIds.map(mentionByStatusId);
    if (statuses.some((mention) => !mention || mention.author.index !== user.index)) return notFound;
    const comment = params.comment === undefined ? '' : String(params.comment);
    if ([...comment].length > 1000) return refuse(422, 'Validation failed: Comment is too long (maximum is 1000 characters)');
    const category = params.category === undefined ? 'other' : String(params.category);
    if (!REPORT_CATEGORIES.includes(category)) return refuse(422, `Validation failed: Category '${category}' is not a valid category`);
    const ruleIds = fieldList(params['rule_ids[]'] ?? params.rule_ids) ?? [];
    if (category === 'violation' && ruleIds.length === 0)
      return refuse(422, 'Validation failed: Rule ids must be specified for violations');
    const entry =
      statuses.length > 0 ? world.act(`report-${category}`, statuses[0]!, comment) : world.act(`report-${category}`, user, comment);
    return {
      status: 200,
      body: {
        id: String(world.actions.indexOf(entry) + 1),
        action_taken: false,
        action_taken_at: null,
        category,
        comment,
        forwarded: truthy(params.forward),
        created_at: new Date(entry.atMs).toISOString(),
        status_ids: statusIds,
        rule_ids: ruleIds,
        target_account: remoteAccount(user),
      },
    };
  });

  const routes: SimRoute[] = [
    ...mastodonOAuthRoutes({
      now: () => clock.now(),
      tokens: { accept: (t) => void validTokens.add(t), forget: (t) => void validTokens.delete(t) },
    }),
    { method: 'POST', path: '/api/v1/statuses', handle: postStatus },
    { method: 'GET', path: '/api/v1/statuses/:id', handle: getStatus },
    { method: 'DELETE', path: '/api/v1/statuses/:id', handle: deleteStatus },
    { method: 'POST', path: '/api/v2/media', handle: uploadMedia },
    { method: 'GET', path: '/api/v1/media/:id', handle: getMedia },
    { method: 'GET', path: '/api/v1/notifications', handle: notifications },
    { method: 'GET', path: '/api/v2/instance', handle: instance },
    // Actions on mentions (issue 25).
    { method: 'GET', path: '/api/v1/notifications/:id', handle: notification },
    { method: 'POST', path: '/api/v1/statuses/:id/favourite', handle: favourite(true) },
    { method: 'POST', path: '/api/v1/statuses/:id/unfavourite', handle: favourite(false) },
    { method: 'POST', path: '/api/v1/accounts/:id/block', handle: blockAccount },
    { method: 'POST', path: '/api/v1/accounts/:id/mute', handle: muteAccount },
    { method: 'POST', path: '/api/v1/reports', handle: report },
    // https://docs.joinmastodon.org/methods/accounts/#verify_credentials
    {
      method: 'GET',
      path: '/api/v1/accounts/verify_credentials',
      handle: endpoint(undefined, () => ({ status: 200, body: ownAccount() })),
    },
    // Read routes for accounts you do not own (competitors); before `/accounts/:id`, which would take `lookup` as an id.
    // https://docs.joinmastodon.org/methods/accounts/#lookup
    {
      method: 'GET',
      path: '/api/v1/accounts/lookup',
      handle: endpoint(undefined, (request) => {
        const acct = request.query.acct;
        if (typeof acct !== 'string' || acct === '') return { status: 400, body: { error: 'Missing required parameter: acct' } };
        // An account of this instance may be named with its domain too (`globex@mastodon.example`).
        const bare = acct.replace(/^@/, '');
        const local = bare.endsWith(`@${domain}`) ? bare.slice(0, -domain.length - 1) : bare;
        if (local === username) return { status: 200, body: ownAccount() };
        const other = publicAccounts.byHandle(local);
        return other ? { status: 200, body: publicAccount(other) } : { status: 404, body: { error: 'Record not found' } };
      }),
    },
    // https://docs.joinmastodon.org/methods/accounts/#statuses — newest first; `limit` (default 20, max 40), `max_id`,
    // `exclude_replies`, `exclude_reblogs` (seeded posts are neither).
    {
      method: 'GET',
      path: '/api/v1/accounts/:id/statuses',
      handle: endpoint(undefined, (request) => {
        const other = publicAccounts.byId(request.params.id!);
        if (!other) return { status: 404, body: { error: 'Record not found' } };
        const limit = Math.min(40, Number(request.query.limit ?? 20));
        const maxId = typeof request.query.max_id === 'string' ? request.query.max_id : undefined;
        const posts = maxId === undefined ? other.posts : other.posts.filter((post) => BigInt(post.id) < BigInt(maxId));
        return { status: 200, body: posts.slice(0, limit).map((post) => publicStatus(other, post)) };
      }),
    },
    // https://docs.joinmastodon.org/methods/accounts/#get — the account, or another user (404 `Record not found`).
    {
      method: 'GET',
      path: '/api/v1/accounts/:id',
      handle: endpoint(undefined, (request) => {
        const id = request.params.id!;
        if (id === accountId) return { status: 200, body: ownAccount() };
        const other = publicAccounts.byId(id);
        if (other) return { status: 200, body: publicAccount(other) };
        const user = world.users.find((candidate) => remoteAccount(candidate).id === id);
        return user ? { status: 200, body: remoteAccount(user) } : { status: 404, body: { error: 'Record not found' } };
      }),
    },
    // https://docs.joinmastodon.org/methods/scheduled_statuses/ — list, and cancel (404 for none).
    {
      method: 'GET',
      path: '/api/v1/scheduled_statuses',
      handle: endpoint(undefined, () => ({ status: 200, body: [...scheduled.values()].map(renderScheduled) })),
    },
    {
      method: 'DELETE',
      path: '/api/v1/scheduled_statuses/:id',
      handle: endpoint(undefined, (request) =>
        scheduled.delete(request.params.id!) ? { status: 200, body: {} } : { status: 404, body: { error: 'Record not found' } },
      ),
    },
  ];

  const engine = createSimulatorEngine({
    platform: 'mastodon',
    baseUrl,
    clock,
    routes,
    faultResponses: {
      rateLimited: (_request, resetAtMs) =>
        json(
          429,
          { error: 'Too many requests' },
          rateHeaders({ allowed: false, limit: limits.all.limit, remaining: 0, resetAtMs, windowMs: limits.all.windowMs }),
        ),
      serverError: (_request, status) => json(status, { error: 'We are sorry, but something went wrong on our end.' }),
      expiredToken: () => json(401, { error: 'The access token is invalid' }),
      notFound: () => json(404, { error: 'Record not found' }),
    },
  });

  return {
    ...engine,
    addPublicAccount: (seed: PublicAccountSeed) => ({ id: publicAccounts.add(seed).id }),
    account: { id: accountId, handle: username },
    credentials: { accessToken: 'mastodon-token-0' },
    posts: () => {
      publishDue();
      return world.posts.map((post) => ({ ...post }));
    },
    scheduled: () =>
      [...scheduled.values()].map((entry) => ({
        id: entry.id,
        scheduledAt: new Date(entry.scheduledAtMs).toISOString(),
        params: entry.params,
      })),
    reportedPostMetrics(postId) {
      const post = world.posts.find((entry) => entry.id === postId);
      return post ? counts(post) : {};
    },
    reportedAccountMetrics: () => {
      const account = ownAccount();
      return { followers_count: account.followers_count, following_count: account.following_count, statuses_count: account.statuses_count };
    },
    limits: instanceLimits,
    mentionCount: () => arrived().length,
    mentionActions: () =>
      world.actions.map((entry) => {
        const mention = entry.mentionKey === undefined ? undefined : world.mentions().find((m) => m.key === entry.mentionKey);
        return {
          action: entry.action,
          ...(mention ? { statusId: mentionStatusId(mention) } : {}),
          accountId: remoteAccount(world.users[entry.authorIndex]!).id,
          at: new Date(entry.atMs).toISOString(),
          ...(entry.reason === undefined ? {} : { note: entry.reason }),
        };
      }),
    addMention: (input) =>
      void world.addMention({
        text: input.text,
        kind: input.kind ?? 'mention',
        ...(input.postId ? { postId: input.postId } : {}),
        ...(input.language ? { language: input.language } : {}),
      }),
  };
}
