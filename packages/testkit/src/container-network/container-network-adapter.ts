import { z } from 'zod';
import {
  ApiCallError,
  defineAdapter,
  parseApiResponse,
  type AdapterContext,
  type Adapter,
  type PendingPublishOutput,
  type PublishOutput,
} from '@smm/core/adapter-kit';
import type { Mention } from '@smm/core/model';

/** Options of {@link createContainerNetworkAdapter}. */
export interface ContainerNetworkAdapterOptions {
  /** The simulator's `baseUrl`, or the URL `sim.listen()` returned. */
  baseUrl: string;
  /** How long core waits for a container by default (`capabilities.pendingPublish.maxWaitMs`). Default 5 minutes. */
  maxWaitMs?: number;
}

const ContainerSchema = z.object({
  id: z.string(),
  status: z.enum(['IN_PROGRESS', 'FINISHED', 'ERROR', 'PUBLISHED']),
  progress: z.number().optional(),
  error_message: z.string().optional(),
  post_id: z.string().optional(),
});
const PostSchema = z.object({ id: z.string(), text: z.string(), created_at: z.string(), url: z.string(), marker: z.string().nullable() });
const NETWORK = 'containers';

async function publishContainer(id: string, context: AdapterContext): Promise<PublishOutput> {
  // Safe to repeat: the network answers a second publish of a container with the same post.
  const response = await context.http.request({ method: 'POST', path: `/v1/containers/${id}/publish`, signal: context.signal });
  const post = parseApiResponse(z.object({ id: z.string() }), response, NETWORK, 'POST /v1/containers/:id/publish');
  return { parts: [{ id: post.id }] };
}

/**
 * The reference adapter for {@link createContainerNetworkSimulator}, written with
 * `defineAdapter` as a third-party author would: `doPublish` creates a container and answers
 * pending with its id; `doGetPublishStatus` reads the container and publishes it once
 * `FINISHED`; `doFindPublished` finds a post by the marker (idempotency key) it was created with.
 *
 * @example
 * ```ts
 * const client = createClient({
 *   adapters: [createContainerNetworkAdapter({ baseUrl: sim.baseUrl })],
 *   accounts: [{ platform: 'containers', id: sim.account.id, handle: sim.account.handle }],
 *   credentials: { [`containers:${sim.account.id}`]: sim.credentials },
 *   fetch: sim.fetch,
 * });
 * const { published } = await client.publish(`containers:${sim.account.id}`, { text: 'Hello' });
 * ```
 */
