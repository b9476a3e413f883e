// A minimal two-step network ("Stepper") and its adapter, for the kit's own tests: a publish
// creates a container (`POST /v1/threads`), then publishes it (`POST /v1/threads_publish`), as
// Threads and Instagram do. Its lookup finds a published post by its text (the network keeps no
// idempotency key), so it proves the conformance suite loses the answer to *each* step: with a
// lookup that never finds anything, losing the second answer leaves two posts.
import { z } from 'zod';
import { defineAdapter, parseApiResponse, type AdapterDefinition } from '@smm/core/adapter-kit';
import type { Clock } from '@smm/core/clock';
import { ApiCallError } from '@smm/core/errors';
import { parseIsoResetHeaders } from '@smm/core/http';
import {
  createRateLimitWindows,
  createSimulatorEngine,
  createWorld,
  json,
  type NetworkSimulator,
  type SimRequest,
  type WindowState,
} from '../../simulator/index.js';

const LIMIT = { limit: 1_000, windowMs: 15 * 60_000 };

/** The Stepper simulator. */
export interface StepperSimulator extends NetworkSimulator {
  readonly credentials: { accessToken: string };
  /** Containers created, published or not. */
  containers(): number;
}

/** Creates the Stepper simulator on a clock. */
export function createStepperSimulator(options: { clock: Clock }): StepperSimulator {
  const { clock } = options;
  const baseUrl = 'https://api.stepper.example';
  const accountId = '77';
  const world = createWorld({ clock, handle: 'stepper', mentionBacklog: 0, mentionEveryMs: 0 });
  const windows = createRateLimitWindows(() => clock.now());
  const containers = new Map<string, { text: string; publishedId?: string }>();
  let serial = 0;
  const rateHeaders = (state: Pick<WindowState, 'limit' | 'remaining' | 'resetAtMs'>) => ({
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': new Date(state.resetAtMs).toISOString(),
  });
  const endpoint =
    (handler: (request: SimRequest) => { status: number; body: unknown }) =>
    (request: SimRequest): Response => {
      if (request.headers.authorization !== 'Bearer stepper-token') return json(401, { error: 'invalid token' });
      const state = windows.spend(accountId, LIMIT);
      if (!state.allowed) return json(429, { error: 'slow down' }, rateHeaders(state));
      const { status, body } = handler(request);
      return json(status, body, rateHeaders(state));
    };
  const render = (id: string) => {
    const post = world.livePost(id)!;
    return { id: post.id, text: post.text, created_at: post.createdAt };
  };

  const engine = createSimulatorEngine({
    platform: 'stepper',
    baseUrl,
    clock,
    routes: [
      {
        method: 'POST',
        path: '/v1/threads',
        handle: endpoint((request) => {
          const text = (request.body as { text?: unknown } | undefined)?.text;
          if (typeof text !== 'string' || text === '') return { status: 400, body: { error: 'text is required' } };
          const id = `c${++serial}`;
          containers.set(id, { text });
          return { status: 200, body: { id } };
        }),
      },
      {
        method: 'POST',
        path: '/v1/threads_publish',
        handle: endpoint((request) => {
          const id = String((request.body as { creation_id?: unknown } | undefined)?.creation_id ?? '');
          const container = containers.get(id);
          if (!container) return { status: 400, body: { error: `no container ${id}` } };
          // Publishing a container twice gives the same post, as Meta's APIs do.
          container.publishedId ??= world.addPost({ id: `p${++serial}`, accountId, text: container.text, createdAtMs: clock.now() }).id;
          return { status: 200, body: { id: container.publishedId } };
        }),
      },
      {
        method: 'GET',
        path: '/v1/threads',
        handle: endpoint(() => ({
          status: 200,
          body: { data: world.posts.filter((post) => !post.deleted).map((post) => render(post.id)) },
        })),
      },
      {
        method: 'GET',
        path: '/v1/posts/:id',
        handle: endpoint((request) =>
          world.livePost(request.params.id!)
            ? { status: 200, body: render(request.params.id!) }
            : { status: 404, body: { error: 'not found' } },
        ),
      },
    ],
    faultResponses: {
      rateLimited: (_request, resetAtMs) => json(429, { error: 'slow down' }, rateHeaders({ limit: LIMIT.limit, remaining: 0, resetAtMs })),
      serverError: (_request, status) => json(status, { error: 'oops' }),
      expiredToken: () => json(401, { error: 'token expired' }),
      notFound: () => json(404, { error: 'no such route' }),
    },
  });

  return {
    ...engine,
    account: { id: accountId, handle: 'stepper' },
    credentials: { accessToken: 'stepper-token' },
    posts: () => world.posts.map((post) => ({ ...post })),
    containers: () => containers.size,
    reportedPostMetrics: () => ({}),
    reportedAccountMetrics: () => ({}),
    mentionCount: () => 0,
    addMention: () => undefined,
  };
}

