import { generatedBytes, mp4Header, pngFile } from '@smm/testkit';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMediaBody } from './open-media-body.js';
import { probeMedia } from './probe-media.js';

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'smm-probe-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('probeMedia', () => {
  it.each([
    [1, 1],
    [1200, 628],
    [37, 2000],
  ])('reads a %i×%i PNG as image/png with those dimensions', async (width, height) => {
    const bytes = pngFile(width, height);
    const probe = await probeMedia(await openMediaBody({ type: 'bytes', base64: toBase64(bytes) }, { mimeType: 'image/png' }));
    expect(probe).toEqual({ sizeBytes: bytes.length, mimeType: 'image/png', width, height });
  });

  it('reads an MP4 file: duration, codec and dimensions from its moov box', async () => {
    const header = mp4Header({ durationMs: 12_500, width: 1280, height: 720, mediaBytes: 3 * 1024 * 1024 });
    const path = join(dir, 'clip.mp4');
    const file = new Uint8Array(header.length + 3 * 1024 * 1024);
    file.set(header);
    await writeFile(path, file);
    const probe = await probeMedia(await openMediaBody({ type: 'file', path }, { mimeType: 'video/mp4' }));
    expect(probe).toEqual({
      sizeBytes: file.length,
      mimeType: 'video/mp4',
      width: 1280,
      height: 720,
      durationMs: 12_500,
      videoCodec: 'avc1',
    });
  });

  it('reads an MP4 whose moov comes after its media data, by skipping the mdat box (a re-readable body)', async () => {
    const mediaBytes = 2 * 1024 * 1024;
    const front = mp4Header({ durationMs: 61_000, width: 640, height: 480, mediaBytes, codec: 'hvc1' });
    // Move moov behind mdat: ftyp | mdat | moov (offsets in stco do not matter to the probe).
    const ftypLength = new DataView(front.buffer).getUint32(0);
    const moov = front.subarray(ftypLength, front.length - 8);
    const mdatHeader = front.subarray(front.length - 8);
    const file = new Uint8Array(ftypLength + 8 + mediaBytes + moov.length);
    file.set(front.subarray(0, ftypLength));
    file.set(mdatHeader, ftypLength);
    file.set(moov, ftypLength + 8 + mediaBytes);
    const probe = await probeMedia(await openMediaBody({ type: 'blob', blob: new Blob([file]) }, { mimeType: 'video/mp4' }));
    expect(probe).toMatchObject({ durationMs: 61_000, width: 640, height: 480, videoCodec: 'hvc1' });
  });

  it('probes a one-shot stream from its head and still hands every byte on afterwards', async () => {
    const header = mp4Header({ durationMs: 3_000, width: 1080, height: 1920, mediaBytes: 5 * 1024 * 1024 });
    const total = header.length + 5 * 1024 * 1024;
    const body = await openMediaBody(
      { type: 'stream', stream: generatedBytes({ totalBytes: total, prefix: header }), sizeBytes: total },
      { mimeType: 'video/mp4' },
    );
    const probe = await probeMedia(body);
    expect(probe).toMatchObject({ mimeType: 'video/mp4', durationMs: 3_000, width: 1080, height: 1920 });
    let read = 0;
    for await (const piece of body.stream()) read += piece.length;
    expect(read).toBe(total);
  });

  it('leaves what it cannot read absent (bytes of no known type)', async () => {
    const probe = await probeMedia(
      await openMediaBody({ type: 'bytes', base64: toBase64(new Uint8Array(100).fill(7)) }, { mimeType: 'image/png' }),
    );
    expect(probe).toEqual({ sizeBytes: 100 });
  });
});
