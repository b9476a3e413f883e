import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessMillisBetween, type BusinessHours } from '../analytics/index.js';
import { businessDueAt } from './inbox-sla.js';

const MINUTE = 60_000;
// Weekdays 09:00–17:00 in Bucharest (EET/EEST: the range below crosses the March DST change).
const hours: BusinessHours = {
  timeZone: 'Europe/Bucharest',
  weekly: Object.fromEntries([1, 2, 3, 4, 5].map((day) => [day, [{ start: '09:00', end: '17:00' }]])),
};

describe('businessDueAt', () => {
  it('is the first instant at which the target of business time has passed', () => {
    const start = Date.parse('2026-03-20T00:00:00.000Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 14 * 24 * 60 * MINUTE }),
        fc.integer({ min: 1, max: 3 * 8 * 60 * MINUTE }),
        (offset, target) => {
          const from = start + offset;
          const due = businessDueAt(from, target, hours)!;
          expect(businessMillisBetween(from, due, hours)).toBe(target);
          expect(businessMillisBetween(from, due - 1, hours)).toBeLessThan(target);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('is null when the hours never open', () => {
    expect(businessDueAt(Date.parse('2026-03-02T10:00:00.000Z'), MINUTE, { timeZone: 'UTC', weekly: {} })).toBeNull();
  });

  it('crosses a weekend by hand: Friday 16:30 local + 1 h = Monday 09:30 local', () => {
    expect(new Date(businessDueAt(Date.parse('2026-03-06T14:30:00.000Z'), 60 * MINUTE, hours)!).toISOString()).toBe(
      '2026-03-09T07:30:00.000Z',
    );
  });
});
