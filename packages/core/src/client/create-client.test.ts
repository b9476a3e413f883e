import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { UnsupportedFeatureError, ValidationError } from '../errors/index.js';
import type { HttpClient, HttpClientOptions } from '../http/index.js';
import type { Mention } from '../model/index.js';
import { CONTENT_RULES } from '../text/index.js';
import { defineAdapter, type AdapterCapabilities, type AdapterDefinition, type PublishInput } from '../adapter-kit/index.js';
import { createClient } from './index.js';

// A tiny in-memory network: its do* methods keep posts in a Map and never touch HTTP.
function memoryNetwork(platform: string, overrides: Partial<AdapterCapabilities> = {}, extra: Partial<AdapterDefinition> = {}) {
  const posts = new Map<string, { text: string; key: string | undefined }>();
  const calls: PublishInput[] = [];
  let next = 1;
  const mentions: Mention[] = Array.from({ length: 5 }, (_, index) => ({
    id: `m${index + 1}`,
    platform,
    accountId: 'a1',
    kind: 'mention',
    author: { id: `u${index}`, handle: `user${index}` },
    text: `hi ${index}`,
    createdAt: `2026-01-0${index + 1}T10:00:00.000Z`,
  }));
  const adapter = defineAdapter<{ spoiler?: string }, { token: string }>({
    platform,
    displayName: platform.toUpperCase(),
    capabilities: {
      content: { text: { id: platform, method: 'code-points', maxLength: 10 }, media: { maxItems: 2, kinds: ['image'] }, threads: false },
      visibilities: ['public'],
      replies: true,
      delete: true,
      edit: false,
      polls: false,
      firstComment: false,
      nativeScheduling: false,
      directMessages: false,
      mentionKinds: ['mention', 'reply'],
      postMetrics: ['likes', 'shares'],
      accountMetrics: ['followers'],
      idempotency: { strategy: 'lookup' },
      ...overrides,
    },
    http: { baseUrl: (account) => `https://${platform}.example/${account.id}` },
    credentials: {
      schema: z.object({ token: z.string().min(5, { error: 'must be the access token' }) }),
      createProvider: ({ credentials }) => ({ getHeaders: () => ({ authorization: `Bearer ${credentials.token}` }) }),
    },
    networkOptionsSchema: z.object({ spoiler: z.string().max(5, { error: 'must be at most 5 characters' }) }).partial(),
    async doPublish(input, context) {
      calls.push(input);
      const id = String(next++);
      posts.set(id, { text: input.draft.text, key: context.idempotencyKey });
      return { parts: [{ id }] };
    },
    async doDelete({ post }) {
      posts.delete(post.id);
    },
    async doGetPost({ post }) {
      const found = posts.get(post.id);
      return found ? { ref: { id: post.id }, text: found.text, createdAt: '2026-01-01T00:00:00.000Z' } : null;
    },
    async doListMentions({ cursor, limit = 2 }) {
      const start = cursor ? Number(cursor) : 0;
      const items = mentions.slice(start, start + limit);
      return { items, nextCursor: start + limit < mentions.length ? String(start + limit) : null };
    },
    async doGetPostMetrics() {
      return { metrics: { likes: { value: 3, platformName: 'favs' } } };
    },
    async doGetAccountMetrics() {
      return { metrics: { followers: { value: 120, platformName: 'followers_count' } } };
    },
    async doFindPublished({ idempotencyKey }) {
      for (const [id, post] of posts) if (post.key === idempotencyKey) return { parts: [{ id }] };
      return null;
    },
    ...(extra as Partial<AdapterDefinition<{ spoiler?: string }, { token: string }>>),
  });
  return { adapter, posts, calls };
}

const fakeHttp: HttpClient = {
  request: () => Promise.reject(new Error('no HTTP in these tests')),
  rateLimit: () => undefined,
  rateLimits: () => [],
  on: () => () => {},
};

