import { describe, expect, it } from 'vitest';
import { createClient } from '@smm/core/client';
import { mp4Header, toBase64 } from '@smm/testkit/media-files';
import { ONE_PIXEL_PNG_BASE64, testEnv } from './__tests__/test-env.js';
import { createXAdapter } from './index.js';

const header = mp4Header({ durationMs: 3_000, width: 640, height: 360, mediaBytes: 4_096 });
const file = new Uint8Array(header.length + 4_096);
file.set(header);
const video = { kind: 'video' as const, mimeType: 'video/mp4', source: { type: 'bytes' as const, base64: toBase64(file) } };

describe('X media processing as a pending publish', () => {
  it('answers pending (wait: false) with a JSON handle; a new client resumes from it and exactly one post exists', async () => {
    // X answers check_after_secs 5 and takes 12 s to process the video.
    const env = testEnv({ simulator: { mediaProcessing: { durationMs: 12_000, checkAfterSecs: 5 } } });
    const result = await env.client.publish(env.account, { text: 'launch video', media: [video] }, { wait: false });
    expect(result.pending).toBeDefined();
    const pending = result.pending!;
    expect(pending.platform).toBe('x');
    // Nothing is posted while X processes the media.
    expect(env.sim.posts()).toHaveLength(0);
    const handle = pending.handle as { parts: Array<{ text: string; mediaIds: string[] }>; processing: Array<{ id: string }> };
    const mediaId = env.sim.mediaUploads()[0]!.id;
    expect(handle.parts).toEqual([{ text: 'launch video', mediaIds: [mediaId], mediaKeys: [`7_${mediaId}`] }]);
    expect(handle.processing).toEqual([{ id: mediaId }]);

    // Another process: a client that shares nothing with the first, given the stored JSON.
    const stored = JSON.parse(JSON.stringify(pending)) as typeof pending;
    const restarted = createClient({
      adapters: [createXAdapter({ baseUrl: env.sim.baseUrl })],
      accounts: [{ platform: 'x', id: env.sim.account.id, handle: env.sim.account.handle }],
      credentials: { [env.account]: env.sim.credentials },
      clock: env.clock,
      fetch: env.sim.fetch,
    });
    const first = await restarted.publishStatus(stored);
    // One look only: X is still processing (its STATUS says in progress).
    expect(first.pending).toBeDefined();
    expect(env.sim.posts()).toHaveLength(0);
    const published = await restarted.awaitPublish(stored);
    const posts = env.sim.posts().filter((post) => post.text === 'launch video');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.mediaIds).toEqual([mediaId]);
    expect(published.parts[0]!.id).toBe(posts[0]!.id);
    // Polls waited as X asked: every STATUS after the first at least 5 s after the one before.
    const statusTimes = env.sim.requests
      .filter((request) => request.method === 'GET' && request.path === '/2/media/upload')
      .map((request) => Date.parse(request.at));
    for (let i = 2; i < statusTimes.length; i += 1) expect(statusTimes[i]! - statusTimes[i - 1]!).toBeGreaterThanOrEqual(5_000);

    // Resuming once more (a crash after posting, before it was recorded) finds the post: no second one.
    const again = await restarted.awaitPublish(stored);
    expect(again.parts[0]!.id).toBe(posts[0]!.id);
    expect(env.sim.posts().filter((post) => post.text === 'launch video')).toHaveLength(1);
  });

  it('recognises a media-only post by its media key when resumed after it was created', async () => {
    const env = testEnv();
    const result = await env.client.publish(env.account, { text: '', media: [video] }, { wait: false });
    const published = await env.client.awaitPublish(result.pending!);
    const again = await env.client.awaitPublish(result.pending!);
    expect(again.parts[0]!.id).toBe(published.parts[0]!.id);
    expect(env.sim.posts()).toHaveLength(1);
  });

  it('publishes an image at once, even with wait: false (X does not process images)', async () => {
    const env = testEnv();
    const png = { kind: 'image' as const, mimeType: 'image/png', source: { type: 'bytes' as const, base64: ONE_PIXEL_PNG_BASE64 } };
    const result = await env.client.publish(env.account, { text: 'a picture', media: [png] }, { wait: false });
    expect(result.pending).toBeUndefined();
    expect(result.published!.parts[0]!.id).toBe(env.sim.posts()[0]!.id);
  });
});