export function createContainerNetworkAdapter(options: ContainerNetworkAdapterOptions): Adapter {
  return defineAdapter<unknown, { accessToken: string }>({
    platform: NETWORK,
    displayName: 'Container Network',
    capabilities: {
      content: { text: { id: NETWORK, method: 'graphemes', maxLength: 500 }, media: { maxItems: 0, kinds: [] }, threads: false },
      visibilities: ['public'],
      replies: false,
      delete: true,
      edit: false,
      polls: false,
      firstComment: false,
      nativeScheduling: false,
      directMessages: false,
      mentionKinds: ['mention'],
      postMetrics: ['impressions', 'likes'],
      accountMetrics: ['followers'],
      idempotency: { strategy: 'lookup' },
      pendingPublish: { maxWaitMs: options.maxWaitMs ?? 5 * 60_000 },
    },
    http: {
      baseUrl: options.baseUrl,
      mapError: ({ status, body }) => {
        const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
        return {
          ...(error?.message ? { message: error.message } : {}),
          ...(error?.code ? { platformCode: error.code } : {}),
          ...(status === 401 ? { auth: { refreshable: false } } : {}),
          // A refused container create or publish did nothing on the network.
          ...(status === 400 ? { notActedOn: true } : {}),
        };
      },
    },
    credentials: {
      schema: z.object({ accessToken: z.string().min(1) }),
      createProvider: ({ credentials }) => ({
        getHeaders: () => ({ authorization: `Bearer ${credentials.accessToken}` }),
        secrets: () => [credentials.accessToken],
      }),
    },
    async doPublish({ draft }, context): Promise<PendingPublishOutput> {
      const response = await context.http.request({
        method: 'POST',
        path: '/v1/containers',
        json: { text: draft.text, ...(context.idempotencyKey ? { marker: context.idempotencyKey } : {}) },
        signal: context.signal,
      });
      const container = parseApiResponse(ContainerSchema, response, NETWORK, 'POST /v1/containers');
      return { pending: container.id, progress: { stage: container.status } };
    },
    async doGetPublishStatus({ handle }, context) {
      const id = String(handle);
      const response = await context.http.request({ path: `/v1/containers/${id}`, signal: context.signal });
      const container = parseApiResponse(ContainerSchema, response, NETWORK, 'GET /v1/containers/:id');
      if (container.status === 'PUBLISHED' && container.post_id) return { parts: [{ id: container.post_id }] };
      if (container.status === 'FINISHED' || container.status === 'PUBLISHED') return publishContainer(id, context);
      if (container.status === 'ERROR') {
        throw new ApiCallError(
          `Container ${id} failed on the network: ${container.error_message ?? 'no reason given'}; publish the draft again.`,
          {
            status: 200,
            platform: NETWORK,
            platformCode: 'container_error',
            isRetryable: false,
          },
        );
      }
      return {
        pending: id,
        progress: { stage: container.status, ...(container.progress === undefined ? {} : { percent: container.progress }) },
      };
    },
    async doFindPublished({ idempotencyKey }, context) {
      const response = await context.http.request({ path: '/v1/posts', searchParams: { marker: idempotencyKey }, signal: context.signal });
      const { data } = parseApiResponse(z.object({ data: z.array(PostSchema) }), response, NETWORK, 'GET /v1/posts');
      const post = data[0];
      return post ? { parts: [{ id: post.id, url: post.url }], publishedAt: new Date(post.created_at).toISOString() } : null;
    },
    async doDelete({ post }, context) {
      try {
        await context.http.request({ method: 'DELETE', path: `/v1/posts/${post.id}`, signal: context.signal });
      } catch (error) {
        if (!(ApiCallError.isInstance(error) && error.status === 404)) throw error;
      }
    },
    async doGetPost({ post }, context) {
      try {
        const response = await context.http.request({ path: `/v1/posts/${post.id}`, signal: context.signal });
        const found = parseApiResponse(PostSchema, response, NETWORK, 'GET /v1/posts/:id');
        return {
          ref: { id: found.id, url: found.url },
          text: found.text,
          createdAt: new Date(found.created_at).toISOString(),
          mediaCount: 0,
        };
      } catch (error) {
        if (ApiCallError.isInstance(error) && error.status === 404) return null;
        throw error;
      }
    },
    async doListMentions({ cursor, limit }, context) {
      const response = await context.http.request({
        path: '/v1/mentions',
        searchParams: { limit: limit ?? 25, ...(cursor ? { cursor } : {}) },
        signal: context.signal,
      });
      const page = parseApiResponse(
        z.object({
          data: z.array(
            z.object({
              id: z.string(),
              text: z.string(),
              created_at: z.string(),
              author: z.object({ id: z.string(), username: z.string(), name: z.string() }),
            }),
          ),
          next_cursor: z.string().nullable(),
        }),
        response,
        NETWORK,
        'GET /v1/mentions',
      );
      const items: Mention[] = page.data.map((item) => ({
        id: item.id,
        platform: NETWORK,
        accountId: context.account.id,
        kind: 'mention',
        author: { id: item.author.id, handle: item.author.username, displayName: item.author.name },
        text: item.text,
        createdAt: new Date(item.created_at).toISOString(),
      }));
      return { items, nextCursor: page.next_cursor };
    },
    async doGetPostMetrics({ post }, context) {
      const response = await context.http.request({ path: `/v1/posts/${post.id}/insights`, signal: context.signal });
      const insights = parseApiResponse(
        z.object({ views: z.number(), likes: z.number() }),
        response,
        NETWORK,
        'GET /v1/posts/:id/insights',
      );
      return {
        metrics: { impressions: { value: insights.views, platformName: 'views' }, likes: { value: insights.likes, platformName: 'likes' } },
      };
    },
    async doGetAccountMetrics(_input, context) {
      const response = await context.http.request({ path: '/v1/me', signal: context.signal });
      const me = parseApiResponse(z.object({ followers_count: z.number() }), response, NETWORK, 'GET /v1/me');
      return { metrics: { followers: { value: me.followers_count, platformName: 'followers_count' } } };
    },
  });
}
