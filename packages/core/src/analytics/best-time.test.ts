import { describe, expect, it } from 'vitest';
import { postSnapshot } from './__tests__/fixtures.js';
import { bestTimeHeatmap, suggestSlots } from './index.js';

// Bucharest is UTC+2 until 2026-03-29, UTC+3 after.
const post = (id: string, publishedAt: string, likes: number, reach: number) => ({
  publishedAt,
  snapshot: postSnapshot(id, { likes, reach }),
});

const posts = [
  // Tuesday 09:xx local (07:xx Z in March before the change): rates 0.05, 0.07, 0.06
  post('t1', '2026-03-03T07:05:00.000Z', 5, 100),
  post('t2', '2026-03-10T07:30:00.000Z', 7, 100),
  post('t3', '2026-03-17T07:59:00.000Z', 6, 100),
  // Thursday 18:xx local: 0.04 ×3 — and one after the DST change: 15:10Z = 18:10 local (UTC+3)
  post('h1', '2026-03-05T16:00:00.000Z', 4, 100),
  post('h2', '2026-03-12T16:00:00.000Z', 4, 100),
  post('h3', '2026-04-02T15:10:00.000Z', 4, 100),
  // Saturday 12:00 local, only two posts (below the minimum): a very high rate
  post('s1', '2026-03-07T10:00:00.000Z', 50, 100),
  post('s2', '2026-03-14T10:00:00.000Z', 50, 100),
  // No reach: no score, left out
  { publishedAt: '2026-03-03T07:10:00.000Z', snapshot: postSnapshot('x', { likes: 5 }) },
];

describe('bestTimeHeatmap', () => {
  const heatmap = bestTimeHeatmap(posts, { timeZone: 'Europe/Bucharest', score: 'reach', minSamples: 3 });

  it('places posts by local weekday and hour and averages their rates', () => {
    expect(heatmap.cells).toHaveLength(168);
    const tuesday9 = heatmap.cells.find((cell) => cell.weekday === 2 && cell.hour === 9)!;
    expect(tuesday9.samples).toBe(3);
    expect(tuesday9.score).toBeCloseTo(0.06, 12); // (0.05 + 0.07 + 0.06) / 3
    expect(tuesday9.confident).toBe(true);
    const thursday18 = heatmap.cells.find((cell) => cell.weekday === 4 && cell.hour === 18)!;
    expect(thursday18.samples).toBe(3); // includes the post after the DST change
    const saturday12 = heatmap.cells.find((cell) => cell.weekday === 6 && cell.hour === 12)!;
    expect(saturday12).toMatchObject({ samples: 2, confident: false });
    expect(saturday12.score).toBeCloseTo(0.5, 12);
  });

  it('suggests only confident cells, best first, as { weekday, time }', () => {
    expect(suggestSlots(heatmap, 5).map(({ weekday, time }) => ({ weekday, time }))).toEqual([
      { weekday: 2, time: '09:00' },
      { weekday: 4, time: '18:00' },
    ]);
    expect(suggestSlots(heatmap, 1)).toHaveLength(1);
  });

  it('accepts a custom score and validates options', () => {
    const byLikes = bestTimeHeatmap(posts, { timeZone: 'UTC', score: (snapshot) => snapshot.metrics.likes?.value ?? null, minSamples: 1 });
    expect(byLikes.scoredBy).toBe('custom');
    expect(suggestSlots(byLikes, 1)[0]).toMatchObject({ weekday: 6, time: '10:00', score: 50 });
    expect(() => bestTimeHeatmap(posts, { timeZone: 'UTC', minSamples: 0 })).toThrow(/minSamples/);
  });
});
