import { createClient } from '@smm/core/client';
import { createFakeClock, type FakeClock } from '@smm/core/clock';
import { ApiCallError, PublishPendingTimeoutError } from '@smm/core/errors';
import { describe, expect, it } from 'vitest';
import { createAdapterTestEnv, settle } from '../adapter-test-env/index.js';
import { runConformanceChecks } from '../conformance/index.js';
import {
  createContainerNetworkAdapter,
  createContainerNetworkSimulator,
  type ContainerNetworkSimulator,
  type ContainerNetworkSimulatorOptions,
} from './index.js';

const env = (simOptions: ContainerNetworkSimulatorOptions = {}) =>
  createAdapterTestEnv({
    simulator: (clock: FakeClock) => createContainerNetworkSimulator({ clock, ...simOptions }),
    createAdapter: (sim: ContainerNetworkSimulator) => createContainerNetworkAdapter({ baseUrl: sim.baseUrl }),
  });

const containerReads = (sim: ContainerNetworkSimulator) =>
  sim.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/containers/'));

describe('container network: pending publishes through the client', () => {
  it('waits for the container to finish, then publishes it once', async () => {
    const { client, sim, account } = env({ finishAfter: { polls: 3 } });
    const { published } = await client.publish(account, { text: 'two steps' });
    const live = sim.posts().filter((post) => !post.deleted);
    expect(live.map((post) => [post.id, post.text])).toEqual([[published.parts[0]!.id, 'two steps']]);
    // FINISHED on the third read (configured above), so exactly three reads and one publish call.
    expect(containerReads(sim)).toHaveLength(3);
    expect(sim.requests.filter((r) => r.path.endsWith('/publish'))).toHaveLength(1);
    expect(sim.containers().map((c) => c.status)).toEqual(['PUBLISHED']);
  });

  it('backs off between polls: 1 s, 2 s, 4 s steps with jitter in the upper half of each step', async () => {
    const { client, sim, account } = env({ finishAfter: { polls: 4 } });
    await client.publish(account, { text: 'backoff' });
    const times = [sim.requests.find((r) => r.method === 'POST')!, ...containerReads(sim)].map((r) => Date.parse(r.at));
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // Equal jitter: each wait is within [step/2, step] for steps 1000, 2000, 4000, 8000 ms.
    [1_000, 2_000, 4_000, 8_000].forEach((step, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(step / 2);
      expect(gaps[i]).toBeLessThanOrEqual(step);
    });
  });

  it('wait: false returns the pending publish; a new client resumes it and the post exists once', async () => {
    const first = env({ finishAfter: { polls: 2 } });
    const result = await first.client.publish(first.account, { text: 'resume me' }, { wait: false });
    expect(result.published).toBeUndefined();
    expect(result.pending).toMatchObject({ platform: 'containers', accountId: first.sim.account.id, handle: 'c1' });
    expect(first.sim.posts()).toEqual([]);
    const restarted = createClient({
      adapters: [first.adapter],
      accounts: [{ platform: 'containers', id: first.sim.account.id, handle: first.sim.account.handle }],
      credentials: { [first.account]: first.sim.credentials },
      clock: first.clock,
      fetch: first.sim.fetch,
    });
    const published = await restarted.awaitPublish(JSON.parse(JSON.stringify(result.pending)));
    expect(first.sim.posts().map((post) => post.id)).toEqual([published.parts[0]!.id]);
    expect(published.idempotencyKey).toBe(result.pending!.idempotencyKey);
    // One look after it is live answers the same post and creates nothing.
    expect(await restarted.publishStatus(result.pending!)).toEqual({ published: expect.objectContaining({ parts: published.parts }) });
    expect(first.sim.posts()).toHaveLength(1);
  });

  it('gives PublishPendingTimeoutError at the wait limit with the pending publish, and no post', async () => {
    const { client, sim, account, clock } = env({ finishAfter: { polls: 1_000 } });
    const started = clock.now();
    const outcome = await settle(client.publish(account, { text: 'slow' }, { maxWaitMs: 60_000 }));
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: unknown }).error;
    expect(PublishPendingTimeoutError.isInstance(error)).toBe(true);
    expect((error as PublishPendingTimeoutError).pending.handle).toBe('c1');
    expect((error as PublishPendingTimeoutError).code).toBe('publish_pending_timeout');
    // It waited the minute it was given (in simulated time), not more.
    expect(clock.now() - started).toBe(60_000);
    expect(sim.posts()).toEqual([]);
  });

  it('a container that ends in ERROR fails with a non-retryable ApiCallError', async () => {
    const { client, sim, account } = env({ finishAfter: { polls: 1 }, failWhen: (text) => text.includes('bad') });
    const outcome = await settle(client.publish(account, { text: 'bad media' }));
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: unknown }).error;
    expect(ApiCallError.isInstance(error) && error.isRetryable === false && error.platformCode === 'container_error').toBe(true);
    expect(sim.posts()).toEqual([]);
  });

  it('an aborted wait stops polling', async () => {
    const { client, sim, account } = env({ finishAfter: { polls: 1_000 } });
    const controller = new AbortController();
    client.on('publish-progress', ({ polls }) => {
      if (polls === 2) controller.abort(new Error('user left'));
    });
    const outcome = await settle(client.publish(account, { text: 'abort' }, { signal: controller.signal }));
    expect(outcome.ok).toBe(false);
    expect(containerReads(sim)).toHaveLength(2);
  });
});

describe('container network: the adapter conformance suite', () => {
  it('passes every check that applies, the pending-publish ones included', async () => {
    const results = await runConformanceChecks({
      name: 'container-network',
      simulator: (clock) => createContainerNetworkSimulator({ clock }),
      createAdapter: (sim) => createContainerNetworkAdapter({ baseUrl: sim.baseUrl }),
    });
    expect(results.filter((r) => r.status === 'failed').map((r) => `${r.name}: ${r.message}`)).toEqual([]);
    expect(results.filter((r) => r.name.startsWith('pending publish')).map((r) => r.status)).toEqual(['passed', 'passed', 'passed']);
  }, 60_000);

  it('skips the pending-publish checks for an adapter that does not declare pendingPublish', async () => {
    const sim = createContainerNetworkSimulator({ clock: createFakeClock() });
    const { pendingPublish: _omit, ...capabilities } = createContainerNetworkAdapter({ baseUrl: sim.baseUrl }).capabilities;
    const results = await runConformanceChecks({
      name: 'v1.0',
      simulator: (clock) => createContainerNetworkSimulator({ clock }),
      createAdapter: (s) => ({ ...createContainerNetworkAdapter({ baseUrl: s.baseUrl }), capabilities }),
    });
    const pending = results.filter((r) => r.name.startsWith('pending publish'));
    expect(pending.map((r) => r.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(pending[0]!.message).toContain('pendingPublish');
  }, 60_000);
});
