import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createPublishingLimit } from './index.js';

const HOUR = 3_600_000;

describe('createPublishingLimit', () => {
  // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit/
  it("answers content_publishing_limit in Instagram's shape: quota_usage by default, config on request", () => {
    const clock = createFakeClock({ now: 0 });
    const limit = createPublishingLimit({ clock, network: 'instagram' });
    limit.record('ig');
    limit.record('ig');
    expect(limit.answer('ig')).toEqual({ data: [{ quota_usage: 2 }] });
    expect(limit.answer('ig', 'quota_usage,config')).toEqual({
      data: [{ quota_usage: 2, config: { quota_total: 50, quota_duration: 86400 } }],
    });
  });

  // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes — 9 / 2207042.
  it('refuses the 51st Instagram post in 24 h with code 9 subcode 2207042, and frees as the window rolls', async () => {
    const clock = createFakeClock({ now: 0 });
    const limit = createPublishingLimit({ clock, network: 'instagram' });
    limit.record('ig');
    await clock.advance(HOUR);
    limit.fill('ig', 49);
    const refused = limit.check('ig');
    expect(refused?.status).toBe(400);
    expect(((await refused!.json()) as { error: Record<string, unknown> }).error).toMatchObject({
      code: 9,
      error_subcode: 2207042,
      error_user_msg: 'You reached maximum number of posts that is allowed to be published by Content Publishing API.',
    });
    expect(limit.oldestFreesAtMs('ig')).toBe(24 * HOUR);
    await clock.advance(23 * HOUR);
    expect(limit.check('ig')).toBeUndefined();
    expect(limit.used('ig')).toBe(49);
  });

  // https://developers.facebook.com/docs/threads/overview/ (Posts) · .../retrieve-and-manage-replies (reply quota).
  it("answers threads_publishing_limit with Threads' post and reply quotas", () => {
    const clock = createFakeClock({ now: 0 });
    const limit = createPublishingLimit({ clock, network: 'threads' });
    limit.record('th');
    limit.record('th', 'reply');
    expect(limit.answer('th', 'quota_usage,config,reply_quota_usage,reply_config')).toEqual({
      data: [
        {
          quota_usage: 1,
          config: { quota_total: 250, quota_duration: 86400 },
          reply_quota_usage: 1,
          reply_config: { quota_total: 1000, quota_duration: 86400 },
        },
      ],
    });
    limit.fill('th', 249);
    expect(limit.check('th')?.status).toBe(400);
    expect(limit.check('th', 'reply')).toBeUndefined();
  });
});
