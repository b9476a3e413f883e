import { describe, expect, it } from 'vitest';
import {
  composeRateLimitParsers,
  dailyQuota,
  defaultRateLimitParser,
  nextMidnightIn,
  parseIetfRateLimitHeaders,
  parseIsoResetHeaders,
  parseUsagePercentHeaders,
  parseRetryAfter,
  parseEpochResetHeaders,
  retryAfterMs,
} from './index.js';

const now = Date.parse('2026-01-05T09:00:00.000Z'); // 1767603600 s
const context = { now, bucket: 'read' as const };
const response = (headers: Record<string, string>, status = 200) => ({ status, headers: new Headers(headers) });

describe('parseEpochResetHeaders (X: epoch seconds)', () => {
  it('reads the three headers as X sends them', () => {
    const out = parseEpochResetHeaders(
      response({ 'x-rate-limit-limit': '300', 'x-rate-limit-remaining': '297', 'x-rate-limit-reset': '1767604500' }),
      context,
    );
    expect(out).toEqual([{ limit: 300, remaining: 297, resetAtMs: 1_767_604_500_000 }]);
  });

  it('returns nothing without those headers, and skips values that are not numbers', () => {
    expect(parseEpochResetHeaders(response({ 'x-ratelimit-limit': '300' }), context)).toEqual([]);
    expect(parseEpochResetHeaders(response({ 'x-rate-limit-limit': 'lots', 'x-rate-limit-remaining': '0' }), context)).toEqual([
      { remaining: 0 },
    ]);
  });
});

describe('parseIetfRateLimitHeaders (Bluesky and the IETF draft)', () => {
  it('reads Bluesky headers: epoch-second reset and a policy with its window', () => {
    const out = parseIetfRateLimitHeaders(
      response({
        'ratelimit-limit': '5000',
        'ratelimit-remaining': '4997',
        'ratelimit-reset': '1767607200',
        'ratelimit-policy': '5000;w=3600',
      }),
      context,
    );
    expect(out).toEqual([{ limit: 5000, remaining: 4997, resetAtMs: 1_767_607_200_000, windowMs: 3_600_000 }]);
  });

  it('reads a small reset as delta seconds, per the draft', () => {
    const out = parseIetfRateLimitHeaders(
      response({ 'RateLimit-Limit': '100', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '30', 'RateLimit-Policy': '100;w=300' }),
      context,
    );
    expect(out).toEqual([{ limit: 100, remaining: 0, resetAtMs: now + 30_000, windowMs: 300_000 }]);
  });

  it('reads the combined RateLimit header of later drafts', () => {
    expect(parseIetfRateLimitHeaders(response({ RateLimit: 'limit=100, remaining=50, reset=30' }), context)).toEqual([
      { limit: 100, remaining: 50, resetAtMs: now + 30_000 },
    ]);
    expect(
      parseIetfRateLimitHeaders(response({ RateLimit: '"default";r=50;t=30', 'RateLimit-Policy': '"default";q=100;w=60' }), context),
    ).toEqual([{ limit: 100, remaining: 50, resetAtMs: now + 30_000, windowMs: 60_000 }]);
  });
});

describe('parseIsoResetHeaders (ISO-8601 reset)', () => {
  it('reads Mastodon headers', () => {
    const out = parseIsoResetHeaders(
      response({ 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '299', 'X-RateLimit-Reset': '2026-01-05T09:05:00.123456Z' }),
      context,
    );
    expect(out).toEqual([{ limit: 300, remaining: 299, resetAtMs: Date.parse('2026-01-05T09:05:00.123Z') }]);
  });
});

