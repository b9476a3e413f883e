import { Temporal } from 'temporal-polyfill';

/** Calendar bucket sizes of a series. */
export type SeriesInterval = 'day' | 'week' | 'month';

/** One calendar bucket in a zone: local label and its instants (`end` exclusive). */
export interface CalendarBucket {
  /** `YYYY-MM-DD` (day; the week's first day for a week) or `YYYY-MM` (month), local to the zone. */
  label: string;
  startMs: number;
  endMs: number;
}

/** The ISO weekday a week starts on: 1 = Monday (ISO 8601, most of Europe), 7 = Sunday (US). */
export type WeekStart = 1 | 7;

function floorDate(date: Temporal.PlainDate, interval: SeriesInterval, weekStartsOn: WeekStart): Temporal.PlainDate {
  if (interval === 'week') return date.subtract({ days: (date.dayOfWeek - weekStartsOn + 7) % 7 });
  if (interval === 'month') return date.with({ day: 1 });
  return date;
}

function step(date: Temporal.PlainDate, interval: SeriesInterval): Temporal.PlainDate {
  if (interval === 'week') return date.add({ weeks: 1 });
  if (interval === 'month') return date.add({ months: 1 });
  return date.add({ days: 1 });
}

/** The local calendar date of an instant in a zone. */
export function localDate(epochMs: number, timeZone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).toPlainDate();
}

/** The instant a local date starts in a zone (its first valid wall-clock time). */
export function startOfLocalDate(date: Temporal.PlainDate, timeZone: string): number {
  return date.toZonedDateTime({ timeZone }).epochMilliseconds;
}

/**
 * The calendar buckets in `timeZone` that cover `[startMs, endMs)`: local midnights (or
 * the first day of each week — Monday by default, Sunday with `weekStartsOn: 7` — or firsts of
 * the month) turned into instants by the zone's rules, so a day can last 23 or 25 hours.
 *
 * @example
 * ```ts
 * calendarBuckets(Date.parse('2026-03-29T00:00:00Z'), Date.parse('2026-03-30T00:00:00Z'), 'day', 'Europe/Bucharest');
 * // [{ label: '2026-03-29', … 23 hours }, { label: '2026-03-30', … }]
 * ```
 */
export function calendarBuckets(
  startMs: number,
  endMs: number,
  interval: SeriesInterval,
  timeZone: string,
  weekStartsOn: WeekStart = 1,
): CalendarBucket[] {
  const buckets: CalendarBucket[] = [];
  let date = floorDate(localDate(startMs, timeZone), interval, weekStartsOn);
  let bucketStart = startOfLocalDate(date, timeZone);
  while (bucketStart < endMs) {
    const next = step(date, interval);
    const bucketEnd = startOfLocalDate(next, timeZone);
    buckets.push({ label: interval === 'month' ? date.toString().slice(0, 7) : date.toString(), startMs: bucketStart, endMs: bucketEnd });
    date = next;
    bucketStart = bucketEnd;
  }
  return buckets;
}

/** Index of the bucket holding `ms` (binary search), or -1. */
export function bucketIndex(buckets: readonly CalendarBucket[], ms: number): number {
  let low = 0;
  let high = buckets.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const bucket = buckets[middle]!;
    if (ms < bucket.startMs) high = middle - 1;
    else if (ms >= bucket.endMs) low = middle + 1;
    else return middle;
  }
  return -1;
}
