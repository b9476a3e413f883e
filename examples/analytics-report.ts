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
 *
 * Last, competitors: it reads two accounts it does not own — one on X, one on Bluesky — from
 * the X and Bluesky simulators on 127.0.0.1, twice two weeks apart (a fake clock), with
 * `collectCompetitorSnapshots`, and prints them side by side with its own two accounts there:
 * followers, growth, posts per week and engagement per post.
 */
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { createBlueskyAdapter } from '@smm/adapter-bluesky';
import { createXAdapter } from '@smm/adapter-x';
import { createClient } from '@smm/core/client';
import { createBlueskySimulator } from '@smm/testkit/bluesky';
import { createFakeClock } from '@smm/testkit/clock';
import { createXSimulator } from '@smm/testkit/x';
import type { PublicAccountSeed } from '@smm/testkit/simulator';
import {
  audienceGrowthRate,
  collectCompetitorSnapshots,
  competitorBenchmark,
  bestTimeHeatmap,
  buildReport,
  engagementRate,
  engagements,
  renderHtml,
  renderMarkdown,
  suggestSlots,
  topPosts,
  type CompetitorCollection,
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

  await competitorsFromTheNetworks();
} catch (error) {
  console.error(`analytics-report failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

// Competitors read from the networks (the simulators), side by side with your own accounts.
async function competitorsFromTheNetworks(): Promise<void> {
  const clock = createFakeClock({ now: '2026-03-01T09:00:00.000Z' });
  const month = 30 * 86_400_000; // tokens outlive the two simulated weeks
  const xSim = createXSimulator({ clock, seed: 'competitors', accessTokenTtlMs: month });
  const bskySim = createBlueskySimulator({ clock, seed: 'competitors', accessTokenTtlMs: month });
  const [xServer, bskyServer] = await Promise.all([xSim.listen(), bskySim.listen()]);
  const own: AccountInput[] = [
    { platform: 'x', id: xSim.account.id, handle: xSim.account.handle },
    { platform: 'bluesky', id: bskySim.account.id, handle: bskySim.account.handle },
  ];
  const client = createClient({
    adapters: [createXAdapter({ baseUrl: xServer.url }), createBlueskyAdapter({ baseUrl: bskyServer.url })],
    accounts: own,
    credentials: { [`x:${xSim.account.id}`]: xSim.credentials, [`bluesky:${bskySim.account.id}`]: bskySim.credentials },
    clock,
  });
  // What the networks show of the competitors on each visit: followers grow, posts accumulate.
  const globex = (followers: number): PublicAccountSeed => ({
    handle: 'globex',
    displayName: 'Globex',
    followers,
    following: 80,
    posts: [
      { text: 'Spring menu is out', createdAt: '2026-03-03T09:00:00.000Z', likes: 10, replies: 2, reposts: 3, quotes: 1 },
      { text: 'Open late on Friday', createdAt: '2026-03-08T09:00:00.000Z', likes: 20, reposts: 4 },
      { text: 'Thank you, 1k!', createdAt: '2026-03-12T09:00:00.000Z', likes: 5 },
    ],
  });
  const initech = (followers: number): PublicAccountSeed => ({
    handle: 'initech.bsky.social',
    displayName: 'Initech',
    followers,
    following: 40,
    posts: [{ text: 'New bagels', createdAt: '2026-03-10T12:00:00.000Z', likes: 8, replies: 1, reposts: 1 }],
  });
  const targets = [
    { via: `x:${xSim.account.id}`, handle: 'globex' },
    { via: `bluesky:${bskySim.account.id}`, handle: 'initech.bsky.social' },
  ];
  try {
    const snapshots: MetricSnapshot[] = [];
    let read: CompetitorCollection | undefined;
    for (const [at, globexFollowers, initechFollowers] of [
      ['2026-03-01T09:00:00.000Z', 1000, 500],
      ['2026-03-14T09:00:00.000Z', 1100, 520],
    ] as const) {
      clock.set(at);
      xSim.addPublicAccount(globex(globexFollowers));
      bskySim.addPublicAccount(initech(initechFollowers));
      read = await collectCompetitorSnapshots(client, targets);
      if (read.failures.length > 0) throw read.failures[0]!.error;
      snapshots.push(...read.snapshots);
      for (const account of own) snapshots.push(await client.getAccountMetrics(`${account.platform}:${account.id}`));
    }
    const rows = competitorBenchmark({
      own,
      competitors: read!.competitors,
      snapshots,
      posts: read!.posts,
      range: { start: '2026-03-01T00:00:00.000Z', end: '2026-03-15T00:00:00.000Z' }, // two weeks
    });
    console.log('\nCompetitors, 1–14 March (read from the X and Bluesky simulators):');
    const cell = (value: number | null, digits = 1) => (value === null ? 'n/a' : value.toFixed(digits));
    console.log(
      `  ${'account'.padEnd(34)} ${'followers'.padStart(9)} ${'growth'.padStart(8)} ${'posts/wk'.padStart(8)} ${'eng/post'.padStart(8)}`,
    );
    for (const row of rows) {
      const name = `${row.competitor ? '◦' : '•'} ${row.platform} @${row.handle}`;
      console.log(
        `  ${name.padEnd(34)} ${String(row.followers ?? 'n/a').padStart(9)} ${(row.growth === null ? 'n/a' : percent(row.growth)).padStart(8)} ${cell(row.postsPerWeek).padStart(8)} ${cell(row.engagementPerPost).padStart(8)}`,
      );
    }
    // By hand: globex grew (1100 − 1000) ÷ 1000 = 10 %, posted 3 times in 2 weeks = 1.5 a week,
    // and its posts drew (10+2+3+1) + (20+4) + 5 = 45 engagements, 15 a post.
    const globexRow = rows.find((row) => row.handle === 'globex')!;
    if (Math.abs(globexRow.growth! - 0.1) > 1e-12 || globexRow.postsPerWeek !== 1.5 || globexRow.engagementPerPost !== 15)
      throw new Error(`globex: expected growth 0.1, 1.5 posts a week, 15 engagements a post; got ${JSON.stringify(globexRow)}`);
  } finally {
    await Promise.all([xServer.close(), bskyServer.close()]);
  }
}
