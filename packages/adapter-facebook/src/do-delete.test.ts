import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('deleting', () => {
  it('deletes a post, and counts one already gone as deleted', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'Short-lived' });
    await env.client.delete(env.account, published.parts[0]!);
    expect(env.sim.posts().find((post) => post.id === published.parts[0]!.id)?.deleted).toBe(true);
    await env.client.delete(env.account, published.parts[0]!);
    expect(env.requests().filter((line) => line.startsWith('DELETE'))).toEqual([
      `DELETE /v26.0/${published.parts[0]!.id}`,
      `DELETE /v26.0/${published.parts[0]!.id}`,
    ]);
  });
});
