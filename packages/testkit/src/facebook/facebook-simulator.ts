import type { Clock } from '@smm/core/clock';
import { systemClock } from '@smm/core/clock';
import {
  checkGraphRequest,
  createGraphTokenEndpoints,
  createGraphUsageMeter,
  graphError,
  graphFaultResponses,
  graphInsights,
  graphPage,
  graphParam,
  graphParams,
  graphTime,
  unsupportedRequest,
  type GraphParams,
  type MetaNode,
} from '../meta-graph/index.js';
import {
  createSimulatorEngine,
  createWorld,
  json,
  type NetworkSimulator,
  type SimPost,
  type SimRequest,
  type SimRoute,
  type SimUser,
} from '../simulator/index.js';
import { graphBool, requestedFields, specParams } from './graph-fields.js';
import { DEPRECATED_INSIGHTS_METRICS, PAGE_INSIGHTS_METRICS, POST_INSIGHTS_METRICS } from './insights-catalogue.js';
import { createVideoUploads } from './video-uploads.js';

/** Options of {@link createFacebookSimulator}. */
export interface FacebookSimulatorOptions {
  /** Default the system clock; pass `createFakeClock()` for deterministic tests. */
  clock?: Clock;
  seed?: number | string;
  /** Default `https://graph.facebook.com`. */
  baseUrl?: string;
  /** Where video uploads go (default `https://graph-video.facebook.com`); `fetch` and `listen` serve it too. */
  videoBaseUrl?: string;
  /** The Page the credentials act as (default id `104776002231`, name `smm Brand`, username `smmbrand`). */
  page?: { id?: string; name?: string; username?: string };
  /** Other Pages the user manages, listed by `/me/accounts` (default 1). */
  otherPages?: number;
  /** Page posts already there at the start, each with comments from other people (default 3 posts, 4 comments and 1 reply each). */
  seedPosts?: number;
  commentsPerPost?: number;
  /** Video processing after `finish`: `durationMs` (default 4 000) processing, then ready (or error with `fail: true`). */
  videoProcessing?: { durationMs?: number; fail?: boolean };
  /** Chunk size Graph names in upload windows (default 8 MiB). */
  videoChunkBytes?: number;
  /**
   * The Pages business-use-case budget: calls per Page per hour before Graph throttles with
   * code 80001 (default 4 800). `X-Business-Use-Case-Usage` reports the share used.
   */
  bucCallsPerHour?: number;
}

/** A comment as the simulator holds it. */
export interface FacebookSimComment {
  id: string;
  /** The post or comment it answers. */
  objectId: string;
  postId: string;
  /** The commenter: another user, or the Page itself. */
  from: { id: string; name: string };
  message: string;
  createdAtMs: number;
  hidden: boolean;
  likedByPage: boolean;
  deleted: boolean;
}

/** The Facebook Pages simulator: `createFacebookSimulator()`'s result. */
export interface FacebookSimulator extends NetworkSimulator {
  /** `{ accessToken }` (the Page token), and the app (`clientId`, `clientSecret`) and user token behind it. */
  readonly credentials: { accessToken: string; clientId: string; clientSecret: string; userAccessToken: string };
  /** Where video uploads are answered (the engine answers them under this origin too). */
  readonly videoBaseUrl: string;
  /** Every comment (including the Page's own replies and deleted ones). */
  comments(): FacebookSimComment[];
  /** Unpublished photos uploaded for a multi-photo post (`published=false`). */
  photos(): Array<{ id: string; published: boolean; attachedTo?: string; temporary: boolean }>;
  /** Video uploads and their processing status. */
  videos(): Array<{ videoId: string; status: 'uploading' | 'processing' | 'ready' | 'error'; postId?: string; bytes: number }>;
  /** Scheduled posts not yet published. */
  scheduled(): Array<{ id: string; scheduledAtMs: number; text: string }>;
  /** Makes every current token expired: the next call answers code 190, subcode 463. */
  expireTokens(): void;
  /** Makes video processing end in an error (`true`) or succeed (`false`) from now on. */
  failVideoProcessing(fail?: boolean): void;
  /** Uses up the Page's business-use-case budget: the next calls answer code 80001 until `regainAfterMs` passes. */
  throttle(regainAfterMs: number): void;
}

// The photo itself, sent as the multipart file `source` (https://developers.facebook.com/docs/graph-api/reference/page/photos/#Creating,
// "Upload a photo … source"): the codegen spec lists the edge's fields but not the upload.
const PHOTO_UPLOAD_PARAMS = ['source'];
const DEFAULT_BASE = 'https://graph.facebook.com';
const DEFAULT_VIDEO_BASE = 'https://graph-video.facebook.com';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Simulates the part of Meta's Graph API the Facebook Pages adapter uses, with every request's
 * parameters checked against Meta's codegen node specs (`definitions/meta/Page.json`,
 * `PagePost.json`, `Photo.json`, `AdVideo.json`, `Comment.json`, through the shared Graph
 * simulator's `checkGraphRequest`) and answered in Graph's error shape when off-spec. Served
 * under `/{version}/`: Page feed posts (text, link, attached unpublished photos, native
 * scheduling), photos (by URL or multipart `source`), the chunked video upload with processing,
 * posts and comments (get, delete, like, hide), Page and post insights (only metrics Meta still
 * serves; deprecated ones answer the invalid-metric error), `/me/accounts` with Page tokens, and
 * the business-use-case throttle (code 80001 with `X-Business-Use-Case-Usage`).
 *
 * @example
 * ```ts
 * const sim = createFacebookSimulator({ clock: createFakeClock(), seed: 7 });
 * const adapter = createFacebookAdapter({ baseUrl: sim.baseUrl, videoBaseUrl: sim.videoBaseUrl });
 * ```
 */
