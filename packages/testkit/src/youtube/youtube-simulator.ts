import type { Clock } from '@smm/core/clock';
import { systemClock } from '@smm/core/clock';
import { nextMidnightIn } from '@smm/core/http';
import { createOAuthServer } from '../oauth/index.js';
import {
  createSimulatorEngine,
  createWorld,
  hashString,
  json,
  type IncomingMention,
  type NetworkSimulator,
  type RecordedRequest,
  type SimPost,
  type SimRequest,
  type SimRoute,
} from '../simulator/index.js';
import { analyticsReports, type YouTubeAnalyticsSimMetric } from './youtube-analytics-reports.js';
import { checkBody, checkQuery } from './youtube-discovery.js';
import { YOUTUBE_SIM_QUOTA_COSTS, type YouTubeSimMethod } from './youtube-quota.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const KIB256 = 256 * 1024;
const PACIFIC = 'America/Los_Angeles';

/** Options of {@link createYouTubeSimulator}. */
export interface YouTubeSimulatorOptions {
  clock?: Clock;
  /** Seed for users, comments and statistics (default 1). */
  seed?: number | string;
  /** Served at (default `https://www.googleapis.com`): the API under `/youtube/v3`, uploads under `/upload/youtube/v3`, OAuth at `/token`. */
  baseUrl?: string;
  /** How long a video is processed after its last byte arrives (default 2 s). */
  processingMs?: number;
  /** The project's daily quota in units (default 10,000), reset at midnight Pacific. */
  dailyUnits?: number;
  /** `videos.insert` calls a day (default 100, its own bucket). */
  dailyUploads?: number;
  /**
   * Whether the API project passed Google's audit (default true). An unverified project's
   * uploads are locked private, whatever `status.privacyStatus` asked for.
   */
  projectVerified?: boolean;
  /** How long a resumable session URI stays usable (default a week). */
  sessionTtlMs?: number;
  /** Comment threads already on the channel's videos when the simulator starts (default 25). */
  mentionBacklog?: number;
  /** A new comment arrives every this many ms (default 10 min; 0 for none). */
  mentionEveryMs?: number;
  /**
   * Whether the channel's token carries `https://www.googleapis.com/auth/yt-analytics.readonly`
   * (default true). With `false`, the Analytics API's `/v2/reports` answers 403 `insufficientPermissions`.
   */
  analyticsScope?: boolean;
}

/** A video as the simulator holds it. */
export interface YouTubeSimVideo {
  id: string;
  title: string;
  description: string;
  tags: string[];
  categoryId: string;
  privacyStatus: 'public' | 'unlisted' | 'private';
  publishAt?: string;
  madeForKids: boolean;
  sizeBytes: number;
  /** When its last byte arrived (ms). */
  uploadedAtMs: number;
  outcome: 'processed' | 'failed' | 'rejected';
  thumbnail: boolean;
  deleted: boolean;
}

/** The YouTube simulator: a {@link NetworkSimulator} with YouTube's own state to inspect. */
export interface YouTubeSimulator extends NetworkSimulator {
  /** `{ accessToken, refreshToken, clientId }`: a Google OAuth client for installed apps (PKCE, no secret to keep). */
  readonly credentials: { accessToken: string; refreshToken: string; clientId: string };
  /** A confidential web-server client pre-registered on the simulator's OAuth server. */
  readonly webClient: { clientId: string; clientSecret: string };
  readonly channelId: string;
  /** Every uploaded video (also those still processing, failed or deleted). */
  videos(): YouTubeSimVideo[];
  /** Resumable sessions: bytes received of total. */
  sessions(): Array<{ id: string; received: number; total: number; videoId?: string }>;
  /** Units spent today (Pacific) and uploads made. */
  quotaUsed(): { units: number; uploads: number };
  /** The next `count` videos to finish uploading fail processing (`uploadStatus: failed`, `failureReason: codec`). */
  failProcessing(count?: number): void;
  /**
   * The lifetime figures `/v2/reports` of the Analytics API answers for one video (or the
   * channel, without `videoId`); `undefined` for a video the channel does not have. Views, likes
   * and comments equal the Data API statistics.
   */
  analyticsFigures(videoId?: string): Record<YouTubeAnalyticsSimMetric, number> | undefined;
}

interface Session {
  id: string;
  createdAtMs: number;
  total: number;
  received: number;
  contentType: string;
  metadata: VideoBody;
  parts: string[];
  videoId?: string;
}

interface VideoBody {
  snippet?: { title?: string; description?: string; tags?: string[]; categoryId?: string; defaultLanguage?: string };
  status?: { privacyStatus?: string; publishAt?: string; selfDeclaredMadeForKids?: boolean; embeddable?: boolean; license?: string };
}

interface OwnComment {
  id: string;
  /** The video (top-level comment) or the thread (reply) it answers. */
  parentId: string;
  videoId: string;
  text: string;
  createdAtMs: number;
  deleted: boolean;
}

// Valid `part` names per resource, from each resource's reference page
// (https://developers.google.com/youtube/v3/docs/videos#resource etc.).
const PARTS: Record<string, readonly string[]> = {
  videos: [
    'contentDetails',
    'fileDetails',
    'id',
    'liveStreamingDetails',
    'localizations',
    'player',
    'processingDetails',
    'recordingDetails',
    'snippet',
    'statistics',
    'status',
    'suggestions',
    'topicDetails',
  ],
  commentThreads: ['id', 'replies', 'snippet'],
  comments: ['id', 'snippet'],
  channels: [
    'auditDetails',
    'brandingSettings',
    'contentDetails',
    'contentOwnerDetails',
    'id',
    'localizations',
    'snippet',
    'statistics',
    'status',
    'topicDetails',
  ],
  playlistItems: ['contentDetails', 'id', 'snippet', 'status'],
};

/**
 * Google's error body (https://developers.google.com/youtube/v3/docs/errors): `{ error: { code,
 * message, errors: [{ domain, reason, message }] } }`.
 */
