import { describe, expect, it } from 'vitest';
import { SMALL_VIDEO, testEnv } from './__tests__/test-env.js';

const video = { kind: 'video' as const, source: { type: 'bytes' as const, base64: SMALL_VIDEO }, mimeType: 'video/mp4' };

describe('doDelete and doGetPost', () => {
  it('deletes a video with videos.delete?id= (50 units); getPost then answers null', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'Short-lived', media: [video] });
    const ref = published.parts[0]!;
    expect((await env.client.getPost(env.account, ref))?.text).toBe('Short-lived');
    const before = env.sim.quotaUsed().units;
    await env.client.delete(env.account, ref);
    expect(env.sim.quotaUsed().units - before).toBe(50);
    const request = env.sim.requests.find((entry) => entry.method === 'DELETE')!;
    expect(request.path).toBe('/youtube/v3/videos');
    expect(request.query).toEqual({ id: ref.id });
    expect(await env.client.getPost(env.account, ref)).toBeNull();
  });
});
