import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { json, startLoopback, type Loopback } from './__tests__/loopback-server.js';
import { createHttpClient, type HttpClientOptions } from './index.js';

const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function serve(...args: Parameters<typeof startLoopback>): Promise<Loopback> {
  const server = await startLoopback(...args);
  servers.push(server);
  return server;
}
const fast = { retryBaseDelayMs: 1, retryMaxDelayMs: 5 } satisfies Partial<HttpClientOptions>;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// 3 pieces of 64 KiB of ASCII (the loopback server records bodies as text).
const PIECES = ['a', 'b', 'c'].map((letter) => letter.repeat(64 * 1024));
async function* pieces(): AsyncIterable<Uint8Array> {
  for (const piece of PIECES) yield new TextEncoder().encode(piece);
}

describe('streamBody', () => {
  it('sends the stream with the declared content-length; the server gets the bytes intact', async () => {
    const server = await serve((_request, response) => json(response, 200, { ok: true }));
    const http = createHttpClient({ platform: 'bluesky', baseUrl: server.url, ...fast });
    const size = PIECES.join('').length;
    await http.request({
      method: 'POST',
      path: '/upload',
      streamBody: pieces,
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
      idempotent: true,
    });
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.headers['content-length']).toBe(String(size));
    expect(sha256(server.received[0]!.body)).toBe(sha256(PIECES.join('')));
  });

  it('asks for a fresh stream on a retry, and stops with the factory error when it cannot give one', async () => {
    let calls = 0;
    const server = await serve((_request, response, raw) => {
      if (++calls === 1) raw.socket.destroy();
      else json(response, 200, { ok: true });
    });
    const http = createHttpClient({ platform: 'bluesky', baseUrl: server.url, ...fast });
    let made = 0;
    await http.request({ method: 'POST', path: '/again', streamBody: () => (made++, pieces()), idempotent: true });
    expect(made).toBe(2);
    expect(sha256(server.received.at(-1)!.body)).toBe(sha256(PIECES.join('')));

    calls = 0;
    let reads = 0;
    const oneShot = () => {
      if (reads++ > 0) throw new Error('this stream was read already');
      return pieces();
    };
    const failure = await http.request({ method: 'POST', path: '/once', streamBody: oneShot, idempotent: true }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((failure as Error).message).toBe('this stream was read already');
    expect(reads).toBe(2);
  });
});
