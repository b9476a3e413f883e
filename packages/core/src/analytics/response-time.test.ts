import { describe, expect, it } from 'vitest';
import type { Mention } from '../model/index.js';
import { businessMillisBetween, responseRate, responseTimes, type BusinessHours } from './index.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

function received(id: string, createdAt: string): Mention {
  return { id, platform: 'x', accountId: 'acme', kind: 'reply', author: { id: 'u', handle: 'user' }, text: 'question?', createdAt };
}

const weekdays9to17: BusinessHours = {
  timeZone: 'Europe/Bucharest',
  weekly: Object.fromEntries([1, 2, 3, 4, 5].map((day) => [day, [{ start: '09:00', end: '17:00' }]])),
};

describe('responseTimes', () => {
  // Five mentions; four answered after 10 min, 30 min, 2 h and 5 h; one never answered.
  const mentions = [
    received('1', '2026-03-10T08:00:00.000Z'),
    received('2', '2026-03-10T09:00:00.000Z'),
    received('3', '2026-03-10T10:00:00.000Z'),
    received('4', '2026-03-10T11:00:00.000Z'),
    received('5', '2026-03-10T12:00:00.000Z'),
  ];
  const replies = [
    { inReplyToId: '1', createdAt: '2026-03-10T08:10:00.000Z' },
    { inReplyToId: '1', createdAt: '2026-03-10T09:00:00.000Z' }, // a second answer: the first one counts
    { inReplyToId: '2', createdAt: '2026-03-10T09:30:00.000Z' },
    { inReplyToId: '3', createdAt: '2026-03-10T12:00:00.000Z' },
    { inReplyToId: '4', createdAt: '2026-03-10T16:00:00.000Z' },
  ];

  it('mean, median, p90, fastest and slowest over all hours', () => {
    const { allHours } = responseTimes({ mentions, replies });
    // times: 10 min, 30 min, 120 min, 300 min
    expect(allHours.received).toBe(5);
    expect(allHours.answered).toBe(4);
    expect(allHours.mean).toBe(115 * MINUTE); // (10 + 30 + 120 + 300) / 4
    expect(allHours.median).toBe(75 * MINUTE); // (30 + 120) / 2
    expect(allHours.p90).toBe(300 * MINUTE); // rank ⌈3.6⌉ = 4
    expect(allHours.fastest).toBe(10 * MINUTE);
    expect(allHours.slowest).toBe(300 * MINUTE);
  });

  it('response rate = answered ÷ received, optionally within a limit', () => {
    expect(responseRate({ mentions, replies })).toBeCloseTo(0.8, 12);
    expect(responseRate({ mentions, replies, within: HOUR })).toBeCloseTo(0.4, 12); // 10 and 30 min only
    expect(responseRate({ mentions: [], replies })).toBeNull();
  });

  it('counts only business hours in the zone (Friday evening → Monday morning)', () => {
    // Bucharest is UTC+2 in early March. Friday 2026-03-06 16:00 local = 14:00Z;
    // answered Monday 2026-03-09 10:00 local = 08:00Z. Open 09–17: 1 h Friday + 1 h Monday.
    const result = responseTimes({
      mentions: [received('f', '2026-03-06T14:00:00.000Z')],
      replies: [{ inReplyToId: 'f', createdAt: '2026-03-09T08:00:00.000Z' }],
      businessHours: weekdays9to17,
    });
    expect(result.allHours.median).toBe(66 * HOUR);
    expect(result.businessHours?.median).toBe(2 * HOUR);
  });

  it('refuses a malformed schedule', () => {
    expect(() =>
      responseTimes({ mentions, replies, businessHours: { timeZone: 'Mars/Base', weekly: { 1: [{ start: '9:00', end: '17:00' }] } } }),
    ).toThrow(/timeZone[\s\S]*weekly\.1\[0\]\.start|weekly[\s\S]*timeZone/);
  });
});

describe('businessMillisBetween', () => {
  it('follows the 23-hour day in Europe/Bucharest (open all day Sunday 2026-03-29)', () => {
    const allDaySunday: BusinessHours = { timeZone: 'Europe/Bucharest', weekly: { 7: [{ start: '00:00', end: '24:00' }] } };
    // Local midnight 2026-03-29 = 2026-03-28T22:00Z (UTC+2); next midnight = 2026-03-29T21:00Z (UTC+3).
    const start = Date.parse('2026-03-28T12:00:00.000Z');
    const end = Date.parse('2026-03-31T00:00:00.000Z');
    expect(businessMillisBetween(start, end, allDaySunday)).toBe(23 * HOUR);
  });
  it('keeps 09:00–17:00 local across the New York change (8 h on Monday 2026-03-09)', () => {
    const hours: BusinessHours = {
      timeZone: 'America/New_York',
      weekly: { 1: [{ start: '09:00', end: '17:00' }], 5: [{ start: '09:00', end: '17:00' }] },
    };
    // Friday 2026-03-06 EST (UTC−5): 09:00 = 14:00Z. Monday 2026-03-09 EDT (UTC−4): 17:00 = 21:00Z.
    expect(businessMillisBetween(Date.parse('2026-03-06T14:00:00.000Z'), Date.parse('2026-03-09T21:00:00.000Z'), hours)).toBe(16 * HOUR);
    // Monday 2026-03-09 13:00Z = 09:00 EDT: only Monday counts from here.
    expect(businessMillisBetween(Date.parse('2026-03-09T13:00:00.000Z'), Date.parse('2026-03-10T00:00:00.000Z'), hours)).toBe(8 * HOUR);
  });
});
