import { z } from 'zod';
import { parseWithSchema, type MetricSnapshot } from '../model/index.js';
import { engagementsOf, type EngagementOptions } from './engagement.js';
import { checkSnapshots } from './check-snapshots.js';
import { asPosts, metricValue, pooledRatio, safeRatio } from './metric-values.js';

/**
 * The two published normalisations of Kaushik's per-post rates:
 * - `'per-post'` — Avinash Kaushik (2011, "Best Social Media Metrics"): the count per post
 *   (e.g. shares per post). Not a fraction: 2.5 means 2.5 shares per post.
 * - `'per-follower'` — Hootsuite's variant: the per-post count ÷ followers, a fraction.
 */
export type PerPostVariant = 'per-post' | 'per-follower';

/** Options of the per-post rates (amplification, applause, conversation). */
export interface PerPostRateOptions {
  variant: PerPostVariant;
  /** Followers of the account (required by `'per-follower'`). */
  followers?: number | null;
}

const PerPostOptionsSchema = z.object({
  variant: z.enum(['per-post', 'per-follower'], { error: "must be 'per-post' (Kaushik) or 'per-follower' (Hootsuite)" }),
  followers: z.number().nonnegative({ error: 'must be 0 or more' }).nullable().optional(),
});
const ClickOptionsSchema = z
  .object({ clicks: z.enum(['linkClicks', 'clicks'], { error: "must be 'linkClicks' or 'clicks'" }).optional() })
  .optional();

function perPostRate(
  input: MetricSnapshot | readonly MetricSnapshot[],
  metric: 'shares' | 'likes' | 'comments',
  options: PerPostRateOptions,
  where: string,
): number | null {
  parseWithSchema(PerPostOptionsSchema, options, `${where} options`);
  let total = 0;
  let posts = 0;
  for (const post of asPosts(input, where)) {
    const value = metricValue(post, metric);
    if (value === undefined) continue;
    total += value;
    posts += 1;
  }
  const perPost = safeRatio(total, posts);
  return options.variant === 'per-post' ? perPost : safeRatio(perPost, options.followers);
}

/**
 * Amplification rate: how far followers pass content on.
 * - `'per-post'` (Kaushik): **Σ shares ÷ number of posts** reporting shares.
 * - `'per-follower'` (Hootsuite): **(Σ shares ÷ posts) ÷ followers**.
 *
 * Source: each post's latest `shares` (reposts, retweets, boosts); quotes are not shares.
 *
 * @example
 * ```ts
 * amplificationRate([a, b], { variant: 'per-post' }); // (4 + 6) / 2 → 5
 * amplificationRate([a, b], { variant: 'per-follower', followers: 1000 }); // 0.005
 * ```
 */
export function amplificationRate(input: MetricSnapshot | readonly MetricSnapshot[], options: PerPostRateOptions): number | null {
  return perPostRate(input, 'shares', options, 'amplificationRate');
}

/**
 * Applause rate: approval per post.
 * - `'per-post'` (Kaushik): **Σ likes ÷ posts**.
 * - `'per-follower'` (Hootsuite): **(Σ likes ÷ posts) ÷ followers**.
 *
 * @example
 * ```ts
 * applauseRate(post, { variant: 'per-follower', followers: 2000 }); // 50 likes → 0.025
 * ```
 */
export function applauseRate(input: MetricSnapshot | readonly MetricSnapshot[], options: PerPostRateOptions): number | null {
  return perPostRate(input, 'likes', options, 'applauseRate');
}

/**
 * Conversation rate: replies per post.
 * - `'per-post'` (Kaushik): **Σ comments ÷ posts**.
 * - `'per-follower'` (Hootsuite): **(Σ comments ÷ posts) ÷ followers**.
 *
 * @example
 * ```ts
 * conversationRate(post, { variant: 'per-post' }); // 8 comments → 8
 * ```
 */
export function conversationRate(input: MetricSnapshot | readonly MetricSnapshot[], options: PerPostRateOptions): number | null {
  return perPostRate(input, 'comments', options, 'conversationRate');
}

/**
 * Virality rate: **Σ shares ÷ Σ impressions** over posts that report both (Hootsuite).
 *
 * @example
 * ```ts
 * viralityRate(post); // 30 shares / 6000 impressions → 0.005
 * ```
 */
export function viralityRate(input: MetricSnapshot | readonly MetricSnapshot[]): number | null {
  return pooledRatio(
    asPosts(input, 'viralityRate'),
    (post) => metricValue(post, 'shares'),
    (post) => metricValue(post, 'impressions'),
  );
}

/** Which counter is "a click" for CTR, conversion rate and CPC. */
export interface ClickOptions {
  /** `'linkClicks'` (default: clicks on the post's link) or `'clicks'` (any click on the post). */
  clicks?: 'linkClicks' | 'clicks';
}

/**
 * Click-through rate: **Σ clicks ÷ Σ impressions** over posts that report both. Clicks are
 * `linkClicks` by default (`options.clicks` picks `clicks`).
 *
 * @example
 * ```ts
 * clickThroughRate(post); // 12 link clicks / 4000 impressions → 0.003
 * ```
 */
export function clickThroughRate(input: MetricSnapshot | readonly MetricSnapshot[], options: ClickOptions = {}): number | null {
  const clicks = parseWithSchema(ClickOptionsSchema, options, 'click options')?.clicks ?? 'linkClicks';
  return pooledRatio(
    asPosts(input, 'clickThroughRate'),
    (post) => metricValue(post, clicks),
    (post) => metricValue(post, 'impressions'),
  );
}