function googleError(code: number, reason: string, message: string, domain = 'youtube.api', extra: Record<string, string> = {}): Response {
  const status =
    code === 400
      ? 'INVALID_ARGUMENT'
      : code === 401
        ? 'UNAUTHENTICATED'
        : code === 403
          ? 'PERMISSION_DENIED'
          : code === 404
            ? 'NOT_FOUND'
            : undefined;
  return json(code, { error: { code, message, errors: [{ message, domain, reason, ...extra }], ...(status ? { status } : {}) } });
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** A deterministic id of `length` characters from YouTube's alphabet. */
function youtubeId(seed: string, length: number): string {
  let out = '';
  for (let round = 0; out.length < length; round += 1) {
    let value = hashString(`${seed}:${round}`);
    for (let i = 0; i < 5 && out.length < length; i += 1) {
      out += ID_ALPHABET[value & 63];
      value >>>= 6;
    }
  }
  return out;
}

/**
 * A simulated YouTube Data API v3, held to Google's discovery document (vendored in
 * `definitions/youtube/`): every request's query parameters and JSON body are checked against
 * the method they call. It serves resumable video uploads
 * (https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol: a session
 * URI, chunks in multiples of 256 KiB, `308 Resume Incomplete` with `Range`, a status query
 * with `Content-Range: bytes *\/total`, expired sessions answered 404), processing that takes a
 * while and may fail, scheduled publishing, thumbnails, delete, comment threads on the channel's
 * videos with replies, video and channel statistics, the uploads playlist, Google's OAuth token
 * endpoint, and the quota: units per method from Google's table, a daily budget reset at
 * midnight Pacific, `403 quotaExceeded` once spent. Beside it, the YouTube Analytics API's
 * `GET /v2/reports` (https://developers.google.com/youtube/analytics/reference/reports/query),
 * with lifetime figures consistent with the statistics and no Data API units spent.
 *
 * @example
 * ```ts
 * const sim = createYouTubeSimulator({ clock });
 * const adapter = createYouTubeAdapter({ baseUrl: sim.baseUrl, tokenUrl: `${sim.baseUrl}/token` });
 * ```
 */
export function createYouTubeSimulator(options: YouTubeSimulatorOptions = {}): YouTubeSimulator {
  const clock = options.clock ?? systemClock;
  const baseUrl = (options.baseUrl ?? 'https://www.googleapis.com').replace(/\/+$/, '');
  const processingMs = options.processingMs ?? 2_000;
  const dailyUnits = options.dailyUnits ?? 10_000;
  const dailyUploads = options.dailyUploads ?? 100;
  const sessionTtlMs = options.sessionTtlMs ?? 7 * DAY;
  const projectVerified = options.projectVerified ?? true;
  const seed = String(options.seed ?? 1);
  const channelId = `UC${youtubeId(`channel:${seed}`, 22)}`;
  const uploadsPlaylistId = `UU${channelId.slice(2)}`;
  const world = createWorld({
    clock,
    seed: options.seed,
    handle: 'smmbrand',
    mentionBacklog: options.mentionBacklog,
    mentionEveryMs: options.mentionEveryMs,
  });
  // An older video of the channel that the seeded comments are on.
  const olderVideoId = youtubeId(`older:${seed}`, 11);
  const sessions = new Map<string, Session>();
  const videos = new Map<string, YouTubeSimVideo>();
  const ownComments: OwnComment[] = [];
  const credentials = {
    accessToken: 'ya29.sim-access-0',
    refreshToken: '1//sim-refresh-0',
    clientId: 'smm-sim-desktop.apps.googleusercontent.com',
  };
  const webClient = { clientId: 'smm-sim-web.apps.googleusercontent.com', clientSecret: 'smm-sim-web-secret' };
  const accessTokens = new Map<string, number>([[credentials.accessToken, Infinity]]);
  let failNext = 0;
  let serial = 0;
  let quota = { day: nextMidnightIn(PACIFIC, clock.now()), units: 0, uploads: 0 };

  // --- quota (https://developers.google.com/youtube/v3/determine_quota_cost) ---
  const spend = (method: YouTubeSimMethod): Response | undefined => {
    const now = clock.now();
    if (now >= quota.day) quota = { day: nextMidnightIn(PACIFIC, now), units: 0, uploads: 0 };
    const cost = YOUTUBE_SIM_QUOTA_COSTS[method];
    if (method === 'videos.insert') {
      if (quota.uploads + cost > dailyUploads) return quotaExceeded();
      quota.uploads += cost;
      return undefined;
    }
    if (quota.units + cost > dailyUnits) return quotaExceeded();
    quota.units += cost;
    return undefined;
  };
  const quotaExceeded = () =>
    googleError(
      403,
      'quotaExceeded',
      'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
      'youtube.quota',
    );

  // --- auth ---
  const authorized = (request: SimRequest): Response | undefined => {
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const until = token === undefined ? undefined : accessTokens.get(token);
    if (until === undefined || until <= clock.now()) {
      return googleError(
        401,
        'authError',
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        'global',
        { location: 'Authorization', locationType: 'header' },
      );
    }
    return undefined;
  };

  /** An API method: auth, quota, discovery checks on the query (and body), then the handler. */
  const method =
    (id: YouTubeSimMethod, handler: (request: SimRequest) => Response, body?: string, ignore: readonly string[] = []) =>
    (request: SimRequest): Response => {
      const refused = authorized(request);
      if (refused) return refused;
      // Every request costs its units, invalid ones included.
      const exceeded = spend(id);
      if (exceeded) return exceeded;
      const problem = checkQuery(id, request.searchParams, ignore);
      if (problem)
        return googleError(
          400,
          problem.reason,
          problem.message,
          'global',
          problem.location ? { location: problem.location, locationType: 'parameter' } : {},
        );
      const resource = id.split('.')[0]!;
      const parts = (request.searchParams.get('part') ?? '').split(',').map((part) => part.trim());
      const unknown = parts.find((part) => !PARTS[resource]?.includes(part));
      if (request.searchParams.has('part') && unknown !== undefined) {
        return googleError(400, 'unknownPart', `'${unknown}'`, 'youtube.part', { location: 'part', locationType: 'parameter' });
      }
      if (body) {
        if (typeof request.body !== 'object' || request.body === null) return googleError(400, 'parseError', 'Parse Error', 'global');
        const invalid = checkBody(body, request.body);
        if (invalid) return googleError(400, 'badRequest', invalid.message, 'global');
      }
      return handler(request);
    };

  // --- videos ---
  const videoPost = (video: YouTubeSimVideo): SimPost => ({
    id: video.id,
    accountId: channelId,
    text: video.description,
    createdAt: new Date(video.uploadedAtMs).toISOString(),
    createdAtMs: video.uploadedAtMs,
    deleted: video.deleted,
    mediaIds: [video.id],
    visibility: effectivePrivacy(video),
    extra: { title: video.title, tags: video.tags },
  });
  const processed = (video: YouTubeSimVideo) => clock.now() >= video.uploadedAtMs + processingMs;
  const effectivePrivacy = (video: YouTubeSimVideo) =>
    video.publishAt !== undefined && Date.parse(video.publishAt) <= clock.now() && projectVerified ? 'public' : video.privacyStatus;
  const uploadStatus = (video: YouTubeSimVideo) => (!processed(video) ? 'uploaded' : video.outcome);
  const counters = (video: YouTubeSimVideo) => world.counters(videoPost(video));
  const statistics = (video: YouTubeSimVideo) => {
    const live = processed(video) && video.outcome === 'processed';
    const count = counters(video);
    // favoriteCount is deprecated and always 0; dislikeCount is private to the owner since 2021.
    return {
      viewCount: String(live ? count.impressions : 0),
      likeCount: String(live ? count.likes : 0),
      favoriteCount: '0',
      commentCount: String(ownComments.filter((comment) => comment.videoId === video.id && !comment.deleted).length),
    };
  };

  // https://developers.google.com/youtube/v3/docs/videos#resource
  const renderVideo = (video: YouTubeSimVideo, parts: readonly string[]) => {
    const out: Record<string, unknown> = { kind: 'youtube#video', etag: youtubeId(`etag:${video.id}:${serial}`, 27), id: video.id };
    if (parts.includes('snippet')) {
      out.snippet = {
        publishedAt: new Date(video.uploadedAtMs).toISOString(),
        channelId,
        title: video.title,
        description: video.description,
        thumbnails: { default: { url: `https://i.ytimg.com/vi/${video.id}/default.jpg`, width: 120, height: 90 } },
        channelTitle: 'smm brand',
        ...(video.tags.length > 0 ? { tags: video.tags } : {}),
        categoryId: video.categoryId,
        liveBroadcastContent: 'none',
        localized: { title: video.title, description: video.description },
      };
    }
    if (parts.includes('status')) {
      const upload = uploadStatus(video);
      out.status = {
        uploadStatus: upload,
        ...(upload === 'failed' ? { failureReason: 'codec' } : {}),
        ...(upload === 'rejected' ? { rejectionReason: 'duplicate' } : {}),
        privacyStatus: effectivePrivacy(video),
        ...(video.publishAt !== undefined && Date.parse(video.publishAt) > clock.now() ? { publishAt: video.publishAt } : {}),
        license: 'youtube',
        embeddable: true,
        publicStatsViewable: true,
        madeForKids: video.madeForKids,
        selfDeclaredMadeForKids: video.madeForKids,
      };
    }
    if (parts.includes('processingDetails')) {
      const done = processed(video);
      const elapsed = Math.min(processingMs, clock.now() - video.uploadedAtMs);
      out.processingDetails = done
        ? {
            processingStatus: video.outcome === 'processed' ? 'succeeded' : 'failed',
            ...(video.outcome !== 'processed' ? { processingFailureReason: 'transcodeFailed' } : {}),
          }
        : {
            processingStatus: 'processing',
            processingProgress: {
              partsTotal: '1000',
              partsProcessed: String(Math.floor((elapsed / processingMs) * 1000)),
              timeLeftMs: String(processingMs - elapsed),
            },
          };
    }
    if (parts.includes('statistics')) out.statistics = statistics(video);
    return out;
  };

  const listVideos = method('videos.list', (request) => {
    const parts = request.searchParams.get('part')!.split(',');
    const ids = (request.searchParams.get('id') ?? '').split(',').filter((id) => id !== '');
    if (ids.length > 50) return googleError(400, 'invalidParameter', 'Too many ids (at most 50).', 'youtube.parameter');
    // A deleted video, or an id the channel never had, is simply absent from items.
    const items = ids
      .map((id) => videos.get(id))
      .filter((video) => video !== undefined && !video.deleted)
      .map((video) => renderVideo(video!, parts));
    return json(200, {
      kind: 'youtube#videoListResponse',
      etag: 'sim',
      items,
      pageInfo: { totalResults: items.length, resultsPerPage: items.length },
    });
  });

  // https://developers.google.com/youtube/v3/docs/videos/delete — 204; 404 videoNotFound.
  const deleteVideo = method('videos.delete', (request) => {
    const video = videos.get(request.searchParams.get('id')!);
    if (!video || video.deleted)
      return googleError(
        404,
        'videoNotFound',
        'The video identified by the <code><a href="/youtube/v3/docs/videos/delete#id">id</a></code> parameter could not be found.',
        'youtube.video',
      );
    video.deleted = true;
    return new Response(null, { status: 204 });
  });

  /** The metadata rules of videos.insert (https://developers.google.com/youtube/v3/docs/videos#properties, /docs/videos/insert#errors). */
  const metadataProblem = (body: VideoBody): Response | undefined => {
    const title = body.snippet?.title;
    if (title === undefined || title.trim() === '')
      return googleError(400, 'invalidTitle', 'The request metadata specifies an invalid or empty video title.', 'youtube.video');
    if (title.length > 100 || /[<>]/.test(title))
      return googleError(400, 'invalidTitle', 'The request metadata specifies an invalid or empty video title.', 'youtube.video');
    const description = body.snippet?.description ?? '';
    if (new TextEncoder().encode(description).length > 5_000 || /[<>]/.test(description)) {
      return googleError(400, 'invalidDescription', 'The request metadata specifies an invalid video description.', 'youtube.video');
    }
    const tags = body.snippet?.tags ?? [];
    // Tags count their characters, plus two quotes for a tag with a space, plus commas between them.
    const tagLength = tags.reduce((sum, tag) => sum + tag.length + (tag.includes(' ') ? 2 : 0), 0) + Math.max(0, tags.length - 1);
    if (tagLength > 500 || tags.some((tag) => /[<>]/.test(tag)))
      return googleError(400, 'invalidTags', 'The request metadata specifies invalid video keywords.', 'youtube.video');
    if (body.snippet?.categoryId !== undefined && !/^\d+$/.test(body.snippet.categoryId)) {
      return googleError(
        400,
        'invalidCategoryId',
        'The <code>snippet.categoryId</code> property specifies an invalid category ID.',
        'youtube.video',
      );
    }
    const privacy = body.status?.privacyStatus;
    if (privacy !== undefined && !['public', 'unlisted', 'private'].includes(privacy)) {
      return googleError(400, 'invalidVideoMetadata', 'The request metadata is invalid.', 'youtube.video');
    }
    if (body.status?.publishAt !== undefined) {
      // publishAt only with a private video, and in the future.
      const at = Date.parse(body.status.publishAt);
      if (privacy !== 'private' || !Number.isFinite(at) || at <= clock.now()) {
        return googleError(
          400,
          'invalidPublishAt',
          'The request metadata specifies an invalid scheduled publishing time.',
          'youtube.video',
        );
      }
    }
    return undefined;
  };

  // Step 1 of https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol:
  // POST …/upload/youtube/v3/videos?uploadType=resumable&part=…, the video resource as JSON,
  // X-Upload-Content-Length and X-Upload-Content-Type; 200 with the session URI in Location.
  const startUpload = method(
    'videos.insert',
    (request) => {
      if (request.searchParams.get('uploadType') !== 'resumable') {
        return googleError(400, 'badRequest', 'This simulator serves resumable uploads only: uploadType=resumable.', 'global');
      }
      const total = Number(request.headers['x-upload-content-length']);
      const type = request.headers['x-upload-content-type'] ?? '';
      if (!Number.isInteger(total) || total <= 0)
        return googleError(400, 'badContent', 'X-Upload-Content-Length must give the video size in bytes.', 'youtube.video');
      if (!/^video\/|^application\/octet-stream$/.test(type)) {
        return googleError(
          400,
          'badContent',
          'The content type of the request data is not supported: use video/* or application/octet-stream.',
          'youtube.video',
        );
      }
      // https://developers.google.com/youtube/v3/docs/videos/insert — files up to 256 GB (discovery maxSize).
      if (total > 137_438_953_472) return googleError(400, 'badContent', 'The video is larger than 256 GB.', 'youtube.video');
      const body = request.body as VideoBody;
      const problem = metadataProblem(body);
      if (problem) return problem;
      serial += 1;
      const id = youtubeId(`session:${seed}:${serial}`, 32);
      sessions.set(id, {
        id,
        createdAtMs: clock.now(),
        total,
        received: 0,
        contentType: type,
        metadata: body,
        parts: request.searchParams.get('part')!.split(','),
      });
      return new Response(null, {
        status: 200,
        headers: { location: `${request.origin}/upload/youtube/v3/videos?uploadType=resumable&upload_id=${id}`, 'content-length': '0' },
      });
    },
    'Video',
  );

  const finishUpload = (session: Session): YouTubeSimVideo => {
    serial += 1;
    const id = youtubeId(`video:${seed}:${serial}`, 11);
    const privacy = (session.metadata.status?.privacyStatus ?? 'public') as YouTubeSimVideo['privacyStatus'];
    const video: YouTubeSimVideo = {
      id,
      title: session.metadata.snippet?.title ?? '',
      description: session.metadata.snippet?.description ?? '',
      tags: session.metadata.snippet?.tags ?? [],
      categoryId: session.metadata.snippet?.categoryId ?? '22',
      // https://developers.google.com/youtube/v3/docs/videos/insert: videos uploaded by unverified
      // API projects created after 28 July 2020 are restricted to private viewing.
      privacyStatus: projectVerified ? privacy : 'private',
      ...(session.metadata.status?.publishAt !== undefined
        ? { publishAt: new Date(Date.parse(session.metadata.status.publishAt)).toISOString() }
        : {}),
      madeForKids: session.metadata.status?.selfDeclaredMadeForKids ?? false,
      sizeBytes: session.total,
      uploadedAtMs: clock.now(),
      outcome: failNext > 0 ? 'failed' : 'processed',
      thumbnail: false,
      deleted: false,
    };
    if (failNext > 0) failNext -= 1;
    videos.set(id, video);
    session.videoId = id;
    return video;
  };

  const rangeHeader = (session: Session): Record<string, string> =>
    session.received > 0 ? { range: `bytes=0-${session.received - 1}` } : {};

  // Steps 3–4 of the resumable protocol: PUT the bytes (whole or in chunks, each but the last a
  // multiple of 256 KiB, with Content-Range), 308 Resume Incomplete with Range while not all
  // arrived; a status query (`Content-Range: bytes */total`, empty body) says how much the server
  // holds; 201 with the video resource once complete. A session is usable for about a week;
  // after that (or for an unknown one) 404.
  const putUpload = (request: SimRequest): Response => {
    const id = request.searchParams.get('upload_id') ?? '';
    const session = sessions.get(id);
    if (!session || clock.now() - session.createdAtMs > sessionTtlMs) {
      return googleError(404, 'notFound', 'The upload session has expired or does not exist: start a new one.', 'global');
    }
    const done = session.videoId !== undefined ? videos.get(session.videoId) : undefined;
    if (done) return json(201, renderVideo(done, session.parts));
    const range = request.headers['content-range'] ?? '';
    const query = /^bytes \*\/(\d+|\*)$/.exec(range);
    if (query) return new Response(null, { status: 308, headers: { ...rangeHeader(session), 'content-length': '0' } });
    const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range);
    const size = request.bodySize;
    if (!match && range === '' && size === session.total && session.received === 0) {
      // The whole file in one request.
      session.received = size;
    } else {
      if (!match) return googleError(400, 'badRequest', 'Content-Range must be "bytes first-last/total" or "bytes */total".', 'global');
      const [first, last, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
      if (total !== session.total)
        return googleError(
          400,
          'badRequest',
          `Content-Range total ${total} differs from X-Upload-Content-Length ${session.total}.`,
          'global',
        );
      if (last - first + 1 !== size) return googleError(400, 'badRequest', 'Content-Range does not match the bytes sent.', 'global');
      if (last + 1 < session.total && size % KIB256 !== 0) {
        return googleError(400, 'badRequest', 'Every chunk but the last must be a multiple of 256 KiB (262144 bytes).', 'global');
      }
      // Bytes the server does not expect (a gap, or a chunk it already holds): it answers with what it holds.
      if (first !== session.received)
        return new Response(null, { status: 308, headers: { ...rangeHeader(session), 'content-length': '0' } });
      session.received = last + 1;
    }
    if (session.received < session.total)
      return new Response(null, { status: 308, headers: { ...rangeHeader(session), 'content-length': '0' } });
    return json(201, renderVideo(finishUpload(session), session.parts));
  };

  // https://developers.google.com/youtube/v3/docs/thumbnails/set — POST …/upload/youtube/v3/thumbnails/set?videoId=, image/jpeg or image/png up to 2 MB.
  const setThumbnail = method(
    'thumbnails.set',
    (request) => {
      const video = videos.get(request.searchParams.get('videoId')!);
      if (!video || video.deleted)
        return googleError(
          404,
          'videoNotFound',
          'The video that you are trying to insert a thumbnail image for cannot be found.',
          'youtube.thumbnail',
        );
      const type = request.headers['content-type'] ?? '';
      if (!/^(image\/jpeg|image\/png|application\/octet-stream)$/.test(type))
        return googleError(400, 'invalidImage', 'The provided image content is invalid.', 'youtube.thumbnail');
      if (request.bodySize > 2 * 1024 * 1024)
        return googleError(400, 'mediaBodyTooLarge', 'The thumbnail image is larger than 2 MB.', 'global');
      video.thumbnail = true;
      return json(200, {
        kind: 'youtube#thumbnailSetResponse',
        items: [{ default: { url: `https://i.ytimg.com/vi/${video.id}/default.jpg`, width: 120, height: 90 } }],
      });
    },
    undefined,
    ['uploadType'],
  );

  // --- comments (https://developers.google.com/youtube/v3/docs/commentThreads, /docs/comments) ---
  const threadIdOf = (mention: IncomingMention) => `Ugz${youtubeId(`thread:${seed}:${mention.key}`, 23)}`;
  const authorOf = (index: number) => {
    const user = world.users[index]!;
    return {
      authorDisplayName: user.displayName,
      authorProfileImageUrl: `https://yt3.ggpht.com/${user.handle}`,
      authorChannelUrl: `https://www.youtube.com/@${user.handle}`,
      authorChannelId: { value: `UC${youtubeId(`user:${user.index}`, 22)}` },
    };
  };
  const commentResource = (id: string, snippet: Record<string, unknown>) => ({ kind: 'youtube#comment', etag: 'sim', id, snippet });
  const mentionThread = (mention: IncomingMention) => {
    const id = threadIdOf(mention);
    const videoId = mention.postId ?? olderVideoId;
    const at = new Date(mention.createdAtMs).toISOString();
    const replies = ownComments.filter((comment) => comment.parentId === id && !comment.deleted);
    return {
      kind: 'youtube#commentThread',
      etag: 'sim',
      id,
      snippet: {
        channelId,
        videoId,
        topLevelComment: commentResource(id, {
          channelId,
          videoId,
          textDisplay: mention.text,
          textOriginal: mention.text,
          ...authorOf(mention.author.index),
          canRate: true,
          viewerRating: 'none',
          likeCount: 0,
          publishedAt: at,
          updatedAt: at,
        }),
        canReply: true,
        totalReplyCount: replies.length,
        isPublic: true,
      },
    };
  };
  const ownSnippet = (comment: OwnComment) => ({
    channelId,
    videoId: comment.videoId,
    textDisplay: comment.text,
    textOriginal: comment.text,
    ...(comment.parentId !== comment.videoId ? { parentId: comment.parentId } : {}),
    authorDisplayName: 'smm brand',
    authorChannelUrl: `https://www.youtube.com/channel/${channelId}`,
    authorChannelId: { value: channelId },
    canRate: false,
    viewerRating: 'none',
    likeCount: 0,
    publishedAt: new Date(comment.createdAtMs).toISOString(),
    updatedAt: new Date(comment.createdAtMs).toISOString(),
  });

  // Newest first, pageToken/nextPageToken, maxResults 1–100 (default 20).
  const listThreads = method('commentThreads.list', (request) => {
    const related = request.searchParams.get('allThreadsRelatedToChannelId');
    const filters = ['allThreadsRelatedToChannelId', 'channelId', 'id', 'videoId'].filter((name) => request.searchParams.has(name));
    if (filters.length !== 1)
      return googleError(
        400,
        'incompatibleParameters',
        'Give exactly one of allThreadsRelatedToChannelId, channelId, id and videoId.',
        'youtube.parameter',
      );
    if (related !== null && related !== channelId)
      return googleError(
        404,
        'channelNotFound',
        'The channel identified by the allThreadsRelatedToChannelId parameter could not be found.',
        'youtube.commentThread',
      );
    const videoId = request.searchParams.get('videoId');
    const all = world
      .mentions()
      .filter((mention) => videoId === null || (mention.postId ?? olderVideoId) === videoId)
      .reverse();
    const size = Number(request.searchParams.get('maxResults') ?? 20);
    const offset = Number(/^p(\d+)$/.exec(request.searchParams.get('pageToken') ?? 'p0')?.[1] ?? NaN);
    if (!Number.isInteger(offset))
      return googleError(400, 'invalidPageToken', 'The request specifies an invalid page token.', 'youtube.parameter');
    const page = all.slice(offset, offset + size).map(mentionThread);
    return json(200, {
      kind: 'youtube#commentThreadListResponse',
      etag: 'sim',
      ...(offset + size < all.length ? { nextPageToken: `p${offset + size}` } : {}),
      pageInfo: { totalResults: all.length, resultsPerPage: size },
      items: page,
    });
  });

  const addOwnComment = (parentId: string, videoId: string, text: string) => {
    serial += 1;
    const id =
      parentId === videoId ? `Ugx${youtubeId(`own:${seed}:${serial}`, 23)}` : `${parentId}.${youtubeId(`reply:${seed}:${serial}`, 22)}`;
    const comment: OwnComment = { id, parentId, videoId, text, createdAtMs: clock.now(), deleted: false };
    ownComments.push(comment);
    return comment;
  };
  const commentTextProblem = (text: unknown) =>
    typeof text !== 'string' || text.trim() === '' || text.length > 10_000
      ? googleError(
          400,
          'commentTextRequired',
          'The comment resource that is being inserted must specify a value for the snippet.topLevelComment.snippet.textOriginal property.',
          'youtube.commentThread',
        )
      : undefined;

  // https://developers.google.com/youtube/v3/docs/commentThreads/insert — a top-level comment on a video.
  const insertThread = method(
    'commentThreads.insert',
    (request) => {
      const body = request.body as {
        snippet?: { videoId?: string; channelId?: string; topLevelComment?: { snippet?: { textOriginal?: string } } };
      };
      const videoId = body.snippet?.videoId;
      const video = videoId === undefined ? undefined : videos.get(videoId);
      if (!video || video.deleted)
        return googleError(
          404,
          'videoNotFound',
          'The video identified by the videoId parameter could not be found.',
          'youtube.commentThread',
        );
      const text = body.snippet?.topLevelComment?.snippet?.textOriginal;
      const problem = commentTextProblem(text);
      if (problem) return problem;
      const comment = addOwnComment(video.id, video.id, text!);
      return json(200, {
        kind: 'youtube#commentThread',
        etag: 'sim',
        id: comment.id,
        snippet: {
          channelId,
          videoId: video.id,
          topLevelComment: commentResource(comment.id, ownSnippet(comment)),
          canReply: true,
          totalReplyCount: 0,
          isPublic: true,
        },
      });
    },
    'CommentThread',
  );

  const knownThread = (id: string) =>
    world.mentions().find((mention) => threadIdOf(mention) === id) ??
    ownComments.find((comment) => comment.id === id && comment.parentId === comment.videoId && !comment.deleted);

  // https://developers.google.com/youtube/v3/docs/comments/insert — a reply: snippet.parentId names the thread's top-level comment.
  const insertComment = method(
    'comments.insert',
    (request) => {
      const body = request.body as { snippet?: { parentId?: string; textOriginal?: string } };
      const parentId = body.snippet?.parentId;
      if (parentId === undefined)
        return googleError(
          400,
          'parentIdMissing',
          'No parent ID was specified for the comment: comments.insert only adds replies.',
          'youtube.comment',
        );
      const parent = knownThread(parentId);
      if (!parent) return googleError(404, 'parentCommentNotFound', 'The specified parent comment could not be found.', 'youtube.comment');
      const problem = commentTextProblem(body.snippet?.textOriginal);
      if (problem) return problem;
      const videoId = 'videoId' in parent ? parent.videoId : (parent.postId ?? olderVideoId);
      const comment = addOwnComment(parentId, videoId, body.snippet!.textOriginal!);
      return json(200, commentResource(comment.id, ownSnippet(comment)));
    },
    'Comment',
  );

  // https://developers.google.com/youtube/v3/docs/comments/list — by id (comma-separated) or parentId.
  const listComments = method('comments.list', (request) => {
    const ids = (request.searchParams.get('id') ?? '').split(',').filter((id) => id !== '');
    const parentId = request.searchParams.get('parentId');
    if (ids.length > 0 === (parentId !== null))
      return googleError(400, 'incompatibleParameters', 'Give exactly one of id and parentId.', 'youtube.parameter');
    const own = ownComments.filter(
      (comment) => !comment.deleted && (parentId !== null ? comment.parentId === parentId : ids.includes(comment.id)),
    );
    const seeded = parentId !== null ? [] : world.mentions().filter((mention) => ids.includes(threadIdOf(mention)));
    const items = [
      ...seeded.map((mention) => mentionThread(mention).snippet.topLevelComment),
      ...own.map((comment) => commentResource(comment.id, ownSnippet(comment))),
    ];
    return json(200, {
      kind: 'youtube#commentListResponse',
      etag: 'sim',
      pageInfo: { totalResults: items.length, resultsPerPage: items.length },
      items,
    });
  });

  // --- channel (https://developers.google.com/youtube/v3/docs/channels/list) ---
  const channelStatistics = () => {
    const live = [...videos.values()].filter((video) => !video.deleted && processed(video) && video.outcome === 'processed');
    return {
      viewCount: String(live.reduce((sum, video) => sum + Number(statistics(video).viewCount), 0)),
      subscriberCount: String(world.followers()),
      hiddenSubscriberCount: false,
      videoCount: String(live.length),
    };
  };
  const listChannels = method('channels.list', (request) => {
    const mine = request.searchParams.get('mine') === 'true';
    const id = request.searchParams.get('id');
    if (!mine && id === null)
      return googleError(
        400,
        'missingRequiredParameter',
        'No filter selected. Expected one of: mine, id, forUsername, managedByMe, mySubscribers, categoryId.',
        'youtube.parameter',
      );
    if (!mine && !id!.split(',').includes(channelId))
      return json(200, { kind: 'youtube#channelListResponse', etag: 'sim', pageInfo: { totalResults: 0, resultsPerPage: 5 }, items: [] });
    const parts = request.searchParams.get('part')!.split(',');
    const channel: Record<string, unknown> = { kind: 'youtube#channel', etag: 'sim', id: channelId };
    if (parts.includes('snippet')) {
      channel.snippet = {
        title: 'smm brand',
        description: 'The brand channel of the smm simulator',
        customUrl: '@smmbrand',
        publishedAt: '2020-01-01T00:00:00Z',
        thumbnails: { default: { url: 'https://yt3.ggpht.com/smmbrand', width: 88, height: 88 } },
      };
    }
    if (parts.includes('contentDetails')) channel.contentDetails = { relatedPlaylists: { likes: '', uploads: uploadsPlaylistId } };
    if (parts.includes('statistics')) channel.statistics = channelStatistics();
    if (parts.includes('status'))
      channel.status = {
        privacyStatus: 'public',
        isLinked: true,
        longUploadsStatus: projectVerified ? 'allowed' : 'eligible',
        madeForKids: false,
      };
    return json(200, {
      kind: 'youtube#channelListResponse',
      etag: 'sim',
      pageInfo: { totalResults: 1, resultsPerPage: 5 },
      items: [channel],
    });
  });

  // https://developers.google.com/youtube/v3/docs/playlistItems/list — the uploads playlist, newest first (every upload, processing or not).
  const listPlaylistItems = method('playlistItems.list', (request) => {
    const playlistId = request.searchParams.get('playlistId');
    if (playlistId !== uploadsPlaylistId)
      return googleError(
        404,
        'playlistNotFound',
        "The playlist identified with the request's <code>playlistId</code> parameter cannot be found.",
        'youtube.playlistItem',
      );
    const all = [...videos.values()].filter((video) => !video.deleted).reverse();
    const size = Number(request.searchParams.get('maxResults') ?? 5);
    const offset = Number(/^p(\d+)$/.exec(request.searchParams.get('pageToken') ?? 'p0')?.[1] ?? NaN);
    if (!Number.isInteger(offset))
      return googleError(400, 'invalidPageToken', 'The request specifies an invalid page token.', 'youtube.parameter');
    const items = all.slice(offset, offset + size).map((video, index) => ({
      kind: 'youtube#playlistItem',
      etag: 'sim',
      id: youtubeId(`item:${video.id}`, 32),
      snippet: {
        publishedAt: new Date(video.uploadedAtMs).toISOString(),
        channelId,
        title: video.title,
        description: video.description,
        channelTitle: 'smm brand',
        playlistId,
        position: offset + index,
        resourceId: { kind: 'youtube#video', videoId: video.id },
      },
      contentDetails: { videoId: video.id, videoPublishedAt: new Date(video.uploadedAtMs).toISOString() },
    }));
    return json(200, {
      kind: 'youtube#playlistItemListResponse',
      etag: 'sim',
      ...(offset + size < all.length ? { nextPageToken: `p${offset + size}` } : {}),
      pageInfo: { totalResults: all.length, resultsPerPage: size },
      items,
    });
  });

  // --- OAuth (https://developers.google.com/identity/protocols/oauth2/web-server): authorize at
  // accounts.google.com/o/oauth2/v2/auth, token and revoke at oauth2.googleapis.com/{token,revoke};
  // refresh tokens with access_type=offline, not rotated; access tokens live an hour. ---
  let tokenSerial = 0;
  const refreshOwn = (request: SimRequest): Response => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.grant_type !== 'refresh_token' || body.refresh_token !== credentials.refreshToken) {
      return json(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
    }
    if (body.client_id !== credentials.clientId) {
      return json(401, { error: 'invalid_client', error_description: 'Unauthorized' });
    }
    tokenSerial += 1;
    const access = `ya29.sim-access-${tokenSerial}`;
    accessTokens.set(access, clock.now() + 60 * MINUTE);
    return json(200, {
      access_token: access,
      expires_in: 3599,
      scope:
        'https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.force-ssl https://www.googleapis.com/auth/youtube.readonly',
      token_type: 'Bearer',
    });
  };
  const oauth = createOAuthServer({
    paths: { authorize: '/o/oauth2/v2/auth', token: '/token', revoke: '/revoke' },
    scopes: [
      'https://www.googleapis.com/auth/youtube.upload',
      'https://www.googleapis.com/auth/youtube.force-ssl',
      'https://www.googleapis.com/auth/youtube.readonly',
      'https://www.googleapis.com/auth/youtube',
      'https://www.googleapis.com/auth/yt-analytics.readonly',
    ],
    clients: [
      { clientId: credentials.clientId, redirectUris: 'loopback' },
      { ...webClient, redirectUris: 'loopback' },
    ],
    requirePkce: false,
    // Google issues a refresh token to every authorization with access_type=offline; the simulator's clients always ask for it.
    refreshTokens: true,
    accessTokenTtlMs: 60 * MINUTE,
    tokenType: 'Bearer',
    tokenPrefix: 'ya29.sim-oauth',
    now: () => clock.now(),
    tokens: {
      accept: (token, until) => void accessTokens.set(token, until ?? Infinity),
      forget: (token) => void accessTokens.delete(token),
    },
    fallback: refreshOwn,
  });

  // --- YouTube Analytics API v2 (https://developers.google.com/youtube/analytics/reference/reports/query) ---
  // Lifetime totals consistent with the Data API statistics: the same views, likes and comments,
  // a per-video average view duration (seconds) from the seed, and watch time and shares from those.
  const videoAnalytics = (video: YouTubeSimVideo): Record<YouTubeAnalyticsSimMetric, number> => {
    const stats = statistics(video);
    const views = Number(stats.viewCount);
    const likes = Number(stats.likeCount);
    const averageViewDuration = 20 + (hashString(`avd:${seed}:${video.id}`) % 100);
    const subscribersGained = Math.floor(views / 50);
    return {
      views,
      estimatedMinutesWatched: Math.round((views * averageViewDuration) / 60),
      averageViewDuration,
      likes,
      comments: Number(stats.commentCount),
      shares: Math.floor(likes / 4),
      subscribersGained,
      subscribersLost: Math.floor(subscribersGained / 5),
    };
  };
  const analyticsFigures = (videoId?: string): Record<YouTubeAnalyticsSimMetric, number> | undefined => {
    const live = [...videos.values()].filter((video) => !video.deleted);
    if (videoId !== undefined) {
      const video = live.find((candidate) => candidate.id === videoId);
      return video ? videoAnalytics(video) : undefined;
    }
    const all = live.map(videoAnalytics);
    const sum = (metric: YouTubeAnalyticsSimMetric) => all.reduce((total, figures) => total + figures[metric], 0);
    const views = sum('views');
    const minutes = sum('estimatedMinutesWatched');
    return {
      views,
      estimatedMinutesWatched: minutes,
      averageViewDuration: views === 0 ? 0 : Math.round((minutes * 60) / views),
      likes: sum('likes'),
      comments: sum('comments'),
      shares: sum('shares'),
      subscribersGained: sum('subscribersGained'),
      subscribersLost: sum('subscribersLost'),
    };
  };
  const reports = analyticsReports({ authorized, scopeGranted: options.analyticsScope ?? true, figures: analyticsFigures });

  const routes: SimRoute[] = [
    ...oauth.routes,
    // The resumable protocol's documented URL is /upload/youtube/v3/videos (the discovery document's
    // `mediaUpload.protocols.resumable.path` names /resumable/upload/… too; both are served).
    { method: 'POST', path: '/upload/youtube/v3/videos', handle: startUpload },
    { method: 'POST', path: '/resumable/upload/youtube/v3/videos', handle: startUpload },
    { method: 'PUT', path: '/upload/youtube/v3/videos', handle: putUpload },
    { method: 'POST', path: '/upload/youtube/v3/thumbnails/set', handle: setThumbnail },
    { method: 'GET', path: '/youtube/v3/videos', handle: listVideos },
    { method: 'DELETE', path: '/youtube/v3/videos', handle: deleteVideo },
    { method: 'GET', path: '/youtube/v3/commentThreads', handle: listThreads },
    { method: 'POST', path: '/youtube/v3/commentThreads', handle: insertThread },
    { method: 'GET', path: '/youtube/v3/comments', handle: listComments },
    { method: 'POST', path: '/youtube/v3/comments', handle: insertComment },
    { method: 'GET', path: '/youtube/v3/channels', handle: listChannels },
    { method: 'GET', path: '/youtube/v3/playlistItems', handle: listPlaylistItems },
    // The Analytics API lives on youtubeanalytics.googleapis.com; the simulator serves it beside the Data API.
    { method: 'GET', path: '/v2/reports', handle: reports },
  ];

  const engine = createSimulatorEngine({
    platform: 'youtube',
    baseUrl,
    clock,
    routes,
    faultResponses: {
      // Google answers a burst with 429 rateLimitExceeded (or 403 userRateLimitExceeded); the
      // simulator adds Retry-After so the fault's reset is known.
      rateLimited: (_request, resetAtMs) =>
        new Response(
          JSON.stringify({
            error: {
              code: 429,
              message: 'Too Many Requests',
              errors: [{ message: 'Too Many Requests', domain: 'global', reason: 'rateLimitExceeded' }],
              status: 'RESOURCE_EXHAUSTED',
            },
          }),
          {
            status: 429,
            headers: {
              'content-type': 'application/json; charset=UTF-8',
              'retry-after': String(Math.max(1, Math.ceil((resetAtMs - clock.now()) / 1000))),
            },
          },
        ),
      serverError: (_request, status) => googleError(status, 'backendError', 'Backend Error', 'global'),
      expiredToken: () =>
        googleError(
          401,
          'authError',
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
          'global',
          {
            location: 'Authorization',
            locationType: 'header',
          },
        ),
      notFound: () =>
        json(404, { error: { code: 404, message: 'Not Found', errors: [{ message: 'Not Found', domain: 'global', reason: 'notFound' }] } }),
    },
    onExpiredToken: (request) => {
      const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (token) accessTokens.delete(token);
    },
    // Upload chunks are summarised, not kept: a long upload must not grow the simulator's memory.
    recordBody: (request: RecordedRequest) =>
      request.method === 'PUT' && request.path.startsWith('/upload/') ? { bytes: request.bodySize } : request.body,
  });

  const liveVideo = (video: YouTubeSimVideo) => processed(video) && video.outcome === 'processed';
  return {
    ...engine,
    account: { id: channelId, handle: 'smmbrand' },
    credentials,
    webClient,
    channelId,
    posts: () => [
      ...[...videos.values()].filter(liveVideo).map(videoPost),
      ...ownComments.map((comment) => ({
        id: comment.id,
        accountId: channelId,
        text: comment.text,
        createdAt: new Date(comment.createdAtMs).toISOString(),
        createdAtMs: comment.createdAtMs,
        deleted: comment.deleted,
        replyToId: comment.parentId,
        mediaIds: [],
        extra: { videoId: comment.videoId },
      })),
    ],
    videos: () => [...videos.values()].map((video) => ({ ...video })),
    sessions: () =>
      [...sessions.values()].map(({ id, received, total, videoId }) => ({ id, received, total, ...(videoId ? { videoId } : {}) })),
    quotaUsed: () => ({ units: quota.units, uploads: quota.uploads }),
    failProcessing: (count = 1) => void (failNext += count),
    analyticsFigures,
    reportedPostMetrics(postId): Record<string, number> {
      const video = videos.get(postId);
      if (!video || video.deleted) return {};
      const { viewCount, likeCount, commentCount, favoriteCount } = statistics(video);
      return {
        viewCount: Number(viewCount),
        likeCount: Number(likeCount),
        commentCount: Number(commentCount),
        favoriteCount: Number(favoriteCount),
      };
    },
    reportedAccountMetrics() {
      const stats = channelStatistics();
      return { viewCount: Number(stats.viewCount), subscriberCount: Number(stats.subscriberCount), videoCount: Number(stats.videoCount) };
    },
    mentionCount: () => world.mentions().length,
    addMention: (input) =>
      void world.addMention({
        text: input.text,
        kind: input.kind ?? 'reply',
        ...(input.postId ? { postId: input.postId } : {}),
        ...(input.language ? { language: input.language } : {}),
      }),
  };
}
