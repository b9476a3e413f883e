import { describe, expect, it } from 'vitest';
import { settle, testEnv } from './__tests__/test-env.js';

const USER = '27143896403261755';

describe('finding a post already published', () => {
  it('finds a whole chain by its texts (root among threads, the rest among replies); a missing part is null', async () => {
    const { client, account } = testEnv();
    const { published } = await client.publish(account, { text: 'chain 1', thread: [{ text: 'chain 2' }] });
    const found = await client.findPublished(account, {
      idempotencyKey: 'any-key',
      draft: { text: 'chain 1', thread: [{ text: 'chain 2' }] },
    });
    expect(found?.parts.map((part) => part.id)).toEqual(published.parts.map((part) => part.id));
    expect(
      await client.findPublished(account, { idempotencyKey: 'any-key', draft: { text: 'chain 1', thread: [{ text: 'chain 3' }] } }),
    ).toBeNull();
    expect(await client.findPublished(account, { idempotencyKey: 'any-key', draft: { text: 'never posted' } })).toBeNull();
  });

  it('a chain retried after a lost answer mid-way posts its missing parts only', async () => {
    const { client, account, sim } = testEnv();
    // The answer to the second threads_publish (part 2) is lost.
    let publishes = 0;
    sim.faults.inject({
      kind: 'drop-after-send',
      count: 1,
      match: (request) => request.path === `/v1.0/${USER}/threads_publish` && ++publishes === 2,
    });
    const draft = { text: 'retry 1', thread: [{ text: 'retry 2' }, { text: 'retry 3' }] };
    const first = await settle(client.publish(account, draft, { idempotencyKey: 'chain-key' }));
    sim.faults.clear();
    const second = first.ok ? first : await settle(client.publish(account, draft, { idempotencyKey: 'chain-key' }));
    expect(second.ok).toBe(true);
    expect(sim.posts().map((post) => post.text)).toEqual(['retry 1', 'retry 2', 'retry 3']);
  });
});
