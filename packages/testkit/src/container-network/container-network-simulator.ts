import type { Clock } from '@smm/core/clock';
import { systemClock } from '@smm/core/clock';
import { createSimulatorEngine, createWorld, json, type NetworkSimulator, type SimRequest, type SimRoute } from '../simulator/index.js';

/** Options of {@link createContainerNetworkSimulator}. */
export interface ContainerNetworkSimulatorOptions {
  clock?: Clock;
  seed?: number | string;
  /** Default `https://containers.example`. */
  baseUrl?: string;
  /**
   * When a container is ready: after this many status reads (`polls`), or once this much
   * simulated time passed since it was created (`ms`), whichever comes first. Default 3 polls.
   */
  finishAfter?: { polls?: number; ms?: number };
  /** Containers whose text this matches end in `ERROR` instead of `FINISHED` (the network rejected the media, say). */
  failWhen?: (text: string) => boolean;
}

/** A container as the simulator keeps it. */
export interface SimContainer {
  id: string;
  text: string;
  /** The marker (idempotency key) it was created with. */
  marker?: string;
  status: 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'PUBLISHED';
  createdAtMs: number;
  polls: number;
  /** The post it became (status `PUBLISHED`). */
  postId?: string;
}

/** A Threads/Instagram-like two-step network: create a container, wait for `FINISHED`, publish it. */
export interface ContainerNetworkSimulator extends NetworkSimulator {
  readonly credentials: { accessToken: string };
  /** Every container created, in order. */
  containers(): SimContainer[];
}

const ACCOUNT_ID = '7001';
const HANDLE = 'smm-containers';
const TOKEN = 'container-token-0';

/**
 * A simulator of a network that publishes in two steps, like Threads and Instagram:
 * `POST /v1/containers` (→ `{ id, status: 'IN_PROGRESS' }`), `GET /v1/containers/{id}`
 * (`IN_PROGRESS` → `FINISHED` after a number of reads or some clock time, or `ERROR`),
 * `POST /v1/containers/{id}/publish` (→ `{ id }` of the post; publishing the same container again
 * returns the same post, as Threads does), then `GET|DELETE /v1/posts/{id}`,
 * `GET /v1/posts?marker=` (find by the marker a post was created with), `GET /v1/posts/{id}/insights`,
 * `GET /v1/me` and `GET /v1/mentions`. Bearer token auth. For testing pending publishes.
 *
 * @example
 * ```ts
 * const sim = createContainerNetworkSimulator({ clock, finishAfter: { polls: 2 } });
 * const adapter = createContainerNetworkAdapter({ baseUrl: sim.baseUrl });
 * const server = await sim.listen(); // or createClient({ fetch: sim.fetch, … })
 * ```
 */
