/**
 * Step 8: the week in numbers. A last round of metrics, then `buildReport` from
 * @smm/core/analytics turns every snapshot, post, mention and reply into the report's JSON,
 * rendered as self-contained HTML with SVG charts and as Markdown; the calendar is exported
 * as iCalendar. Each file is read back before the demo calls it written.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildReport, latestBySubject, renderHtml, renderMarkdown, type AnalyticsReport } from '@smm/core/analytics';
import type { SharedInbox } from '@smm/core/listening';
import type { Mention } from '@smm/core/model';
import { toICalendar, type Calendar } from '@smm/core/calendar';
import ICAL from 'ical.js';
import type { MetricsCollector } from './metrics.js';
import { seedHistory, type TypicalPost } from './history.js';
import { detail, expect, say } from './narrate.js';
import type { Networks } from './simulators.js';

export interface ReportFiles {
  report: AnalyticsReport;
  html: string;
  markdown: string;
  ics: string;
  events: number;
}

export async function writeReport(options: {
  collector: MetricsCollector;
  networks: Networks;
  heard: readonly Mention[];
  inbox: SharedInbox;
  calendar: Calendar;
  week: { start: string; end: string };
  entries: number;
  outDir: string;
}): Promise<ReportFiles> {
  const { collector, networks, week, outDir } = options;
  await collector.sample();
  expect(collector.errors.length < collector.samples, `most metric reads failed: ${collector.errors.slice(0, 3).join('; ')}`);
  const postSnapshots = collector.snapshots.filter((snapshot) => snapshot.subject.type === 'post').length;
  say(
    `${collector.snapshots.length} metric snapshots from ${collector.samples} rounds of reads (${postSnapshots} of posts, ${collector.snapshots.length - postSnapshots} of accounts)${collector.errors.length ? `, ${collector.errors.length} failed reads` : ''}.`,
  );

  // Eight earlier weeks, seeded (see history.ts), so the heatmap and the comparison with the
  // previous week have something to stand on; the followers climb to the first real count.
  const accounts = networks.list.map((network) => network.account);
  const firstFollowers = new Map<string, number>();
  for (const snapshot of collector.snapshots) {
    const key = `${snapshot.subject.platform}:${snapshot.subject.accountId}`;
    const followers = snapshot.metrics.followers?.value;
    if (snapshot.subject.type === 'account' && followers !== undefined && !firstFollowers.has(key)) firstFollowers.set(key, followers);
  }
  // The seeded posts do about as well as this week's: the mean final counters of the real posts.
  const typical = new Map<string, TypicalPost>();
  const latest = latestBySubject(collector.snapshots.filter((snapshot) => snapshot.subject.type === 'post'));
  for (const account of accounts) {
    const own = latest.filter((snapshot) => snapshot.subject.platform === account.platform && snapshot.subject.accountId === account.id);
    if (own.length === 0) continue;
    const mean = (name: 'impressions' | 'likes' | 'comments' | 'shares' | 'quotes') =>
      own.reduce((sum, snapshot) => sum + (snapshot.metrics[name]?.value ?? 0), 0) / own.length;
    typical.set(`${account.platform}:${account.id}`, {
      impressions: mean('impressions'),
      likes: mean('likes'),
      replies: mean('comments'),
      shares: mean('shares'),
      quotes: mean('quotes'),
    });
  }
  const history = seedHistory(accounts, week.start, firstFollowers, typical);
  say(
    `History: ${history.posts.length} earlier posts over 8 weeks, seeded (${history.snapshots.length} snapshots), so best times and the week-over-week change have a base.`,
  );

  const report = buildReport({
    title: 'Demo week: one article on X, Bluesky and Mastodon',
    accounts,
    snapshots: [...history.snapshots, ...collector.snapshots],
    posts: [...history.posts, ...collector.posts],
    mentions: options.heard,
    replies: (await options.inbox.responseTimeInput()).replies,
    range: week,
    compareTo: 'previous',
    timeZone: 'Europe/Berlin',
    // Engagements ÷ impressions. Only X reports impressions: the rate says so ("X only, n of m
    // posts"); Bluesky and Mastodon posts count in engagements, the breakdowns and top posts.
    engagementRateBy: 'impressions',
    topPostsLimit: 10,
  });
  const html = renderHtml(report);
  const markdown = renderMarkdown(report);
  const ics = toICalendar(await options.calendar.range(week.start, week.end), { name: 'acme — demo week' });

  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'report.html'), html);
  await writeFile(join(outDir, 'report.md'), markdown);
  await writeFile(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(outDir, 'calendar.ics'), ics);

  // Read back what a browser and a calendar app would read.
  const charts = (html.match(/<svg\b/g) ?? []).length;
  expect(charts >= 3, `report.html has ${charts} SVG charts; expected followers, engagement rate and best time`);
  expect(report.suggestedSlots.length > 0, 'the best-time heatmap has no confident slot despite eight weeks of history');
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  expect(events.length === options.entries, `calendar.ics holds ${events.length} events, expected ${options.entries}`);

  const figure = (key: string) => report.summary.find((metric) => metric.key === key);
  const show = (key: string) => {
    const metric = figure(key);
    if (!metric || metric.current === null) return 'n/a';
    if (metric.unit === 'fraction') return `${(metric.current * 100).toFixed(2)} %`;
    if (metric.unit === 'ms') return `${Math.round(metric.current / 60_000)} min`;
    return metric.current.toLocaleString('en-US');
  };
  say(
    `Report: ${show('posts')} posts, ${show('engagements')} engagements, engagement rate ${show('engagementRate')} (by impressions — ${figure('engagementRate')?.coverage?.text ?? 'no posts'}), ${show('followers')} followers (${show('audienceGrowthRate')} growth), ${show('mentions')} mentions, response rate ${show('responseRate')}.`,
  );
  detail(
    `best-time cells with posts: ${report.bestTime.cells.filter((cell) => cell.samples > 0).length}; top post: ${report.topPosts[0]?.platform} ${report.topPosts[0]?.postId} (${report.topPosts[0]?.engagements} engagements)`,
  );
  say(
    `Wrote report.html (${charts} SVG charts, ${Math.round(html.length / 1024)} KB), report.md, report.json and calendar.ics (${events.length} events, parsed back with ical.js).`,
  );
  return { report, html, markdown, ics, events: events.length };
}
