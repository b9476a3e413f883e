import { describe, expect, it } from 'vitest';
import { SMALL_VIDEO, testEnv } from './__tests__/test-env.js';

const video = { kind: 'video' as const, source: { type: 'bytes' as const, base64: SMALL_VIDEO }, mimeType: 'video/mp4' };

describe('doFindPublished', () => {
  it('finds the video by the marker tag of its idempotency key, in 3 quota units', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'Find me', media: [video] }, { idempotencyKey: 'launch-2026-07' });
    await env.client.publish(env.account, { text: 'Another', media: [video] }, { idempotencyKey: 'other-key' });
    const before = env.sim.quotaUsed().units;
    const found = await env.client.findPublished(env.account, { idempotencyKey: 'launch-2026-07' });
    expect(found?.parts[0]!.id).toBe(published.parts[0]!.id);
    expect(env.sim.quotaUsed().units - before).toBe(3);
    expect(await env.client.findPublished(env.account, { idempotencyKey: 'never-used' })).toBeNull();
  });

  it('a video whose processing failed is not a published one', async () => {
    const env = testEnv();
    env.sim.failProcessing();
    await env.client.publish(env.account, { text: 'Fails', media: [video] }, { idempotencyKey: 'failing' }).catch(() => undefined);
    expect(await env.client.findPublished(env.account, { idempotencyKey: 'failing' })).toBeNull();
  });
});
