import { describe, expect, it } from 'vitest';
import type { Mention } from '../model/index.js';
import { createAlertMonitor, type ListeningAlert } from './alerts.js';
import { mention } from './__tests__/mentions.js';
import { createFakeClock } from '../clock/index.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-02T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
let serial = 0;

/** `count` mentions spread over hour `hour`, the first `negative` of them negative, the rest positive. */
function hourOf(
  hour: number,
  count: number,
  negative = 0,
  platform = 'bluesky',
): Array<Mention & { classification: { sentiment: 'negative' | 'positive' } }> {
  return Array.from({ length: count }, (_, index) => ({
    ...mention({ id: `m${++serial}`, platform, createdAt: iso(T0 + hour * HOUR + Math.floor((index * HOUR) / (count + 1))) }),
    classification: { sentiment: index < negative ? 'negative' : 'positive' },
  }));
}

const DAY = 24 * HOUR;
/** Anscombe's transform, written out here independently of the implementation. */
const a = (count: number) => 2 * Math.sqrt(count + 0.375);

/** Adds `days` days of `count(hour)` items per hour from day `fromDay`, 2 in 10 negative. */
function days(
  monitor: ReturnType<typeof createAlertMonitor>,
  fromDay: number,
  days: number,
  count: (hour: number) => number,
  platform = 'bluesky',
) {
  for (let day = fromDay; day < fromDay + days; day += 1) {
    for (let hour = 0; hour < 24; hour += 1) {
      const n = count(hour);
      hourOf(day * 24 + hour, n, Math.floor(n / 5), platform).forEach((item) => monitor.add(item));
    }
  }
}

