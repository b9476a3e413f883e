import { z } from 'zod';
import type { SignalSeverity } from '../analytics/index.js';
import { systemClock, type Clock } from '../clock/index.js';
import { parseWithSchema, type Mention } from '../model/index.js';
import type { Classification } from './classifier.js';
import { createTypedEmitter, type EventSource } from '../events/index.js';
import { mentionIdKey } from './mention-keys.js';
import { anscombe, countScore, expectCount, pooledSpread, type Expectation, type HistoryPoint } from './seasonal-baseline.js';

/** A spike or drop in one time bucket. */
export interface ListeningAlert {
  type: 'spike' | 'drop';
  /** `volume`: mentions per bucket; `negativeShare`: negative ÷ classified (unknown sentiment left out). */
  metric: 'volume' | 'negativeShare';
  /** The group it concerns (`all` unless `scopeOf` is given). */
  scope: string;
  bucketStart: string;
  bucketEnd: string;
  value: number;
  /**
   * What was expected. Volume: the same time of day on earlier days (× the weekday's factor
   * once two weeks are known), else the trimmed mean of the previous buckets. Negative share:
   * the pooled share of the previous buckets.
   */
  baseline: number;
  /** How the baseline was found: `time-of-day`, `time-of-day×weekday`, `rolling` (volume) or `pooled` (share). */
  method: 'time-of-day' | 'time-of-day×weekday' | 'rolling' | 'pooled';
  /**
   * Volume: (2√(value + 3/8) − 2√(baseline + 3/8)) ÷ scale — a normal score for Poisson
   * counts at any level. Share: (value − baseline) ÷ max(binomial sd, `minShareScale`).
   */
  score: number;
  /** `low` from |score| 4.5, `medium` from 6, `high` from 9 (configurable). */
  severity: SignalSeverity;
  /** Mentions in the bucket. */
  mentions: number;
}

/** Events of an {@link AlertMonitor}. */
export interface AlertEvents extends Record<string, unknown> {
  alert: ListeningAlert;
  /** A bucket was closed and judged (alerts or not): for dashboards. */
  bucket: { scope: string; bucketStart: string; mentions: number; negativeShare: number | null; expected: number | null };
}

const DAY_MS = 86_400_000;

/** Validates {@link AlertMonitorOptions} (defaults filled in); `createAlertMonitor` parses its options with it. */
export const AlertMonitorOptionsSchema = z.object({
  bucketMs: z.number().int().min(1000, { error: 'must be at least 1000 ms, e.g. 3600000 for hourly buckets' }).default(3_600_000),
  window: z.number().int().min(3, { error: 'must be 3 buckets or more' }).default(24),
  minBaseline: z.number().int().min(2, { error: 'must be 2 buckets or more' }).default(8),
  days: z.number().int().min(2, { error: 'must be 2 days or more' }).default(14),
  minDays: z.number().int().min(2, { error: 'must be 2 days or more' }).default(3),
  weeks: z.number().int().min(2, { error: 'must be 2 weeks or more' }).default(4),
  timeZone: z
    .string()
    .refine(
      (zone) => {
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      },
      { error: 'must be an IANA time zone such as Europe/Bucharest' },
    )
    .default('UTC'),
  graceMs: z.number().int().nonnegative({ error: 'must be 0 or more ms' }).default(0),
  thresholds: z.object({ low: z.number().positive(), medium: z.number().positive(), high: z.number().positive() }).optional(),
  minExcess: z.number().nonnegative({ error: 'must be 0 or more mentions, e.g. 5' }).default(5),
  minShareScale: z.number().positive().default(0.05),
  minClassified: z.number().int().positive({ error: 'must be 1 or more' }).default(10),
  scopeOf: z.custom<(mention: Mention) => string>((value) => typeof value === 'function', { error: 'must be a function' }).optional(),
  clock: z.custom<Clock>((value) => typeof (value as Clock | null)?.now === 'function', { error: 'must be a Clock' }).optional(),
});

/** Options for {@link createAlertMonitor}. */
export interface AlertMonitorOptions extends z.input<typeof AlertMonitorOptionsSchema> {}

/** What the monitor counts: a mention, optionally classified. */
export type AlertItem = Mention & { classification?: Pick<Classification, 'sentiment'> };

/**
 * Spike and drop detection on a live stream of mentions; see {@link createAlertMonitor}.
 *
 * @example
 * ```ts
 * monitor.add(mention);
 * const alerts = monitor.tick(); // closes finished buckets and returns their alerts
 * ```
 */
export interface AlertMonitor extends EventSource<AlertEvents> {
  /** Counts an item in its bucket (by `createdAt`). An item for a closed bucket is counted as late and ignored. */
  add(item: AlertItem): void;
  /** Closes and judges every bucket that ended at least `graceMs` before `now` (default: the clock's now). */
  tick(now?: number): ListeningAlert[];
  /** Ticks at each bucket end (+ grace) until `signal` aborts. */
  run(signal?: AbortSignal): Promise<void>;
  /** Items that came after their bucket was closed. */
  readonly lateItems: number;
}

