/**
 * Getting started: the program docs/getting-started.md walks through, step by step.
 *
 *   npx -y pnpm@10 exec tsx examples/getting-started.ts      (from the repository root, after a build)
 *
 * It talks to the Mastodon simulator from @smm/testkit on 127.0.0.1 — swap the instance URL
 * and the token for a real account and the same code publishes for real. Steps: connect an
 * account, publish a post (idempotently), see a draft rejected with every problem named,
 * plan posts on a durable SQLite calendar, let the scheduler publish what falls due, read
 * the replies, read the metrics.
 */
// #region imports
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMastodonAdapter } from '@smm/adapter-mastodon';
import { ValidationError, formatIssuePath } from '@smm/core';
import { createClient } from '@smm/core/client';
import { createCalendar } from '@smm/core/calendar';
import { createScheduler } from '@smm/core/scheduler';
import { createSqliteStore } from '@smm/store-sqlite';
import { createMastodonSimulator } from '@smm/testkit/mastodon';
// #endregion imports

function expect(condition: boolean, what: string): void {
  if (!condition) throw new Error(`expected ${what}`);
}

// ── 1. Connect an account ─────────────────────────────────────────────────────────────────
// A stand-in for mastodon.social on 127.0.0.1; it answers mentions every few seconds.
// #region simulator
const sim = createMastodonSimulator({ seed: 'getting-started', mentionEveryMs: 1_000 });
const server = await sim.listen(); // { url, close }
// #endregion simulator
const dir = mkdtempSync(join(tmpdir(), 'smm-getting-started-'));

// #region connect
const account = { platform: 'mastodon', id: sim.account.id, handle: 'acme', timeZone: 'Europe/Berlin' };
const ACME = `mastodon:${account.id}`; // an account key: platform:id
const client = createClient({
  adapters: [createMastodonAdapter({ baseUrl: server.url })],
  accounts: [account],
  credentials: { [ACME]: { accessToken: sim.credentials.accessToken } },
});
// #endregion connect

