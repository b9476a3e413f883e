import { createClient } from '@smm/core/client';
import { ValidationError } from '@smm/core/adapter-kit';
import { createFakeClock } from '@smm/testkit/clock';
import { createMastodonSimulator } from '@smm/testkit/mastodon';
import { describe, expect, it } from 'vitest';
import { createMastodonAdapter, type MastodonAdapterSettingsInput } from './index.js';

function problemsOf(settings: unknown): Array<{ path: string; message: string }> {
  try {
    createMastodonAdapter(settings as MastodonAdapterSettingsInput);
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  }
  return [];
}

const HOME = 'https://mastodon.social';

describe('createMastodonAdapter settings', () => {
  it('has no default instance: without baseUrl it is a ValidationError naming baseUrl', () => {
    expect(problemsOf(undefined)).toEqual([
      { path: 'baseUrl', message: expect.stringMatching(/^is required: the instance the accounts live on/) },
    ]);
    expect(problemsOf({ maxCharacters: 1000 }).map((problem) => problem.path)).toEqual(['baseUrl']);
    // @ts-expect-error baseUrl is required
    expect(() => createMastodonAdapter()).toThrow(ValidationError);
  });

  it('names a misspelt setting first, with the setting it meant, and not the missing baseUrl it causes', () => {
    expect(problemsOf({ base_url: HOME })).toEqual([{ path: 'base_url', message: 'unknown option — did you mean `baseUrl`?' }]);
    expect(problemsOf({ instance: HOME })).toEqual([{ path: 'instance', message: 'unknown option — did you mean `baseUrl`?' }]);
    expect(problemsOf({ baseUrl: HOME, polls: { maxOption: 3 } })).toEqual([
      { path: 'polls.maxOption', message: 'unknown option — did you mean `maxOptions`?' },
    ]);
  });

  it('defaults to a stock instance', () => {
    const adapter = createMastodonAdapter({ baseUrl: 'https://mastodon.social' });
    expect(adapter.http.baseUrl).toBe('https://mastodon.social');
    expect(adapter.capabilities.content.text).toMatchObject({ id: 'mastodon', method: 'graphemes', maxLength: 500, urlLength: 23 });
    expect(adapter.capabilities.content.media.maxItems).toBe(4);
    expect(adapter.http.idempotencyKeyHeader).toBe('Idempotency-Key');
  });

  it("takes the instance's own character and attachment limits", () => {
    const adapter = createMastodonAdapter({ baseUrl: 'https://fosstodon.org/', maxCharacters: 5000, maxMediaAttachments: 6 });
    expect(adapter.http.baseUrl).toBe('https://fosstodon.org');
    expect(adapter.capabilities.content.text.maxLength).toBe(5000);
    expect(adapter.capabilities.content.media.maxItems).toBe(6);
  });

  it('refuses bad settings eagerly, naming each one', () => {
    expect(problemsOf({ baseUrl: 'mastodon.social' })).toEqual([
      { path: 'baseUrl', message: expect.stringContaining('absolute http(s) URL') },
    ]);
    expect(
      problemsOf({ baseUrl: HOME, maxCharacters: 0, rateLimits: { media: { limit: 0, windowMs: 1000 } } }).map((problem) => problem.path),
    ).toEqual(['maxCharacters', 'rateLimits.media.limit']);
    // baseUrl is set, so nothing is suggested: the accepted settings are listed.
    expect(problemsOf({ baseUrl: HOME, instanceURL: 'https://mastodon.social' })).toEqual([
      { path: 'instanceURL', message: expect.stringMatching(/^unknown option: the options here are `baseUrl`, `accountInstances`, /) },
    ]);
    expect(problemsOf({ baseUrl: HOME, accountInstances: { '1': 'not a url' } }).map((problem) => problem.path)).toEqual([
      'accountInstances.1',
    ]);
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
      adapters: [createMastodonAdapter({ baseUrl: home.baseUrl, accountInstances: { '2002': away.baseUrl } })],
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