const PostSchema = z.object({ id: z.string(), text: z.string(), created_at: z.string() });

/**
 * The Stepper adapter. `brokenLookup`: its `doFindPublished` never finds anything (what an
 * adapter that only checks containers, or nothing at all, amounts to).
 */
export function createStepperAdapter(options: { baseUrl: string; brokenLookup?: boolean }) {
  const definition: AdapterDefinition<Record<string, never>, { accessToken: string }> = {
    platform: 'stepper',
    displayName: 'Stepper',
    capabilities: {
      content: { text: { id: 'stepper', method: 'graphemes', maxLength: 500 }, media: { maxItems: 0, kinds: [] }, threads: false },
      visibilities: ['public'],
      replies: false,
      delete: false,
      edit: false,
      polls: false,
      firstComment: false,
      nativeScheduling: false,
      directMessages: false,
      mentionKinds: [],
      postMetrics: [],
      accountMetrics: [],
      idempotency: { strategy: 'lookup' },
    },
    http: {
      baseUrl: options.baseUrl,
      parseRateLimit: parseIsoResetHeaders,
      mapError: ({ status }) => (status === 401 ? { auth: { refreshable: false } } : {}),
    },
    credentials: {
      schema: z.object({ accessToken: z.string().min(1) }),
      createProvider: ({ credentials }) => ({
        getHeaders: () => ({ authorization: `Bearer ${credentials.accessToken}` }),
        secrets: () => [credentials.accessToken],
      }),
    },
    async doPublish({ draft }, context) {
      const created = await context.http.request({
        method: 'POST',
        path: '/v1/threads',
        json: { text: draft.text },
        signal: context.signal,
      });
      const container = parseApiResponse(z.object({ id: z.string() }), created, 'stepper', 'POST /v1/threads');
      const published = await context.http.request({
        method: 'POST',
        path: '/v1/threads_publish',
        json: { creation_id: container.id },
        signal: context.signal,
      });
      const post = parseApiResponse(z.object({ id: z.string() }), published, 'stepper', 'POST /v1/threads_publish');
      return { parts: [{ id: post.id }] };
    },
    async doDelete() {
      throw new Error('capabilities.delete is false: core never calls this');
    },
    async doGetPost({ post }, context) {
      try {
        const response = await context.http.request({ path: `/v1/posts/${post.id}`, signal: context.signal });
        const found = parseApiResponse(PostSchema, response, 'stepper', 'GET /v1/posts/:id');
        return { ref: { id: found.id }, text: found.text, createdAt: found.created_at };
      } catch (error) {
        if (ApiCallError.isInstance(error) && error.status === 404) return null;
        throw error;
      }
    },
    async doListMentions() {
      return { items: [], nextCursor: null };
    },
    async doGetPostMetrics() {
      return { metrics: {} };
    },
    async doGetAccountMetrics() {
      return { metrics: {} };
    },
    // The network keeps no key: match the draft's text among the account's posts since the draft was first tried.
    async doFindPublished({ draft, since }, context) {
      if (options.brokenLookup || draft === undefined) return null;
      const response = await context.http.request({ path: '/v1/threads', signal: context.signal });
      const { data } = parseApiResponse(z.object({ data: z.array(PostSchema) }), response, 'stepper', 'GET /v1/threads');
      const found = data.find((post) => post.text === draft.text && (since === undefined || post.created_at >= since));
      return found ? { parts: [{ id: found.id }], publishedAt: found.created_at } : null;
    },
  };
  return defineAdapter(definition);
}
