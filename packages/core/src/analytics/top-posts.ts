import { z } from 'zod';
import { CANONICAL_METRICS, parseWithSchema, type CanonicalMetric, type MetricSnapshot } from '../model/index.js';
import { latestBySubject, metricValue, subjectKey } from './metric-values.js';

/** Options of {@link topPosts}. */
export interface TopPostsOptions {
  /** A canonical metric, or any score of a snapshot (return `null` to leave a post out). */
  by: CanonicalMetric | ((snapshot: MetricSnapshot) => number | null);
  /** How many posts to return (default 10). */
  limit?: number;
  /** `'desc'` (default, best first) or `'asc'`. */
  order?: 'asc' | 'desc';
}

/** A post and its score. */
export interface RankedPost {
  snapshot: MetricSnapshot;
  score: number;
}

const TopPostsOptionsSchema = z.object({
  by: z.union([z.enum(CANONICAL_METRICS), z.custom<(snapshot: MetricSnapshot) => number | null>((value) => typeof value === 'function')], {
    error: `must be a canonical metric (${CANONICAL_METRICS.join(', ')}) or a function of a snapshot`,
  }),
  limit: z.number().int({ error: 'must be a whole number' }).positive({ error: 'must be 1 or more' }).optional(),
  order: z.enum(['asc', 'desc'], { error: "must be 'asc' or 'desc'" }).optional(),
});

/**
 * Top posts by any metric or score: the latest snapshot of each post, posts without a score
 * left out (absent is not 0), sorted by score, ties broken by subject key so the result does
 * not depend on input order.
 *
 * @example
 * ```ts
 * topPosts(snapshots, { by: 'likes', limit: 5 });
 * topPosts(snapshots, { by: (s) => engagementRate(s, { by: 'reach' }) });
 * ```
 */
export function topPosts(snapshots: readonly MetricSnapshot[], options: TopPostsOptions): RankedPost[] {
  const { by, limit = 10, order = 'desc' } = parseWithSchema(TopPostsOptionsSchema, options, 'topPosts options');
  const score = typeof by === 'function' ? by : (snapshot: MetricSnapshot) => metricValue(snapshot, by) ?? null;
  const ranked: Array<RankedPost & { key: string }> = [];
  for (const snapshot of latestBySubject(snapshots)) {
    if (snapshot.subject.type !== 'post') continue;
    const value = score(snapshot);
    if (value === null || !Number.isFinite(value)) continue;
    ranked.push({ snapshot, score: value, key: subjectKey(snapshot.subject) });
  }
  const sign = order === 'desc' ? -1 : 1;
  ranked.sort((a, b) => (a.score !== b.score ? sign * (a.score - b.score) : a.key < b.key ? -1 : 1));
  return ranked.slice(0, limit).map(({ snapshot, score: value }) => ({ snapshot, score: value }));
}
