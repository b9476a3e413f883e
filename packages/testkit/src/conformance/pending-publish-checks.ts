import type { AdapterCapabilities } from '@smm/core/adapter-kit';
import { createClient, type SmmClient } from '@smm/core/client';
import { PublishPendingTimeoutError } from '@smm/core/errors';
import type { MediaRef, PendingPublish } from '@smm/core/model';
import { settle, type AdapterTestEnv } from '../adapter-test-env/index.js';
import type { NetworkSimulator } from '../simulator/index.js';

/** What the pending-publish checks need from the suite (its env factory and labels). */
export interface PendingPublishCheckHelpers<TSim extends NetworkSimulator> {
  capabilities: AdapterCapabilities;
  setup: () => AdapterTestEnv<TSim>;
  unique: (label: string) => string;
  /** The account's credentials as the suite resolves them (default `sim.credentials`). */
  credentials: (sim: TSim) => unknown;
  fail: (message: string) => never;
  /** Media that makes a publish pending on this network (a video it processes); default: text-only drafts. */
  pendingMedia?: MediaRef | undefined;
}

/** One check, as the suite lists them. */
interface PendingCheck {
  name: string;
  skip: string | false;
  run(): Promise<void>;
}

/**
 * A second client on the same simulator and clock, sharing nothing in memory with the first:
 * what an app has after a restart.
 */
function restartedClient<TSim extends NetworkSimulator>(env: AdapterTestEnv<TSim>, credentials: unknown): SmmClient {
  const account = env.client.accounts[0]!;
  return createClient({
    adapters: [env.adapter],
    accounts: [account],
    credentials: { [env.account]: credentials },
    clock: env.clock,
    fetch: env.sim.fetch,
    httpOptions: { timeoutMs: 5_000, maxRetries: 3, maxWaitMs: 30 * 60_000 },
  });
}

/**
 * The conformance checks of spec v1.1 pending publishes, for adapters that declare
 * `capabilities.pendingPublish` (skipped otherwise): a pending publish resumed from its stored
 * handle by a restarted client makes exactly one post; the wait limit gives
 * `PublishPendingTimeoutError` carrying the handle; progress is reported as events.
 *
 * @example
 * ```ts
 * const entries = [...pendingPublishChecks({ capabilities, setup, unique, credentials, fail })];
 * ```
 */
export function pendingPublishChecks<TSim extends NetworkSimulator>(helpers: PendingPublishCheckHelpers<TSim>): PendingCheck[] {
  const { capabilities, setup, unique, fail } = helpers;
  const skip =
    capabilities.pendingPublish === undefined ? 'capabilities.pendingPublish is not declared (every publish is final at once)' : false;
  const check: (condition: unknown, message: string) => asserts condition = (condition, message) => {
    if (!condition) fail(message);
  };
  const live = (sim: NetworkSimulator, text: string) => sim.posts().filter((post) => !post.deleted && post.text === text);
  // The draft a check publishes: its text, with the suite's pending media when it has some.
  const draft = (text: string) => ({ text, ...(helpers.pendingMedia ? { media: [helpers.pendingMedia] } : {}) });

  async function publishPending(env: AdapterTestEnv<TSim>, text: string): Promise<PendingPublish> {
    const result = await env.client.publish(env.account, draft(text), { wait: false });
    check(
      result.pending !== undefined,
      'the adapter declares capabilities.pendingPublish but answered this publish with the post at once: the check needs a pending answer (configure the simulator so publishing takes a while)',
    );
    return result.pending;
  }

  return [
    {
      name: 'pending publish: a restarted client resumes from the stored handle and the post exists exactly once',
      skip,
      async run() {
        const env = setup();
        const text = unique('pending restart');
        const pending = await publishPending(env, text);
        check(
          live(env.sim, text).length === 0,
          'a post exists before the pending publish was resumed: answer pending only while it is not live',
        );
        // What a store keeps: plain JSON.
        const stored = JSON.parse(JSON.stringify(pending)) as PendingPublish;
        check(
          JSON.stringify(stored) === JSON.stringify(pending),
          'the pending publish does not survive a JSON round trip: the handle must be plain JSON',
        );
        const restarted = restartedClient(env, helpers.credentials(env.sim));
        const published = await restarted.awaitPublish(stored);
        const held = live(env.sim, text);
        check(held.length === 1, `${held.length} posts exist after resuming a pending publish (expected exactly 1)`);
        check(
          published.parts[0]?.id === held[0]!.id,
          `awaitPublish returned "${published.parts[0]?.id}" but the network holds "${held[0]!.id}"`,
        );
        // Resuming again (a crash after the post went live, before it was recorded) must not post again.
        const again = await restartedClient(env, helpers.credentials(env.sim)).awaitPublish(stored);
        check(
          live(env.sim, text).length === 1,
          'resuming a pending publish a second time created another post: doGetPublishStatus must be safe to repeat',
        );
        check(
          again.parts[0]?.id === held[0]!.id,
          `the second resume returned "${again.parts[0]?.id}" instead of the post that exists ("${held[0]!.id}")`,
        );
      },
    },
    {
      name: 'pending publish: the wait limit throws PublishPendingTimeoutError carrying the handle, which resumes',
      skip,
      async run() {
        const env = setup();
        const text = unique('pending timeout');
        const pending = await publishPending(env, text);
        const outcome = await settle(env.client.awaitPublish(pending, { maxWaitMs: 0 }));
        check(
          !outcome.ok && PublishPendingTimeoutError.isInstance(outcome.error),
          `expected PublishPendingTimeoutError, got ${outcome.ok ? 'the post' : String(outcome.error)}`,
        );
        const error = outcome.error as PublishPendingTimeoutError;
        check(
          JSON.stringify(error.pending.handle) === JSON.stringify(pending.handle),
          'the timeout error does not carry the pending handle to resume from',
        );
        await env.client.awaitPublish(error.pending as PendingPublish);
        check(live(env.sim, text).length === 1, 'resuming from the timeout error did not make exactly one post');
      },
    },
    {
      name: 'pending publish: progress is reported as publish-pending and publish-progress events',
      skip,
      async run() {
        const env = setup();
        const text = unique('pending progress');
        const pendingEvents: PendingPublish[] = [];
        const polls: number[] = [];
        env.client.on('publish-pending', ({ pending }) => pendingEvents.push(pending));
        env.client.on('publish-progress', (event) => polls.push(event.polls));
        const { published } = await env.client.publish(env.account, draft(text));
        check(pendingEvents.length >= 1, 'no publish-pending event while the publish was pending');
        check(pendingEvents[0]!.platform === env.adapter.platform, 'the publish-pending event names another platform');
        check(polls.length >= 1, 'no publish-progress event while polling');
        check(
          polls.every((value, index) => index === 0 || value > polls[index - 1]!),
          `publish-progress poll counts do not increase: ${polls.join(', ')}`,
        );
        check(
          live(env.sim, text).length === 1 && published.parts[0]?.id === live(env.sim, text)[0]!.id,
          'the waited publish did not return its one post',
        );
      },
    },
  ];
}
