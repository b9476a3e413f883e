// The zero-latency network of bench/scheduler.bench.ts, shared with its BullMQ worker
// processes (bench/scheduler-bullmq-worker.ts): one adapter whose doPublish records the call
// and returns at once, and an HTTP client that is never used.
import { z } from 'zod';
import { defineAdapter } from '../packages/core/src/adapter-kit/index.js';
import { createClient, type SmmClient } from '../packages/core/src/client/index.js';
import type { Clock } from '../packages/core/src/clock/index.js';
import type { HttpClient } from '../packages/core/src/http/index.js';

/** Entry `b<i>` publishes with the idempotency key `smm-entry-b<i>`; `onPublish` gets `i`. */
const KEY_PREFIX = 'smm-entry-b';

const fakeHttp: HttpClient = {
  request: () => Promise.reject(new Error('no HTTP')),
  rateLimit: () => undefined,
  rateLimits: () => [],
  on: () => () => {},
};

/** A client for account `memo:a1` whose publish calls `onPublish(i)` for entry `b<i>` and returns at once. */
export function zeroLatencyClient(onPublish: (index: number) => void, clientClock: Clock): SmmClient {
  let serial = 0;
  const adapter = defineAdapter<Record<string, never>, { token: string }>({
    platform: 'memo',
    displayName: 'Memo',
    capabilities: {
      content: { text: { id: 'memo', method: 'code-points', maxLength: 500 }, media: { maxItems: 1, kinds: ['image'] }, threads: false },
      visibilities: ['public'],
      replies: false,
      delete: false,
      edit: false,
      polls: false,
      firstComment: false,
      nativeScheduling: false,
      directMessages: false,
      mentionKinds: ['mention'],
      postMetrics: ['likes'],
      accountMetrics: ['followers'],
      idempotency: { strategy: 'native-key', header: 'Idempotency-Key' },
    },
    http: { baseUrl: 'https://memo.example' },
    credentials: { schema: z.object({ token: z.string() }), createProvider: () => ({ getHeaders: () => ({}) }) },
    async doPublish(_input, context) {
      onPublish(Number(context.idempotencyKey!.slice(KEY_PREFIX.length)));
      return { parts: [{ id: String(++serial) }] };
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
    async doFindPublished() {
      return null;
    },
  });
  return createClient({
    adapters: [adapter],
    accounts: [{ platform: 'memo', id: 'a1', handle: 'bench' }],
    credentials: { 'memo:a1': { token: 't' } },
    clock: clientClock,
    createHttpClient: () => fakeHttp,
  });
}
