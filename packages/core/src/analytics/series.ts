import { z } from 'zod';
import {
  CANONICAL_METRICS,
  InstantSchema,
  TimeZoneSchema,
  parseWithSchema,
  type CanonicalMetric,
  type MetricSnapshot,
} from '../model/index.js';
import { bucketIndex, calendarBuckets, type SeriesInterval, type WeekStart } from './calendar-buckets.js';
import { checkSnapshots } from './check-snapshots.js';
import { metricValue, subjectKey } from './metric-values.js';

/**
 * How a metric's values are read:
 * - `'counter'` — cumulative (likes, impressions): a bucket's value is the increase.
 * - `'gauge'` — a level (followers): a bucket's value is the last observation in it.
 */
export type SeriesKind = 'counter' | 'gauge';

/**
 * Metrics read as levels by default; every other metric is a counter.
 *
 * @example
 * ```ts
 * GAUGE_METRICS.includes('followers'); // true
 * ```
 */
export const GAUGE_METRICS: readonly CanonicalMetric[] = ['followers', 'following', 'posts'];

/** One bucket of a series. */
export interface SeriesBucket {
  /** Local label: `YYYY-MM-DD` (day; a week's first day) or `YYYY-MM` (month). */
  label: string;
  /** First instant of the bucket (ISO-8601 UTC). */
  start: string;
  /** First instant after the bucket. */
  end: string;
  /** Length in hours (23 or 25 on DST days). */
  hours: number;
  /** The increase (counter), the level (gauge) or the sum of windows; `null` when missing — never a made-up 0. */
  value: number | null;
  /** No subject was observed in this bucket. */
  missing: boolean;
  /**
   * A snapshot in this bucket carried `countersReset: true` (evidence of a reset): growth after
   * it is counted from 0. A plain decrease is not a reset — see `decreased`.
   */
  reset: boolean;
  /** A counter went down inside this bucket (unlikes, deleted replies): counted as a decrease, so `value` can be negative. */
  decreased: boolean;
  /** Gauge only, with `carryForward`: no observation in this bucket, so the last known value was carried into it. */
  carried: boolean;
  /** The increase is counted from the first observation in the bucket (no earlier observation to compare with). */
  partial: boolean;
  /** The increase is measured from an observation before one or more missing buckets, so it may include their growth. */
  spansMissing: boolean;
  /** Subjects already observed before this bucket but not in it (for series over several subjects). */
  missingSubjects: number;
  /** Snapshots that fell in this bucket. */
  observations: number;
}

/** A metric over time in a zone. */
export interface MetricSeries {
  metric: CanonicalMetric;
  interval: SeriesInterval;
  timeZone: string;
  kind: SeriesKind | 'window';
  buckets: SeriesBucket[];
}

/** Options of {@link toSeries}. */
export interface SeriesOptions {
  metric: CanonicalMetric;
  interval: SeriesInterval;
  /** IANA zone whose local days/weeks/months are the buckets. */
  timeZone: string;
  /** Buckets covering this range (`end` exclusive); default: from the first to the last observation. */
  range?: { start: string; end: string };
  /** Default: `'gauge'` for {@link GAUGE_METRICS}, else `'counter'`. Windowed snapshots are always summed. */
  kind?: SeriesKind;
  /** Counters of posts start at 0 when published: with `true`, a post's first observation counts from 0 (no `partial`). Default `false`. */
  postsStartAtZero?: boolean;
  /**
   * Gauges only: a bucket without an observation takes the subject's last known value (also
   * from before the range) and says `carried: true`, so one missing snapshot is not a drop
   * when subjects are summed. Default `false`.
   */
  carryForward?: boolean;
  /** First day of a week bucket: 1 = Monday (default, ISO 8601) or 7 = Sunday. */
  weekStartsOn?: WeekStart;
}

const OptionsSchema = z.object({
  metric: z.enum(CANONICAL_METRICS, { error: `must be a canonical metric: ${CANONICAL_METRICS.join(', ')}` }),
  interval: z.enum(['day', 'week', 'month'], { error: "must be 'day', 'week' or 'month'" }),
  timeZone: TimeZoneSchema,
  range: z
    .object({ start: InstantSchema, end: InstantSchema })
    .refine((range) => range.start < range.end, { path: ['end'], error: 'must be after range.start' })
    .optional(),
  kind: z.enum(['counter', 'gauge'], { error: "must be 'counter' or 'gauge'" }).optional(),
  postsStartAtZero: z.boolean().optional(),
  carryForward: z.boolean().optional(),
  weekStartsOn: z.union([z.literal(1), z.literal(7)], { error: 'must be 1 (Monday) or 7 (Sunday)' }).optional(),
});