function clientFor(...networks: ReturnType<typeof memoryNetwork>[]) {
  const created: HttpClientOptions[] = [];
  const client = createClient({
    adapters: networks.map((network) => network.adapter),
    accounts: networks.map((network) => ({ platform: network.adapter.platform, id: 'a1', handle: 'brand' })),
    credentials: Object.fromEntries(networks.map((network) => [`${network.adapter.platform}:a1`, { token: 'secret-token' }])),
    createHttpClient: (options) => {
      created.push(options);
      return fakeHttp;
    },
  });
  return { client, created };
}

function caught<T>(promise: Promise<unknown>, guard: (error: unknown) => error is T): Promise<T> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => {
      if (guard(error)) return error;
      throw error;
    },
  );
}

describe('defineAdapter', () => {
  it('marks the definition as spec v1 and freezes it', () => {
    const { adapter } = memoryNetwork('memo');
    expect(adapter.specificationVersion).toBe('v1');
    expect(Object.isFrozen(adapter)).toBe(true);
  });

  it('reports every problem of a bad definition at once', () => {
    const { adapter } = memoryNetwork('memo');
    const broken = {
      ...adapter,
      platform: 'Bad Id',
      doPublish: undefined,
      capabilities: {
        ...adapter.capabilities,
        postMetrics: ['likes', 'hearts'],
        idempotency: { strategy: 'native-key' },
        directMessages: true,
      },
    } as unknown as AdapterDefinition;
    let error: unknown;
    try {
      defineAdapter(broken);
    } catch (thrown) {
      error = thrown;
    }
    expect(ValidationError.isInstance(error)).toBe(true);
    const paths = (error as ValidationError).issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual(
      ['capabilities.idempotency.header', 'capabilities.postMetrics.1', 'doPublish', 'doSendDirectMessage', 'platform'].sort(),
    );
  });
});

describe('createClient options', () => {
  it('names accounts without an adapter and missing or bad credentials, never echoing secrets', () => {
    const { adapter } = memoryNetwork('memo');
    let error: unknown;
    try {
      createClient({
        adapters: [adapter],
        accounts: [
          { platform: 'memo', id: 'a1', handle: 'one' },
          { platform: 'memo', id: 'a2', handle: 'two' },
          { platform: 'other', id: 'b', handle: 'three' },
        ],
        credentials: { 'memo:a1': { token: 'abc' } },
        createHttpClient: () => fakeHttp,
      });
    } catch (thrown) {
      error = thrown;
    }
    expect(ValidationError.isInstance(error)).toBe(true);
    const issues = (error as ValidationError).issues;
    expect(issues.map((issue) => issue.path.join('.')).sort()).toEqual(
      ['accounts.2.platform', 'credentials.memo:a1.token', 'credentials.memo:a2'].sort(),
    );
    expect((error as Error).message).not.toContain('abc');
  });

  it('names a misspelt option alone, with the option it meant, not the problems it causes', () => {
    const { adapter } = memoryNetwork('memo');
    const attempt = (options: Record<string, unknown>) => {
      try {
        createClient(options as never);
      } catch (error) {
        expect(ValidationError.isInstance(error)).toBe(true);
        return (error as ValidationError).message;
      }
      throw new Error('createClient accepted the options');
    };
    const accounts = [{ platform: 'memo', id: 'a1', handle: 'one' }];
    // `adapters` is missing only because it is misspelt: that, and no credentials error, is reported.
    expect(attempt({ adapter: [adapter], accounts, credentials: {} })).toBe(
      'Invalid createClient options (1 problem):\n  - adapter: unknown option — did you mean `adapters`?',
    );
    expect(attempt({ adapters: [adapter], accounts, credentails: { 'memo:a1': { token: 't' } } })).toBe(
      'Invalid createClient options (1 problem):\n  - credentails: unknown option — did you mean `credentials`?',
    );
  });

  it('creates one HTTP client per account with the adapter settings, and one without credentials for auth calls', async () => {
    const memo = memoryNetwork('memo', { idempotency: { strategy: 'native-key', header: 'Idempotency-Key' } });
    const { client, created } = clientFor(memo);
    await client.publish('memo:a1', { text: 'hi' });
    await client.getPost({ platform: 'memo', id: 'a1' }, { platform: 'memo', id: '1' });
    expect(created).toHaveLength(2);
    const [auth, main] = created;
    expect(auth?.credentials).toBeUndefined();
    expect(main?.baseUrl).toBe('https://memo.example/a1');
    expect(main?.idempotencyKeyHeader).toBe('Idempotency-Key');
    expect(main?.accountId).toBe('a1');
    expect(await main?.credentials?.getHeaders()).toEqual({ authorization: 'Bearer secret-token' });
  });
});

