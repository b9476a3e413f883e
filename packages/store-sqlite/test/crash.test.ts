// The crash checks with the SQLite store: scheduler worker *processes* sharing one
// database file publish to one simulator over 127.0.0.1 while the test SIGKILLs and restarts
// them at random moments. Nothing may be published twice and nothing may be lost.
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePostDraft } from '@smm/core/model';
import type { CalendarEntry } from '@smm/core/schedule-store';
import { createMastodonSimulator, type MastodonSimulator } from '@smm/testkit/mastodon';
import { createSeededRandom } from '@smm/testkit/simulator';
import { createSqliteStore, type SqliteStore } from '../src/index.js';
import { tempDir } from '../src/test-fixtures.js';
import { lineReader, spawnTsx } from './spawn-tsx.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Setup {
  store: SqliteStore;
  file: string;
  sim: MastodonSimulator;
  url: string;
  entries: CalendarEntry[];
}

/** A database with `count` entries due from `startInMs` on, over `spanMs`, and a listening simulator. */
async function setup(count: number, startInMs: number, spanMs: number): Promise<Setup> {
  const dir = tempDir();
  cleanups.push(dir.remove);
  const file = dir.file('schedule.db');
  const store = createSqliteStore({ path: file });
  cleanups.push(() => store.close());
  // Generous limits: this test is about exactly-once, not rate limiting.
  const sim = createMastodonSimulator({ limits: { all: { limit: 1_000_000, windowMs: 300_000 } } });
  const server = await sim.listen();
  cleanups.push(() => server.close());
  const start = Date.now() + startInMs;
  const at = new Date().toISOString();
  const entries = Array.from({ length: count }, (_, i): CalendarEntry => {
    const id = `crash-${String(i).padStart(4, '0')}`;
    return {
      id,
      accountKey: `mastodon:${sim.account.id}`,
      platform: 'mastodon',
      accountId: sim.account.id,
      // The entry id in the text is the marker the duplicate count goes by.
      draft: parsePostDraft({ text: `post ${id}` }),
      status: 'scheduled',
      version: 0,
      scheduledAt: new Date(start + Math.floor((i * spanMs) / count)).toISOString(),
      placement: 'pinned',
      createdAt: at,
      updatedAt: at,
      history: [{ from: null, to: 'scheduled', at, by: 'crash-test' }],
      approvals: [],
      hold: null,
      lease: null,
    };
  });
  await store.insertMany(entries);
  return { store, file, sim, url: server.url, entries };
}

interface Worker {
  child: ChildProcess;
  exited: Promise<unknown>;
}

function startWorker({ file, url, sim }: Setup, owner: string): Worker {
  const child = spawnTsx('./scheduler-worker.ts', [file, url, owner, sim.account.id]);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const out = lineReader(child);
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    const errors = out.stderr().trim();
    if (errors !== '') console.error(`[${owner}] stderr:\n${errors}`);
  });
  return { child, exited };
}

async function stopWorker(worker: Worker, signal: NodeJS.Signals): Promise<void> {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill(signal);
  await worker.exited;
}

/** Waits until no entry is `scheduled` or `publishing` (or the deadline passes). */
async function settled(store: SqliteStore, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if ((await store.query({ statuses: ['scheduled', 'publishing'], limit: 1 })).length === 0) return;
    await sleep(200);
  }
}

/** Posts on the simulator per entry id (the marker in the text). */
function postsPerEntry(sim: MastodonSimulator): Map<string, string[]> {
  const posts = new Map<string, string[]>();
  for (const post of sim.posts()) {
    if (post.deleted) continue;
    const id = /post (crash-\d{4})/.exec(post.text)?.[1] ?? `(unknown: ${post.text})`;
    posts.set(id, [...(posts.get(id) ?? []), post.id]);
  }
  return posts;
}

