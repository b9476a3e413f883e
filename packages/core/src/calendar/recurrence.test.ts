import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { Recurrence } from './recurrence.js';
import { expandSlots } from './slot-expansion.js';

interface DateutilCase {
  rrule: string;
  start: string;
  zone: string;
  from: string;
  to: string;
  slots?: string[];
  error?: string;
}

// Expected slots computed by python-dateutil (scripts/dateutil-rrule-fixtures.py), not by this code.
const fixture = JSON.parse(readFileSync(new URL('./__fixtures__/dateutil-rrules.json', import.meta.url), 'utf8')) as {
  cases: DateutilCase[];
};

const slotsOf = (c: Pick<DateutilCase, 'rrule' | 'start' | 'zone' | 'from' | 'to'>) =>
  expandSlots([{ kind: 'rrule', rrule: c.rrule, start: c.start }], c.zone, c.from, c.to);

describe('RRULE expansion matches python-dateutil', () => {
  it.each(fixture.cases.filter((c) => c.slots !== undefined).map((c) => [`${c.rrule} from ${c.start} in ${c.zone}`, c] as const))(
    '%s',
    (_name, c) => {
      expect(slotsOf(c)).toEqual(c.slots);
    },
  );

  it('refuses, naming the part, every rule python-dateutil refuses as never producing a slot', () => {
    const refused = fixture.cases.filter((c) => c.error !== undefined);
    expect(refused.length).toBeGreaterThan(0);
    for (const c of refused) {
      expect(() => slotsOf(c), c.rrule).toThrow(ValidationError);
      expect(() => slotsOf(c), c.rrule).toThrow(/BY(HOUR|MINUTE|SECOND)=[\d,]+: never reached/);
    }
  });
});

