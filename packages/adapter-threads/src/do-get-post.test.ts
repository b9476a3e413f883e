import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('reading a post back', () => {
  it('answers text, time, permalink and what it replies to; a deleted post is null', async () => {
    const { client, account, sim, clock } = testEnv();
    const before = clock.now();
    const { published } = await client.publish(account, { text: 'first', thread: [{ text: 'second' }] });
    const [root, reply] = published.parts;
    const fetched = await client.getPost(account, reply!);
    expect(fetched).toMatchObject({ ref: { id: reply!.id }, text: 'second', inReplyTo: { id: root!.id }, mediaCount: 0 });
    expect(fetched!.ref.url).toMatch(/^https:\/\/www\.threads\.net\/@smm_threads\/post\//);
    expect(Date.parse(fetched!.createdAt)).toBeGreaterThanOrEqual(before - 1_000);
    await client.delete(account, root!);
    expect(await client.getPost(account, root!)).toBeNull();
    expect(sim.posts().find((post) => post.id === root!.id)!.deleted).toBe(true);
  });
});
