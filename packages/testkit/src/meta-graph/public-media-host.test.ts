import type { AdapterMediaRef } from '@smm/core/adapter-kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createSimulatorEngine } from '../simulator/index.js';
import { createPublicMediaHost, graphFaultResponses } from './index.js';

// The 8-byte PNG signature (RFC 2083 §12.11: 137 80 78 71 13 10 26 10), in base64.
const PNG_SIGNATURE = 'iVBORw0KGgo=';
const PNG_SIGNATURE_BYTES = [137, 80, 78, 71, 13, 10, 26, 10];

/** A streamed body (spec v1.1 shape) that yields the given chunk sizes and tells how far it was read. */
function streamedBody(sizes: number[], onChunk?: (index: number) => void) {
  const read = { chunks: 0, closed: false };
  return {
    read,
    body: {
      sizeBytes: sizes.reduce((sum, size) => sum + size, 0),
      mimeType: 'video/mp4',
      rereadable: false,
      async *stream() {
        try {
          for (const [index, size] of sizes.entries()) {
            onChunk?.(index);
            read.chunks += 1;
            yield new Uint8Array(size).fill(7);
          }
        } finally {
          read.closed = true;
        }
      },
      chunks: () => {
        throw new Error('the host reads stream(), not chunks()');
      },
    },
  };
}

describe('createPublicMediaHost: what it keeps and the URL it answers', () => {
  it('keeps base64 bytes and answers <baseUrl>/_media/<n>.<ext>', async () => {
    const host = createPublicMediaHost('https://media.example.com/');
    const { url } = await host.urlFor({ kind: 'image', source: { type: 'bytes', base64: PNG_SIGNATURE }, mimeType: 'image/png' });
    expect(url).toBe('https://media.example.com/_media/1.png');
    expect(host.files()).toEqual([
      { id: '1', url, kind: 'image', mimeType: 'image/png', sizeBytes: 8, bytes: new Uint8Array(PNG_SIGNATURE_BYTES) },
    ]);
  });

  it('passes a URL source through: nothing is stored', async () => {
    const host = createPublicMediaHost('https://media.example.com');
    const source = { type: 'url' as const, url: 'https://cdn.example.com/spring.jpg' };
    expect(await host.urlFor({ kind: 'image', source, mimeType: 'image/jpeg' })).toEqual({ url: 'https://cdn.example.com/spring.jpg' });
    expect(host.files()).toEqual([]);
    expect(host.lookup('https://cdn.example.com/spring.jpg')).toBeUndefined();
  });

  it('reads a streamed body to the end and counts it without keeping the bytes', async () => {
    const host = createPublicMediaHost('https://media.example.com');
    const { body, read } = streamedBody([3, 5, 1000]);
    // What core hands an adapter that declares media.streamedBodies: empty base64 and the body.
    const media: AdapterMediaRef = { kind: 'video', source: { type: 'bytes', base64: '' }, mimeType: 'video/mp4', body };
    const { url } = await host.urlFor(media, { signal: new AbortController().signal });
    expect(url).toBe('https://media.example.com/_media/1.mp4');
    expect(read).toEqual({ chunks: 3, closed: true });
    expect(host.lookup(url)).toEqual({ id: '1', url, kind: 'video', mimeType: 'video/mp4', sizeBytes: 1008 });
    expect(host.lookup(url)).not.toHaveProperty('bytes');
  });

  it('adds a file directly, its kind from the media type', () => {
    const host = createPublicMediaHost('https://media.example.com');
    const url = host.add(new Uint8Array([0, 0, 0, 24]), 'video/quicktime');
    expect(url).toBe('https://media.example.com/_media/1.mov');
    expect(host.files()).toEqual([
      { id: '1', url, kind: 'video', mimeType: 'video/quicktime', sizeBytes: 4, bytes: new Uint8Array([0, 0, 0, 24]) },
    ]);
  });

  it('numbers files in arrival order whatever way they came, with the usual extensions', async () => {
    const host = createPublicMediaHost('https://media.example.com');
    host.add(new Uint8Array([1]), 'image/jpeg');
    await host.urlFor({ source: { type: 'bytes', base64: 'AAEC/w==' }, mimeType: 'image/webp' });
    await host.urlFor({ kind: 'video', source: { type: 'bytes', base64: '' }, mimeType: 'video/mp4', body: streamedBody([2]).body });
    host.add(new Uint8Array([1, 2]), 'application/x.odd+type');
    expect(host.files().map((file) => [file.url, file.kind, file.sizeBytes])).toEqual([
      ['https://media.example.com/_media/1.jpg', 'image', 1],
      ['https://media.example.com/_media/2.webp', 'image', 4],
      ['https://media.example.com/_media/3.mp4', 'video', 2],
      ['https://media.example.com/_media/4.bin', 'application', 2],
    ]);
  });
});

