// Cross-network check from the adapter issue: one draft to X and Mastodon through core's
// publishEverywhere, with the shipped adapters against the testkit simulators (served by msw).
// A draft too long for X but fine for Mastodon goes out on Mastodon only; X's account gets a
// ValidationError naming X's limit and the measured length, and X never sees a request.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@smm/core/client';
import { ValidationError } from '@smm/core/adapter-kit';
import { createMastodonAdapter } from '@smm/adapter-mastodon';
import { createFakeClock } from '@smm/testkit/clock';
import { createMastodonSimulator } from '@smm/testkit/mastodon';
import { createXSimulator } from '@smm/testkit/x';
import { createXAdapter } from './index.js';

const X_LIMIT = 280; // X's documented limit, weighted: plain ASCII counts 1 per character.
const MASTODON_LIMIT = 500; // mastodon.social's max_characters, the simulator's default.

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function twoNetworks() {
  const clock = createFakeClock({ now: '2026-03-02T09:00:00.000Z', autoAdvance: true });
  const x = createXSimulator({ clock, seed: 11 });
  const mastodon = createMastodonSimulator({ clock, seed: 12 });
  server.use(...x.handlers, ...mastodon.handlers);
  const client = createClient({
    adapters: [createXAdapter({ baseUrl: x.baseUrl }), createMastodonAdapter({ baseUrl: mastodon.baseUrl })],
    accounts: [
      { platform: 'x', id: x.account.id, handle: x.account.handle },
      { platform: 'mastodon', id: mastodon.account.id, handle: mastodon.account.handle },
    ],
    credentials: { [`x:${x.account.id}`]: x.credentials, [`mastodon:${mastodon.account.id}`]: mastodon.credentials },
    clock,
  });
  return { x, mastodon, client, keys: [`x:${x.account.id}`, `mastodon:${mastodon.account.id}`] };
}

describe('publishEverywhere across X and Mastodon', () => {
  it('publishes a draft that fits both networks to both (the set-up reaches X)', async () => {
    const env = twoNetworks();
    const text = 'Spring release: faster uploads and a calmer inbox.';
    const results = await env.client.publishEverywhere({ text }, env.keys);
    expect(results.map((result) => [result.account.platform, result.status])).toEqual([
      ['x', 'fulfilled'],
      ['mastodon', 'fulfilled'],
    ]);
    expect(env.x.posts().map((post) => post.text)).toEqual([text]);
    expect(env.mastodon.posts().map((post) => post.text)).toEqual([text]);
  });

  it('publishes a draft too long for X to Mastodon and rejects X with a ValidationError naming 280 and the length, without calling X', async () => {
    const env = twoNetworks();
    // 13 × 26 ASCII characters − the trailing space = 337: over X's 280, under Mastodon's 500.
    const text = 'Our spring release is out '.repeat(13).trimEnd();
    const measured = 13 * 26 - 1;
    expect(text).toHaveLength(measured);
    expect(measured).toBeGreaterThan(X_LIMIT);
    expect(measured).toBeLessThanOrEqual(MASTODON_LIMIT);

    const [onX, onMastodon] = await env.client.publishEverywhere({ text }, env.keys);

    expect(onMastodon!.status).toBe('fulfilled');
    if (onMastodon!.status !== 'fulfilled') throw new Error('unreachable');
    const held = env.mastodon.posts();
    expect(held).toHaveLength(1);
    expect(held[0]!.text).toBe(text);
    expect(onMastodon!.value.published.parts.map((part) => part.id)).toEqual([held[0]!.id]);

    expect(onX!.account.platform).toBe('x');
    expect(onX!.status).toBe('rejected');
    if (onX!.status !== 'rejected') throw new Error('unreachable');
    const error = onX!.reason;
    expect(ValidationError.isInstance(error)).toBe(true);
    if (!ValidationError.isInstance(error)) throw new Error('unreachable');
    expect(error.message).toContain(String(X_LIMIT));
    expect(error.message).toContain(String(measured));
    expect(error.issues).toEqual([expect.objectContaining({ path: ['text'], code: 'text_too_long' })]);
    expect(error.issues[0]!.message).toMatch(new RegExp(`\\b${measured}\\b.*\\b${X_LIMIT}\\b`));

    expect(env.x.requests).toHaveLength(0);
    expect(env.x.posts()).toHaveLength(0);
  });
});
