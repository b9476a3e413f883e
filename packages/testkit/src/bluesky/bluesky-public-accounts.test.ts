import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { xrpcClient } from './__tests__/xrpc-client.js';
import { createBlueskySimulator } from './index.js';

const START = '2026-01-05T09:00:00.000Z';

describe('Bluesky simulator: accounts you do not own', () => {
  async function seeded() {
    const sim = createBlueskySimulator({ clock: createFakeClock({ now: START }), seed: 5 });
    const { call, login } = xrpcClient(sim, START);
    const token = (await login()).accessJwt;
    const { id } = sim.addPublicAccount({
      handle: 'globex.bsky.social',
      followers: 950,
      following: 120,
      posts: [
        { text: 'a', createdAt: '2026-01-01T09:00:00.000Z', likes: 1, replies: 2 },
        { text: 'b', createdAt: '2026-01-02T09:00:00.000Z', likes: 2 },
      ],
    });
    return { call, token, id };
  }

  it('serves app.bsky.actor.getProfile by handle and by DID', async () => {
    const { call, token, id } = await seeded();
    for (const actor of ['globex.bsky.social', id]) {
      const profile = await call('GET', 'app.bsky.actor.getProfile', { query: `actor=${encodeURIComponent(actor)}`, token });
      expect(profile.status).toBe(200);
      expect(profile.body).toMatchObject({ did: id, handle: 'globex.bsky.social', followersCount: 950, followsCount: 120, postsCount: 2 });
    }
  });

  it('serves app.bsky.feed.getAuthorFeed newest first, with a cursor, held to its lexicon', async () => {
    const { call, token, id } = await seeded();
    const first = await call('GET', 'app.bsky.feed.getAuthorFeed', { query: `actor=${id}&limit=1`, token });
    expect(first.status).toBe(200);
    expect(first.body!.feed[0].post).toMatchObject({ record: { text: 'b' }, likeCount: 2, replyCount: 0, author: { did: id } });
    const second = await call('GET', 'app.bsky.feed.getAuthorFeed', { query: `actor=${id}&limit=1&cursor=${first.body!.cursor}`, token });
    expect(second.body!.feed[0].post).toMatchObject({ record: { text: 'a' }, likeCount: 1, replyCount: 2 });
    expect(second.body!.cursor).toBeUndefined();
    // The lexicon caps limit at 100.
    const tooMany = await call('GET', 'app.bsky.feed.getAuthorFeed', { query: `actor=${id}&limit=101`, token });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body!.error).toBe('InvalidRequest');
  });
});
