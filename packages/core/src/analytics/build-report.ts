import { z } from 'zod';
import {
  AccountSchema,
  CANONICAL_METRICS,
  InstantSchema,
  MentionSchema,
  TimeZoneSchema,
  parseWithSchema,
  type Account,
  type AccountInput,
  type CanonicalMetric,
  type Mention,
  type MetricSnapshot,
} from '../model/index.js';
import { bestTimeHeatmap, suggestSlots, type BestTimeHeatmap, type SuggestedSlot } from './best-time.js';
import { bucketIndex, calendarBuckets, type WeekStart } from './calendar-buckets.js';
import { checkSnapshots } from './check-snapshots.js';
import { competitorBenchmark, type CompetitorRow } from './competitor-benchmark.js';
import { DEFAULT_ENGAGEMENT_INTERACTIONS, engagementsOf } from './engagement.js';
import { metricValue, safeRatio, subjectKey } from './metric-values.js';
import { periodChange, type PeriodChange } from './period-change.js';
import { latestBefore, networkName, poolPosts, postHistories, type PostHistory, type RateCoverage } from './period-totals.js';
import { followersAround } from './rates.js';
import { localRange, previousRange, type LocalRange, type RangeInput } from './report-range.js';
import { responseRate, responseTimes, type ReplyEvent, type ResponseTimeReport } from './response-time.js';
import { toSeries, type MetricSeries } from './series.js';
import { detectSignals, mentionVolume, type SignalEvent } from './signals.js';

/** A published post the report should know about (best time, top posts, tags and campaigns). */
export interface ReportPost {
  platform: string;
  accountId: string;
  postId: string;
  publishedAt: string;
  text?: string;
  url?: string;
  /** Tags of the post (the draft's `tags`), for the by-tag table. */
  tags?: readonly string[];
  /** Campaign of the post (the draft's `campaign`), for the by-campaign table. */
  campaign?: string;
  /** A thumbnail of the post's media: a `data:image/…` URL (always shown) or an https URL (shown by `renderHtml` only with `remoteImages`). */
  thumbnailUrl?: string;
}

/** A sentiment label for a mention; `null` = not classified. */
export type MentionSentiment = 'positive' | 'neutral' | 'negative';

/** Input of {@link buildReport}. */
export interface ReportInput {
  accounts: readonly AccountInput[];
  /** Accounts you do not own, benchmarked side by side with yours (their snapshots and posts go in `snapshots` and `posts`). */
  competitors?: readonly AccountInput[];
  /** Post and account snapshots (cumulative counters, any number per subject). */
  snapshots: readonly MetricSnapshot[];
  posts?: readonly ReportPost[];
  mentions?: readonly Mention[];
  replies?: readonly ReplyEvent[];
  /**
   * The reported period, `end` exclusive, **taken in `timeZone`**: local dates `YYYY-MM-DD`, or
   * instants rounded to the nearest local midnight (so adjacent reports never share a day).
   */
  range: RangeInput;
  /** A period to compare with, or `'previous'` for the period just before (the previous months for whole months). */
  compareTo?: RangeInput | 'previous';
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
  /** First day of the weekly table: 1 = Monday (default), 7 = Sunday. */
  weekStartsOn?: WeekStart;
  /** Your sentiment classifier (a model, a lexicon, a vendor); enables sentiment over time. */
  classifySentiment?: (mention: Mention) => MentionSentiment | null;
}

/** One headline number, now and in the comparison period. */
export interface ReportSummaryMetric extends PeriodChange {
  key:
    | 'followers'
    | 'audienceGrowthRate'
    | 'posts'
    | 'engagements'
    | 'impressions'
    | 'reach'
    | 'linkClicks'
    | 'engagementRate'
    | 'mentions'
    | 'responseRate'
    | 'medianResponseMs';
  label: string;
  /** `count`, `fraction` (0.034 = 3.4 %) or `ms`. */
  unit: 'count' | 'fraction' | 'ms';
  /** For pooled rates: which networks and posts the current value covers. */
  coverage?: RateCoverage;
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
  thumbnailUrl: string | null;
  tags: string[];
  campaign: string | null;
  engagements: number | null;
  impressions: number | null;
  reach: number | null;
  linkClicks: number | null;
  /** By `engagementRateBy`; by followers it divides by the post's own account's followers when measured. */
  engagementRate: number | null;
}

