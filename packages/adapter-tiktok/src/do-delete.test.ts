import { UnsupportedFeatureError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { settle, testEnv } from './__tests__/test-env.js';

describe('doDelete', () => {
  it('is refused before any request: TikTok has no delete API', async () => {
    const env = testEnv();
    const outcome = await settle(env.client.delete(env.account, { platform: 'tiktok', id: '7311000000000000001' }));
    expect(UnsupportedFeatureError.isInstance(outcome.ok ? undefined : outcome.error)).toBe(true);
    expect(env.requests()).toEqual([]);
  });
});
