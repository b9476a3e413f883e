import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { Clock } from '@smm/core/clock';
import { createFaultInjector, type ActiveFault, type FaultInjector } from './faults.js';
import { readRequest, type RecordedRequest } from './request-log.js';
import { malformedJson } from './responses.js';

/** A request as a route handler sees it. */
export interface SimRequest extends RecordedRequest {
  /** Path parameters (`:id`). */
  params: Record<string, string>;
  searchParams: URLSearchParams;
  /** The address the simulator is served at (its base URL, or the `listen` URL). */
  origin: string;
  /** The raw body bytes (empty for GET): for networks that hash what they receive (Bluesky blob CIDs). */
  bytes: Uint8Array;
}

/** One endpoint of a simulated network. */
export interface SimRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path pattern with `:name` parameters, e.g. `/2/tweets/:id`. */
  path: string;
  handle(request: SimRequest): Response | Promise<Response>;
}

/** How a network answers injected faults, in its own shapes. */
export interface FaultResponses {
  rateLimited(request: SimRequest, resetAtMs: number): Response;
  serverError(request: SimRequest, status: number): Response;
  expiredToken(request: SimRequest): Response;
  /** For unknown paths. */
  notFound(request: SimRequest): Response;
}

/** How to serve a simulator from a real HTTP server. */
export interface ListenOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
}

/** A running `node:http` server serving a simulator. */
export interface ListeningSimulator {
  /** `http://127.0.0.1:<port>`: use it as the adapter's base URL. */
  url: string;
  close(): Promise<void>;
}

/** What every simulator offers, whatever the network. */
export interface SimulatorServing {
  /** The network id (`x`, `bluesky`, `mastodon`). */
  readonly platform: string;
  /** The base URL the msw handlers and `fetch` answer on. */
  readonly baseUrl: string;
  readonly clock: Clock;
  /** msw request handlers: `setupServer(...sim.handlers)`. */
  readonly handlers: HttpHandler[];
  /** A fetch that answers from the simulator directly (no msw server needed): pass it as `createClient({ fetch })`. */
  readonly fetch: typeof fetch;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  readonly faults: FaultInjector;
  /** Serves the same simulator from a real `node:http` server on 127.0.0.1. */
  listen(options?: ListenOptions): Promise<ListeningSimulator>;
}

type Outcome = { kind: 'response'; response: Response } | { kind: 'drop' } | { kind: 'hang' };

function compile(path: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { regex: new RegExp(`^${source}/?$`), names };
}

/** Everything the engine needs from a network module. */
export interface EngineOptions {
  platform: string;
  baseUrl: string;
  clock: Clock;
  routes: readonly SimRoute[];
  faultResponses: FaultResponses;
  /** Called for an `expired-token` fault, so the network also treats the current token as expired. */
  onExpiredToken?(request: SimRequest): void;
  /**
   * What `requests` keeps of a request's body (default: all of it). A network that takes large
   * uploads keeps a summary instead, so a long upload does not grow the simulator's memory.
   */
  recordBody?(request: RecordedRequest): unknown;
}

/**
 * The shared simulator core: records requests, applies injected faults, routes to the
 * network's handlers, and serves the result three ways (msw handlers, a direct fetch, a
 * node:http server). Build a simulator for a network smm does not ship on it.
 *
 * @example
 * ```ts
 * const engine = createSimulatorEngine({
 *   platform: 'chirp',
 *   baseUrl: 'https://api.chirp.example',
 *   clock,
 *   routes: [{ method: 'GET', path: '/v1/posts/:id', handle: (request) => json(200, { id: request.params.id }) }],
 *   faultResponses: {
 *     rateLimited: (_request, resetAtMs) => json(429, { error: 'slow down' }, { 'retry-after': String(Math.ceil((resetAtMs - clock.now()) / 1000)) }),
 *     serverError: (_request, status) => json(status, { error: 'oops' }),
 *     expiredToken: () => json(401, { error: 'token_expired' }),
 *     notFound: () => json(404, { error: 'no route' }),
 *   },
 * });
 * const { url, close } = await engine.listen();
 * ```
 */
