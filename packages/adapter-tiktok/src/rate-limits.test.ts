import { describe, expect, it } from 'vitest';
import { parseTikTokRateLimit, tiktokStaticLimits } from './rate-limits.js';

describe('rate limits', () => {
  it('declares TikTok’s documented per-token limits as static limits', () => {
    expect(tiktokStaticLimits()).toEqual([
      { bucket: 'init', limit: 6, windowMs: 60_000 },
      { bucket: 'creator-info', limit: 20, windowMs: 60_000 },
      { bucket: 'status', limit: 30, windowMs: 60_000 },
      { bucket: 'read', limit: 600, windowMs: 60_000 },
    ]);
  });

  it('reads a 429 as the one-minute window full', () => {
    expect(parseTikTokRateLimit({ status: 429, headers: new Headers() }, { now: 1_000, bucket: 'read' })).toEqual([
      { remaining: 0, resetAtMs: 61_000, windowMs: 60_000 },
    ]);
    expect(parseTikTokRateLimit({ status: 200, headers: new Headers() }, { now: 1_000, bucket: 'read' })).toEqual([]);
  });
});