export function createContainerNetworkSimulator(options: ContainerNetworkSimulatorOptions = {}): ContainerNetworkSimulator {
  const clock = options.clock ?? systemClock;
  const baseUrl = options.baseUrl ?? 'https://containers.example';
  const finishPolls = options.finishAfter?.polls ?? (options.finishAfter?.ms === undefined ? 3 : Infinity);
  const finishMs = options.finishAfter?.ms ?? Infinity;
  const world = createWorld({ clock, seed: options.seed ?? 1, handle: HANDLE });
  const containers = new Map<string, SimContainer>();
  let nextContainer = 1;
  let nextPost = 1;

  const authorized = (request: SimRequest) => request.headers.authorization === `Bearer ${TOKEN}`;
  const unauthorized = () => json(401, { error: { code: 'invalid_token', message: 'The access token is invalid' } });
  const notFound = (what: string) => json(404, { error: { code: 'not_found', message: `${what} not found` } });
  const guard =
    (handle: (request: SimRequest) => Response): SimRoute['handle'] =>
    (request) =>
      authorized(request) ? handle(request) : unauthorized();

  // A container moves on only when read or published: its status depends on reads and time.
  const advance = (container: SimContainer) => {
    if (container.status !== 'IN_PROGRESS') return;
    if (container.polls >= finishPolls || clock.now() - container.createdAtMs >= finishMs) {
      container.status = options.failWhen?.(container.text) ? 'ERROR' : 'FINISHED';
    }
  };
  const render = (container: SimContainer) => ({
    id: container.id,
    status: container.status,
    ...(container.status === 'IN_PROGRESS'
      ? { progress: Math.min(99, Math.round((100 * container.polls) / Math.max(1, Math.min(finishPolls, 100)))) }
      : {}),
    ...(container.status === 'ERROR' ? { error_message: 'The media could not be processed' } : {}),
    ...(container.postId ? { post_id: container.postId } : {}),
  });
  const renderPost = (id: string) => {
    const post = world.livePost(id)!;
    return {
      id: post.id,
      text: post.text,
      created_at: post.createdAt,
      url: `${baseUrl}/p/${post.id}`,
      marker: post.idempotencyKey ?? null,
    };
  };

  const routes: SimRoute[] = [
    {
      method: 'POST',
      path: '/v1/containers',
      handle: guard((request) => {
        const body = (request.body ?? {}) as { text?: unknown; marker?: unknown };
        if (typeof body.text !== 'string' || body.text === '') {
          return json(400, { error: { code: 'invalid_parameter', message: 'text is required' } });
        }
        const container: SimContainer = {
          id: `c${nextContainer++}`,
          text: body.text,
          ...(typeof body.marker === 'string' ? { marker: body.marker } : {}),
          status: 'IN_PROGRESS',
          createdAtMs: clock.now(),
          polls: 0,
        };
        containers.set(container.id, container);
        return json(201, { id: container.id, status: container.status });
      }),
    },
    {
      method: 'GET',
      path: '/v1/containers/:id',
      handle: guard((request) => {
        const container = containers.get(request.params.id!);
        if (!container) return notFound('container');
        container.polls += 1;
        advance(container);
        return json(200, render(container));
      }),
    },
    {
      method: 'POST',
      path: '/v1/containers/:id/publish',
      handle: guard((request) => {
        const container = containers.get(request.params.id!);
        if (!container) return notFound('container');
        advance(container);
        if (container.status === 'PUBLISHED') return json(200, { id: container.postId });
        if (container.status !== 'FINISHED') {
          return json(400, {
            error: {
              code: container.status === 'ERROR' ? 'container_error' : 'container_not_ready',
              message: `container is ${container.status}`,
            },
          });
        }
        const post = world.addPost({
          id: `p${nextPost++}`,
          accountId: ACCOUNT_ID,
          text: container.text,
          createdAtMs: clock.now(),
          ...(container.marker ? { idempotencyKey: container.marker } : {}),
          extra: { containerId: container.id },
        });
        container.status = 'PUBLISHED';
        container.postId = post.id;
        return json(200, { id: post.id });
      }),
    },
    {
      method: 'GET',
      path: '/v1/posts',
      handle: guard((request) => {
        const marker = request.searchParams.get('marker');
        const found = world.posts.filter((post) => !post.deleted && (marker === null || post.idempotencyKey === marker));
        return json(200, { data: found.map((post) => renderPost(post.id)) });
      }),
    },
    {
      method: 'GET',
      path: '/v1/posts/:id',
      handle: guard((request) => (world.livePost(request.params.id!) ? json(200, renderPost(request.params.id!)) : notFound('post'))),
    },
    {
      method: 'DELETE',
      path: '/v1/posts/:id',
      handle: guard((request) => {
        const post = world.livePost(request.params.id!);
        if (!post) return notFound('post');
        post.deleted = true;
        return json(200, { deleted: true });
      }),
    },
    {
      method: 'GET',
      path: '/v1/posts/:id/insights',
      handle: guard((request) => {
        const post = world.livePost(request.params.id!);
        if (!post) return notFound('post');
        const counters = world.counters(post);
        return json(200, { views: counters.impressions, likes: counters.likes });
      }),
    },
    {
      method: 'GET',
      path: '/v1/me',
      handle: guard(() => json(200, { id: ACCOUNT_ID, username: HANDLE, followers_count: world.followers() })),
    },
    {
      method: 'GET',
      path: '/v1/mentions',
      handle: guard((request) => {
        const limit = Number(request.searchParams.get('limit') ?? 25);
        const offset = Number(request.searchParams.get('cursor') ?? 0);
        const all = world.mentions();
        const page = all.slice(offset, offset + limit).map((mention) => ({
          id: mention.key,
          text: mention.text,
          created_at: new Date(mention.createdAtMs).toISOString(),
          author: { id: String(mention.author.index), username: mention.author.handle, name: mention.author.displayName },
        }));
        return json(200, { data: page, next_cursor: offset + limit < all.length ? String(offset + limit) : null });
      }),
    },
  ];

  const engine = createSimulatorEngine({
    platform: 'containers',
    baseUrl,
    clock,
    routes,
    faultResponses: {
      rateLimited: (_request, resetAtMs) =>
        json(
          429,
          { error: { code: 'rate_limited', message: 'Too many calls' } },
          { 'retry-after': String(Math.max(1, Math.ceil((resetAtMs - clock.now()) / 1000))) },
        ),
      serverError: (_request, status) => json(status, { error: { code: 'server_error', message: 'Something went wrong' } }),
      expiredToken: () => unauthorized(),
      notFound: () => notFound('route'),
    },
  });

  return {
    ...engine,
    account: { id: ACCOUNT_ID, handle: HANDLE },
    credentials: { accessToken: TOKEN },
    containers: () => [...containers.values()].map((container) => ({ ...container })),
    posts: () => world.posts.map((post) => ({ ...post })),
    reportedPostMetrics(postId): Record<string, number> {
      const post = world.posts.find((entry) => entry.id === postId);
      if (!post) return {};
      const counters = world.counters(post);
      return { views: counters.impressions, likes: counters.likes };
    },
    reportedAccountMetrics: () => ({ followers_count: world.followers() }),
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
