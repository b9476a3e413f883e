import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('deleting a status', () => {
  it('deletes with DELETE /api/v1/statuses/:id; a status already gone counts as deleted', async () => {
    const { sim, client, account, requests } = testEnv();
    const { published } = await client.publish(account, { text: 'short-lived' });
    const ref = published.parts[0]!;
    const from = sim.requests.length;
    await client.delete(account, ref);
    await client.delete(account, ref);
    expect(requests(from)).toEqual([`DELETE /api/v1/statuses/${ref.id}`, `DELETE /api/v1/statuses/${ref.id}`]);
    expect(sim.posts()[0]!.deleted).toBe(true);
    expect(await client.getPost(account, ref)).toBeNull();
    const http = await client.http(account);
    expect(http.rateLimit('delete')).toMatchObject({ limit: 30 });
  });
});
