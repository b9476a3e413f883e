// Fix points 7 and 8: local days in posting consistency, validated doors, escaped link targets.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { postSnapshot } from './__tests__/fixtures.js';
import {
  amplificationRate,
  businessMillisBetween,
  engagementRate,
  postingConsistency,
  toSeries,
  topPosts,
  totalEngagements,
  type BusinessHours,
} from './index.js';

describe('postingConsistency counts local days in the plan zone', () => {
  it('a DST week (167 h) still expects 7 daily posts', () => {
    // Europe/Bucharest springs forward on Sunday 29 March 2026: 23 Mar 00:00 → 30 Mar 00:00 local
    // is 2026-03-22T22:00Z → 2026-03-29T21:00Z = 167 hours.
    const range = { start: '2026-03-22T22:00:00.000Z', end: '2026-03-29T21:00:00.000Z' };
    expect((Date.parse(range.end) - Date.parse(range.start)) / 3_600_000).toBe(167);
    const publishedAt = Array.from({ length: 7 }, (_, day) =>
      new Date(Date.parse(range.start) + day * 86_400_000 + 8 * 3_600_000).toISOString(),
    );
    const plan = { publishedAt, plannedGapMs: 86_400_000, range };
    expect(postingConsistency({ ...plan, timeZone: 'Europe/Bucharest' })).toMatchObject({ expectedPosts: 7, adherence: 1 });
    // The same instants read as UTC days are 6 whole days and 23 hours.
    expect(postingConsistency(plan)).toMatchObject({ expectedPosts: 6 });
    // A fall-back week is 169 h and still 7 local days; a 2-day plan expects ⌊7 ÷ 2⌋ = 3.
    const autumn = { start: '2026-10-18T21:00:00.000Z', end: '2026-10-25T22:00:00.000Z' };
    expect(
      postingConsistency({ publishedAt: [], plannedGapMs: 86_400_000, range: autumn, timeZone: 'Europe/Bucharest' }).expectedPosts,
    ).toBe(7);
    expect(
      postingConsistency({ publishedAt: [], plannedGapMs: 2 * 86_400_000, range: autumn, timeZone: 'Europe/Bucharest' }).expectedPosts,
    ).toBe(3);
    expect(() => postingConsistency({ ...plan, timeZone: 'Mars/Base' })).toThrow(/timeZone/);
  });
});

describe('calculators validate at their door', () => {
  const good = postSnapshot('p', { likes: 5, reach: 100 });
  const noPostId = { ...good, subject: { type: 'post', platform: 'x', accountId: 'acme' } } as never;
  const noAccount = { ...good, subject: { type: 'post', platform: 'x', postId: 'q' } } as never;

  it('malformed subjects are a ValidationError naming the snapshot and field, not one merged subject', () => {
    expect(() => engagementRate([good, noPostId], { by: 'reach' })).toThrow(ValidationError);
    expect(() => engagementRate([good, noPostId], { by: 'reach' })).toThrow(/\[1\]\.subject\.postId/);
    expect(() => totalEngagements([noAccount])).toThrow(/\[0\]\.subject\.accountId/);
    expect(() => topPosts([noPostId], { by: 'likes' })).toThrow(ValidationError);
    expect(() => amplificationRate([noPostId], { variant: 'per-post' })).toThrow(ValidationError);
    expect(() => toSeries([noAccount], { metric: 'likes', interval: 'day', timeZone: 'UTC' })).toThrow(ValidationError);
  });

  it('an unknown `by` or variant is a ValidationError, not undefined', () => {
    expect(() => engagementRate(good, { by: 'clicks' } as never)).toThrow(ValidationError);
    expect(() => engagementRate(good, { by: 'clicks' } as never)).toThrow(/by/);
    expect(() => amplificationRate(good, { variant: 'per-day' } as never)).toThrow(/variant/);
  });

  it('businessMillisBetween validates its schedule like responseTimes', () => {
    const friday16 = Date.parse('2026-03-06T14:00:00.000Z'); // 16:00 Bucharest
    const monday10 = Date.parse('2026-03-09T08:00:00.000Z'); // 10:00
    const hours: BusinessHours = {
      timeZone: 'Europe/Bucharest',
      weekly: { 1: [{ start: '09:00', end: '17:00' }], 5: [{ start: '09:00', end: '17:00' }] },
    };
    expect(businessMillisBetween(friday16, monday10, hours)).toBe(2 * 3_600_000); // 1 h Friday + 1 h Monday
    const bad = { timeZone: 'Europe/Bucharest', weekly: { 1: [{ start: '9:00', end: '17:00' }] } } as BusinessHours;
    expect(() => businessMillisBetween(friday16, monday10, bad)).toThrow(ValidationError);
    expect(() => businessMillisBetween(friday16, monday10, bad)).toThrow(/weekly\.1\[0\]\.start/);
    expect(() => businessMillisBetween(friday16, monday10, { ...hours, timeZone: 'Nowhere/City' })).toThrow(/timeZone/);
    expect(() => businessMillisBetween(Number.NaN, monday10, hours)).toThrow(/startMs/);
  });
});