/** Figures of one slice of the report (a network, an account, a tag, a campaign), with the comparison. */
export interface ReportBreakdownRow {
  /** Network id, `platform:accountId`, tag or campaign. */
  key: string;
  label: string;
  followers: PeriodChange;
  posts: PeriodChange;
  engagements: PeriodChange;
  impressions: PeriodChange;
  reach: PeriodChange;
  linkClicks: PeriodChange;
  engagementRate: PeriodChange;
  coverage: RateCoverage;
}

/** One week of the weekly table. */
export interface ReportWeek {
  /** First local day of the week, `YYYY-MM-DD` (Monday or Sunday, see `weekStartsOn`). */
  week: string;
  posts: number;
  engagements: number | null;
  impressions: number | null;
  mentions: number | null;
}

/** Mentions of one local day, split by sentiment when a classifier was given. */
export interface ReportMentionDay {
  date: string;
  mentions: number;
  positive: number | null;
  neutral: number | null;
  negative: number | null;
}

/** The JSON report: plain data, documented in docs/analytics.md. */
export interface AnalyticsReport {
  version: 2;
  title: string;
  timeZone: string;
  /** The period as taken in `timeZone`: local midnights and the local days they cover. */
  range: LocalRange;
  compareTo: LocalRange | null;
  weekStartsOn: WeekStart;
  engagementRateBy: 'reach' | 'impressions' | 'views' | 'followers';
  accounts: Array<{ platform: string; id: string; handle: string; displayName: string | null }>;
  summary: ReportSummaryMetric[];
  byNetwork: ReportBreakdownRow[];
  byAccount: ReportBreakdownRow[];
  byTag: ReportBreakdownRow[];
  byCampaign: ReportBreakdownRow[];
  weeks: ReportWeek[];
  /** Followers at the end of each local day, summed over accounts, each carried forward from its last observation; `null` before any. */
  followers: ReportDay[];
  /** Engagements ÷ denominator per local day; `null` when undefined. */
  engagementRate: ReportDay[];
  /** `null` when no mentions were given. */
  mentions: ReportMentionDay[] | null;
  bestTime: BestTimeHeatmap;
  suggestedSlots: SuggestedSlot[];
  topPosts: ReportTopPost[];
  responses: ResponseTimeReport | null;
  signals: SignalEvent[];
  /** Own accounts and competitors side by side; `null` without `competitors`. */
  competitors: CompetitorRow[] | null;
}

const BoundSchema = z.union([z.iso.date(), InstantSchema], { error: "must be an ISO-8601 UTC instant or a local date 'YYYY-MM-DD'" });
const RangeSchema = z.strictObject({ start: BoundSchema, end: BoundSchema });
const PostSchema = z.object({
  platform: z.string().min(1),
  accountId: z.string().min(1),
  postId: z.string().min(1),
  publishedAt: InstantSchema,
  text: z.string().optional(),
  url: z.string().optional(),
  tags: z.array(z.string()).optional(),
  campaign: z.string().optional(),
  thumbnailUrl: z.string().optional(),
});
const InputSchema = z.strictObject({
  accounts: z.array(AccountSchema),
  competitors: z.array(AccountSchema).optional(),
  snapshots: z.array(z.unknown()),
  posts: z.array(PostSchema).optional(),
  mentions: z.array(MentionSchema).optional(),
  replies: z.array(z.object({ inReplyToId: z.string().min(1), createdAt: InstantSchema })).optional(),
  range: RangeSchema,
  compareTo: z.union([RangeSchema, z.literal('previous')], { error: "must be a range or 'previous'" }).optional(),
  timeZone: TimeZoneSchema,
  title: z.string().optional(),
  engagementRateBy: z
    .enum(['reach', 'impressions', 'views', 'followers'], { error: "must be 'reach', 'impressions', 'views' or 'followers'" })
    .optional(),
  interactions: z.array(z.enum(CANONICAL_METRICS)).optional(),
  topPostsLimit: z.number().int().positive().optional(),
  minSamples: z.number().int().positive().optional(),
  weekStartsOn: z.union([z.literal(1), z.literal(7)], { error: 'must be 1 (Monday) or 7 (Sunday)' }).optional(),
  classifySentiment: z.custom<(mention: Mention) => MentionSentiment | null>((value) => typeof value === 'function').optional(),
});

interface Slice {
  key: string;
  label: string;
  accounts: Account[];
  /** Posts of the slice (by published post), when the slice is a tag or campaign. */
  postKeys?: Set<string>;
}

