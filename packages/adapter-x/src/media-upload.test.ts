import { describe, expect, it } from 'vitest';
import { TimeoutError, ValidationError } from '@smm/core/adapter-kit';
import { ONE_PIXEL_PNG_BASE64, settle, testEnv } from './__tests__/test-env.js';

const png = {
  kind: 'image' as const,
  source: { type: 'bytes' as const, base64: ONE_PIXEL_PNG_BASE64 },
  mimeType: 'image/png',
  altText: 'One transparent pixel',
};
// The PNG fixture is 96 base64 characters ending in "==": 96 / 4 × 3 − 2 = 70 bytes.
const PNG_BYTES = 70;

function bytesOf(length: number): string {
  return Buffer.alloc(length, 7).toString('base64');
}

describe('media upload', () => {
  it('uploads an image through initialize, append and finalize (X OpenAPI paths) and alt text, then attaches its media id', async () => {
    const env = testEnv();
    await env.client.publish(env.account, { text: 'with a picture', media: [png] });
    const [init, append, finalize, metadata, tweet] = env.sim.requests;
    const mediaId = (tweet!.body as { media: { media_ids: string[] } }).media.media_ids[0]!;
    expect(env.requests()).toEqual([
      'POST /2/media/upload/initialize',
      `POST /2/media/upload/${mediaId}/append`,
      `POST /2/media/upload/${mediaId}/finalize`,
      'POST /2/media/metadata',
      'POST /2/tweets',
    ]);
    expect(init!.headers['content-type']).toMatch(/^application\/json/);
    expect(init!.body).toEqual({ media_type: 'image/png', total_bytes: PNG_BYTES, media_category: 'tweet_image' });
    expect(append!.headers['content-type']).toMatch(/^application\/json/);
    expect(append!.body).toEqual({ media: ONE_PIXEL_PNG_BASE64, segment_index: 0 });
    // Finalize takes no body in X's OpenAPI.
    expect(finalize!.body).toBeUndefined();
    expect(metadata!.body).toEqual({ id: mediaId, metadata: { alt_text: { text: 'One transparent pixel' } } });
    expect(tweet!.body).toEqual({ text: 'with a picture', media: { media_ids: [mediaId] } });
    expect(env.sim.posts()[0]!.mediaIds).toEqual([mediaId]);
  });

  it('sends large media in chunks of mediaChunkBytes, in order', async () => {
    const env = testEnv({ settings: { mediaChunkBytes: 65_536 } });
    const video = { kind: 'video' as const, source: { type: 'bytes' as const, base64: bytesOf(150_000) }, mimeType: 'video/mp4' };
    await env.client.publish(env.account, { text: 'a video', media: [video] });
    const appends = env.sim.requests.filter((request) => request.path.endsWith('/append'));
    expect(
      appends.map((request) => {
        const body = request.body as { segment_index: number; media: string };
        return [body.segment_index, Buffer.from(body.media, 'base64').length];
      }),
    ).toEqual([
      [0, 65_536],
      [1, 65_536],
      [2, 150_000 - 2 * 65_536],
    ]);
  });

  it('polls STATUS on the context clock until X has processed a video, and sends no alt text for it', async () => {
    const env = testEnv();
    const video = {
      kind: 'video' as const,
      source: { type: 'bytes' as const, base64: bytesOf(2_000) },
      mimeType: 'video/mp4',
      altText: 'ignored for video',
    };
    await env.client.publish(env.account, { text: 'processed video', media: [video] });
    const statuses = env.sim.requests.filter((request) => request.method === 'GET' && request.path === '/2/media/upload');
    expect(statuses.length).toBeGreaterThanOrEqual(1);
    expect(statuses[0]!.query).toEqual({ command: 'STATUS', media_id: expect.stringMatching(/^\d{1,19}$/) });
    const finalizedAt = Date.parse(env.sim.requests.find((request) => request.path.endsWith('/finalize'))!.at);
    const postedAt = Date.parse(env.sim.requests.find((request) => request.path === '/2/tweets')!.at);
    // The simulator takes 2 s of (simulated) time to process a video.
    expect(postedAt - finalizedAt).toBeGreaterThanOrEqual(2_000);
    expect(env.requests()).not.toContain('POST /2/media/metadata');
  });

  it('gives up with TimeoutError when processing outlasts mediaProcessingTimeoutMs, and posts nothing', async () => {
    const env = testEnv({ settings: { mediaProcessingTimeoutMs: 1_500 } });
    const video = { kind: 'video' as const, source: { type: 'bytes' as const, base64: bytesOf(1_000) }, mimeType: 'video/mp4' };
    const outcome = await settle(env.client.publish(env.account, { text: 'slow video', media: [video] }));
    expect(!outcome.ok && TimeoutError.isInstance(outcome.error)).toBe(true);
    expect(env.sim.posts()).toHaveLength(0);
  });

  it('reports failed processing as a ValidationError on that media item', async () => {
    const env = testEnv({
      fetch: (simFetch) => async (input, init) => {
        const request = new Request(input, init);
        if (request.method === 'GET' && new URL(request.url).pathname === '/2/media/upload') {
          const id = new URL(request.url).searchParams.get('media_id');
          return Response.json({
            data: {
              id,
              processing_info: { state: 'failed', error: { code: 1, name: 'InvalidMedia', message: 'Unsupported video codec' } },
            },
          });
        }
        return simFetch(request);
      },
    });
    const video = { kind: 'video' as const, source: { type: 'bytes' as const, base64: bytesOf(1_000) }, mimeType: 'video/mp4' };
    const outcome = await settle(env.client.publish(env.account, { text: 'bad video', thread: [{ text: 'part two', media: [video] }] }));
    const error = (outcome as { error: ValidationError }).error;
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error.issues).toEqual([expect.objectContaining({ path: ['thread', 0, 'media', 0], code: 'media_processing_failed' })]);
    expect(error.issues[0]!.message).toContain('Unsupported video codec');
  });

  it('downloads media given by URL with the settings fetch, never sending the X token there', async () => {
    const calls: Array<{ url: string; headers: Headers }> = [];
    const download: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      calls.push({ url: request.url, headers: request.headers });
      return new URL(request.url).pathname === '/missing.png'
        ? new Response('gone', { status: 404 })
        : new Response(Buffer.from(ONE_PIXEL_PNG_BASE64, 'base64'));
    };
    const env = testEnv({ settings: { fetch: download } });
    await env.client.publish(env.account, {
      text: 'from a url',
      media: [{ kind: 'image', source: { type: 'url', url: 'https://cdn.example/pixel.png' }, mimeType: 'image/png' }],
    });
    expect(calls.map((call) => call.url)).toEqual(['https://cdn.example/pixel.png']);
    expect(calls[0]!.headers.get('authorization')).toBeNull();
    expect((env.sim.requests[0]!.body as { total_bytes: number }).total_bytes).toBe(PNG_BYTES);

    const missing = await settle(
      env.client.publish(env.account, {
        text: 'missing',
        media: [{ kind: 'image', source: { type: 'url', url: 'https://cdn.example/missing.png?sig=secret' }, mimeType: 'image/png' }],
      }),
    );
    const error = (missing as { error: ValidationError }).error;
    expect(error.issues).toEqual([expect.objectContaining({ path: ['media', 0, 'source', 'url'], code: 'media_unavailable' })]);
    expect(error.message).not.toContain('sig=secret');
    expect(env.sim.posts().map((post) => post.text)).toEqual(['from a url']);
  });
});
