import { z } from 'zod';
import { detectSignals, type SignalPoint, type SignalSeverity } from '../analytics/index.js';
import { systemClock, type Clock } from '../clock/index.js';
import { parseWithSchema, type Mention } from '../model/index.js';
import type { Classification } from './classifier.js';
import { createTypedEmitter, type EventSource } from '../events/index.js';
import { mentionIdKey } from './mention-keys.js';

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
  /** Median of the previous buckets (the rolling baseline). */
  baseline: number;
  /** Robust z-score: (value − baseline) ÷ max(1.4826 × MAD, floor). */
  score: number;
  /** `low` from |score| 3.5, `medium` from 5, `high` from 8 (configurable). */
  severity: SignalSeverity;
  /** Mentions in the bucket. */
  mentions: number;
}

/** Events of an {@link AlertMonitor}. */
export interface AlertEvents extends Record<string, unknown> {
  alert: ListeningAlert;
  /** A bucket was closed and judged (alerts or not): for dashboards. */
  bucket: { scope: string; bucketStart: string; mentions: number; negativeShare: number | null };
}

const OptionsSchema = z.object({
  bucketMs: z.number().int().min(1000, { error: 'must be at least 1000 ms, e.g. 3600000 for hourly buckets' }).default(3_600_000),
  window: z.number().int().min(3, { error: 'must be 3 buckets or more' }).default(24),
  minBaseline: z.number().int().min(2, { error: 'must be 2 buckets or more' }).default(8),
  graceMs: z.number().int().nonnegative({ error: 'must be 0 or more ms' }).default(0),
  thresholds: z.object({ low: z.number().positive(), medium: z.number().positive(), high: z.number().positive() }).optional(),
  minVolumeScale: z.number().positive().default(1),
  minShareScale: z.number().positive().default(0.05),
  minClassified: z.number().int().positive({ error: 'must be 1 or more' }).default(10),
  scopeOf: z.custom<(mention: Mention) => string>((value) => typeof value === 'function', { error: 'must be a function' }).optional(),
  clock: z.custom<Clock>((value) => typeof (value as Clock | null)?.now === 'function', { error: 'must be a Clock' }).optional(),
});

/** Options for {@link createAlertMonitor}. */
export type AlertMonitorOptions = z.input<typeof OptionsSchema>;

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
  volume: SignalPoint[];
  share: SignalPoint[];
  /** The first bucket this scope has not closed yet. */
  next: number;
}

/**
 * Watches mention volume and negative share per fixed time bucket (hourly by default) and
 * emits `alert` events for spikes and drops. Each closed bucket is judged against the
 * previous `window` buckets with the analytics' robust detector (`detectSignals`: median and
 * MAD, severity by robust z-score). Buckets without mentions count as 0 — so a silence is a
 * drop — once a scope has been seen; negative share needs `minClassified` classified items
 * in a bucket, else that bucket is a gap. Call `tick()` (or `run()`) so that quiet buckets
 * close even when no mention comes.
 *
 * @example
 * ```ts
 * const monitor = createAlertMonitor({ bucketMs: 3_600_000, scopeOf: (m) => m.platform });
 * monitor.on('alert', (alert) => console.log(`${alert.severity} ${alert.metric} ${alert.type} on ${alert.scope}`));
 * void monitor.run(signal);
 * for await (const mention of stream) monitor.add({ ...mention, classification: await classifyOne(mention) });
 * ```
 */
export function createAlertMonitor(options: AlertMonitorOptions = {}): AlertMonitor {
  const parsed = parseWithSchema(OptionsSchema, options, 'createAlertMonitor options');
  const clock = parsed.clock ?? systemClock;
  const { bucketMs } = parsed;
  const events = createTypedEmitter<AlertEvents>();
  const scopes = new Map<string, ScopeState>();
  let lateItems = 0;
  const bucketOf = (ms: number) => Math.floor(ms / bucketMs) * bucketMs;

  const judge = (scope: string, series: SignalPoint[], point: SignalPoint, metric: ListeningAlert['metric'], minScale: number) => {
    series.push(point);
    const found = detectSignals(series, {
      metric,
      window: parsed.window,
      minBaseline: parsed.minBaseline,
      minScale,
      ...(parsed.thresholds === undefined ? {} : { thresholds: parsed.thresholds }),
    }).filter((event) => event.label === point.label);
    if (series.length > parsed.window + 1) series.splice(0, series.length - parsed.window - 1);
    return found.map((event) => ({ event, scope }));
  };

  const close = (scope: string, state: ScopeState, start: number): ListeningAlert[] => {
    const bucket = state.open.get(start) ?? { keys: new Set<string>(), mentions: 0, negative: 0, classified: 0 };
    state.open.delete(start);
    const label = new Date(start).toISOString();
    const share = bucket.classified >= parsed.minClassified ? bucket.negative / bucket.classified : null;
    const found = [
      ...judge(scope, state.volume, { label, value: bucket.mentions }, 'volume', parsed.minVolumeScale),
      ...judge(scope, state.share, { label, value: share }, 'negativeShare', parsed.minShareScale),
    ];
    events.emit('bucket', { scope, bucketStart: label, mentions: bucket.mentions, negativeShare: share });
    return found.map(({ event }) => {
      const alert: ListeningAlert = {
        type: event.type,
        metric: event.metric as ListeningAlert['metric'],
        scope,
        bucketStart: label,
        bucketEnd: new Date(start + bucketMs).toISOString(),
        value: event.value,
        baseline: event.baseline,
        score: event.score,
        severity: event.severity,
        mentions: bucket.mentions,
      };
      events.emit('alert', alert);
      return alert;
    });
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
      if (state === undefined) scopes.set(scope, (state = { open: new Map(), volume: [], share: [], next: start }));
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
