import type { CanonicalMetric, MetricSnapshot } from '../model/index.js';
import { metricValue, safeRatio, subjectKey } from './metric-values.js';

/** Every snapshot of one post, oldest first. */
export interface PostHistory {
  key: string;
  platform: string;
  accountId: string;
  postId: string;
  snapshots: MetricSnapshot[];
  /** Which metric stands for views on this post: `views` when it ever reports it, else `videoViews` — never both. */
  viewsMetric: 'views' | 'videoViews';
}

/** Groups post snapshots into histories sorted by time (ties: fewer metrics first, so the richer one is "latest"). */
export function postHistories(snapshots: readonly MetricSnapshot[]): Map<string, PostHistory> {
  const histories = new Map<string, PostHistory>();
  for (const snapshot of snapshots) {
    const subject = snapshot.subject;
    if (subject.type !== 'post') continue;
    const key = subjectKey(subject);
    let history = histories.get(key);
    if (history === undefined) {
      history = {
        key,
        platform: subject.platform,
        accountId: subject.accountId,
        postId: subject.postId,
        snapshots: [],
        viewsMetric: 'videoViews',
      };
      histories.set(key, history);
    }
    history.snapshots.push(snapshot);
    if (snapshot.metrics.views !== undefined) history.viewsMetric = 'views';
  }
  for (const history of histories.values()) {
    history.snapshots.sort(
      (a, b) => Date.parse(a.observedAt) - Date.parse(b.observedAt) || Object.keys(a.metrics).length - Object.keys(b.metrics).length,
    );
  }
  return histories;
}

/**
 * What a post's cumulative counter gained inside `[startMs, endMs)`: the change from the last
 * observation before the period (0 before any, as a post starts at 0) to the last one inside
 * it. A decrease counts as a decrease; only `countersReset` restarts from 0. `null` when the
 * counter was not observed inside the period.
 */
export function counterDelta(history: PostHistory, metric: CanonicalMetric, startMs: number, endMs: number): number | null {
  let previous = 0;
  let total = 0;
  let seen = false;
  for (const snapshot of history.snapshots) {
    const value = metricValue(snapshot, metric);
    if (value === undefined) continue;
    const at = Date.parse(snapshot.observedAt);
    if (at >= endMs) break;
    if (at >= startMs) {
      total += snapshot.countersReset === true ? value : value - previous;
      seen = true;
    }
    previous = value;
  }
  return seen ? total : null;
}

/** The latest snapshot of a post observed before `endMs`, or `undefined`. */
export function latestBefore(history: PostHistory, endMs: number): MetricSnapshot | undefined {
  let latest: MetricSnapshot | undefined;
  for (const snapshot of history.snapshots) {
    if (Date.parse(snapshot.observedAt) >= endMs) break;
    latest = snapshot;
  }
  return latest;
}

/** Which posts and networks a pooled rate covers, in words a reader can check. */
export interface RateCoverage {
  /** Networks of the posts in the rate. */
  networks: string[];
  /** Posts in the rate (reporting both sides). */
  posts: number;
  /** Posts with any of the numerator's data in the same scope. */
  of: number;
  /** E.g. `'X only, 12 of 34 posts'`. */
  text: string;
}

const NETWORK_NAMES: Record<string, string> = {
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  facebook: 'Facebook',
  instagram: 'Instagram',
  threads: 'Threads',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  pinterest: 'Pinterest',
};

/** The name people know a network by (`x` → `X`); unknown ids are shown as given. */
export function networkName(id: string): string {
  return NETWORK_NAMES[id] ?? id;
}

/** Builds the coverage of a rate from the networks used, the networks present, and post counts. */
export function coverage(used: ReadonlySet<string>, present: ReadonlySet<string>, posts: number, of: number): RateCoverage {
  const networks = [...used].sort();
  const names = networks.map(networkName).join(', ');
  const scope = networks.length === 0 ? '' : networks.length < present.size ? `${names} only, ` : `${names}, `;
  return { networks, posts, of, text: `${scope}${posts} of ${of} posts` };
}

/** Pooled period figures of some posts: sums of what they gained in the period and the rate with its coverage. */
export interface PooledPosts {
  engagements: number | null;
  impressions: number | null;
  reach: number | null;
  linkClicks: number | null;
  /** Σ engagements ÷ Σ denominator over posts reporting both (`null` for `'followers'`: the caller divides). */
  rate: number | null;
  coverage: RateCoverage;
}

/** Sums what `histories` gained in `[startMs, endMs)` and pools the engagement rate by `by`. */
export function poolPosts(
  histories: Iterable<PostHistory>,
  startMs: number,
  endMs: number,
  by: 'reach' | 'impressions' | 'views' | 'followers',
  interactions: readonly CanonicalMetric[],
): PooledPosts {
  const sums = { engagements: null as number | null, impressions: null as number | null, reach: null as number | null };
  let linkClicks: number | null = null;
  let top = 0;
  let bottom = 0;
  let used = 0;
  let withEngagement = 0;
  const usedNetworks = new Set<string>();
  const presentNetworks = new Set<string>();
  const add = (current: number | null, value: number | null) => (value === null ? current : (current ?? 0) + value);
  for (const history of histories) {
    let engagement: number | null = null;
    for (const metric of interactions) engagement = add(engagement, counterDelta(history, metric, startMs, endMs));
    const impressions = counterDelta(history, 'impressions', startMs, endMs);
    const reach = counterDelta(history, 'reach', startMs, endMs);
    sums.engagements = add(sums.engagements, engagement);
    sums.impressions = add(sums.impressions, impressions);
    sums.reach = add(sums.reach, reach);
    linkClicks = add(linkClicks, counterDelta(history, 'linkClicks', startMs, endMs));
    if (engagement === null) continue;
    withEngagement += 1;
    presentNetworks.add(history.platform);
    const denominator =
      by === 'followers'
        ? 0
        : by === 'views'
          ? counterDelta(history, history.viewsMetric, startMs, endMs)
          : by === 'reach'
            ? reach
            : impressions;
    if (denominator === null) continue;
    used += 1;
    usedNetworks.add(history.platform);
    top += engagement;
    bottom += denominator;
  }
  return {
    ...sums,
    linkClicks,
    rate: by === 'followers' || used === 0 ? null : safeRatio(top, bottom),
    coverage: coverage(usedNetworks, presentNetworks, used, withEngagement),
  };
}
