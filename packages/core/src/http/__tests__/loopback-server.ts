import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the loopback server received it. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface Loopback {
  url: string;
  port: number;
  received: Received[];
  /** Requests being handled right now, and the most at once. */
  active: number;
  peak: number;
  close(): Promise<void>;
}

export type Handler = (request: Received, response: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

/** A node:http server on 127.0.0.1 (an ephemeral port unless one is given) that records what it gets. */
export async function startLoopback(handler: Handler, port = 0): Promise<Loopback> {
  const state = { received: [] as Received[], active: 0, peak: 0 };
  const server = createServer((raw, response) => {
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      const request: Received = {
        method: raw.method ?? 'GET',
        url: raw.url ?? '/',
        headers: raw.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      state.received.push(request);
      state.active += 1;
      state.peak = Math.max(state.peak, state.active);
      const done = () => {
        state.active -= 1;
      };
      response.on('close', done);
      void Promise.resolve(handler(request, response, raw)).catch(() => raw.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    get received() {
      return state.received;
    },
    get active() {
      return state.active;
    },
    get peak() {
      return state.peak;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers JSON with the given status and headers. */
export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** A port that was just open and is now closed: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
