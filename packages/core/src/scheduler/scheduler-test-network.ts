// Shared by this folder's runner tests only (not exported from index.ts): a tiny in-memory
// network behind a real adapter and a real client, whose posts the tests count, and whose
// next publish calls can be told to fail in the ways real networks do.
import { z } from 'zod';
import { defineAdapter, type AdapterContext, type IdempotencyStrategy } from '../adapter-kit/index.js';
import { createClient, type SmmClient } from '../client/index.js';
import type { Clock } from '../clock/index.js';
import type { HttpClient } from '../http/index.js';
import { parsePostDraft } from '../model/index.js';
import type { CalendarEntry } from '../schedule-store/index.js';

export interface NetworkPost {
  id: string;
  text: string;
  key: string | undefined;
  at: number;
}

/** What the next publish call does instead of succeeding. */
export type PublishFault =
  | { kind: 'throw'; error: unknown }
  /** The post is created, then the call fails (a timeout after the server acted). */
  | { kind: 'commit-then-throw'; error: unknown }
  /** The call waits until `release` resolves, then succeeds (or, `abortable`, fails once its signal aborts). */
  | { kind: 'wait'; release: Promise<void>; abortable?: boolean };

const fakeHttp: HttpClient = {
  request: () => Promise.reject(new Error('no HTTP in these tests')),
  rateLimit: () => undefined,
  rateLimits: () => [],
  on: () => () => {},
};

export function createTestNetwork(options: { clock: Clock; strategy: IdempotencyStrategy['strategy']; lookupFaults?: unknown[] }) {
  const posts: NetworkPost[] = [];
  const publishCalls: Array<{ text: string; key: string | undefined; at: number }> = [];
  const faults: PublishFault[] = [];
  const lookupFaults = [...(options.lookupFaults ?? [])];
  let lookups = 0;
  let serial = 0;
  const idempotency: IdempotencyStrategy =
    options.strategy === 'native-key' ? { strategy: 'native-key', header: 'Idempotency-Key' } : { strategy: options.strategy };

  const create = (text: string, context: AdapterContext) => {
    // A native-key network answers a repeated key with the post it already made.
    if (options.strategy === 'native-key' && context.idempotencyKey !== undefined) {
      const existing = posts.find((post) => post.key === context.idempotencyKey);
      if (existing) return existing;
    }
    const post = { id: String(++serial), text, key: context.idempotencyKey, at: options.clock.now() };
    posts.push(post);
    return post;
  };

  const adapter = defineAdapter<Record<string, never>, { token: string }>({
    platform: 'memo',
    displayName: 'Memo',
    capabilities: {
      content: { text: { id: 'memo', method: 'code-points', maxLength: 500 }, media: { maxItems: 2, kinds: ['image'] }, threads: false },
      visibilities: ['public'],
      replies: false,
      delete: true,
      edit: false,
      polls: false,
      firstComment: false,
      nativeScheduling: false,
      directMessages: false,
      mentionKinds: ['mention'],
      postMetrics: ['likes'],
      accountMetrics: ['followers'],
      idempotency,
    },
    http: { baseUrl: 'https://memo.example' },
    credentials: {
      schema: z.object({ token: z.string().min(1) }),
      createProvider: ({ credentials }) => ({ getHeaders: () => ({ authorization: `Bearer ${credentials.token}` }) }),
    },
    async doPublish({ draft }, context) {
      publishCalls.push({ text: draft.text, key: context.idempotencyKey, at: options.clock.now() });
      const fault = faults.shift();
      if (fault?.kind === 'throw') throw fault.error;
      if (fault?.kind === 'wait') {
        const { signal } = context;
        await (fault.abortable
          ? Promise.race([
              fault.release,
              new Promise<never>((_, reject) => {
                if (signal.aborted) reject(signal.reason);
                signal.addEventListener('abort', () => reject(signal.reason), { once: true });
              }),
            ])
          : fault.release);
      }
      const post = create(draft.text, context);
      if (fault?.kind === 'commit-then-throw') throw fault.error;
      return { parts: [{ id: post.id, url: `https://memo.example/p/${post.id}` }] };
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
    async doFindPublished({ idempotencyKey }) {
      lookups += 1;
      const fault = lookupFaults.shift();
      if (fault !== undefined) throw fault;
      if (options.strategy !== 'lookup') return null; // a native-key network keeps no searchable marker
      const post = posts.find((item) => item.key === idempotencyKey);
      return post ? { parts: [{ id: post.id }] } : null;
    },
  });

  const client: SmmClient = createClient({
    adapters: [adapter],
    accounts: [{ platform: 'memo', id: 'a1', handle: 'brand' }],
    credentials: { 'memo:a1': { token: 'secret-token' } },
    clock: options.clock,
    createHttpClient: () => fakeHttp,
  });

  return {
    client,
    posts,
    publishCalls,
    faults,
    lookups: () => lookups,
    /** Keys that were posted more than once (must stay empty). */
    duplicates: () => {
      const seen = new Map<string, number>();
      for (const post of posts) seen.set(post.text, (seen.get(post.text) ?? 0) + 1);
      return [...seen].filter(([, count]) => count > 1).map(([text]) => text);
    },
  };
}

/** A `scheduled` entry for the memo account, due at `scheduledAt`, built by hand (not through the calendar). */
export function dueEntry(id: string, scheduledAt: string, overrides: Partial<CalendarEntry> = {}): CalendarEntry {
  const at = '2026-03-01T00:00:00.000Z';
  return {
    id,
    accountKey: 'memo:a1',
    platform: 'memo',
    accountId: 'a1',
    draft: parsePostDraft({ text: `post ${id} 🚀` }),
    status: 'scheduled',
    version: 1,
    scheduledAt,
    placement: 'pinned',
    createdAt: at,
    updatedAt: at,
    history: [{ from: null, to: 'scheduled', at, by: 'fixture' }],
    approvals: [],
    hold: null,
    lease: null,
    ...overrides,
  };
}
