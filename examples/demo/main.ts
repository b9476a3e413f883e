/**
 * The main job, end to end: one long article becomes a week of posts on X, Bluesky and
 * Mastodon — validated, approved, queued in two time zones, published exactly once by the
 * scheduler on SQLite, listened to, answered and reported on.
 *
 *   npx -y pnpm@10 install && npx -y pnpm@10 demo        (from the repository root)
 *
 * Everything runs on this machine: the networks are the simulators from @smm/testkit, served
 * on 127.0.0.1 and driven through the shipped adapters; the week runs on an accelerated clock
 * (a simulated week in about 20 seconds). No account, no key, no network, no Redis. It writes
 * report.html, report.md, report.json, calendar.ics and the scheduler's SQLite file to
 * $SMM_OUT_DIR (default: out/ at the repository root), and exits non-zero with the reason when
 * anything it promises does not hold (every entry published, none twice, …).
 * SMM_EXAMPLE_QUIET=1 prints the short version.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSqliteInboxStore, createSqliteStore, type SqliteInboxStore } from '@smm/store-sqlite';
import { lessonTeasers, atomizeArticle, readArticle, type PlannedPost } from './article.js';
import { reviewAndQueue } from './approvals.js';
import { createDemoClock } from './demo-clock.js';
import { listenAndAnswer } from './listening.js';
import { createMetricsCollector } from './metrics.js';
import { DemoExpectationError, expect, preview, quiet, say, step } from './narrate.js';
import { createDemoCalendar, printPlan, QUEUES } from './plan.js';
import { writeReport } from './report.js';
import { runWeek } from './run-week.js';
import { startNetworks, type Networks } from './simulators.js';
import { printSummary } from './summary.js';
import { postToFacebookPage } from './facebook-page.js';
import { pinArticle } from './pinterest-pin.js';
import { postToInstagram } from './instagram-post.js';
import { postThreadsChain } from './threads-chain.js';
import { postTikTokClip } from './tiktok-clip.js';
import { postYouTubeVideo } from './youtube-video.js';
import { tooLongForX } from './validation.js';

/** Clock ms per real ms: a simulated week in 20 s. */
const SPEED = 30_240;
/** Planning happens on Sunday evening; the week is Monday 00:00 to Monday 00:00 in Berlin. */
const PLANNING_STARTS = '2026-03-01T18:00:00.000Z';
const WEEK = { start: '2026-03-01T23:00:00.000Z', end: '2026-03-08T23:00:00.000Z' };

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const outDir = resolve(repositoryRoot, process.env.SMM_OUT_DIR ?? 'out');
const shown = (path: string) =>
  relative(process.cwd(), path).startsWith('..') || isAbsolute(relative(process.cwd(), path)) ? path : `./${relative(process.cwd(), path)}`;