describe('RRULE expansion, hand-computed cases', () => {
  const utc = (rrule: string, start: string, from: string, to: string) => slotsOf({ rrule, start, zone: 'UTC', from, to });

  it('intersects the BY parts of a period: Friday the 13th (RFC 5545 §3.8.5.3 example)', () => {
    expect(utc('FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13', '2026-01-01T09:00', '2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z')).toEqual([
      '2026-02-13T09:00:00.000Z',
      '2026-03-13T09:00:00.000Z',
      '2026-11-13T09:00:00.000Z',
      '2027-08-13T09:00:00.000Z',
    ]);
  });

  it('intersects BYYEARDAY with BYMONTHDAY and BYDAY in a YEARLY rule (not their union)', () => {
    // Day 60 is 1 March in 2026 and 2027, 29 February in 2028.
    expect(utc('FREQ=YEARLY;BYYEARDAY=60;BYMONTHDAY=29', '2026-01-01T12:00', '2026-01-01T00:00:00Z', '2029-01-01T00:00:00Z')).toEqual([
      '2028-02-29T12:00:00.000Z',
    ]);
    // 1 March 2026 is a Sunday, 2027 a Monday, 2028 (day 61) a Wednesday.
    expect(utc('FREQ=YEARLY;BYYEARDAY=60;BYDAY=MO', '2026-01-01T12:00', '2026-01-01T00:00:00Z', '2029-01-01T00:00:00Z')).toEqual([
      '2027-03-01T12:00:00.000Z',
    ]);
    // The third Saturday of 2027 is 16 January, not a 1st: nothing.
    expect(utc('FREQ=YEARLY;BYMONTHDAY=1;BYDAY=3SA', '2026-01-01T12:00', '2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z')).toEqual([]);
  });

  it('names every day of the week for BYWEEKNO without BYDAY (ISO week 10 of 2026: 2–8 March)', () => {
    expect(utc('FREQ=YEARLY;BYWEEKNO=10', '2026-01-05T09:00', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual(
      [2, 3, 4, 5, 6, 7, 8].map((day) => `2026-03-0${day}T09:00:00.000Z`),
    );
  });

  it('counts COUNT from DTSTART, which is a slot only when it matches the rule', () => {
    // DTSTART Thu 1 Jan 2026 is not a Monday: the three slots are the next three Mondays.
    expect(utc('FREQ=WEEKLY;BYDAY=MO;COUNT=3', '2026-01-01T10:00', '2025-12-01T00:00:00Z', '2026-12-01T00:00:00Z')).toEqual([
      '2026-01-05T10:00:00.000Z',
      '2026-01-12T10:00:00.000Z',
      '2026-01-19T10:00:00.000Z',
    ]);
  });

  it('picks BYSETPOS among each period’s slots: the last weekday of the month', () => {
    expect(
      utc('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', '2026-01-01T17:00', '2026-01-01T00:00:00Z', '2026-05-01T00:00:00Z'),
    ).toEqual(['2026-01-30T17:00:00.000Z', '2026-02-27T17:00:00.000Z', '2026-03-31T17:00:00.000Z', '2026-04-30T17:00:00.000Z']);
  });

  it('places a wall time in a DST gap with the offset before the change (RFC 5545 §3.3.5)', () => {
    // New York skips 02:00–03:00 on 8 March 2026; 02:30 EST (−05:00) is 07:30Z.
    expect(
      slotsOf({
        rrule: 'FREQ=DAILY;BYHOUR=2;BYMINUTE=30',
        start: '2026-03-07T02:30',
        zone: 'America/New_York',
        from: '2026-03-07T00:00:00Z',
        to: '2026-03-10T00:00:00Z',
      }),
    ).toEqual(['2026-03-07T07:30:00.000Z', '2026-03-08T07:30:00.000Z', '2026-03-09T06:30:00.000Z']);
  });

  it('refuses an hour an HOURLY rule never reaches, listing the hours it does', () => {
    expect(() => utc('FREQ=HOURLY;INTERVAL=4;BYHOUR=23', '2026-08-03T17:15', '2026-08-03T00:00:00Z', '2026-08-05T00:00:00Z')).toThrow(
      /BYHOUR=23: never reached — with INTERVAL=4 from start 2026-08-03T17:15 the hours are 1, 5, 9, 13, 17, 21/,
    );
  });

  it('yields nothing, at once, for BYSETPOS positions no period can hold (as python-dateutil, which searches to year 9999)', () => {
    // One second per SECONDLY period: position 2 never exists. Walking the COUNT rule would take hours.
    expect(utc('FREQ=SECONDLY;BYDAY=MO;BYSETPOS=2;COUNT=2', '2026-01-01T00:00', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual(
      [],
    );
    expect(utc('FREQ=HOURLY;BYMINUTE=0;BYSETPOS=2;COUNT=3', '2026-01-01T00:00', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')).toEqual(
      [],
    );
    // Two times a day: -3 never exists, -1 does.
    expect(utc('FREQ=DAILY;BYHOUR=9,17;BYSETPOS=-3,-1', '2026-01-01T00:00', '2026-01-01T00:00:00Z', '2026-01-03T00:00:00Z')).toEqual([
      '2026-01-01T17:00:00.000Z',
      '2026-01-02T17:00:00.000Z',
    ]);
  });
});

describe('RRULE expansion by windows', () => {
  const rules = fc.record({
    body: fc.constantFrom(
      'FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU;BYHOUR=9',
      'FREQ=YEARLY;INTERVAL=2;BYWEEKNO=1,20,-1;BYDAY=MO,FR',
      'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1,-1;BYHOUR=8,20',
      'FREQ=MONTHLY;BYDAY=2TU,-1FR;BYSETPOS=1',
      'FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,WE;BYHOUR=7;BYMINUTE=15,45',
      'FREQ=WEEKLY;BYDAY=MO,TU,WE;BYSETPOS=-1',
      'FREQ=DAILY;INTERVAL=5;BYHOUR=12',
      'FREQ=HOURLY;INTERVAL=7;BYMINUTE=0,30',
      'FREQ=HOURLY;INTERVAL=3;BYDAY=SA,SU;BYMONTHDAY=1,2,3,4,5,6,7',
      'FREQ=MINUTELY;INTERVAL=97;BYHOUR=9,10,11',
    ),
    start: fc
      .integer({ min: 0, max: 3 * 365 * 24 })
      .map((hours) => new Date(Date.UTC(2024, 0, 1) + hours * 3_600_000).toISOString().slice(0, 16)),
    from: fc.integer({ min: 0, max: 6 * 365 }),
    length: fc.integer({ min: 1, max: 120 }),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
  });

  it('lists from any window start exactly what a walk from DTSTART lists there, and split windows add up', () => {
    fc.assert(
      fc.property(rules, ({ body, start, from, length, cut }) => {
        const begin = Date.UTC(2024, 0, 1) + from * 86_400_000;
        const end = begin + length * 86_400_000;
        const middle = begin + Math.floor(cut * (end - begin));
        const walked = new Recurrence(body, start).walls(Date.parse(`${start}Z`), end).filter((wall) => wall >= begin);
        expect(new Recurrence(body, start).walls(begin, end)).toEqual(walked);
        const split = new Recurrence(body, start);
        expect([...split.walls(begin, middle), ...split.walls(middle, end)]).toEqual(walked);
      }),
      { numRuns: 300 },
    );
  });
});
