import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createMastodonSimulator } from './index.js';

describe('Mastodon simulator: accounts you do not own', () => {
  function seeded() {
    const sim = createMastodonSimulator({ clock: createFakeClock({ now: '2026-01-05T09:00:00.000Z' }), seed: 5 });
    const { id } = sim.addPublicAccount({
      handle: 'globex',
      followers: 640,
      following: 33,
      postsCount: 212,
      posts: [
        { text: 'a', createdAt: '2026-01-01T09:00:00.000Z', likes: 1 },
        { text: 'b', createdAt: '2026-01-02T09:00:00.000Z', likes: 2, reposts: 5 },
      ],
    });
    const get = async (path: string) => {
      const response = await sim.fetch(`${sim.baseUrl}${path}`, { headers: { authorization: `Bearer ${sim.credentials.accessToken}` } });
      return { status: response.status, body: (await response.json()) as any };
    };
    return { sim, id, get };
  }

  it("looks an account up by acct, with or without this instance's domain", async () => {
    const { sim, id, get } = seeded();
    for (const acct of ['globex', `globex@${new URL(sim.baseUrl).host}`]) {
      const found = await get(`/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`);
      expect(found.body).toMatchObject({ id, acct: 'globex', followers_count: 640, following_count: 33, statuses_count: 212 });
    }
    expect((await get('/api/v1/accounts/lookup?acct=nobody')).status).toBe(404);
    expect((await get('/api/v1/accounts/lookup')).status).toBe(400);
  });

  it("serves the account's statuses newest first, `limit` and `max_id` paging", async () => {
    const { id, get } = seeded();
    const first = await get(`/api/v1/accounts/${id}/statuses?limit=1`);
    expect(first.body.map((status: { favourites_count: number }) => status.favourites_count)).toEqual([2]);
    expect(first.body[0]).toMatchObject({ reblogs_count: 5, replies_count: 0, account: { id } });
    const older = await get(`/api/v1/accounts/${id}/statuses?limit=40&max_id=${first.body[0].id}`);
    expect(older.body.map((status: { favourites_count: number }) => status.favourites_count)).toEqual([1]);
  });
});
