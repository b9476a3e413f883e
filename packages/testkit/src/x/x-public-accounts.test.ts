import { describe, expect, it } from 'vitest';
import { setup } from './__tests__/x-call.js';

describe('X simulator: accounts you do not own', () => {
  function seeded() {
    const env = setup();
    const { id } = env.sim.addPublicAccount({
      handle: 'Globex',
      followers: 1200,
      following: 80,
      posts: [
        { text: 'a', createdAt: '2026-01-01T09:00:00.000Z', likes: 1 },
        { text: 'b', createdAt: '2026-01-02T09:00:00.000Z', likes: 2 },
        { text: 'c', createdAt: '2026-01-03T09:00:00.000Z', likes: 3 },
      ],
    });
    return { ...env, id };
  }

  it('serves GET /2/users/by/username/:username with UserPublicMetrics, any letter case', async () => {
    const { call, id } = seeded();
    const found = await call('GET', '/2/users/by/username/globex?user.fields=public_metrics');
    expect(found.status).toBe(200);
    expect(found.body!.data).toEqual({
      id,
      name: 'Globex',
      username: 'Globex',
      public_metrics: { followers_count: 1200, following_count: 80, post_count: 3, listed_count: 0 },
    });
    const missing = await call('GET', '/2/users/by/username/nobody');
    expect(missing.body!.errors[0]).toMatchObject({
      resource_type: 'user',
      parameter: 'username',
      detail: expect.stringContaining('nobody'),
    });
  });

  it('refuses a field X does not define, as its OpenAPI says', async () => {
    const { call } = seeded();
    const refused = await call('GET', '/2/users/by/username/globex?user.fields=bogus');
    expect(refused.status).toBe(400);
    expect(refused.body!.type).toBe('https://api.x.com/2/problems/invalid-request');
  });

  it("pages the user's posts newest first with PostPublicMetrics", async () => {
    const { call, id } = seeded();
    const first = await call('GET', `/2/users/${id}/tweets?max_results=5&post.fields=created_at,public_metrics`);
    expect(first.body!.data.map((post: { text: string }) => post.text)).toEqual(['c', 'b', 'a']);
    expect(first.body!.data[0]).toMatchObject({
      created_at: '2026-01-03T09:00:00.000Z',
      public_metrics: { like_count: 3, reply_count: 0, repost_count: 0, quote_count: 0 },
    });
    expect(first.body!.meta.next_token).toBeUndefined();
  });

  it('keeps the id when the same handle is seeded again with new numbers', async () => {
    const { sim, call, id } = seeded();
    expect(sim.addPublicAccount({ handle: 'globex', followers: 1300, following: 80 }).id).toBe(id);
    const again = await call('GET', `/2/users/${id}?user.fields=public_metrics`);
    expect(again.body!.data.public_metrics.followers_count).toBe(1300);
  });
});
