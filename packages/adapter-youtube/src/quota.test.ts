import { describe, expect, it } from 'vitest';
import { RateLimitError } from '@smm/core/adapter-kit';
import { YouTubeQuotaError } from './internal/index.js';
import { SMALL_VIDEO, settle, testEnv } from './__tests__/test-env.js';

const video = { kind: 'video' as const, source: { type: 'bytes' as const, base64: SMALL_VIDEO }, mimeType: 'video/mp4' };

describe('the daily quota in units', () => {
  it('refuses the call that would overdraw the day without sending it, naming cost, remaining and the reset at midnight Pacific', async () => {
    // 12:00 UTC on 1 July 2026 is 05:00 PDT (UTC-7): the quota resets at 2026-07-02T00:00 PDT = 07:00 UTC.
    const env = testEnv({ now: '2026-07-01T12:00:00.000Z', settings: { dailyUnits: 60 } });
    const { published } = await env.client.publish(env.account, { text: 'Quota day', media: [video] });
    // The publish polled with videos.list (1 unit each); a delete costs 50, which still fits.
    const spentBefore = env.sim.quotaUsed().units;
    expect(spentBefore).toBeLessThan(10);
    await env.client.delete(env.account, published.parts[0]!);
    const second = await env.client.publish(env.account, { text: 'Second', media: [video] });
    const sent = env.sim.requests.length;
    const outcome = await settle(env.client.delete(env.account, second.published.parts[0]!));
    expect(outcome.ok).toBe(false);
    const error = outcome.ok ? undefined : outcome.error;
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(YouTubeQuotaError.isQuotaError(error)).toBe(true);
    const quota = error as YouTubeQuotaError;
    expect(quota.cost).toBe(50);
    expect(quota.method).toBe('videos.delete');
    expect(quota.remaining).toBe(60 - env.sim.quotaUsed().units);
    expect(quota.resetAt).toBe('2026-07-02T07:00:00.000Z');
    expect(quota.message).toMatch(/costs 50 units but only \d+ units? of today's 60 remain/);
    expect(quota.message).toContain('2026-07-02T07:00:00.000Z');
    // Nothing was sent for the refused call.
    expect(env.sim.requests.length).toBe(sent);
    // A 1-unit read still fits.
    expect(await env.client.getPost(env.account, second.published.parts[0]!)).not.toBeNull();
  });

  it("YouTube's own 403 quotaExceeded becomes a RateLimitError until the reset", async () => {
    const env = testEnv({ now: '2026-07-01T12:00:00.000Z', simulator: { dailyUnits: 3 } });
    const outcomes = [];
    for (let i = 0; i < 5; i += 1) outcomes.push(await settle(env.client.getAccountMetrics(env.account)));
    expect(outcomes.slice(0, 3).every((outcome) => outcome.ok)).toBe(true);
    const failed = outcomes[3]!;
    expect(failed.ok).toBe(false);
    expect(RateLimitError.isInstance(failed.ok ? undefined : failed.error)).toBe(true);
  });
});
