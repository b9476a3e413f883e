import { describe, expect, it } from 'vitest';
import { ONE_PIXEL_PNG_BASE64, testEnv } from './__tests__/test-env.js';

const draft = {
  text: 'A pin to read back',
  media: [{ kind: 'image' as const, source: { type: 'bytes' as const, base64: ONE_PIXEL_PNG_BASE64 }, mimeType: 'image/png' }],
  networkOptions: { pinterest: { boardId: '549755885175' } },
};

describe('reading a pin', () => {
  it('returns the description as text with GET /v5/pins/{pin_id}, and null once deleted', async () => {
    const { client, account, sim, requests } = testEnv();
    const { published } = await client.publish(account, draft);
    const ref = published.parts[0]!;
    const from = sim.requests.length;
    const post = await client.getPost(account, ref);
    expect(requests(from)).toEqual([`GET /v5/pins/${ref.id}`]);
    expect(post).toMatchObject({ text: 'A pin to read back', ref: { id: ref.id, url: `https://www.pinterest.com/pin/${ref.id}/` } });
    await client.delete(account, ref);
    expect(await client.getPost(account, ref)).toBeNull();
  });
});
