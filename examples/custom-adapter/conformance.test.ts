// The proof that docs/writing-an-adapter.md works: the Chirp adapter, written from the guide,
// passes the same conformance suite as the shipped adapters, against its own simulator.
// Below the suite, Chirp's own cases: the requests it sends, as the Chirp API documents them.
import { describe, expect, it } from 'vitest';
import { createClient } from '@smm/core/client';
import { createFakeClock } from '@smm/testkit';
import { runAdapterConformance } from '@smm/testkit/vitest';
import { createChirpSimulator } from './chirp-simulator.js';
import { createChirpAdapter } from './index.js';

runAdapterConformance({
  name: 'example adapter: chirp',
  simulator: (clock) => createChirpSimulator({ clock, seed: 1 }),
  createAdapter: (sim) => createChirpAdapter({ baseUrl: sim.baseUrl }),
});

function setup() {
  const clock = createFakeClock({ now: '2026-03-02T08:00:00.000Z', autoAdvance: true });
  const sim = createChirpSimulator({ clock, seed: 7 });
  const saved: unknown[] = [];
  const client = createClient({
    adapters: [createChirpAdapter({ baseUrl: sim.baseUrl })],
    accounts: [{ platform: 'chirp', id: sim.account.id, handle: sim.account.handle }],
    credentials: { [`chirp:${sim.account.id}`]: sim.credentials },
    onCredentialsChange: (_account, next) => void saved.push(next),
    clock,
    fetch: sim.fetch,
    httpOptions: { maxRetries: 2 },
  });
  return { clock, sim, client, saved, account: `chirp:${sim.account.id}` };
}

const POSTS = (request: { method: string; path: string }) => request.method === 'POST' && request.path === '/v1/posts';

describe('chirp adapter: requests as the Chirp API documents them', () => {
  it('publishes with POST /v1/posts: text, a per-part marker, the visibility and the content warning', async () => {
    const { sim, client, account } = setup();
    await client.publish(
      account,
      {
        text: 'Hello, Chirp 👋',
        visibility: 'followers',
        link: 'https://example.com/hello',
        networkOptions: { chirp: { contentWarning: 'greetings' } },
      },
      { idempotencyKey: 'hello-1' },
    );
    const sent = sim.requests.filter(POSTS);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers.authorization).toBe('Bearer chirp-access-0');
    expect(sent[0]!.body).toEqual({
      text: 'Hello, Chirp 👋',
      marker: 'hello-1:0',
      visibility: 'followers',
      cw: 'greetings',
      link: 'https://example.com/hello',
    });
  });

  it('publishes a thread as replies, each part marked <key>:<index>', async () => {
    const { sim, client, account } = setup();
    const { published } = await client.publish(
      account,
      { text: 'one', thread: [{ text: 'two' }, { text: 'three' }] },
      { idempotencyKey: 't' },
    );
    const bodies = sim.requests.filter(POSTS).map((request) => request.body as Record<string, unknown>);
    expect(bodies.map((body) => body.marker)).toEqual(['t:0', 't:1', 't:2']);
    expect(bodies.map((body) => body.reply_to)).toEqual([undefined, published.parts[0]!.id, published.parts[1]!.id]);
  });

  it('a thread retried with the same key after a lost answer resumes instead of posting part 1 again', async () => {
    const { sim, client, account } = setup();
    let posts = 0;
    // The answer to part 2 is lost after Chirp created it.
    sim.faults.inject({ kind: 'drop-after-send', match: (request) => POSTS(request) && ++posts === 2 });
    const draft = { text: 'part one', thread: [{ text: 'part two' }, { text: 'part three' }] };
    await expect(client.publish(account, draft, { idempotencyKey: 'launch' })).rejects.toThrow();
    expect(sim.posts().map((post) => post.text)).toEqual(['part one', 'part two']);

    const { published } = await client.publish(account, draft, { idempotencyKey: 'launch' });
    const held = sim.posts();
    expect(held.map((post) => post.text)).toEqual(['part one', 'part two', 'part three']);
    expect(held[2]!.replyToId).toBe(held[1]!.id);
    expect(published.parts.map((part) => part.id)).toEqual(held.map((post) => post.id));
  });

  it('uploads media as multipart with alt text before the post that carries it', async () => {
    const { sim, client, account } = setup();
    const pixel = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    await client.publish(account, {
      text: 'a pixel',
      media: [{ kind: 'image', source: { type: 'bytes', base64: pixel }, mimeType: 'image/png', altText: 'one pixel' }],
    });
    const upload = sim.requests.find((request) => request.path === '/v1/media')!;
    expect(upload.body).toEqual({ file: { filename: 'upload', type: 'image/png', size: 70 }, alt_text: 'one pixel' });
    expect(sim.requests.filter(POSTS)[0]!.body).toMatchObject({ media_ids: ['md_1'] });
    expect(sim.requests.indexOf(upload)).toBeLessThan(sim.requests.findIndex(POSTS));
  });

  it('leaves views (impressions) absent until Chirp reports them, an hour after posting', async () => {
    const { clock, client, account } = setup();
    const { published } = await client.publish(account, { text: 'fresh' });
    const fresh = await client.getPostMetrics(account, published.parts[0]!);
    expect(fresh.metrics.impressions).toBeUndefined();
    expect(fresh.metrics.likes?.platformName).toBe('likes');
    await clock.advance(61 * 60_000);
    const later = await client.getPostMetrics(account, published.parts[0]!);
    expect(later.metrics.impressions?.platformName).toBe('views');
    expect(later.metrics.shares?.platformName).toBe('rechirps');
  });

  it('refreshes an expired token with the refresh token and hands the rotated pair to the app', async () => {
    const { sim, client, account, saved } = setup();
    sim.faults.inject({ kind: 'expired-token', match: 'GET /v1/me' });
    await client.getAccountMetrics(account);
    const refresh = sim.requests.find((request) => request.path === '/oauth/token')!;
    expect(refresh.body).toEqual({ grant_type: 'refresh_token', refresh_token: 'chirp-refresh-0' });
    expect(refresh.headers.authorization).toBeUndefined();
    expect(saved).toEqual([{ accessToken: 'chirp-access-1', refreshToken: 'chirp-refresh-1' }]);
    expect(sim.requests.at(-1)!.headers.authorization).toBe('Bearer chirp-access-1');
  });
});
