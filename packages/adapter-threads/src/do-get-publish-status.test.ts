import { ValidationError } from '@smm/core/adapter-kit';
import { createClient } from '@smm/core/client';
import { describe, expect, it } from 'vitest';
import { settle, testEnv } from './__tests__/test-env.js';

const USER = '27143896403261755';

function restarted(env: ReturnType<typeof testEnv>) {
  return createClient({
    adapters: [env.adapter],
    accounts: [{ platform: 'threads', id: env.sim.account.id, handle: env.sim.account.handle }],
    credentials: { [env.account]: env.sim.credentials },
    clock: env.clock,
    fetch: env.sim.fetch,
  });
}

describe('resuming a pending Threads publish', () => {
  it('a restart mid-chain resumes from the first stored handle: every part exists once, in order', async () => {
    const env = testEnv();
    const { client, account, sim, clock } = env;
    const { pending } = await client.publish(
      account,
      { text: 'part 1', thread: [{ text: 'part 2' }, { text: 'part 3' }] },
      { wait: false },
    );
    const stored = JSON.parse(JSON.stringify(pending)) as typeof pending & object;
    // Another worker moves the chain on until part 2 is live, then dies (its newer handles are lost).
    let latest = stored;
    while (sim.posts().length < 2) {
      await clock.advance(2_000);
      const status = await client.publishStatus(latest);
      if (status.pending) latest = status.pending;
    }
    expect(sim.posts().map((post) => post.text)).toEqual(['part 1', 'part 2']);
    const published = await restarted(env).awaitPublish(stored);
    const held = sim.posts();
    expect(held.map((post) => post.text)).toEqual(['part 1', 'part 2', 'part 3']);
    expect(published.parts.map((part) => part.id)).toEqual(held.map((post) => post.id));
    expect(held[2]!.replyToId).toBe(held[1]!.id);
  });

  it('after a lost answer to threads_publish the container says PUBLISHED: the post is found, not published again', async () => {
    const { client, account, sim } = testEnv();
    sim.faults.inject({ kind: 'drop-after-send', count: 1, match: (request) => request.path === `/v1.0/${USER}/threads_publish` });
    const first = await settle(client.publish(account, { text: 'lost answer' }, { idempotencyKey: 'k-1' }));
    sim.faults.clear();
    const second = first.ok ? first : await settle(client.publish(account, { text: 'lost answer' }, { idempotencyKey: 'k-1' }));
    expect(second.ok).toBe(true);
    expect(sim.posts().map((post) => post.text)).toEqual(['lost answer']);
    expect(sim.requests.filter((request) => request.path === `/v1.0/${USER}/threads_publish`)).toHaveLength(1);
  });

  it('refuses a handle it did not make with a ValidationError', async () => {
    const { client, account } = testEnv();
    const { pending } = await client.publish(account, { text: 'real' }, { wait: false });
    const outcome = await settle(client.publishStatus({ ...pending!, handle: { something: 'else' } }));
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: ValidationError }).error;
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(JSON.stringify(error.issues)).toContain('is not a handle the Threads adapter made');
  });
});
