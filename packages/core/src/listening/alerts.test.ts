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

// Seeded noise: a linear congruential generator and Knuth's Poisson sampler.
function poissonSource(seed: number) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 4_294_967_296;
  };
  return (mean: number) => {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = uniform();
    while (product > limit) {
      k += 1;
      product *= uniform();
    }
    return k;
  };
}

/** Runs a monitor hour by hour over `hours` with `count(hourIndex)` plain mentions per hour; returns the alerts after `judgeFrom`. */
function series(count: (hour: number) => number, hours: number, judgeFrom: number): ListeningAlert[] {
  const monitor = createAlertMonitor();
  const alerts: ListeningAlert[] = [];
  monitor.on('alert', (alert) => alerts.push(alert));
  let id = 0;
  for (let hour = 0; hour < hours; hour += 1) {
    const start = T0 + hour * HOUR;
    const n = count(hour);
    for (let index = 0; index < n; index += 1) {
      monitor.add(mention({ id: `s${id++}`, createdAt: iso(start + index) }));
    }
    monitor.tick(start + HOUR);
  }
  return alerts.filter((alert) => Date.parse(alert.bucketStart) >= T0 + judgeFrom * HOUR);
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

  it('on flat Poisson noise at 20 an hour raises at most 4 false alarms a year, and catches 3 a.m. bursts at 16× the night', () => {
    const warmUp = 21 * 24;
    const year = 365 * 24;
    const flat = poissonSource(20260301);
    const falseAlarms = series(() => flat(20), warmUp + year, warmUp);
    const falseAlarmsPerYear = falseAlarms.length;

    // A day/night cycle (2 an hour at night, up to 40 by day, weekends at 70 %), with a burst
    // at 3 a.m. UTC every eighth day from day 22 on: 16× the night-time norm.
    const noisy = poissonSource(4242);
    const norm = (hour: number) => {
      const date = new Date(T0 + hour * HOUR);
      const level = 2 + 38 * Math.max(0, Math.sin(((date.getUTCHours() - 6) / 18) * Math.PI));
      return level * (date.getUTCDay() === 0 || date.getUTCDay() === 6 ? 0.7 : 1);
    };
    const bursts = Array.from({ length: 20 }, (_, index) => (22 + index * 8) * 24 + 3);
    const alerts = series((hour) => noisy(bursts.includes(hour) ? 16 * norm(hour) : norm(hour)), 190 * 24, warmUp);
    const caught = bursts.filter((hour) => alerts.some((alert) => alert.type === 'spike' && alert.bucketStart === iso(T0 + hour * HOUR)));
    const otherAlerts = alerts.filter((alert) => !bursts.some((hour) => alert.bucketStart === iso(T0 + hour * HOUR)));
    console.info(
      `alerts: ${falseAlarmsPerYear} false alarms in a year of flat noise; ${caught.length}/${bursts.length} night bursts caught; ` +
        `${otherAlerts.length} other alerts in 169 days of day/night noise`,
    );
    expect(falseAlarmsPerYear).toBeLessThanOrEqual(4);
    expect(caught.length / bursts.length).toBeGreaterThanOrEqual(0.9);
    expect(otherAlerts.length).toBeLessThanOrEqual(2);
  }, 60_000);

  it('while learning the daily cycle, only a high-severity change is raised (a morning ramp is not a spike)', () => {
    const monitor = createAlertMonitor({ window: 10, minBaseline: 8 });
    const alerts: ListeningAlert[] = [];
    monitor.on('alert', (alert) => alerts.push(alert));
    for (let hour = 0; hour < 8; hour += 1) hourOf(hour, 2).forEach((item) => monitor.add(item));
    hourOf(8, 18).forEach((item) => monitor.add(item)); // the morning ramp on day one
    hourOf(9, 200).forEach((item) => monitor.add(item)); // a real storm
    monitor.tick(T0 + 10 * HOUR);
    expect(alerts.map((alert) => [alert.bucketStart, alert.method, alert.severity])).toEqual([[iso(T0 + 9 * HOUR), 'rolling', 'high']]);
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
