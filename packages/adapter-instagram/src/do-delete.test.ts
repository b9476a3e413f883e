import { UnsupportedFeatureError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { imageAt, settle, testEnv } from './__tests__/test-env.js';

describe('doDelete', () => {
  it('deletes media with a Facebook Login token (DELETE /<IG_MEDIA_ID>), after which getPost is null', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'gone soon', media: [imageAt(env.sim)] });
    await env.client.delete(env.account, published.parts[0]!);
    expect(env.sim.posts().find((post) => post.id === published.parts[0]!.id)?.deleted).toBe(true);
    expect(await env.client.getPost(env.account, published.parts[0]!)).toBeNull();
  });

  it('is refused before any request with Instagram Login (Meta offers no delete there)', async () => {
    const env = testEnv({ simulator: { login: 'instagram' } });
    const { published } = await env.client.publish(env.account, { text: 'stays', media: [imageAt(env.sim)] });
    const from = env.requests().length;
    const outcome = await settle(env.client.delete(env.account, published.parts[0]!));
    expect(!outcome.ok && UnsupportedFeatureError.isInstance(outcome.error)).toBe(true);
    expect(env.requests(from)).toEqual([]);
  });
});