describe('publish', () => {
  it('passes the validated draft and options slice, fills refs and warns about soft gaps', async () => {
    const memo = memoryNetwork('memo');
    const { client } = clientFor(memo);
    const { published, warnings } = await client.publish('memo:a1', {
      text: 'hello',
      visibility: 'followers',
      networkOptions: { memo: { spoiler: 'cw' }, bluesky: { langs: ['en'] } },
    });
    expect(memo.calls[0]?.networkOptions).toEqual({ spoiler: 'cw' });
    expect(memo.calls[0]?.draft.tags).toEqual([]);
    expect(published.platform).toBe('memo');
    expect(published.parts).toEqual([{ platform: 'memo', id: '1', accountId: 'a1' }]);
    expect(warnings.map((warning) => warning.code).sort()).toEqual(['network_options_ignored', 'visibility_unsupported']);
  });

  it('reports every content problem at once, naming the limit and the measured length, without publishing', async () => {
    const memo = memoryNetwork('memo', {
      content: { text: { id: 'memo', method: 'code-points', maxLength: 10 }, media: { maxItems: 2, kinds: ['image'] }, threads: true },
    });
    const { client } = clientFor(memo);
    const error = await caught(
      client.publish('memo:a1', {
        text: 'abcdefghijkl',
        thread: [{ text: 'fits' }, { text: 'x'.repeat(15) }],
        networkOptions: { memo: { spoiler: 'too long' } },
      }),
      ValidationError.isInstance,
    );
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual(['text', 'thread.1.text', 'networkOptions.memo.spoiler']);
    expect(error.issues[0]?.message).toContain('12');
    expect(error.issues[0]?.message).toContain('10');
    expect(error.issues[1]?.message).toContain('15');
    expect(memo.calls).toHaveLength(0);
  });

  it('throws UnsupportedFeatureError for hard gaps: a thread, a video, a poll', async () => {
    const memo = memoryNetwork('memo');
    const { client } = clientFor(memo);
    const video = { kind: 'video', source: { type: 'url', url: 'https://cdn.example/v.mp4' }, mimeType: 'video/mp4' } as const;
    const error = await caught(
      client.publish(
        'memo:a1',
        { text: 'hi', thread: [{ text: 'two' }], media: [video] },
        { poll: { options: ['a', 'b'], durationMs: 60_000 } },
      ),
      UnsupportedFeatureError.isInstance,
    );
    expect(error.feature.split(', ').sort()).toEqual(['media.video', 'polls', 'threads']);
    expect(error.platform).toBe('memo');
    expect(memo.calls).toHaveLength(0);
  });

  it('never publishes twice with the same idempotency key (lookup strategy)', async () => {
    const memo = memoryNetwork('memo');
    const { client } = clientFor(memo);
    const first = await client.publish('memo:a1', { text: 'once' }, { idempotencyKey: 'k-1' });
    const again = await client.publish('memo:a1', { text: 'once' }, { idempotencyKey: 'k-1' });
    expect(memo.posts.size).toBe(1);
    expect(again.published.parts).toEqual(first.published.parts);
    expect(again.published.idempotencyKey).toBe('k-1');
    expect(again.warnings.map((warning) => warning.code)).toContain('already_published');
    expect((await client.findPublished('memo:a1', { idempotencyKey: 'k-1' }))?.parts).toEqual(first.published.parts);
    expect(await client.findPublished('memo:a1', { idempotencyKey: 'other' })).toBeNull();
  });

  it('catches an adapter that returns a malformed result', async () => {
    const memo = memoryNetwork('memo', {}, { doPublish: async () => ({ parts: [{ id: '' }] }) });
    const { client } = clientFor(memo);
    const error = await caught(client.publish('memo:a1', { text: 'x' }), ValidationError.isInstance);
    expect(error.message).toContain("memo adapter's doPublish");
    expect(error.issues[0]?.path).toEqual(['parts', 0, 'id']);
  });
});

