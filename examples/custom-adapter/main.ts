/**
 * Custom adapter: use an adapter for a network smm does not ship ("Chirp", written from
 * docs/writing-an-adapter.md) exactly like a built-in one.
 *
 *   npx -y pnpm@10 exec tsx examples/custom-adapter/main.ts      (from the repository root, after a build)
 *   npx vitest run --project custom-adapter                   (its conformance suite)
 *
 * It serves the Chirp simulator from a real HTTP server on 127.0.0.1, points `createClient`
 * at it, publishes a post (twice with the same idempotency key: one post), a thread and a
 * reply to a mention, pages through mentions, and reads post and account metrics. No
 * network, no account: everything runs on this machine, in simulated time.
 */
import { createClient } from '@smm/core/client';
import { UnsupportedFeatureError } from '@smm/core/errors';
import { createFakeClock } from '@smm/testkit';
import { createChirpSimulator } from './chirp-simulator.js';
import { createChirpAdapter } from './index.js';

const quiet = process.env.SMM_EXAMPLE_QUIET === '1';
const detail = (...lines: unknown[]) => {
  if (!quiet) console.log(...lines);
};

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

// Simulated time: Chirp's counters grow with its clock, so one clock shared by the network
// and the client lets us look "three hours later" without waiting three hours.
const clock = createFakeClock({ now: '2026-03-02T09:00:00.000Z', autoAdvance: true });
const sim = createChirpSimulator({ clock, seed: 1 });
const server = await sim.listen({ host: '127.0.0.1', port: 0 });

try {
  const client = createClient({
    adapters: [createChirpAdapter({ baseUrl: server.url })],
    accounts: [{ platform: 'chirp', id: sim.account.id, handle: sim.account.handle, timeZone: 'Europe/Bucharest' }],
    credentials: { [`chirp:${sim.account.id}`]: sim.credentials },
    // Chirp rotates refresh tokens; a real app stores the new pair here.
    onCredentialsChange: () => detail('  (credentials rotated; an app would store them now)'),
    clock,
  });
  const account = `chirp:${sim.account.id}`;
  console.log(`Chirp simulator listening on ${server.url}; account @${sim.account.handle}`);

  // 1. Publish. 'unlisted' is not a Chirp visibility: it goes out public, with a warning.
  const draft = {
    text: 'Chirp works with smm 🎉 https://example.com/smm',
    visibility: 'unlisted' as const,
    networkOptions: { chirp: { contentWarning: 'release notes' } },
  };
  const first = await client.publish(account, draft, { idempotencyKey: 'release-0.1' });
  const root = first.published.parts[0]!;
  console.log(`published post ${root.id} (${root.url})`);
  for (const warning of first.warnings) detail(`  warning ${warning.code}: ${warning.message}`);

  // 2. The same key again (a retry after a crash, say): the adapter finds the post, nothing new is created.
  const again = await client.publish(account, draft, { idempotencyKey: 'release-0.1' });
  expect(
    again.published.parts[0]!.id === root.id,
    `publishing again with the same key returned ${again.published.parts[0]!.id}, not ${root.id}`,
  );
  expect(sim.posts().length === 1, `the network holds ${sim.posts().length} posts after a repeated publish; expected 1`);
  console.log(`publishing again with the same idempotency key returned the same post ${again.published.parts[0]!.id}`);

  // 3. A thread: each part replies to the one before.
  const thread = await client.publish(account, {
    text: 'How we wrote a Chirp adapter in one afternoon, a thread 🧵 1/3',
    thread: [
      { text: 'Capabilities are data: limits, threads, metrics, idempotency. 2/3' },
      { text: 'Then one test file runs the conformance suite. 3/3' },
    ],
  });
  console.log(`published a thread of ${thread.published.parts.length} parts: ${thread.published.parts.map((part) => part.id).join(' → ')}`);

  // 4. What Chirp cannot do is refused before any request.
  try {
    await client.publish(account, { text: 'Which one?' }, { poll: { options: ['this', 'that'], durationMs: 86_400_000 } });
    throw new Error('a poll was accepted by a network without polls');
  } catch (error) {
    if (!UnsupportedFeatureError.isInstance(error)) throw error;
    detail(`a poll is refused up front: ${error.message}`);
  }

  // 5. Three hours later: mentions arrived, counters grew.
  await clock.advance(3 * 3_600_000);
  const mentions = [];
  for await (const mention of client.mentions(account, { limit: 10 })) mentions.push(mention);
  expect(mentions.length === sim.mentionCount(), `read ${mentions.length} mentions, Chirp has ${sim.mentionCount()}`);
  console.log(`read ${mentions.length} mentions (pages of 10), newest first:`);
  for (const mention of mentions.slice(0, quiet ? 1 : 3))
    console.log(`  ${mention.kind.padEnd(7)} @${mention.author.handle}: ${mention.text}`);

  const newest = mentions[0]!;
  const reply = await client.reply(
    account,
    { platform: 'chirp', id: newest.id },
    { text: `@${newest.author.handle} thanks for the note!` },
  );
  console.log(`answered @${newest.author.handle} with post ${reply.published.parts[0]!.id}`);

  // 6. Metrics, under canonical names with Chirp's own names kept as provenance.
  const postMetrics = await client.getPostMetrics(account, root);
  const accountMetrics = await client.getAccountMetrics(account);
  console.log(`post ${root.id} after 3 h:`);
  for (const [name, metric] of Object.entries(postMetrics.metrics))
    console.log(`  ${name.padEnd(12)} ${String(metric!.value).padStart(6)}   (Chirp: ${metric!.platformName})`);
  console.log(`account @${sim.account.handle}:`);
  for (const [name, metric] of Object.entries(accountMetrics.metrics))
    console.log(`  ${name.padEnd(12)} ${String(metric!.value).padStart(6)}   (Chirp: ${metric!.platformName})`);

  detail(`\nThe simulator served ${sim.requests.length} HTTP requests; the first: ${sim.requests[0]!.method} ${sim.requests[0]!.path}`);
} catch (error) {
  console.error(`custom-adapter example failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await server.close();
}
