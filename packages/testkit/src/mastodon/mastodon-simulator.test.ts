import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createMastodonSimulator } from './index.js';

const START = '2026-01-05T09:00:00.000Z';

function setup(options: Parameters<typeof createMastodonSimulator>[0] = {}) {
  const clock = createFakeClock({ now: START });
  const sim = createMastodonSimulator({ clock, seed: 2, ...options });
  const call = async (
    method: string,
    pathOrUrl: string,
    init: { json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { authorization: `Bearer ${sim.credentials.accessToken}`, ...init.headers };
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `https://mastodon.example${pathOrUrl}`;
    const response = await sim.fetch(url, {
      method,
      headers,
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : init.body ? { body: init.body } : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as any) : null };
  };
  return { clock, sim, call };
}

describe('Mastodon simulator', () => {
  it('creates a Status entity with the documented fields and X-RateLimit headers (ISO reset)', async () => {
    const { call } = setup();
    const created = await call('POST', '/api/v1/statuses', { json: { status: 'Hello fediverse', visibility: 'unlisted', language: 'ro' } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      visibility: 'unlisted',
      language: 'ro',
      content: '<p>Hello fediverse</p>',
      in_reply_to_id: null,
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 0,
      created_at: START,
      account: { username: 'smm', acct: 'smm' },
      media_attachments: [],
    });
    expect('quotes_count' in created.body).toBe(false);
    expect(created.headers.get('x-ratelimit-limit')).toBe('300');
    expect(created.headers.get('x-ratelimit-remaining')).toBe('299');
    expect(created.headers.get('x-ratelimit-reset')).toBe('2026-01-05T09:05:00.000Z');
  });

  it('labels each mention with the language of its text, and null when unlabelled (as Mastodon does)', async () => {
    const { sim, call } = setup({ mentionBacklog: 40 });
    sim.addMention({ text: '@smm هل ما زال متاحا؟' });
    sim.addMention({ text: '@smm bună ziua', language: 'ro' });
    const notifications = (await call('GET', '/api/v1/notifications?types[]=mention&limit=80')).body as Array<{
      status: { content: string; language: string | null };
    }>;
    // The generated phrases, each with the language a person reading it would name.
    const expected: Record<string, string> = { 'love this': 'en', thanks: 'en', 'سلام، ممنون': 'fa', 太棒了: 'zh', merci: 'fr' };
    let checked = 0;
    for (const { status } of notifications) {
      const phrase = Object.keys(expected).find((text) => status.content.includes(text));
      if (phrase !== undefined) {
        expect(status.language, status.content).toBe(expected[phrase]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(5);
    expect(notifications.find(({ status }) => status.content.includes('هل ما زال'))!.status.language).toBeNull();
    expect(notifications.find(({ status }) => status.content.includes('bună ziua'))!.status.language).toBe('ro');
  });

  it('honours Idempotency-Key for an hour: the same key returns the same status and creates nothing', async () => {
    const { clock, sim, call } = setup();
    const headers = { 'Idempotency-Key': 'k-1' };
    const first = await call('POST', '/api/v1/statuses', { json: { status: 'once' }, headers });
    const again = await call('POST', '/api/v1/statuses', { json: { status: 'once' }, headers });
    expect(again.body.id).toBe(first.body.id);
    expect(sim.posts()).toHaveLength(1);
    await clock.advance(61 * 60_000);
    const later = await call('POST', '/api/v1/statuses', { json: { status: 'once' }, headers });
    expect(later.body.id).not.toBe(first.body.id);
    expect(sim.posts()).toHaveLength(2);
  });

  it('remembers Idempotency-Keys for idempotencyKeyTtlMs when given (runs on an accelerated clock)', async () => {
    const { clock, sim, call } = setup({ idempotencyKeyTtlMs: 24 * 3_600_000 });
    const headers = { 'Idempotency-Key': 'k-2' };
    const first = await call('POST', '/api/v1/statuses', { json: { status: 'once' }, headers });
    await clock.advance(23 * 3_600_000);
    expect((await call('POST', '/api/v1/statuses', { json: { status: 'once' }, headers })).body.id).toBe(first.body.id);
    await clock.advance(2 * 3_600_000);
    expect((await call('POST', '/api/v1/statuses', { json: { status: 'once' }, headers })).body.id).not.toBe(first.body.id);
    expect(sim.posts()).toHaveLength(2);
  });

  it('accepts form bodies with media_ids[] and refuses media still processing', async () => {
    const { clock, call } = setup();
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(10)], { type: 'video/mp4' }), 'clip.mp4');
    form.set('description', 'a clip');
    const uploaded = await call('POST', '/api/v2/media', { body: form });
    expect(uploaded.status).toBe(202);
    expect(uploaded.body).toMatchObject({ type: 'video', url: null, description: 'a clip' });
    expect((await call('GET', `/api/v1/media/${uploaded.body.id}`)).status).toBe(206);
    const early = await call('POST', '/api/v1/statuses', {
      body: new URLSearchParams([
        ['status', 'clip'],
        ['media_ids[]', uploaded.body.id],
      ]),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(early.status).toBe(422);
    await clock.advance(2_000);
    expect((await call('GET', `/api/v1/media/${uploaded.body.id}`)).status).toBe(200);
    const posted = await call('POST', '/api/v1/statuses', {
      body: new URLSearchParams([
        ['status', 'clip'],
        ['media_ids[]', uploaded.body.id],
      ]),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(posted.body.media_attachments.map((item: { id: string }) => item.id)).toEqual([uploaded.body.id]);
  });

  it('schedules with scheduled_at at least 5 minutes ahead and publishes when the time comes', async () => {
    const { clock, sim, call } = setup();
    const tooSoon = await call('POST', '/api/v1/statuses', { json: { status: 'soon', scheduled_at: '2026-01-05T09:04:00.000Z' } });
    expect(tooSoon.status).toBe(422);
    const scheduled = await call('POST', '/api/v1/statuses', { json: { status: 'later', scheduled_at: '2026-01-05T10:00:00.000Z' } });
    expect(scheduled.body).toMatchObject({ scheduled_at: '2026-01-05T10:00:00.000Z', params: { text: 'later' }, media_attachments: [] });
    expect(sim.posts()).toHaveLength(0);
    await clock.advance(60 * 60_000);
    expect(sim.posts().map((post) => [post.text, post.createdAt])).toEqual([['later', '2026-01-05T10:00:00.000Z']]);
  });

  it('pages notifications with Link headers: next while pages are full, then an empty page', async () => {
    const { call } = setup({ mentionBacklog: 25 });
    let url: string | undefined = '/api/v1/notifications?types[]=mention&limit=10';
    const ids: string[] = [];
    const sizes: number[] = [];
    while (url) {
      const page = await call('GET', url);
      sizes.push(page.body.length);
      ids.push(...page.body.map((notification: { id: string; type: string }) => notification.id));
      for (const notification of page.body)
        expect(notification).toMatchObject({
          type: 'mention',
          account: { acct: expect.stringContaining('@') },
          status: { content: expect.stringContaining('@<span>smm</span>') },
        });
      url = /<([^>]+)>;\s*rel="next"/.exec(page.headers.get('link') ?? '')?.[1];
    }
    expect(sizes).toEqual([10, 10, 5]);
    expect(new Set(ids).size).toBe(25);
    expect(ids).toEqual([...ids].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1)));
  });

  it('reports the limit closest to running out when several apply', async () => {
    const { call } = setup({ limits: { deletes: { limit: 2, windowMs: 30 * 60_000 } } });
    const id = (await call('POST', '/api/v1/statuses', { json: { status: 'a' } })).body.id;
    const deleted = await call('DELETE', `/api/v1/statuses/${id}`);
    expect(deleted.body.text).toBe('a');
    expect(deleted.headers.get('x-ratelimit-limit')).toBe('2');
    expect(deleted.headers.get('x-ratelimit-remaining')).toBe('1');
    expect((await call('DELETE', `/api/v1/statuses/${id}`)).status).toBe(404);
    const limited = await call('DELETE', `/api/v1/statuses/${id}`);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: 'Too many requests' });
  });

  it('describes the instance configuration', async () => {
    const { call } = setup({ maxCharacters: 1000 });
    const instance = await call('GET', '/api/v2/instance');
    expect(instance.body.configuration.statuses).toEqual({
      max_characters: 1000,
      max_media_attachments: 4,
      characters_reserved_per_url: 23,
    });
    const long = await call('POST', '/api/v1/statuses', { json: { status: 'x'.repeat(1001) } });
    expect(long).toMatchObject({ status: 422, body: { error: 'Validation failed: Text character limit of 1000 exceeded' } });
  });
});
