/**
 * Analytics report from a CSV of metrics.
 *
 *   npx -y pnpm@10 exec tsx examples/analytics-report.ts      (from the repository root, after a build)
 *
 * It reads examples/data/metrics.csv (60 days of post and account metrics of a Facebook page
 * and a Bluesky account; regenerate it with examples/data/generate-metrics.ts), turns the rows
 * into metric snapshots, computes engagement rates by reach and by followers, audience growth,
 * the best time to post and the top posts, and writes a report as JSON, Markdown and a
 * self-contained HTML page with charts into examples/out/.
 *
 * Bluesky reports no reach or impressions: those cells are empty in the CSV, the metrics are
 * absent from its snapshots, and every rate that needs them is `null` ("not reported"), never 0.
 */
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import {
  audienceGrowthRate,
  bestTimeHeatmap,
  buildReport,
  engagementRate,
  engagements,
  renderHtml,
  renderMarkdown,
  suggestSlots,
  topPosts,
  type ReportPost,
} from '@smm/core/analytics';
import type { AccountInput, CanonicalMetric, MetricSnapshot } from '@smm/core/model';

const quiet = process.env.SMM_EXAMPLE_QUIET === '1';
const detail = (...lines: unknown[]) => {
  if (!quiet) console.log(...lines);
};
const outDir = new URL('./out/', import.meta.url);

const ZONE = 'Europe/Bucharest';
const RANGE = { start: '2026-02-04T00:00:00.000Z', end: '2026-03-06T00:00:00.000Z' }; // the last 30 days
const BEFORE = { start: '2026-01-05T00:00:00.000Z', end: '2026-02-04T00:00:00.000Z' }; // the 30 before
const accounts: AccountInput[] = [
  { platform: 'facebook', id: '104857600', handle: 'acmebakery', displayName: 'Acme Bakery', timeZone: ZONE },
  { platform: 'bluesky', id: 'did:plc:acmebakery', handle: 'acmebakery.bsky.social', displayName: 'Acme Bakery', timeZone: ZONE },
];

// CSV column → canonical metric; the platform's own names are kept as provenance.
const METRIC_COLUMNS: Record<string, { metric: CanonicalMetric; platformName: Record<string, string> }> = {
  impressions: { metric: 'impressions', platformName: { facebook: 'post_impressions', bluesky: 'impressions' } },
  reach: { metric: 'reach', platformName: { facebook: 'post_impressions_unique', bluesky: 'reach' } },
  likes: { metric: 'likes', platformName: { facebook: 'reactions', bluesky: 'likeCount' } },
  comments: { metric: 'comments', platformName: { facebook: 'comments', bluesky: 'replyCount' } },
  shares: { metric: 'shares', platformName: { facebook: 'shares', bluesky: 'repostCount' } },
  followers: { metric: 'followers', platformName: { facebook: 'page_fans', bluesky: 'followersCount' } },
};

type Row = Record<string, string>;

function toSnapshot(row: Row): MetricSnapshot {
  const metrics: MetricSnapshot['metrics'] = {};
  for (const [column, { metric, platformName }] of Object.entries(METRIC_COLUMNS)) {
    const cell = row[column]?.trim() ?? '';
    // An empty cell is a metric the network did not report: leave it out, never write 0.
    if (cell !== '') metrics[metric] = { value: Number(cell), platformName: platformName[row.platform!]! };
  }
  const subject =
    row.subject === 'post'
      ? { type: 'post' as const, platform: row.platform!, accountId: row.account_id!, postId: row.post_id! }
      : { type: 'account' as const, platform: row.platform!, accountId: row.account_id! };
  return { subject, observedAt: row.observed_at!, metrics };
}

const percent = (value: number | null) => (value === null ? 'not reported' : `${(value * 100).toFixed(2)} %`);
const DAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