describe('createAlertMonitor', () => {
  it('judges each hour against the same hour on earlier days: a night burst is a spike, a quiet afternoon a drop', () => {
    const monitor = createAlertMonitor();
    const alerts: ListeningAlert[] = [];
    monitor.on('alert', (alert) => alerts.push(alert));
    const profile = (hour: number) => (hour < 7 ? 2 : 30); // nights 2 an hour, days 30
    days(monitor, 0, 4, profile);
    // Day 5: 32 at 03:00 (16× the night, about the day's level); 14:00 silent; the rest as usual.
    days(monitor, 4, 1, (hour) => (hour === 3 ? 32 : hour === 14 ? 0 : profile(hour)));
    monitor.tick(T0 + 5 * DAY);
    expect(alerts.map((alert) => [alert.type, alert.bucketStart, alert.value, alert.baseline, alert.method])).toEqual([
      ['spike', iso(T0 + 4 * DAY + 3 * HOUR), 32, 2, 'time-of-day'],
      ['drop', iso(T0 + 4 * DAY + 14 * HOUR), 0, 30, 'time-of-day'],
    ]);
    // Four identical samples: no extra spread, scale √(1 + 1/4).
    expect(alerts[0]!.score).toBeCloseTo((a(32) - a(2)) / Math.sqrt(1.25), 10);
    expect(alerts[1]!.score).toBeCloseTo((a(0) - a(30)) / Math.sqrt(1.25), 10);
    // 7.44: medium (6 ≤ |score| < 9); the drop, −8.3, too.
    expect(alerts.map((alert) => alert.severity)).toEqual(['medium', 'medium']);
  });

  it('while learning the daily cycle: nothing on the first day, then only high-severity changes beyond the last day’s range', () => {
    const monitor = createAlertMonitor();
    const alerts: ListeningAlert[] = [];
    monitor.on('alert', (alert) => alerts.push(alert));
    const profile = (hour: number) => (hour < 7 ? 2 : 45); // nights 2 an hour, days 45 from 7:00
    days(monitor, 0, 1, profile); // the first morning: 2 → 45
    // Day two: the night (2, inside the last day's range 2–45) is no drop; a storm of 300 at 09:00 is.
    days(monitor, 1, 1, (hour) => (hour === 9 ? 300 : profile(hour)));
    monitor.tick(T0 + 2 * DAY);
    expect(alerts.map((alert) => [alert.bucketStart, alert.type, alert.method, alert.baseline, alert.severity])).toEqual([
      [iso(T0 + DAY + 9 * HOUR), 'spike', 'rolling', 45, 'high'],
    ]);
    // Against the highest of the last 24 hours (45), with the rolling scale: 24 values, 17 of them 45 → MAD 0, floor 1.
    expect(alerts[0]!.score).toBeCloseTo((a(300) - a(45)) / Math.sqrt(1 + 1 / 24), 10);
  });

  it('raises a spike in negative share against the pooled share of the previous buckets', () => {
    const monitor = createAlertMonitor({ bucketMs: HOUR, window: 10, minBaseline: 8, minClassified: 5 });
    // 2 of 10 negative each hour (pooled 20 of 100), then 8 of 10.
    for (let hour = 0; hour < 10; hour += 1) hourOf(hour, 10, 2).forEach((item) => monitor.add(item));
    hourOf(10, 10, 8).forEach((item) => monitor.add(item));
    const alerts = monitor.tick(T0 + 11 * HOUR);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ metric: 'negativeShare', type: 'spike', value: 0.8, baseline: 0.2, method: 'pooled', mentions: 10 });
    // Binomial sd of a 10-item share at p = 0.2: √(0.2 × 0.8 / 10) ≈ 0.126 (above the 0.05 floor).
    expect(alerts[0]!.score).toBeCloseTo(0.6 / Math.sqrt(0.016), 10);
  });

  it('stays quiet for ordinary variation and until the baseline is long enough', () => {
    const fresh = createAlertMonitor();
    hourOf(0, 400, 0).forEach((item) => fresh.add(item)); // a burst with no baseline yet
    expect(fresh.tick(T0 + 2 * HOUR)).toEqual([]);

    const monitor = createAlertMonitor();
    days(monitor, 0, 3, () => 10);
    for (let hour = 0; hour < 6; hour += 1) hourOf(3 * 24 + hour, hour === 5 ? 14 : 10, 2).forEach((item) => monitor.add(item));
    // 14 vs 10: (a(14) − a(10)) / √(4/3) ≈ 1.0
    expect(monitor.tick(T0 + 3 * DAY + 6 * HOUR)).toEqual([]);
  });

  it('keeps scopes apart and ignores repeated and late items', () => {
    const monitor = createAlertMonitor({ scopeOf: (m) => m.platform });
    days(monitor, 0, 3, () => 10, 'bluesky');
    days(monitor, 0, 3, () => 10, 'mastodon');
    const burst = hourOf(3 * 24 + 10, 40, 8, 'mastodon'); // same negative share (0.2), 4× the volume
    burst.forEach((item) => monitor.add(item));
    burst.forEach((item) => monitor.add(item)); // the same items again: counted once
    hourOf(3 * 24 + 10, 10, 2, 'bluesky').forEach((item) => monitor.add(item));
    const alerts = monitor.tick(T0 + 3 * DAY + 11 * HOUR).filter((alert) => alert.bucketStart === iso(T0 + 3 * DAY + 10 * HOUR));
    expect(alerts.map((alert) => [alert.scope, alert.metric, alert.type, alert.value])).toEqual([['mastodon', 'volume', 'spike', 40]]);
    expect(alerts[0]!.score).toBeCloseTo((a(40) - a(10)) / Math.sqrt(1 + 1 / 3), 10);
    hourOf(3, 1, 0, 'bluesky').forEach((item) => monitor.add(item));
    expect(monitor.lateItems).toBe(1);
  });

  it('run() closes buckets on the clock', async () => {
    const clock = createFakeClock({ now: T0, autoAdvance: true });
    const monitor = createAlertMonitor({ bucketMs: HOUR, window: 10, minBaseline: 8, clock });
    const buckets: string[] = [];
    monitor.on('bucket', ({ bucketStart }) => buckets.push(bucketStart));
    hourOf(0, 3).forEach((item) => monitor.add(item));
    const controller = new AbortController();
    const running = monitor.run(controller.signal);
    await clock.sleep(3 * HOUR + 1);
    controller.abort();
    await running;
    expect(buckets).toEqual([iso(T0), iso(T0 + HOUR), iso(T0 + 2 * HOUR)]);
  });

  it('validates its options', () => {
    expect(() => createAlertMonitor({ bucketMs: 10 })).toThrow(/bucketMs: must be at least 1000 ms/);
    expect(() => createAlertMonitor({ timeZone: 'Mars/Olympus' })).toThrow(/timeZone: must be an IANA time zone/);
  });
});
