import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createMastodonSimulator } from '../mastodon/index.js';
import { createSeededRandom } from './index.js';

const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

describe('serving a simulator', () => {
  const sim = createMastodonSimulator({ clock: createFakeClock(), baseUrl: 'https://msw.mastodon.example' });
  const server = setupServer(...sim.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('answers the global fetch through msw handlers', async () => {
    const response = await fetch('https://msw.mastodon.example/api/v1/statuses', {
      method: 'POST',
      headers: auth(sim.credentials.accessToken),
      body: JSON.stringify({ status: 'via msw' }),
    });
    expect(response.status).toBe(200);
    expect(sim.posts().map((post) => post.text)).toEqual(['via msw']);
  });
});

describe('a real node:http server', () => {
  it('serves the same logic from a real node:http server on 127.0.0.1', async () => {
    const served = createMastodonSimulator({ clock: createFakeClock() });
    const { url, close } = await served.listen({ port: 0, host: '127.0.0.1' });
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await globalThis.fetch(`${url}/api/v1/statuses`, {
        method: 'POST',
        headers: auth(served.credentials.accessToken),
        body: JSON.stringify({ status: 'via node:http' }),
      });
      expect(response.status).toBe(200);
      const status = (await response.json()) as { id: string };
      // The Link header points at the served origin.
      const notifications = await globalThis.fetch(`${url}/api/v1/notifications?limit=5`, {
        headers: auth(served.credentials.accessToken),
      });
      expect(notifications.headers.get('link')).toContain(`<${url}/api/v1/notifications?max_id=`);
      expect(served.posts().map((post) => post.id)).toEqual([status.id]);
    } finally {
      await close();
    }
  });
  it('drops the connection after acting on drop-after-send, and hangs on timeout until the client gives up', async () => {
    const sim = createMastodonSimulator({ clock: createFakeClock() });
    const { url, close } = await sim.listen();
    try {
      sim.faults.inject({ kind: 'drop-after-send', match: 'POST /api/v1/statuses' });
      await expect(
        globalThis.fetch(`${url}/api/v1/statuses`, {
          method: 'POST',
          headers: auth(sim.credentials.accessToken),
          body: JSON.stringify({ status: 'lost answer' }),
        }),
      ).rejects.toThrow();
      expect(sim.posts().map((post) => post.text)).toEqual(['lost answer']);
      sim.faults.inject({ kind: 'timeout' });
      await expect(
        globalThis.fetch(`${url}/api/v2/instance`, { headers: auth(sim.credentials.accessToken), signal: AbortSignal.timeout(100) }),
      ).rejects.toThrow();
    } finally {
      await close();
    }
  });
});

describe('faults', () => {
  it('hit only matching requests, as many times as asked, in the network’s own shapes', async () => {
    const sim = createMastodonSimulator({ clock: createFakeClock() });
    const get = () => sim.fetch('https://mastodon.example/api/v2/instance', { headers: auth(sim.credentials.accessToken) });
    sim.faults.inject({ kind: '5xx', count: 2, status: 502, match: /instance/ });
    sim.faults.inject({ kind: '429-storm', match: 'POST ' });
    expect((await get()).status).toBe(502);
    expect(await (await get()).json()).toEqual({ error: 'We are sorry, but something went wrong on our end.' });
    expect((await get()).status).toBe(200);
    expect(sim.faults.pending()).toHaveLength(1);
    const limited = await sim.fetch('https://mastodon.example/api/v1/statuses', {
      method: 'POST',
      headers: auth(sim.credentials.accessToken),
      body: '{"status":"x"}',
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-reset')).toBe('2026-01-05T09:01:00.000Z');
    sim.faults.inject({ kind: 'malformed-json' });
    await expect((await get()).json()).rejects.toThrow(SyntaxError);
    sim.faults.inject({ kind: 'expired-token' });
    expect(await (await get()).json()).toEqual({ error: 'The access token is invalid' });
    expect(() => sim.faults.inject({ kind: 'nope' as never })).toThrow(/kind must be one of/);
    const instance = '/api/v2/instance';
    expect(sim.requests.map((request) => request.path)).toEqual([instance, instance, instance, '/api/v1/statuses', instance, instance]);
  });
});

describe('createSeededRandom', () => {
  it('repeats its sequence for a seed, and forks independent streams by label', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const rolls = Array.from({ length: 20 }, () => a.int(1, 6));
    expect(Array.from({ length: 20 }, () => b.int(1, 6))).toEqual(rolls);
    expect(rolls.every((roll) => roll >= 1 && roll <= 6)).toBe(true);
    expect(createSeededRandom(42).fork('x').next()).toBe(createSeededRandom(42).fork('x').next());
    expect(createSeededRandom(42).fork('x').next()).not.toBe(createSeededRandom(42).fork('y').next());
  });
});