const started = performance.now();
let networks: Networks | undefined;
let store: ReturnType<typeof createSqliteStore> | undefined;
let inboxStore: SqliteInboxStore | undefined;
try {
  const clock = createDemoClock(PLANNING_STARTS);

  step('Four networks on 127.0.0.1 (three more follow in step 9)');
  networks = await startNetworks(clock);
  for (const network of networks.list) {
    say(
      `${network.name.padEnd(9)} simulator at ${network.url}  account @${network.account.handle} (${network.account.timeZone}), adapter @smm/adapter-${network.platform}`,
    );
  }
  say('Every request goes through a fetch that refuses anything but 127.0.0.1: no account, no key, no internet.');

  step('One article, atomized');
  const article = readArticle(new URL('./article.md', import.meta.url));
  const atomized = atomizeArticle(article);
  say(`"${article.title}" — ${article.words} words, ${article.sections.length} lessons, ${article.url}`);
  for (const network of networks.list) {
    const draft = atomized[network.platform];
    const shape =
      draft.thread.length > 0
        ? `a ${draft.thread.length + 1}-part numbered thread`
        : 'one post (the whole article would be a thread longer than X allows)';
    say(`  ${network.name.padEnd(9)} ${shape}: "${preview(draft.text, 48)}"`);
  }
  const lessons = lessonTeasers(article);
  say(`  + ${lessons.length} lessons × ${networks.list.length} networks as single teaser posts, each linking to its section.`);

  step('A draft that is too long, and the fix');
  const xThread = await tooLongForX(article, atomized.x, networks);

  step('Approval');
  mkdirSync(outDir, { recursive: true });
  // A fresh schedule every run, so the demo can run again and again; nothing else is deleted.
  const databaseFile = join(outDir, 'demo-schedule.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
  store = createSqliteStore({ path: databaseFile });
  const demoCalendar = createDemoCalendar(store, networks, clock);
  const planned: PlannedPost[] = [
    {
      label: 'article thread',
      drafts: { x: xThread, bluesky: atomized.bluesky, mastodon: atomized.mastodon, linkedin: atomized.linkedin },
    },
    { label: 'article summary', drafts: { x: atomized.x } },
    ...lessons,
  ];
  const { entries, labels } = await reviewAndQueue(planned, networks, demoCalendar, clock, 'bluesky-lesson-09');

  step('The week, queued in two time zones');
  for (const network of networks.list) say(`${network.name.padEnd(9)} queue "${QUEUES[network.platform]}" in ${network.account.timeZone}`);
  const week = await demoCalendar.calendar.range(WEEK.start, WEEK.end);
  expect(week.length === entries.length, `${entries.length - week.length} entries fall outside the week ${WEEK.start} – ${WEEK.end}`);
  printPlan(week, networks, labels);

  step('The scheduler runs the week (SQLite store, accelerated clock)');
  say(
    `Store: ${shown(databaseFile)}; clock: ×${SPEED.toLocaleString('en-US')} (a simulated week in ${Math.round((7 * 86_400_000) / SPEED / 1000)} s).`,
  );
  const collector = createMetricsCollector(networks.client, networks, clock);
  const result = await runWeek({ store, networks, entries, clock, speed: SPEED, collector, wallTimeoutMs: 90_000 });

  step('Listening, and the inbox worked');
  // The inbox keeps its conversations in the same SQLite file as the scheduler (its own inbox_* tables).
  inboxStore = createSqliteInboxStore({ path: databaseFile });
  const listening = await listenAndAnswer(networks, clock, inboxStore, PLANNING_STARTS, article.url, 20_000);

  step('Metrics and the report');
  await writeReport({
    collector,
    networks,
    heard: listening.heard,
    inbox: listening.inbox,
    calendar: demoCalendar.calendar,
    week: WEEK,
    entries: entries.length,
    outDir,
  });

  step('Video and image networks: a TikTok clip, a YouTube video, a Pinterest pin, an Instagram post');
  await postTikTokClip(clock, `${article.title} — the week in one clip ${article.url}`);
  await postYouTubeVideo(clock, article.title.slice(0, 100), `${article.title}\n\nThe whole article: ${article.url}`);
  await pinArticle(clock, { title: article.title, url: article.url, summary: `${article.title} — read the whole story on our blog.` });
  await postToInstagram(clock, { title: article.title, url: article.url });

  step('Facebook: connect the Page, post the article, schedule an album, answer a comment');
  await postToFacebookPage(clock, { title: article.title, url: article.url });

  step('Threads: the article as a chain of posts, each a media container');
  await postThreadsChain(clock, { title: article.title, url: article.url });

  step('Summary');
  printSummary({
    networks,
    entries,
    week: result,
    heard: listening.heard,
    answeredByPlatform: listening.answeredByPlatform,
    collector,
    labels,
  });
  say();
  say(`Files in ${shown(outDir)}:`);
  for (const file of ['report.html', 'report.md', 'report.json', 'calendar.ics', 'demo-schedule.db']) say(`  ${shown(join(outDir, file))}`);
  say(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  const reason =
    error instanceof DemoExpectationError ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`\ndemo failed: ${reason}`);
  if (!(error instanceof DemoExpectationError) && error instanceof Error && error.stack && !quiet) console.error(error.stack);
  process.exitCode = 1;
} finally {
  store?.close();
  inboxStore?.close();
  await networks?.close();
}