try {
  // ── 2. Publish a post ─────────────────────────────────────────────────────────────────
  // The key makes a retry safe: publishing again with it never posts twice.
  // #region publish
  const { published, warnings } = await client.publish(ACME, { text: 'Hello from smm 👋 #opensource' }, { idempotencyKey: 'hello-1' });
  console.log(`published ${published.parts[0]!.url}`, warnings);
  // #endregion publish
  const again = await client.publish(ACME, { text: 'Hello from smm 👋 #opensource' }, { idempotencyKey: 'hello-1' });
  console.log(`retried with the same key: ${again.published.parts[0]!.id === published.parts[0]!.id ? 'same post' : 'DUPLICATE'}`);
  expect(again.published.parts[0]!.id === published.parts[0]!.id && sim.posts().length === 1, 'one post for one idempotency key');

  // ── 3. Bad drafts are refused before any request, every problem at once ────────────────
  const requestsBefore = sim.requests.length;
  // #region refused
  try {
    // 600 characters where Mastodon allows 500, and five images where it allows four.
    const image = {
      kind: 'image' as const,
      source: { type: 'url' as const, url: 'https://cdn.example/a.png' },
      mimeType: 'image/png',
      altText: 'A chart',
    };
    await client.publish(ACME, { text: 'x'.repeat(600), media: Array.from({ length: 5 }, () => image) });
    throw new Error('expected the draft to be refused');
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    console.log(`refused with ${error.code}:`);
    for (const issue of error.issues) console.log(`  ${formatIssuePath(issue.path)}: ${issue.message}`);
  }
  // #endregion refused
  expect(sim.requests.length === requestsBefore, 'no request for a refused draft');

  // ── 4. Plan on a durable calendar ─────────────────────────────────────────────────────
  // SQLite keeps the plan across restarts. Two posts at fixed times a moment from now, and
  // three into the account's queue (weekdays 09:00 and 17:00, Berlin time).
  // #region plan
  const store = createSqliteStore({ path: join(dir, 'schedule.db') }); // durable; or createMemoryStore()
  const calendar = createCalendar({ store, accounts: [{ account, queue: 'Mon-Fri 09:00 and 17:00' }] });
  const soon = (ms: number) => ({ at: new Date(Date.now() + ms).toISOString() });
  const pinned = await calendar.createMany(
    [
      { draft: { text: 'Our spring release is out 🌷' }, accounts: [ACME], place: soon(1_000) },
      { draft: { text: 'What changed, in short: faster, smaller, kinder.' }, accounts: [ACME], place: soon(1_500) },
    ],
    { by: 'ana' },
  );
  const queued = await calendar.createMany(
    ['Tip of the week: keyboard shortcuts', 'Meet the team: Ioana', 'Customer story: a Cluj bakery'].map((text) => ({
      draft: { text },
      accounts: [ACME],
      place: 'queue' as const,
    })),
    { by: 'ana' },
  );
  // #endregion plan
  const berlin = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    weekday: 'short',
    day: '2-digit',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  console.log('queued:');
  for (const entry of queued.flat()) console.log(`  ${berlin.format(new Date(entry.scheduledAt!))} Berlin  ${entry.draft.text}`);

  // ── 5. Let the scheduler publish what falls due ───────────────────────────────────────
  // One worker, polling every 200 ms. It marks each entry `publishing` with a key before the
  // call, so a crash mid-publish is reconciled rather than posted twice.
  // #region schedule
  const scheduler = createScheduler({ store, client, pollIntervalMs: 200 });
  scheduler.on('entry-published', ({ entry, published }) => console.log(`scheduler published ${entry.id}: ${published.parts[0]!.url}`));
  scheduler.on('entry-failed', ({ entry, error }) => console.error(`scheduler failed ${entry.id}: ${error.code} ${error.message}`));
  scheduler.on('entry-outcome-unknown', ({ entry, reason }) => console.error(`ask an editor to check ${entry.id}: ${reason}`));
  scheduler.start();
  process.once('SIGTERM', async () => {
    await scheduler.stop({ timeoutMs: 30_000 }); // finishes what is in flight
    store.close();
  });
  // #endregion schedule
  const due = new Set(pinned.flat().map((entry) => entry.id));
  const done = new Promise<void>((resolve) => {
    scheduler.on('entry-published', ({ entry }) => {
      due.delete(entry.id);
      if (due.size === 0) resolve();
    });
  });
  try {
    await Promise.race([
      done,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('the scheduler did not publish both posts within 15 s')), 15_000).unref(),
      ),
    ]);
  } finally {
    await scheduler.stop(); // a started scheduler keeps the process alive until it stops
  }
  const health = await scheduler.health();
  console.log(`scheduler health: ${health.ok ? 'ok' : 'late'}, ${health.overdue.count} overdue`);
  expect(health.overdue.count === 0, 'nothing overdue once the scheduler ran');

  // ── 6. Read replies and metrics ───────────────────────────────────────────────────────
  await new Promise((resolve) => setTimeout(resolve, 1_200)); // the simulator's audience answers
  // #region read
  let mentions = 0;
  for await (const mention of client.mentions(ACME)) {
    mentions += 1;
    if (mentions <= 3) console.log(`  ${mention.kind} from @${mention.author.handle}: ${mention.text.slice(0, 60)}`);
  }
  console.log(`${mentions} mentions and replies so far`);
  const metrics = await client.getPostMetrics(ACME, published.parts[0]!); // a PostRef
  const shown = Object.entries(metrics.metrics).map(([name, metric]) => `${name} ${metric!.value} (${metric!.platformName})`);
  console.log(`metrics of the first post: ${shown.join(', ')}`);
  // #endregion read
  store.close();
} catch (error) {
  console.error(`getting-started failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
