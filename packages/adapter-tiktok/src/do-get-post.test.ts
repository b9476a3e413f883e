import { describe, expect, it } from 'vitest';
import { shortVideo, testEnv } from './__tests__/test-env.js';

describe('doGetPost', () => {
  it('reads a video back through the Display API video query', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'read me back', media: [shortVideo()] });
    const post = await env.client.getPost(env.account, published.parts[0]!);
    expect(post?.text).toBe('read me back');
    expect(env.sim.requests.find((request) => request.path === '/v2/video/query/')?.body).toEqual({
      filters: { video_ids: [published.parts[0]!.id] },
    });
  });

  it('returns null for a video TikTok does not return', async () => {
    const env = testEnv();
    expect(await env.client.getPost(env.account, { platform: 'tiktok', id: '7311000000000000001' })).toBeNull();
  });
});
