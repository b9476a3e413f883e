import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { TimeZoneSchema, parseWithSchema } from '../model/index.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** One opening interval of a day, local wall-clock time, `end` exclusive (`'24:00'` allowed). */
export interface OpeningInterval {
  start: string;
  end: string;
}

/**
 * Business hours: a weekly schedule in an IANA zone. Keys are ISO weekdays (1 = Monday …
 * 7 = Sunday); a missing weekday is closed.
 *
 * @example
 * ```ts
 * const hours: BusinessHours = {
 *   timeZone: 'Europe/Bucharest',
 *   weekly: { 1: [{ start: '09:00', end: '17:00' }], 2: [{ start: '09:00', end: '17:00' }] },
 * };
 * ```
 */
export interface BusinessHours {
  timeZone: string;
  weekly: Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, readonly OpeningInterval[]>>;
}

const IntervalSchema = z
  .object({
    start: z.string().regex(TIME, { error: "must be a local time 'HH:MM' (00:00–23:59)" }),
    end: z.string().regex(TIME, { error: "must be a local time 'HH:MM' (00:01–24:00)" }),
  })
  .refine((interval) => interval.start < interval.end, { path: ['end'], error: 'must be after start' });
const BoundsSchema = z.object({
  startMs: z.number().finite({ error: 'must be a finite epoch-milliseconds instant' }),
  endMs: z.number().finite({ error: 'must be a finite epoch-milliseconds instant' }),
});
const BusinessHoursSchema = z.object({
  timeZone: TimeZoneSchema,
  weekly: z.partialRecord(
    z.enum(['1', '2', '3', '4', '5', '6', '7'], { error: 'must be an ISO weekday 1 (Monday) … 7 (Sunday)' }),
    z.array(IntervalSchema),
  ),
});

/**
 * Validates business hours (throws ValidationError naming the bad field).
 *
 * @example
 * ```ts
 * parseBusinessHours({ timeZone: 'UTC', weekly: { 1: [{ start: '9:00', end: '17:00' }] } });
 * // ValidationError: weekly.1[0].start: must be a local time 'HH:MM' (00:00–23:59)
 * ```
 */
export function parseBusinessHours(input: unknown): BusinessHours {
  return parseWithSchema(BusinessHoursSchema, input, 'BusinessHours') as unknown as BusinessHours;
}

function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * Milliseconds between two instants that fall inside business hours. Each local day's
 * intervals are turned into instants in the zone, so a 23- or 25-hour day and a wall-clock
 * time skipped or repeated by DST are handled as the zone's rules say. The schedule is
 * validated like {@link parseBusinessHours} (a ValidationError names the bad field).
 *
 * @example
 * ```ts
 * // Friday 16:00 → Monday 10:00 local, open 09:00–17:00 Mon–Fri: 1 h + 1 h
 * businessMillisBetween(friday16, monday10, hours); // 7_200_000
 * ```
 */
export function businessMillisBetween(startMs: number, endMs: number, hours: BusinessHours): number {
  parseWithSchema(BoundsSchema, { startMs, endMs }, 'businessMillisBetween bounds');
  // The same schedule check as responseTimes: a bad interval is a ValidationError, not a silent 0.
  hours = parseBusinessHours(hours);
  if (!(endMs > startMs)) return 0;
  const zone = hours.timeZone;
  let day = Temporal.Instant.fromEpochMilliseconds(startMs).toZonedDateTimeISO(zone).toPlainDate();
  const lastDay = Temporal.Instant.fromEpochMilliseconds(endMs).toZonedDateTimeISO(zone).toPlainDate();
  let total = 0;
  while (Temporal.PlainDate.compare(day, lastDay) <= 0) {
    const intervals = hours.weekly[day.dayOfWeek as 1 | 2 | 3 | 4 | 5 | 6 | 7] ?? [];
    for (const interval of intervals) {
      const open = localMs(day, toMinutes(interval.start), zone);
      const close = localMs(day, toMinutes(interval.end), zone);
      const from = Math.max(open, startMs);
      const to = Math.min(close, endMs);
      if (to > from) total += to - from;
    }
    day = day.add({ days: 1 });
  }
  return total;
}

function localMs(day: Temporal.PlainDate, minutes: number, zone: string): number {
  if (minutes >= 24 * 60) return day.add({ days: 1 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
  const time = new Temporal.PlainTime(Math.floor(minutes / 60), minutes % 60);
  return day.toZonedDateTime({ timeZone: zone, plainTime: time }).epochMilliseconds;
}
