import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('finding a published draft', () => {
  it('finds a published draft by its text in the own timeline, and nothing before `since` or without a draft', async () => {
    const env = testEnv();
    const draft = { text: 'Fish & chips <3 https://example.com/menu', thread: [{ text: 'second part' }] };
    const { published } = await env.client.publish(env.account, draft);
    const found = await env.client.findPublished(env.account, { idempotencyKey: 'any', draft });
    expect(found?.parts.map((part) => part.id)).toEqual(published.parts.map((part) => part.id));
    const timeline = env.sim.requests.at(-1)!;
    expect(timeline.path).toBe(`/2/users/${env.sim.account.id}/tweets`);
    expect(timeline.query).toMatchObject({ max_results: '100' });
    expect(await env.client.findPublished(env.account, { idempotencyKey: 'any' })).toBeNull();
    expect(
      await env.client.findPublished(env.account, {
        idempotencyKey: 'any',
        draft,
        since: new Date(env.clock.now() + 60_000).toISOString(),
      }),
    ).toBeNull();
    expect(await env.client.findPublished(env.account, { idempotencyKey: 'any', draft: { text: 'never said' } })).toBeNull();
  });
});
