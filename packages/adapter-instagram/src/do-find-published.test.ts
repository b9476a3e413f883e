import { describe, expect, it } from 'vitest';
import { imageAt, testEnv } from './__tests__/test-env.js';

describe('doFindPublished', () => {
  it('finds media by caption published since the instant given, and not an older post with the same caption', async () => {
    const env = testEnv();
    const media = [imageAt(env.sim)];
    const old = await env.client.publish(env.account, { text: 'Same words', media });
    env.clock.advance(2 * 3_600_000);
    const since = new Date(env.clock.now()).toISOString();
    expect(
      await env.client.findPublished(env.account, { idempotencyKey: 'key-1', draft: { text: 'Same words', media }, since }),
    ).toBeNull();
    const fresh = await env.client.publish(env.account, { text: 'Same words', media });
    const found = await env.client.findPublished(env.account, { idempotencyKey: 'key-1', draft: { text: 'Same words', media }, since });
    expect(found?.parts[0]!.id).toBe(fresh.published.parts[0]!.id);
    expect(found?.parts[0]!.id).not.toBe(old.published.parts[0]!.id);
  });

  it('recovers a lost answer to the container create without a second post', async () => {
    const env = testEnv();
    env.sim.faults.inject({
      kind: 'drop-after-send',
      count: 1,
      match: (request) => request.method === 'POST' && request.path.endsWith('/media'),
    });
    const draft = { text: 'retry me', media: [imageAt(env.sim)] };
    const first = await env.client.publish(env.account, draft, { idempotencyKey: 'k' }).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(Error);
    const second = await env.client.publish(env.account, draft, { idempotencyKey: 'k' });
    const live = env.sim.posts().filter((post) => post.text === 'retry me');
    expect(live.map((post) => post.id)).toEqual([second.published.parts[0]!.id]);
  });

  it('finds a reply by its text under the same post', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'root', media: [imageAt(env.sim)] });
    const reply = await env.client.reply(env.account, published.parts[0]!, { text: 'a comment' });
    const found = await env.client.findPublished(env.account, {
      idempotencyKey: 'key-2',
      draft: { text: 'a comment', replyTo: published.parts[0]! },
    });
    expect(found?.parts[0]!.id).toBe(reply.published.parts[0]!.id);
  });
});
