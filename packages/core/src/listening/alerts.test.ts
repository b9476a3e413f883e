import { describe, expect, it } from 'vitest';
import type { Mention } from '../model/index.js';
import { createAlertMonitor, type ListeningAlert } from './alerts.js';
import { mention } from './__tests__/mentions.js';
import { createVirtualClock } from './__tests__/virtual-clock.js';

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

const BASELINE = [10, 9, 11, 10, 10, 9, 11, 10, 10, 9]; // median 10, MAD 0.5 → scale max(0.74, 1) = 1

describe('createAlertMonitor', () => {
  it('raises a high-severity volume spike, then a drop when the stream goes quiet', () => {
    const monitor = createAlertMonitor({ bucketMs: HOUR, window: 10, minBaseline: 8 });
    const alerts: ListeningAlert[] = [];
    monitor.on('alert', (alert) => alerts.push(alert));
    BASELINE.forEach((count, hour) => hourOf(hour, count, 2).forEach((item) => monitor.add(item)));
    hourOf(10, 60, 12).forEach((item) => monitor.add(item));
    // Hour 11 is silent; closing it needs a tick at its end.
    expect(monitor.tick(T0 + 12 * HOUR)).toEqual(alerts);
    expect(alerts.map((a) => [a.metric, a.type, a.bucketStart, a.value, a.baseline, a.severity])).toEqual([
      ['volume', 'spike', iso(T0 + 10 * HOUR), 60, 10, 'high'],
      ['volume', 'drop', iso(T0 + 11 * HOUR), 0, 10, 'medium'],
    ]);
    expect(alerts[0]!.score).toBe(50);
    // The spike is now in the window: [9,11,10,10,9,11,10,10,9,60] → median 10, MAD 1 → scale 1.4826.
    expect(alerts[1]!.score).toBeCloseTo(-10 / 1.4826, 10);
  });

  it('raises a spike in negative share while volume stays flat', () => {
    const monitor = createAlertMonitor({ bucketMs: HOUR, window: 10, minBaseline: 8, minClassified: 5 });
    // 2 of 10 negative each hour (share 0.2, MAD 0 → floor 0.05), then 8 of 10.
    for (let hour = 0; hour < 10; hour += 1) hourOf(hour, 10, 2).forEach((item) => monitor.add(item));
    hourOf(10, 10, 8).forEach((item) => monitor.add(item));
    const alerts = monitor.tick(T0 + 11 * HOUR);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ metric: 'negativeShare', type: 'spike', value: 0.8, baseline: 0.2, severity: 'high', mentions: 10 });
    expect(alerts[0]!.score).toBeCloseTo(12, 10);
  });

  it('stays quiet for ordinary variation and until the baseline is long enough', () => {
    const monitor = createAlertMonitor({ bucketMs: HOUR, window: 10, minBaseline: 8 });
    hourOf(0, 40, 0).forEach((item) => monitor.add(item)); // a burst with no baseline yet
    BASELINE.forEach((count, hour) => hourOf(hour + 1, count, 2).forEach((item) => monitor.add(item)));
    hourOf(11, 12, 3).forEach((item) => monitor.add(item)); // 12 vs 10 ± 1: score 2
    expect(monitor.tick(T0 + 12 * HOUR)).toEqual([]);
  });

  it('keeps scopes apart and ignores repeated and late items', () => {
    const monitor = createAlertMonitor({ bucketMs: HOUR, window: 10, minBaseline: 8, scopeOf: (m) => m.platform });
    for (let hour = 0; hour < 10; hour += 1) {
      hourOf(hour, 10, 2, 'bluesky').forEach((item) => monitor.add(item));
      hourOf(hour, 10, 2, 'mastodon').forEach((item) => monitor.add(item));
    }
    const burst = hourOf(10, 40, 8, 'mastodon'); // same negative share (0.2), 4× the volume
    burst.forEach((item) => monitor.add(item));
    burst.forEach((item) => monitor.add(item)); // the same items again: counted once
    hourOf(10, 10, 2, 'bluesky').forEach((item) => monitor.add(item));
    const alerts = monitor.tick(T0 + 11 * HOUR);
    expect(alerts.map((a) => [a.scope, a.metric, a.type, a.value])).toEqual([['mastodon', 'volume', 'spike', 40]]);
    hourOf(3, 1, 0, 'bluesky').forEach((item) => monitor.add(item));
    expect(monitor.lateItems).toBe(1);
  });

  it('run() closes buckets on the clock', async () => {
    const clock = createVirtualClock(T0);
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
  });
});