interface Point {
  at: number;
  value: number;
  windowStart?: number;
  /** The snapshot said its counters restarted from 0 (`countersReset`). */
  reset?: boolean;
}

interface SubjectBucket {
  value: number | null;
  observations: number;
  reset: boolean;
  decreased: boolean;
  carried: boolean;
  partial: boolean;
  spansMissing: boolean;
  /** Observed before this bucket (so a miss here counts as a missing subject). */
  seenBefore: boolean;
}

/**
 * Turns snapshots (cumulative counters observed at irregular times, or windowed values) into
 * per-day / week / month values in a time zone. Several subjects are combined by summing
 * their per-bucket values.
 *
 * For a **counter**, a bucket's value is the change from the last observation before the
 * bucket to the last observation in it. A counter that goes down is a real decrease (unlikes,
 * deleted replies): the bucket's value goes down with it and says `decreased` (likes 100 → 99
 * → 105 on three days is +100, −1, +6 = 105). Only evidence makes a reset: a new subject (a new
 * post id or account id starts its own series) or a snapshot with `countersReset: true`, after
 * which growth is counted from 0 and the bucket says `reset`. A bucket with no observation is
 * `missing` with `value: null` (never 0); the next observed bucket's growth then spans the gap
 * and is flagged `spansMissing`. A **gauge** takes the last observation in the bucket.
 * **Windowed** snapshots (with `window`) are summed by the bucket their window starts in.
 *
 * @example
 * ```ts
 * toSeries(postSnapshots, { metric: 'likes', interval: 'day', timeZone: 'Europe/Bucharest' }).buckets;
 * // [{ label: '2026-03-28', value: 12, hours: 24, … }, { label: '2026-03-29', value: 7, hours: 23, … }]
 * ```
 */
export function toSeries(snapshots: readonly MetricSnapshot[], options: SeriesOptions): MetricSeries {
  const {
    metric,
    interval,
    timeZone,
    range,
    kind: chosenKind,
    postsStartAtZero = false,
    carryForward = false,
    weekStartsOn = 1,
  } = parseWithSchema(OptionsSchema, options, 'toSeries options');
  checkSnapshots(snapshots, 'toSeries');
  const kind: SeriesKind = chosenKind ?? (GAUGE_METRICS.includes(metric) ? 'gauge' : 'counter');

  const bySubject = new Map<string, { isPost: boolean; points: Point[] }>();
  let windowed = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const snapshot of snapshots) {
    const value = metricValue(snapshot, metric);
    if (value === undefined) continue;
    const at = Date.parse(snapshot.observedAt);
    const point: Point = { at, value };
    if (snapshot.countersReset === true) point.reset = true;
    if (snapshot.window !== undefined) {
      point.windowStart = Date.parse(snapshot.window.start);
      windowed += 1;
    }
    const place = point.windowStart ?? at;
    first = Math.min(first, place);
    last = Math.max(last, place);
    const key = subjectKey(snapshot.subject);
    const entry = bySubject.get(key) ?? { isPost: snapshot.subject.type === 'post', points: [] };
    entry.points.push(point);
    bySubject.set(key, entry);
  }

  const startMs = range ? Date.parse(range.start) : first;
  const endMs = range ? Date.parse(range.end) : last + 1;
  const buckets =
    Number.isFinite(startMs) && Number.isFinite(endMs) ? calendarBuckets(startMs, endMs, interval, timeZone, weekStartsOn) : [];
  const useWindows = windowed > 0;

  const combined = buckets.map((bucket) => ({
    label: bucket.label,
    start: new Date(bucket.startMs).toISOString(),
    end: new Date(bucket.endMs).toISOString(),
    hours: (bucket.endMs - bucket.startMs) / 3_600_000,
    value: null as number | null,
    missing: true,
    reset: false,
    decreased: false,
    carried: false,
    partial: false,
    spansMissing: false,
    missingSubjects: 0,
    observations: 0,
  }));

  for (const { isPost, points } of bySubject.values()) {
    points.sort((a, b) => a.at - b.at || a.value - b.value);
    const perBucket = useWindows
      ? windowBuckets(points, buckets)
      : kind === 'gauge'
        ? gaugeBuckets(points, buckets, carryForward)
        : counterBuckets(points, buckets, isPost && postsStartAtZero);
    perBucket.forEach((own, index) => {
      const target = combined[index]!;
      target.observations += own.observations;
      if (own.value === null) {
        if (own.seenBefore) target.missingSubjects += 1;
        return;
      }
      target.value = (target.value ?? 0) + own.value;
      target.missing = false;
      target.reset ||= own.reset;
      target.decreased ||= own.decreased;
      target.carried ||= own.carried;
      target.partial ||= own.partial;
      target.spansMissing ||= own.spansMissing;
    });
  }
  return { metric, interval, timeZone, kind: useWindows ? 'window' : kind, buckets: combined };
}

