import { createClient } from '@smm/core/client';
import type { MediaRef } from '@smm/core/adapter-kit';
import { ValidationError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { ONE_PIXEL_PNG_BASE64, settle, testEnv } from './__tests__/test-env.js';

// Eight bytes that stand in for a video file: the simulator processes any video for 2 s by default.
const video: MediaRef = { kind: 'video', source: { type: 'bytes', base64: 'AAAAGGZ0eXA=' }, mimeType: 'video/mp4', altText: 'A clip' };
const image: MediaRef = {
  kind: 'image',
  source: { type: 'bytes', base64: ONE_PIXEL_PNG_BASE64 },
  mimeType: 'image/png',
  altText: 'A pixel',
};

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

describe('media processing as a pending publish', () => {
  it('wait: false answers pending after the upload; a new client resumes from the stored handle and one status exists', async () => {
    const env = testEnv({ simulator: { videoProcessingMs: 60_000 } });
    const result = await env.client.publish(env.account, { text: 'a clip', media: [video] }, { wait: false });
    expect(result.published).toBeUndefined();
    const pending = result.pending!;
    const handle = pending.handle as { processing: string[] };
    // Only the upload so far: no status, and the handle names the attachment to wait for.
    expect(env.requests()).toEqual(['POST /api/v2/media']);
    expect(handle.processing).toHaveLength(1);
    expect(env.sim.posts()).toEqual([]);

    const stored = JSON.parse(JSON.stringify(pending));
    // Still processing: one look says so and posts nothing.
    const look = await restarted(env).publishStatus(stored);
    expect(look.published).toBeUndefined();
    expect(env.sim.posts()).toEqual([]);

    env.clock.advance(60_000);
    const published = await restarted(env).awaitPublish(stored);
    const live = env.sim.posts().filter((post) => !post.deleted);
    expect(live.map((post) => [post.id, post.text, post.mediaIds])).toEqual([[published.parts[0]!.id, 'a clip', handle.processing]]);

    // Resuming again (a crash before the result was recorded) returns the same status, posts no second one.
    const again = await restarted(env).awaitPublish(stored);
    expect(again.parts[0]!.id).toBe(published.parts[0]!.id);
    expect(env.sim.posts().filter((post) => !post.deleted)).toHaveLength(1);
  });

  it('posts at once, without a pending answer, when every attachment is processed on upload (images)', async () => {
    const env = testEnv();
    const result = await env.client.publish(env.account, { text: 'a picture', media: [image] }, { wait: false });
    expect(result.pending).toBeUndefined();
    expect(env.requests()).toEqual(['POST /api/v2/media', 'POST /api/v1/statuses']);
  });

  it('a thread with a video in its second part waits for it, then posts the chain in order', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'one', media: [image], thread: [{ text: 'two', media: [video] }] });
    const live = env.sim.posts().filter((post) => !post.deleted);
    expect(live.map((post) => post.text)).toEqual(['one', 'two']);
    expect(published.parts.map((part) => part.id)).toEqual(live.map((post) => post.id));
    // The second status replies to the first.
    const creates = env.sim.requests.filter((r) => r.path === '/api/v1/statuses');
    expect((creates[1]!.body as { in_reply_to_id?: string }).in_reply_to_id).toBe(live[0]!.id);
  });

  it('refuses a handle that is not one of this adapter’s with a ValidationError naming the field', async () => {
    const env = testEnv();
    const outcome = await settle(
      env.client.publishStatus({
        platform: 'mastodon',
        accountId: env.sim.account.id,
        handle: { processing: ['1'] },
        idempotencyKey: 'k',
        since: new Date(env.clock.now()).toISOString(),
      } as never),
    );
    expect(!outcome.ok && ValidationError.isInstance(outcome.error)).toBe(true);
    expect(!outcome.ok && String((outcome.error as Error).message)).toContain('statuses');
    expect(env.sim.requests).toHaveLength(0);
  });
});
