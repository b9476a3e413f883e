import type { Clock } from '@smm/core/clock';
import { systemClock } from '@smm/core/clock';
import { createOAuthServer } from '../oauth/index.js';
import {
  createSimulatorEngine,
  createWorld,
  hashString,
  json,
  type IncomingMention,
  type NetworkSimulator,
  type SimPost,
  type SimRequest,
  type SimRoute,
} from '../simulator/index.js';
import { renderCommentary } from './little-text-rendering.js';

/** Options of {@link createLinkedInSimulator}. */
export interface LinkedInSimulatorOptions {
  clock?: Clock;
  seed?: number | string;
  /** The API root (default `https://api.linkedin.com`). */
  baseUrl?: string;
  /** Whom the simulated account posts as: the organisation the member administers (default) or the member. */
  postAs?: 'organization' | 'person';
  /** The member's id (`urn:li:person:{id}`, default `Xq3bZ9pL0a`). */
  memberId?: string;
  /** The organisation's id (`urn:li:organization:{id}`, default `2414183`). */
  organizationId?: string;
  /** Posts the author made before the simulation starts (default 6), each with comments from others. */
  seedPosts?: number;
  /** How long a video takes to process after `finalizeUpload` (default 2 s). */
  videoProcessingMs?: number;
  /** How long a document takes to process after its upload (default 1 s). */
  documentProcessingMs?: number;
  /** Make every video fail processing (`PROCESSING_FAILED`). */
  failVideoProcessing?: boolean;
  /** The oldest `Linkedin-Version` still served (default `202511`); older ones get 426. */
  oldestVersion?: string;
}

/** The LinkedIn simulator. */
export interface LinkedInSimulator extends NetworkSimulator {
  /** A member token (60 days on LinkedIn; the simulator's does not expire) and the public test client's id. */
  readonly credentials: { accessToken: string; clientId: string };
  /** The member's and the organisation's URNs. */
  readonly urns: { member: string; organization: string };
  /** The OAuth client registered on the simulator (confidential: LinkedIn's token endpoint needs the secret). */
  readonly oauthClient: { clientId: string; clientSecret: string };
  /** The commentary a post was created with, as sent (little text). */
  commentaryOf(postId: string): string | undefined;
}

interface Upload {
  kind: 'image' | 'video' | 'document';
  owner: string;
  /** Bytes the file has (videos: declared at initializeUpload). */
  sizeBytes?: number;
  /** Video parts: the ETag of each part received. */
  parts?: Array<string | undefined>;
  uploaded: boolean;
  /** When processing ends (videos: after finalizeUpload; documents: after the upload). */
  availableAtMs?: number;
}

interface OwnComment {
  id: string;
  actor: string;
  object: string;
  parentComment?: string;
  text: string;
  createdAtMs: number;
  deleted: boolean;
}

const PART_BYTES = 4 * 1024 * 1024;
const PUBLIC_TEST_CLIENT = 'smm-linkedin-test-client';
const DAY = 86_400_000;
const SCOPES = [
  'openid',
  'profile',
  'email',
  'w_member_social',
  'r_member_social',
  'w_organization_social',
  'r_organization_social',
  'rw_organization_admin',
  'r_organization_admin',
];

/** A Rest.li error body: `{ status, serviceErrorCode?, code?, message }`. */
const restError = (status: number, message: string, code?: string, serviceErrorCode?: number) =>
  json(status, { status, ...(serviceErrorCode === undefined ? {} : { serviceErrorCode }), ...(code ? { code } : {}), message });

// 422 for a body field, as LinkedIn words it ("ERROR :: /author :: field is required but not found and has no default value").
const fieldError = (path: string, problem: string) => json(422, { message: `ERROR :: ${path} :: ${problem}\n`, status: 422 });
const REQUIRED = 'field is required but not found and has no default value';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(request: SimRequest): unknown {
  if (typeof request.body === 'string') {
    try {
      return JSON.parse(request.body);
    } catch {
      return undefined;
    }
  }
  return request.body;
}

/**
 * Simulates LinkedIn's versioned REST API (api.linkedin.com/rest) as Microsoft's LinkedIn pages
 * document it: the Posts API (`POST /rest/posts` → 201 with the URN in `x-restli-id`; get,
 * delete, the `q=author` finder), commentary rendered as LinkedIn renders little text (an
 * unescaped reserved character silently cuts the post there), the Images, Videos (parts by
 * byte range, ETags, `finalizeUpload`, PROCESSING → AVAILABLE) and Documents upload flows,
 * comments (`socialActions/{urn}/comments`, nested with `parentComment`), organisation share
 * statistics, follower counts (`networkSizes`), the member's organisation roles
 * (`organizationAcls`), OpenID `userinfo` and the OAuth 2.0 endpoints. Every `/rest` request
 * needs `Linkedin-Version: YYYYMM` (400 `VERSION_MISSING`, 426 `NONEXISTENT_VERSION`) and
 * `X-Restli-Protocol-Version: 2.0.0`; bodies are held to the documented fields and refused with
 * LinkedIn's 422 `{ "message": "ERROR :: /field :: …", "status": 422 }`. LinkedIn sends no
 * rate-limit headers: a 429 is a bare Rest.li error.
 *
 * @example
 * ```ts
 * const sim = createLinkedInSimulator({ clock: createFakeClock(), seed: 3 });
 * const server = await sim.listen(); // http://127.0.0.1:<port>
 * ```
 */
