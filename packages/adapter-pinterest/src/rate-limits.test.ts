import { describe, expect, it } from 'vitest';
import { parsePinterestRateLimit, pinterestStaticLimits } from './rate-limits.js';

describe('Pinterest rate limits', () => {
  it('reads x-ratelimit-* with the reset in seconds from now', () => {
    const now = Date.parse('2026-01-05T09:00:00.000Z');
    const observed = parsePinterestRateLimit(
      { status: 200, headers: new Headers({ 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '7', 'x-ratelimit-reset': '30' }) },
      { now, bucket: 'org_read' },
    );
    expect(observed).toEqual([{ limit: 100, remaining: 7, resetAtMs: now + 30_000 }]);
  });

  it('spends trial apps’ 1 000 daily requests from every category bucket', () => {
    expect(pinterestStaticLimits('trial').map((limit) => limit.bucket)).toEqual(['org_read', 'org_write', 'org_analytics']);
  });
});
