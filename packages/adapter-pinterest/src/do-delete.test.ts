import { describe, expect, it } from 'vitest';
import { ONE_PIXEL_PNG_BASE64, testEnv } from './__tests__/test-env.js';

const draft = {
  text: 'short-lived',
  media: [{ kind: 'image' as const, source: { type: 'bytes' as const, base64: ONE_PIXEL_PNG_BASE64 }, mimeType: 'image/png' }],
  networkOptions: { pinterest: { boardId: '549755885175' } },
};

describe('deleting a pin', () => {
  it('sends DELETE /v5/pins/{pin_id}; a pin already gone counts as deleted', async () => {
    const { sim, client, account, requests } = testEnv();
    const { published } = await client.publish(account, draft);
    const ref = published.parts[0]!;
    const from = sim.requests.length;
    await client.delete(account, ref);
    await client.delete(account, ref);
    expect(requests(from)).toEqual([`DELETE /v5/pins/${ref.id}`, `DELETE /v5/pins/${ref.id}`]);
    expect(sim.posts()[0]!.deleted).toBe(true);
  });
});
