import { PublishOutcomeUnknownError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { settle, testEnv } from './__tests__/test-env.js';

describe('finding a publish whose answer was lost', () => {
  it('finds the post among the author’s latest by its commentary, so a retry makes no second post', async () => {
    const { sim, client, account } = testEnv();
    const text = 'Launch (day 1) #go';
    sim.faults.inject({ kind: 'drop-after-send', match: 'POST /rest/posts' });
    const first = await settle(client.publish(account, { text }, { idempotencyKey: 'launch-1' }));
    expect(first.ok || PublishOutcomeUnknownError.isInstance(first.error)).toBe(true);
    const second = await client.publish(account, { text }, { idempotencyKey: 'launch-1' });
    const held = sim.posts().filter((post) => post.text === text && !post.deleted);
    expect(held).toHaveLength(1);
    expect(second.published.parts[0]!.id).toBe(held[0]!.id);
    expect(sim.requests.some((request) => request.path === '/rest/posts' && request.method === 'GET' && request.query.q === 'author')).toBe(
      true,
    );
  });

  it('finds a reply among the target’s comments by actor and text; without the draft there is nothing to match', async () => {
    const { sim, client, account } = testEnv();
    const { published } = await client.publish(account, { text: 'root' });
    sim.faults.inject({ kind: 'drop-after-send', match: 'POST /rest/socialActions' });
    await settle(client.reply(account, published.parts[0]!, { text: 'reply once' }, { idempotencyKey: 'reply-1' }));
    const again = await client.reply(account, published.parts[0]!, { text: 'reply once' }, { idempotencyKey: 'reply-1' });
    const held = sim.posts().filter((post) => post.text === 'reply once');
    expect(held).toHaveLength(1);
    expect(again.published.parts[0]!.id).toBe(held[0]!.id);
    expect(await client.findPublished(account, { idempotencyKey: 'reply-1' })).toBeNull();
  });
});
