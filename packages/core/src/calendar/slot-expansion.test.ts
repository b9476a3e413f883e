import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { expandSlots } from './slot-expansion.js';
import { parseWeeklySlots } from './slot-rules.js';

const WEEKDAYS = [{ kind: 'weekly' as const, days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, times: ['10:00'] }].map((r) => ({
  ...r,
  days: [...r.days],
}));

/** The wall-clock reading of an instant in a zone, by the runtime's own ICU data (an oracle independent of Temporal). */
function wallOf(iso: string, zone: string): { weekday: string; date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return { weekday: parts.weekday!, date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

function weekdaysIn(fromDate: string, toDate: string): number {
  let count = 0;
  for (let ms = Date.parse(`${fromDate}T00:00:00Z`); ms < Date.parse(`${toDate}T00:00:00Z`); ms += 86_400_000) {
    const day = new Date(ms).getUTCDay();
    if (day !== 0 && day !== 6) count += 1;
  }
  return count;
}

// Hand-written from the 2026 tz rules: the local 10:00 slot on the last weekday before and
// the first weekday after each change, as UTC.
const YEAR_CASES: Record<string, Array<[string, string]>> = {
  'America/New_York': [
    ['2026-03-06', '2026-03-06T15:00:00.000Z'], // EST −05:00
    ['2026-03-09', '2026-03-09T14:00:00.000Z'], // EDT −04:00 (changed Sun 8 Mar)
    ['2026-10-30', '2026-10-30T14:00:00.000Z'],
    ['2026-11-02', '2026-11-02T15:00:00.000Z'], // back to EST (Sun 1 Nov)
  ],
  'Europe/Bucharest': [
    ['2026-03-27', '2026-03-27T08:00:00.000Z'], // EET +02:00
    ['2026-03-30', '2026-03-30T07:00:00.000Z'], // EEST +03:00 (Sun 29 Mar)
    ['2026-10-23', '2026-10-23T07:00:00.000Z'],
    ['2026-10-26', '2026-10-26T08:00:00.000Z'], // EET again (Sun 25 Oct)
  ],
  'Asia/Tehran': [
    // +03:30 all year: no DST since 2022 (it used to start around 21–22 March).
    ['2026-03-20', '2026-03-20T06:30:00.000Z'],
    ['2026-03-23', '2026-03-23T06:30:00.000Z'],
    ['2026-09-21', '2026-09-21T06:30:00.000Z'],
    ['2026-09-23', '2026-09-23T06:30:00.000Z'],
  ],
  'Australia/Lord_Howe': [
    ['2026-04-03', '2026-04-02T23:00:00.000Z'], // +11:00 (DST)
    ['2026-04-06', '2026-04-05T23:30:00.000Z'], // +10:30 (DST ended Sun 5 Apr, a 30-minute shift)
    ['2026-10-02', '2026-10-01T23:30:00.000Z'],
    ['2026-10-05', '2026-10-04T23:00:00.000Z'], // +11:00 again (Sun 4 Oct)
  ],
  'Asia/Kathmandu': [
    ['2026-01-05', '2026-01-05T04:15:00.000Z'], // +05:45
    ['2026-07-06', '2026-07-06T04:15:00.000Z'],
  ],
};

describe('expandSlots: 10:00 every weekday for a year', () => {
  for (const [zone, cases] of Object.entries(YEAR_CASES)) {
    it(`keeps 10:00 local in ${zone} on both sides of every DST change`, () => {
      const slots = expandSlots(WEEKDAYS, zone, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
      // Zones east of UTC start 2026-01-01 10:00 local before 2026-01-01T00:00Z only when offset > +10h (Lord Howe).
      const local = slots.map((iso) => wallOf(iso, zone));
      for (const wall of local) {
        expect(wall.time).toBe('10:00');
        expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(wall.weekday);
      }
      const dates = new Set(local.map((wall) => wall.date));
      expect(dates.size).toBe(slots.length);
      const firstDate = zone === 'Australia/Lord_Howe' ? '2026-01-02' : '2026-01-01';
      const lastDate = zone === 'Australia/Lord_Howe' ? '2027-01-01' : '2026-12-31';
      expect(slots.length).toBe(weekdaysIn(firstDate, '2027-01-01') + (lastDate === '2027-01-01' ? 1 : 0));
      expect([...slots].sort()).toEqual(slots);
      for (const [date, instant] of cases) {
        const slot = slots.find((iso) => wallOf(iso, zone).date === date);
        expect(slot, `${zone} ${date}`).toBe(instant);
      }
    });
  }
});

describe('expandSlots: the DST rule (gap moves forward by the gap, overlap takes the earlier instant)', () => {
  const cases: Array<[zone: string, day: string, time: string, expected: string]> = [
    ['America/New_York', 'sun', '02:30', '2026-03-08T07:30:00.000Z'], // gap 02:00→03:00: 03:30 EDT
    ['America/New_York', 'sun', '01:30', '2026-11-01T05:30:00.000Z'], // overlap: 01:30 EDT, not EST
    ['Europe/Bucharest', 'sun', '03:30', '2026-03-29T01:30:00.000Z'], // gap 03:00→04:00: 04:30 EEST
    ['Europe/Bucharest', 'sun', '03:30', '2026-10-25T00:30:00.000Z'], // overlap: 03:30 EEST
    ['Australia/Lord_Howe', 'sun', '02:15', '2026-10-03T15:45:00.000Z'], // 30-min gap 02:00→02:30: 02:45 +11:00
    ['Australia/Lord_Howe', 'sun', '01:45', '2026-04-04T14:45:00.000Z'], // 30-min overlap: 01:45 +11:00
  ];
  for (const [zone, day, time, expected] of cases) {
    it(`${zone} ${time} on ${expected.slice(0, 10)}`, () => {
      const from = new Date(Date.parse(expected) - 12 * 3_600_000).toISOString();
      const to = new Date(Date.parse(expected) + 12 * 3_600_000).toISOString();
      expect(expandSlots([{ kind: 'weekly', days: [day as 'sun'], times: [time] }], zone, from, to)).toEqual([expected]);
    });
  }

  it('gives the same instants through an RRULE, including in a gap', () => {
    const rule = [{ kind: 'rrule' as const, rrule: 'RRULE:FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=30' }];
    expect(expandSlots(rule, 'America/New_York', '2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z')).toEqual(['2026-03-08T07:30:00.000Z']);
  });

  it('any weekly time, any zone: the slot reads as that wall time, or later by at most the gap', () => {
    const zones = ['America/New_York', 'Europe/Bucharest', 'Asia/Tehran', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 330 }),
        (zone, hour, minute, startDay) => {
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const from = new Date(Date.UTC(2026, 0, 1) + startDay * 86_400_000).toISOString();
          const to = new Date(Date.parse(from) + 21 * 86_400_000).toISOString();
          const slots = expandSlots(
            [{ kind: 'weekly', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], times: [time] }],
            zone,
            from,
            to,
          );
          expect(slots.length).toBeGreaterThanOrEqual(20);
          for (const slot of slots) {
            const wall = wallOf(slot, zone).time;
            const [h, m] = wall.split(':').map(Number);
            const shift = h! * 60 + m! - (hour * 60 + minute);
            expect(shift === 0 || shift === 30 || shift === 60).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('RFC 5545 rules', () => {
  it('matches the weekly form, honours EXDATE and RDATE (wall-clock, account zone)', () => {
    const weekly = expandSlots('Mon/Wed/Fri 09:00', 'Europe/Bucharest', '2026-03-23T00:00:00Z', '2026-04-06T00:00:00Z');
    const rrule = expandSlots(
      [{ kind: 'rrule', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=9;BYMINUTE=0' }],
      'Europe/Bucharest',
      '2026-03-23T00:00:00Z',
      '2026-04-06T00:00:00Z',
    );
    expect(rrule).toEqual(weekly);
    expect(weekly).toEqual([
      '2026-03-23T07:00:00.000Z',
      '2026-03-25T07:00:00.000Z',
      '2026-03-27T07:00:00.000Z',
      '2026-03-30T06:00:00.000Z',
      '2026-04-01T06:00:00.000Z',
      '2026-04-03T06:00:00.000Z',
    ]);
    const edited = expandSlots(
      [
        {
          kind: 'rrule',
          rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=9;BYMINUTE=0',
          exdates: ['2026-03-25T09:00'],
          rdates: ['2026-03-28T11:30'],
        },
      ],
      'Europe/Bucharest',
      '2026-03-23T00:00:00Z',
      '2026-03-30T00:00:00Z',
    );
    expect(edited).toEqual(['2026-03-23T07:00:00.000Z', '2026-03-27T07:00:00.000Z', '2026-03-28T09:30:00.000Z']);
  });

  it('keeps the INTERVAL phase from start', () => {
    const slots = expandSlots(
      [{ kind: 'rrule', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=12;BYMINUTE=0', start: '2026-01-06T00:00' }],
      'Asia/Kathmandu',
      '2026-01-01T00:00:00Z',
      '2026-02-01T00:00:00Z',
    );
    expect(slots).toEqual(['2026-01-06T06:15:00.000Z', '2026-01-20T06:15:00.000Z']);
  });

  it('refuses a broken rule with a ValidationError', () => {
    expect(() => expandSlots([{ kind: 'rrule', rrule: 'FREQ=SOMETIMES' }], 'UTC', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')).toThrow(
      ValidationError,
    );
    expect(() => expandSlots('Mon 09:00', 'Mars/Olympus', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')).toThrow(/IANA/);
  });
});

describe('parseWeeklySlots', () => {
  it('reads the forms people type', () => {
    expect(parseWeeklySlots('Mon/Wed/Fri 09:00 and 17:30')).toEqual([
      { kind: 'weekly', days: ['mon', 'wed', 'fri'], times: ['09:00', '17:30'] },
    ]);
    expect(parseWeeklySlots('Mon-Fri 10:00')).toEqual([{ kind: 'weekly', days: ['mon', 'tue', 'wed', 'thu', 'fri'], times: ['10:00'] }]);
    expect(parseWeeklySlots('weekends 8:30, 12:00; Fri-Mon 18:00')).toEqual([
      { kind: 'weekly', days: ['sat', 'sun'], times: ['08:30', '12:00'] },
      { kind: 'weekly', days: ['mon', 'fri', 'sat', 'sun'], times: ['18:00'] },
    ]);
  });

  it('names the part it cannot read', () => {
    expect(() => parseWeeklySlots('Mon/Funday 09:00')).toThrow(/"funday" is not a weekday/);
    expect(() => parseWeeklySlots('Mon 25:00')).toThrow(/"25:00" is not a time/);
    expect(() => parseWeeklySlots('sometimes')).toThrow(ValidationError);
  });
});

describe('expandSlots ranges', () => {
  it('refuses an inverted range instead of returning no slots', () => {
    expect(() => expandSlots('Mon 10:00', 'UTC', '2026-04-06T00:00:00Z', '2026-03-23T00:00:00Z')).toThrow(ValidationError);
    expect(() => expandSlots('Mon 10:00', 'UTC', '2026-04-06T00:00:00Z', '2026-03-23T00:00:00Z')).toThrow(/to: must not be before from/);
  });

  it('takes an empty range (from = to) as no slots', () => {
    expect(expandSlots('Mon 10:00', 'UTC', '2026-03-23T10:00:00Z', '2026-03-23T10:00:00Z')).toEqual([]);
  });
});
