import { z } from 'zod';
import {
  AccountSchema,
  CANONICAL_METRICS,
  InstantSchema,
  TimeZoneSchema,
  parseWithSchema,
  type AccountInput,
  type CanonicalMetric,
  type Mention,
  type MetricSnapshot,
} from '../model/index.js';
import { bestTimeHeatmap, suggestSlots, type BestTimeHeatmap, type SuggestedSlot } from './best-time.js';
import { DEFAULT_ENGAGEMENT_INTERACTIONS, engagementRate, engagements } from './engagement.js';
import { latestBySubject, metricValue, safeRatio, subjectKey } from './metric-values.js';
import { periodChange } from './period-change.js';
import { followersAround } from './rates.js';
import { responseRate, responseTimes, type ReplyEvent, type ResponseTimeReport } from './response-time.js';
import { toSeries, type MetricSeries } from './series.js';
import { detectSignals, mentionVolume, type SignalEvent } from './signals.js';

/** A published post the report should know about (for best time and the top-posts table). */
export interface ReportPost {
  platform: string;
  accountId: string;
  postId: string;
  publishedAt: string;
  text?: string;
  url?: string;
}

/** Input of {@link buildReport}. */
export interface ReportInput {
  accounts: readonly AccountInput[];
  /** Post and account snapshots (cumulative counters, any number per subject). */
  snapshots: readonly MetricSnapshot[];
  posts?: readonly ReportPost[];
  mentions?: readonly Mention[];
  replies?: readonly ReplyEvent[];
  /** The reported period, `end` exclusive. */
  range: { start: string; end: string };
  /** A period to compare with (usually the one before). */
  compareTo?: { start: string; end: string };
  /** IANA zone of the report's days and of the best-time heatmap. */
  timeZone: string;
  title?: string;
  /** Denominator of the engagement rate (default `'impressions'`). */
  engagementRateBy?: 'reach' | 'impressions' | 'views' | 'followers';
  interactions?: readonly CanonicalMetric[];
  /** Rows in the top-posts table (default 10). */
  topPostsLimit?: number;
  /** Best-time cells need this many posts (default 3). */
  minSamples?: number;
}

/** One headline number, now and in the comparison period. */
export interface ReportSummaryMetric {
  key:
    | 'followers'
    | 'audienceGrowthRate'
    | 'posts'
    | 'engagements'
    | 'impressions'
    | 'engagementRate'
    | 'mentions'
    | 'responseRate'
    | 'medianResponseMs';
  label: string;
  /** `count`, `fraction` (0.034 = 3.4 %) or `ms`. */
  unit: 'count' | 'fraction' | 'ms';
  current: number | null;
  previous: number | null;
  absolute: number | null;
  relative: number | null;
}

/** One day of a report chart. */
export interface ReportDay {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  value: number | null;
}

/** A row of the top-posts table. */
export interface ReportTopPost {
  platform: string;
  accountId: string;
  postId: string;
  text: string | null;
  url: string | null;
  publishedAt: string | null;
  engagements: number | null;
  impressions: number | null;
  reach: number | null;
  engagementRate: number | null;
}

/** The JSON report: plain data, documented in docs/analytics.md. */
export interface AnalyticsReport {
  version: 1;
  title: string;
  timeZone: string;
  range: { start: string; end: string };
  compareTo: { start: string; end: string } | null;
  engagementRateBy: 'reach' | 'impressions' | 'views' | 'followers';
  accounts: Array<{ platform: string; id: string; handle: string; displayName: string | null }>;
  summary: ReportSummaryMetric[];
  /** Followers at the end of each local day (summed over accounts); `null` = not observed. */
  followers: ReportDay[];
  /** Engagements ÷ denominator per local day; `null` when undefined. */
  engagementRate: ReportDay[];
  bestTime: BestTimeHeatmap;
  suggestedSlots: SuggestedSlot[];
  topPosts: ReportTopPost[];
  responses: ResponseTimeReport | null;
  signals: SignalEvent[];
}

const RangeSchema = z
  .object({ start: InstantSchema, end: InstantSchema })
  .refine((range) => range.start < range.end, { path: ['end'], error: 'must be after start' });