export function createFacebookSimulator(options: FacebookSimulatorOptions = {}): FacebookSimulator {
  const clock = options.clock ?? systemClock;
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE).replace(/\/+$/, '');
  let videoBaseUrl = (options.videoBaseUrl ?? DEFAULT_VIDEO_BASE).replace(/\/+$/, '');
  const page = {
    id: options.page?.id ?? '104776002231',
    name: options.page?.name ?? 'smm Brand',
    username: options.page?.username ?? 'smmbrand',
  };
  const world = createWorld({ clock, seed: options.seed, handle: page.username, mentionBacklog: 0, mentionEveryMs: 0 });
  const processingMs = options.videoProcessing?.durationMs ?? 4_000;
  let videoFails = options.videoProcessing?.fail ?? false;
  const uploads = createVideoUploads(options.videoChunkBytes);
  const bucPerHour = options.bucCallsPerHour ?? 4_800;

  const userId = '10229876543210';
  const auth = createGraphTokenEndpoints({
    kind: 'facebook',
    clock,
    subject: userId,
    app: { id: '990602627938098', secret: 'facebook-sim-app-secret' },
    scopes: ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts', 'pages_manage_engagement', 'read_insights'],
  });
  const tokens = auth.tokens;
  const pages = [
    page,
    ...Array.from({ length: options.otherPages ?? 1 }, (_, index) => ({
      id: String(200000000000 + index),
      name: `Other Page ${index + 1}`,
      username: `otherpage${index + 1}`,
    })),
  ];
  // Page tokens derived from a long-lived user token do not expire
  // (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived#long-lived-page-token).
  const pageTokens = new Map(pages.map((entry) => [entry.id, tokens.issue(entry.id, 'never').token]));
  const userToken = tokens.issue(userId, 'long').token;
  const credentials = {
    accessToken: pageTokens.get(page.id)!,
    clientId: auth.app.id,
    clientSecret: auth.app.secret,
    userAccessToken: userToken,
  };
  // https://developers.facebook.com/docs/graph-api/overview/rate-limiting#pages — a Page token's calls count against the Page's BUC budget.
  const meter = createGraphUsageMeter({ clock, limit: bucPerHour, usage: { kind: 'buc', type: 'pages' } });

  let serial = 1000;
  const nextId = () => String(++serial);
  const comments: FacebookSimComment[] = [];
  const photos: Array<{ id: string; published: boolean; attachedTo?: string; temporary: boolean; postId?: string }> = [];

  // Seed: Page posts from the last days, each with comments from other people and one reply.
  const seedRandom = world.random.fork('facebook-seed');
  const phrases = ['love this', 'when does it ship?', 'great work', 'is this still on?', 'merci', 'thanks!'];
  const addComment = (objectId: string, postId: string, from: { id: string; name: string }, message: string, createdAtMs: number) => {
    const numeric = postId.split('_')[1] ?? postId;
    const comment: FacebookSimComment = {
      id: `${numeric}_${nextId()}`,
      objectId,
      postId,
      from,
      message,
      createdAtMs,
      hidden: false,
      likedByPage: false,
      deleted: false,
    };
    comments.push(comment);
    return comment;
  };
  const userRef = (user: SimUser) => ({ id: String(700000000 + user.index), name: user.displayName });
  for (let index = 0; index < (options.seedPosts ?? 3); index++) {
    const createdAtMs = clock.now() - (index + 1) * DAY;
    const post = world.addPost({
      id: `${page.id}_${nextId()}`,
      accountId: page.id,
      text: `Seeded Page post ${index + 1}`,
      createdAtMs,
      extra: { kind: 'status' },
    });
    let first: FacebookSimComment | undefined;
    for (let count = 0; count < (options.commentsPerPost ?? 4); count++) {
      const user = seedRandom.pick(world.users);
      const comment = addComment(post.id, post.id, userRef(user), seedRandom.pick(phrases), createdAtMs + (count + 1) * 600_000);
      first ??= comment;
    }
    if (first) addComment(first.id, post.id, userRef(seedRandom.pick(world.users)), 'replying to you', createdAtMs + 3 * HOUR);
  }

  // ---- auth, throttling, spec checks ----------------------------------------------------------

  // Every API call needs a token (https://developers.facebook.com/docs/graph-api/guides/error-handling — 190 invalid or expired, 104 none).
  const authorize = (request: SimRequest): Response | { pageId?: string; userId?: string } => {
    const result = tokens.authenticate(request);
    if (!result.ok) return result.response;
    return pages.some((entry) => entry.id === result.record.subject)
      ? { pageId: result.record.subject }
      : { userId: result.record.subject };
  };

  type Handler = (request: SimRequest, params: GraphParams, caller: { pageId?: string; userId?: string }) => Response;

  // Every Graph call: the token, the Page's BUC budget, then the handler; the usage header on every answer.
  const graph =
    (handler: Handler) =>
    (request: SimRequest): Response => {
      const caller = authorize(request);
      if (caller instanceof Response) return caller;
      const throttled = meter.call(page.id);
      if (throttled) return throttled;
      return meter.stamp(handler(request, graphParams(request), caller), page.id);
    };

  // Off-spec parameters answer as Graph does (code 100), per the codegen node specs.
  const spec = (
    node: MetaNode,
    edge: string | null,
    method: 'GET' | 'POST' | 'DELETE',
    params: GraphParams,
    objectId: string,
    extra: { extraParams?: readonly string[]; extraFields?: readonly string[] } = {},
  ) => checkGraphRequest(node, edge, method, specParams(params), { objectId, ...extra });

  const notFound = (id: string, verb: 'get' | 'post' | 'delete') => unsupportedRequest(verb, id);

  const ownPage = (caller: { pageId?: string }, pageId: string) =>
    caller.pageId === pageId
      ? undefined
      : graphError(403, {
          code: 200,
          message: '(#200) The Page access token does not belong to this Page: use the token of the Page you publish to.',
        });

  // ---- posts ---------------------------------------------------------------------------------

  const livePagePost = (id: string) => {
    const post = world.livePost(id);
    return post && post.replyToId === undefined && post.accountId === page.id ? post : undefined;
  };
  const isPublished = (post: SimPost) => {
    const at = post.extra.scheduledAtMs as number | undefined;
    return (post.extra.published as boolean | undefined) !== false || (at !== undefined && at <= clock.now());
  };
  const publishedAtMs = (post: SimPost) => (post.extra.scheduledAtMs as number | undefined) ?? post.createdAtMs;

  // scheduled_publish_time: a Unix time, ISO 8601 or strtotime string; between 10 minutes and 30 days ahead
  // (https://developers.facebook.com/docs/pages-api/posts#schedule; the window the simulator holds is the narrowest Meta has stated).
  const scheduleRefusal = (params: Record<string, unknown>): Response | { atMs?: number } => {
    const raw = graphParam(params, 'scheduled_publish_time');
    const published = graphBool(params, 'published');
    if (raw === undefined) return {};
    if (published !== false) {
      return graphError(400, {
        code: 100,
        message: '(#100) Cannot schedule a post to be published with published set to true: set published to false.',
      });
    }
    const atMs = /^\d+$/.test(raw) ? Number(raw) * 1000 : Date.parse(raw);
    if (!Number.isFinite(atMs) || atMs < clock.now() + 10 * 60_000 || atMs > clock.now() + 30 * DAY) {
      return graphError(400, { code: 100, subcode: 1501234, message: '(#100) The specified scheduled publish time is invalid.' });
    }
    return { atMs };
  };

  const postFields = (post: SimPost, fields: Map<string, Record<string, string>>) => {
    const out: Record<string, unknown> = { id: post.id };
    const extra = post.extra;
    const liveComments = comments.filter((comment) => comment.objectId === post.id && !comment.deleted);
    const want: Map<string, Record<string, string>> = fields.size === 0
      ? new Map([
          ['created_time', {}],
          ['message', {}],
        ])
      : fields;
    for (const [name, modifiers] of want) {
      if (name === 'message' && post.text) out.message = post.text;
      if (name === 'created_time') out.created_time = graphTime(publishedAtMs(post));
      if (name === 'permalink_url') out.permalink_url = `https://www.facebook.com/${page.id}/posts/${post.id.split('_')[1]}`;
      if (name === 'is_published') out.is_published = isPublished(post);
      if (name === 'scheduled_publish_time' && extra.scheduledAtMs !== undefined && !isPublished(post))
        out.scheduled_publish_time = Math.floor((extra.scheduledAtMs as number) / 1000);
      if (name === 'status_type')
        out.status_type =
          extra.kind === 'photo'
            ? 'added_photos'
            : extra.kind === 'video'
              ? 'added_video'
              : extra.link
                ? 'shared_story'
                : 'mobile_status_update';
      if (name === 'shares' && world.counters(post).reposts > 0) out.shares = { count: world.counters(post).reposts };
      if (name === 'comments') {
        out.comments = {
          data: modifiers.limit === '0' ? [] : liveComments.slice(0, 25).map((comment) => renderComment(comment, new Map())),
          ...(modifiers.summary === 'true' ? { summary: { order: 'ranked', total_count: liveComments.length, can_comment: true } } : {}),
        };
      }
      if (name === 'attachments' && (extra.link || post.mediaIds.length > 0)) {
        out.attachments = {
          data: extra.link
            ? [{ type: 'share', url: extra.link }]
            : post.mediaIds.length > 1
              ? [{ type: 'album', subattachments: { data: post.mediaIds.map((id) => ({ type: 'photo', target: { id } })) } }]
              : [{ type: extra.kind === 'video' ? 'video_inline' : 'photo', target: { id: post.mediaIds[0] } }],
        };
      }
      if (name === 'from') out.from = { id: page.id, name: page.name };
    }
    return out;
  };

  const addPagePost = (text: string, extra: Record<string, unknown>, mediaIds: string[] = [], id = `${page.id}_${nextId()}`) =>
    world.addPost({ id, accountId: page.id, text, createdAtMs: clock.now(), mediaIds, extra });

  // https://developers.facebook.com/docs/pages-api/posts#publish and /docs/graph-api/reference/page/feed#publish
  const createFeedPost: Handler = (request, params, caller) => {
    const pageId = request.params.pageId!;
    const refusal = spec('Page', 'feed', 'POST', params, pageId) ?? ownPage(caller, pageId);
    if (refusal) return refusal;
    const message = graphParam(params, 'message');
    const link = graphParam(params, 'link');
    const attached = parseAttachedMedia(params.attached_media);
    if (attached instanceof Response) return attached;
    if (!message && !link && attached.length === 0) return graphError(400, { code: 100, message: '(#100) Missing message or attachment' });
    // Photos attached to a post must be this Page's unpublished photos, each used once
    // (https://developers.facebook.com/docs/pages-api/posts#publish-multiple-photos — unpublished `published=false` photos, then `attached_media`).
    for (const fbid of attached) {
      const photo = photos.find((entry) => entry.id === fbid);
      if (!photo || photo.published || photo.attachedTo) {
        return graphError(400, { code: 100, message: `(#100) Invalid attached_media: ${fbid} is not an unpublished photo of this Page.` });
      }
    }
    const schedule = scheduleRefusal(params);
    if (schedule instanceof Response) return schedule;
    const published = graphBool(params, 'published') !== false;
    if (!published && attached.some((fbid) => !photos.find((entry) => entry.id === fbid)?.temporary) && schedule.atMs !== undefined) {
      // A scheduled post's photos must be uploaded with temporary=true (docs: "Publish multiple photos … scheduled").
      return graphError(400, { code: 100, message: '(#100) Photos attached to a scheduled post must be uploaded with temporary=true.' });
    }
    const post = addPagePost(
      message ?? '',
      {
        kind: attached.length > 0 ? 'photo' : 'status',
        ...(link ? { link } : {}),
        published,
        ...(schedule.atMs !== undefined ? { scheduledAtMs: schedule.atMs } : {}),
      },
      attached,
    );
    for (const fbid of attached) photos.find((entry) => entry.id === fbid)!.attachedTo = post.id;
    return json(200, { id: post.id });
  };

  const parseAttachedMedia = (value: unknown): string[] | Response => {
    if (value === undefined) return [];
    let list: unknown = value;
    if (typeof value === 'string') {
      try {
        list = JSON.parse(value);
      } catch {
        return graphError(400, { code: 100, message: '(#100) param attached_media must be an array.' });
      }
    }
    if (!Array.isArray(list)) list = [list];
    const ids: string[] = [];
    for (const item of list as unknown[]) {
      const entry = typeof item === 'string' ? (JSON.parse(item) as unknown) : item;
      const fbid = (entry as { media_fbid?: unknown } | null)?.media_fbid;
      if (typeof fbid !== 'string' && typeof fbid !== 'number')
        return graphError(400, { code: 100, message: '(#100) Each attached_media entry needs a media_fbid.' });
      ids.push(String(fbid));
    }
    return ids;
  };

  // https://developers.facebook.com/docs/graph-api/reference/page/photos/#Creating — url or multipart source.
  const createPhoto: Handler = (request, params, caller) => {
    const pageId = request.params.pageId!;
    const refusal = spec('Page', 'photos', 'POST', params, pageId, { extraParams: PHOTO_UPLOAD_PARAMS }) ?? ownPage(caller, pageId);
    if (refusal) return refusal;
    const url = graphParam(params, 'url');
    const source = params.source as { size?: number } | undefined;
    if (!url && !(source && typeof source === 'object' && (source.size ?? 0) > 0)) {
      return graphError(400, { code: 324, message: '(#324) Requires upload file' });
    }
    if (url && !/^https?:\/\//.test(url)) return graphError(400, { code: 100, message: '(#100) url should represent a valid URL' });
    const published = graphBool(params, 'published') !== false;
    const schedule = scheduleRefusal(params);
    if (schedule instanceof Response) return schedule;
    const id = nextId();
    if (!published && schedule.atMs === undefined) {
      photos.push({ id, published: false, temporary: graphBool(params, 'temporary') === true });
      return json(200, { id });
    }
    const post = addPagePost(
      graphParam(params, 'message') ?? graphParam(params, 'caption') ?? '',
      {
        kind: 'photo',
        published,
        ...(schedule.atMs !== undefined ? { scheduledAtMs: schedule.atMs } : {}),
      },
      [id],
    );
    photos.push({ id, published: true, temporary: false, postId: post.id });
    return json(200, { id, post_id: post.id });
  };

  // ---- video ---------------------------------------------------------------------------------

  const videoStatus = (videoId: string): 'uploading' | 'processing' | 'ready' | 'error' => {
    const upload = uploads.byVideo(videoId);
    if (!upload || upload.finishedAtMs === undefined) return 'uploading';
    if (clock.now() - upload.finishedAtMs < processingMs) return 'processing';
    return videoFails ? 'error' : 'ready';
  };

  // A processed, published video becomes a Page post (its id is the video's post_id).
  const settleVideo = (videoId: string) => {
    const upload = uploads.byVideo(videoId);
    if (!upload?.fields || upload.postId || videoStatus(videoId) !== 'ready') return;
    const published = graphBool(upload.fields, 'published') !== false;
    const at = graphParam(upload.fields, 'scheduled_publish_time');
    if (!published && at === undefined) return;
    const post = addPagePost(
      graphParam(upload.fields, 'description') ?? '',
      {
        kind: 'video',
        videoId,
        published,
        ...(at !== undefined ? { scheduledAtMs: /^\d+$/.test(at) ? Number(at) * 1000 : Date.parse(at) } : {}),
        ...(graphParam(upload.fields, 'title') ? { title: graphParam(upload.fields, 'title') } : {}),
      },
      [videoId],
      `${page.id}_${videoId}`,
    );
    upload.postId = post.id;
  };

  // https://developers.facebook.com/docs/graph-api/reference/page/videos/#Creating — upload_phase start / transfer / finish.
  const createVideo: Handler = (request, params, caller) => {
    const pageId = request.params.pageId!;
    const refusal = spec('Page', 'videos', 'POST', params, pageId) ?? ownPage(caller, pageId);
    if (refusal) return refusal;
    const phase = graphParam(params, 'upload_phase');
    const fileUrl = graphParam(params, 'file_url');
    if (phase === undefined && fileUrl !== undefined) {
      // Non-resumable upload by URL: Graph downloads the file, then processes it.
      if (!/^https?:\/\//.test(fileUrl)) return graphError(400, { code: 100, message: '(#100) file_url should represent a valid URL' });
      const schedule = scheduleRefusal(params);
      if (schedule instanceof Response) return schedule;
      const started = uploads.start(nextId(), 1);
      uploads.transfer(started.sessionId, 0, 1);
      Object.assign(uploads.session(started.sessionId)!, { finishedAtMs: clock.now(), fields: params });
      return json(200, { id: started.videoId });
    }
    if (phase === 'start') {
      const size = Number(graphParam(params, 'file_size'));
      if (!Number.isInteger(size) || size <= 0)
        return graphError(400, { code: 100, message: '(#100) file_size must be a positive integer (the video size in bytes).' });
      const started = uploads.start(nextId(), size);
      return json(200, { video_id: started.videoId, upload_session_id: started.sessionId, ...started.window });
    }
    const session = uploads.session(graphParam(params, 'upload_session_id') ?? '');
    if (phase === 'transfer') {
      const chunk = params.video_file_chunk as { size?: number } | undefined;
      if (!session) return graphError(400, { code: 100, message: '(#100) Invalid upload_session_id' });
      if (!chunk || typeof chunk !== 'object' || !chunk.size)
        return graphError(400, { code: 100, message: '(#100) video_file_chunk is required for upload_phase=transfer' });
      const next = uploads.transfer(session.sessionId, Number(graphParam(params, 'start_offset')), chunk.size);
      if (!next) {
        // Graph's answer to a chunk at the wrong offset (error 1363037) names where to resume.
        return graphError(400, {
          code: 6001,
          subcode: 1363037,
          message: 'There was a problem uploading your video file. Please try again.',
          userTitle: 'Upload failed',
          userMessage: `Resume the upload at start_offset ${session.received}.`,
        });
      }
      return json(200, next);
    }
    if (phase === 'finish') {
      if (!session) return graphError(400, { code: 100, message: '(#100) Invalid upload_session_id' });
      if (session.received !== session.fileSize)
        return graphError(400, { code: 6001, subcode: 1363019, message: 'The video file you tried to upload is incomplete.' });
      if (session.finishedAtMs !== undefined) return json(200, { success: true });
      const schedule = scheduleRefusal(params);
      if (schedule instanceof Response) return schedule;
      session.finishedAtMs = clock.now();
      session.fields = params;
      return json(200, { success: true });
    }
    return graphError(400, { code: 100, message: '(#100) upload_phase must be one of start, transfer, finish (or send file_url).' });
  };

  // https://developers.facebook.com/docs/graph-api/reference/video#Reading — `status` with its phases.
  const renderVideo = (videoId: string, fields: Map<string, Record<string, string>>) => {
    settleVideo(videoId);
    const upload = uploads.byVideo(videoId)!;
    const status = videoStatus(videoId);
    const out: Record<string, unknown> = { id: videoId };
    if (fields.has('status')) {
      out.status = {
        video_status: status === 'uploading' ? 'upload_complete' : status,
        uploading_phase: { status: status === 'uploading' ? 'in_progress' : 'complete', bytes_transferred: upload.received },
        processing_phase:
          status === 'error'
            ? {
                status: 'error',
                errors: [{ code: 1363008, message: 'Video could not be processed: the file is corrupt or its format is not supported.' }],
              }
            : { status: status === 'ready' ? 'complete' : status === 'processing' ? 'in_progress' : 'not_started' },
        publishing_phase: { status: upload.postId ? 'complete' : 'not_started', ...(upload.postId ? { publish_status: 'published' } : {}) },
      };
    }
    if (fields.has('post_id') && upload.postId) out.post_id = upload.postId;
    if (fields.has('permalink_url')) out.permalink_url = `/${page.username}/videos/${videoId}/`;
    if (fields.has('description') && upload.fields) out.description = graphParam(upload.fields, 'description') ?? '';
    return out;
  };

  // https://developers.facebook.com/docs/graph-api/reference/page/videos/#Reading — the Page's videos, newest first.
  const listVideos: Handler = (request, params, caller) => {
    const pageId = request.params.pageId!;
    const refusal = spec('Page', 'videos', 'GET', params, pageId) ?? ownPage(caller, pageId);
    if (refusal) return refusal;
    const fields = requestedFields(params.fields);
    const items = uploads
      .all()
      .filter((upload) => upload.finishedAtMs !== undefined)
      .sort((a, b) => b.finishedAtMs! - a.finishedAtMs! || b.videoId.localeCompare(a.videoId))
      .map((upload) => {
        const out = renderVideo(upload.videoId, fields);
        if (fields.has('created_time')) out.created_time = graphTime(upload.finishedAtMs!);
        return out;
      });
    return json(200, graphPage(items, request, { defaultLimit: 25 }));
  };

  // ---- nodes: get / delete / update ------------------------------------------------------------

  const commentById = (id: string) => comments.find((comment) => comment.id === id && !comment.deleted);

  const renderComment = (comment: FacebookSimComment, fields: Map<string, Record<string, string>>) => {
    const want: Map<string, Record<string, string>> = fields.size === 0
      ? new Map([
          ['created_time', {}],
          ['from', {}],
          ['message', {}],
        ])
      : fields;
    const out: Record<string, unknown> = { id: comment.id };
    for (const [name] of want) {
      if (name === 'message') out.message = comment.message;
      if (name === 'created_time') out.created_time = graphTime(comment.createdAtMs);
      if (name === 'from') out.from = comment.from;
      if (name === 'parent' && comment.objectId !== comment.postId) out.parent = { id: comment.objectId };
      if (name === 'permalink_url')
        out.permalink_url = `https://www.facebook.com/${page.id}/posts/${comment.postId.split('_')[1]}?comment_id=${comment.id.split('_')[1]}`;
      if (name === 'is_hidden') out.is_hidden = comment.hidden;
      if (name === 'like_count') out.like_count = comment.likedByPage ? 1 : 0;
      if (name === 'comment_count') out.comment_count = comments.filter((entry) => entry.objectId === comment.id && !entry.deleted).length;
    }
    return out;
  };

  const getNode: Handler = (request, params) => {
    const id = request.params.id!;
    const fields = requestedFields(params.fields);
    const post = livePagePost(id);
    if (post) {
      const refusal = spec('PagePost', null, 'GET', params, id);
      return refusal ?? json(200, postFields(post, fields));
    }
    const comment = commentById(id);
    if (comment) return spec('Comment', null, 'GET', params, id) ?? json(200, renderComment(comment, fields));
    if (uploads.byVideo(id)) return spec('AdVideo', null, 'GET', params, id) ?? json(200, renderVideo(id, fields));
    const pageEntry = pages.find((entry) => entry.id === id);
    if (pageEntry) return spec('Page', null, 'GET', params, id) ?? json(200, renderPage(pageEntry, fields));
    return notFound(id, 'get');
  };

  // https://developers.facebook.com/docs/graph-api/reference/page#Reading
  const renderPage = (entry: (typeof pages)[number], fields: Map<string, Record<string, string>>) => {
    const out: Record<string, unknown> = { id: entry.id };
    for (const [name] of fields.size === 0 ? new Map([['name', {}]]) : fields) {
      if (name === 'name') out.name = entry.name;
      if (name === 'username') out.username = entry.username;
      if (name === 'link') out.link = `https://www.facebook.com/${entry.username}`;
      if (name === 'followers_count' && entry.id === page.id) out.followers_count = world.followers();
      if (name === 'fan_count' && entry.id === page.id) out.fan_count = world.followers();
    }
    return out;
  };

  // https://developers.facebook.com/docs/pages-api/posts#delete and /docs/graph-api/reference/comment#Deleting
  const deleteNode: Handler = (request, params) => {
    const id = request.params.id!;
    const post = livePagePost(id) ?? world.livePost(id);
    if (post) {
      const refusal = spec('PagePost', null, 'DELETE', params, id);
      if (refusal) return refusal;
      post.deleted = true;
      const comment = comments.find((entry) => entry.id === id);
      if (comment) comment.deleted = true;
      return json(200, { success: true });
    }
    const comment = commentById(id);
    if (comment) {
      const refusal = spec('Comment', null, 'DELETE', params, id);
      if (refusal) return refusal;
      comment.deleted = true;
      world.act('delete', {
        key: comment.id,
        createdAtMs: comment.createdAtMs,
        author: world.users[0]!,
        text: comment.message,
        kind: 'reply',
      });
      return json(200, { success: true });
    }
    return notFound(id, 'delete');
  };

  // https://developers.facebook.com/docs/graph-api/reference/comment#Updating — `is_hidden`.
  const updateNode: Handler = (request, params) => {
    const id = request.params.id!;
    const comment = commentById(id);
    if (!comment) return notFound(id, 'post');
    const refusal = spec('Comment', null, 'POST', params, id);
    if (refusal) return refusal;
    const hidden = graphBool(params, 'is_hidden');
    if (hidden !== undefined) comment.hidden = hidden;
    const message = graphParam(params, 'message');
    if (message !== undefined) comment.message = message;
    return json(200, { success: true });
  };

  // ---- comments --------------------------------------------------------------------------------

  // https://developers.facebook.com/docs/graph-api/reference/object/comments — `filter` toplevel | stream, `order` chronological | reverse_chronological.
  const listComments: Handler = (request, params) => {
    const id = request.params.id!;
    const post = livePagePost(id);
    const parent = post ? undefined : commentById(id);
    if (!post && !parent) return notFound(id, 'get');
    const refusal = spec(post ? 'PagePost' : 'Comment', 'comments', 'GET', params, id);
    if (refusal) return refusal;
    const stream = graphParam(params, 'filter') === 'stream';
    const reverse = graphParam(params, 'order') === 'reverse_chronological';
    const descendants = (objectId: string): FacebookSimComment[] =>
      comments
        .filter((comment) => comment.objectId === objectId && !comment.deleted)
        .flatMap((comment) => [comment, ...(stream ? descendants(comment.id) : [])]);
    const items = descendants(id).sort(
      (a, b) => (reverse ? b.createdAtMs - a.createdAtMs : a.createdAtMs - b.createdAtMs) || a.id.localeCompare(b.id),
    );
    const fields = requestedFields(params.fields);
    return json(
      200,
      graphPage(
        items.map((comment) => renderComment(comment, fields)),
        request,
        { defaultLimit: 25 },
      ),
    );
  };

  // https://developers.facebook.com/docs/graph-api/reference/object/comments#publish — the Page comments as itself.
  const createComment: Handler = (request, params, caller) => {
    const id = request.params.id!;
    const post = livePagePost(id);
    const parent = post ? undefined : commentById(id);
    if (!post && !parent) return notFound(id, 'post');
    const refusal = spec(post ? 'PagePost' : 'Comment', 'comments', 'POST', params, id);
    if (refusal) return refusal;
    if (caller.pageId !== page.id) return ownPage(caller, page.id)!;
    const message = graphParam(params, 'message');
    const attachment = graphParam(params, 'attachment_url');
    if (!message && !attachment) return graphError(400, { code: 100, message: '(#100) Missing message or attachment' });
    const postId = post ? post.id : parent!.postId;
    const comment = addComment(id, postId, { id: page.id, name: page.name }, message ?? '', clock.now());
    // The Page's own comment is a post of the account (a reply) for the suite's bookkeeping.
    world.addPost({
      id: comment.id,
      accountId: page.id,
      text: comment.message,
      createdAtMs: comment.createdAtMs,
      replyToId: id,
      extra: { kind: 'comment' },
    });
    return json(200, { id: comment.id });
  };

  // https://developers.facebook.com/docs/graph-api/reference/object/likes — the Page likes or unlikes a comment.
  const likeComment =
    (liked: boolean): Handler =>
    (request, params) => {
      const comment = commentById(request.params.id!);
      if (!comment) return notFound(request.params.id!, liked ? 'post' : 'delete');
      const refusal = spec('Comment', 'likes', liked ? 'POST' : 'DELETE', params, request.params.id!);
      if (refusal) return refusal;
      comment.likedByPage = liked;
      return json(200, { success: true });
    };

  // ---- listings --------------------------------------------------------------------------------

  const pagePosts = (which: 'published' | 'scheduled') =>
    world.posts
      .filter((post) => !post.deleted && post.replyToId === undefined && post.accountId === page.id)
      .filter((post) => (which === 'published' ? isPublished(post) : !isPublished(post) && post.extra.scheduledAtMs !== undefined))
      .sort((a, b) => publishedAtMs(b) - publishedAtMs(a) || b.id.localeCompare(a.id));

  // https://developers.facebook.com/docs/graph-api/reference/page/published_posts and /page/scheduled_posts
  const listPosts =
    (which: 'published' | 'scheduled'): Handler =>
    (request, params, caller) => {
      const pageId = request.params.pageId!;
      const refusal =
        spec('Page', which === 'published' ? 'published_posts' : 'scheduled_posts', 'GET', params, pageId) ?? ownPage(caller, pageId);
      if (refusal) return refusal;
      for (const upload of uploads.all()) settleVideo(upload.videoId);
      const fields = requestedFields(params.fields);
      return json(
        200,
        graphPage(
          pagePosts(which).map((post) => postFields(post, fields)),
          request,
          { defaultLimit: 25 },
        ),
      );
    };

  // ---- insights --------------------------------------------------------------------------------

  const postMetrics = (post: SimPost): Record<string, number> => {
    const counters = world.counters(post);
    return {
      post_media_view: counters.impressions,
      post_total_media_view_unique: Math.floor(counters.impressions * 0.7),
      post_clicks: counters.linkClicks + counters.profileClicks,
      post_reactions_like_total: counters.likes,
      ...(post.extra.kind === 'video' ? { post_video_views: Math.floor(counters.impressions / 3) } : {}),
    };
  };

  const pageMetrics = (): Record<string, number> => {
    const live = pagePosts('published');
    const views = live.reduce((sum, post) => sum + world.counters(post).impressions, 0);
    return { page_media_view: views, page_total_media_view_unique: Math.floor(views * 0.6), page_follows: world.followers() };
  };

  const metricList = (params: Record<string, unknown>) =>
    (graphParam(params, 'metric') ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);

  // https://developers.facebook.com/docs/graph-api/reference/insights — `{ data: [{ name, period, values: [{ value, end_time? }], title, description, id }] }`.
  const insightsAnswer = (objectId: string, asked: string[], served: Record<string, number>, period: string) => {
    if (asked.length === 0) {
      return graphError(400, {
        code: 3001,
        subcode: 1504028,
        message: 'Invalid query',
        userTitle: 'No Metric Specified',
        userMessage: 'No metric was specified to be fetched. Please specify one or more metrics to be fetched and try again.',
      });
    }
    const invalid = asked.find(
      (name) => DEPRECATED_INSIGHTS_METRICS.has(name) || !(name in served || POST_INSIGHTS_METRICS.includes(name as never)),
    );
    if (invalid) return graphError(400, { code: 100, message: '(#100) The value must be a valid insights metric' });
    // Daily values end at the day boundary Graph reports (never after now).
    const endTime = graphTime(Math.floor(clock.now() / DAY) * DAY);
    return json(
      200,
      graphInsights(
        objectId,
        asked
          .filter((name) => name in served)
          .map((name) => ({ name, period, values: [{ value: served[name], ...(period === 'lifetime' ? {} : { end_time: endTime }) }] })),
      ),
    );
  };

  const postInsights: Handler = (request, params) => {
    const post = livePagePost(request.params.id!);
    if (!post) return notFound(request.params.id!, 'get');
    const refusal = spec('PagePost', 'insights', 'GET', params, post.id);
    return refusal ?? insightsAnswer(post.id, metricList(params), postMetrics(post), 'lifetime');
  };

  const pageInsights: Handler = (request, params, caller) => {
    const pageId = request.params.pageId!;
    const refusal = spec('Page', 'insights', 'GET', params, pageId) ?? ownPage(caller, pageId);
    if (refusal) return refusal;
    const asked = metricList(params);
    const bad = asked.find((name) => !PAGE_INSIGHTS_METRICS.includes(name as never));
    if (bad) return graphError(400, { code: 100, message: '(#100) The value must be a valid insights metric' });
    return insightsAnswer(pageId, asked, pageMetrics(), graphParam(params, 'period') ?? 'day');
  };

  // ---- login -----------------------------------------------------------------------------------

  // https://developers.facebook.com/docs/pages-api/getting-started#get-page-access-token — the Pages the user manages, each with its token.
  const meAccounts = (request: SimRequest): Response => {
    const caller = authorize(request);
    if (caller instanceof Response) return caller;
    if (caller.pageId !== undefined) {
      return graphError(400, { code: 100, message: '(#100) Tried accessing nonexisting field (accounts) on node type (Page)' });
    }
    const params = graphParams(request);
    // Each entry of /me/accounts carries the person's `tasks` on the Page (https://developers.facebook.com/docs/graph-api/photo-uploads, its `GET /me/accounts` example),
    // a field of the edge's answer that the Page node spec does not list.
    const refusal = spec('User', 'accounts', 'GET', params, 'me', { extraFields: ['tasks'] });
    if (refusal) return refusal;
    const items = pages.map((entry) => ({
      access_token: pageTokens.get(entry.id)!,
      category: 'Brand',
      category_list: [{ id: '1605186416478696', name: 'Brand' }],
      name: entry.name,
      id: entry.id,
      tasks: ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'],
    }));
    return json(200, graphPage(items, request, { defaultLimit: 25 }));
  };

  // ---- routes ------------------------------------------------------------------------------------

  const routes: SimRoute[] = [
    ...auth.routes,
    { method: 'GET', path: '/:version/me/accounts', handle: meAccounts },
    { method: 'POST', path: '/:version/:pageId/feed', handle: graph(createFeedPost) },
    { method: 'POST', path: '/:version/:pageId/photos', handle: graph(createPhoto) },
    { method: 'POST', path: '/:version/:pageId/videos', handle: graph(createVideo) },
    { method: 'GET', path: '/:version/:pageId/videos', handle: graph(listVideos) },
    { method: 'GET', path: '/:version/:pageId/published_posts', handle: graph(listPosts('published')) },
    { method: 'GET', path: '/:version/:pageId/scheduled_posts', handle: graph(listPosts('scheduled')) },
    {
      method: 'GET',
      path: '/:version/:pageId/insights',
      handle: graph((request, params, caller) =>
        request.params.pageId!.includes('_')
          ? postInsights({ ...request, params: { id: request.params.pageId! } }, params, caller)
          : pageInsights(request, params, caller),
      ),
    },
    { method: 'GET', path: '/:version/:id/comments', handle: graph(listComments) },
    { method: 'POST', path: '/:version/:id/comments', handle: graph(createComment) },
    { method: 'POST', path: '/:version/:id/likes', handle: graph(likeComment(true)) },
    { method: 'DELETE', path: '/:version/:id/likes', handle: graph(likeComment(false)) },
    { method: 'GET', path: '/:version/:id', handle: graph(getNode) },
    { method: 'POST', path: '/:version/:id', handle: graph(updateNode) },
    { method: 'DELETE', path: '/:version/:id', handle: graph(deleteNode) },
  ];

  const engine = createSimulatorEngine({
    platform: 'facebook',
    baseUrl,
    clock,
    routes,
    faultResponses: graphFaultResponses({ clock, usage: { kind: 'buc', type: 'pages' }, businessId: page.id }),
    onExpiredToken: (request) => {
      const token = tokens.tokenOf(request);
      if (token) tokens.expire(token);
    },
  });

  // One fetch for both hosts: video uploads (graph-video) are answered by the same engine.
  const fetchBoth: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(`${videoBaseUrl}/`) && videoBaseUrl !== baseUrl) {
      const rewritten = `${baseUrl}${url.slice(videoBaseUrl.length)}`;
      return engine.fetch(input instanceof Request ? new Request(rewritten, input) : rewritten, init);
    }
    return engine.fetch(input, init);
  };

  return {
    ...engine,
    fetch: fetchBoth,
    async listen(listenOptions) {
      const server = await engine.listen(listenOptions);
      videoBaseUrl = server.url;
      return server;
    },
    get videoBaseUrl() {
      return videoBaseUrl;
    },
    account: { id: page.id, handle: page.username },
    credentials,
    posts: () => {
      for (const upload of uploads.all()) settleVideo(upload.videoId);
      return world.posts.map((post) => ({ ...post }));
    },
    reportedPostMetrics(postId) {
      const post = world.posts.find((entry) => entry.id === postId);
      if (!post) return {};
      const live = comments.filter((comment) => comment.objectId === post.id && !comment.deleted).length;
      const shares = world.counters(post).reposts;
      return { ...postMetrics(post), 'comments.summary.total_count': live, ...(shares > 0 ? { 'shares.count': shares } : {}) };
    },
    reportedAccountMetrics: () => ({ ...pageMetrics(), followers_count: world.followers() }),
    mentionCount: () =>
      comments.filter((comment) => !comment.deleted && comment.from.id !== page.id && livePagePost(comment.postId)).length,
    addMention(input) {
      const target = input.postId ? livePagePost(input.postId) : pagePosts('published')[0];
      if (!target) throw new Error('the Facebook simulator needs a live Page post to add a comment to');
      addComment(target.id, target.id, userRef(world.users[comments.length % world.users.length]!), input.text, clock.now());
    },
    comments: () => comments.map((comment) => ({ ...comment })),
    photos: () => photos.map(({ postId: _postId, ...photo }) => ({ ...photo })),
    videos: () =>
      uploads.all().map((upload) => {
        settleVideo(upload.videoId);
        return {
          videoId: upload.videoId,
          status: videoStatus(upload.videoId),
          ...(upload.postId ? { postId: upload.postId } : {}),
          bytes: upload.received,
        };
      }),
    scheduled: () =>
      pagePosts('scheduled').map((post) => ({ id: post.id, scheduledAtMs: post.extra.scheduledAtMs as number, text: post.text })),
    expireTokens() {
      for (const token of [...pageTokens.values(), userToken]) tokens.expire(token);
    },
    failVideoProcessing(fail = true) {
      videoFails = fail;
    },
    throttle(regainAfterMs) {
      meter.fill(100, page.id, regainAfterMs);
    },
  };
}
