import type { Clock } from '@smm/core/clock';
import { systemClock } from '@smm/core/clock';
import {
  checkEdgeParams,
  containerPublishError,
  createContainerStore,
  createGraphTokenEndpoints,
  createPublicMediaHost,
  createPublishingLimit,
  graphError,
  graphFaultResponses,
  graphPage,
  graphInsights,
  graphTime,
  graphParam,
  graphParams,
  graphProblemResponse,
  pickGraphFields,
  createGraphUsageMeter,
  type GraphInsightInput,
  unsupportedRequest,
  type ContainerStore,
  type GraphContainer,
  type GraphParams,
  type GraphTokens,
  type GraphUsageMeter,
  type MetaNodeSpec,
  type PublishingLimit,
  type SimPublicMediaHost,
} from '../meta-graph/index.js';
import {
  createSimulatorEngine,
  createWorld,
  json,
  type NetworkSimulator,
  type SimPost,
  type SimRequest,
  type SimRoute,
} from '../simulator/index.js';
import type { IncomingMention } from '../simulator/index.js';
import { THREADS_CONTAINER, THREADS_MEDIA, THREADS_USER } from './threads-edges.js';
import { THREADS_MAX_LINKS, THREADS_MAX_TEXT, threadsLinkCount, threadsTextLength } from './threads-text.js';

/** Options of {@link createThreadsSimulator}. */
export interface ThreadsSimulatorOptions {
  clock?: Clock;
  seed?: number | string;
  /** Default `https://graph.threads.net`. */
  baseUrl?: string;
  /** The origin of the media host's URLs, `<mediaBaseUrl>/_media/<n>.<ext>` (default `https://media.threads-sim.example`); the simulator serves that path too. */
  mediaBaseUrl?: string;
  /**
   * How long a container takes to process, by media type (simulated ms). Defaults: text 1 s,
   * image 3 s, video 20 s; a carousel is ready when its items are.
   */
  processingMs?: { text?: number; image?: number; video?: number };
  /** Mentions waiting when the simulator starts (default 25). */
  mentionBacklog?: number;
  /** Media URLs Threads cannot download: their container ends in `ERROR` (default: hosts ending in `.invalid`). */
  unreachable?: (url: string) => boolean;
}

/** What a container holds until it is published. */
export interface ThreadsContainerPayload {
  mediaType: 'TEXT' | 'IMAGE' | 'VIDEO' | 'CAROUSEL';
  text?: string;
  mediaUrl?: string;
  altText?: string;
  isCarouselItem: boolean;
  children?: string[];
  replyToId?: string;
  quotePostId?: string;
  replyControl?: string;
  linkAttachment?: string;
}

/** The Threads API simulator: a {@link NetworkSimulator} with Threads' own knobs. */
export interface ThreadsSimulator extends NetworkSimulator {
  /** A long-lived token issued when the simulator started, with its instants (the adapter's credentials shape), and the app's id and secret. */
  readonly credentials: { accessToken: string; issuedAt: string; expiresAt: string; clientId: string; clientSecret: string };
  /** The registered app (`appId` / `appSecret` for the connect flow and the token exchange). */
  readonly app: { id: string; secret: string };
  /** A public media host the adapter's `mediaHost` setting can use; its URLs download in the simulator. */
  readonly mediaHost: SimPublicMediaHost;
  /** The token store (fault hooks: `expire`, `revoke`). */
  readonly tokens: GraphTokens;
  /** The container store (fault hooks: `failNext`, `stallNext`, `fail`, `expire`). */
  readonly containerStore: ContainerStore<ThreadsContainerPayload>;
  /** The 250-post / 1 000-reply bookkeeping (fault hook: `fill`). */
  readonly publishingLimit: PublishingLimit;
  /** The app's call count over 24 h, stamped on every answer as `X-App-Usage` (fault hook: `fill(percent)`). */
  readonly usage: GraphUsageMeter;
  /** An authorization code the Authorization Window would hand out for `redirectUri`. */
  issueCode(redirectUri: string, scopes?: readonly string[]): string;
  /** Every container created, in order. */
  containers(): GraphContainer<ThreadsContainerPayload>[];
}