export function createLinkedInSimulator(options: LinkedInSimulatorOptions = {}): LinkedInSimulator {
  const clock = options.clock ?? systemClock;
  const baseUrl = (options.baseUrl ?? 'https://api.linkedin.com').replace(/\/+$/, '');
  const member = `urn:li:person:${options.memberId ?? 'Xq3bZ9pL0a'}`;
  const organization = `urn:li:organization:${options.organizationId ?? '2414183'}`;
  const author = options.postAs === 'person' ? member : organization;
  const videoProcessingMs = options.videoProcessingMs ?? 2_000;
  const documentProcessingMs = options.documentProcessingMs ?? 1_000;
  const oldestVersion = options.oldestVersion ?? '202511';
  const world = createWorld({ clock, seed: options.seed ?? 1, handle: 'acme', mentionBacklog: 0, mentionEveryMs: 0 });
  const validTokens = new Set(['linkedin-token-0']);
  const oauthClient = { clientId: 'smm-linkedin-client', clientSecret: 'smm-linkedin-secret' };
  const uploads = new Map<string, Upload>();
  const ownComments: OwnComment[] = [];
  let serial = 0;
  const nextId = () => String(7_100_000_000_000_000_000n + BigInt(++serial));
  // Who may act as whom: the member, and the organisation it administers.
  const mayActAs = (urn: unknown) => urn === member || urn === organization;

  const addPost = (commentary: string, createdAtMs: number, extra: Record<string, unknown> = {}, mediaIds: string[] = []) => {
    const id = `urn:li:share:${nextId()}`;
    return world.addPost({
      id,
      accountId: String(extra.author ?? author),
      text: renderCommentary(commentary).text,
      createdAtMs,
      mediaIds,
      extra: { kind: 'post', commentary, author, ...extra },
    });
  };
  for (let n = 0; n < (options.seedPosts ?? 6); n += 1) {
    addPost(`Archive update \\#${n + 1} \\(seeded\\) #news`, clock.now() - (n + 1) * DAY);
  }

  const livePosts = () => world.posts.filter((post) => !post.deleted && post.extra.kind === 'post');
  const livePost = (urn: string) => livePosts().find((post) => post.id === urn);
  const commentUrn = (object: string, id: string) => `urn:li:comment:(${object},${id})`;
  const othersComments = (post: SimPost) => world.mentions().filter((mention) => mention.postId === post.id);
  const mentionCommentId = (mention: IncomingMention) => String(6_000_000_000 + hashString(mention.key));
  const actorOf = (mention: IncomingMention) => `urn:li:person:${mention.author.handle}`;

  // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api (comment schema)
  const renderOthers = (post: SimPost, mention: IncomingMention) => ({
    id: mentionCommentId(mention),
    commentUrn: commentUrn(post.id, mentionCommentId(mention)),
    actor: actorOf(mention),
    object: post.id,
    message: { text: mention.text, attributes: [] },
    created: { actor: actorOf(mention), time: mention.createdAtMs },
    lastModified: { actor: actorOf(mention), time: mention.createdAtMs },
  });
  const renderOwn = (comment: OwnComment) => ({
    id: comment.id,
    commentUrn: commentUrn(comment.object, comment.id),
    actor: comment.actor,
    object: comment.object,
    ...(comment.parentComment ? { parentComment: comment.parentComment } : {}),
    message: { text: comment.text, attributes: [] },
    created: { actor: comment.actor, time: comment.createdAtMs },
    lastModified: { actor: comment.actor, time: comment.createdAtMs },
  });
  /** Comments under a post (first level) or under a comment (its replies), oldest first. */
  const commentsUnder = (target: string) => {
    const parent = /^urn:li:comment:\((.+),([^,()]+)\)$/.exec(target);
    const object = parent ? parent[1]! : target;
    const post = livePost(object);
    if (!post) return undefined;
    const own = ownComments.filter(
      (comment) => !comment.deleted && comment.object === object && (comment.parentComment ?? object) === target,
    );
    const others = parent ? [] : othersComments(post).map((mention) => ({ at: mention.createdAtMs, body: renderOthers(post, mention) }));
    return [...others, ...own.map((comment) => ({ at: comment.createdAtMs, body: renderOwn(comment) }))]
      .sort((a, b) => a.at - b.at)
      .map((entry) => entry.body);
  };
  const findComment = (urn: string) => {
    const parent = /^urn:li:comment:\((.+),([^,()]+)\)$/.exec(urn);
    if (!parent) return undefined;
    const post = livePost(parent[1]!);
    if (!post) return undefined;
    return [...(commentsUnder(post.id) ?? []), ...ownComments.filter((c) => !c.deleted && c.object === post.id).map(renderOwn)].find(
      (comment) => comment.id === parent[2],
    );
  };

  const statistics = (post: SimPost) => {
    const counters = world.counters(post);
    const comments = othersComments(post).length + ownComments.filter((c) => !c.deleted && c.object === post.id).length;
    const clickCount = counters.linkClicks;
    const interactions = clickCount + counters.likes + comments + counters.reposts;
    return {
      impressionCount: counters.impressions,
      uniqueImpressionsCount: Math.floor(counters.impressions * 0.72),
      clickCount,
      likeCount: counters.likes,
      commentCount: comments,
      shareCount: counters.reposts,
      // (clicks + likes + comments + shares) / impressions, as the share statistics page defines it.
      engagement: counters.impressions === 0 ? 0 : interactions / counters.impressions,
    };
  };

  const mediaStatus = (upload: Upload) => {
    if (!upload.uploaded) return 'WAITING_UPLOAD';
    if (upload.availableAtMs === undefined) return upload.kind === 'video' ? 'WAITING_UPLOAD' : 'AVAILABLE';
    if (clock.now() < upload.availableAtMs) return 'PROCESSING';
    return upload.kind === 'video' && options.failVideoProcessing ? 'PROCESSING_FAILED' : 'AVAILABLE';
  };

  type Handler = (request: SimRequest) => Response | Promise<Response>;

  const authorized = (request: SimRequest) => {
    const header = request.headers.authorization ?? '';
    return header.startsWith('Bearer ') && validTokens.has(header.slice(7));
  };

  /**
   * Every versioned endpoint: a valid bearer token (401 `INVALID_ACCESS_TOKEN`, serviceErrorCode 65600),
   * `Linkedin-Version` (https://learn.microsoft.com/en-us/linkedin/marketing/versioning) and
   * `X-Restli-Protocol-Version: 2.0.0` (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/protocol-version).
   */
  const rest =
    (handler: Handler): Handler =>
    (request) => {
      if (!authorized(request)) return restError(401, 'Invalid access token', 'INVALID_ACCESS_TOKEN', 65600);
      const version = request.headers['linkedin-version'];
      if (version === undefined || version === '') {
        return restError(
          400,
          'A version must be present. Please specify a version by adding the LinkedIn-Version header.',
          'VERSION_MISSING',
        );
      }
      if (!/^\d{6}(\.\d{2})?$/.test(version) || version.slice(0, 6) < oldestVersion || Number(version.slice(4, 6)) > 12) {
        return restError(426, `Requested version ${version} is not active`, 'NONEXISTENT_VERSION');
      }
      if (request.headers['x-restli-protocol-version'] !== '2.0.0') {
        return restError(400, 'X-Restli-Protocol-Version must be 2.0.0 for this resource', 'ILLEGAL_ARGUMENT');
      }
      return handler(request);
    };

  const paging = (request: SimRequest, defaultCount: number) => {
    const start = Number(request.searchParams.get('start') ?? 0);
    const count = Number(request.searchParams.get('count') ?? defaultCount);
    if (!Number.isInteger(start) || start < 0) return restError(400, 'start must be a non-negative integer', 'ILLEGAL_ARGUMENT');
    if (!Number.isInteger(count) || count < 0 || count > 100) return restError(400, 'count must be between 0 and 100', 'ILLEGAL_ARGUMENT');
    return { start, count };
  };

  const renderPost = (post: SimPost) => ({
    id: post.id,
    author: post.extra.author,
    commentary: post.extra.commentary,
    visibility: post.extra.visibility ?? 'PUBLIC',
    distribution: post.extra.distribution ?? { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
    lifecycleState: 'PUBLISHED',
    isReshareDisabledByAuthor: post.extra.isReshareDisabledByAuthor ?? false,
    ...(post.extra.content ? { content: post.extra.content } : {}),
    createdAt: post.createdAtMs,
    publishedAt: post.createdAtMs,
    lastModifiedAt: post.createdAtMs,
  });

  /** A media URN in `content` must be an upload of the author's that finished processing. */
  const mediaProblem = (path: string, urn: unknown, owner: string, kinds: Upload['kind'][]) => {
    if (typeof urn !== 'string') return fieldError(path, REQUIRED);
    const upload = uploads.get(urn);
    if (!upload || !kinds.includes(upload.kind)) return fieldError(path, `${urn} is not a valid ${kinds.join(' or ')} URN`);
    if (upload.owner !== owner)
      return restError(403, `Not enough permissions to use ${urn}: its owner is not the post's author`, 'ACCESS_DENIED', 100);
    const status = mediaStatus(upload);
    if (status !== 'AVAILABLE') return fieldError(path, `${urn} is not AVAILABLE (status ${status})`);
    return undefined;
  };

  // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api#create-a-post
  const createPost: Handler = (request) => {
    const body = parseJson(request);
    if (!isObject(body)) return restError(400, 'The request body must be a JSON object', 'ILLEGAL_ARGUMENT');
    for (const field of ['author', 'commentary', 'visibility', 'distribution', 'lifecycleState'] as const) {
      if (body[field] === undefined) return fieldError(`/${field}`, REQUIRED);
    }
    if (!mayActAs(body.author)) {
      return restError(
        403,
        'Unpermitted fields present in REQUEST_BODY: Data Processing Exception while processing fields [/author]',
        'ACCESS_DENIED',
        100,
      );
    }
    if (typeof body.commentary !== 'string') return fieldError('/commentary', 'not a string');
    if (body.commentary.length > 3_000) return fieldError('/commentary', 'length of commentary exceeds 3000 characters');
    if (!['PUBLIC', 'CONNECTIONS', 'LOGGED_IN', 'CONTAINER'].includes(String(body.visibility))) {
      return fieldError('/visibility', `${String(body.visibility)} is not one of PUBLIC, CONNECTIONS, LOGGED_IN, CONTAINER`);
    }
    if (body.visibility === 'CONNECTIONS' && body.author === organization) {
      return fieldError('/visibility', 'CONNECTIONS visibility is only available for member authors');
    }
    const distribution = body.distribution;
    if (!isObject(distribution) || distribution.feedDistribution === undefined)
      return fieldError('/distribution/feedDistribution', REQUIRED);
    if (!['MAIN_FEED', 'NONE'].includes(String(distribution.feedDistribution))) {
      return fieldError('/distribution/feedDistribution', `${String(distribution.feedDistribution)} is not one of MAIN_FEED, NONE`);
    }
    for (const list of ['targetEntities', 'thirdPartyDistributionChannels'] as const) {
      if (distribution[list] !== undefined && !Array.isArray(distribution[list]))
        return fieldError(`/distribution/${list}`, 'not an array');
    }
    if (body.lifecycleState !== 'PUBLISHED') return fieldError('/lifecycleState', `${String(body.lifecycleState)} is not PUBLISHED`);
    const owner = String(body.author);
    const mediaIds: string[] = [];
    if (body.content !== undefined) {
      const content = body.content;
      if (!isObject(content)) return fieldError('/content', 'not an object');
      if (isObject(content.media)) {
        const problem = mediaProblem('/content/media/id', content.media.id, owner, ['image', 'video', 'document']);
        if (problem) return problem;
        if (uploads.get(String(content.media.id))!.kind === 'document' && typeof content.media.title !== 'string') {
          return fieldError('/content/media/title', REQUIRED);
        }
        mediaIds.push(String(content.media.id));
      } else if (isObject(content.multiImage)) {
        const images = content.multiImage.images;
        if (!Array.isArray(images) || images.length < 2 || images.length > 20) {
          return fieldError('/content/multiImage/images', 'a multiImage post takes 2 to 20 images');
        }
        for (const [index, image] of images.entries()) {
          const problem = mediaProblem(`/content/multiImage/images/${index}/id`, isObject(image) ? image.id : undefined, owner, ['image']);
          if (problem) return problem;
          mediaIds.push(String((image as { id: string }).id));
        }
      } else if (isObject(content.article)) {
        if (typeof content.article.source !== 'string') return fieldError('/content/article/source', REQUIRED);
        if (typeof content.article.title !== 'string') return fieldError('/content/article/title', REQUIRED);
      } else {
        return fieldError('/content', 'one of media, multiImage, article, poll is required');
      }
    }
    const post = addPost(
      body.commentary,
      clock.now(),
      {
        author: owner,
        visibility: body.visibility,
        distribution,
        isReshareDisabledByAuthor: body.isReshareDisabledByAuthor === true,
        ...(body.content === undefined ? {} : { content: body.content }),
      },
      mediaIds,
    );
    return new Response(null, { status: 201, headers: { 'x-restli-id': post.id, 'x-linkedin-id': post.id } });
  };

  // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api#find-posts-by-authors
  const findPosts: Handler = (request) => {
    if (request.searchParams.get('q') !== 'author') return restError(400, 'q must be author for this finder', 'ILLEGAL_ARGUMENT');
    const by = request.searchParams.get('author');
    if (!by) return restError(400, 'author is required', 'ILLEGAL_ARGUMENT');
    const page = paging(request, 10);
    if (page instanceof Response) return page;
    const posts = livePosts()
      .filter((post) => post.extra.author === by)
      .sort((a, b) => b.createdAtMs - a.createdAtMs);
    return json(200, {
      paging: { start: page.start, count: page.count, total: posts.length, links: [] },
      elements: posts.slice(page.start, page.start + page.count).map(renderPost),
    });
  };

  const getPost: Handler = (request) => {
    const post = livePost(request.params.urn!);
    return post ? json(200, renderPost(post)) : restError(404, `Post ${request.params.urn} does not exist`, 'NOT_FOUND');
  };

  const deletePost: Handler = (request) => {
    const post = livePost(request.params.urn!);
    if (!post) return restError(404, `Post ${request.params.urn} does not exist`, 'NOT_FOUND');
    if (!mayActAs(post.extra.author)) return restError(403, 'Not enough permissions to delete this post', 'ACCESS_DENIED', 100);
    post.deleted = true;
    return new Response(null, { status: 204 });
  };

  const initializeUpload =
    (kind: Upload['kind']): Handler =>
    (request) => {
      if (request.searchParams.get('action') !== 'initializeUpload') {
        if (kind === 'video' && request.searchParams.get('action') === 'finalizeUpload') return finalizeVideo(request);
        return restError(400, `action must be initializeUpload${kind === 'video' ? ' or finalizeUpload' : ''}`, 'ILLEGAL_ARGUMENT');
      }
      const body = parseJson(request);
      const init = isObject(body) ? body.initializeUploadRequest : undefined;
      if (!isObject(init)) return fieldError('/initializeUploadRequest', REQUIRED);
      if (init.owner === undefined) return fieldError('/initializeUploadRequest/owner', REQUIRED);
      if (!mayActAs(init.owner)) return restError(403, 'Not enough permissions to upload for this owner', 'ACCESS_DENIED', 100);
      const id = `${kind === 'image' ? 'C4E' : kind === 'video' ? 'C5F' : 'D4D'}10AQ${nextId()}`;
      const urn = `urn:li:${kind}:${id}`;
      const expires = clock.now() + DAY;
      if (kind === 'video') {
        const size = init.fileSizeBytes;
        if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0)
          return fieldError('/initializeUploadRequest/fileSizeBytes', REQUIRED);
        const count = Math.ceil(size / PART_BYTES);
        uploads.set(urn, {
          kind,
          owner: String(init.owner),
          sizeBytes: size,
          parts: Array.from({ length: count }, () => undefined),
          uploaded: false,
        });
        return json(200, {
          value: {
            uploadUrlsExpireAt: expires,
            video: urn,
            uploadInstructions: Array.from({ length: count }, (_, part) => ({
              uploadUrl: `${request.origin}/dms-uploads/video/${id}/part/${part}`,
              firstByte: part * PART_BYTES,
              lastByte: Math.min(size, (part + 1) * PART_BYTES) - 1,
            })),
            uploadToken: '',
          },
        });
      }
      uploads.set(urn, { kind, owner: String(init.owner), uploaded: false });
      return json(200, { value: { uploadUrlExpiresAt: expires, uploadUrl: `${request.origin}/dms-uploads/${kind}/${id}`, [kind]: urn } });
    };

  // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api#finalize-video-upload
  const finalizeVideo: Handler = (request) => {
    const body = parseJson(request);
    const finalize = isObject(body) ? body.finalizeUploadRequest : undefined;
    if (!isObject(finalize) || typeof finalize.video !== 'string') return fieldError('/finalizeUploadRequest/video', REQUIRED);
    const upload = uploads.get(finalize.video);
    if (!upload || upload.kind !== 'video') return restError(404, `Video ${finalize.video} does not exist`, 'NOT_FOUND');
    if (!Array.isArray(finalize.uploadedPartIds)) return fieldError('/finalizeUploadRequest/uploadedPartIds', REQUIRED);
    const expected = upload.parts ?? [];
    if (expected.some((etag) => etag === undefined) || JSON.stringify(expected) !== JSON.stringify(finalize.uploadedPartIds)) {
      return restError(400, 'uploadedPartIds must list the ETag of every uploaded part, in order', 'ILLEGAL_ARGUMENT');
    }
    upload.uploaded = true;
    upload.availableAtMs ??= clock.now() + videoProcessingMs;
    return json(200, {});
  };

  const uploadBytes: Handler = (request) => {
    if (!authorized(request)) return restError(401, 'Invalid access token', 'INVALID_ACCESS_TOKEN', 65600);
    const kind = request.params.kind as Upload['kind'];
    const upload = uploads.get(`urn:li:${kind}:${request.params.id}`);
    if (!upload || upload.kind !== kind) return restError(404, 'Upload URL is not valid', 'NOT_FOUND');
    if (kind === 'video') {
      const part = Number(request.params.part);
      const expected = Math.min(upload.sizeBytes!, (part + 1) * PART_BYTES) - part * PART_BYTES;
      if (!Number.isInteger(part) || part < 0 || part >= upload.parts!.length)
        return restError(404, 'Upload URL is not valid', 'NOT_FOUND');
      if (request.bodySize !== expected) {
        return restError(
          400,
          `part ${part} must be bytes ${part * PART_BYTES} to ${part * PART_BYTES + expected - 1} (${expected} bytes); got ${request.bodySize}`,
          'ILLEGAL_ARGUMENT',
        );
      }
      const etag = `/ambry-video/signedId/${request.params.id}-${part}`;
      upload.parts![part] = etag;
      return new Response(null, { status: 200, headers: { etag } });
    }
    if (request.bodySize === 0) return restError(400, 'The upload is empty', 'ILLEGAL_ARGUMENT');
    upload.uploaded = true;
    upload.sizeBytes = request.bodySize;
    if (kind === 'document') upload.availableAtMs = clock.now() + documentProcessingMs;
    return new Response(null, { status: 201 });
  };

  const getUpload =
    (kind: Upload['kind']): Handler =>
    (request) => {
      const upload = uploads.get(request.params.urn!);
      if (!upload || upload.kind !== kind) return restError(404, `${request.params.urn} does not exist`, 'NOT_FOUND');
      return json(200, { id: request.params.urn, owner: upload.owner, status: mediaStatus(upload) });
    };

  // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api
  const listComments: Handler = (request) => {
    const page = paging(request, 10);
    if (page instanceof Response) return page;
    const all = commentsUnder(request.params.urn!);
    if (!all) return restError(404, `${request.params.urn} does not exist`, 'NOT_FOUND');
    return json(200, {
      paging: { start: page.start, count: page.count, total: all.length, links: [] },
      elements: all.slice(page.start, page.start + page.count),
    });
  };

  const createComment: Handler = (request) => {
    const target = request.params.urn!;
    const body = parseJson(request);
    if (!isObject(body)) return restError(400, 'The request body must be a JSON object', 'ILLEGAL_ARGUMENT');
    if (body.actor === undefined) return fieldError('/actor', REQUIRED);
    if (!mayActAs(body.actor)) return restError(403, 'Not enough permissions to comment as this actor', 'ACCESS_DENIED', 100);
    if (!isObject(body.message) || typeof body.message.text !== 'string') return fieldError('/message/text', REQUIRED);
    const nested = target.startsWith('urn:li:comment:');
    if (nested) {
      if (body.parentComment !== target) return fieldError('/parentComment', `must be ${target}, the comment replied to`);
      if (!findComment(target)) return restError(404, `${target} does not exist`, 'NOT_FOUND');
    }
    const object = nested ? /^urn:li:comment:\((.+),[^,()]+\)$/.exec(target)![1]! : target;
    if (body.object !== undefined && body.object !== object) return fieldError('/object', `must be ${object}`);
    if (!livePost(object)) return restError(404, `${object} does not exist`, 'NOT_FOUND');
    const comment: OwnComment = {
      id: nextId(),
      actor: String(body.actor),
      object,
      ...(nested ? { parentComment: target } : {}),
      text: body.message.text,
      createdAtMs: clock.now(),
      deleted: false,
    };
    ownComments.push(comment);
    const urn = commentUrn(object, comment.id);
    world.addPost({
      id: urn,
      accountId: comment.actor,
      text: comment.text,
      createdAtMs: comment.createdAtMs,
      replyToId: target,
      extra: { kind: 'comment' },
    });
    return json(201, renderOwn(comment), { 'x-restli-id': urn });
  };

  const commentParams = (request: SimRequest) => ({ urn: commentUrn(request.params.urn!, request.params.id!) });
  const getComment: Handler = (request) => {
    const found = findComment(commentParams(request).urn);
    return found ? json(200, found) : restError(404, 'Comment does not exist', 'NOT_FOUND');
  };
  const deleteComment: Handler = (request) => {
    const { urn } = commentParams(request);
    const own = ownComments.find((comment) => !comment.deleted && commentUrn(comment.object, comment.id) === urn);
    if (!own) return restError(404, 'Comment does not exist', 'NOT_FOUND');
    if (request.searchParams.get('actor') !== own.actor) return restError(403, 'actor must be the comment author', 'ACCESS_DENIED', 100);
    own.deleted = true;
    const post = world.posts.find((entry) => entry.id === urn);
    if (post) post.deleted = true;
    return new Response(null, { status: 204 });
  };

  /** Rest.li 2.0 `List(a,b)`, items URL-decoded. */
  const restliList = (value: string | null) => {
    const match = /^List\((.*)\)$/.exec(value ?? '');
    return match ? match[1]!.split(',').filter(Boolean).map(decodeURIComponent) : undefined;
  };

  // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics
  const shareStatistics: Handler = (request) => {
    if (request.searchParams.get('q') !== 'organizationalEntity')
      return restError(400, 'q must be organizationalEntity', 'ILLEGAL_ARGUMENT');
    const entity = request.searchParams.get('organizationalEntity');
    if (!entity) return restError(400, 'organizationalEntity is required', 'ILLEGAL_ARGUMENT');
    if (entity !== organization)
      return restError(403, 'Not enough permissions to access: organizationalEntityShareStatistics', 'ACCESS_DENIED', 100);
    const shares = restliList(request.searchParams.get('shares')) ?? [];
    const ugcPosts = restliList(request.searchParams.get('ugcPosts')) ?? [];
    if (request.searchParams.has('shares') && shares.length === 0) return restError(400, 'shares must be List(urn,…)', 'ILLEGAL_ARGUMENT');
    const asked = [...shares.map((urn) => ['share', urn] as const), ...ugcPosts.map((urn) => ['ugcPost', urn] as const)];
    const elements =
      asked.length === 0
        ? [
            {
              organizationalEntity: entity,
              totalShareStatistics: sum(
                livePosts()
                  .filter((post) => post.extra.author === entity)
                  .map(statistics),
              ),
            },
          ]
        : asked.flatMap(([key, urn]) => {
            const post = livePost(urn);
            return post && post.extra.author === entity
              ? [{ organizationalEntity: entity, [key]: urn, totalShareStatistics: statistics(post) }]
              : [];
          });
    return json(200, { paging: { start: 0, count: 10, links: [] }, elements });
  };
  const sum = (all: Array<ReturnType<typeof statistics>>) => {
    const total = {
      impressionCount: 0,
      uniqueImpressionsCount: 0,
      clickCount: 0,
      likeCount: 0,
      commentCount: 0,
      shareCount: 0,
      engagement: 0,
    };
    for (const entry of all)
      for (const key of Object.keys(total) as Array<keyof typeof total>) if (key !== 'engagement') total[key] += entry[key];
    total.engagement =
      total.impressionCount === 0
        ? 0
        : (total.clickCount + total.likeCount + total.commentCount + total.shareCount) / total.impressionCount;
    return total;
  };

  // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics (networkSizes)
  const networkSize: Handler = (request) => {
    if (request.searchParams.get('edgeType') !== 'COMPANY_FOLLOWED_BY_MEMBER') {
      return restError(400, 'edgeType must be COMPANY_FOLLOWED_BY_MEMBER', 'ILLEGAL_ARGUMENT');
    }
    if (request.params.urn !== organization) return restError(404, `${request.params.urn} does not exist`, 'NOT_FOUND');
    return json(200, { firstDegreeSize: world.followers() });
  };

  // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role
  const organizationAcls: Handler = (request) => {
    if (request.searchParams.get('q') !== 'roleAssignee')
      return restError(400, 'q must be roleAssignee or organization', 'ILLEGAL_ARGUMENT');
    const role = request.searchParams.get('role');
    const state = request.searchParams.get('state');
    const acl = { roleAssignee: member, state: 'APPROVED', role: 'ADMINISTRATOR', organization };
    const elements = (role === null || role === acl.role) && (state === null || state === acl.state) ? [acl] : [];
    return json(200, { paging: { start: 0, count: 10, total: elements.length, links: [] }, elements });
  };

  // https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2 (userinfo)
  const userinfo: Handler = (request) => {
    if (!authorized(request)) return restError(401, 'Invalid access token', 'INVALID_ACCESS_TOKEN', 65600);
    return json(200, {
      sub: member.slice('urn:li:person:'.length),
      name: 'Ana Example',
      given_name: 'Ana',
      family_name: 'Example',
      locale: { country: 'US', language: 'en' },
    });
  };

  // https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow
  const oauth = createOAuthServer({
    paths: { authorize: '/oauth/v2/authorization', token: '/oauth/v2/accessToken', revoke: '/oauth/v2/revoke' },
    scopes: SCOPES,
    // LinkedIn's apps are confidential (the secret is required). The public test client exists so suites that
    // know only `sim.credentials.clientId` (the connect conformance checks) can run the flow.
    clients: [
      { ...oauthClient, redirectUris: 'loopback' },
      { clientId: PUBLIC_TEST_CLIENT, redirectUris: 'loopback' },
    ],
    requirePkce: false,
    // Programmatic refresh tokens (approved partners): 365 days; access tokens 60 days.
    refreshTokens: true,
    accessTokenTtlMs: 60 * DAY,
    tokenType: 'Bearer',
    tokenPrefix: 'li-oauth',
    now: () => clock.now(),
    tokens: { accept: (token) => void validTokens.add(token), forget: (token) => void validTokens.delete(token) },
  });

  const routes: SimRoute[] = [
    ...oauth.routes,
    { method: 'GET', path: '/v2/userinfo', handle: userinfo },
    { method: 'POST', path: '/rest/posts', handle: rest(createPost) },
    { method: 'GET', path: '/rest/posts', handle: rest(findPosts) },
    { method: 'GET', path: '/rest/posts/:urn', handle: rest(getPost) },
    { method: 'DELETE', path: '/rest/posts/:urn', handle: rest(deletePost) },
    { method: 'POST', path: '/rest/images', handle: rest(initializeUpload('image')) },
    { method: 'GET', path: '/rest/images/:urn', handle: rest(getUpload('image')) },
    { method: 'POST', path: '/rest/videos', handle: rest(initializeUpload('video')) },
    { method: 'GET', path: '/rest/videos/:urn', handle: rest(getUpload('video')) },
    { method: 'POST', path: '/rest/documents', handle: rest(initializeUpload('document')) },
    { method: 'GET', path: '/rest/documents/:urn', handle: rest(getUpload('document')) },
    { method: 'PUT', path: '/dms-uploads/:kind/:id', handle: uploadBytes },
    { method: 'PUT', path: '/dms-uploads/:kind/:id/part/:part', handle: uploadBytes },
    { method: 'GET', path: '/rest/socialActions/:urn/comments', handle: rest(listComments) },
    { method: 'POST', path: '/rest/socialActions/:urn/comments', handle: rest(createComment) },
    { method: 'GET', path: '/rest/socialActions/:urn/comments/:id', handle: rest(getComment) },
    { method: 'DELETE', path: '/rest/socialActions/:urn/comments/:id', handle: rest(deleteComment) },
    { method: 'GET', path: '/rest/organizationalEntityShareStatistics', handle: rest(shareStatistics) },
    { method: 'GET', path: '/rest/networkSizes/:urn', handle: rest(networkSize) },
    { method: 'GET', path: '/rest/organizationAcls', handle: rest(organizationAcls) },
  ];

  const engine = createSimulatorEngine({
    platform: 'linkedin',
    baseUrl,
    clock,
    routes,
    // https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits: a 429, no headers.
    faultResponses: {
      rateLimited: () =>
        restError(429, 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.', 'TOO_MANY_REQUESTS'),
      serverError: (_request, status) => restError(status, 'Internal Server Error'),
      expiredToken: () => restError(401, 'The token used in the request has expired', 'EXPIRED_ACCESS_TOKEN', 65601),
      notFound: (request) => restError(404, `No virtual resource found for ${request.path}`, 'NOT_FOUND'),
    },
    // Uploads are kept as their size only, so a long upload does not grow the simulator's memory.
    recordBody: (request) => (request.path.startsWith('/dms-uploads/') ? { bytes: request.bodySize } : request.body),
  });

  return {
    ...engine,
    account: { id: author, handle: author === organization ? 'acme' : 'ana-example' },
    credentials: { accessToken: 'linkedin-token-0', clientId: PUBLIC_TEST_CLIENT },
    urns: { member, organization },
    oauthClient,
    posts: () => world.posts.map((post) => ({ ...post })),
    commentaryOf: (postId) => {
      const commentary = world.posts.find((post) => post.id === postId)?.extra.commentary;
      return typeof commentary === 'string' ? commentary : undefined;
    },
    reportedPostMetrics(postId) {
      const post = world.posts.find((entry) => entry.id === postId && entry.extra.kind === 'post');
      return post && post.extra.author === organization ? statistics(post) : {};
    },
    reportedAccountMetrics: (): Record<string, number> => (author === organization ? { firstDegreeSize: world.followers() } : {}),
    mentionCount: () =>
      livePosts()
        .filter((post) => post.extra.author === author)
        .reduce((total, post) => total + othersComments(post).length, 0),
    addMention: (input) => {
      const target =
        input.postId ??
        livePosts()
          .filter((post) => post.extra.author === author)
          .sort((a, b) => b.createdAtMs - a.createdAtMs)[0]?.id;
      world.addMention({
        text: input.text,
        kind: 'reply',
        ...(target ? { postId: target } : {}),
        ...(input.language ? { language: input.language } : {}),
      });
    },
  };
}
