import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generatedBytes, mp4Header } from '@smm/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../errors/index.js';
import { createMediaBody } from './media-body.js';
import { openMediaBody } from './open-media-body.js';
import { uploadInChunks } from './upload-in-chunks.js';

/**
 * A loopback upload server that keeps no bytes: it hashes what it accepts, in order, and
 * records each chunk it accepts. `cutWhileReceiving` chunks lose the connection halfway through
 * their body (not stored); `cutAfterStoring` chunks are stored, then the answer is lost.
 */
function uploadServer(options: { cutWhileReceiving?: number[]; cutAfterStoring?: number[] }) {
  const cutWhile = new Set(options.cutWhileReceiving);
  const cutAfter = new Set(options.cutAfterStoring);
  let hash = createHash('sha256');
  const accepted: number[] = [];
  let heldBytes = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/status') {
      res.end(JSON.stringify({ bytes: heldBytes }));
      return;
    }
    const index = Number(url.searchParams.get('index'));
    const offset = Number(url.searchParams.get('offset'));
    const length = Number(req.headers['content-length']);
    // Hash as bytes arrive (nothing kept); the running hash is adopted only if the chunk is accepted.
    const pending = hash.copy();
    let received = 0;
    req.on('data', (piece: Buffer) => {
      received += piece.length;
      pending.update(piece);
      if (cutWhile.has(index) && received >= length / 2) {
        cutWhile.delete(index);
        req.socket.destroy();
      }
    });
    req.on('end', () => {
      if (offset !== heldBytes) {
        res.statusCode = 409;
        res.end();
        return;
      }
      hash = pending;
      heldBytes += received;
      accepted.push(index);
      if (cutAfter.has(index)) {
        cutAfter.delete(index);
        req.socket.destroy();
        return;
      }
      res.end('{}');
    });
  });
  return {
    accepted,
    digest: () => hash.digest('hex'),
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function sender(base: string) {
  return {
    async sendChunk({
      index,
      offset,
      bytes,
      signal,
    }: {
      index: number;
      offset: number;
      bytes: Uint8Array;
      signal: AbortSignal | undefined;
    }) {
      const response = await fetch(`${base}/chunk?index=${index}&offset=${offset}`, {
        method: 'POST',
        body: bytes as Uint8Array<ArrayBuffer>,
        ...(signal ? { signal } : {}),
      });
      if (!response.ok) throw new ApiCallError(`chunk ${index} refused`, { status: response.status });
      await response.arrayBuffer();
    },
    async queryAcknowledged() {
      return ((await (await fetch(`${base}/status`)).json()) as { bytes: number }).bytes;
    },
  };
}

describe('uploadInChunks', () => {
  it('resumes after connections cut mid-chunk and after a lost answer: the server gets each chunk once, bytes in order', async () => {
    const server = uploadServer({ cutWhileReceiving: [1, 4], cutAfterStoring: [2] });
    servers.push(server);
    const base = await server.start();
    const bytes = new Uint8Array(7 * 1000 + 123).map((_, i) => (i * 31) & 0xff);
    const body = createMediaBody({
      sizeBytes: bytes.length,
      mimeType: 'application/octet-stream',
      rereadable: true,
      read: async function* (o) {
        yield bytes.subarray(o);
      },
    });
    const progress: number[] = [];
    const result = await uploadInChunks({
      body,
      chunkSize: 1000,
      ...sender(base),
      onProgress: ({ sentBytes }) => progress.push(sentBytes),
    });
    expect(server.accepted).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(server.digest()).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(result).toEqual({ sentBytes: bytes.length, chunks: 8 });
    expect(progress.at(-1)).toBe(bytes.length);
  });

  it('without a way to ask the server, a dropped connection ends the upload with a NetworkError', async () => {
    const server = uploadServer({ cutWhileReceiving: [0] });
    servers.push(server);
    const base = await server.start();
    const body = createMediaBody({
      sizeBytes: 10,
      mimeType: 'application/octet-stream',
      rereadable: true,
      read: async function* () {
        yield new Uint8Array(10);
      },
    });
    await expect(uploadInChunks({ body, chunkSize: 4, sendChunk: sender(base).sendChunk })).rejects.toMatchObject({ name: 'NetworkError' });
  });

  it('streams a ~300 MB video from a generator through a cut connection with RSS growth under half the file', async () => {
    const server = uploadServer({ cutWhileReceiving: [9] });
    servers.push(server);
    const base = await server.start();
    const mediaBytes = 300 * 1024 * 1024;
    const header = mp4Header({ durationMs: 120_000, width: 1920, height: 1080, mediaBytes });
    const total = header.length + mediaBytes;
    const body = await openMediaBody(
      { type: 'stream', stream: generatedBytes({ totalBytes: total, prefix: header }), sizeBytes: total },
      { mimeType: 'video/mp4' },
    );
    // The baseline is taken once three chunks are through, so loading fetch's own code and its
    // first buffers (a fixed cost, not growth with the file's size) are not counted.
    let before: number | undefined;
    let seen = 0;
    let peak = 0;
    const chunkSize = 4 * 1024 * 1024;
    await uploadInChunks({
      body,
      chunkSize,
      ...sender(base),
      onProgress: () => {
        const rss = process.memoryUsage().rss;
        seen += 1;
        if (seen === 3) before = rss;
        peak = Math.max(peak, rss);
      },
    });
    const chunks = Math.ceil(total / chunkSize);
    expect(server.accepted).toEqual(Array.from({ length: chunks }, (_, i) => i));
    // This process runs both ends (the uploader and the loopback server reading every chunk), so
    // its RSS counts both, and it falls only when the collector runs: 60-110 MB under a loaded
    // test run. A body read whole would add the file's 300 MB, so half the file is the bound that
    // tells. The conformance check, which counts the uploading side only, holds the 64 MB of issue 16.
    expect(peak - before!).toBeLessThan(total / 2);
  }, 120_000);
});
