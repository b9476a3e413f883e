import { describe, expect, it } from 'vitest';
import { settle, testEnv } from './__tests__/test-env.js';

const BOARD = '549755885175';
const draft = {
  text: 'Find me',
  media: [{ kind: 'image' as const, source: { type: 'url' as const, url: 'https://cdn.example.com/a.jpg' }, mimeType: 'image/jpeg' }],
  networkOptions: { pinterest: { boardId: BOARD, title: 'Found' } },
};

describe('finding a published pin', () => {
  it('a retry with the same key after a lost answer returns the pin instead of making a second', async () => {
    const { sim, client, account } = testEnv();
    sim.faults.inject({ kind: 'drop-after-send', match: 'POST /v5/pins', count: 1 });
    const first = await settle(client.publish(account, draft, { idempotencyKey: 'launch-1' }));
    expect(first.ok).toBe(false);
    const { published, warnings } = await client.publish(account, draft, { idempotencyKey: 'launch-1' });
    expect(sim.posts()).toHaveLength(1);
    expect(published.parts[0]!.id).toBe(sim.posts()[0]!.id);
    expect(warnings.map((warning) => warning.code)).toContain('already_published');
  });

  it('does not take a pin with another title or on another board for this draft', async () => {
    const { sim, client, account } = testEnv();
    const other = sim.boards()[1]!.id;
    await client.publish(account, { ...draft, networkOptions: { pinterest: { boardId: other, title: 'Found' } } });
    await client.publish(account, { ...draft, networkOptions: { pinterest: { boardId: BOARD, title: 'Other' } } });
    expect(await client.findPublished(account, { idempotencyKey: 'k', draft })).toBeNull();
  });
});