function emptyBucket(seenBefore: boolean): SubjectBucket {
  return { value: null, observations: 0, reset: false, decreased: false, carried: false, partial: false, spansMissing: false, seenBefore };
}

function counterBuckets(points: readonly Point[], buckets: ReturnType<typeof calendarBuckets>, startAtZero: boolean): SubjectBucket[] {
  let cursor = 0;
  let baseline: Point | undefined;
  let baselineFresh = false; // the baseline was observed in the previous bucket (or is the range start)
  const result: SubjectBucket[] = [];
  // Observations before the first bucket only set the baseline.
  while (cursor < points.length && points[cursor]!.at < (buckets[0]?.startMs ?? Infinity)) {
    baseline = points[cursor];
    baselineFresh = true;
    cursor += 1;
  }
  for (const bucket of buckets) {
    const own = emptyBucket(baseline !== undefined);
    let previous = baseline;
    let fromZero = false;
    if (previous === undefined && startAtZero && cursor < points.length && points[cursor]!.at < bucket.endMs) {
      previous = { at: bucket.startMs, value: 0 };
      fromZero = true;
    }
    let growth = 0;
    while (cursor < points.length && points[cursor]!.at < bucket.endMs) {
      const point = points[cursor]!;
      own.observations += 1;
      if (point.reset === true) {
        // Evidence of a reset: everything it now shows was gained since it restarted from 0.
        growth += point.value;
        own.reset = true;
      } else if (previous !== undefined) {
        if (point.value < previous.value) own.decreased = true;
        growth += point.value - previous.value;
      }
      previous = point;
      cursor += 1;
    }
    if (own.observations > 0) {
      own.value = growth;
      own.partial = baseline === undefined && !fromZero;
      own.spansMissing = baseline !== undefined && !baselineFresh;
      baseline = previous;
      baselineFresh = true;
    } else {
      baselineFresh = false;
    }
    result.push(own);
  }
  return result;
}

function gaugeBuckets(points: readonly Point[], buckets: ReturnType<typeof calendarBuckets>, carryForward: boolean): SubjectBucket[] {
  let cursor = 0;
  let seen = false;
  let last: number | null = null;
  while (cursor < points.length && points[cursor]!.at < (buckets[0]?.startMs ?? Infinity)) {
    seen = true;
    last = points[cursor]!.value;
    cursor += 1;
  }
  return buckets.map((bucket) => {
    const own = emptyBucket(seen);
    while (cursor < points.length && points[cursor]!.at < bucket.endMs) {
      own.value = points[cursor]!.value;
      own.observations += 1;
      cursor += 1;
    }
    if (own.observations > 0) {
      seen = true;
      last = own.value;
    } else if (carryForward && last !== null) {
      own.value = last;
      own.carried = true;
    }
    return own;
  });
}

function windowBuckets(points: readonly Point[], buckets: ReturnType<typeof calendarBuckets>): SubjectBucket[] {
  const result = buckets.map(() => emptyBucket(false));
  let firstIndex = Infinity;
  for (const point of points) {
    const index = bucketIndex(buckets, point.windowStart ?? point.at);
    if (index < 0) continue;
    const own = result[index]!;
    own.value = (own.value ?? 0) + point.value;
    own.observations += 1;
    firstIndex = Math.min(firstIndex, index);
  }
  result.forEach((own, index) => {
    own.seenBefore = index > firstIndex;
  });
  return result;
}
