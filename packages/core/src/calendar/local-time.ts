import { Temporal } from 'temporal-polyfill';

/**
 * The DST rule, in one place (queue slots, `place.at`, `schedule({ at })` and CSV
 * `scheduled_at` given as local wall time all use it): a wall-clock time keeps its
 * wall-clock reading; one that falls in a spring-forward gap moves forward by the gap's
 * length, one that falls in a fall-back overlap takes the earlier instant. That is Temporal's
 * `disambiguation: 'compatible'`, the rule RFC 5545 §3.3.5 gives for DATE-TIME values. @internal
 */
export function wallTimeToMs(wall: Temporal.PlainDateTime, zone: string): number {
  return wall.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}

const WITH_OFFSET = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;
const LOCAL = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/;

/** What {@link readPlannedTime} read: epoch ms, or why it could not. @internal */
export type PlannedTime = { ms: number } | { code: 'invalid_instant' | 'needs_zone'; message: string };

/**
 * Reads a time a person plans at, strictly (Temporal, never `Date.parse`: 2026-02-30 is an
 * error, not 2 March): an instant with `Z` or an offset (`2026-04-01T07:00:00Z`,
 * `2026-04-01T09:00+02:00`), or a local wall time (`2026-04-01T09:00`, `2026-04-01 09:00`)
 * read in `zone` with the DST rule of {@link wallTimeToMs}. @internal
 */
export function readPlannedTime(text: string, zone: string | undefined): PlannedTime {
  const value = text.trim();
  const hint = 'use an instant such as 2026-04-01T07:00:00Z or a local time such as 2026-04-01T09:00 (account zone)';
  if (WITH_OFFSET.test(value)) {
    try {
      return { ms: Temporal.Instant.from(value).epochMilliseconds };
    } catch {
      return { code: 'invalid_instant', message: `"${value}" is not a real date-time: ${hint}` };
    }
  }
  if (!LOCAL.test(value)) return { code: 'invalid_instant', message: `"${value}" is not a date-time: ${hint}` };
  let wall: Temporal.PlainDateTime;
  try {
    wall = Temporal.PlainDateTime.from(value.replace(' ', 'T'), { overflow: 'reject' });
  } catch {
    return { code: 'invalid_instant', message: `"${value}" is not a real date-time: ${hint}` };
  }
  if (zone === undefined)
    return { code: 'needs_zone', message: `"${value}" is a local time, and the account's zone is unknown: give an instant with Z` };
  return { ms: wallTimeToMs(wall, zone) };
}
