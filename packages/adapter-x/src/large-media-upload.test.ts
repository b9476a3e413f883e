import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '@smm/core/client';
import { generatedBytes, mp4Header } from '@smm/testkit/media-files';
import { createXSimulator } from '@smm/testkit/x';
import { createXAdapter } from './index.js';

const MiB = 1024 * 1024;
const TOTAL = 300 * MiB;
const CHUNK = 4 * MiB; // the adapter's default mediaChunkBytes
// A 60 s 1280×720 MP4: valid header boxes (core probes them), then filler up to 300 MB.
const prefix = mp4Header({
  durationMs: 60_000,
  width: 1280,
  height: 720,
  mediaBytes: TOTAL - mp4Header({ durationMs: 60_000, width: 1280, height: 720, mediaBytes: 0 }).length,
});
const source = () => generatedBytes({ totalBytes: TOTAL, prefix });

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('X media from a stream, in chunks (loopback simulator)', () => {
  it('uploads a 300 MB video stream in bounded memory and resumes after the connection is cut mid-append; each segment arrives once', async () => {
    const expectedHash = createHash('sha256');
    for await (const piece of source()) expectedHash.update(piece);
    const sha256 = expectedHash.digest('hex');

    const sim = createXSimulator({ seed: 5, mediaProcessing: { durationMs: 300 } });
    const server = await sim.listen();
    cleanups.push(() => server.close());
    // Cut the connection half way through the body of the 38th APPEND (segment 37 of 75).
    let appends = 0;
    sim.faults.inject({ kind: 'cut-mid-body', match: (request) => request.path.endsWith('/append') && ++appends === 38 });
    const client = createClient({
      adapters: [createXAdapter({ baseUrl: server.url })],
      accounts: [{ platform: 'x', id: sim.account.id, handle: sim.account.handle }],
      credentials: { [`x:${sim.account.id}`]: sim.credentials },
    });

    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      await client.publish(`x:${sim.account.id}`, {
        text: 'a long video',
        media: [{ kind: 'video', mimeType: 'video/mp4', source: { type: 'stream', stream: source(), sizeBytes: TOTAL } }],
      });
    } finally {
      clearInterval(sample);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(peak - before).toBeLessThan(64 * MiB);

    // The cut request never completed, so the simulator never saw it; it was sent again.
    expect(appends).toBeGreaterThan(38);
    const [upload] = sim.mediaUploads();
    const segments = Math.ceil(TOTAL / CHUNK); // 75
    expect(upload!.appends.map((append) => append.segmentIndex)).toEqual([...Array(segments).keys()]);
    expect(upload!.appends.reduce((sum, append) => sum + append.bytes, 0)).toBe(TOTAL);
    expect(upload!.sha256).toBe(sha256);
    const logged = sim.requests
      .filter((request) => request.path.endsWith('/append'))
      .map((request) => (request.body as { segment_index: number }).segment_index);
    expect(logged).toEqual([...Array(segments).keys()]);
    const posts = sim.posts();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.mediaIds).toEqual([upload!.id]);
  }, 300_000);
});
