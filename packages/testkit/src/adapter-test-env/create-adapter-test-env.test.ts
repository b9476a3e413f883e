import type { FakeClock } from '@smm/core/clock';
import { describe, expect, it } from 'vitest';
import { createReferenceMastodonAdapter } from '../conformance/__tests__/reference-mastodon-adapter.js';
import { createMastodonSimulator } from '../mastodon/index.js';
import { createAdapterTestEnv, defineAdapterTestEnv, ONE_PIXEL_PNG_BASE64, settle } from './index.js';

const options = {
  simulator: (clock: FakeClock) => createMastodonSimulator({ clock, seed: 7 }),
  createAdapter: (sim: ReturnType<typeof createMastodonSimulator>) => createReferenceMastodonAdapter({ baseUrl: sim.baseUrl }),
};

describe('createAdapterTestEnv', () => {
  it('drives the adapter through a client against the simulator, on a clock starting at 2026-01-05T09:00Z', async () => {
    const env = createAdapterTestEnv(options);
    expect(env.account).toBe(`mastodon:${env.sim.account.id}`);
    expect(env.accountId).toBe(env.sim.account.id);
    expect(env.clock.iso()).toBe('2026-01-05T09:00:00.000Z');
    const { published } = await env.client.publish(env.account, { text: 'through the env' });
    const live = env.sim.posts().filter((post) => !post.deleted);
    expect(live.map((post) => [post.id, post.text])).toEqual([[published.parts[0]!.id, 'through the env']]);
    expect(env.requests()).toContain('POST /api/v1/statuses');
    expect(env.requests(env.sim.requests.length)).toEqual([]);
  });

  it('waits in simulated time: a 429 storm resolves without real waiting', async () => {
    const env = createAdapterTestEnv({ ...options, now: '2026-03-01T00:00:00Z' });
    env.sim.faults.inject({ kind: '429-storm', count: 1, resetInMs: 10 * 60_000 });
    const started = performance.now();
    await env.client.getAccountMetrics(env.account);
    expect(env.clock.now()).toBeGreaterThanOrEqual(Date.parse('2026-03-01T00:10:00Z'));
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('takes the credentials, account and fetch wrapper it is given', async () => {
    const seen: string[] = [];
    const env = createAdapterTestEnv({
      ...options,
      credentials: () => ({ accessToken: 'not-the-simulator-token' }),
      account: (sim) => ({ platform: 'mastodon', id: sim.account.id, handle: 'renamed' }),
      fetch: (simFetch) => async (input, init) => {
        seen.push(new Request(input, init).method);
        return simFetch(input, init);
      },
    });
    const result = await settle(env.client.getAccountMetrics(env.account));
    expect(result.ok).toBe(false);
    expect(seen.length).toBeGreaterThan(0);
    expect(env.sim.requests.every((request) => request.headers.authorization !== `Bearer ${env.sim.credentials.accessToken}`)).toBe(true);
  });

  it('settle reports both outcomes, and the PNG is a PNG', async () => {
    expect(await settle(Promise.resolve(3))).toEqual({ ok: true, value: 3 });
    const error = new Error('no');
    expect(await settle(Promise.reject(error))).toEqual({ ok: false, error });
    expect(atob(ONE_PIXEL_PNG_BASE64).slice(1, 4)).toBe('PNG');
    expect(atob(ONE_PIXEL_PNG_BASE64)).toHaveLength(70);
  });

  it('answers intercepted requests itself and keeps them out of the simulator', async () => {
    const counts = { followers_count: 4242, following_count: 7, statuses_count: 1 };
    const env = createAdapterTestEnv({
      ...options,
      intercept: (request) =>
        new URL(request.url).pathname === '/api/v1/accounts/verify_credentials' ? Response.json({ id: '1', ...counts }) : undefined,
    });
    const snapshot = await env.client.getAccountMetrics(env.account);
    expect(snapshot.metrics.followers?.value).toBe(4242);
    expect(env.intercepted.map((request) => new URL(request.url).pathname)).toEqual(['/api/v1/accounts/verify_credentials']);
    expect(env.requests()).toEqual([]);
  });

  it('defineAdapterTestEnv hands each test its simulator options and adapter settings', async () => {
    const seen: Array<[unknown, unknown]> = [];
    const testEnv = defineAdapterTestEnv({
      simulator: (clock, simOptions?: { mentionBacklog?: number }) => {
        seen.push(['simulator', simOptions]);
        return createMastodonSimulator({ clock, seed: 7, ...simOptions });
      },
      createAdapter: (sim, settings?: { label?: string }) => {
        seen.push(['adapter', settings]);
        return createReferenceMastodonAdapter({ baseUrl: sim.baseUrl });
      },
    });
    const env = testEnv({ simulator: { mentionBacklog: 2 }, settings: { label: 'a' }, now: 0 });
    expect(seen).toEqual([
      ['simulator', { mentionBacklog: 2 }],
      ['adapter', { label: 'a' }],
    ]);
    expect(env.clock.now()).toBe(0);
    expect(env.sim.mentionCount()).toBe(2);
  });
});