describe('publishEverywhere', () => {
  it('publishes where the draft fits and rejects, without calling it, where it does not', async () => {
    const short = memoryNetwork('short');
    const long = memoryNetwork('long', {
      content: { text: { id: 'long', method: 'code-points', maxLength: 500 }, media: { maxItems: 4, kinds: ['image'] }, threads: true },
    });
    const { client } = clientFor(short, long);
    const results = await client.publishEverywhere({ text: 'a draft longer than ten', networkOptions: { long: {}, short: {} } }, [
      'short:a1',
      'long:a1',
    ]);
    expect(results.map((result) => [result.account.platform, result.status])).toEqual([
      ['short', 'rejected'],
      ['long', 'fulfilled'],
    ]);
    const [rejected, fulfilled] = results;
    expect(rejected?.status === 'rejected' && ValidationError.isInstance(rejected.reason)).toBe(true);
    expect(fulfilled?.status === 'fulfilled' && fulfilled.value.warnings).toEqual([]);
    expect(short.calls).toHaveLength(0);
    expect(long.posts.size).toBe(1);
  });
});

describe('publishEverywhere with the real text rules', () => {
  it('publishes a 300-character draft to Mastodon and rejects it for X naming 280 and 300, without calling X', async () => {
    const x = memoryNetwork('x', { content: CONTENT_RULES.x });
    const mastodon = memoryNetwork('mastodon', { content: CONTENT_RULES.mastodon });
    const { client } = clientFor(x, mastodon);
    const text = 'a'.repeat(300); // Latin letters weigh 1 on X: 300 of 280; 300 of 500 on Mastodon
    const [onX, onMastodon] = await client.publishEverywhere({ text }, ['x:a1', 'mastodon:a1']);
    expect(onMastodon?.status).toBe('fulfilled');
    expect(mastodon.posts.size).toBe(1);
    expect(onX?.status).toBe('rejected');
    const reason = onX?.status === 'rejected' ? onX.reason : undefined;
    expect(ValidationError.isInstance(reason)).toBe(true);
    const issue = (reason as ValidationError).issues[0]!;
    expect(issue.path).toEqual(['text']);
    expect(issue.message).toContain('300');
    expect(issue.message).toContain('280');
    expect(x.calls).toHaveLength(0);
  });
});

