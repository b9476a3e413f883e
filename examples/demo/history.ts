/**
 * The accounts' past: eight weeks before the demo week, seeded so the report has history to
 * stand on — a best-time heatmap needs several posts per hour, a period-over-period change needs
 * a previous period. The history is deterministic and labelled as seeded wherever the demo
 * shows it; every number in the demo week itself comes from the simulators.
 *
 * Each account posted five times a week at the hours it favours, each post observed 6 h, 24 h
 * and 72 h after publication with the metrics its network reports (X: impressions, likes,
 * replies, reposts, quotes; Bluesky: likes, replies, reposts, quotes; Mastodon: favourites,
 * replies, boosts); followers were read every evening. The seeded weeks end before the first
 * real observation, and the followers climb to the first count the simulator reports.
 */
import type { ReportPost } from '@smm/core/analytics';
import type { Account, CanonicalMetric, MetricSnapshot } from '@smm/core/model';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Weekly slots: [days after Monday, local hour, how well that slot does]. */
const SLOTS: ReadonlyArray<readonly [number, number, number]> = [
  [0, 9, 1.0], // Monday 09:00
  [1, 9, 1.35], // Tuesday 09:00 — the best slot
  [2, 12, 0.9], // Wednesday 12:00
  [3, 9, 1.25], // Thursday 09:00
  [4, 17, 0.8], // Friday 17:00
];
const TAGS = [['tips'], ['launch'], ['behind-the-scenes'], ['tips', 'howto'], ['community']] as const;

// UTC offsets of the seeded weeks (January–February 2026, before either zone's DST change).
const OFFSET_HOURS: Record<string, number> = { 'America/New_York': -5, 'Europe/Berlin': 1 };

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const value = (amount: number, platformName: string) => ({ value: Math.round(amount), platformName });

/** What each network reports, under its own names. */
function postMetrics(platform: string, seen: { impressions: number; likes: number; replies: number; shares: number; quotes: number }) {
  const metrics: Partial<Record<CanonicalMetric, { value: number; platformName: string }>> = {};
  if (platform === 'x') {
    metrics.impressions = value(seen.impressions, 'impression_count');
    metrics.likes = value(seen.likes, 'like_count');
    metrics.comments = value(seen.replies, 'reply_count');
    metrics.shares = value(seen.shares, 'repost_count');
    metrics.quotes = value(seen.quotes, 'quote_count');
  } else if (platform === 'bluesky') {
    metrics.likes = value(seen.likes, 'likeCount');
    metrics.comments = value(seen.replies, 'replyCount');
    metrics.shares = value(seen.shares, 'repostCount');
    metrics.quotes = value(seen.quotes, 'quoteCount');
  } else {
    metrics.likes = value(seen.likes, 'favourites_count');
    metrics.comments = value(seen.replies, 'replies_count');
    metrics.shares = value(seen.shares, 'reblogs_count');
  }
  return metrics;
}

/** Mean final counters of the account's real posts this week: the seeded posts do about as well. */
export interface TypicalPost {
  impressions: number;
  likes: number;
  replies: number;
  shares: number;
  quotes: number;
}

/**
 * Eight weeks of seeded history for each account, ending at `before` (the demo week's start).
 * `followersNow` is each account's first real follower count, by `platform:id`.
 */
export function seedHistory(
  accounts: readonly Account[],
  before: string,
  followersNow: ReadonlyMap<string, number>,
  typicalPost: ReadonlyMap<string, TypicalPost>,
  weeks = 8,
): { posts: ReportPost[]; snapshots: MetricSnapshot[] } {
  const posts: ReportPost[] = [];
  const snapshots: MetricSnapshot[] = [];
  const endMs = Date.parse(before);
  accounts.forEach((account, accountIndex) => {
    const next = random(20_260_301 + accountIndex);
    const offset = OFFSET_HOURS[account.timeZone] ?? 0;
    // Berlin Monday 00:00 of the first seeded week, as an instant.
    const firstMonday = endMs - weeks * 7 * DAY;
    const reach = account.platform === 'x' ? 1 : account.platform === 'bluesky' ? 0.6 : 0.35;
    const typical = typicalPost.get(`${account.platform}:${account.id}`) ?? {
      impressions: 4000 * reach,
      likes: 35 * reach,
      replies: 6 * reach,
      shares: 8 * reach,
      quotes: 2 * reach,
    };
    for (let week = 0; week < weeks; week += 1) {
      SLOTS.forEach(([day, hour, boost], slot) => {
        // `before` is a Berlin midnight: the account's own local hour is `hour` in its zone.
        const publishedMs = firstMonday + (week * 7 + day) * DAY + (hour + OFFSET_HOURS['Europe/Berlin']! - offset) * HOUR;
        const postId = `seed-${account.platform}-${week}-${slot}`;
        posts.push({
          platform: account.platform,
          accountId: account.id,
          postId,
          publishedAt: new Date(publishedMs).toISOString(),
          text: `Earlier post ${week * SLOTS.length + slot + 1} (seeded history)`,
          tags: [...TAGS[slot]!],
          ...(week >= weeks - 3 && slot % 2 === 1 ? { campaign: 'spring-launch' } : {}),
        });
        const seen = { impressions: 0, likes: 0, replies: 0, shares: 0, quotes: 0 };
        for (const [age, share] of [
          [6, 0.55],
          [24, 0.85],
          [72, 1],
        ] as const) {
          const observedMs = publishedMs + age * HOUR;
          if (observedMs >= endMs) break;
          // A seeded week runs at 75–95 % of this week's typical post, better in the favoured slots.
          const level = (0.65 + next() * 0.2) * boost * share;
          seen.impressions = Math.max(seen.impressions, typical.impressions * level);
          seen.likes = Math.max(seen.likes, typical.likes * level);
          seen.replies = Math.max(seen.replies, typical.replies * level);
          seen.shares = Math.max(seen.shares, typical.shares * level);
          seen.quotes = Math.max(seen.quotes, typical.quotes * level);
          snapshots.push({
            subject: { type: 'post', platform: account.platform, accountId: account.id, postId },
            observedAt: new Date(observedMs).toISOString(),
            metrics: postMetrics(account.platform, seen),
          });
        }
      });
    }
    // Followers every evening (20:00 Berlin), climbing to the first real count.
    const now = followersNow.get(`${account.platform}:${account.id}`) ?? 1000;
    const days = weeks * 7;
    for (let day = 0; day < days; day += 1) {
      const observedMs = firstMonday + day * DAY + 19 * HOUR;
      const followers = now - (days - day) * (2 + reach * 3) - Math.round(next() * 3);
      snapshots.push({
        subject: { type: 'account', platform: account.platform, accountId: account.id },
        observedAt: new Date(observedMs).toISOString(),
        metrics: { followers: value(Math.max(0, followers), account.platform === 'mastodon' ? 'followers_count' : 'followersCount') },
      });
    }
  });
  return { posts, snapshots };
}
