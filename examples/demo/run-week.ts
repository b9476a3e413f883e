/**
 * Step 6: the week runs. `createScheduler` claims due entries from the SQLite store under a
 * lease and publishes them through the client, on a clock that runs a simulated week in
 * seconds. Two faults are injected on purpose — X answers one post with a 503 (nothing was
 * posted: the entry is retried), Mastodon loses one answer after posting (the retry carries
 * the same Idempotency-Key: no second post) — and the demo checks afterwards that every
 * entry was published exactly once.
 */
import type { PublishedPost } from '@smm/core/model';
import type { CalendarEntry, ScheduleStore } from '@smm/core/schedule-store';
import { createScheduler, type SchedulerHealth } from '@smm/core/scheduler';
import { setTimeout as delay } from 'node:timers/promises';
import type { DemoClock } from './demo-clock.js';
import type { MetricsCollector } from './metrics.js';
import { DemoExpectationError, detail, expect, say } from './narrate.js';
import { createProgress } from './progress.js';
import type { Network, Networks } from './simulators.js';

const HOUR = 3_600_000;

export interface WeekResult {
  published: Map<string, PublishedPost>;
  reconciled: number;
  retries: Array<{ entryId: string; code: string; attempt: number; nextAttemptAt: string }>;
  lagEvents: number;
  health: SchedulerHealth;
  wallSeconds: number;
}

export interface RunWeekOptions {
  store: ScheduleStore;
  networks: Networks;
  entries: readonly CalendarEntry[];
  clock: DemoClock;
  /** Clock ms per real ms. */
  speed: number;
  collector: MetricsCollector;
  /** Give up (non-zero exit) after this much real time. */
  wallTimeoutMs: number;
}

/** Live posts on a simulator that repeat an earlier one (same text, same parent): must be 0. */
export function duplicatesOn(network: Network): number {
  const seen = new Set<string>();
  let duplicates = 0;
  for (const post of network.sim.posts()) {
    if (post.deleted) continue;
    const key = `${post.replyToId ?? ''}\u0000${post.text.normalize('NFC').replace(/\s+/g, ' ').trim()}`;
    if (seen.has(key)) duplicates += 1;
    seen.add(key);
  }
  return duplicates;
}

