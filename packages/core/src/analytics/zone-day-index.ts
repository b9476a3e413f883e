import { Temporal } from 'temporal-polyfill';
import { startOfLocalDate } from './calendar-buckets.js';

const DAY_MS = 86_400_000;

const SHARED = new Map<string, ZoneDayIndex>();

/**
 * Maps instants to local calendar days of one zone in O(1): a table of local-midnight
 * instants, grown on demand, searched from an estimate (local days are 23–25 h, so the
 * estimate is off by at most one). Temporal is only called when the table grows.
 */
export class ZoneDayIndex {
  readonly timeZone: string;
  private firstDate: Temporal.PlainDate | undefined;
  /** starts[i] = first instant of local day firstDate + i; one extra entry ends the last day. Replaced (never mutated) when the table grows. */
  starts: Float64Array = new Float64Array(0);
  /** Day number (as returned by {@link dayOf}) of `starts[0]`. */
  firstEpochDay = 0;
  /** Bumped each time the table grows, so callers caching `starts` know to refresh. */
  version = 0;
  /** The day found last, for runs of rows from the same day. */
  lastStart = 1;
  lastEnd = 0;
  lastDay = 0;

  constructor(timeZone: string) {
    this.timeZone = timeZone;
  }

  /**
   * The process's index for `timeZone`, shared by every aggregator in that zone: local
   * midnights are facts of the zone, so a new aggregator starts with the days already
   * computed (Temporal is the slow part), and loops compiled for a day table
   * (fold-specialisation.ts) keep serving aggregator after aggregator.
   */
  static shared(timeZone: string): ZoneDayIndex {
    let index = SHARED.get(timeZone);
    if (index === undefined) SHARED.set(timeZone, (index = new ZoneDayIndex(timeZone)));
    return index;
  }

  /** Local day of `ms` as days since 1970-01-01 (local calendar). Also sets lastStart/lastEnd/lastDay. */
  dayOf(ms: number): number {
    if (ms >= this.lastStart && ms < this.lastEnd) return this.lastDay;
    if (this.firstDate === undefined || ms < this.starts[0]! || ms >= this.starts[this.starts.length - 1]!) this.grow(ms);
    const starts = this.starts;
    let index = Math.min(starts.length - 2, Math.max(0, Math.floor((ms - starts[0]!) / DAY_MS)));
    while (starts[index]! > ms) index -= 1;
    while (starts[index + 1]! <= ms) index += 1;
    this.lastStart = starts[index]!;
    this.lastEnd = starts[index + 1]!;
    this.lastDay = this.firstEpochDay + index;
    return this.lastDay;
  }

  /** The local date (`YYYY-MM-DD`) of a day number returned by {@link dayOf}. */
  label(day: number): string {
    let label = this.labels.get(day);
    if (label === undefined) {
      label = Temporal.PlainDate.from('1970-01-01').add({ days: day }).toString();
      this.labels.set(day, label);
    }
    return label;
  }

  private readonly labels = new Map<number, string>();

  private grow(ms: number): void {
    const date = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(this.timeZone).toPlainDate();
    // Grow by at least two months on the side that is short, so a spread of rows rebuilds
    // rarely, and compute only the new days (Temporal is the slow part).
    const oldFirst = this.firstDate;
    const oldLast = oldFirst?.add({ days: this.starts.length - 1 });
    let from = oldFirst ?? date.subtract({ days: 62 });
    let to = oldLast ?? date.add({ days: 62 });
    if (Temporal.PlainDate.compare(date, from) < 0) from = date.subtract({ days: 62 });
    if (Temporal.PlainDate.compare(date, to) >= 0) to = date.add({ days: 62 });
    const length = from.until(to, { largestUnit: 'days' }).days + 1;
    const starts = new Float64Array(length);
    const keepFrom = oldFirst === undefined ? -1 : oldFirst.since(from, { largestUnit: 'days' }).days;
    let day = from;
    for (let index = 0; index < length; index += 1, day = day.add({ days: 1 })) {
      const kept = keepFrom < 0 ? -1 : index - keepFrom;
      starts[index] = kept >= 0 && kept < this.starts.length ? this.starts[kept]! : startOfLocalDate(day, this.timeZone);
    }
    this.firstDate = from;
    this.firstEpochDay = from.since(Temporal.PlainDate.from('1970-01-01'), { largestUnit: 'days' }).days;
    this.starts = starts;
    this.version += 1;
  }
}
