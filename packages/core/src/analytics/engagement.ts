import { z } from 'zod';
import { CANONICAL_METRICS, parseWithSchema, type CanonicalMetric, type MetricSnapshot } from '../model/index.js';
import { checkSnapshots } from './check-snapshots.js';
import { asPosts, metricValue, pooledRatio, safeRatio } from './metric-values.js';

const InteractionsSchema = z
  .array(z.enum(CANONICAL_METRICS, { error: `must be a canonical metric: ${CANONICAL_METRICS.join(', ')}` }))
  .optional();
const EngagementOptionsSchema = z.object({ interactions: InteractionsSchema }).optional();
const EngagementRateOptionsSchema = z.object({
  by: z.enum(['reach', 'impressions', 'views', 'followers'], {
    error: "must be 'reach', 'impressions', 'views' or 'followers' (the rate's denominator)",
  }),
  followers: z.number().nonnegative({ error: 'must be 0 or more' }).nullable().optional(),
  interactions: InteractionsSchema,
});

/**
 * The interactions counted as engagements unless you choose others: likes, comments, shares,
 * quotes, saves and clicks. Views, impressions and profile visits are not engagements.
 *
 * @example
 * ```ts
 * engagements(post, { interactions: [...DEFAULT_ENGAGEMENT_INTERACTIONS, 'profileVisits'] });
 * ```
 */
export const DEFAULT_ENGAGEMENT_INTERACTIONS = [
  'likes',
  'comments',
  'shares',
  'quotes',
  'saves',
  'clicks',
] as const satisfies readonly CanonicalMetric[];

/** Which interactions count as engagements. */
export interface EngagementOptions {
  /** Defaults to {@link DEFAULT_ENGAGEMENT_INTERACTIONS}. */
  interactions?: readonly CanonicalMetric[];
}

/**
 * Engagements of one snapshot: **Σ of the chosen interactions that the network reported**.
 * Interactions the network does not report are skipped (absent is not 0); when none of them
 * is reported the result is `null`.
 *
 * Formula: `likes + comments + shares + quotes + saves + clicks` (default set).
 * Source: the snapshot's own counters.
 *
 * @example
 * ```ts
 * engagements(post); // likes 10 + comments 2 + shares 3 → 15
 * engagements(post, { interactions: ['likes'] }); // 10
 * ```
 */
export function engagements(snapshot: MetricSnapshot, options: EngagementOptions = {}): number | null {
  checkSnapshots([snapshot], 'engagements');
  parseWithSchema(EngagementOptionsSchema, options, 'engagements options');
  return engagementsOf(snapshot, options);
}

/** {@link engagements} without the door checks (callers have validated). */
export function engagementsOf(snapshot: MetricSnapshot, options: EngagementOptions = {}): number | null {
  const interactions = options.interactions ?? DEFAULT_ENGAGEMENT_INTERACTIONS;
  let total = 0;
  let reported = false;
  for (const name of interactions) {
    const value = metricValue(snapshot, name);
    if (value === undefined) continue;
    total += value;
    reported = true;
  }
  return reported ? total : null;
}

/**
 * Total engagements over many post snapshots: the latest snapshot of each post, summed.
 * `null` when no post reports any chosen interaction.
 *
 * @example
 * ```ts
 * totalEngagements([postA, postB]); // engagements(A) + engagements(B)
 * ```
 */
export function totalEngagements(snapshots: readonly MetricSnapshot[], options: EngagementOptions = {}): number | null {
  parseWithSchema(EngagementOptionsSchema, options, 'totalEngagements options');
  let total = 0;
  let reported = false;
  for (const post of asPosts(snapshots, 'totalEngagements')) {
    const value = engagementsOf(post, options);
    if (value === null) continue;
    total += value;
    reported = true;
  }
  return reported ? total : null;
}

/** The denominator of an engagement rate. */
export type EngagementRateBy = 'reach' | 'impressions' | 'views' | 'followers';

/** Options of {@link engagementRate}. */
export type EngagementRateOptions = EngagementOptions &
  (
    | { by: 'reach' | 'impressions' | 'views' }
    | {
        by: 'followers';
        /** Followers of the account when the post(s) were measured (an account snapshot's `followers`). */
        followers: number | null | undefined;
      }
  );

/**
 * Views of a snapshot: `views`, or `videoViews` when the network reports only that.
 *
 * @example
 * ```ts
 * viewsOf(reel); // 1200 (from videoViews when views is absent)
 * ```
 */
export function viewsOf(snapshot: MetricSnapshot): number | undefined {
  return metricValue(snapshot, 'views') ?? metricValue(snapshot, 'videoViews');
}

/**
 * Engagement rate of one post, or pooled over several (the latest snapshot of each), as a
 * fraction (0.034 = 3.4 %).
 *
 * - `by: 'reach'` — **Σ engagements ÷ Σ reach** over posts that report reach and at least one
 *   interaction (ERR; denominator: the post's unique reach).
 * - `by: 'impressions'` — **Σ engagements ÷ Σ impressions** (denominator: impressions, views
 *   counted with repeats).
 * - `by: 'views'` — **Σ engagements ÷ Σ views** (`views`, else `videoViews`).
 * - `by: 'followers'` — **Σ engagements ÷ followers** (post ER by followers; for one day of
 *   engagements this is the daily ER, as docs/analytics.md defines it). Followers come from
 *   the account's snapshot, passed in `options.followers`.
 *
 * Returns `null` when no post has both sides or the denominator is 0.
 *
 * @example
 * ```ts
 * engagementRate(post, { by: 'reach' }); // 15 engagements / 500 reach → 0.03
 * engagementRate([a, b], { by: 'followers', followers: 2000 });
 * ```
 */
export function engagementRate(input: MetricSnapshot | readonly MetricSnapshot[], options: EngagementRateOptions): number | null {
  parseWithSchema(EngagementRateOptionsSchema, options, 'engagementRate options');
  const posts = asPosts(input, 'engagementRate');
  const pick = (post: MetricSnapshot): number | null => engagementsOf(post, options);
  switch (options.by) {
    case 'reach':
      return pooledRatio(posts, pick, (post) => metricValue(post, 'reach'));
    case 'impressions':
      return pooledRatio(posts, pick, (post) => metricValue(post, 'impressions'));
    case 'views':
      return pooledRatio(posts, pick, viewsOf);
    case 'followers': {
      let total = 0;
      let reported = false;
      for (const post of posts) {
        const value = pick(post);
        if (value === null) continue;
        total += value;
        reported = true;
      }
      return reported ? safeRatio(total, options.followers) : null;
    }
  }
}
