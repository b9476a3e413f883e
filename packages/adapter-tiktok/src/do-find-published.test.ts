import { describe, expect, it } from 'vitest';
import { shortVideo, testEnv } from './__tests__/test-env.js';

const video = shortVideo();

describe('doFindPublished', () => {
  it('finds a published video by its caption in the video list, and nothing for another caption', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'find me', media: [video] });
    const found = await env.client.findPublished(env.account, { idempotencyKey: 'k1', draft: { text: 'find me', media: [video] } });
    expect(found?.parts[0]!.id).toBe(published.parts[0]!.id);
    expect(await env.client.findPublished(env.account, { idempotencyKey: 'k2', draft: { text: 'not posted', media: [video] } })).toBeNull();
    expect(env.requests()).toContain('POST /v2/video/list/');
  });

  it('a lost init answer never leaves two videos: the retry finds nothing and starts a fresh init', async () => {
    const env = testEnv();
    env.sim.faults.inject({ kind: 'drop-after-send', match: 'POST /v2/post/publish/video/init' });
    const key = 'lost-init';
    await expect(env.client.publish(env.account, { text: 'once', media: [video] }, { idempotencyKey: key })).rejects.toThrow();
    await env.client.publish(env.account, { text: 'once', media: [video] }, { idempotencyKey: key });
    // The first init got no upload, so TikTok never publishes it.
    env.clock.advance(3_600_000);
    expect(env.sim.posts().filter((post) => post.text === 'once')).toHaveLength(1);
    expect(env.sim.publishes()).toHaveLength(2);
  });
});