const InputSchema = z.object({
  accounts: z.array(AccountSchema),
  snapshots: z.array(z.object({ subject: z.object({ type: z.enum(['post', 'account']) }), observedAt: InstantSchema })),
  posts: z
    .array(
      z.object({
        platform: z.string().min(1),
        accountId: z.string().min(1),
        postId: z.string().min(1),
        publishedAt: InstantSchema,
        text: z.string().optional(),
        url: z.string().optional(),
      }),
    )
    .optional(),
  mentions: z.array(z.object({ createdAt: InstantSchema })).optional(),
  replies: z.array(z.object({ createdAt: InstantSchema })).optional(),
  range: RangeSchema,
  compareTo: RangeSchema.optional(),
  timeZone: TimeZoneSchema,
  title: z.string().optional(),
  engagementRateBy: z
    .enum(['reach', 'impressions', 'views', 'followers'], { error: "must be 'reach', 'impressions', 'views' or 'followers'" })
    .optional(),
  interactions: z.array(z.enum(CANONICAL_METRICS)).optional(),
  topPostsLimit: z.number().int().positive().optional(),
  minSamples: z.number().int().positive().optional(),
});

interface PeriodFigures {
  followers: number | null;
  growth: number | null;
  posts: number;
  engagements: number | null;
  impressions: number | null;
  rate: number | null;
  mentions: number | null;
  responseRate: number | null;
  medianResponseMs: number | null;
  engagementByDay: Array<number | null>;
  denominatorByDay: Array<number | null>;
  followersByDay: Array<number | null>;
  labels: string[];
}

function sumSeries(series: MetricSeries[]): Array<number | null> {
  const length = series[0]?.buckets.length ?? 0;
  return Array.from({ length }, (_, index) => {
    let total: number | null = null;
    for (const one of series) {
      const value = one.buckets[index]?.value ?? null;
      if (value !== null) total = (total ?? 0) + value;
    }
    return total;
  });
}

function total(values: Array<number | null>): number | null {
  let sum: number | null = null;
  for (const value of values) if (value !== null) sum = (sum ?? 0) + value;
  return sum;
}

/**
 * Builds the analytics report of some accounts over a period (and a comparison period) as
 * plain JSON: headline numbers with their change, daily followers and engagement rate in
 * `timeZone`, the best-time heatmap with suggested slots, the top posts, response times and
 * mention signals. The shape is documented in docs/analytics.md; render it with
 * {@link renderMarkdown} or {@link renderHtml}.
 *
 * @example
 * ```ts
 * const report = buildReport({
 *   accounts, snapshots, posts, mentions, replies, timeZone: 'Europe/Bucharest',
 *   range: { start: '2026-03-01T00:00:00Z', end: '2026-04-01T00:00:00Z' },
 *   compareTo: { start: '2026-02-01T00:00:00Z', end: '2026-03-01T00:00:00Z' },
 * });
 * await writeFile('report.html', renderHtml(report));
 * ```
 */
