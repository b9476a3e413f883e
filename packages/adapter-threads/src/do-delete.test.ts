import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('deleting a post', () => {
  it('sends DELETE /v1.0/{threads-media-id}; deleting it again is not an error', async () => {
    const { client, account, sim } = testEnv();
    const { published } = await client.publish(account, { text: 'short-lived' });
    const ref = published.parts[0]!;
    await client.delete(account, ref);
    expect(sim.requests.filter((request) => request.method === 'DELETE').map((request) => request.path)).toEqual([`/v1.0/${ref.id}`]);
    expect(sim.posts()[0]!.deleted).toBe(true);
    await expect(client.delete(account, ref)).resolves.toBeUndefined();
  });
});