describe('reading', () => {
  it('pages mentions to the end, filling platform and account', async () => {
    const memo = memoryNetwork('memo');
    const { client } = clientFor(memo);
    const page = await client.listMentions('memo:a1', { limit: 2 });
    expect(page.items.map((item) => item.id)).toEqual(['m1', 'm2']);
    const all: string[] = [];
    for await (const mention of client.mentions('memo:a1', { limit: 2 })) all.push(mention.id);
    expect(all).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('returns only the kinds asked for, and refuses kinds the network cannot read', async () => {
    const memo = memoryNetwork('memo');
    const { client } = clientFor(memo);
    expect((await client.listMentions('memo:a1', { kinds: ['reply'] })).items).toEqual([]);
    expect((await client.listMentions('memo:a1', { kinds: ['mention'] })).items.map((item) => item.id)).toEqual(['m1', 'm2']);
    await expect(client.listMentions('memo:a1', { kinds: ['review'] })).rejects.toSatisfy(UnsupportedFeatureError.isInstance);
  });

  it('fills the metric subject and refuses metrics the adapter did not declare', async () => {
    const memo = memoryNetwork('memo');
    const { client } = clientFor(memo);
    const snapshot = await client.getPostMetrics('memo:a1', { platform: 'memo', id: '7' });
    expect(snapshot.subject).toEqual({ type: 'post', platform: 'memo', accountId: 'a1', postId: '7' });
    expect(snapshot.metrics).toEqual({ likes: { value: 3, platformName: 'favs' } });
    const liar = memoryNetwork(
      'liar',
      {},
      {
        doGetAccountMetrics: async () => ({
          metrics: { followers: { value: 1, platformName: 'f' }, reach: { value: 0, platformName: 'r' } },
        }),
      },
    );
    const error = await caught(clientFor(liar).client.getAccountMetrics('liar:a1'), ValidationError.isInstance);
    expect(error.issues[0]?.message).toContain('reach');
  });

  it('gets and deletes posts, and refuses delete where the network cannot', async () => {
    const memo = memoryNetwork('memo');
    const { client } = clientFor(memo);
    const { published } = await client.publish('memo:a1', { text: 'bye' });
    const ref = published.parts[0]!;
    expect((await client.getPost('memo:a1', ref))?.text).toBe('bye');
    await client.delete('memo:a1', ref);
    expect(await client.getPost('memo:a1', ref)).toBeNull();
    const doDelete = vi.fn(async () => {});
    const keep = memoryNetwork('keep', { delete: false }, { doDelete });
    await expect(clientFor(keep).client.delete('keep:a1', ref)).rejects.toSatisfy(UnsupportedFeatureError.isInstance);
    expect(doDelete).not.toHaveBeenCalled();
  });
});

describe('calls without a signal', () => {
  it('run many at once without piling listeners onto one shared signal (no MaxListenersExceededWarning)', async () => {
    // Like the HTTP client does, each operation listens for abort on its context's signal while in flight.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const network = memoryNetwork('memo', {}, {
      async doGetAccountMetrics(_input: unknown, context: { signal: AbortSignal }) {
        const onAbort = () => {};
        context.signal.addEventListener('abort', onAbort);
        await gate;
        context.signal.removeEventListener('abort', onAbort);
        return { metrics: { followers: { value: 120, platformName: 'followers_count' } } };
      },
    } as Partial<AdapterDefinition>);
    const { client } = clientFor(network);
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const calls = Array.from({ length: 25 }, () => client.getAccountMetrics('memo:a1'));
      await new Promise((resolve) => setTimeout(resolve, 10));
      release();
      const results = await Promise.all(calls);
      expect(results.every((snapshot) => snapshot.metrics.followers?.value === 120)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 10)); // warnings are emitted on a later tick
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe('getPublicAccount (v1.1, competitors)', () => {
  const competitor = {
    account: { platform: 'pub', id: 'c9', handle: 'globex', displayName: 'Globex' },
    metrics: { followers: { value: 800, platformName: 'followers_count' } },
    recentPosts: [{ id: 'p1', publishedAt: '2026-03-02T10:00:00.000Z', metrics: { likes: { value: 7, platformName: 'favs' } } }],
  };

  it('throws UnsupportedFeatureError when the adapter does not declare publicAccounts', async () => {
    const error = await caught(
      clientFor(memoryNetwork('memo')).client.getPublicAccount('memo:a1', { handle: 'globex' }),
      UnsupportedFeatureError.isInstance,
    );
    expect(error.feature).toBe('publicAccounts');
    expect(error.message).toContain('publicAccounts');
  });

  it('reads through one of your accounts and fills subjects and observedAt', async () => {
    const asked: unknown[] = [];
    const network = memoryNetwork(
      'pub',
      { publicAccounts: true },
      {
        async doGetPublicAccount(input) {
          asked.push(input);
          return competitor;
        },
      },
    );
    const result = await clientFor(network).client.getPublicAccount('pub:a1', { handle: '@globex' });
    expect(asked).toEqual([{ handle: 'globex' }]); // the leading @ is dropped
    expect(result.account).toEqual(competitor.account);
    expect(result.metrics.subject).toEqual({ type: 'account', platform: 'pub', accountId: 'c9' });
    expect(result.metrics.metrics.followers?.value).toBe(800);
    expect(result.recentPosts[0]!.metrics.subject).toEqual({ type: 'post', platform: 'pub', accountId: 'c9', postId: 'p1' });
    expect(result.recentPosts[0]!.metrics.observedAt).toBe(result.metrics.observedAt);
  });

  it('rejects an output with a metric the capabilities do not declare', async () => {
    const network = memoryNetwork(
      'pub',
      { publicAccounts: true },
      { doGetPublicAccount: async () => ({ ...competitor, metrics: { impressions: { value: 1, platformName: 'views' } } }) },
    );
    const error = await caught(clientFor(network).client.getPublicAccount('pub:a1', { id: 'c9' }), ValidationError.isInstance);
    expect(error.issues[0]!.message).toContain('impressions');
  });
});

describe('publishEverywhere with per-network variants', () => {
  it('gives each network its own text and keeps the shared fields', async () => {
    const x = memoryNetwork('x', { content: CONTENT_RULES.x });
    const mastodon = memoryNetwork('mastodon', { content: CONTENT_RULES.mastodon });
    const { client } = clientFor(x, mastodon);
    const full = 'Spring release: the inbox, analytics and the scheduler all changed. '.repeat(5).trim();
    const results = await client.publishEverywhere(
      { text: full, link: 'https://example.com/spring', variants: { x: { text: 'Spring release is out' } } },
      ['x:a1', 'mastodon:a1'],
    );
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(x.calls.map((call) => call.draft.text)).toEqual(['Spring release is out']);
    expect(mastodon.calls.map((call) => call.draft.text)).toEqual([full]);
    expect(x.calls[0]!.draft.link).toBe('https://example.com/spring');
    // The adapter gets the resolved draft: no variants for it to misread.
    expect(x.calls[0]!.draft).not.toHaveProperty('variants');
    // Both networks are targeted: no variant goes unused, so no warning about it.
    for (const result of results) {
      expect(result.status === 'fulfilled' && result.value.warnings.map((warning) => warning.code)).not.toContain('variant_unused');
    }
  });

  it('reports a variant too long for X at variants.x.text before any request, with every problem at once', async () => {
    const x = memoryNetwork('x', { content: { ...CONTENT_RULES.x, threads: true } });
    const mastodon = memoryNetwork('mastodon', { content: CONTENT_RULES.mastodon });
    const { client } = clientFor(x, mastodon);
    const [onX, onMastodon] = await client.publishEverywhere(
      {
        text: 'Fits everywhere',
        variants: { x: { text: 'b'.repeat(290), thread: [{ text: 'c'.repeat(281) }] } },
      },
      ['x:a1', 'mastodon:a1'],
    );
    expect(onMastodon?.status).toBe('fulfilled');
    expect(onX?.status).toBe('rejected');
    const reason = onX?.status === 'rejected' ? onX.reason : undefined;
    expect(ValidationError.isInstance(reason)).toBe(true);
    const issues = (reason as ValidationError).issues;
    expect(issues.map((issue) => issue.path.join('.')).sort()).toEqual(['variants.x.text', 'variants.x.thread.0.text']);
    expect(issues[0]!.message).toContain('290');
    expect(x.calls).toHaveLength(0);
  });

  it('warns, without failing, about a variant for a network this publish does not reach', async () => {
    const x = memoryNetwork('x', { content: CONTENT_RULES.x });
    const { client } = clientFor(x);
    const { warnings } = await client.publish('x:a1', {
      text: 'Hello',
      variants: { x: { text: 'Hi X' }, linkedin: { text: 'Dear network' } },
    });
    expect(x.calls.map((call) => call.draft.text)).toEqual(['Hi X']);
    expect(warnings.filter((warning) => warning.code === 'variant_unused').map((warning) => warning.path)).toEqual([
      ['variants', 'linkedin'],
    ]);
  });
});
