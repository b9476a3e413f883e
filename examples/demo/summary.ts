/**
 * Step 9: the week at a glance, per network — what was planned, what went out (and that
 * nothing went out twice), the replies it drew, its best post and its engagement — followed
 * by where the files are.
 */
import { engagementRate, engagements, latestBySubject } from '@smm/core/analytics';
import type { Mention } from '@smm/core/model';
import type { CalendarEntry } from '@smm/core/schedule-store';
import type { MetricsCollector } from './metrics.js';
import { say, table } from './narrate.js';
import { duplicatesOn, type WeekResult } from './run-week.js';
import type { Networks } from './simulators.js';

export function printSummary(options: {
  networks: Networks;
  entries: readonly CalendarEntry[];
  week: WeekResult;
  heard: readonly Mention[];
  /** Heard mentions the inbox answered, by platform. */
  answeredByPlatform: ReadonlyMap<string, number>;
  collector: MetricsCollector;
  labels: ReadonlyMap<string, string>;
}): void {
  const { networks, entries, week, heard, collector } = options;
  const latest = latestBySubject(collector.snapshots);
  const rows = networks.list.map((network) => {
    const own = entries.filter((entry) => entry.accountKey === network.key);
    const published = own.filter((entry) => week.published.has(entry.id));
    const posts = latest.filter((snapshot) => snapshot.subject.type === 'post' && snapshot.subject.platform === network.platform);
    // The best post by engagements (likes, comments, shares, quotes, saves, clicks the network reports).
    const ranked = posts.map((snapshot) => ({ snapshot, score: engagements(snapshot) ?? -1 })).sort((a, b) => b.score - a.score);
    const top = ranked[0];
    const topPostId = top?.snapshot.subject.type === 'post' ? top.snapshot.subject.postId : undefined;
    const topEntry = topPostId === undefined ? undefined : own.find((entry) => week.published.get(entry.id)?.parts[0]?.id === topPostId);
    const total = posts.reduce((sum, snapshot) => sum + (engagements(snapshot) ?? 0), 0);
    // By impressions, where the network reports them (X); elsewhere the rate is absent, not 0.
    const rate = engagementRate(posts, { by: 'impressions' });
    const replies = heard.filter(
      (mention) => mention.platform === network.platform && (mention.kind === 'reply' || mention.kind === 'comment'),
    ).length;
    return [
      network.name,
      String(own.length),
      String(published.length),
      String(duplicatesOn(network)),
      `${replies} (${options.answeredByPlatform.get(network.platform) ?? 0} mentions answered)`,
      topEntry && top ? `${options.labels.get(topEntry.id) ?? topEntry.id} (${top.score})` : '—',
      `${total.toLocaleString('en-US')} · ${rate === null ? 'no impressions reported' : `${(rate * 100).toFixed(1)} % of impressions`}`,
    ];
  });
  for (const line of table(['network', 'planned', 'published', 'duplicates', 'replies', 'top post (engagements)', 'engagement'], rows))
    say(line);
}