/**
 * Conversion rate: **Σ conversions ÷ Σ clicks** over posts that report both (conversions as
 * your tracking reports them into the snapshot).
 *
 * @example
 * ```ts
 * conversionRate(post); // 3 conversions / 60 link clicks → 0.05
 * ```
 */
export function conversionRate(input: MetricSnapshot | readonly MetricSnapshot[], options: ClickOptions = {}): number | null {
  const clicks = parseWithSchema(ClickOptionsSchema, options, 'click options')?.clicks ?? 'linkClicks';
  return pooledRatio(
    asPosts(input, 'conversionRate'),
    (post) => metricValue(post, 'conversions'),
    (post) => metricValue(post, clicks),
  );
}

/**
 * Cost per click: **Σ spend ÷ Σ clicks**, in the currency unit of `spend`.
 *
 * @example
 * ```ts
 * costPerClick(ad); // spend 50 / 200 link clicks → 0.25
 * ```
 */
export function costPerClick(input: MetricSnapshot | readonly MetricSnapshot[], options: ClickOptions = {}): number | null {
  const clicks = parseWithSchema(ClickOptionsSchema, options, 'click options')?.clicks ?? 'linkClicks';
  return pooledRatio(
    asPosts(input, 'costPerClick'),
    (post) => metricValue(post, 'spend'),
    (post) => metricValue(post, clicks),
  );
}

/**
 * Cost per mille: **Σ spend ÷ Σ impressions × 1000** (cost of a thousand impressions).
 *
 * @example
 * ```ts
 * costPerMille(ad); // spend 50 / 20 000 impressions × 1000 → 2.5
 * ```
 */
export function costPerMille(input: MetricSnapshot | readonly MetricSnapshot[]): number | null {
  const ratio = pooledRatio(
    asPosts(input, 'costPerMille'),
    (post) => metricValue(post, 'spend'),
    (post) => metricValue(post, 'impressions'),
  );
  return ratio === null ? null : ratio * 1000;
}

/**
 * Cost per engagement: **Σ spend ÷ Σ engagements** (engagements as in {@link engagements}).
 *
 * @example
 * ```ts
 * costPerEngagement(ad); // spend 50 / 125 engagements → 0.4
 * ```
 */
export function costPerEngagement(input: MetricSnapshot | readonly MetricSnapshot[], options: EngagementOptions = {}): number | null {
  return pooledRatio(
    asPosts(input, 'costPerEngagement'),
    (post) => metricValue(post, 'spend'),
    (post) => engagementsOf(post, options),
  );
}

/** A span of time between two ISO-8601 instants (`start` included). */
export interface InstantRange {
  start: string;
  end: string;
}

/**
 * Audience growth rate: **(followers at end − followers at start) ÷ followers at start**,
 * from an account's snapshots. Start is the latest observation at or before `range.start`
 * (else the first inside the range); end is the latest observation at or before `range.end`.
 * Can be negative. `null` without two observations or when the start is 0.
 *
 * @example
 * ```ts
 * audienceGrowthRate(accountSnapshots, { start: '2026-03-01T00:00:00Z', end: '2026-04-01T00:00:00Z' });
 * // 2000 → 2100 followers → 0.05
 * ```
 */
export function audienceGrowthRate(accountSnapshots: readonly MetricSnapshot[], range: InstantRange): number | null {
  const start = followersAround(accountSnapshots, range.start, range.end, 'start');
  const end = followersAround(accountSnapshots, range.start, range.end, 'end');
  if (start === null || end === null || start.at === end.at) return null;
  return safeRatio(end.value - start.value, start.value);
}

/**
 * Followers at the start or end of a range, per {@link audienceGrowthRate}'s rule, with the
 * instant observed; `null` when there is no usable observation.
 *
 * @example
 * ```ts
 * followersAround(accountSnapshots, range.start, range.end, 'end'); // { at: 1774994400000, value: 2100 }
 * ```
 */
export function followersAround(
  accountSnapshots: readonly MetricSnapshot[],
  rangeStart: string,
  rangeEnd: string,
  side: 'start' | 'end',
): { at: number; value: number } | null {
  checkSnapshots(accountSnapshots, 'followersAround');
  const startMs = Date.parse(rangeStart);
  const endMs = Date.parse(rangeEnd);
  let before: { at: number; value: number } | null = null;
  let firstInside: { at: number; value: number } | null = null;
  let lastUpToEnd: { at: number; value: number } | null = null;
  for (const snapshot of accountSnapshots) {
    const value = metricValue(snapshot, 'followers');
    if (value === undefined) continue;
    const at = Date.parse(snapshot.observedAt);
    const point = { at, value };
    if (at <= startMs && (before === null || later(point, before))) before = point;
    if (at > startMs && at <= endMs && (firstInside === null || later(firstInside, point))) firstInside = point;
    if (at <= endMs && (lastUpToEnd === null || later(point, lastUpToEnd))) lastUpToEnd = point;
  }
  return side === 'start' ? (before ?? firstInside) : lastUpToEnd;
}

// Later in time; on a tie the larger value wins so the choice does not depend on input order.
function later(a: { at: number; value: number }, b: { at: number; value: number }): boolean {
  return a.at !== b.at ? a.at > b.at : a.value > b.value;
}
