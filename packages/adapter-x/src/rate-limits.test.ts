import { describe, expect, it } from 'vitest';
import { parseXDailyLimitHeaders, parseXRateLimit } from './rate-limits.js';

const context = { now: 1_767_603_600_000, bucket: 'write:tweets' };

describe('X rate-limit headers', () => {
  it('reads the 24-hour user and app limits', () => {
    const headers = new Headers({
      'x-user-limit-24hour-limit': '17',
      'x-user-limit-24hour-remaining': '3',
      'x-user-limit-24hour-reset': '1767690000',
      'x-app-limit-24hour-limit': '1500',
      'x-app-limit-24hour-remaining': '1400',
      'x-app-limit-24hour-reset': '1767690000',
    });
    expect(parseXDailyLimitHeaders({ status: 201, headers }, context)).toEqual([
      { limit: 17, remaining: 3, resetAtMs: 1_767_690_000_000 },
      { limit: 1500, remaining: 1400, resetAtMs: 1_767_690_000_000 },
    ]);
    expect(parseXDailyLimitHeaders({ status: 200, headers: new Headers() }, context)).toEqual([]);
  });

  it('lets the limit closer to running out decide: the daily one after the last daily post', () => {
    const headers = new Headers({
      'x-rate-limit-limit': '100',
      'x-rate-limit-remaining': '99',
      'x-rate-limit-reset': '1767604500',
      'x-user-limit-24hour-limit': '17',
      'x-user-limit-24hour-remaining': '0',
      'x-user-limit-24hour-reset': '1767690000',
    });
    expect(parseXRateLimit({ status: 201, headers }, context)).toEqual([{ limit: 17, remaining: 0, resetAtMs: 1_767_690_000_000 }]);
  });

  it('keeps the 15-minute window when it is the tighter one', () => {
    const headers = new Headers({
      'x-rate-limit-limit': '100',
      'x-rate-limit-remaining': '1',
      'x-rate-limit-reset': '1767604500',
      'x-user-limit-24hour-limit': '2400',
      'x-user-limit-24hour-remaining': '2000',
      'x-user-limit-24hour-reset': '1767690000',
    });
    expect(parseXRateLimit({ status: 201, headers }, context)).toEqual([{ limit: 100, remaining: 1, resetAtMs: 1_767_604_500_000 }]);
  });
});
