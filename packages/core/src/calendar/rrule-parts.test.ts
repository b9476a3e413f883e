import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { expandSlots } from './slot-expansion.js';

const rrule = (body: string) => [{ kind: 'rrule' as const, rrule: body, start: '2026-06-01T00:00' }];

/** The ValidationError messages expandSlots throws for a rule, or [] when it accepts it. */
function problems(body: string): string[] {
  try {
    expandSlots(rrule(body), 'UTC', '2026-06-01T00:00:00Z', '2026-06-03T00:00:00Z');
    return [];
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    return error.issues.map((issue) => issue.message);
  }
}

describe('RRULE UNTIL is an instant, compared in the account zone (python-dateutil semantics)', () => {
  // Worked by hand: 09:00 in New York in June is EDT (UTC−4) = 13:00Z; UNTIL 12:00Z on the 9th
  // comes before the 9th's 13:00Z, so the 8th is the last slot.
  it('America/New_York: no slot after UNTIL', () => {
    expect(
      expandSlots(
        rrule('FREQ=DAILY;UNTIL=20260609T120000Z;BYHOUR=9;BYMINUTE=0'),
        'America/New_York',
        '2026-06-07T00:00:00Z',
        '2026-06-12T00:00:00Z',
      ),
    ).toEqual(['2026-06-07T13:00:00.000Z', '2026-06-08T13:00:00.000Z']);
  });

  // 11:00 in Tokyo (UTC+9) = 02:00Z, before UNTIL 03:00Z on the 9th: the 9th is kept.
  it('Asia/Tokyo: a slot before UNTIL is kept', () => {
    expect(
      expandSlots(
        rrule('FREQ=DAILY;UNTIL=20260609T030000Z;BYHOUR=11;BYMINUTE=0'),
        'Asia/Tokyo',
        '2026-06-07T00:00:00Z',
        '2026-06-12T00:00:00Z',
      ),
    ).toEqual(['2026-06-07T02:00:00.000Z', '2026-06-08T02:00:00.000Z', '2026-06-09T02:00:00.000Z']);
  });

  it('UNTIL is inclusive (RFC 5545: a synchronised UNTIL is the last instance)', () => {
    expect(
      expandSlots(
        rrule('FREQ=DAILY;UNTIL=20260609T130000Z;BYHOUR=9;BYMINUTE=0'),
        'America/New_York',
        '2026-06-08T00:00:00Z',
        '2026-06-12T00:00:00Z',
      ),
    ).toEqual(['2026-06-08T13:00:00.000Z', '2026-06-09T13:00:00.000Z']);
  });

  const ZONES = [
    'America/New_York',
    'Asia/Tokyo',
    'Asia/Tehran',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
    'Europe/London',
    'America/Santiago',
    'UTC',
  ];

  it('in any zone, the slots of a rule with UNTIL are exactly the slots of the rule without it that fall at or before UNTIL', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        // UNTIL anywhere in a 40-day window, to the second.
        fc.integer({ min: 0, max: 40 * 86_400 }),
        (zone, hour, minute, untilOffsetS) => {
          const until = new Date(Date.parse('2026-03-01T00:00:00Z') + untilOffsetS * 1000);
          const untilText = until
            .toISOString()
            .replace(/[-:]/g, '')
            .replace(/\.\d{3}/, '');
          const body = `FREQ=DAILY;BYHOUR=${hour};BYMINUTE=${minute}`;
          const from = '2026-02-25T00:00:00Z';
          const to = '2026-04-20T00:00:00Z';
          const bounded = expandSlots(rrule(`${body};UNTIL=${untilText}`), zone, from, to);
          const unbounded = expandSlots(rrule(body), zone, from, to);
          expect(bounded).toEqual(unbounded.filter((slot) => Date.parse(slot) <= until.getTime()));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('RRULE parts are checked against RFC 5545 ranges', () => {
  it.each([
    ['FREQ=DAILY;BYHOUR=25', 'BYHOUR=25'],
    ['FREQ=DAILY;BYHOUR=-1', 'BYHOUR=-1'],
    ['FREQ=DAILY;BYMINUTE=60', 'BYMINUTE=60'],
    ['FREQ=DAILY;BYSECOND=61', 'BYSECOND=61'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'BYMONTHDAY=32'],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'BYMONTHDAY=0'],
    ['FREQ=MONTHLY;BYMONTHDAY=-32', 'BYMONTHDAY=-32'],
    ['FREQ=YEARLY;BYMONTH=13', 'BYMONTH=13'],
    ['FREQ=YEARLY;BYMONTH=0', 'BYMONTH=0'],
    ['FREQ=YEARLY;BYYEARDAY=367', 'BYYEARDAY=367'],
    ['FREQ=YEARLY;BYWEEKNO=54', 'BYWEEKNO=54'],
    ['FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0', 'BYSETPOS=0'],
    ['FREQ=MONTHLY;BYDAY=54MO', 'BYDAY=54MO'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'BYDAY=1MO'],
    ['FREQ=WEEKLY;BYDAY=XX', 'BYDAY=XX'],
    ['FREQ=DAILY;COUNT=3;UNTIL=20270101T000000Z', 'COUNT'],
    ['FREQ=DAILY;COUNT=0', 'COUNT=0'],
    ['FREQ=DAILY;INTERVAL=0', 'INTERVAL=0'],
    ['FREQ=DAILY;UNTIL=20270101', 'UNTIL=20270101'],
    ['FREQ=DAILY;UNTIL=20270101T000000', 'UNTIL=20270101T000000'],
    ['FREQ=DAILY;UNTIL=20270230T000000Z', 'UNTIL=20270230T000000Z'],
    ['FREQ=FORTNIGHTLY', 'FREQ=FORTNIGHTLY'],
    ['BYHOUR=9', 'FREQ'],
    ['FREQ=DAILY;FOO=1', 'FOO'],
    ['FREQ=DAILY;BYHOUR=9;BYHOUR=10', 'BYHOUR'],
    ['FREQ=WEEKLY;BYMONTHDAY=1', 'BYMONTHDAY'],
    ['FREQ=MONTHLY;BYYEARDAY=1', 'BYYEARDAY'],
    ['FREQ=MONTHLY;BYWEEKNO=1', 'BYWEEKNO'],
    ['FREQ=DAILY;BYSETPOS=1', 'BYSETPOS'],
    ['FREQ=DAILY;WKST=XX', 'WKST=XX'],
  ])('%s is refused, naming %s', (body, part) => {
    const messages = problems(body);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.some((message) => message.includes(part))).toBe(true);
  });

  it('reports every bad part at once', () => {
    const messages = problems('FREQ=DAILY;BYHOUR=25;BYMINUTE=60');
    expect(messages.some((m) => m.includes('BYHOUR=25'))).toBe(true);
    expect(messages.some((m) => m.includes('BYMINUTE=60'))).toBe(true);
  });

  it.each([
    'FREQ=DAILY;BYHOUR=0,23;BYMINUTE=0,59',
    'FREQ=MONTHLY;BYMONTHDAY=-1,31',
    'FREQ=MONTHLY;BYDAY=-1FR',
    'FREQ=YEARLY;BYMONTH=1,12;BYDAY=2MO',
    'FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1',
    'FREQ=YEARLY;BYWEEKNO=-53;BYDAY=MO',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;WKST=SU;COUNT=4',
    'FREQ=DAILY;UNTIL=20270101T000000Z',
    'freq=daily;byhour=9',
  ])('%s is accepted', (body) => {
    expect(problems(body)).toEqual([]);
  });
});