interface OpenBucket {
  /** Items counted, by platform + id (an item always falls in the same bucket, so this dedupes). */
  keys: Set<string>;
  mentions: number;
  negative: number;
  classified: number;
}

interface ScopeState {
  open: Map<number, OpenBucket>;
  /** Closed buckets, oldest first (kept for the seasonal baseline). */
  history: HistoryPoint[];
  /** Negative shares of closed buckets (null: too few classified). */
  shares: Array<{ negative: number; classified: number } | null>;
  /** The first bucket this scope has not closed yet. */
  next: number;
  /** {@link pooledSpread} of `history`, computed once per local day (`spreadDay`). */
  spread?: number;
  spreadDay?: string;
}

const DEFAULT_THRESHOLDS = { low: 4.5, medium: 6, high: 9 };

/** While learning: the nearest count of the recent range (`value` itself inside it: no news), with the rolling scale. */
function learningBaseline(found: Expectation, recent: readonly HistoryPoint[], value: number): Expectation {
  const values = recent.map((point) => point.value);
  return { ...found, expected: Math.min(Math.max(value, Math.min(...values)), Math.max(...values)) };
}

/**
 * Watches mention volume and negative share per fixed time bucket (hourly by default) and
 * emits `alert` events for spikes and drops. Volume is judged against the same time of day
 * on earlier days (`days`, default 14, from `minDays` = 3 on; × a weekday factor once two
 * weeks are known), in `timeZone`; before that against the previous `window` buckets. The
 * score treats counts as Poisson counts (Anscombe transform), so flat noise at 20 an hour
 * raises about one false alarm a year, and a burst at 3 a.m. is measured against other
 * nights, not against the busy day. Negative share needs `minClassified` classified items in
 * a bucket (else a gap) and is judged against the pooled share of the previous `window`
 * buckets. Empty buckets count as 0 — a silence is a drop — once a scope has been seen. Call
 * `tick()` (or `run()`) so quiet buckets close even when no mention comes.
 *
 * @example
 * ```ts
 * const monitor = createAlertMonitor({ bucketMs: 3_600_000, timeZone: 'Europe/Bucharest', scopeOf: (m) => m.platform });
 * monitor.on('alert', (alert) => console.log(`${alert.severity} ${alert.metric} ${alert.type} on ${alert.scope} (${alert.method})`));
 * void monitor.run(signal);
 * for await (const mention of stream) monitor.add({ ...mention, classification: await classifyOne(mention) });
 * ```
 */
