import { z } from 'zod';
import {
  AccountSchema,
  InstantSchema,
  parseWithSchema,
  type AccountInput,
  type CanonicalMetric,
  type MetricSnapshot,
} from '../model/index.js';
import { checkSnapshots } from './check-snapshots.js';
import { DEFAULT_ENGAGEMENT_INTERACTIONS, engagementsOf } from './engagement.js';
import { metricValue, safeRatio, subjectKey } from './metric-values.js';
import { latestBefore, postHistories } from './period-totals.js';
import { followersAround } from './rates.js';

/** One account in the benchmark: yours or a competitor's. */
export interface CompetitorRow {
  platform: string;
  accountId: string;
  handle: string;
  /** `true` for an account you do not own. */
  competitor: boolean;
  /** Followers at the end of the period (latest observation at or before it). */
  followers: number | null;
  /** (end − start) ÷ start, as in `audienceGrowthRate`. */
  growth: number | null;
  /** Posts published in the period: from `posts` when any are listed for the account, else the growth of the account's `posts` gauge. */
  posts: number | null;
  /** Where `posts` came from. */
  postsFrom: 'posts' | 'posts-gauge' | null;
  /** posts ÷ (local days ÷ 7). */
  postsPerWeek: number | null;
  /** Σ engagements ÷ posts that report any, over posts published in the period (their latest snapshot before its end). */
  engagementPerPost: number | null;
  /** Posts in `engagementPerPost`. */
  engagementPosts: number;
}

/** Input of {@link competitorBenchmark}. */
export interface CompetitorBenchmarkInput {
  own: readonly AccountInput[];
  competitors: readonly AccountInput[];
  /** Account snapshots (followers, and the `posts` gauge) and post snapshots of every account. */
  snapshots: readonly MetricSnapshot[];
  /** Published posts of any account (competitors' public posts too, when you list them). */
  posts?: ReadonlyArray<{ platform: string; accountId: string; postId: string; publishedAt: string }>;
  /** The period, `end` exclusive (ISO instants; `buildReport` passes whole local days). */
  range: { start: string; end: string };
  interactions?: readonly CanonicalMetric[];
}

const InputSchema = z.object({
  own: z.array(AccountSchema),
  competitors: z.array(AccountSchema),
  snapshots: z.array(z.unknown()),
  posts: z
    .array(z.object({ platform: z.string().min(1), accountId: z.string().min(1), postId: z.string().min(1), publishedAt: InstantSchema }))
    .optional(),
  range: z
    .object({ start: InstantSchema, end: InstantSchema })
    .refine((range) => range.start < range.end, { path: ['end'], error: 'must be after range.start' }),
});

/**
 * Your accounts and competitors' side by side over a period, from snapshots of public
 * metrics: **followers** at the end, **growth** = (end − start) ÷ start, **posts** published
 * (listed posts, else the growth of the account's `posts` gauge — X `tweet_count`, Bluesky
 * `postsCount`, Mastodon `statuses_count`), **posts per week** = posts ÷ (days ÷ 7), and
 * **engagement per post** = Σ engagements ÷ posts that report any. Reading competitors'
 * metrics from the networks is the adapters' job; this only computes.
 *
 * @example
 * ```ts
 * competitorBenchmark({ own: [acme], competitors: [globex], snapshots, posts, range });
 * // [{ handle: 'acme', competitor: false, followers: 2100, growth: 0.05, postsPerWeek: 4.5, … }, { handle: 'globex', competitor: true, … }]
 * ```
 */
export function competitorBenchmark(input: CompetitorBenchmarkInput): CompetitorRow[] {
  const parsed = parseWithSchema(InputSchema, input, 'competitorBenchmark input');
  checkSnapshots(input.snapshots, 'competitorBenchmark');
  const interactions = input.interactions ?? DEFAULT_ENGAGEMENT_INTERACTIONS;
  const startMs = Date.parse(parsed.range.start);
  const endMs = Date.parse(parsed.range.end);
  const weeks = (endMs - startMs) / (7 * 86_400_000);
  const histories = postHistories(input.snapshots);
  const rows = [
    ...parsed.own.map((account) => ({ account, competitor: false })),
    ...parsed.competitors.map((account) => ({ account, competitor: true })),
  ];
  return rows.map(({ account, competitor }): CompetitorRow => {
    const same = (subject: { platform: string; accountId: string }) =>
      subject.platform === account.platform && subject.accountId === account.id;
    const accountSnapshots = input.snapshots.filter((snapshot) => snapshot.subject.type === 'account' && same(snapshot.subject));
    const start = followersAround(accountSnapshots, parsed.range.start, parsed.range.end, 'start');
    const end = followersAround(accountSnapshots, parsed.range.start, parsed.range.end, 'end');
    const listed = (parsed.posts ?? []).filter(
      (post) => same(post) && post.publishedAt >= parsed.range.start && post.publishedAt < parsed.range.end,
    );
    let posts: number | null = null;
    let postsFrom: CompetitorRow['postsFrom'] = null;
    if (listed.length > 0) {
      posts = listed.length;
      postsFrom = 'posts';
    } else {
      const gauge = gaugeAround(accountSnapshots, startMs, endMs);
      if (gauge !== null) {
        posts = Math.max(0, gauge.end - gauge.start);
        postsFrom = 'posts-gauge';
      }
    }
    let total = 0;
    let counted = 0;
    for (const post of listed) {
      const history = histories.get(subjectKey({ type: 'post', platform: post.platform, accountId: post.accountId, postId: post.postId }));
      const snapshot = history && latestBefore(history, endMs);
      const value = snapshot ? engagementsOf(snapshot, { interactions }) : null;
      if (value === null) continue;
      total += value;
      counted += 1;
    }
    return {
      platform: account.platform,
      accountId: account.id,
      handle: account.handle,
      competitor,
      followers: end?.value ?? null,
      growth: start !== null && end !== null && start.at !== end.at ? safeRatio(end.value - start.value, start.value) : null,
      posts,
      postsFrom,
      postsPerWeek: safeRatio(posts, weeks),
      engagementPerPost: safeRatio(total, counted),
      engagementPosts: counted,
    };
  });
}

// The `posts` gauge at the start (latest at or before it, else first inside) and the end of the period.
function gaugeAround(snapshots: readonly MetricSnapshot[], startMs: number, endMs: number): { start: number; end: number } | null {
  let before: [number, number] | null = null;
  let firstInside: [number, number] | null = null;
  let last: [number, number] | null = null;
  for (const snapshot of snapshots) {
    const value = metricValue(snapshot, 'posts');
    if (value === undefined) continue;
    const at = Date.parse(snapshot.observedAt);
    if (at <= startMs && (before === null || at > before[0])) before = [at, value];
    if (at > startMs && at <= endMs && (firstInside === null || at < firstInside[0])) firstInside = [at, value];
    if (at <= endMs && (last === null || at > last[0])) last = [at, value];
  }
  const first = before ?? firstInside;
  return first === null || last === null || first[0] === last[0] ? null : { start: first[1], end: last[1] };
}