describe('createPublicMediaHost: cancelling', () => {
  it('rejects with the reason of an already aborted signal and stores nothing', async () => {
    const host = createPublicMediaHost('https://media.example.com');
    const reason = new Error('publish cancelled');
    const { body, read } = streamedBody([10]);
    const media = { kind: 'video', source: { type: 'bytes' as const, base64: '' }, mimeType: 'video/mp4', body };
    await expect(host.urlFor(media, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    await expect(
      host.urlFor({ source: { type: 'bytes', base64: PNG_SIGNATURE }, mimeType: 'image/png' }, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    expect(read.chunks).toBe(0);
    expect(host.files()).toEqual([]);
  });

  it('stops reading a streamed body once the signal aborts mid-way, and stores nothing', async () => {
    const host = createPublicMediaHost('https://media.example.com');
    const controller = new AbortController();
    // The abort comes while the second chunk is being produced: the third is never asked for.
    const { body, read } = streamedBody([4, 4, 4], (index) => index === 1 && controller.abort(new Error('stop')));
    const media = { kind: 'video', source: { type: 'bytes' as const, base64: '' }, mimeType: 'video/mp4', body };
    await expect(host.urlFor(media, { signal: controller.signal })).rejects.toThrow('stop');
    expect(read).toEqual({ chunks: 2, closed: true });
    expect(host.files()).toEqual([]);
  });
});

describe('createPublicMediaHost: lookup', () => {
  it('finds a file by the exact URL it handed out, and by path under any host name', () => {
    const host = createPublicMediaHost('https://media.example.com');
    const url = host.add(new Uint8Array([9, 9]), 'image/gif');
    expect(url).toBe('https://media.example.com/_media/1.gif');
    expect(host.lookup('https://media.example.com/_media/1.gif')?.sizeBytes).toBe(2);
    expect(host.lookup('https://other.example.com/_media/1.gif')).toBeUndefined();
    expect(host.lookup('https://media.example.com/_media/2.gif')).toBeUndefined();
    expect(host.lookup('not a url')).toBeUndefined();
    expect(host.atPath('/_media/1.gif')?.url).toBe('https://media.example.com/_media/1.gif');
    expect(host.atPath('/_media/1.png')).toBeUndefined();
    expect(host.atPath('/m/1.gif')).toBeUndefined();
  });
});

describe('createPublicMediaHost: the route a simulator mounts', () => {
  const serve = () => {
    const host = createPublicMediaHost('https://media.example.com');
    const clock = createFakeClock({ now: '2026-12-01T00:00:00Z' });
    const engine = createSimulatorEngine({
      platform: 'media',
      baseUrl: 'https://sim.example',
      clock,
      routes: [host.route],
      faultResponses: graphFaultResponses({ clock }),
    });
    return { host, get: (path: string) => engine.fetch(`https://sim.example${path}`) };
  };

  it('serves kept bytes with their content type and length', async () => {
    const { host, get } = serve();
    await host.urlFor({ kind: 'image', source: { type: 'bytes', base64: PNG_SIGNATURE }, mimeType: 'image/png' });
    const response = await get('/_media/1.png');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-length')).toBe('8');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual(PNG_SIGNATURE_BYTES);
  });

  it('answers 404 for a file it does not have, under another extension, or streamed (not kept)', async () => {
    const { host, get } = serve();
    host.add(new Uint8Array([1, 2, 3]), 'image/png');
    await host.urlFor({ kind: 'video', source: { type: 'bytes', base64: '' }, mimeType: 'video/mp4', body: streamedBody([5]).body });
    for (const path of ['/_media/3.png', '/_media/1.jpg', '/_media/2.mp4']) {
      const response = await get(path);
      expect([path, response.status]).toEqual([path, 404]);
    }
  });

  it('serves back exactly the bytes it was given, whatever they are', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const { host, get } = serve();
        const { url } = await host.urlFor({
          source: { type: 'bytes', base64: Buffer.from(bytes).toString('base64') },
          mimeType: 'image/png',
        });
        const response = await get(new URL(url).pathname);
        expect(response.headers.get('content-length')).toBe(String(bytes.length));
        expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
      }),
      { numRuns: 50 },
    );
  });
});
