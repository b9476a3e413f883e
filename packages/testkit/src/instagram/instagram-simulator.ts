import type { Clock } from '@smm/core/clock';
import { systemClock } from '@smm/core/clock';
import {
  checkGraphRequest,
  containerPublishError,
  createContainerStore,
  createGraphTokenEndpoints,
  createGraphUsageMeter,
  createPublicMediaHost,
  createPublishingLimit,
  graphError,
  graphFaultResponses,
  graphPage,
  graphParam,
  graphParams,
  unsupportedRequest,
  type ContainerStore,
  type GraphContainer,
  type GraphParams,
  type GraphTokenEndpoints,
  type GraphUsageMeter,
  type MetaNode,
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
import {
  INSTAGRAM_ACCOUNT_INSIGHTS,
  INSTAGRAM_MEDIA_INSIGHTS,
  instagramMediaMetricValues,
  type InstagramProductType,
} from './instagram-insights.js';

/** Which login the simulated account connected with: it decides the host and what the token may do. */
export type InstagramLogin = 'facebook' | 'instagram';

/** Options of {@link createInstagramSimulator}. */
export interface InstagramSimulatorOptions {
  clock?: Clock;
  seed?: number | string;
  /** `facebook` (default: host `https://graph.facebook.com`) or `instagram` (`https://graph.instagram.com`). */
  login?: InstagramLogin;
  /** Default by `login`. */
  baseUrl?: string;
  /** The origin of the media host's URLs (default the simulator's `baseUrl`, which serves them at `/_media/<n>.<ext>`). */
  mediaBaseUrl?: string;
  /** Simulated time an image container takes to be `FINISHED` (default 2 s). */
  imageProcessingMs?: number;
  /** Simulated time a video container takes (default 20 s). */
  videoProcessingMs?: number;
  /** The content publishing limit (default Meta's 50 posts per 86 400 s). */
  publishingLimit?: { total: number; windowSeconds: number };
  /** Calls per hour before the account's BUC limit throttles (default 4 800). */
  callsPerHour?: number;
  /**
   * Downloads media from URLs that are not on the simulator's media host, as Meta cURLs them at
   * container creation (a failed download ends the container in ERROR). Default: no download — any
   * https URL but `localhost` and `*.invalid` counts as reachable. A demo with its own media host on
   * 127.0.0.1 passes a fetch that reaches it.
   */
  fetchMedia?: typeof fetch;
  /** Tagged media waiting at the start (the `mention` backlog; default 12). */
  mentionBacklog?: number;
}

/** What a container keeps. */
export interface InstagramContainerPayload {
  kind: 'IMAGE' | 'VIDEO' | 'REELS' | 'STORIES' | 'CAROUSEL';
  caption: string;
  url?: string;
  altText?: string;
  isCarouselItem: boolean;
  children: string[];
  shareToFeed?: boolean;
}

/** The Instagram simulator: a Graph host for one professional account. */
export interface InstagramSimulator extends NetworkSimulator {
  /** The account's long-lived token, and the simulated Meta app (its id and secret) for connect flows. */
  readonly credentials: { accessToken: string; clientId: string; clientSecret: string };
  readonly login: InstagramLogin;
  /** The API version the simulator serves (any `vNN.N` is accepted, as Graph accepts any live version). */
  readonly containers: ContainerStore<InstagramContainerPayload>;
  readonly publishingLimit: PublishingLimit;
  readonly usage: GraphUsageMeter;
  /** A public media host for the adapter's `mediaHost` setting. */
  readonly mediaHost: SimPublicMediaHost;
  /** Comments the account's media received from others and the account itself, in order. */
  comments(): InstagramSimComment[];
  /** Treats the current token as expired (code 190, subcode 463) from now on. */
  expireToken(): void;
  /** The login's token endpoints (code exchange, long-lived exchange, refresh) and token store. */
  readonly oauth: GraphTokenEndpoints;
}

/** A comment on one of the account's media (own comments are also posts: see `posts()`). */
export interface InstagramSimComment {
  id: string;
  mediaId: string;
  parentId?: string;
  text: string;
  username: string;
  userId: string;
  createdAtMs: number;
  hidden: boolean;
}

const IG_USER_ID = '17841405822304914';
const HANDLE = 'smm_studio';
const FB_USER_ID = '10160000000000001';
const PAGE_ID = '104000000000001';
const HOSTS: Record<InstagramLogin, string> = { facebook: 'https://graph.facebook.com', instagram: 'https://graph.instagram.com' };
const VERSION = /^v\d{1,3}\.\d{1,2}$/;

/**
 * A simulator of the Instagram Platform's Graph endpoints for one professional account, on the
 * Facebook Login host (`graph.facebook.com`) or the Instagram Login host (`graph.instagram.com`):
 * containers (`POST /<IG_ID>/media`: image, video/reel, story, carousel items and carousel),
 * their status (`GET /<CONTAINER_ID>?fields=status_code`), `media_publish`,
 * `content_publishing_limit`, the account's media, stories and tags, comments and replies, media
 * and account insights (only metrics Meta still serves), and `DELETE /<IG_MEDIA_ID>` (Facebook
 * Login only). Requests are checked against Meta's codegen node specs (IGUser, IGMedia, IGComment)
 * and answered off-spec the way Graph does (code 100). Media must sit on a public URL: the
 * simulator "fetches" `image_url`/`video_url` from its media host (`sim.mediaHost`) or any other
 * https URL, and a container whose URL cannot be fetched ends in `ERROR`. Faults: expired token
 * (190/463), BUC throttling (80002 with `X-Business-Use-Case-Usage` and
 * `estimated_time_to_regain_access`), the publishing cap (9/2207042), container ERROR / EXPIRED /
 * stuck (`sim.containers.faults`), lost answers and 5xx (`sim.faults`).
 *
 * @example
 * ```ts
 * const sim = createInstagramSimulator({ clock, login: 'instagram' });
 * const adapter = createInstagramAdapter({ login: 'instagram', baseUrl: sim.baseUrl, mediaHost: sim.mediaHost });
 * ```
 */
export function createInstagramSimulator(options: InstagramSimulatorOptions = {}): InstagramSimulator {
  const clock = options.clock ?? systemClock;
  const login = options.login ?? 'facebook';
  const baseUrl = (options.baseUrl ?? HOSTS[login]).replace(/\/+$/, '');
  const world = createWorld({
    clock,
    seed: options.seed ?? 1,
    handle: HANDLE,
    mentionBacklog: options.mentionBacklog ?? 12,
    mentionEveryMs: 0,
  });
  const mediaHost = createPublicMediaHost(options.mediaBaseUrl ?? baseUrl);
  const containers = createContainerStore<InstagramContainerPayload>({ clock, newId: counter('1789') });
  const publishingLimit = createPublishingLimit({
    clock,
    network: 'instagram',
    ...(options.publishingLimit ? { posts: options.publishingLimit } : {}),
  });
  const usage = createGraphUsageMeter({ clock, limit: options.callsPerHour ?? 4_800, usage: { kind: 'buc', type: 'instagram' } });
  const newMediaId = counter('1790');
  const newCommentId = counter('1791');
  const ownComments: InstagramSimComment[] = [];
  // Facebook Login: a Facebook user reaches the IG account through its Page; Instagram Login: the IG user itself.
  const oauth = createGraphTokenEndpoints({ kind: login, clock, subject: login === 'facebook' ? FB_USER_ID : IG_USER_ID });
  const token = oauth.tokens.issue(login === 'facebook' ? FB_USER_ID : IG_USER_ID, 'long').token;

  // Tagged media (the `mention` backlog) and comments from others (world replies) get stable Graph ids.
  const taggedId = (key: string) => `1795${String(Number(key.replace(/\D+/g, '')) + 1).padStart(13, '0')}`;
  const commentIdOf = (key: string) => `1796${String(hash(key)).padStart(13, '0').slice(-13)}`;

  const ownMedia = () => world.posts.filter((post) => !post.deleted && post.extra.node === 'media');
  const mediaOf = (id: string) => ownMedia().find((post) => post.id === id);
  const othersComments = (mediaId: string): InstagramSimComment[] =>
    world
      .mentions()
      .filter((mention) => mention.kind === 'reply' && mention.postId === mediaId)
      .map((mention) => ({
        id: commentIdOf(mention.key),
        mediaId,
        text: mention.text,
        username: mention.author.handle,
        userId: String(17_841_400_000_000 + mention.author.index),
        createdAtMs: mention.createdAtMs,
        hidden: false,
      }));
  const commentsOn = (mediaId: string) =>
    [
      ...othersComments(mediaId),
      ...ownComments.filter((comment) => comment.mediaId === mediaId && comment.parentId === undefined && !isDeleted(comment.id)),
    ].sort((a, b) => a.createdAtMs - b.createdAtMs);
  // A thread under a comment: the account's replies, and others' replies to the account's own comment.
  const repliesTo = (commentId: string): InstagramSimComment[] => {
    const own = ownComments.find((comment) => comment.id === commentId);
    const others = own
      ? world
          .mentions()
          .filter((mention) => mention.kind === 'reply' && mention.postId === commentId)
          .map((mention) => ({
            id: commentIdOf(mention.key),
            mediaId: own.mediaId,
            parentId: commentId,
            text: mention.text,
            username: mention.author.handle,
            userId: String(17_841_400_000_000 + mention.author.index),
            createdAtMs: mention.createdAtMs,
            hidden: false,
          }))
      : [];
    return [...others, ...ownComments.filter((comment) => comment.parentId === commentId && !isDeleted(comment.id))].sort(
      (a, b) => a.createdAtMs - b.createdAtMs,
    );
  };
  const isDeleted = (id: string) => world.posts.find((post) => post.id === id)?.deleted === true;
  const commentById = (id: string): InstagramSimComment | undefined => {
    const own = ownComments.find((comment) => comment.id === id && !isDeleted(id));
    if (own) return own;
    for (const media of ownMedia()) {
      const found = othersComments(media.id).find((comment) => comment.id === id);
      if (found) return found;
    }
    return undefined;
  };
  const tagged = () =>
    world
      .mentions()
      .filter((mention) => mention.kind === 'mention')
      .map((mention) => ({
        id: taggedId(mention.key),
        caption: mention.text,
        media_type: 'IMAGE',
        username: mention.author.handle,
        timestamp: graphTime(mention.createdAtMs),
        permalink: `https://www.instagram.com/p/T${taggedId(mention.key).slice(-8)}/`,
      }))
      .reverse();

  // ----- rendering nodes with the `fields` asked for (Graph returns only those, `id` always) -----
  const renderMedia = (post: SimPost): Record<string, unknown> => ({
    id: post.id,
    caption: post.text,
    media_type: post.extra.mediaType,
    media_product_type: post.extra.productType,
    permalink: post.extra.permalink,
    shortcode: post.extra.shortcode,
    timestamp: graphTime(post.createdAtMs),
    username: HANDLE,
    owner: { id: IG_USER_ID },
    like_count: world.counters(post).likes,
    comments_count: commentsOn(post.id).length,
    is_comment_enabled: true,
    ...(typeof post.extra.altText === 'string' ? { alt_text: post.extra.altText } : {}),
    ...(post.mediaIds[0] ? { media_url: post.mediaIds[0] } : {}),
  });
  const renderComment = (comment: InstagramSimComment): Record<string, unknown> => ({
    id: comment.id,
    text: comment.text,
    username: comment.username,
    from: { id: comment.userId, username: comment.username },
    timestamp: graphTime(comment.createdAtMs),
    media: { id: comment.mediaId },
    hidden: comment.hidden,
    like_count: 0,
    ...(comment.parentId ? { parent_id: comment.parentId } : {}),
  });
  const renderUser = (): Record<string, unknown> => ({
    id: IG_USER_ID,
    user_id: IG_USER_ID,
    username: HANDLE,
    name: 'SMM Studio',
    followers_count: world.followers(),
    follows_count: world.following(),
    media_count: ownMedia().length,
    profile_picture_url: 'https://www.instagram.com/static/images/profile.jpg',
    biography: 'Simulated professional account',
  });
  const renderContainer = (container: GraphContainer<InstagramContainerPayload>): Record<string, unknown> => ({
    id: container.id,
    status_code: container.status,
    status:
      container.status === 'ERROR'
        ? `Error: ${container.errorMessage ?? 'Media could not be processed'}`
        : container.status === 'EXPIRED'
          ? 'Expired: the container was not published within 24 hours'
          : container.status === 'FINISHED'
            ? 'Finished: Media has been uploaded and it is ready to be published.'
            : container.status === 'PUBLISHED'
              ? 'Published: Media has been successfully published.'
              : 'In Progress: Media is still being processed.',
  });

  // ----- the routes -----
  const node = (request: SimRequest) => request.params.id!;
  // Graph reads parameters from the query and the body alike; the routes below read them as strings.
  const params = (request: SimRequest): Record<string, string> => {
    const out: Record<string, string> = {};
    const raw = graphParams(request);
    for (const name of Object.keys(raw)) {
      const value = graphParam(raw, name) ?? (raw[name] === undefined ? undefined : JSON.stringify(raw[name]));
      if (value !== undefined && name !== 'access_token') out[name] = value;
    }
    return out;
  };
  // Every request is held to Meta's codegen node spec first (names, required ones, enums, types, `fields`).
  const check = (request: SimRequest, node: MetaNode, edge: string | null, extraFields: readonly string[] = []) =>
    checkGraphRequest(node, edge, request.method, graphParams(request), { objectId: request.params.id!, extraFields });
  const answer = (request: SimRequest, node: MetaNode, render: () => Record<string, unknown>, extraFields: readonly string[] = []) =>
    check(request, node, null, extraFields) ?? json(200, render());

  const getNode: SimRoute['handle'] = (request) => {
    const id = node(request);
    const p = params(request);
    // `user_id` and `account_type` are the Instagram Login `/me` fields (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/get-started).
    if (id === 'me' || id === IG_USER_ID)
      return answer(request, 'IGUser', () => pick(renderUser(), p.fields, ['id']), ['user_id', 'account_type']);
    const container = containers.poll(id);
    if (container && container.owner === IG_USER_ID) {
      return answer(request, 'ShadowIGMediaBuilder', () => pick(renderContainer(container), p.fields, ['id']));
    }
    const media = mediaOf(id);
    if (media) return answer(request, 'IGMedia', () => pick(renderMedia(media), p.fields, ['id']));
    const comment = commentById(id);
    if (comment) return answer(request, 'IGComment', () => pick(renderComment(comment), p.fields, ['id', 'text', 'timestamp']));
    return unsupportedRequest('get', id);
  };

  const deleteNode: SimRoute['handle'] = (request) => {
    const id = node(request);
    const media = mediaOf(id);
    if (media) {
      // IGMedia's DELETE (codegen spec) answers Facebook Login tokens; the Instagram Login host has no such operation.
      if (login === 'instagram') return unsupportedRequest('delete', id);
      media.deleted = true;
      return json(200, { success: true });
    }
    const own = ownComments.find((comment) => comment.id === id && !isDeleted(id));
    if (own) {
      world.posts.find((post) => post.id === id)!.deleted = true;
      return json(200, { success: true });
    }
    return unsupportedRequest('delete', id);
  };

  const userEdge =
    (edge: string, handle: (request: SimRequest, p: Record<string, string>) => Response | Promise<Response>): SimRoute['handle'] =>
    (request) => {
      const id = request.params.id!;
      if (id !== IG_USER_ID && id !== 'me') return unsupportedRequest(request.method, id);
      return check(request, 'IGUser', edge) ?? handle(request, params(request));
    };

  const createContainer = async (p: Record<string, string>): Promise<Response> => {
    const isCarouselItem = p.is_carousel_item === 'true';
    const mediaType = p.media_type ?? (p.video_url ? 'VIDEO' : 'IMAGE');
    const kind = (mediaType === 'VIDEO' && !isCarouselItem ? 'REELS' : mediaType) as InstagramContainerPayload['kind'];
    if (!['IMAGE', 'VIDEO', 'REELS', 'STORIES', 'CAROUSEL'].includes(kind)) {
      return invalidParameter(`(#100) Param media_type must be one of {CAROUSEL, REELS, STORIES, VIDEO} - got "${mediaType}".`);
    }
    if (kind === 'VIDEO' && !isCarouselItem) {
      // Since 1 July 2023 single feed videos are reels: media_type=VIDEO is for carousel items only (content publishing guide).
      return invalidParameter('(#100) The media_type VIDEO is only supported for carousel items; publish single videos as REELS.');
    }
    if (kind === 'CAROUSEL') {
      const children = (p.children ?? '').split(',').filter(Boolean);
      if (children.length < 2 || children.length > 10) {
        return invalidParameter('(#100) The parameter children must contain between 2 and 10 carousel item container ids.');
      }
      for (const child of children) {
        const found = containers.peek(child);
        if (!found || found.owner !== IG_USER_ID || !found.payload.isCarouselItem) {
          return invalidParameter(`(#100) Param children contains ${child}, which is not a carousel item container of this account.`);
        }
        // An item still processing: Instagram's "not ready" answer (9007 / 2207027); ERROR or EXPIRED items likewise refuse.
        if (found.status !== 'FINISHED') {
          return containerPublishError(found.status === 'EXPIRED' ? 'expired' : found.status === 'ERROR' ? 'error' : 'not-ready', child);
        }
      }
      const container = containers.create(
        IG_USER_ID,
        { kind, caption: p.caption ?? '', isCarouselItem: false, children },
        { finishAfterMs: 0 },
      );
      return json(200, { id: container.id });
    }
    const url = kind === 'IMAGE' ? p.image_url : (p.video_url ?? p.image_url);
    if (kind === 'IMAGE' && !p.image_url) return invalidParameter('(#100) The parameter image_url is required.');
    if ((kind === 'REELS' || kind === 'VIDEO') && !p.video_url) return invalidParameter('(#100) The parameter video_url is required.');
    if (kind === 'STORIES' && !p.image_url && !p.video_url)
      return invalidParameter('(#100) The parameter image_url or video_url is required.');
    if (p.alt_text !== undefined && kind !== 'IMAGE') {
      // "alt_text field for image posts … Reels and stories are not supported" (content publishing guide).
      return invalidParameter('(#100) The parameter alt_text is only supported for image media.');
    }
    if (isCarouselItem && p.caption !== undefined)
      return invalidParameter('(#100) Carousel items cannot have a caption; caption the carousel container.');
    const isVideo = kind !== 'IMAGE' && (kind !== 'STORIES' || p.video_url !== undefined);
    const container = containers.create(
      IG_USER_ID,
      {
        kind,
        caption: p.caption ?? '',
        url: url!,
        ...(p.alt_text !== undefined ? { altText: p.alt_text } : {}),
        isCarouselItem,
        children: [],
        ...(p.share_to_feed !== undefined ? { shareToFeed: p.share_to_feed === 'true' } : {}),
      },
      { finishAfterMs: isVideo ? (options.videoProcessingMs ?? 20_000) : (options.imageProcessingMs ?? 2_000) },
    );
    // Meta fetches the media from its URL: an unreachable file ends the container in ERROR.
    if (!(await fetchable(url!)))
      containers.faults.fail(container.id, `ERROR: Media download has failed. The media URI doesn't meet our requirements: ${url}`);
    return json(200, { id: container.id });
  };

  const fetchable = async (url: string): Promise<boolean> => {
    if (mediaHost.lookup(url)) return true;
    if (options.fetchMedia) {
      const response = await options.fetchMedia(url).catch(() => undefined);
      await response?.body?.cancel();
      return response?.ok === true;
    }
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'https:' && !parsed.hostname.endsWith('.invalid') && parsed.hostname !== 'localhost';
    } catch {
      return false;
    }
  };

  const publish = (p: Record<string, string>): Response => {
    const creationId = p.creation_id;
    if (!creationId) return invalidParameter('(#100) The parameter creation_id is required.');
    const peeked = containers.peek(creationId);
    if (peeked?.payload.isCarouselItem) return invalidParameter('(#100) A carousel item container cannot be published by itself.');
    if (peeked && peeked.status === 'FINISHED') {
      const refused = publishingLimit.check(IG_USER_ID);
      if (refused) return refused;
    }
    const result = containers.publish(
      creationId,
      IG_USER_ID,
      (container) => {
        const id = newMediaId();
        const payload = container.payload;
        const urls = payload.kind === 'CAROUSEL' ? payload.children.map((child) => containers.peek(child)!.payload.url!) : [payload.url!];
        world.addPost({
          id,
          accountId: IG_USER_ID,
          text: payload.caption,
          createdAtMs: clock.now(),
          mediaIds: urls,
          extra: {
            node: 'media',
            containerId: container.id,
            mediaType:
              payload.kind === 'CAROUSEL'
                ? 'CAROUSEL_ALBUM'
                : payload.kind === 'IMAGE'
                  ? 'IMAGE'
                  : payload.kind === 'STORIES'
                    ? payload.url && mediaHostType(payload.url) === 'video'
                      ? 'VIDEO'
                      : 'IMAGE'
                    : 'VIDEO',
            productType: payload.kind === 'STORIES' ? 'STORY' : payload.kind === 'REELS' ? 'REELS' : 'FEED',
            permalink: `https://www.instagram.com/p/C${id.slice(-9)}/`,
            shortcode: `C${id.slice(-9)}`,
            ...(payload.altText !== undefined ? { altText: payload.altText } : {}),
          },
        });
        publishingLimit.record(IG_USER_ID);
        return id;
      },
      { republish: 'error' },
    );
    if (!result.ok) return containerPublishError(result.reason, creationId);
    return json(200, { id: result.mediaId });
  };
  const mediaHostType = (url: string) => (mediaHost.lookup(url)?.mimeType.startsWith('video/') ? 'video' : 'image');

  const addComment = (mediaId: string, parentId: string | undefined, message: string | undefined): Response => {
    if (message === undefined || message === '') return invalidParameter('(#100) The parameter message is required.');
    if ([...message].length > 2_200) return invalidParameter('(#100) The comment is too long: at most 2200 characters.');
    const id = newCommentId();
    const comment: InstagramSimComment = {
      id,
      mediaId,
      text: message,
      username: HANDLE,
      userId: IG_USER_ID,
      createdAtMs: clock.now(),
      hidden: false,
      ...(parentId ? { parentId } : {}),
    };
    ownComments.push(comment);
    world.addPost({
      id,
      accountId: IG_USER_ID,
      text: message,
      createdAtMs: clock.now(),
      replyToId: parentId ?? mediaId,
      extra: { node: 'comment', mediaId },
    });
    return json(200, { id });
  };

  const insights = (post: SimPost, p: Record<string, string>): Response => {
    const type = post.extra.productType as InstagramProductType;
    const asked = (p.metric ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const allowed = INSTAGRAM_MEDIA_INSIGHTS[type];
    const wrong = asked.findIndex((name) => !allowed.includes(name));
    if (wrong >= 0) return invalidParameter(`(#100) metric[${wrong}] must be one of the following values: ${allowed.join(', ')}`);
    const values = instagramMediaMetricValues(type, world.counters(post), commentsOn(post.id).length);
    return json(200, {
      data: asked.map((name) => ({
        name,
        period: 'lifetime',
        values: [{ value: values[name] }],
        title: name,
        description: name,
        id: `${post.id}/insights/${name}/lifetime`,
      })),
    });
  };

  const accountInsights = (p: Record<string, string>): Response => {
    const asked = (p.metric ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const wrong = asked.findIndex((name) => !INSTAGRAM_ACCOUNT_INSIGHTS.includes(name));
    if (wrong >= 0)
      return invalidParameter(`(#100) metric[${wrong}] must be one of the following values: ${INSTAGRAM_ACCOUNT_INSIGHTS.join(', ')}`);
    if (p.metric_type !== 'total_value') {
      return invalidParameter(
        '(#100) The following metrics (' + asked.join(', ') + ') should be specified with parameter metric_type=total_value',
      );
    }
    const values = accountMetricValues();
    return json(200, {
      data: asked.map((name) => ({
        name,
        period: p.period,
        total_value: { value: values[name] ?? 0 },
        title: name,
        description: name,
        id: `${IG_USER_ID}/insights/${name}/${p.period}`,
      })),
    });
  };
  const accountMetricValues = (): Record<string, number> => {
    const since = clock.now() - 86_400_000;
    const recent = ownMedia().filter((post) => post.createdAtMs >= since);
    const sum = (pick: (post: SimPost) => number) => recent.reduce((total, post) => total + pick(post), 0);
    const views = sum((post) => world.counters(post).impressions);
    return { views, reach: Math.floor(views * 0.7) };
  };

  const edges: SimRoute[] = [
    { method: 'POST', path: '/:version/:id/media', handle: userEdge('media', (_r, p) => createContainer(p)) },
    { method: 'POST', path: '/:version/:id/media_publish', handle: userEdge('media_publish', (_r, p) => publish(p)) },
    {
      method: 'GET',
      path: '/:version/:id/content_publishing_limit',
      handle: userEdge('content_publishing_limit', (_r, p) =>
        json(200, publishingLimit.answer(IG_USER_ID, p.fields ?? null, p.since ?? null)),
      ),
    },
    {
      method: 'GET',
      path: '/:version/:id/media',
      handle: userEdge('media', (request, p) => {
        const items = ownMedia()
          .filter((post) => post.extra.productType !== 'STORY')
          .reverse()
          .map((post) => pick(renderMedia(post), p.fields, ['id']));
        return json(200, graphPage(items, request));
      }),
    },
    {
      method: 'GET',
      path: '/:version/:id/stories',
      handle: userEdge('stories', (request, p) => {
        const since = clock.now() - 86_400_000;
        const items = ownMedia()
          .filter((post) => post.extra.productType === 'STORY' && post.createdAtMs >= since)
          .reverse()
          .map((post) => pick(renderMedia(post), p.fields, ['id']));
        return json(200, graphPage(items, request));
      }),
    },
    {
      method: 'GET',
      path: '/:version/:id/tags',
      handle: userEdge('tags', (request, p) =>
        json(
          200,
          graphPage(
            tagged().map((item) => pick(item, p.fields, ['id'])),
            request,
          ),
        ),
      ),
    },
    { method: 'GET', path: '/:version/:id/insights', handle: insightsRoute },
    { method: 'GET', path: '/:version/:id/comments', handle: commentsRoute },
    { method: 'POST', path: '/:version/:id/comments', handle: commentsRoute },
    { method: 'GET', path: '/:version/:id/replies', handle: repliesRoute },
    { method: 'POST', path: '/:version/:id/replies', handle: repliesRoute },
    // Facebook Login: the person's Pages, each with the Instagram professional account linked to it (User `accounts` edge).
    {
      method: 'GET',
      path: '/:version/me/accounts',
      handle: (request) =>
        login !== 'facebook'
          ? unsupportedRequest('get', 'me')
          : (checkGraphRequest('User', 'accounts', 'GET', graphParams(request), { objectId: 'me' }) ??
            json(
              200,
              graphPage(
                [{ id: PAGE_ID, name: 'SMM Studio', instagram_business_account: { id: IG_USER_ID, username: HANDLE, name: 'SMM Studio' } }],
                request,
              ),
            )),
    },
    { method: 'GET', path: '/:version/:id', handle: getNode },
    { method: 'DELETE', path: '/:version/:id', handle: deleteNode },
  ];

  function insightsRoute(request: SimRequest): Response {
    const id = node(request);
    const p = params(request);
    if (id === IG_USER_ID || id === 'me') return check(request, 'IGUser', 'insights') ?? accountInsights(p);
    const media = mediaOf(id);
    if (!media) return unsupportedRequest('get', id);
    return check(request, 'IGMedia', 'insights') ?? insights(media, p);
  }
  function commentsRoute(request: SimRequest): Response {
    const id = node(request);
    const p = params(request);
    const media = mediaOf(id);
    if (!media) return unsupportedRequest(request.method, id);
    const refused = check(request, 'IGMedia', 'comments');
    if (refused) return refused;
    if (request.method === 'POST') return addComment(id, undefined, p.message);
    return json(
      200,
      graphPage(
        commentsOn(id).map((comment) => pick(renderComment(comment), p.fields, ['id', 'text', 'timestamp'])),
        request,
      ),
    );
  }
  function repliesRoute(request: SimRequest): Response {
    const id = node(request);
    const p = params(request);
    const comment = commentById(id);
    if (!comment || comment.parentId !== undefined) return unsupportedRequest(request.method, id);
    const refused = check(request, 'IGComment', 'replies');
    if (refused) return refused;
    if (request.method === 'POST') return addComment(comment.mediaId, id, p.message);
    return json(
      200,
      graphPage(
        repliesTo(id).map((reply) => pick(renderComment(reply), p.fields, ['id', 'text', 'timestamp'])),
        request,
      ),
    );
  }
  // Every route: a version in the path, a live token, then the account's BUC meter.
  const guard = (route: SimRoute): SimRoute => {
    const metered = usage.wrap(route, () => IG_USER_ID);
    return {
      ...route,
      handle: (request) => {
        if (!VERSION.test(request.params.version ?? '')) {
          return graphError(400, { code: 2500, message: `Unknown path components: /${request.params.version}` });
        }
        const auth = oauth.tokens.authenticate(request);
        if (!auth.ok) return auth.response;
        return metered.handle(request);
      },
    };
  };

  const engine = createSimulatorEngine({
    platform: 'instagram',
    baseUrl,
    clock,
    routes: [mediaHost.route, ...oauth.routes, ...edges.map(guard)],
    faultResponses: graphFaultResponses({ clock, usage: { kind: 'buc', type: 'instagram' }, businessId: IG_USER_ID }),
    // An injected expiry makes the account's token expired for good, as Meta's would be.
    onExpiredToken: () => oauth.tokens.expire(token),
  });

  return {
    ...engine,
    account: { id: IG_USER_ID, handle: HANDLE },
    credentials: { accessToken: token, clientId: oauth.app.id, clientSecret: oauth.app.secret },
    oauth,
    login,
    containers,
    publishingLimit,
    usage,
    mediaHost,
    comments: () => ownMedia().flatMap((media) => commentsOn(media.id)),
    expireToken() {
      oauth.tokens.expire(token);
    },
    posts: () => world.posts.map((post) => ({ ...post })),
    reportedPostMetrics(postId) {
      const post = mediaOf(postId);
      if (!post) return {};
      return instagramMediaMetricValues(post.extra.productType as InstagramProductType, world.counters(post), commentsOn(post.id).length);
    },
    reportedAccountMetrics: () => ({
      followers_count: world.followers(),
      follows_count: world.following(),
      media_count: ownMedia().length,
      ...accountMetricValues(),
    }),
    // What the API lists as mentions: tagged media, and comments from others on the account's media
    // (replies under the account's own comments are in those comments' `replies`).
    mentionCount: () =>
      world
        .mentions()
        .filter((mention) => mention.kind === 'mention' || (mention.postId !== undefined && mediaOf(mention.postId) !== undefined)).length,
    addMention: (input) =>
      void world.addMention({
        text: input.text,
        kind: input.kind ?? 'mention',
        ...(input.postId ? { postId: input.postId } : {}),
        ...(input.language ? { language: input.language } : {}),
      }),
  };
}

/** Graph answers only the fields asked for (`fields=a,b`), else the node's defaults. */
function pick(node: Record<string, unknown>, fields: string | undefined, defaults: string[]): Record<string, unknown> {
  const wanted = fields
    ? fields
        .split(',')
        .map((field) => field.trim())
        .filter(Boolean)
    : defaults;
  const out: Record<string, unknown> = { id: node.id };
  for (const field of wanted) if (node[field] !== undefined) out[field] = node[field];
  return out;
}

function invalidParameter(message: string): Response {
  return graphError(400, { code: 100, message, type: 'OAuthException' });
}

/** Graph timestamps: ISO 8601 with a `+0000` offset (`2019-04-05T07:56:32+0000`). */
function graphTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

function counter(prefix: string): () => string {
  let next = 1;
  return () => `${prefix}${String(next++).padStart(13, '0')}`;
}

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) % 1_000_000_007;
  return value;
}
