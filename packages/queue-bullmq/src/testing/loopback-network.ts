import { createServer, type IncomingMessage } from 'node:http';
import { z } from 'zod';
import { defineAdapter, parseApiResponse, type Adapter } from '@smm/core/adapter-kit';

/** One post the loopback network received (duplicates included: that is what it is for). */
export interface LoopbackPost {
  id: string;
  text: string;
  /** The idempotency key the publisher sent (the entry's key). */
  key: string;
  /** `x-worker` header: which process published it. */
  worker: string;
  receivedAt: number;
}

/** A running {@link startLoopbackNetwork}. */
export interface LoopbackNetwork {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Every post received, in order. */
  posts(): readonly LoopbackPost[];
  close(): Promise<void>;
}

async function body(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text === '' ? {} : JSON.parse(text);
}

/**
 * A tiny social network on 127.0.0.1 that records every post (so a test can count
 * duplicates) and finds posts by the key they were published with (so the `lookup`
 * idempotency strategy works). `POST /posts` answers after `latencyMs`, so a process killed
 * meanwhile leaves the outcome open — the case reconciliation exists for.
 *
 * @example
 * ```ts
 * const network = await startLoopbackNetwork({ latencyMs: 20 });
 * const adapter = loopbackAdapter(network.url);
 * ```
 */
export async function startLoopbackNetwork(options: { latencyMs?: number } = {}): Promise<LoopbackNetwork> {
  const posts: LoopbackPost[] = [];
  const latencyMs = options.latencyMs ?? 0;
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const send = (status: number, json: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(json));
      };
      if (request.method === 'POST' && url.pathname === '/posts') {
        const input = (await body(request)) as { text?: string; key?: string };
        // The post exists as soon as the request arrives; the answer comes later.
        const post = {
          id: String(posts.length + 1),
          text: input.text ?? '',
          key: input.key ?? '',
          worker: String(request.headers['x-worker'] ?? ''),
          receivedAt: Date.now(),
        };
        posts.push(post);
        if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
        send(201, { id: post.id, created_at: new Date(post.receivedAt).toISOString() });
        return;
      }
      if (request.method === 'GET' && url.pathname === '/posts') {
        const key = url.searchParams.get('key') ?? '';
        send(200, {
          posts: posts
            .filter((post) => post.key === key)
            .map((post) => ({ id: post.id, created_at: new Date(post.receivedAt).toISOString() })),
        });
        return;
      }
      send(404, { error: 'not found' });
    })().catch(() => {
      response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    posts: () => posts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const PostsSchema = z.object({ posts: z.array(z.object({ id: z.string(), created_at: z.string() })) });
const CreatedSchema = z.object({ id: z.string(), created_at: z.string() });

/**
 * An smm adapter (platform `loopback`) for {@link startLoopbackNetwork}: text posts only,
 * idempotent through the `lookup` strategy (it finds a post by the key it was sent with).
 * `worker` names the publishing process in each request.
 *
 * @example
 * ```ts
 * const client = createClient({ adapters: [loopbackAdapter(network.url)], accounts: [{ platform: 'loopback', id: '1', handle: 'demo' }], credentials: { 'loopback:1': {} } });
 * ```
 */
export function loopbackAdapter(baseUrl: string, worker = ''): Adapter {
  return defineAdapter({
    platform: 'loopback',
    displayName: 'Loopback',
    capabilities: {
      content: {
        text: { id: 'loopback', method: 'graphemes', maxLength: 1_000 },
        media: { maxItems: 0, kinds: [], maxSizeBytes: {}, requireAltText: false },
        threads: false,
      },
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
    http: { baseUrl, headers: { 'x-worker': worker } },
    credentials: { schema: z.object({}), createProvider: () => ({ getHeaders: () => ({}) }) },
    async doPublish({ draft }, ctx) {
      const response = await ctx.http.request({
        method: 'POST',
        path: '/posts',
        json: { text: draft.text, key: ctx.idempotencyKey },
        signal: ctx.signal,
      });
      const created = parseApiResponse(CreatedSchema, response, 'loopback', 'POST /posts');
      return { parts: [{ id: created.id }], publishedAt: created.created_at };
    },
    async doFindPublished({ idempotencyKey }, ctx) {
      const response = await ctx.http.request({ path: '/posts', searchParams: { key: idempotencyKey }, signal: ctx.signal });
      const [first] = parseApiResponse(PostsSchema, response, 'loopback', 'GET /posts').posts;
      return first === undefined ? null : { parts: [{ id: first.id }], publishedAt: first.created_at };
    },
    async doDelete() {},
    async doGetPost() {
      return null;
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
  });
}
