import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@smm/core/client';
import { PublishPendingTimeoutError, ValidationError } from '@smm/core/adapter-kit';
import type { MediaRef } from '@smm/core/adapter-kit';
import { generatedBytes, pngFile } from '@smm/testkit/media-files';
import { afterEach, describe, expect, it } from 'vitest';
import { ONE_PIXEL_PNG_BASE64, testEnv, settle } from './__tests__/test-env.js';

const image: MediaRef = {
  kind: 'image',
  source: { type: 'bytes', base64: ONE_PIXEL_PNG_BASE64 },
  mimeType: 'image/png',
  altText: 'A single pixel',
};
// Eight bytes that stand in for a video file: the simulator processes any video for 2 s.
const video: MediaRef = { kind: 'video', source: { type: 'bytes', base64: 'AAAAGGZ0eXA=' }, mimeType: 'video/mp4', altText: 'A clip' };

describe('media upload', () => {
  it('uploads multipart to /api/v2/media with the alt text as description, then attaches the id', async () => {
    const { sim, client, account, requests } = testEnv();
    await client.publish(account, { text: 'with a picture', media: [image] });

    expect(requests()).toEqual(['POST /api/v2/media', 'POST /api/v1/statuses']);
    const [upload, status] = sim.requests;
    expect(upload!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload!.headers['idempotency-key']).toBeUndefined();
    // Node's own base64 decoder is the oracle for the file size.
    expect(upload!.body).toEqual({
      file: { filename: 'upload.png', type: 'image/png', size: Buffer.from(ONE_PIXEL_PNG_BASE64, 'base64').length },
      description: 'A single pixel',
    });
    const [post] = sim.posts();
    expect(post!.mediaIds).toHaveLength(1);
    expect((status!.body as { media_ids: string[] }).media_ids).toEqual(post!.mediaIds);
  });

  it('waits for a video to be processed (202, then 206 until ready) on the clock before posting', async () => {
    const { clock, sim, client, account, requests } = testEnv();
    const start = clock.now();
    await client.publish(account, { text: 'with a clip', media: [video] });
    const mediaId = sim.posts()[0]!.mediaIds[0]!;
    const seen = requests();
    // Upload, then only looks at the attachment until it is processed, then the status.
    expect(seen[0]).toBe('POST /api/v2/media');
    expect(seen.at(-1)).toBe('POST /api/v1/statuses');
    const looks = seen.slice(1, -1);
    expect(looks.length).toBeGreaterThanOrEqual(2);
    expect(new Set(looks)).toEqual(new Set([`GET /api/v1/media/${mediaId}`]));
    // The simulator processes a video for 2 s: the status is created after that, never before.
    const statusAt = Date.parse(sim.requests.at(-1)!.at);
    expect(statusAt - start).toBeGreaterThanOrEqual(2_000);
    // Every look but the last came while it was processing (206); the last one saw it done.
    const lookTimes = sim.requests.filter((r) => r.path.startsWith('/api/v1/media/')).map((r) => Date.parse(r.at) - start);
    expect(lookTimes.slice(0, -1).every((ms) => ms < 2_000)).toBe(true);
    expect(lookTimes.at(-1)).toBeGreaterThanOrEqual(2_000);
  });

  it('stops waiting after mediaProcessingTimeoutMs with PublishPendingTimeoutError, posting nothing; the handle resumes', async () => {
    const { sim, client, account } = testEnv({ settings: { mediaProcessingTimeoutMs: 1_500 } });
    const result = await settle(client.publish(account, { text: 'too slow', media: [video] }));
    const error = result.ok ? undefined : result.error;
    expect(PublishPendingTimeoutError.isInstance(error)).toBe(true);
    expect(sim.posts()).toHaveLength(0);
    const published = await client.awaitPublish((error as PublishPendingTimeoutError).pending as Parameters<typeof client.awaitPublish>[0]);
    expect(sim.posts().map((post) => [post.id, post.text])).toEqual([[published.parts[0]!.id, 'too slow']]);
  });

  it('reads media given by URL as a stream from its server, never sending the token there', async () => {
    const png = Buffer.from(ONE_PIXEL_PNG_BASE64, 'base64');
    const seen: Array<{ method: string; authorization: string | undefined }> = [];
    // A media server on 127.0.0.1: core reads the URL (HEAD, then GET) and the adapter streams it on.
    const cdn = createServer((request, response) => {
      seen.push({ method: request.method!, authorization: request.headers.authorization });
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': String(png.length) });
      response.end(request.method === 'HEAD' ? undefined : png);
    });
    await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}/pixel.png`;
    try {
      const env = testEnv();
      await env.client.publish(env.account, {
        text: 'from a media server',
        media: [{ kind: 'image', source: { type: 'url', url }, mimeType: 'image/png', altText: 'a pixel' }],
      });
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((request) => request.authorization === undefined)).toBe(true);
      expect(env.sim.requests[0]!.body).toEqual({
        file: { filename: 'upload.png', type: 'image/png', size: png.length },
        description: 'a pixel',
      });
      expect(env.sim.posts()[0]!.mediaIds).toHaveLength(1);
    } finally {
      await new Promise((resolve) => cdn.close(resolve));
    }
  });

  it('uploads each thread part its own media', async () => {
    const { sim, client, account } = testEnv();
    await client.publish(account, { text: 'one', media: [image], thread: [{ text: 'two', media: [image, image] }] });
    expect(sim.posts().map((post) => post.mediaIds.length)).toEqual([1, 2]);
  });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A client whose fetch hashes the `file` part of each upload with undici's own multipart parser. */
function hashingClient(env: ReturnType<typeof testEnv>) {
  const uploaded: Array<{ sha256: string; size: number; description: unknown }> = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (request.method === 'POST' && new URL(request.url).pathname === '/api/v2/media') {
      const form = await request.clone().formData();
      const file = form.get('file') as File;
      uploaded.push({ sha256: sha256(new Uint8Array(await file.arrayBuffer())), size: file.size, description: form.get('description') });
    }
    return env.sim.fetch(request);
  };
  const client = createClient({
    adapters: [env.adapter],
    accounts: [env.client.accounts[0]!],
    credentials: { [env.account]: env.sim.credentials },
    clock: env.clock,
    fetch,
  });
  return { client, uploaded };
}

describe('streamed media bodies', () => {
  it('uploads an image given as a file path, bytes intact, as a streamed multipart body with its length', async () => {
    const env = testEnv();
    const { client, uploaded } = hashingClient(env);
    const png = pngFile(40, 30);
    const dir = await mkdtemp(join(tmpdir(), 'smm-mastodon-'));
    dirs.push(dir);
    await writeFile(join(dir, 'pixel.png'), png);
    await client.publish(env.account, {
      text: 'from a file',
      media: [{ kind: 'image', mimeType: 'image/png', source: { type: 'file', path: join(dir, 'pixel.png') }, altText: 'Grey' }],
    });
    expect(uploaded).toEqual([{ sha256: sha256(png), size: png.length, description: 'Grey' }]);
    const upload = env.sim.requests.find((request) => request.path === '/api/v2/media')!;
    expect(Number(upload.headers['content-length'])).toBe(upload.bodySize);
    expect(env.sim.posts()[0]!.mediaIds).toHaveLength(1);
  });

  it('uploads a video given as a stream, bytes intact, then publishes once processed', async () => {
    const env = testEnv();
    const { client, uploaded } = hashingClient(env);
    const totalBytes = 3 * 1024 * 1024 + 17;
    // The same generated bytes, collected independently for the expected hash.
    const expected = createHash('sha256');
    for await (const piece of generatedBytes({ totalBytes })) expected.update(piece);
    const { published } = await client.publish(env.account, {
      text: 'from a stream',
      media: [
        {
          kind: 'video',
          mimeType: 'video/mp4',
          source: { type: 'stream', stream: generatedBytes({ totalBytes }), sizeBytes: totalBytes },
          altText: 'Clip',
        },
      ],
    });
    expect(uploaded).toEqual([{ sha256: expected.digest('hex'), size: totalBytes, description: 'Clip' }]);
    expect(env.sim.posts().map((post) => post.id)).toEqual([published.parts[0]!.id]);
  });

  it('refuses an image breaking the rules (type, size) and missing alt text before any request, listing every problem', async () => {
    const env = testEnv();
    const big = 17 * 1024 * 1024;
    const outcome = await settle(
      env.client.publish(env.account, {
        text: 'too much',
        media: [
          {
            kind: 'image',
            mimeType: 'image/bmp',
            source: { type: 'stream', stream: generatedBytes({ totalBytes: big, prefix: new TextEncoder().encode('BM') }), sizeBytes: big },
          },
        ],
      }),
    );
    expect(!outcome.ok && ValidationError.isInstance(outcome.error)).toBe(true);
    const paths = (outcome.ok ? [] : (outcome.error as ValidationError).issues).map((issue) => issue.path.join('.'));
    // 17 MiB is above the 16 MB image_size_limit; image/bmp is not a supported type.
    expect(paths.sort()).toEqual(['media.0.mimeType', 'media.0.sizeBytes']);
    expect(env.sim.requests).toHaveLength(0);
  });
});