export function buildReport(input: ReportInput): AnalyticsReport {
  parseWithSchema(InputSchema, input, 'buildReport input');
  const accounts = input.accounts.map((account) => AccountSchema.parse(account));
  const by = input.engagementRateBy ?? 'impressions';
  const interactions = input.interactions ?? DEFAULT_ENGAGEMENT_INTERACTIONS;
  const accountIds = new Set(accounts.map((account) => `${account.platform}:${account.id}`));
  const ofAccounts = input.snapshots.filter((snapshot) => accountIds.has(`${snapshot.subject.platform}:${snapshot.subject.accountId}`));
  const postSnapshots = ofAccounts.filter((snapshot) => snapshot.subject.type === 'post');
  const accountSnapshots = ofAccounts.filter((snapshot) => snapshot.subject.type === 'account');
  const posts = (input.posts ?? []).filter((post) => accountIds.has(`${post.platform}:${post.accountId}`));
  const mentions = (input.mentions ?? []).filter((mention) => accountIds.has(`${mention.platform}:${mention.accountId}`));

  const figures = (range: { start: string; end: string }): PeriodFigures => {
    const seriesOf = (metric: CanonicalMetric, snapshots: readonly MetricSnapshot[]) =>
      toSeries(snapshots, { metric, interval: 'day', timeZone: input.timeZone, range, postsStartAtZero: true });
    const engagementByDay = sumSeries(interactions.map((metric) => seriesOf(metric, postSnapshots)));
    // The rate pools only posts that report its denominator (absent is not zero): a network
    // without impressions must not add engagements over someone else's impressions.
    const denominatorMetrics: readonly CanonicalMetric[] =
      by === 'reach' ? ['reach'] : by === 'impressions' ? ['impressions'] : ['views', 'videoViews'];
    const ratedSubjects = new Set(
      postSnapshots
        .filter((snapshot) => denominatorMetrics.some((name) => metricValue(snapshot, name) !== undefined))
        .map((snapshot) => subjectKey(snapshot.subject)),
    );
    const ratedEngagementByDay =
      by === 'followers'
        ? engagementByDay
        : sumSeries(
            interactions.map((metric) =>
              seriesOf(
                metric,
                postSnapshots.filter((snapshot) => ratedSubjects.has(subjectKey(snapshot.subject))),
              ),
            ),
          );
    const impressionsByDay = seriesOf('impressions', postSnapshots).buckets.map((bucket) => bucket.value);
    const followerSeries = accounts.map((account) =>
      seriesOf(
        'followers',
        accountSnapshots.filter((snapshot) => snapshot.subject.accountId === account.id && snapshot.subject.platform === account.platform),
      ),
    );
    const followersByDay = sumSeries(followerSeries);
    const denominatorByDay =
      by === 'followers'
        ? followersByDay
        : by === 'impressions'
          ? impressionsByDay
          : sumSeries([
              seriesOf(by === 'reach' ? 'reach' : 'views', postSnapshots),
              ...(by === 'views' ? [seriesOf('videoViews', postSnapshots)] : []),
            ]);
    let startFollowers: number | null = null;
    let endFollowers: number | null = null;
    for (const account of accounts) {
      const own = accountSnapshots.filter(
        (snapshot) => snapshot.subject.accountId === account.id && snapshot.subject.platform === account.platform,
      );
      const start = followersAround(own, range.start, range.end, 'start');
      const end = followersAround(own, range.start, range.end, 'end');
      if (start !== null) startFollowers = (startFollowers ?? 0) + start.value;
      if (end !== null) endFollowers = (endFollowers ?? 0) + end.value;
    }
    const inRange = (at: string) => at >= range.start && at < range.end;
    const engagementTotal = total(engagementByDay);
    // The period rate pools the days that have both sides, like the per-post rates.
    let pooledTop = 0;
    let pooledBottom = 0;
    let pooledDays = 0;
    ratedEngagementByDay.forEach((value, index) => {
      const bottom = denominatorByDay[index] ?? null;
      if (value === null || bottom === null) return;
      pooledTop += value;
      pooledBottom += bottom;
      pooledDays += 1;
    });
    const periodMentions = mentions.filter((mention) => inRange(mention.createdAt));
    const replies = input.replies ?? [];
    const times = mentions.length > 0 ? responseTimes({ mentions: periodMentions, replies }) : null;
    return {
      followers: endFollowers,
      growth: startFollowers !== null && endFollowers !== null ? safeRatio(endFollowers - startFollowers, startFollowers) : null,
      posts: posts.filter((post) => inRange(post.publishedAt)).length,
      engagements: engagementTotal,
      impressions: total(impressionsByDay),
      rate: by === 'followers' ? safeRatio(engagementTotal, endFollowers) : pooledDays === 0 ? null : safeRatio(pooledTop, pooledBottom),
      mentions: input.mentions === undefined ? null : periodMentions.length,
      responseRate: mentions.length > 0 ? responseRate({ mentions: periodMentions, replies }) : null,
      medianResponseMs: times?.allHours.median ?? null,
      engagementByDay: ratedEngagementByDay,
      denominatorByDay: by === 'followers' ? followersByDay : denominatorByDay,
      followersByDay,
      labels: seriesOf('followers', []).buckets.map((bucket) => bucket.label),
    };
  };

  const current = figures(input.range);
  const previous = input.compareTo ? figures(input.compareTo) : null;
  const metric = (
    key: ReportSummaryMetric['key'],
    label: string,
    unit: ReportSummaryMetric['unit'],
    pick: (f: PeriodFigures) => number | null,
  ): ReportSummaryMetric => ({
    key,
    label,
    unit,
    ...periodChange(pick(current), previous === null ? null : pick(previous)),
  });
  const summary: ReportSummaryMetric[] = [
    metric('followers', 'Followers (end of period)', 'count', (f) => f.followers),
    metric('audienceGrowthRate', 'Audience growth rate', 'fraction', (f) => f.growth),
    metric('posts', 'Posts published', 'count', (f) => f.posts),
    metric('engagements', 'Engagements', 'count', (f) => f.engagements),
    metric('impressions', 'Impressions', 'count', (f) => f.impressions),
    metric('engagementRate', `Engagement rate (by ${by})`, 'fraction', (f) => f.rate),
  ];
  if (input.mentions !== undefined) {
    summary.push(metric('mentions', 'Mentions received', 'count', (f) => f.mentions));
    if (input.replies !== undefined) {
      summary.push(metric('responseRate', 'Response rate', 'fraction', (f) => f.responseRate));
      summary.push(metric('medianResponseMs', 'Median response time', 'ms', (f) => f.medianResponseMs));
    }
  }

  // Best time uses the accounts' whole history up to the end of the period.
  const latest = new Map<string, MetricSnapshot>();
  for (const snapshot of latestBySubject(postSnapshots.filter((snapshot) => snapshot.observedAt < input.range.end))) {
    if (snapshot.subject.type === 'post')
      latest.set(`${snapshot.subject.platform}:${snapshot.subject.accountId}:${snapshot.subject.postId}`, snapshot);
  }
  const history = posts
    .filter((post) => post.publishedAt < input.range.end)
    .flatMap((post) => {
      const snapshot = latest.get(`${post.platform}:${post.accountId}:${post.postId}`);
      return snapshot === undefined ? [] : [{ publishedAt: post.publishedAt, snapshot }];
    });
  const bestTime = bestTimeHeatmap(history, {
    timeZone: input.timeZone,
    score: by === 'followers' ? 'impressions' : by,
    minSamples: input.minSamples ?? 3,
    interactions,
  });

  const topPosts = posts
    .filter((post) => post.publishedAt >= input.range.start && post.publishedAt < input.range.end)
    .map((post): ReportTopPost => {
      const snapshot = latest.get(`${post.platform}:${post.accountId}:${post.postId}`);
      return {
        platform: post.platform,
        accountId: post.accountId,
        postId: post.postId,
        text: post.text ?? null,
        url: post.url ?? null,
        publishedAt: post.publishedAt,
        engagements: snapshot ? engagements(snapshot, { interactions }) : null,
        impressions: snapshot ? (metricValue(snapshot, 'impressions') ?? null) : null,
        reach: snapshot ? (metricValue(snapshot, 'reach') ?? null) : null,
        engagementRate: snapshot
          ? engagementRate(snapshot, by === 'followers' ? { by, followers: current.followers, interactions } : { by, interactions })
          : null,
      };
    })
    .filter((post) => post.engagements !== null)
    .sort((a, b) => b.engagements! - a.engagements! || (a.postId < b.postId ? -1 : 1))
    .slice(0, input.topPostsLimit ?? 10);

  const signals =
    mentions.length === 0
      ? []
      : detectSignals(mentionVolume(mentions, { timeZone: input.timeZone, interval: 'day', range: input.range }), {
          metric: 'mentions',
          window: 14,
          minBaseline: 7,
        });

  return {
    version: 1,
    title: input.title ?? 'Social media report',
    timeZone: input.timeZone,
    range: { ...input.range },
    compareTo: input.compareTo ? { ...input.compareTo } : null,
    engagementRateBy: by,
    accounts: accounts.map((account) => ({
      platform: account.platform,
      id: account.id,
      handle: account.handle,
      displayName: account.displayName ?? null,
    })),
    summary,
    followers: current.labels.map((date, index) => ({ date, value: current.followersByDay[index] ?? null })),
    engagementRate: current.labels.map((date, index) => ({
      date,
      value: safeRatio(current.engagementByDay[index], current.denominatorByDay[index]),
    })),
    bestTime,
    suggestedSlots: suggestSlots(bestTime, 3),
    topPosts,
    responses:
      mentions.length > 0 && input.replies !== undefined
        ? responseTimes({
            mentions: mentions.filter((m) => m.createdAt >= input.range.start && m.createdAt < input.range.end),
            replies: input.replies,
          })
        : null,
    signals,
  };
}
