import { Temporal } from 'temporal-polyfill';
import { ValidationError } from '../errors/index.js';
import { localDate, startOfLocalDate } from './calendar-buckets.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A report period as given: ISO instants, or local dates `YYYY-MM-DD` in the report's zone; `end` exclusive. */
export interface RangeInput {
  start: string;
  end: string;
}

/** A period turned into whole local days of a zone. */
export interface LocalRange {
  /** First instant of the first local day (ISO-8601 UTC). */
  start: string;
  /** First instant after the last local day. */
  end: string;
  /** First local day, `YYYY-MM-DD`. */
  firstDay: string;
  /** Last local day (inclusive), `YYYY-MM-DD`. */
  lastDay: string;
  /** Local days covered (a DST day counts as one). */
  days: number;
}

/**
 * The local midnight a range bound stands for in `timeZone`: a date `YYYY-MM-DD` is that
 * day's local start; an instant is rounded to the **nearest** local midnight (ties to the
 * earlier), so "UTC month starts" mean the local month starts in any zone within ±12 h.
 * Two reports that share a bound always snap it to the same instant: adjacent periods
 * neither overlap nor leave a gap.
 */
export function snapToLocalMidnight(bound: string, timeZone: string): number {
  if (DATE.test(bound)) return startOfLocalDate(Temporal.PlainDate.from(bound), timeZone);
  const ms = Date.parse(bound);
  const day = localDate(ms, timeZone);
  const before = startOfLocalDate(day, timeZone);
  const after = startOfLocalDate(day.add({ days: 1 }), timeZone);
  return ms - before <= after - ms ? before : after;
}

/**
 * Takes a report's range in the report's zone: both bounds snapped to local midnights (see
 * {@link snapToLocalMidnight}).
 *
 * @throws ValidationError when the range covers no whole local day.
 * @example
 * ```ts
 * localRange({ start: '2026-03-01T00:00:00Z', end: '2026-04-01T00:00:00Z' }, 'Europe/Bucharest');
 * // { start: '2026-02-28T22:00:00.000Z', end: '2026-03-31T21:00:00.000Z', firstDay: '2026-03-01', lastDay: '2026-03-31', days: 31 }
 * ```
 */
export function localRange(range: RangeInput, timeZone: string, field = 'range'): LocalRange {
  const startMs = snapToLocalMidnight(range.start, timeZone);
  const endMs = snapToLocalMidnight(range.end, timeZone);
  if (!(endMs > startMs)) {
    throw new ValidationError('report range', [
      {
        path: [field, 'end'],
        code: 'too_small',
        message: `must be at least one local day after ${field}.start in ${timeZone} (bounds are taken as the nearest local midnights)`,
      },
    ]);
  }
  const first = localDate(startMs, timeZone);
  const last = localDate(endMs - 1, timeZone);
  return {
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    firstDay: first.toString(),
    lastDay: last.toString(),
    days: first.until(last, { largestUnit: 'days' }).days + 1,
  };
}

/**
 * The period just before `range`: the same number of whole local months when `range` is whole
 * months (March → February), else the same number of local days.
 */
export function previousRange(range: LocalRange, timeZone: string): LocalRange {
  const first = Temporal.PlainDate.from(range.firstDay);
  const next = Temporal.PlainDate.from(range.lastDay).add({ days: 1 });
  let start: Temporal.PlainDate;
  if (first.day === 1 && next.day === 1) {
    const months = first.until(next, { largestUnit: 'months' }).months;
    start = first.subtract({ months });
  } else {
    start = first.subtract({ days: range.days });
  }
  return localRange({ start: start.toString(), end: first.toString() }, timeZone, 'compareTo');
}