try {
  const csv = await readFile(new URL('./data/metrics.csv', import.meta.url), 'utf8');
  const parsed = Papa.parse<Row>(csv, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`metrics.csv: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`);
  const rows = parsed.data;
  const snapshots = rows.map(toSnapshot);
  const posts: ReportPost[] = rows
    .filter((row) => row.subject === 'post')
    .map((row) => ({
      platform: row.platform!,
      accountId: row.account_id!,
      postId: row.post_id!,
      publishedAt: row.published_at!,
      text: row.text!,
    }));
  console.log(`Read ${rows.length} rows: ${posts.length} post snapshots and ${rows.length - posts.length} account snapshots`);

  for (const account of accounts) {
    const mine = (snapshot: MetricSnapshot) => snapshot.subject.platform === account.platform && snapshot.subject.accountId === account.id;
    const published = new Map(posts.filter((post) => post.platform === account.platform).map((post) => [post.postId, post.publishedAt]));
    const inRange = (snapshot: MetricSnapshot) => {
      const at = snapshot.subject.type === 'post' ? published.get(snapshot.subject.postId)! : snapshot.observedAt;
      return at >= RANGE.start && at < RANGE.end;
    };
    const postSnapshots = snapshots.filter((s) => mine(s) && s.subject.type === 'post' && inRange(s));
    const accountSnapshots = snapshots.filter((s) => mine(s) && s.subject.type === 'account');
    const followers = accountSnapshots.filter((s) => s.observedAt < RANGE.end).at(-1)?.metrics.followers?.value ?? null;

    const byReach = engagementRate(postSnapshots, { by: 'reach' });
    const byFollowers = engagementRate(postSnapshots, { by: 'followers', followers });
    const growth = audienceGrowthRate(accountSnapshots, RANGE);

    // Check one figure by hand: Σ (likes + comments + shares) ÷ Σ reach, from the CSV cells.
    if (account.platform === 'facebook') {
      const cells = rows.filter(
        (row) => row.platform === 'facebook' && row.subject === 'post' && row.published_at! >= RANGE.start && row.published_at! < RANGE.end,
      );
      const sum = (column: string) => cells.reduce((total, row) => total + Number(row[column]), 0);
      const byHand = (sum('likes') + sum('comments') + sum('shares')) / sum('reach');
      if (byReach === null || Math.abs(byReach - byHand) > 1e-12)
        throw new Error(`engagement rate by reach is ${byReach}, by hand ${byHand}`);
    }

    console.log(
      `\n${account.platform} @${account.handle} — ${postSnapshots.length} posts, ${RANGE.start.slice(0, 10)} to ${RANGE.end.slice(0, 10)}`,
    );
    console.log(`  engagement rate by reach      ${percent(byReach)}`);
    // Pooled: Σ engagements of the period's posts ÷ followers; divided by the posts, the average post.
    const perPost = byFollowers === null || postSnapshots.length === 0 ? null : byFollowers / postSnapshots.length;
    console.log(
      `  engagement rate by followers  ${percent(byFollowers)} over ${postSnapshots.length} posts, ${percent(perPost)} a post (${followers} followers)`,
    );
    console.log(`  audience growth               ${percent(growth)}`);

    // Best time: each post in its local weekday × hour; the score is its engagement rate.
    const heatmap = bestTimeHeatmap(
      postSnapshots.map((snapshot) => ({ publishedAt: published.get((snapshot.subject as { postId: string }).postId)!, snapshot })),
      {
        timeZone: ZONE,
        score: account.platform === 'facebook' ? 'reach' : (s) => (followers ? (engagements(s) ?? 0) / followers : null),
        minSamples: 2,
      },
    );
    const slots = suggestSlots(heatmap, 3);
    console.log(
      `  best slots (${heatmap.scoredBy}): ${slots.map((slot) => `${DAYS[slot.weekday]} ${slot.time}`).join(', ') || 'not enough posts yet'}`,
    );

    const top = topPosts(postSnapshots, { by: (s) => engagements(s), limit: quiet ? 1 : 3 });
    for (const { snapshot, score } of top) {
      const post = posts.find((p) => p.postId === (snapshot.subject as { postId: string }).postId)!;
      detail(`  top: ${String(score).padStart(4)} engagements  ${post.text}  (${post.publishedAt.slice(0, 16)}Z)`);
    }
  }

  // The full report: headline numbers with change vs the 30 days before, charts, best time, top posts.
  const report = buildReport({
    title: 'Acme Bakery — social report',
    accounts,
    snapshots,
    posts,
    range: RANGE,
    compareTo: BEFORE,
    timeZone: ZONE,
    engagementRateBy: 'followers',
    minSamples: 2,
    topPostsLimit: 5,
  });
  await mkdir(outDir, { recursive: true });
  const html = renderHtml(report);
  if (!html.includes('<svg')) throw new Error('the HTML report has no charts');
  await writeFile(new URL('report.json', outDir), JSON.stringify(report, null, 2));
  await writeFile(new URL('report.md', outDir), renderMarkdown(report));
  await writeFile(new URL('report.html', outDir), html);

  console.log('\nReport summary (last 30 days vs the 30 before):');
  for (const metric of report.summary) {
    const value =
      metric.current === null ? 'n/a' : metric.unit === 'fraction' ? percent(metric.current) : String(Math.round(metric.current));
    const change = metric.relative === null ? '' : ` (${metric.relative >= 0 ? '+' : ''}${(metric.relative * 100).toFixed(1)} %)`;
    console.log(`  ${metric.label.padEnd(28)} ${value}${change}`);
  }
  console.log('wrote out/report.html, out/report.md and out/report.json');
} catch (error) {
  console.error(`analytics-report failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
