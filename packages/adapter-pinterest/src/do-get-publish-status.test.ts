import { ApiCallError } from '@smm/core/adapter-kit';
import { createClient } from '@smm/core/client';
import { describe, expect, it } from 'vitest';
import { settle, testEnv } from './__tests__/test-env.js';

const BOARD = '549755885175';
const video = { kind: 'video' as const, source: { type: 'bytes' as const, base64: 'AAAAGGZ0eXA=' }, mimeType: 'video/mp4' };
const draft = { text: 'A clip', media: [video], networkOptions: { pinterest: { boardId: BOARD } } };

describe('a pending video pin', () => {
  it('resumes after a restart mid-processing from the same media_id: no second upload, one pin', async () => {
    const env = testEnv({ simulator: { mediaProcessing: { durationMs: 10_000 } } });
    const result = await env.client.publish(env.account, draft, { wait: false });
    expect(result.pending).toBeDefined();
    const stored = JSON.parse(JSON.stringify(result.pending)) as NonNullable<typeof result.pending>;
    expect(stored.handle).toMatchObject({ mediaId: env.sim.media()[0]!.mediaId, cover: { cover_image_key_frame_time: 0 } });
    // A second process (a fresh client, nothing shared but the stored handle) picks it up.
    const restarted = createClient({
      adapters: [env.adapter],
      accounts: [{ platform: 'pinterest', id: env.accountId, handle: env.sim.account.handle }],
      credentials: { [env.account]: env.sim.credentials },
      clock: env.clock,
      fetch: env.sim.fetch,
    });
    const published = await restarted.awaitPublish(stored);
    expect(env.sim.media()).toHaveLength(1);
    expect(env.sim.uploadHost.requests).toHaveLength(1);
    expect(env.sim.posts().map((post) => post.id)).toEqual([published.parts[0]!.id]);
    // Asking again returns the same pin, never a second one.
    const twice = await restarted.publishStatus(stored);
    expect(twice.published?.parts[0]!.id).toBe(published.parts[0]!.id);
    expect(env.sim.posts()).toHaveLength(1);
  });

  it('survives a lost answer to POST /v5/pins: the next look finds the pin instead of pinning twice', async () => {
    const env = testEnv();
    const result = await env.client.publish(env.account, draft, { wait: false });
    env.sim.faults.inject({ kind: 'drop-after-send', match: 'POST /v5/pins', count: 1 });
    const first = await settle(env.client.awaitPublish(result.pending!));
    const published = first.ok ? first.value : await env.client.awaitPublish(result.pending!);
    expect(env.sim.posts()).toHaveLength(1);
    expect(published.parts[0]!.id).toBe(env.sim.posts()[0]!.id);
  });

  it('gives up with a non-retryable ApiCallError when Pinterest fails to process the video', async () => {
    const env = testEnv({ simulator: { mediaProcessing: { fail: true } } });
    const outcome = await settle(env.client.publish(env.account, draft));
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: unknown }).error;
    expect(ApiCallError.isInstance(error)).toBe(true);
    expect((error as ApiCallError).isRetryable).toBe(false);
    expect(env.sim.posts()).toHaveLength(0);
  });
});