function expectExactlyOnce(entries: CalendarEntry[], stored: CalendarEntry[], posts: Map<string, string[]>): void {
  const statuses = new Map<string, number>();
  for (const entry of stored) statuses.set(entry.status, (statuses.get(entry.status) ?? 0) + 1);
  // None lost: every entry reached an end the issue allows.
  expect(Object.fromEntries(statuses), 'entry statuses').toEqual(
    Object.fromEntries([...statuses].filter(([status]) => status === 'published' || status === 'outcome_unknown')),
  );
  expect(stored.length).toBe(entries.length);
  // No duplicate on the network.
  const duplicates = [...posts].filter(([, ids]) => ids.length > 1);
  expect(duplicates, 'entries posted more than once').toEqual([]);
  // Every post belongs to an entry, and every published entry points at its one post.
  const known = new Set(entries.map((entry) => entry.id));
  expect(
    [...posts.keys()].filter((id) => !known.has(id)),
    'posts that belong to no entry',
  ).toEqual([]);
  for (const entry of stored) {
    if (entry.status !== 'published') continue;
    expect(
      entry.published?.parts.map((part) => part.id),
      entry.id,
    ).toEqual(posts.get(entry.id));
  }
}

describe('scheduler worker processes on one SQLite file', () => {
  it('publish 1,000 entries exactly once while workers are SIGKILLed and restarted at random', async () => {
    const seed = Date.now() % 100_000;
    // Seeded, so a failing run can be replayed from the seed it prints.
    const seeded = createSeededRandom(seed);
    const rand = () => seeded.next();
    const ready = await setup(1000, 1_500, 2_000);
    const workers: Worker[] = [];
    let generation = 0;
    for (let i = 0; i < 3; i += 1) workers.push(startWorker(ready, `worker-${i}-g${generation++}`));

    // Kill and restart for a while, across the span the entries fall due in.
    let kills = 0;
    const killUntil = Date.now() + 5_000;
    while (Date.now() < killUntil) {
      await sleep(150 + Math.floor(rand() * 450));
      const index = Math.floor(rand() * workers.length);
      await stopWorker(workers[index]!, 'SIGKILL');
      kills += 1;
      workers[index] = startWorker(ready, `worker-${index}-g${generation++}`);
    }

    await settled(ready.store, 35_000);
    for (const worker of workers) await stopWorker(worker, 'SIGTERM');

    const stored = await ready.store.query({});
    const posts = postsPerEntry(ready.sim);
    const context_ = `seed ${seed}, ${kills} kills, ${posts.size} posts`;
    expect(kills, context_).toBeGreaterThanOrEqual(6);
    expectExactlyOnce(ready.entries, stored, posts);
    // Keys are per entry: a key shared by two entries would let the network's dedupe hide a loss.
    const keys = stored.map((entry) => entry.idempotencyKey);
    expect(keys.every((key) => key !== undefined) && new Set(keys).size === keys.length, 'one idempotency key per entry').toBe(true);
  }, 60_000);

  it('two schedulers racing over the same due entries never send one entry twice', async () => {
    const ready = await setup(300, 800, 200);
    const workers = [startWorker(ready, 'racer-a'), startWorker(ready, 'racer-b')];
    await settled(ready.store, 30_000);
    for (const worker of workers) await stopWorker(worker, 'SIGTERM');

    const stored = await ready.store.query({});
    expectExactlyOnce(ready.entries, stored, postsPerEntry(ready.sim));
    expect(stored.every((entry) => entry.status === 'published')).toBe(true);
    // Without crashes each entry must reach the network once: count the create requests per
    // idempotency key (the simulator would hide a second one by deduping it).
    const sends = new Map<string, number>();
    for (const request of ready.sim.requests) {
      if (request.method !== 'POST' || request.path !== '/api/v1/statuses') continue;
      const key = request.headers['idempotency-key'] ?? '(none)';
      sends.set(key, (sends.get(key) ?? 0) + 1);
    }
    expect(
      [...sends].filter(([, count]) => count > 1),
      'keys sent more than once',
    ).toEqual([]);
    expect(sends.size).toBe(300);
    // Both schedulers did part of the work: they really raced.
    const owners = new Set(stored.map((entry) => entry.history.find((record) => record.to === 'publishing')?.by));
    expect(owners).toEqual(new Set(['racer-a', 'racer-b']));
  }, 60_000);
});
