import { describe, expect, it } from 'vitest';
import type { Mention } from '../model/index.js';
import { detectSignals, mentionVolume, sentimentShare } from './index.js';

const points = (values: Array<number | null>) => values.map((value, index) => ({ label: `d${index + 1}`, value }));

describe('detectSignals', () => {
  it('flags a spike against the median/MAD baseline with its severity', () => {
    // Baseline 10, 12, 11, 9, 10, 11, 10 → median 10, |dev| 0,2,1,1,0,1,0 → MAD 1 → scale 1.4826.
    const events = detectSignals(points([10, 12, 11, 9, 10, 11, 10, 30]), { metric: 'mentions', window: 7, minBaseline: 7 });
    expect(events).toHaveLength(1);
    const [spike] = events;
    expect(spike).toMatchObject({ type: 'spike', label: 'd8', value: 30, baseline: 10, change: 20, relativeChange: 2, severity: 'high' });
    expect(spike!.scale).toBeCloseTo(1.4826, 12);
    expect(spike!.score).toBeCloseTo(20 / 1.4826, 9); // ≈ 13.49 ≥ 8
  });

  it('grades severities and reports drops', () => {
    const base = [10, 12, 11, 9, 10, 11, 10];
    // score = (x − 10) / 1.4826: 16 → 4.05 low, 18 → 5.40 medium, 4 → −4.05 low drop
    expect(detectSignals(points([...base, 16]), { metric: 'm', window: 7 })[0]).toMatchObject({ severity: 'low', type: 'spike' });
    expect(detectSignals(points([...base, 18]), { metric: 'm', window: 7 })[0]).toMatchObject({ severity: 'medium' });
    expect(detectSignals(points([...base, 4]), { metric: 'm', window: 7 })[0]).toMatchObject({ severity: 'low', type: 'drop' });
    expect(detectSignals(points([...base, 4]), { metric: 'm', window: 7, directions: ['spike'] })).toEqual([]);
    expect(detectSignals(points([...base, 13]), { metric: 'm', window: 7 })).toEqual([]); // 2.02 < 3.5
  });

  it('floors the scale on a flat baseline and skips null gaps', () => {
    // Flat 5s: MAD 0 → scale = minScale 1. 8 → score 3 (< 3.5, quiet); 9 → 4 (low).
    expect(detectSignals(points([5, 5, 5, 5, 5, 5, 5, 8]), { metric: 'm', window: 7 })).toEqual([]);
    expect(detectSignals(points([5, 5, null, 5, 5, 5, 5, 5, 9]), { metric: 'm', window: 7 })[0]).toMatchObject({
      label: 'd9',
      score: 4,
      severity: 'low',
    });
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
