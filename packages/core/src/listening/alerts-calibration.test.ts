import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAlertMonitor, type AlertMonitorOptions, type ListeningAlert } from './alerts.js';
import { mention } from './__tests__/mentions.js';

// False-alarm and catch rates of the default alert monitor on seeded series, counted from the
// very first hour (no warm-up left out): what someone who switches alerts on gets in a year.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR_HOURS = 365 * 24;
/** A Monday. */
const T0 = Date.parse('2026-01-05T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** Seeded Poisson counts (mulberry32 uniforms, Knuth's sampler), independent of the code under test. */
function poissonSource(seed: number): (mean: number) => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4_294_967_296;
  };
  return (mean) => {
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

/** Feeds `count(hour)` mentions per hour for `hours` hours, ticking after each; returns every alert. */
function feed(hours: number, count: (hour: number) => number, options: AlertMonitorOptions = {}): ListeningAlert[] {
  const monitor = createAlertMonitor(options);
  const alerts: ListeningAlert[] = [];
  monitor.on('alert', (alert) => alerts.push(alert));
  let id = 0;
  for (let hour = 0; hour < hours; hour += 1) {
    const createdAt = iso(T0 + hour * HOUR + 60_000);
    for (let n = count(hour); n > 0; n -= 1) monitor.add(mention({ id: `c${id++}`, createdAt }));
    monitor.tick(T0 + (hour + 1) * HOUR);
  }
  return alerts;
}

/** Local hour and weekday (0 = Sunday) in `timeZone`, read with Intl (not with the monitor's code). */
function localClock(timeZone: string): (ms: number) => { hour: number; weekday: number } {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', weekday: 'short' });
  return (ms) => {
    const parts = format.formatToParts(ms);
    return {
      hour: Number(parts.find((part) => part.type === 'hour')!.value),
      weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.find((part) => part.type === 'weekday')!.value),
    };
  };
}

const bySeverity = (alerts: ListeningAlert[]) => alerts.map((alert) => alert.severity);

describe('alert calibration on seeded data (default options, counted from the first hour)', () => {
  it.each([20260301, 7, 424242])(
    'flat Poisson noise at 20 an hour (seed %i): at most 4 alerts in a year, none high',
    (seed) => {
      const next = poissonSource(seed);
      const alerts = feed(YEAR_HOURS, () => next(20));
      console.info(`flat 20/h, seed ${seed}: ${alerts.length} alerts in a year`);
      expect(alerts.length).toBeLessThanOrEqual(4);
      expect(bySeverity(alerts)).not.toContain('high');
    },
    120_000,
  );

  it('a day/night cycle in a DST zone: 3 a.m. bursts at 16× the night and 14:00 bursts at 3× the day are caught; at most 4 other alerts a year', () => {
    const timeZone = 'Europe/Bucharest';
    const local = localClock(timeZone);
    // 2.5 an hour at night, up to 40 in the afternoon, weekends at 70 %.
    const norm = (hour: number) => {
      const { hour: h, weekday } = local(T0 + hour * HOUR);
      return (2.5 + 37.5 * Math.max(0, Math.sin(((h - 6) / 18) * Math.PI))) * (weekday === 0 || weekday === 6 ? 0.7 : 1);
    };
    // From day 21 on: every 9th day a burst at local 03:00; 4 days later one at local 14:00;
    // plus 3 a.m. on the day after each DST change (2026-03-30 and 2026-10-26).
    const night = new Set<number>();
    const day = new Set<number>();
    for (let hour = 21 * 24; hour < YEAR_HOURS; hour += 1) {
      const { hour: h } = local(T0 + hour * HOUR);
      const dayIndex = Math.floor(hour / 24);
      if (h === 3 && (dayIndex % 9 === 0 || [84, 294].includes(dayIndex))) night.add(hour);
      if (h === 14 && dayIndex % 9 === 4) day.add(hour);
    }
    expect(iso(T0 + 84 * DAY)).toBe('2026-03-30T00:00:00.000Z');
    expect(iso(T0 + 294 * DAY)).toBe('2026-10-26T00:00:00.000Z');
    const next = poissonSource(2026);
    const alerts = feed(YEAR_HOURS, (hour) => next(norm(hour) * (night.has(hour) ? 16 : day.has(hour) ? 3 : 1)), { timeZone });
    const spikeAt = (hour: number) => alerts.some((alert) => alert.type === 'spike' && alert.bucketStart === iso(T0 + hour * HOUR));
    const nightCaught = [...night].filter(spikeAt).length;
    const dayCaught = [...day].filter(spikeAt).length;
    const others = alerts.filter((alert) => ![...night, ...day].some((hour) => alert.bucketStart === iso(T0 + hour * HOUR)));
    console.info(
      `day/night cycle in ${timeZone}: ${nightCaught}/${night.size} night bursts and ${dayCaught}/${day.size} day bursts caught, ` +
        `${others.length} other alerts in a year (${bySeverity(others).join(', ')})`,
    );
    expect(nightCaught / night.size).toBeGreaterThanOrEqual(0.95);
    expect(spikeAt([...night].find((hour) => Math.floor(hour / 24) === 84)!)).toBe(true);
    expect(spikeAt([...night].find((hour) => Math.floor(hour / 24) === 294)!)).toBe(true);
    expect(dayCaught / day.size).toBeGreaterThanOrEqual(0.9);
    expect(others.length).toBeLessThanOrEqual(4);
    expect(bySeverity(others)).not.toContain('high');
  }, 120_000);

  it('a step day/night cycle (2 an hour at night, 45 from 7:00): the first morning is no spike', () => {
    const next = poissonSource(99);
    const alerts = feed(21 * 24, (hour) => next(hour % 24 < 7 ? 2 : 45));
    expect(alerts).toEqual([]);
  }, 60_000);

  it('a slow drift (20 → 40 an hour over half a year) raises nothing; a doubling is news for days, not forever', () => {
    const drifting = poissonSource(11);
    const half = 182 * 24;
    expect(feed(half, (hour) => drifting(20 + (20 * hour) / half))).toEqual([]);

    const stepped = poissonSource(12);
    const step = 60 * 24;
    const alerts = feed(step + 60 * 24, (hour) => stepped(hour < step ? 20 : 40));
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((alert) => alert.type === 'spike' && Date.parse(alert.bucketStart) >= T0 + step * HOUR)).toBe(true);
    // Once the new level fills the trimmed baseline (about a week of 14 days), it is the norm.
    expect(alerts.filter((alert) => Date.parse(alert.bucketStart) >= T0 + step * HOUR + 14 * DAY)).toEqual([]);
  }, 60_000);

  it('flat noise at any level stays quiet for 6 weeks (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.3, max: 150, noNaN: true }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (mean, seed) => {
        const next = poissonSource(seed);
        const alerts = feed(42 * 24, () => next(mean));
        expect(alerts.length).toBeLessThanOrEqual(1);
        expect(bySeverity(alerts)).not.toContain('high');
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