interface SliceFigures {
  followers: number | null;
  growth: number | null;
  posts: number;
  engagements: number | null;
  impressions: number | null;
  reach: number | null;
  linkClicks: number | null;
  rate: number | null;
  coverage: RateCoverage;
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

const accountKey = (platform: string, id: string) => `${platform}:${id}`;
const postKey = (platform: string, accountId: string, postId: string) => subjectKey({ type: 'post', platform, accountId, postId });

/**
 * Builds the analytics report of some accounts over a period (and a comparison period) as
 * plain JSON: headline numbers with their change and, for pooled rates, the networks and
 * posts they cover; breakdowns by network, account, tag and campaign; a weekly table; daily
 * followers, engagement rate, mentions and sentiment in `timeZone`; the best-time heatmap with
 * suggested slots; the top posts; response times; mention signals; and competitors side by
 * side. The shape is documented in docs/analytics.md; render it with {@link renderMarkdown} or
 * {@link renderHtml}.
 *
 * @example
 * ```ts
 * const report = buildReport({
 *   accounts, snapshots, posts, mentions, replies, timeZone: 'Europe/Bucharest',
 *   range: { start: '2026-03-01', end: '2026-04-01' }, // local dates in the zone
 *   compareTo: 'previous', // February
 * });
 * await writeFile('report.html', renderHtml(report));
 * ```
 */
export function buildReport(input: ReportInput): AnalyticsReport {
  const parsed = parseWithSchema(InputSchema, input, 'buildReport input');
  checkSnapshots(input.snapshots, 'buildReport');
  const zone = parsed.timeZone;
  const accounts = parsed.accounts;
  const by = parsed.engagementRateBy ?? 'impressions';
  const interactions = parsed.interactions ?? DEFAULT_ENGAGEMENT_INTERACTIONS;
  const weekStartsOn: WeekStart = parsed.weekStartsOn ?? 1;
  const range = localRange(parsed.range, zone);
  const compare =
    parsed.compareTo === undefined
      ? null
      : parsed.compareTo === 'previous'
        ? previousRange(range, zone)
        : localRange(parsed.compareTo, zone, 'compareTo');
  const startMs = Date.parse(range.start);
  const endMs = Date.parse(range.end);

  const ownIds = new Set(accounts.map((account) => accountKey(account.platform, account.id)));
  const ofOwn = input.snapshots.filter((snapshot) => ownIds.has(accountKey(snapshot.subject.platform, snapshot.subject.accountId)));
  const postSnapshots = ofOwn.filter((snapshot) => snapshot.subject.type === 'post');
  const accountSnapshotsOf = new Map<string, MetricSnapshot[]>();
  for (const snapshot of ofOwn) {
    if (snapshot.subject.type !== 'account') continue;
    const key = accountKey(snapshot.subject.platform, snapshot.subject.accountId);
    // Appended in place (a copy per snapshot was quadratic in an account's snapshots).
    const own = accountSnapshotsOf.get(key);
    if (own === undefined) accountSnapshotsOf.set(key, [snapshot]);
    else own.push(snapshot);
  }
  const histories = postHistories(postSnapshots);
  const posts = (parsed.posts ?? []).filter((post) => ownIds.has(accountKey(post.platform, post.accountId)));
  const mentions = (input.mentions ?? []).filter((mention) => ownIds.has(accountKey(mention.platform, mention.accountId)));
  const replies = input.replies ?? [];

  const followersOf = (account: Account, period: LocalRange) => {
    const own = accountSnapshotsOf.get(accountKey(account.platform, account.id)) ?? [];
    return {
      start: followersAround(own, period.start, period.end, 'start'),
      end: followersAround(own, period.start, period.end, 'end'),
    };
  };

  const sliceFigures = (slice: Slice, period: LocalRange): SliceFigures => {
    const from = Date.parse(period.start);
    const to = Date.parse(period.end);
    const ids = new Set(slice.accounts.map((account) => accountKey(account.platform, account.id)));
    const own = [...histories.values()].filter(
      (history) => ids.has(accountKey(history.platform, history.accountId)) && (slice.postKeys?.has(history.key) ?? true),
    );
    let startFollowers: number | null = null;
    let endFollowers: number | null = null;
    for (const account of slice.accounts) {
      const { start, end } = followersOf(account, period);
      if (start !== null) startFollowers = (startFollowers ?? 0) + start.value;
      if (end !== null) endFollowers = (endFollowers ?? 0) + end.value;
    }
    const pooled = poolPosts(own, from, to, by, interactions);
    const published = posts.filter(
      (post) =>
        ids.has(accountKey(post.platform, post.accountId)) &&
        (slice.postKeys?.has(postKey(post.platform, post.accountId, post.postId)) ?? true) &&
        post.publishedAt >= period.start &&
        post.publishedAt < period.end,
    ).length;
    return {
      followers: slice.postKeys ? null : endFollowers,
      growth:
        slice.postKeys || startFollowers === null || endFollowers === null
          ? null
          : safeRatio(endFollowers - startFollowers, startFollowers),
      posts: published,
      engagements: pooled.engagements,
      impressions: pooled.impressions,
      reach: pooled.reach,
      linkClicks: pooled.linkClicks,
      rate: by === 'followers' ? safeRatio(pooled.engagements, endFollowers) : pooled.rate,
      coverage: pooled.coverage,
    };
  };

  const whole: Slice = { key: 'all', label: 'All accounts', accounts };
  const current = sliceFigures(whole, range);
  const previous = compare ? sliceFigures(whole, compare) : null;

  const inPeriod = (period: LocalRange) => (at: string) => at >= period.start && at < period.end;
  const mentionFigures = (period: LocalRange) => {
    const received = mentions.filter((mention) => inPeriod(period)(mention.createdAt));
    return {
      count: received.length,
      rate: received.length > 0 ? responseRate({ mentions: received, replies }) : null,
      median: received.length > 0 ? responseTimes({ mentions: received, replies }).allHours.median : null,
    };
  };
  const mentionsNow = mentionFigures(range);
  const mentionsBefore = compare ? mentionFigures(compare) : null;

  const metric = (
    key: ReportSummaryMetric['key'],
    label: string,
    unit: ReportSummaryMetric['unit'],
    now: number | null,
    before: number | null,
    extra: Partial<ReportSummaryMetric> = {},
  ): ReportSummaryMetric => ({ key, label, unit, ...periodChange(now, compare ? before : null), ...extra });
  const summary: ReportSummaryMetric[] = [
    metric('followers', 'Followers (end of period)', 'count', current.followers, previous?.followers ?? null),
    metric('audienceGrowthRate', 'Audience growth rate', 'fraction', current.growth, previous?.growth ?? null),
    metric('posts', 'Posts published', 'count', current.posts, previous?.posts ?? null),
    metric('engagements', 'Engagements', 'count', current.engagements, previous?.engagements ?? null),
    metric('impressions', 'Impressions', 'count', current.impressions, previous?.impressions ?? null),
  ];
  if (current.reach !== null) summary.push(metric('reach', 'Reach (sum over posts)', 'count', current.reach, previous?.reach ?? null));
  if (current.linkClicks !== null)
    summary.push(metric('linkClicks', 'Link clicks', 'count', current.linkClicks, previous?.linkClicks ?? null));
  summary.push(
    metric('engagementRate', `Engagement rate (by ${by} — ${current.coverage.text})`, 'fraction', current.rate, previous?.rate ?? null, {
      coverage: current.coverage,
    }),
  );
  if (input.mentions !== undefined) {
    summary.push(metric('mentions', 'Mentions received', 'count', mentionsNow.count, mentionsBefore?.count ?? null));
    if (input.replies !== undefined) {
      summary.push(metric('responseRate', 'Response rate', 'fraction', mentionsNow.rate, mentionsBefore?.rate ?? null));
      summary.push(metric('medianResponseMs', 'Median response time', 'ms', mentionsNow.median, mentionsBefore?.median ?? null));
    }
  }

  const breakdown = (slice: Slice): ReportBreakdownRow => {
    const now = sliceFigures(slice, range);
    const before = compare ? sliceFigures(slice, compare) : null;
    const change = (pick: (figures: SliceFigures) => number | null) => periodChange(pick(now), before === null ? null : pick(before));
    return {
      key: slice.key,
      label: slice.label,
      followers: change((f) => f.followers),
      posts: change((f) => f.posts),
      engagements: change((f) => f.engagements),
      impressions: change((f) => f.impressions),
      reach: change((f) => f.reach),
      linkClicks: change((f) => f.linkClicks),
      engagementRate: change((f) => f.rate),
      coverage: now.coverage,
    };
  };
  const networks = [...new Set(accounts.map((account) => account.platform))].sort();
  const byNetwork = networks.map((network) =>
    breakdown({ key: network, label: networkName(network), accounts: accounts.filter((account) => account.platform === network) }),
  );
  const byAccount = accounts.map((account) =>
    breakdown({
      key: accountKey(account.platform, account.id),
      label: `${account.displayName ?? account.handle} (${networkName(account.platform)} @${account.handle})`,
      accounts: [account],
    }),
  );
  const grouped = (pick: (post: (typeof posts)[number]) => readonly string[]) => {
    const groups = new Map<string, Set<string>>();
    for (const post of posts) {
      for (const name of pick(post)) {
        const keys = groups.get(name) ?? new Set<string>();
        keys.add(postKey(post.platform, post.accountId, post.postId));
        groups.set(name, keys);
      }
    }
    return [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, postKeys]) => breakdown({ key: name, label: name, accounts, postKeys }));
  };
  const byTag = grouped((post) => post.tags ?? []);
  const byCampaign = grouped((post) => (post.campaign === undefined ? [] : [post.campaign]));

  // Daily series of the period.
  const seriesOf = (metricName: CanonicalMetric, snapshots: readonly MetricSnapshot[], carryForward = false) =>
    toSeries(snapshots, { metric: metricName, interval: 'day', timeZone: zone, range, postsStartAtZero: true, carryForward });
  const denominatorMetric = (history: PostHistory): CanonicalMetric =>
    by === 'views' ? history.viewsMetric : by === 'reach' ? 'reach' : 'impressions';
  const rated =
    by === 'followers'
      ? postSnapshots
      : postSnapshots.filter((snapshot) => {
          const history = histories.get(subjectKey(snapshot.subject))!;
          return history.snapshots.some((one) => metricValue(one, denominatorMetric(history)) !== undefined);
        });
  const engagementByDay = sumSeries(interactions.map((name) => seriesOf(name, rated)));
  const followersByDay = sumSeries(
    accounts.map((account) => seriesOf('followers', accountSnapshotsOf.get(accountKey(account.platform, account.id)) ?? [], true)),
  );
  let denominatorByDay: Array<number | null>;
  if (by === 'followers') denominatorByDay = followersByDay;
  else if (by === 'views') {
    // Each post's views come from one metric only: `views` when it reports it, else `videoViews`.
    const viewsPosts = rated.filter((snapshot) => histories.get(subjectKey(snapshot.subject))!.viewsMetric === 'views');
    const videoPosts = rated.filter((snapshot) => histories.get(subjectKey(snapshot.subject))!.viewsMetric === 'videoViews');
    denominatorByDay = sumSeries([seriesOf('views', viewsPosts), seriesOf('videoViews', videoPosts)]);
  } else denominatorByDay = seriesOf(by, rated).buckets.map((bucket) => bucket.value);
  const labels = seriesOf('followers', []).buckets.map((bucket) => bucket.label);

  // Weekly table.
  const weekBuckets = calendarBuckets(startMs, endMs, 'week', zone, weekStartsOn);
  const weeks: ReportWeek[] = weekBuckets.map((week) => {
    const from = Math.max(week.startMs, startMs);
    const to = Math.min(week.endMs, endMs);
    const pooled = poolPosts(histories.values(), from, to, by, interactions);
    const fromIso = new Date(from).toISOString();
    const toIso = new Date(to).toISOString();
    return {
      week: week.label,
      posts: posts.filter((post) => post.publishedAt >= fromIso && post.publishedAt < toIso).length,
      engagements: pooled.engagements,
      impressions: pooled.impressions,
      mentions:
        input.mentions === undefined
          ? null
          : mentions.filter((mention) => mention.createdAt >= fromIso && mention.createdAt < toIso).length,
    };
  });

  // Mentions and sentiment per day.
  let mentionDays: ReportMentionDay[] | null = null;
  if (input.mentions !== undefined) {
    const dayBuckets = calendarBuckets(startMs, endMs, 'day', zone);
    mentionDays = dayBuckets.map((bucket) => ({
      date: bucket.label,
      mentions: 0,
      positive: parsed.classifySentiment ? 0 : null,
      neutral: parsed.classifySentiment ? 0 : null,
      negative: parsed.classifySentiment ? 0 : null,
    }));
    const seen = new Set<string>();
    for (const mention of mentions) {
      const key = `${mention.platform}\u0000${mention.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const index = bucketIndex(dayBuckets, Date.parse(mention.createdAt));
      if (index < 0) continue;
      const day = mentionDays[index]!;
      day.mentions += 1;
      const sentiment = parsed.classifySentiment?.(mention) ?? null;
      if (sentiment !== null) day[sentiment]! += 1;
    }
  }

  // Best time uses the accounts' whole history up to the end of the period.
  const history = posts
    .filter((post) => post.publishedAt < range.end)
    .flatMap((post) => {
      const found = histories.get(postKey(post.platform, post.accountId, post.postId));
      const snapshot = found && latestBefore(found, endMs);
      return snapshot === undefined ? [] : [{ publishedAt: post.publishedAt, snapshot }];
    });
  const bestTime = bestTimeHeatmap(history, {
    timeZone: zone,
    score: by === 'followers' ? 'impressions' : by,
    minSamples: parsed.minSamples ?? 3,
    interactions,
  });

  const topPosts = posts
    .filter((post) => post.publishedAt >= range.start && post.publishedAt < range.end)
    .map((post): ReportTopPost => {
      const found = histories.get(postKey(post.platform, post.accountId, post.postId));
      const snapshot = found && latestBefore(found, endMs);
      const engagementCount = snapshot ? engagementsOf(snapshot, { interactions }) : null;
      let rate: number | null = null;
      if (snapshot && found) {
        if (by === 'followers') {
          // The post's own account, when the post was measured (not every account in the report).
          const own = accountSnapshotsOf.get(accountKey(post.platform, post.accountId)) ?? [];
          const followers = followersAround(own, snapshot.observedAt, snapshot.observedAt, 'start');
          rate = safeRatio(engagementCount, followers?.value);
        } else {
          const denominator = metricValue(snapshot, by === 'views' ? found.viewsMetric : by);
          rate = denominator === undefined ? null : safeRatio(engagementCount, denominator);
        }
      }
      return {
        platform: post.platform,
        accountId: post.accountId,
        postId: post.postId,
        text: post.text ?? null,
        url: post.url ?? null,
        publishedAt: post.publishedAt,
        thumbnailUrl: post.thumbnailUrl ?? null,
        tags: [...(post.tags ?? [])],
        campaign: post.campaign ?? null,
        engagements: engagementCount,
        impressions: snapshot ? (metricValue(snapshot, 'impressions') ?? null) : null,
        reach: snapshot ? (metricValue(snapshot, 'reach') ?? null) : null,
        linkClicks: snapshot ? (metricValue(snapshot, 'linkClicks') ?? null) : null,
        engagementRate: rate,
      };
    })
    .filter((post) => post.engagements !== null)
    .sort((a, b) => b.engagements! - a.engagements! || (a.postId < b.postId ? -1 : 1))
    .slice(0, parsed.topPostsLimit ?? 10);

  // Signals judge each day of the period against the days before it (history before the range seeds the baseline).
  const BASELINE_DAYS = 28;
  const lookback = new Date(startMs - BASELINE_DAYS * 86_400_000).toISOString();
  const signals =
    mentions.length === 0
      ? []
      : detectSignals(mentionVolume(mentions, { timeZone: zone, interval: 'day', range: { start: lookback, end: range.end } }), {
          metric: 'mentions',
        }).filter((event) => event.label >= range.firstDay);

  const competitors =
    parsed.competitors === undefined
      ? null
      : competitorBenchmark({
          own: accounts,
          competitors: parsed.competitors,
          snapshots: input.snapshots,
          posts: parsed.posts ?? [],
          range,
          interactions,
        });

  return {
    version: 2,
    title: parsed.title ?? 'Social media report',
    timeZone: zone,
    range,
    compareTo: compare,
    weekStartsOn,
    engagementRateBy: by,
    accounts: accounts.map((account) => ({
      platform: account.platform,
      id: account.id,
      handle: account.handle,
      displayName: account.displayName ?? null,
    })),
    summary,
    byNetwork,
    byAccount,
    byTag,
    byCampaign,
    weeks,
    followers: labels.map((date, index) => ({ date, value: followersByDay[index] ?? null })),
    engagementRate: labels.map((date, index) => ({ date, value: safeRatio(engagementByDay[index], denominatorByDay[index]) })),
    mentions: mentionDays,
    bestTime,
    suggestedSlots: suggestSlots(bestTime, 3),
    topPosts,
    responses:
      mentions.length > 0 && input.replies !== undefined
        ? responseTimes({ mentions: mentions.filter((m) => inPeriod(range)(m.createdAt)), replies })
        : null,
    signals,
    competitors,
  };
}
