import { UnsupportedFeatureError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { settle, testEnv } from './__tests__/test-env.js';

describe('doListMentions', () => {
  it('is refused before any request: the Content Posting and Display APIs read no comments', async () => {
    const env = testEnv();
    const outcome = await settle(env.client.listMentions(env.account, {}));
    expect(UnsupportedFeatureError.isInstance(outcome.ok ? undefined : outcome.error)).toBe(true);
    expect(env.requests()).toEqual([]);
  });
});