export function createSimulatorEngine(options: EngineOptions): SimulatorServing {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const routes = options.routes.map((route) => ({ ...route, ...compile(route.path) }));
  const requests: RecordedRequest[] = [];
  const faults = createFaultInjector();

  // `taken`: the fault `listen()` already took for this request (it looks before the body arrives).
  async function handle(request: Request, origin: string, taken?: ActiveFault | null): Promise<Outcome> {
    const url = new URL(request.url);
    const fault: ActiveFault | undefined =
      taken === undefined ? faults.take({ method: request.method.toUpperCase(), path: url.pathname }) : (taken ?? undefined);
    // The connection was cut before the body was complete: the network never saw the request.
    if (fault?.kind === 'cut-mid-body') return { kind: 'drop' };
    const recorded = await readRequest(request, new Date(options.clock.now()).toISOString());
    requests.push(options.recordBody && recorded.body !== undefined ? { ...recorded, body: options.recordBody(recorded) } : recorded);
    const bytes = recorded.bodySize > 0 && !recorded.sha256 ? new Uint8Array(await request.clone().arrayBuffer()) : new Uint8Array(0);
    const base: SimRequest = { ...recorded, params: {}, searchParams: url.searchParams, origin, bytes };
    if (fault?.kind === '429-storm') {
      return { kind: 'response', response: options.faultResponses.rateLimited(base, options.clock.now() + (fault.resetInMs ?? 60_000)) };
    }
    if (fault?.kind === '5xx') return { kind: 'response', response: options.faultResponses.serverError(base, fault.status ?? 503) };
    if (fault?.kind === 'timeout') return { kind: 'hang' };
    if (fault?.kind === 'malformed-json') return { kind: 'response', response: malformedJson() };
    if (fault?.kind === 'expired-token') {
      options.onExpiredToken?.(base);
      return { kind: 'response', response: options.faultResponses.expiredToken(base) };
    }
    let response: Response | undefined;
    for (const route of routes) {
      if (route.method !== recorded.method) continue;
      const match = route.regex.exec(recorded.path);
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]));
      response = await route.handle({ ...base, params });
      break;
    }
    response ??= options.faultResponses.notFound(base);
    // The network acted; only the answer is lost.
    if (fault?.kind === 'drop-after-send') return { kind: 'drop' };
    return { kind: 'response', response };
  }

  const hang = (signal: AbortSignal | null | undefined) =>
    new Promise<never>((_, reject) => {
      if (signal?.aborted) reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });

  const simFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const outcome = await handle(request, new URL(request.url).origin);
    if (outcome.kind === 'drop') throw new TypeError('fetch failed', { cause: new Error('socket hang up (simulated drop-after-send)') });
    if (outcome.kind === 'hang') return hang(request.signal);
    return outcome.response;
  };

  const handlers: HttpHandler[] = [
    http.all(new RegExp(`^${baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`), async ({ request }) => {
      const outcome = await handle(request, new URL(request.url).origin);
      if (outcome.kind === 'drop') return HttpResponse.error();
      if (outcome.kind === 'hang') return hang(request.signal);
      return outcome.response;
    }),
  ];

  async function listen(listenOptions: ListenOptions = {}): Promise<ListeningSimulator> {
    const host = listenOptions.host ?? '127.0.0.1';
    let origin = '';
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const fault =
        faults.take({ method: (req.method ?? 'GET').toUpperCase(), path: new URL(req.url ?? '/', 'http://sim').pathname }) ?? null;
      const chunks: Buffer[] = [];
      let received = 0;
      const expected = Number(req.headers['content-length'] ?? 0);
      req.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        received += chunk.length;
        // Cut the connection half way through the body, as a dropped network would.
        if (fault?.kind === 'cut-mid-body' && received >= expected / 2) req.socket.destroy();
      });
      req.on('end', () => {
        const controller = new AbortController();
        res.on('close', () => controller.abort(new Error('client went away')));
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const method = req.method ?? 'GET';
        const request = new Request(`${origin}${req.url ?? '/'}`, {
          method,
          headers,
          body: method === 'GET' || method === 'HEAD' || chunks.length === 0 ? undefined : Buffer.concat(chunks),
          signal: controller.signal,
        });
        handle(request, origin, fault).then(
          async (outcome) => {
            if (outcome.kind === 'drop') {
              req.socket.destroy();
              return;
            }
            if (outcome.kind === 'hang') return; // until the client gives up or the server closes
            const body = Buffer.from(await outcome.response.arrayBuffer());
            const outHeaders: Record<string, string> = {};
            outcome.response.headers.forEach((value, name) => {
              outHeaders[name] = value;
            });
            res.writeHead(outcome.response.status, outHeaders);
            res.end(body);
          },
          (error: unknown) => {
            res.writeHead(500, { 'content-type': 'text/plain' });
            res.end(`simulator error: ${error instanceof Error ? error.message : String(error)}`);
          },
        );
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(listenOptions.port ?? 0, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    origin = `http://${host}:${address.port}`;
    return {
      url: origin,
      close: () =>
        new Promise<void>((resolve, reject) => {
          server.closeAllConnections();
          server.close((error) => (error ? reject(error) : resolve()));
        }),
    };
  }

  return { platform: options.platform, baseUrl, clock: options.clock, handlers, fetch: simFetch, requests, faults, listen };
}
