import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@smm/core/client';
import { ValidationError } from '@smm/core/adapter-kit';
import { generatedBytes, mp4Header, pngFile } from '@smm/testkit/media-files';
import { afterEach, describe, expect, it } from 'vitest';
import { settle, testEnv } from './__tests__/test-env.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A client whose fetch hashes each uploadBlob body as it arrives (read whole here, in the test only). */
function hashingClient(env: ReturnType<typeof testEnv>) {
  const uploaded: Array<{ sha256: string; size: number; length: string | null; type: string | null }> = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (new URL(request.url).pathname === '/xrpc/com.atproto.repo.uploadBlob') {
      const bytes = new Uint8Array(await request.clone().arrayBuffer());
      uploaded.push({
        sha256: sha256(bytes),
        size: bytes.length,
        length: request.headers.get('content-length'),
        type: request.headers.get('content-type'),
      });
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
  it('uploads an image given as a file path, bytes intact with content-type and content-length, aspectRatio from the probe', async () => {
    const env = testEnv();
    const { client, uploaded } = hashingClient(env);
    const png = pngFile(40, 30);
    const dir = await mkdtemp(join(tmpdir(), 'smm-bluesky-'));
    dirs.push(dir);
    await writeFile(join(dir, 'grey.png'), png);
    await client.publish(env.account, {
      text: 'from a file',
      media: [{ kind: 'image', mimeType: 'image/png', source: { type: 'file', path: join(dir, 'grey.png') }, altText: 'Grey' }],
    });
    expect(uploaded).toEqual([{ sha256: sha256(png), size: png.length, length: String(png.length), type: 'image/png' }]);
    const record = env.sim.posts()[0]!.extra.record as { embed: { images: Array<{ alt: string; aspectRatio?: unknown }> } };
    expect(record.embed.images).toEqual([expect.objectContaining({ alt: 'Grey', aspectRatio: { width: 40, height: 30 } })]);
  });

  it('uploads a video given as a stream, bytes intact', async () => {
    const env = testEnv();
    const { client, uploaded } = hashingClient(env);
    const totalBytes = 3 * 1024 * 1024 + 5;
    const prefix = mp4Header({
      durationMs: 4_000,
      width: 640,
      height: 360,
      mediaBytes: totalBytes - mp4Header({ durationMs: 4_000, width: 640, height: 360, mediaBytes: 0 }).length,
    });
    const expected = createHash('sha256');
    for await (const piece of generatedBytes({ totalBytes, prefix })) expected.update(piece);
    await client.publish(env.account, {
      text: 'from a stream',
      media: [
        {
          kind: 'video',
          mimeType: 'video/mp4',
          source: { type: 'stream', stream: generatedBytes({ totalBytes, prefix }), sizeBytes: totalBytes },
          altText: 'Clip',
        },
      ],
    });
    expect(uploaded).toEqual([{ sha256: expected.digest('hex'), size: totalBytes, length: String(totalBytes), type: 'video/mp4' }]);
    expect(env.sim.posts()).toHaveLength(1);
  });

  it('refuses an image above 1 000 000 bytes of a type Bluesky does not take before any request, listing every problem', async () => {
    const env = testEnv();
    const outcome = await settle(
      env.client.publish(env.account, {
        text: 'too big',
        media: [
          {
            kind: 'image',
            mimeType: 'image/bmp',
            source: {
              type: 'stream',
              stream: generatedBytes({ totalBytes: 1_200_000, prefix: new TextEncoder().encode('BM') }),
              sizeBytes: 1_200_000,
            },
          },
        ],
      }),
    );
    expect(!outcome.ok && ValidationError.isInstance(outcome.error)).toBe(true);
    const paths = (outcome.ok ? [] : (outcome.error as ValidationError).issues).map((issue) => issue.path.join('.'));
    expect(paths.sort()).toEqual(['media.0.mimeType', 'media.0.sizeBytes']);
    expect(env.sim.requests).toHaveLength(0);
  });
});
