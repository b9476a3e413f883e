import { ApiCallError } from '@smm/core/adapter-kit';
import { createClient } from '@smm/core/client';
import { describe, expect, it } from 'vitest';
import { settle, shortVideo, testEnv } from './__tests__/test-env.js';

type Env = ReturnType<typeof testEnv>;
const video = shortVideo();

/** What an app has after a restart (or a SIGKILL): a new client on the same adapter, sharing nothing in memory. */
function restarted(env: Env) {
  return createClient({
    adapters: [env.adapter],
    accounts: [env.client.accounts[0]!],
    credentials: { [env.account]: env.sim.credentials },
    clock: env.clock,
    fetch: env.sim.fetch,
  });
}

describe('doGetPublishStatus', () => {
  it('holds the publish_id from the init on: a client killed during processing resumes and one video exists', async () => {
    const env = testEnv({ simulator: { processingMs: 60_000, moderationMs: 120_000 } });
    const { pending } = await env.client.publish(env.account, { text: 'survives a kill', media: [video] }, { wait: false });
    const stored = JSON.parse(JSON.stringify(pending)) as typeof pending & { handle: { publishId: string } };
    expect(stored.handle.publishId).toBe(env.sim.publishes()[0]!.publishId);
    expect(env.sim.posts()).toEqual([]);

    // Still processing: a look says so and changes nothing.
    const look = await restarted(env).publishStatus(stored!);
    expect(look.published).toBeUndefined();
    expect(look.pending?.progress?.stage).toBe('PROCESSING_UPLOAD');

    const published = await restarted(env).awaitPublish(stored!);
    const live = env.sim.posts();
    expect(live.map((post) => post.id)).toEqual([published.parts[0]!.id]);
    // Again (a crash before the result was recorded): the same video, no second one.
    const again = await restarted(env).awaitPublish(stored!);
    expect(again.parts[0]!.id).toBe(published.parts[0]!.id);
    expect(env.sim.posts()).toHaveLength(1);
    expect(env.requests().filter((line) => line.endsWith('/init/'))).toHaveLength(1);
  });

  it('stays pending through moderation (no post id yet) and resolves the exact 19-digit id', async () => {
    const env = testEnv({ simulator: { processingMs: 1_000, moderationMs: 300_000 } });
    const { pending } = await env.client.publish(env.account, { text: 'moderated', media: [video] }, { wait: false });
    env.clock.advance(10_000);
    expect((await env.client.publishStatus(pending!)).published).toBeUndefined();
    env.clock.advance(300_000);
    const done = await env.client.publishStatus(pending!);
    const id = done.published!.parts[0]!.id;
    expect(id).toMatch(/^\d{19}$/);
    expect(env.sim.posts()[0]!.id).toBe(id);
  });

  it('a processing failure ends with TikTok’s fail_reason, not retryable, and no video', async () => {
    const env = testEnv();
    env.sim.failNextProcessing('file_format_check_failed');
    const outcome = await settle(env.client.publish(env.account, { text: 'broken', media: [video] }));
    const error = outcome.ok ? undefined : outcome.error;
    expect(ApiCallError.isInstance(error) && [error.platformCode, error.isRetryable]).toEqual(['file_format_check_failed', false]);
    expect(env.sim.posts()).toEqual([]);
  });
});
