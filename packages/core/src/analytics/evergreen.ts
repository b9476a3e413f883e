import { z } from 'zod';
import { CANONICAL_METRICS, InstantSchema, parseWithSchema, type CanonicalMetric, type MetricSnapshot } from '../model/index.js';
import { checkSnapshots } from './check-snapshots.js';
import { engagementsOf } from './engagement.js';
import { latestOf, metricValue, safeRatio, subjectKey } from './metric-values.js';
import { followersAround } from './rates.js';

/** A published post that could run again. */
export interface EvergreenPost {
  platform: string;
  accountId: string;
  postId: string;
  publishedAt: string;
  /** What is being recycled: re-runs of one piece of content share it (default: the post's own key). */
  contentId?: string;
}

/** Input of {@link chooseEvergreen}. */
export interface EvergreenInput {
  /** Every published post, re-runs included (they date the content's last run). */
  posts: readonly EvergreenPost[];
  /** Post snapshots (the latest per post is used) and, for `by: 'followers'`, account snapshots. */
  snapshots: readonly MetricSnapshot[];
  /** The moment of choosing (ISO instant). */
  now: string;
  /** Only posts published in the last `windowMs` before `now` are ranked (e.g. 180 days). */
  windowMs: number;
  /** Content that ran (first run or re-run) within `cooldownMs` before `now` is left out (e.g. 30 days). */
  cooldownMs: number;
  /** The rate to rank by: engagements ÷ reach, impressions, views (`views`, else `videoViews`) or the account's followers; or your own score. */
  by: 'reach' | 'impressions' | 'views' | 'followers' | ((snapshot: MetricSnapshot) => number | null);
  /** How many to choose (default 5). */
  limit?: number;
  /** Leave out posts whose denominator is below this (default 0), so 3 likes on 10 impressions does not top the list. */
  minDenominator?: number;
  interactions?: readonly CanonicalMetric[];
}

/** A post chosen to run again. */
export interface EvergreenChoice {
  platform: string;
  accountId: string;
  postId: string;
  contentId: string;
  publishedAt: string;
  /** The rate it was ranked by. */
  score: number;
  /** The content's most recent run (this post or a re-run), ISO. */
  lastRunAt: string;
}

const InputSchema = z.object({
  posts: z.array(
    z.object({
      platform: z.string().min(1),
      accountId: z.string().min(1),
      postId: z.string().min(1),
      publishedAt: InstantSchema,
      contentId: z.string().min(1).optional(),
    }),
  ),
  snapshots: z.array(z.unknown()),
  now: InstantSchema,
  windowMs: z.number().int().positive({ error: 'must be a positive number of milliseconds' }),
  cooldownMs: z.number().int().nonnegative({ error: 'must be 0 or more milliseconds' }),
  by: z.union(
    [
      z.enum(['reach', 'impressions', 'views', 'followers']),
      z.custom<(snapshot: MetricSnapshot) => number | null>((value) => typeof value === 'function'),
    ],
    { error: "must be 'reach', 'impressions', 'views', 'followers' or a function of a snapshot" },
  ),
  limit: z.number().int().positive({ error: 'must be 1 or more' }).optional(),
  minDenominator: z.number().nonnegative({ error: 'must be 0 or more' }).optional(),
  interactions: z.array(z.enum(CANONICAL_METRICS)).optional(),
});

/**
 * Chooses what to re-queue by performance: the posts published in the last `windowMs` whose
 * content has not run in the last `cooldownMs`, ranked by **engagements ÷ denominator** of
 * their latest snapshot (reach, impressions, views, or the account's followers when the post
 * was measured) or by your own score, best first, `limit` of them, one per content. Posts
 * without the metric are left out (absent is not 0); ties go to the older post, then the
 * post key, so the choice does not depend on input order.
 *
 * @example
 * ```ts
 * chooseEvergreen({ posts, snapshots, now: new Date().toISOString(), windowMs: 180 * DAY, cooldownMs: 30 * DAY, by: 'impressions', limit: 3 });
 * // [{ postId: '1789…', score: 0.081, lastRunAt: '2026-01-12T09:00:00.000Z', … }, …]
 * ```
 */
export function chooseEvergreen(input: EvergreenInput): EvergreenChoice[] {
  const parsed = parseWithSchema(InputSchema, input, 'chooseEvergreen input');
  checkSnapshots(input.snapshots, 'chooseEvergreen');
  const nowMs = Date.parse(parsed.now);
  const interactions = parsed.interactions;
  const latest = new Map<string, MetricSnapshot>();
  for (const snapshot of latestOf(
    input.snapshots.filter((snapshot) => snapshot.subject.type === 'post' && Date.parse(snapshot.observedAt) <= nowMs),
    'chooseEvergreen',
  )) {
    latest.set(subjectKey(snapshot.subject), snapshot);
  }
  const keyOf = (post: EvergreenPost) =>
    subjectKey({ type: 'post', platform: post.platform, accountId: post.accountId, postId: post.postId });
  const contentOf = (post: EvergreenPost) => post.contentId ?? keyOf(post);
  // The last run of each piece of content, re-runs included.
  const lastRun = new Map<string, number>();
  for (const post of parsed.posts) {
    const at = Date.parse(post.publishedAt);
    if (at > nowMs) continue;
    const content = contentOf(post);
    lastRun.set(content, Math.max(lastRun.get(content) ?? -Infinity, at));
  }
  const score = (post: EvergreenPost, snapshot: MetricSnapshot): number | null => {
    if (typeof parsed.by === 'function') return parsed.by(snapshot);
    const engagement = engagementsOf(snapshot, interactions ? { interactions } : {});
    let denominator: number | undefined;
    if (parsed.by === 'followers') {
      const own = input.snapshots.filter(
        (one) => one.subject.type === 'account' && one.subject.platform === post.platform && one.subject.accountId === post.accountId,
      );
      denominator = followersAround(own, snapshot.observedAt, snapshot.observedAt, 'start')?.value;
    } else if (parsed.by === 'views') denominator = metricValue(snapshot, 'views') ?? metricValue(snapshot, 'videoViews');
    else denominator = metricValue(snapshot, parsed.by);
    if (denominator === undefined || denominator < (parsed.minDenominator ?? 0)) return null;
    return safeRatio(engagement, denominator);
  };
  const best = new Map<string, EvergreenChoice & { key: string }>();
  for (const post of parsed.posts) {
    const at = Date.parse(post.publishedAt);
    if (at > nowMs || at < nowMs - parsed.windowMs) continue;
    const content = contentOf(post);
    const last = lastRun.get(content)!;
    if (last > nowMs - parsed.cooldownMs) continue;
    const snapshot = latest.get(keyOf(post));
    const value = snapshot === undefined ? null : score(post, snapshot);
    if (value === null || !Number.isFinite(value)) continue;
    const choice = { ...post, contentId: content, score: value, lastRunAt: new Date(last).toISOString(), key: keyOf(post) };
    const current = best.get(content);
    if (current === undefined || better(choice, current)) best.set(content, choice);
  }
  return [...best.values()]
    .sort((a, b) => (better(a, b) ? -1 : 1))
    .slice(0, parsed.limit ?? 5)
    .map(({ platform, accountId, postId, contentId, publishedAt, score: value, lastRunAt }) => ({
      platform,
      accountId,
      postId,
      contentId,
      publishedAt,
      score: value,
      lastRunAt,
    }));
}

function better(a: { score: number; publishedAt: string; key: string }, b: { score: number; publishedAt: string; key: string }): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt;
  return a.key < b.key;
}
