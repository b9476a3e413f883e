import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Per window of an {@link startXWindowServer}: requests let through and refused with 429. */
export interface WindowStats {
  ok: number;
  rejected: number;
}

/**
 * A loopback server enforcing an X-style window: `quota` requests per `windowMs`, fixed windows
 * on a whole-second grid starting at `origin`, `x-rate-limit-*` headers with the reset in epoch
 * seconds, 429 past the quota.
 */
export async function startXWindowServer(quota: number, windowMs: number) {
  const origin = Math.ceil(Date.now() / 1000) * 1000 + 1000;
  const windows = new Map<number, WindowStats>();
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const index = Math.floor((Date.now() - origin) / windowMs);
      const stats = windows.get(index) ?? { ok: 0, rejected: 0 };
      windows.set(index, stats);
      const reset = (origin + (index + 1) * windowMs) / 1000;
      const headers = { 'content-type': 'application/json', 'x-rate-limit-limit': String(quota), 'x-rate-limit-reset': String(reset) };
      if (stats.ok >= quota) {
        stats.rejected += 1;
        response.writeHead(429, { ...headers, 'x-rate-limit-remaining': '0' });
        response.end('{"errors":[{"code":88,"message":"Rate limit exceeded"}]}');
        return;
      }
      stats.ok += 1;
      response.writeHead(200, { ...headers, 'x-rate-limit-remaining': String(quota - stats.ok) });
      response.end('{"data":{"id":"1"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    origin,
    windows,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
