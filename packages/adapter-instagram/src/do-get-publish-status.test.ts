import { createClient } from '@smm/core/client';
import { ApiCallError, PublishPendingTimeoutError, RateLimitError } from '@smm/core/adapter-kit';
import { PublishingLimitError } from '@smm/meta-graph';
import { describe, expect, it } from 'vitest';
import { imageAt, settle, testEnv } from './__tests__/test-env.js';

type Env = ReturnType<typeof testEnv>;

/** What an app has after a restart: a new client on the same adapter, sharing nothing in memory. */
function restarted(env: Env) {
  return createClient({
    adapters: [env.adapter],
    accounts: [env.client.accounts[0]!],
    credentials: { [env.account]: env.sim.credentials },
    clock: env.clock,
    fetch: env.sim.fetch,
  });
}

const live = (env: Env) => env.sim.posts().filter((post) => !post.deleted && post.extra.node === 'media');

describe('doGetPublishStatus', () => {
  it('ends a container in ERROR with a permanent ApiCallError naming Meta’s reason, and posts nothing', async () => {
    const env = testEnv();
    env.sim.containers.faults.failNext('ERROR: The image format is not supported');
    const outcome = await settle(env.client.publish(env.account, { text: 'broken', media: [imageAt(env.sim)] }));
    const error = outcome.ok ? undefined : outcome.error;
    expect(ApiCallError.isInstance(error) && [error.platformCode, error.isRetryable]).toEqual(['ERROR', false]);
    expect((error as Error).message).toContain('The image format is not supported');
    expect(live(env)).toEqual([]);
  });

  it('ends an EXPIRED container with a permanent ApiCallError saying to publish again', async () => {
    const env = testEnv();
    const { pending } = await env.client.publish(env.account, { text: 'late', media: [imageAt(env.sim)] }, { wait: false });
    env.sim.containers.faults.expire(env.sim.containers.all()[0]!.id);
    const outcome = await settle(env.client.awaitPublish(pending!));
    const error = outcome.ok ? undefined : outcome.error;
    expect(ApiCallError.isInstance(error) && [error.platformCode, error.isRetryable]).toEqual(['EXPIRED', false]);
    expect((error as Error).message).toContain('24 hours');
    expect(live(env)).toEqual([]);
  });

  it('gives up on a container stuck IN_PROGRESS at the deadline with PublishPendingTimeoutError carrying the handle', async () => {
    const env = testEnv({ settings: { publishTimeoutMs: 120_000 } });
    env.sim.containers.faults.stallNext();
    const outcome = await settle(env.client.publish(env.account, { text: 'stuck', media: [imageAt(env.sim)] }));
    const error = outcome.ok ? undefined : outcome.error;
    expect(PublishPendingTimeoutError.isInstance(error)).toBe(true);
    expect((error as PublishPendingTimeoutError).pending.handle).toMatchObject({
      stage: 'container',
      containerId: env.sim.containers.all()[0]!.id,
    });
    expect(live(env)).toEqual([]);
  });

  it('after a lost answer to media_publish, finds the media instead of publishing again: exactly one post', async () => {
    const env = testEnv();
    env.sim.faults.inject({ kind: 'drop-after-send', count: 1, match: (request) => request.path.endsWith('/media_publish') });
    const { published } = await env.client.publish(env.account, { text: 'answer lost', media: [imageAt(env.sim)] });
    expect(live(env).map((post) => post.id)).toEqual([published.parts[0]!.id]);
    expect(env.requests().filter((line) => line.endsWith('/media_publish'))).toHaveLength(1);
  });

  it('resumed twice after the post went live (a crash before it was recorded), answers the same media', async () => {
    const env = testEnv();
    const { pending } = await env.client.publish(env.account, { text: 'resume me', media: [imageAt(env.sim)] }, { wait: false });
    const stored = JSON.parse(JSON.stringify(pending)) as typeof pending & object;
    const first = await restarted(env).awaitPublish(stored);
    const second = await restarted(env).awaitPublish(stored);
    expect(second.parts[0]!.id).toBe(first.parts[0]!.id);
    expect(live(env)).toHaveLength(1);
  });

  it('adds the first comment once, even when the publish is resumed again', async () => {
    const env = testEnv();
    const { pending } = await env.client.publish(
      env.account,
      { text: 'with a first comment', media: [imageAt(env.sim)] },
      { wait: false, firstComment: '#coffee #morning' },
    );
    const published = await restarted(env).awaitPublish(pending!);
    await restarted(env).awaitPublish(pending!);
    const comments = env.sim.posts().filter((post) => post.extra.node === 'comment');
    expect(comments.map((comment) => [comment.text, comment.replyToId])).toEqual([['#coffee #morning', published.parts[0]!.id]]);
  });

  it('turns Meta’s cap refusal at media_publish into PublishingLimitError, with no post', async () => {
    const env = testEnv({ simulator: { publishingLimit: { total: 1, windowSeconds: 86_400 } } });
    const { pending } = await env.client.publish(env.account, { text: 'over the cap', media: [imageAt(env.sim)] }, { wait: false });
    env.sim.publishingLimit.fill(env.sim.account.id, 1); // another app used the last slot meanwhile
    const outcome = await settle(env.client.awaitPublish(pending!));
    const error = outcome.ok ? undefined : outcome.error;
    expect(error).toBeInstanceOf(PublishingLimitError);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^instagram publishing cap reached: 1 of 1 posts a rolling 24 h are used; /);
    expect(live(env)).toEqual([]);
  });

  it('waits out BUC throttling during the poll (estimated_time_to_regain_access) and still makes one post', async () => {
    const env = testEnv();
    const { pending } = await env.client.publish(env.account, { text: 'throttled', media: [imageAt(env.sim)] }, { wait: false });
    env.sim.usage.fill(100, env.sim.account.id, 5 * 60_000);
    const before = env.clock.now();
    const published = await env.client.awaitPublish(pending!);
    expect(env.clock.now() - before).toBeGreaterThanOrEqual(5 * 60_000);
    expect(live(env).map((post) => post.id)).toEqual([published.parts[0]!.id]);
  });
});
