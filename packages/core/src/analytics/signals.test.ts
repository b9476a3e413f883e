import { describe, expect, it } from 'vitest';
import type { Mention } from '../model/index.js';
import { detectSignals, mentionVolume, sentimentShare } from './index.js';

// Seeded noise: mulberry32 and Box–Muller, so the false-alarm rate is reproducible.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
function gaussian(next: () => number): number {
  let u = 0;
  while (u === 0) u = next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

const points = (values: Array<number | null>) => values.map((value, index) => ({ label: `d${index + 1}`, value }));

describe('detectSignals', () => {
  it('flags a spike against the median/MAD baseline with its severity', () => {
    // Baseline 10, 12, 11, 9, 10, 11, 10 → median 10, |dev| 0,2,1,1,0,1,0 → MAD 1 → 1.4826;
    // sample std of the (all kept) baseline: mean 73/7, Σ squares 5.714…, ÷ 6 → √0.952 = 0.976;
    // scale = max(0.976, 1.4826, 1) = 1.4826.
    const events = detectSignals(points([10, 12, 11, 9, 10, 11, 10, 30]), { metric: 'mentions', window: 7, minBaseline: 7 });
    expect(events).toHaveLength(1);
    const [spike] = events;
    expect(spike).toMatchObject({ type: 'spike', label: 'd8', value: 30, baseline: 10, change: 20, relativeChange: 2, severity: 'high' });
    expect(spike!.scale).toBeCloseTo(1.4826, 12);
    expect(spike!.score).toBeCloseTo(20 / 1.4826, 9); // ≈ 13.49 ≥ 9
  });

  it('grades severities and reports drops', () => {
    const base = [10, 12, 11, 9, 10, 11, 10];
    // score = (x − 10) / 1.4826: 16 → 4.05 low, 18 → 5.40 low, 19 → 6.07 medium, 4 → −4.05 low drop
    expect(detectSignals(points([...base, 16]), { metric: 'm', window: 7 })[0]).toMatchObject({ severity: 'low', type: 'spike' });
    expect(detectSignals(points([...base, 18]), { metric: 'm', window: 7 })[0]).toMatchObject({ severity: 'low' });
    expect(detectSignals(points([...base, 19]), { metric: 'm', window: 7 })[0]).toMatchObject({ severity: 'medium' });
    expect(detectSignals(points([...base, 4]), { metric: 'm', window: 7 })[0]).toMatchObject({ severity: 'low', type: 'drop' });
    expect(detectSignals(points([...base, 4]), { metric: 'm', window: 7, directions: ['spike'] })).toEqual([]);
    expect(detectSignals(points([...base, 13]), { metric: 'm', window: 7 })).toEqual([]); // 2.02 < 4
  });

  it('floors the scale on a flat baseline and skips null gaps', () => {
    // Flat 5s: MAD 0 and std 0 → scale = minScale 1. 8 → score 3 (< 4, quiet); 9 → 4 (low).
    expect(detectSignals(points([5, 5, 5, 5, 5, 5, 5, 8]), { metric: 'm', window: 7 })).toEqual([]);
    expect(detectSignals(points([5, 5, null, 5, 5, 5, 5, 5, 9]), { metric: 'm', window: 7 })[0]).toMatchObject({
      label: 'd9',
      score: 4,
      severity: 'low',
    });
  });

  it('uses the spread of the baseline without its outliers when the MAD is too coarse', () => {
    // Baseline 8, 12, 10, 10, 6, 14, 10: median 10, |dev| 2,2,0,0,4,4,0 → MAD 2 → 2.9652;
    // cut 3.5 × 2.9652 keeps all; mean 10, Σ squares 4+4+0+0+16+16+0 = 40, ÷ 6 → √6.667 = 2.582.
    // scale = max(2.582, 2.9652, 1) = 2.9652; an 8th point of 23 scores 13 ÷ 2.9652 = 4.38.
    const [event] = detectSignals(points([8, 12, 10, 10, 6, 14, 10, 23]), { metric: 'm', window: 7 });
    expect(event!.scale).toBeCloseTo(2.9652, 9);
    // Baseline 10 ×5, 11, 9, 13, 7 (n = 9): median 10, MAD 0 → 0; std: mean 10, Σ squares 1+1+9+9 = 20, ÷ 8 → √2.5 = 1.581.
    const [other] = detectSignals(points([10, 10, 10, 10, 10, 11, 9, 13, 7, 17]), { metric: 'm', window: 9, minBaseline: 9 });
    expect(other!.scale).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(other!.score).toBeCloseTo(7 / Math.sqrt(2.5), 12); // 4.43 → low
  });

  it('raises at most 1 false alarm per series-year on flat Gaussian noise, never high, and still catches a real spike and drop', () => {
    const noise = (seed: number, mean: number, sd: number, days = 365) => {
      const next = mulberry32(seed);
      return Array.from({ length: days }, () => Math.max(0, Math.round(mean + sd * gaussian(next))));
    };
    for (const [mean, sd] of [
      [10, 2],
      [5, 1.5],
      [50, 5],
      [1000, 30],
    ] as const) {
      let alarms = 0;
      let high = 0;
      const years = 40;
      for (let year = 0; year < years; year += 1) {
        const events = detectSignals(points(noise(1000 * mean + year, mean, sd)), { metric: 'noise' });
        alarms += events.length;
        high += events.filter((event) => event.severity === 'high').length;
      }
      expect(alarms / years, `N(${mean}, ${sd}) false alarms per series-year`).toBeLessThanOrEqual(1);
      expect(high, `N(${mean}, ${sd}) high alarms`).toBe(0);
    }
    // A real spike (+8 σ) and a real drop (−6 σ) in the same kind of noise are caught.
    const series = noise(7, 50, 5);
    series[200] = 90;
    series[300] = 20;
    const events = detectSignals(points(series), { metric: 'noise' });
    expect(events.find((event) => event.label === 'd201')).toMatchObject({ type: 'spike' });
    expect(events.find((event) => event.label === 'd301')).toMatchObject({ type: 'drop' });
  });

  it('waits for enough baseline and validates options', () => {
    expect(detectSignals(points([1, 1, 100]), { metric: 'm' })).toEqual([]);
    expect(() => detectSignals([], { metric: 'm', window: 1 })).toThrow(/window/);
  });
});

function mention(id: string, createdAt: string, text = 'hello'): Mention {
  return { id, platform: 'x', accountId: 'acme', kind: 'mention', author: { id: 'u', handle: 'user' }, text, createdAt };
}

describe('mention series', () => {
  const mentions = [
    mention('1', '2026-03-28T21:30:00.000Z', 'bad'), // 03-28 23:30 Bucharest (UTC+2)
    mention('2', '2026-03-28T22:30:00.000Z', 'good'), // 03-29 00:30
    mention('3', '2026-03-29T20:59:00.000Z', 'bad'), // 03-29 23:59 (UTC+3)
    mention('3', '2026-03-29T20:59:00.000Z', 'bad'), // duplicate
    mention('4', '2026-03-29T21:00:00.000Z', 'meh'), // 03-30 00:00
  ];
  it('counts mentions per local day, zero days are 0', () => {
    expect(
      mentionVolume(mentions, {
        timeZone: 'Europe/Bucharest',
        interval: 'day',
        range: { start: '2026-03-27T22:00:00.000Z', end: '2026-03-31T21:00:00.000Z' },
      }),
    ).toEqual([
      { label: '2026-03-28', value: 1 },
      { label: '2026-03-29', value: 2 },
      { label: '2026-03-30', value: 1 },
      { label: '2026-03-31', value: 0 },
    ]);
  });
  it('sentiment share = classified as X ÷ classified, null without classified mentions', () => {
    const classify = (m: Mention) => (m.text === 'bad' ? 'negative' : m.text === 'good' ? 'positive' : null);
    expect(sentimentShare(mentions, { timeZone: 'Europe/Bucharest', interval: 'day', classify, sentiment: 'negative' })).toEqual([
      { label: '2026-03-28', value: 1 },
      { label: '2026-03-29', value: 0.5 },
      { label: '2026-03-30', value: null },
    ]);
  });
});
