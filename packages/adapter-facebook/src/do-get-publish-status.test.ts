import { ApiCallError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { settle, testEnv, urlMedia } from './__tests__/test-env.js';

const PAGE = '104776002231';
const V = 'v26.0';
// 2.5 chunks of 4 bytes, so the upload takes three transfers.
const bytes = btoa('0123456789');
const video = { kind: 'video' as const, source: { type: 'bytes' as const, base64: bytes }, mimeType: 'video/mp4' };

describe('publishing a video (a pending publish)', () => {
  it('uploads in the windows Graph names, finishes with the description, waits for processing and answers the video post', async () => {
    const env = testEnv({ simulator: { videoChunkBytes: 4, videoProcessing: { durationMs: 12_000 } } });
    const { published } = await env.client.publish(env.account, {
      text: 'Office tour',
      media: [video],
      networkOptions: { facebook: { videoTitle: 'Tour' } },
    });
    const uploads = env.sim.requests.filter((request) => request.method === 'POST');
    expect(uploads.map((request) => (request.body as Record<string, unknown>).upload_phase)).toEqual([
      'start',
      'transfer',
      'transfer',
      'transfer',
      'finish',
    ]);
    expect(uploads.every((request) => request.path === `/${V}/${PAGE}/videos`)).toBe(true);
    expect(uploads[0]!.body).toEqual({ upload_phase: 'start', file_size: 10 });
    expect(uploads.slice(1, 4).map((request) => (request.body as Record<string, unknown>).start_offset)).toEqual(['0', '4', '8']);
    expect(uploads[4]!.body).toMatchObject({ upload_phase: 'finish', description: 'Office tour', title: 'Tour' });
    const [upload] = env.sim.videos();
    expect(upload).toMatchObject({ status: 'ready', bytes: 10 });
    expect(published.parts[0]!.id).toBe(upload!.postId);
    expect(env.sim.posts().filter((post) => post.text === 'Office tour')).toHaveLength(1);
    // Polled GET /{video-id} until ready, never uploading again.
    expect(env.requests().filter((line) => line === `GET /${V}/${upload!.videoId}`).length).toBeGreaterThanOrEqual(2);
  });

  it('hands a video given by URL over as file_url', async () => {
    const env = testEnv();
    await env.client.publish(env.account, {
      text: 'By URL',
      media: [urlMedia('video', 'https://cdn.example.com/v.mp4')],
    });
    const first = env.sim.requests.find((request) => request.method === 'POST')!;
    expect(first.body).toEqual({ description: 'By URL', file_url: 'https://cdn.example.com/v.mp4' });
  });

  it('fails for good, naming Facebook’s reason, when processing fails', async () => {
    const env = testEnv({ simulator: { videoProcessing: { fail: true } } });
    const outcome = await settle(env.client.publish(env.account, { text: 'Broken', media: [video] }));
    expect(outcome.ok).toBe(false);
    const error = outcome.ok ? undefined : outcome.error;
    expect(ApiCallError.isInstance(error)).toBe(true);
    expect((error as ApiCallError).isRetryable).toBe(false);
    expect((error as ApiCallError).message).toMatch(/could not process video \d+ \(Video could not be processed/);
    expect(env.sim.posts().filter((post) => post.text === 'Broken')).toHaveLength(0);
  });
});