export function createAlertMonitor(options: AlertMonitorOptions = {}): AlertMonitor {
  const parsed = parseWithSchema(AlertMonitorOptionsSchema, options, 'createAlertMonitor options');
  const clock = parsed.clock ?? systemClock;
  const { bucketMs } = parsed;
  const thresholds = parsed.thresholds ?? DEFAULT_THRESHOLDS;
  const events = createTypedEmitter<AlertEvents>();
  const scopes = new Map<string, ScopeState>();
  let lateItems = 0;
  const bucketOf = (ms: number) => Math.floor(ms / bucketMs) * bucketMs;
  // Seasonal baselines need buckets that tile a day; anything else is judged on a rolling window.
  const seasonal = bucketMs <= DAY_MS && DAY_MS % bucketMs === 0;
  const bucketsPerDay = seasonal ? DAY_MS / bucketMs : 1;
  const keepDays = Math.max(parsed.days, parsed.weeks * 7) + 1;
  const maxHistory = Math.max(parsed.window, keepDays * bucketsPerDay);
  const settings = { ...parsed, seasonal };

  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: parsed.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
  });
  const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const localOf = (ms: number): Omit<HistoryPoint, 'value'> => {
    const parts: Record<string, string> = {};
    for (const part of format.formatToParts(ms)) parts[part.type] = part.value;
    return {
      start: ms,
      day: `${parts.year}-${parts.month}-${parts.day}`,
      minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
      weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
    };
  };
  const severityOf = (score: number): SignalSeverity | undefined => {
    const size = Math.abs(score);
    return size >= thresholds.high ? 'high' : size >= thresholds.medium ? 'medium' : size >= thresholds.low ? 'low' : undefined;
  };

  const close = (scope: string, state: ScopeState, start: number): ListeningAlert[] => {
    const bucket = state.open.get(start) ?? { keys: new Set<string>(), mentions: 0, negative: 0, classified: 0 };
    state.open.delete(start);
    const label = new Date(start).toISOString();
    const local = localOf(start);
    const alerts: ListeningAlert[] = [];
    const raise = (alert: Omit<ListeningAlert, 'scope' | 'bucketStart' | 'bucketEnd' | 'mentions' | 'severity' | 'type'>) => {
      const severity = severityOf(alert.score);
      if (severity === undefined) return;
      alerts.push({
        type: alert.score > 0 ? 'spike' : 'drop',
        ...alert,
        scope,
        bucketStart: label,
        bucketEnd: new Date(start + bucketMs).toISOString(),
        severity,
        mentions: bucket.mentions,
      });
    };

    // The pooled spread moves slowly: once a local day is enough (and keeps a year at ~2 s).
    if (state.spreadDay !== local.day) {
      state.spread = pooledSpread(state.history, bucketsPerDay, settings);
      state.spreadDay = local.day;
    }
    const found = expectCount(state.history, local, bucketsPerDay, settings, state.spread);
    // While learning the daily cycle on tiling buckets, the last `window` buckets mix day and
    // night: a count inside their range (a quiet night after a busy day) is no news; a spike is
    // measured against their highest count, a drop against their lowest.
    const expectation =
      seasonal && found?.method === 'rolling' ? learningBaseline(found, state.history.slice(-parsed.window), bucket.mentions) : found;
    const volumeScore = expectation === undefined ? 0 : countScore(bucket.mentions, expectation);
    // While learning the daily cycle (a rolling baseline on tiling buckets), the first morning
    // looks like a spike: nothing is raised before a whole day is known, then only high-severity
    // changes. Before the weekday factors are known (two weeks), the first weekend looks like a
    // drop: drops from medium on.
    const floor = !seasonal
      ? 0
      : expectation?.method === 'rolling'
        ? state.history.length < bucketsPerDay
          ? Infinity
          : thresholds.high
        : expectation?.method === 'time-of-day' && volumeScore < 0
          ? thresholds.medium
          : 0;
    if (
      expectation !== undefined &&
      Math.abs(volumeScore) >= floor &&
      Math.abs(bucket.mentions - expectation.expected) >= parsed.minExcess
    ) {
      raise({
        metric: 'volume',
        value: bucket.mentions,
        baseline: expectation.expected,
        method: expectation.method,
        score: volumeScore,
      });
    }
    const residual =
      expectation?.method === 'rolling' || expectation === undefined
        ? undefined
        : anscombe(bucket.mentions) - anscombe(expectation.expected);
    state.history.push({ ...local, value: bucket.mentions, ...(residual === undefined ? {} : { residual }) });
    if (state.history.length > maxHistory) state.history.splice(0, state.history.length - maxHistory);

    const share = bucket.classified >= parsed.minClassified ? bucket.negative / bucket.classified : null;
    const previous = state.shares.slice(-parsed.window).filter((entry) => entry !== null);
    if (share !== null && previous.length >= parsed.minBaseline) {
      const negative = previous.reduce((sum, entry) => sum + entry.negative, 0);
      const classified = previous.reduce((sum, entry) => sum + entry.classified, 0);
      const baseline = negative / classified;
      // A share that never moved still has some spread: at least half an item of the pool.
      const p = Math.min(Math.max(baseline, 0.5 / classified), 1 - 0.5 / classified);
      const sd = Math.max(Math.sqrt((p * (1 - p)) / bucket.classified), parsed.minShareScale);
      raise({ metric: 'negativeShare', value: share, baseline, method: 'pooled', score: (share - baseline) / sd });
    }
    state.shares.push(share === null ? null : { negative: bucket.negative, classified: bucket.classified });
    if (state.shares.length > parsed.window) state.shares.splice(0, state.shares.length - parsed.window);

    events.emit('bucket', {
      scope,
      bucketStart: label,
      mentions: bucket.mentions,
      negativeShare: share,
      expected: expectation?.expected ?? null,
    });
    for (const alert of alerts) events.emit('alert', alert);
    return alerts;
  };

  const tick = (now = clock.now()): ListeningAlert[] => {
    const alerts: ListeningAlert[] = [];
    for (const [scope, state] of scopes) {
      while (state.next + bucketMs + parsed.graceMs <= now) {
        alerts.push(...close(scope, state, state.next));
        state.next += bucketMs;
      }
    }
    return alerts;
  };

  return {
    on: events.on,
    get lateItems() {
      return lateItems;
    },
    add(item) {
      const key = mentionIdKey(item);
      const start = bucketOf(Date.parse(item.createdAt));
      const scope = parsed.scopeOf?.(item) ?? 'all';
      let state = scopes.get(scope);
      if (state === undefined) scopes.set(scope, (state = { open: new Map(), history: [], shares: [], next: start }));
      if (start < state.next) {
        lateItems += 1;
        return;
      }
      let bucket = state.open.get(start);
      if (bucket === undefined) state.open.set(start, (bucket = { keys: new Set(), mentions: 0, negative: 0, classified: 0 }));
      if (bucket.keys.has(key)) return;
      bucket.keys.add(key);
      bucket.mentions += 1;
      const sentiment = item.classification?.sentiment;
      if (sentiment === 'positive' || sentiment === 'negative' || sentiment === 'neutral') {
        bucket.classified += 1;
        if (sentiment === 'negative') bucket.negative += 1;
      }
    },
    tick,
    async run(signal) {
      while (!signal?.aborted) {
        const now = clock.now();
        const nextEnd = bucketOf(now) + bucketMs + parsed.graceMs;
        try {
          await clock.sleep(Math.max(0, nextEnd - now), signal);
        } catch {
          return;
        }
        tick();
      }
    },
  };
}