const VERSION = 'v1.0';
const USER_ID = '27143896403261755';
const HANDLE = 'smm_threads';
const SCOPES = [
  'threads_basic',
  'threads_content_publish',
  'threads_manage_replies',
  'threads_read_replies',
  'threads_manage_insights',
  'threads_manage_mentions',
  'threads_delete',
];
/** User insights do not go back before 13 April 2024 (https://developers.facebook.com/documentation/threads/insights, "Limitations"). */
const INSIGHTS_EARLIEST_SEC = 1_712_991_600;
/** The carousel size Threads accepts: 2 to 20 items (https://developers.facebook.com/documentation/threads/posts, "Carousel posts"). */
const CAROUSEL_MIN = 2;
const CAROUSEL_MAX = 20;

const invalid = (message: string, subcode?: number) => graphError(400, { code: 100, ...(subcode ? { subcode } : {}), message });

function parseInstantSec(value: string | undefined): number | undefined | 'bad' {
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? 'bad' : Math.floor(ms / 1000);
}

/**
 * A simulator of the Threads API (`graph.threads.net/v1.0`), held to Meta's Threads doc pages
 * (there is no machine-readable definition; every endpoint cites its page in `threads-edges.ts`
 * and below). Two-step publishing through the shared Graph container store (`IN_PROGRESS` →
 * `FINISHED` | `ERROR`, `EXPIRED` after 24 h, `PUBLISHED` once), carousels of 2–20 items, replies
 * (`reply_to_id`) and quotes, the 500-character (emoji as UTF-8 bytes) and 5-link rules, the
 * 250-post / 1 000-reply caps at `threads_publish` and their `threads_publishing_limit` edge, the
 * user's threads and replies, mentions, replies and conversations with `manage_reply`, media and
 * user insights, delete, Threads' token endpoints (code exchange, `th_exchange_token`,
 * `th_refresh_token`), and Meta's error object for every refusal. Tokens go as
 * `Authorization: Bearer` or `access_token`.
 *
 * @example
 * ```ts
 * const sim = createThreadsSimulator({ clock });
 * const adapter = createThreadsAdapter({ baseUrl: sim.baseUrl, mediaHost: sim.mediaHost });
 * // accounts: [{ platform: 'threads', id: sim.account.id, handle: sim.account.handle }], credentials: sim.credentials
 * ```
 */
