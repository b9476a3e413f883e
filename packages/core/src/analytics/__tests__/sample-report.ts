// A deterministic sample: two accounts, 8 weeks of posts and snapshots, mentions and replies.
// Used by the report tests and to draw docs/report-screenshot.png.
import type { Mention, MetricSnapshot } from '../../model/index.js';
import type { ReplyEvent, ReportInput, ReportPost } from '../index.js';

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

const metric = (value: number, name: string) => ({ value: Math.round(value), platformName: name });

export function sampleReportInput(): ReportInput {
  const next = random(42);
  const accounts = [
    { platform: 'bluesky', id: 'did:plc:acme', handle: 'acme.bsky.social', displayName: 'Acme <Studio>', timeZone: 'Europe/Bucharest' },
    { platform: 'mastodon', id: '1090', handle: 'acme@mastodon.social', displayName: 'Acme', timeZone: 'Europe/Bucharest' },
  ];
  const start = Date.parse('2026-02-01T00:00:00Z');
  const day = 86_400_000;
  const snapshots: MetricSnapshot[] = [];
  const posts: ReportPost[] = [];
  const mentions: Mention[] = [];
  const replies: ReplyEvent[] = [];
  const texts = [
    'Spring launch: 20% off all plans this week',
    '<script>alert("xss")</script> look at our new <b>feature</b> & more',
    'Behind the scenes with the design team',
    'How we cut build times in half',
    'Customer story: Globex moved 40 teams in a month',
    'Ask us anything — live at 18:00',
  ];
  accounts.forEach((account, accountIndex) => {
    let followers = 2000 + accountIndex * 1500;
    for (let dayIndex = 0; dayIndex < 59; dayIndex += 1) {
      followers += Math.round(5 + next() * 25 - (dayIndex === 40 ? 80 : 0));
      if (dayIndex % 9 !== 7) {
        snapshots.push({
          subject: { type: 'account', platform: account.platform, accountId: account.id },
          observedAt: new Date(start + dayIndex * day + 20 * 3_600_000).toISOString(),
          metrics: { followers: metric(followers, 'followers_count') },
        });
      }
      // One post on most days, at a local hour the account favours.
      if (next() < 0.8) {
        const hour = [7, 9, 12, 16, 18][Math.floor(next() * 5)]!;
        const publishedMs = start + dayIndex * day + hour * 3_600_000;
        const postId = `${accountIndex}-${dayIndex}`;
        const markup = accountIndex === 0 && dayIndex === 44;
        const text = markup ? texts[1]! : texts[[0, 2, 3, 4, 5][(dayIndex + accountIndex) % 5]!]!;
        // The post with markup in its text does well, so it reaches the top-posts table.
        const boost = (hour === 7 ? 1.8 : hour === 16 ? 1.3 : 1) * (markup ? 2.5 : 1);
        posts.push({
          platform: account.platform,
          accountId: account.id,
          postId,
          publishedAt: new Date(publishedMs).toISOString(),
          text,
          url: `https://example.com/${account.platform}/${postId}`,
        });
        let impressions = 0;
        let likes = 0;
        let comments = 0;
        let shares = 0;
        for (let age = 1; age <= 3; age += 1) {
          impressions += 300 + next() * 900;
          likes += (impressions * (0.02 + next() * 0.02) * boost) / age;
          comments += next() * 6;
          shares += next() * 4 * boost;
          snapshots.push({
            subject: { type: 'post', platform: account.platform, accountId: account.id, postId },
            observedAt: new Date(publishedMs + age * 7 * 3_600_000).toISOString(),
            metrics: {
              impressions: metric(impressions, 'views'),
              likes: metric(likes, 'likeCount'),
              comments: metric(comments, 'replyCount'),
              shares: metric(shares, 'repostCount'),
            },
          });
        }
      }
      const count = dayIndex === 45 ? 40 : Math.floor(3 + next() * 4);
      for (let index = 0; index < count; index += 1) {
        const id = `m-${accountIndex}-${dayIndex}-${index}`;
        const createdMs = start + dayIndex * day + Math.floor(next() * day);
        mentions.push({
          id,
          platform: account.platform,
          accountId: account.id,
          kind: 'reply',
          author: { id: `u${index}`, handle: `fan${index}` },
          text: 'when is the next release?',
          createdAt: new Date(createdMs).toISOString(),
        });
        if (next() < 0.7)
          replies.push({ inReplyToId: id, createdAt: new Date(createdMs + Math.floor(next() * 6 * 3_600_000)).toISOString() });
      }
    }
  });
  return {
    title: 'Acme — March 2026',
    accounts,
    snapshots,
    posts,
    mentions,
    replies,
    timeZone: 'Europe/Bucharest',
    range: { start: '2026-02-28T22:00:00.000Z', end: '2026-03-31T21:00:00.000Z' },
    compareTo: { start: '2026-01-31T22:00:00.000Z', end: '2026-02-28T22:00:00.000Z' },
    engagementRateBy: 'impressions',
    minSamples: 3,
  };
}