export async function runWeek(options: RunWeekOptions): Promise<WeekResult> {
  const { store, networks, entries, clock, speed, collector } = options;
  const total = entries.length;
  const { x, mastodon } = networks.byPlatform;
  x.sim.faults.inject({ kind: '5xx', status: 503, match: 'POST /2/tweets', count: 1 });
  mastodon.sim.faults.inject({ kind: 'drop-after-send', match: 'POST /api/v1/statuses', count: 1 });
  say(`Faults on purpose: X answers one post with 503; Mastodon loses one answer after posting.`);

  const scheduler = createScheduler({
    store,
    client: networks.client,
    clock,
    concurrency: 4,
    // Clock time: a lease of 6 simulated hours is under a second of real time at this speed.
    leaseMs: 6 * HOUR,
    pollIntervalMs: 5 * 60_000,
    lagWarningMs: 15 * 60_000,
    retry: { baseDelayMs: 10 * 60_000, maxDelayMs: 2 * HOUR, deadlineMs: 24 * HOUR },
  });
  const published = new Map<string, PublishedPost>();
  const retries: WeekResult['retries'] = [];
  const problems: string[] = [];
  let reconciled = 0;
  let lagEvents = 0;
  scheduler.on('entry-published', ({ entry, published: post, reconciled: wasReconciled }) => {
    if (published.has(entry.id)) problems.push(`${entry.id} was reported published twice`);
    published.set(entry.id, post);
    if (wasReconciled) reconciled += 1;
    collector.track(entry, post);
  });
  scheduler.on('entry-retry', ({ entry, error, attempt, nextAttemptAt }) =>
    retries.push({ entryId: entry.id, code: error.code, attempt, nextAttemptAt }),
  );
  scheduler.on('entry-failed', ({ entry, error }) => problems.push(`${entry.id} failed: ${error.code}: ${error.message}`));
  scheduler.on('entry-outcome-unknown', ({ entry, reason }) => problems.push(`${entry.id} has an unknown outcome: ${reason}`));
  scheduler.on('lag', () => void (lagEvents += 1));
  scheduler.on('error', ({ error, phase, entryId }) =>
    problems.push(
      `scheduler error in ${phase}${entryId ? ` (${entryId})` : ''}: ${error instanceof Error ? error.message : String(error)}`,
    ),
  );

  const progress = createProgress(total);
  const started = performance.now();
  const clockStart = clock.now();
  clock.run(speed);
  collector.start(6 * HOUR);
  scheduler.start();
  try {
    while (published.size < total && problems.length === 0) {
      if (performance.now() - started > options.wallTimeoutMs) {
        throw new DemoExpectationError(
          `only ${published.size} of ${total} entries were published after ${Math.round(options.wallTimeoutMs / 1000)} s of real time ` +
            `(the clock reached ${clock.iso()}); health: ${JSON.stringify(await scheduler.health())}`,
        );
      }
      progress.update(published.size, clock.now(), retries.length ? `${retries.length} retried` : undefined);
      await delay(40);
    }
  } finally {
    await scheduler.stop({ timeoutMs: HOUR });
    await collector.stop();
  }
  progress.finish(published.size, clock.now());
  const wallSeconds = (performance.now() - started) / 1000;
  expect(problems.length === 0, `the week did not go as planned:\n  ${problems.join('\n  ')}`);

  // What the store says, not only what the events said: every entry published, once.
  const stored = await Promise.all(entries.map((entry) => store.get(entry.id)));
  const unpublished = stored.filter((entry) => entry?.status !== 'published');
  expect(
    unpublished.length === 0,
    `${unpublished.length} entries are not published: ${unpublished.map((entry) => `${entry?.id} (${entry?.status})`).join(', ')}`,
  );
  for (const network of networks.list) {
    const duplicates = duplicatesOn(network);
    expect(duplicates === 0, `${network.name} holds ${duplicates} duplicate post(s)`);
    const parts = entries
      .filter((entry) => entry.accountKey === network.key)
      .reduce((sum, entry) => sum + published.get(entry.id)!.parts.length, 0);
    const live = network.sim.posts().filter((post) => !post.deleted).length;
    expect(live === parts, `${network.name} holds ${live} posts, but the published entries account for ${parts}`);
  }
  const health = await scheduler.health();
  expect(health.overdue.count === 0, `${health.overdue.count} entries are overdue after the week`);

  const simulatedDays = (clock.now() - clockStart) / (24 * HOUR);
  say(
    `${published.size}/${total} entries published in ${wallSeconds.toFixed(1)} s of real time (≈${simulatedDays.toFixed(1)} simulated days at ×${speed.toLocaleString('en-US')}).`,
  );
  for (const network of networks.list) {
    const own = entries.filter((entry) => entry.accountKey === network.key);
    const posts = own.reduce((sum, entry) => sum + published.get(entry.id)!.parts.length, 0);
    say(`  ${network.name.padEnd(9)} ${own.length} entries → ${posts} posts (threads included), 0 duplicates`);
  }
  for (const retry of retries)
    say(
      `  retry: ${retry.entryId} got ${retry.code} (attempt ${retry.attempt}); tried again at ${retry.nextAttemptAt.slice(0, 16)}Z and published once`,
    );
  if (reconciled)
    say(`  ${reconciled} entr${reconciled === 1 ? 'y was' : 'ies were'} reconciled (found already published) instead of posted again`);
  const renewals = Object.entries(networks.credentialRenewals).map(([platform, count]) => `${platform} ${count}`);
  if (renewals.length) detail(`  credentials renewed along the way (tokens live 2 simulated hours): ${renewals.join(', ')}`);
  detail(`  lag warnings: ${lagEvents}; metric samples taken: ${collector.samples}`);
  say(`health(): ${JSON.stringify(health)}`);
  return { published, reconciled, retries, lagEvents, health, wallSeconds };
}