export function createThreadsSimulator(options: ThreadsSimulatorOptions = {}): ThreadsSimulator {
  const clock = options.clock ?? systemClock;
  const baseUrl = options.baseUrl ?? 'https://graph.threads.net';
  const processing = { text: 1_000, image: 3_000, video: 20_000, ...options.processingMs };
  const unreachable = options.unreachable ?? ((url: string) => /\.invalid(?:[:/]|$)/.test(new URL(url).host));
  const world = createWorld({
    clock,
    seed: options.seed ?? 1,
    handle: HANDLE,
    ...(options.mentionBacklog === undefined ? {} : { mentionBacklog: options.mentionBacklog }),
  });
  const tokenEndpoints = createGraphTokenEndpoints({ kind: 'threads', clock, subject: USER_ID, scopes: SCOPES });
  const tokens = tokenEndpoints.tokens;
  const initial = tokens.issue(USER_ID, 'long', SCOPES);
  const containers = createContainerStore<ThreadsContainerPayload>({ clock });
  const limits = createPublishingLimit({ clock, network: 'threads' });
  const mediaHost = createPublicMediaHost(options.mediaBaseUrl ?? 'https://media.threads-sim.example');
  let nextMedia = 18_050_000_000_000_000n;
  const mentionIds = new Map<string, string>();
  const profileViewsPerDay = 40 + world.random.fork('profile-views').int(0, 40);

  // ----- helpers -------------------------------------------------------------------------------

  const isUser = (id: string) => id === 'me' || id === USER_ID;
  const paramsOf = (request: SimRequest): GraphParams => {
    const { access_token: _token, ...rest } = graphParams(request);
    return rest;
  };
  const askedFields = (params: GraphParams) => graphParam(params, 'fields');
  /** Authenticates, then holds the parameters to the node's edge as the docs list them. */
  const guard =
    (spec: MetaNodeSpec, edge: string | null, handle: (request: SimRequest, params: GraphParams) => Response): SimRoute['handle'] =>
    (request) => {
      const auth = tokens.authenticate(request);
      if (!auth.ok) return auth.response;
      const found = spec.find(request.method, edge);
      if (!found) return unsupportedRequest(request.method, request.params.id ?? '');
      const params = paramsOf(request);
      const problem = checkEdgeParams(found, params, found.returns === spec.node || edge === null ? spec : fieldsSpecOf(found.returns));
      return problem ? graphProblemResponse(problem) : handle(request, params);
    };
  const fieldsSpecOf = (node: string) =>
    node === 'ThreadsMedia' ? THREADS_MEDIA : node === 'ThreadsContainer' ? THREADS_CONTAINER : undefined;

  const mentionId = (mention: IncomingMention) => {
    let id = mentionIds.get(mention.key);
    if (!id) {
      id = String(18_060_000_000_000_000n + BigInt(mentionIds.size + 1));
      mentionIds.set(mention.key, id);
    }
    return id;
  };
  const mentionById = (id: string) => world.mentions().find((mention) => mentionId(mention) === id);

  const shortcode = (id: string) => BigInt(id).toString(36).toUpperCase();
  const renderPost = (post: SimPost, fields: string | undefined): Record<string, unknown> => {
    const extra = post.extra as { mediaType?: string; quotePostId?: string; altText?: string; linkAttachment?: string; rootId?: string };
    const hasReplies = world.mentions().some((mention) => mention.postId === post.id) || world.posts.some((p) => p.replyToId === post.id);
    const full: Record<string, unknown> = {
      id: post.id,
      media_product_type: 'THREADS',
      media_type: extra.mediaType ?? 'TEXT_POST',
      permalink: `https://www.threads.net/@${HANDLE}/post/${shortcode(post.id)}`,
      owner: { id: USER_ID },
      username: HANDLE,
      text: post.text,
      timestamp: graphTime(post.createdAtMs),
      shortcode: shortcode(post.id),
      ...(post.mediaIds.length > 1 ? { children: { data: post.mediaIds.map((id) => ({ id })) } } : {}),
      is_quote_post: extra.quotePostId !== undefined,
      ...(extra.quotePostId ? { quoted_post: { id: extra.quotePostId } } : {}),
      ...(extra.altText ? { alt_text: extra.altText } : {}),
      ...(extra.linkAttachment ? { link_attachment_url: extra.linkAttachment } : {}),
      has_replies: hasReplies,
      is_reply: post.replyToId !== undefined,
      ...(post.replyToId ? { replied_to: { id: post.replyToId }, root_post: { id: extra.rootId ?? post.replyToId } } : {}),
      is_reply_owned_by_me: post.replyToId !== undefined,
    };
    return pickGraphFields(full, fields, ['id']);
  };
  const renderMention = (mention: IncomingMention, fields: string | undefined): Record<string, unknown> => {
    const id = mentionId(mention);
    const full: Record<string, unknown> = {
      id,
      media_product_type: 'THREADS',
      media_type: 'TEXT_POST',
      permalink: `https://www.threads.net/@${mention.author.handle}/post/${shortcode(id)}`,
      username: mention.author.handle,
      text: mention.text,
      timestamp: graphTime(mention.createdAtMs),
      shortcode: shortcode(id),
      is_quote_post: mention.kind === 'quote',
      ...(mention.kind === 'quote' && mention.postId ? { quoted_post: { id: mention.postId } } : {}),
      has_replies: false,
      is_reply: mention.kind === 'reply',
      ...(mention.kind === 'reply' && mention.postId ? { replied_to: { id: mention.postId }, root_post: { id: mention.postId } } : {}),
      is_reply_owned_by_me: false,
      hide_status: world.isOn('hide', mention.key) ? 'HIDDEN' : 'NOT_HUSHED',
    };
    return pickGraphFields(full, fields, ['id']);
  };

  /** Newest first, within `since`/`until` (Unix seconds or a date), as list edges answer. */
  const inWindow = (params: GraphParams, createdAtMs: number): boolean | Response => {
    const since = parseInstantSec(params.since as string | undefined);
    const until = parseInstantSec(params.until as string | undefined);
    if (since === 'bad') return invalid('(#100) Param since must be a valid date/time.');
    if (until === 'bad') return invalid('(#100) Param until must be a valid date/time.');
    return (since === undefined || createdAtMs >= since * 1000) && (until === undefined || createdAtMs <= until * 1000);
  };
  const listed = <T>(
    request: SimRequest,
    params: GraphParams,
    items: T[],
    createdAt: (item: T) => number,
    render: (item: T) => unknown,
    oldestFirst = false,
  ) => {
    const window = items.map((item) => inWindow(params, createdAt(item)));
    const refused = window.find((entry): entry is Response => entry instanceof Response);
    if (refused) return refused;
    const kept = items
      .filter((_, index) => window[index] === true)
      .sort((a, b) => (oldestFirst ? createdAt(a) - createdAt(b) : createdAt(b) - createdAt(a)));
    return json(200, graphPage(kept.map(render), request));
  };

  const livePosts = () => world.posts.filter((post) => !post.deleted);
  const anyLiveMedia = (id: string) => world.livePost(id) ?? mentionById(id);

  /** A container's status as Threads reports it: a carousel is as far as its least advanced item. */
  const effective = (container: GraphContainer<ThreadsContainerPayload>): { status: string; errorMessage?: string } => {
    if (container.payload.mediaType !== 'CAROUSEL' || container.status === 'PUBLISHED' || container.status === 'EXPIRED') {
      return { status: container.status, ...(container.errorMessage ? { errorMessage: container.errorMessage } : {}) };
    }
    const children = (container.payload.children ?? []).map((id) => containers.peek(id)!);
    const failed = children.find((child) => child.status === 'ERROR');
    if (failed) return { status: 'ERROR', errorMessage: failed.errorMessage ?? 'UNKNOWN' };
    if (children.some((child) => child.status !== 'FINISHED')) return { status: 'IN_PROGRESS' };
    return { status: container.status };
  };

  // ----- POST /{threads-user-id}/threads ------------------------------------------------------

  /** Checks a new container as the posts, replies, quotes, accessibility and links pages describe it. */
  function containerProblem(params: GraphParams): Response | ThreadsContainerPayload {
    const mediaType = params.media_type as ThreadsContainerPayload['mediaType'];
    const text = typeof params.text === 'string' ? params.text : undefined;
    const isItem = ['true', '1'].includes(String(params.is_carousel_item ?? 'false'));
    const url = (params.image_url ?? params.video_url) as string | undefined;
    if (mediaType === 'TEXT' && !text) return invalid('(#100) The parameter text is required');
    if (mediaType === 'IMAGE' && !params.image_url) return invalid('(#100) The parameter image_url is required');
    if (mediaType === 'VIDEO' && !params.video_url) return invalid('(#100) The parameter video_url is required');
    if (mediaType === 'CAROUSEL' && !params.children) return invalid('(#100) The parameter children is required');
    if ((mediaType === 'TEXT' || mediaType === 'CAROUSEL') && url)
      return invalid(`(#100) Param ${params.image_url ? 'image_url' : 'video_url'} is not allowed for media_type ${mediaType}`);
    if (mediaType === 'IMAGE' && params.video_url) return invalid('(#100) Param video_url is not allowed for media_type IMAGE');
    if (mediaType === 'VIDEO' && params.image_url) return invalid('(#100) Param image_url is not allowed for media_type VIDEO');
    if (url !== undefined && !/^https?:\/\/[^\s/]+/.test(url))
      return invalid(`(#100) Param ${params.image_url ? 'image_url' : 'video_url'} must be a valid URL`);
    if (isItem && mediaType !== 'IMAGE' && mediaType !== 'VIDEO')
      return invalid('(#100) Only IMAGE and VIDEO containers can be carousel items');
    if (params.alt_text !== undefined && mediaType !== 'IMAGE' && mediaType !== 'VIDEO') {
      // "This feature isn't available for text-only posts" (…/posts/accessibility).
      return invalid('(#100) Param alt_text is only available for IMAGE and VIDEO');
    }
    if (params.link_attachment !== undefined && mediaType !== 'TEXT')
      return invalid('(#100) Param link_attachment is only available for TEXT posts');
    if (text !== undefined && threadsTextLength(text) > THREADS_MAX_TEXT) {
      return graphError(400, {
        code: 100,
        message: `(#100) Param text must be at most ${THREADS_MAX_TEXT} characters long.`,
        userTitle: 'Post too long',
        userMessage: `Posts can be up to ${THREADS_MAX_TEXT} characters; emojis count as their UTF-8 bytes.`,
      });
    }
    if (text !== undefined && threadsLinkCount(text, params.link_attachment as string | undefined) > THREADS_MAX_LINKS) {
      return graphError(400, {
        code: 100,
        message: 'THREADS_API__LINK_LIMIT_EXCEEDED',
        userTitle: 'Too many links',
        userMessage: `Posts can contain up to ${THREADS_MAX_LINKS} links.`,
      });
    }
    for (const name of ['reply_to_id', 'quote_post_id'] as const) {
      const id = params[name] as string | undefined;
      if (id !== undefined && !anyLiveMedia(id)) {
        return invalid(`(#100) Param ${name} must be the id of a Threads post that exists and you can access`);
      }
    }
    let children: string[] | undefined;
    if (mediaType === 'CAROUSEL') {
      children = String(params.children)
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
      if (children.length < CAROUSEL_MIN || children.length > CAROUSEL_MAX) {
        return invalid(`(#100) Param children must have between ${CAROUSEL_MIN} and ${CAROUSEL_MAX} items`);
      }
      for (const id of children) {
        const child = containers.peek(id);
        if (!child || child.owner !== USER_ID || !child.payload.isCarouselItem || child.status === 'PUBLISHED') {
          return invalid(
            `(#100) Param children[${children.indexOf(id)}] must be a carousel item container (is_carousel_item=true) you created`,
          );
        }
      }
    }
    return {
      mediaType,
      isCarouselItem: isItem,
      ...(text !== undefined ? { text } : {}),
      ...(url !== undefined ? { mediaUrl: url } : {}),
      ...(params.alt_text !== undefined ? { altText: String(params.alt_text) } : {}),
      ...(children ? { children } : {}),
      ...(params.reply_to_id !== undefined ? { replyToId: String(params.reply_to_id) } : {}),
      ...(params.quote_post_id !== undefined ? { quotePostId: String(params.quote_post_id) } : {}),
      ...(params.reply_control !== undefined ? { replyControl: String(params.reply_control) } : {}),
      ...(params.link_attachment !== undefined ? { linkAttachment: String(params.link_attachment) } : {}),
    };
  }

  const createContainer = guard(THREADS_USER, 'threads', (request, params) => {
    if (!isUser(request.params.id!)) return unsupportedRequest('post', request.params.id!);
    const checked = containerProblem(params);
    if (checked instanceof Response) return checked;
    const kind = checked.mediaType === 'VIDEO' ? 'video' : checked.mediaType === 'IMAGE' ? 'image' : 'text';
    if (checked.mediaUrl && unreachable(checked.mediaUrl)) {
      // Threads fetches the media itself; a URL it cannot reach fails the container
      // (…/troubleshooting: FAILED_DOWNLOADING_VIDEO; images report UNKNOWN).
      containers.faults.failNext(kind === 'video' ? 'FAILED_DOWNLOADING_VIDEO' : 'UNKNOWN', 1);
    }
    const finishAfterMs = checked.mediaType === 'CAROUSEL' ? 0 : processing[kind];
    const container = containers.create(USER_ID, checked, { finishAfterMs });
    return json(200, { id: container.id });
  });

  // ----- POST /{threads-user-id}/threads_publish ------------------------------------------------

  const publish = guard(THREADS_USER, 'threads_publish', (request, params) => {
    if (!isUser(request.params.id!)) return unsupportedRequest('post', request.params.id!);
    const creationId = String(params.creation_id);
    const container = containers.peek(creationId);
    if (!container || container.owner !== USER_ID) return unsupportedRequest('get', creationId);
    if (container.payload.isCarouselItem)
      return invalid('(#100) A carousel item container cannot be published on its own: publish its CAROUSEL container');
    const state = effective(container);
    if (state.status === 'IN_PROGRESS') return containerPublishError('not-ready', creationId, 'threads');
    if (state.status === 'ERROR') return containerPublishError('error', creationId, 'threads');
    const action = container.payload.replyToId ? 'reply' : 'post';
    if (container.status !== 'PUBLISHED') {
      // The cap is enforced here (…/overview, "Posts": "enforced on the POST /{threads-user-id}/threads_publish endpoint").
      const capped = limits.check(USER_ID, action);
      if (capped) return capped;
    }
    const result = containers.publish(creationId, USER_ID, (published) => mint(published));
    if (!result.ok) return containerPublishError(result.reason, creationId, 'threads');
    if (!result.republished) limits.record(USER_ID, action);
    return json(200, { id: result.mediaId });
  });

  function mint(container: GraphContainer<ThreadsContainerPayload>): string {
    const payload = container.payload;
    const id = String((nextMedia += 1n));
    const items = payload.children ? payload.children.map((child) => containers.peek(child)!) : [container];
    const mediaIds = payload.mediaType === 'TEXT' ? [] : items.map((item) => `${item.id}:${item.payload.mediaUrl ?? ''}`);
    const parent = payload.replyToId ? world.livePost(payload.replyToId) : undefined;
    const rootId = parent ? ((parent.extra.rootId as string | undefined) ?? parent.id) : payload.replyToId;
    world.addPost({
      id,
      accountId: USER_ID,
      text: payload.text ?? '',
      createdAtMs: clock.now(),
      ...(payload.replyToId ? { replyToId: payload.replyToId } : {}),
      mediaIds,
      extra: {
        containerId: container.id,
        mediaType: { TEXT: 'TEXT_POST', IMAGE: 'IMAGE', VIDEO: 'VIDEO', CAROUSEL: 'CAROUSEL_ALBUM' }[payload.mediaType],
        ...(payload.quotePostId ? { quotePostId: payload.quotePostId } : {}),
        ...(payload.altText ? { altText: payload.altText } : {}),
        ...(payload.linkAttachment ? { linkAttachment: payload.linkAttachment } : {}),
        ...(payload.replyControl ? { replyControl: payload.replyControl } : {}),
        ...(rootId ? { rootId } : {}),
      },
    });
    return id;
  }

  // ----- GET/DELETE /{id} -----------------------------------------------------------------------

  const getNode: SimRoute['handle'] = (request) => {
    const id = request.params.id!;
    const auth = tokens.authenticate(request);
    if (!auth.ok) return auth.response;
    const params = paramsOf(request);
    const fields = askedFields(params);
    const check = (spec: MetaNodeSpec) => checkEdgeParams(spec.find('GET', null)!, params, spec);
    if (isUser(id)) {
      const problem = check(THREADS_USER);
      if (problem) return graphProblemResponse(problem);
      const profile = { id: USER_ID, username: HANDLE, name: 'smm Threads', threads_biography: 'Simulated account', is_verified: false };
      return json(200, pickGraphFields(profile, fields, ['id']));
    }
    const container = containers.poll(id);
    if (container && container.owner === USER_ID) {
      // https://developers.facebook.com/documentation/threads/troubleshooting — the container's status.
      const problem = check(THREADS_CONTAINER);
      if (problem) return graphProblemResponse(problem);
      const state = effective(container);
      return json(
        200,
        pickGraphFields({ id, status: state.status, ...(state.errorMessage ? { error_message: state.errorMessage } : {}) }, fields, ['id']),
      );
    }
    const post = world.livePost(id);
    const mention = post ? undefined : mentionById(id);
    if (!post && !mention) return unsupportedRequest('get', id);
    const problem = check(THREADS_MEDIA);
    if (problem) return graphProblemResponse(problem);
    return json(200, post ? renderPost(post, fields) : renderMention(mention!, fields));
  };

  const deleteNode = guard(THREADS_MEDIA, null, (request) => {
    // https://developers.facebook.com/documentation/threads/posts/delete-posts
    const id = request.params.id!;
    const post = world.livePost(id);
    if (!post) return unsupportedRequest('delete', id);
    post.deleted = true;
    return json(200, { success: true, deleted_id: id });
  });

  // ----- list edges -----------------------------------------------------------------------------

  const userThreads = guard(THREADS_USER, 'threads', (request, params) => {
    if (!isUser(request.params.id!)) return unsupportedRequest('get', request.params.id!);
    const fields = askedFields(params);
    // Replies are not threads: they are listed at /replies (…/retrieve-posts, note at the top).
    const own = livePosts().filter((post) => post.replyToId === undefined);
    return listed(
      request,
      params,
      own,
      (post) => post.createdAtMs,
      (post) => renderPost(post, fields),
    );
  });

  const replies =
    (edge: 'replies' | 'conversation'): SimRoute['handle'] =>
    (request) => {
      const id = request.params.id!;
      if (isUser(id) && edge === 'replies') {
        // https://developers.facebook.com/documentation/threads/retrieve-and-manage-replies/retrieve-replies
        return guard(THREADS_USER, 'replies', (req, params) => {
          const fields = askedFields(params);
          const own = livePosts().filter((post) => post.replyToId !== undefined);
          return listed(
            req,
            params,
            own,
            (post) => post.createdAtMs,
            (post) => renderPost(post, fields),
          );
        })(request);
      }
      // https://developers.facebook.com/documentation/threads/reference/reply-management
      return guard(THREADS_MEDIA, edge, (req, params) => {
        const post = world.livePost(id);
        if (!post) return unsupportedRequest('get', id);
        const fields = askedFields(params);
        const under = (candidate: SimPost) =>
          edge === 'replies' ? candidate.replyToId === id : candidate.replyToId === id || candidate.extra.rootId === id;
        const items: Array<{ at: number; render: () => unknown }> = [
          ...world
            .mentions()
            .filter((mention) => mention.kind === 'reply' && mention.postId === id)
            .map((mention) => ({ at: mention.createdAtMs, render: () => renderMention(mention, fields) })),
          ...livePosts()
            .filter(under)
            .map((reply) => ({ at: reply.createdAtMs, render: () => renderPost(reply, fields) })),
        ];
        // `reverse` (default true) sorts newest first; `false` oldest first (…/replies-and-conversations, "Parameters").
        const oldestFirst = String(params.reverse) === 'false';
        return listed(
          req,
          params,
          items,
          (item) => item.at,
          (item) => item.render(),
          oldestFirst,
        );
      })(request);
    };

  const mentions = guard(THREADS_USER, 'mentions', (request, params) => {
    if (!isUser(request.params.id!)) return unsupportedRequest('get', request.params.id!);
    const since = parseInstantSec(params.since as string | undefined);
    // "The since parameter's timestamp must be greater than or equal to 1688540400" (…/threads-mentions, "Limitations").
    if (typeof since === 'number' && since < 1_688_540_400)
      return invalid('(#100) Param since must be greater than or equal to 1688540400');
    const fields = askedFields(params);
    return listed(
      request,
      params,
      world.mentions(),
      (mention) => mention.createdAtMs,
      (mention) => renderMention(mention, fields),
    );
  });

  const manageReply = guard(THREADS_MEDIA, 'manage_reply', (request, params) => {
    // https://developers.facebook.com/documentation/threads/reply-management — "Hide Replies": top-level replies to your posts.
    const mention = mentionById(request.params.id!);
    if (!mention || mention.kind !== 'reply' || !mention.postId || !world.livePost(mention.postId)) {
      return unsupportedRequest('post', request.params.id!);
    }
    world.act(['true', '1'].includes(String(params.hide)) ? 'hide' : 'unhide', mention);
    return json(200, { success: true });
  });

  // ----- insights --------------------------------------------------------------------------------

  const postCounters = (post: SimPost) => {
    const counters = world.counters(post);
    return {
      views: counters.impressions,
      likes: counters.likes,
      replies: counters.replies,
      reposts: counters.reposts,
      quotes: counters.quotes,
      shares: counters.bookmarks,
    };
  };
  const metricsOf = (params: GraphParams) =>
    String(params.metric)
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);

  const mediaInsights = guard(THREADS_MEDIA, 'insights', (request, params) => {
    const post = world.livePost(request.params.id!);
    if (!post) return unsupportedRequest('get', request.params.id!);
    const values = postCounters(post);
    return json(
      200,
      graphInsights(
        post.id,
        metricsOf(params).map((name) => ({ name, period: 'lifetime', values: [{ value: values[name as keyof typeof values] }] })),
      ),
    );
  });

  const userTotals = () => {
    const sum = (key: 'likes' | 'replies' | 'reposts' | 'quotes') =>
      livePosts().reduce((total, post) => total + postCounters(post)[key], 0);
    return {
      likes: sum('likes'),
      replies: sum('replies'),
      reposts: sum('reposts'),
      quotes: sum('quotes'),
      clicks: livePosts().reduce((total, post) => total + world.counters(post).linkClicks, 0),
      followers_count: world.followers(),
    };
  };

  const userInsights = guard(THREADS_USER, 'threads_insights', (request, params) => {
    if (!isUser(request.params.id!)) return unsupportedRequest('get', request.params.id!);
    const since = parseInstantSec(params.since as string | undefined);
    const until = parseInstantSec(params.until as string | undefined);
    if (since === 'bad' || until === 'bad') return invalid('(#100) Param since and until must be Unix timestamps');
    // "The user insights since and until parameters do not work for dates before April 13, 2024" (…/insights, "Limitations").
    if ((since ?? Infinity) < INSIGHTS_EARLIEST_SEC || (until ?? Infinity) < INSIGHTS_EARLIEST_SEC) {
      return invalid(`(#100) Param since must be on or after ${INSIGHTS_EARLIEST_SEC} (April 13, 2024)`);
    }
    const endSec = until ?? Math.floor(clock.now() / 1000);
    const startSec = since ?? endSec - 2 * 86_400;
    if (startSec >= endSec) return invalid('(#100) Param since must be before until');
    const totals = userTotals();
    const data: Array<Record<string, unknown>> = [];
    for (const name of metricsOf(params)) {
      if (name === 'views') {
        // A daily series of profile views, one value per day of the window.
        const days = Math.ceil((endSec - startSec) / 86_400);
        data.push({
          name,
          period: 'day',
          values: Array.from({ length: days }, (_, day) => ({
            value: profileViewsPerDay,
            end_time: graphTime((startSec + (day + 1) * 86_400) * 1000),
          })),
          title: 'views',
          id: `${USER_ID}/insights/views/day`,
        });
      } else if (name === 'follower_demographics') {
        if (!params.breakdown) return invalid('(#100) The parameter breakdown is required for follower_demographics');
        data.push({ name, period: 'lifetime', total_value: { breakdowns: [] }, id: `${USER_ID}/insights/${name}/lifetime` });
      } else {
        data.push({
          name,
          period: 'day',
          total_value: { value: totals[name as keyof typeof totals] },
          title: name,
          id: `${USER_ID}/insights/${name}/day`,
        });
      }
    }
    return json(200, { data });
  });

  const publishingLimit = guard(THREADS_USER, 'threads_publishing_limit', (request, params) => {
    if (!isUser(request.params.id!)) return unsupportedRequest('get', request.params.id!);
    return json(200, limits.answer(USER_ID, (params.fields as string | undefined) ?? null, (params.since as string | undefined) ?? null));
  });

  // Calls per app and user in a rolling 24 h: 4800 × impressions, at least 10 impressions
  // (https://developers.facebook.com/documentation/threads/overview, "Rate limiting"); every answer carries X-App-Usage.
  const meter = createGraphUsageMeter({ clock, limit: 4_800 * 10, windowMs: 86_400_000 });
  const v = (path: string) => `/${VERSION}${path}`;
  const api = (route: SimRoute): SimRoute => meter.wrap(route);
  const routes: SimRoute[] = [
    // The public web the media host's URLs live on: Threads (and core's pre-publish probe) download from here.
    mediaHost.route,
    ...tokenEndpoints.routes,
    api({ method: 'POST', path: v('/:id/threads'), handle: createContainer }),
    api({ method: 'GET', path: v('/:id/threads'), handle: userThreads }),
    api({ method: 'POST', path: v('/:id/threads_publish'), handle: publish }),
    api({ method: 'GET', path: v('/:id/threads_publishing_limit'), handle: publishingLimit }),
    api({ method: 'GET', path: v('/:id/replies'), handle: replies('replies') }),
    api({ method: 'GET', path: v('/:id/conversation'), handle: replies('conversation') }),
    api({ method: 'GET', path: v('/:id/mentions'), handle: mentions }),
    api({ method: 'POST', path: v('/:id/manage_reply'), handle: manageReply }),
    api({ method: 'GET', path: v('/:id/insights'), handle: mediaInsights }),
    api({ method: 'GET', path: v('/:id/threads_insights'), handle: userInsights }),
    api({ method: 'GET', path: v('/:id'), handle: getNode }),
    api({ method: 'DELETE', path: v('/:id'), handle: deleteNode }),
  ];

  const engine = createSimulatorEngine({
    platform: 'threads',
    baseUrl,
    clock,
    routes,
    faultResponses: graphFaultResponses({ clock }),
  });

  return {
    ...engine,
    account: { id: USER_ID, handle: HANDLE },
    credentials: {
      accessToken: initial.token,
      issuedAt: new Date(initial.issuedAtMs).toISOString(),
      expiresAt: new Date(initial.expiresAtMs!).toISOString(),
      // The pre-registered app, for the connect flow (the adapter's credentials schema ignores them).
      clientId: tokenEndpoints.app.id,
      clientSecret: tokenEndpoints.app.secret,
    },
    app: tokenEndpoints.app,
    mediaHost,
    tokens,
    containerStore: containers,
    publishingLimit: limits,
    usage: meter,
    issueCode: (redirectUri, scopes) => tokenEndpoints.issueCode(redirectUri, scopes),
    containers: () => containers.all(),
    posts: () => world.posts.map((post) => ({ ...post })),
    reportedPostMetrics(postId) {
      const post = world.posts.find((entry) => entry.id === postId);
      return post ? postCounters(post) : {};
    },
    reportedAccountMetrics() {
      // The adapter's default window is 7 days of daily profile views.
      return { views: 7 * profileViewsPerDay, ...userTotals() };
    },
    mentionCount: () => world.mentions().length,
    addMention: (input) =>
      void world.addMention({
        text: input.text,
        kind: input.kind ?? 'mention',
        ...(input.postId ? { postId: input.postId } : {}),
        ...(input.language ? { language: input.language } : {}),
      }),
  };
}