describe('parseUsagePercentHeaders (percent used)', () => {
  it('turns X-App-Usage percentages into remaining out of 100, by the most used figure', () => {
    const out = parseUsagePercentHeaders(response({ 'X-App-Usage': '{"call_count":28,"total_time":25,"total_cputime":45}' }), context);
    expect(out).toEqual([{ limit: 100, remaining: 55 }]);
  });

  it('reads X-Business-Use-Case-Usage with the minutes until access returns', () => {
    const header = JSON.stringify({
      '112130216863063': [{ type: 'pages', call_count: 100, total_cputime: 20, total_time: 30, estimated_time_to_regain_access: 7 }],
    });
    const out = parseUsagePercentHeaders(response({ 'X-Business-Use-Case-Usage': header, 'X-App-Usage': '{"call_count":10}' }), context);
    expect(out).toEqual([{ limit: 100, remaining: 0, resetAtMs: now + 7 * 60_000 }]);
  });

  it('ignores malformed JSON', () => {
    expect(parseUsagePercentHeaders(response({ 'X-App-Usage': '{call_count:' }), context)).toEqual([]);
  });
});

describe('Retry-After', () => {
  it('reads delta seconds and HTTP dates', () => {
    expect(parseRetryAfter(response({ 'Retry-After': '120' }, 429), context)).toEqual([{ retryAfterMs: 120_000 }]);
    expect(parseRetryAfter(response({ 'Retry-After': 'Mon, 05 Jan 2026 09:01:30 GMT' }, 503), context)).toEqual([{ retryAfterMs: 90_000 }]);
    expect(retryAfterMs('Mon, 05 Jan 2026 08:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});

describe('composeRateLimitParsers', () => {
  it('merges per bucket: tightest remaining wins, other fields fill in', () => {
    const parse = composeRateLimitParsers(
      () => [{ limit: 300, remaining: 200, resetAtMs: now + 60_000 }],
      () => [{ limit: 100, remaining: 10 }],
      () => [{ retryAfterMs: 5_000 }],
      () => [{ bucket: 'media', remaining: 1 }],
    );
    expect(parse(response({}), context)).toEqual([
      { limit: 100, remaining: 10, resetAtMs: now + 60_000, retryAfterMs: 5_000 },
      { bucket: 'media', remaining: 1 },
    ]);
  });

  it('the default parser understands every family', () => {
    expect(defaultRateLimitParser(response({ 'x-rate-limit-remaining': '3', 'retry-after': '2' }), context)).toEqual([
      { remaining: 3, retryAfterMs: 2_000 },
    ]);
    expect(defaultRateLimitParser(response({ 'x-ratelimit-remaining': '7' }), context)).toEqual([{ remaining: 7 }]);
  });
});

describe('daily quotas', () => {
  it('finds the next midnight in the zone (hand-computed instants)', () => {
    // 09:00Z is 01:00 PST: next midnight Pacific is 2026-01-06 08:00Z.
    expect(new Date(nextMidnightIn('America/Los_Angeles', now)).toISOString()).toBe('2026-01-06T08:00:00.000Z');
    expect(new Date(nextMidnightIn('UTC', now)).toISOString()).toBe('2026-01-06T00:00:00.000Z');
    // 2026-03-08 is the US spring-forward day: that midnight is PST (08:00Z), the next PDT (07:00Z).
    expect(new Date(nextMidnightIn('America/Los_Angeles', Date.parse('2026-03-08T05:00:00Z'))).toISOString()).toBe(
      '2026-03-08T08:00:00.000Z',
    );
    expect(new Date(nextMidnightIn('America/Los_Angeles', Date.parse('2026-03-08T12:00:00Z'))).toISOString()).toBe(
      '2026-03-09T07:00:00.000Z',
    );
    // A zone whose DST change skips midnight itself (Santiago, 2026-09-06 00:00 does not exist).
    expect(new Date(nextMidnightIn('America/Santiago', Date.parse('2026-09-05T12:00:00Z'))).toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('dailyQuota describes a static limit aligned to midnight', () => {
    expect(dailyQuota('write', 100, 'America/Los_Angeles')).toEqual({
      bucket: 'write',
      limit: 100,
      windowMs: 86_400_000,
      resetsAtMidnightIn: 'America/Los_Angeles',
    });
  });
});
