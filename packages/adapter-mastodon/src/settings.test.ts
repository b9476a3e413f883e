import { createClient } from '@smm/core/client';
import { ValidationError } from '@smm/core/errors';
import { createFakeClock } from '@smm/testkit/clock';
import { createMastodonSimulator } from '@smm/testkit/mastodon';
import { describe, expect, it } from 'vitest';
import { createMastodonAdapter, MASTODON_DEFAULT_INSTANCE, type MastodonAdapterSettingsInput } from './index.js';

function problemsOf(settings: unknown): Array<{ path: string; message: string }> {
  try {
    createMastodonAdapter(settings as MastodonAdapterSettingsInput);
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  }
  return [];
}

describe('createMastodonAdapter settings', () => {
  it('defaults to mastodon.social and a stock instance', () => {
    const adapter = createMastodonAdapter();
    expect(MASTODON_DEFAULT_INSTANCE).toBe('https://mastodon.social');
    expect(adapter.http.baseUrl).toBe('https://mastodon.social');
    expect(adapter.capabilities.content.text).toMatchObject({ id: 'mastodon', method: 'graphemes', maxLength: 500, urlLength: 23 });
    expect(adapter.capabilities.content.media.maxItems).toBe(4);
    expect(adapter.http.idempotencyKeyHeader).toBe('Idempotency-Key');
  });

  it("takes the instance's own character and attachment limits", () => {
    const adapter = createMastodonAdapter({ instanceUrl: 'https://fosstodon.org/', maxCharacters: 5000, maxMediaAttachments: 6 });
    expect(adapter.http.baseUrl).toBe('https://fosstodon.org');
    expect(adapter.capabilities.content.text.maxLength).toBe(5000);
    expect(adapter.capabilities.content.media.maxItems).toBe(6);
  });

  it('refuses bad settings eagerly, naming each one', () => {
    expect(problemsOf({ instanceUrl: 'mastodon.social' })).toEqual([
      { path: 'instanceUrl', message: expect.stringContaining('absolute http(s) URL') },
    ]);
    expect(problemsOf({ maxCharacters: 0, rateLimits: { media: { limit: 0, windowMs: 1000 } } }).map((problem) => problem.path)).toEqual([
      'maxCharacters',
      'rateLimits.media.limit',
    ]);
    expect(problemsOf({ instanceURL: 'https://mastodon.social' })).toEqual([{ path: '', message: expect.stringContaining('instanceURL') }]);
    expect(problemsOf({ accountInstances: { '1': 'not a url' } }).map((problem) => problem.path)).toEqual(['accountInstances.1']);
  });
});

describe('accounts on several instances', () => {
  it("sends each account's requests to its own instance with its own token", async () => {
    const clock = createFakeClock({ now: '2026-01-05T09:00:00.000Z', autoAdvance: true });
    const home = createMastodonSimulator({ clock, seed: 1, baseUrl: 'https://home.example', account: { id: '1001', username: 'brand' } });
    const away = createMastodonSimulator({
      clock,
      seed: 2,
      baseUrl: 'https://away.example',
      account: { id: '2002', username: 'brand_eu' },
    });
    const route: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      return (new URL(request.url).host === 'away.example' ? away : home).fetch(request);
    };
    const client = createClient({
      adapters: [createMastodonAdapter({ instanceUrl: home.baseUrl, accountInstances: { '2002': away.baseUrl } })],
      accounts: [
        { platform: 'mastodon', id: '1001', handle: 'brand' },
        { platform: 'mastodon', id: '2002', handle: 'brand_eu' },
      ],
      credentials: { 'mastodon:1001': home.credentials, 'mastodon:2002': away.credentials },
      clock,
      fetch: route,
    });
    const results = await client.publishEverywhere({ text: 'Hello from both' }, ['mastodon:1001', 'mastodon:2002']);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(home.posts().map((post) => post.text)).toEqual(['Hello from both']);
    expect(away.posts().map((post) => post.text)).toEqual(['Hello from both']);
  });
});
