import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError, AuthError, NetworkError, PublishOutcomeUnknownError, RateLimitError, TimeoutError } from '../errors/index.js';
import { closedPort, json, startLoopback, type Loopback } from './__tests__/loopback-server.js';
import { createFakeClock, type FakeClock } from '../clock/index.js';
import { createHttpClient, type ErrorMapping, type HttpClientEvents, type HttpClientOptions } from './index.js';

const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function serve(...args: Parameters<typeof startLoopback>): Promise<Loopback> {
  const server = await startLoopback(...args);
  servers.push(server);
  return server;
}

// Fast retries on real time: the behaviour, not the waiting, is under test here.
const fast = { retryBaseDelayMs: 1, retryMaxDelayMs: 5 } satisfies Partial<HttpClientOptions>;
const catchError = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('should have failed'),
    (error: unknown) => error,
  );

describe('retry safety for requests that create something', () => {
  it('a POST whose connection drops after sending fails with PublishOutcomeUnknownError and is not re-sent', async () => {
    const server = await serve((_request, _response, raw) => {
      raw.socket.destroy();
    });
    const http = createHttpClient({ platform: 'mastodon', baseUrl: server.url, ...fast });
    const error = await catchError(http.request({ method: 'POST', path: '/api/v1/statuses', json: { status: 'hello' } }));
    expect(PublishOutcomeUnknownError.isInstance(error)).toBe(true);
    expect(NetworkError.isInstance((error as Error).cause)).toBe(true);
    expect(((error as Error).cause as NetworkError).phase).toBe('unknown');
    expect(server.received).toHaveLength(1);
    expect(JSON.parse(server.received[0]?.body ?? '')).toEqual({ status: 'hello' });
  });

  it('the same drop on a GET is retried', async () => {
    let calls = 0;
    const server = await serve((_request, response, raw) => {
      if (++calls === 1) raw.socket.destroy();
      else json(response, 200, { id: '1' });
    });
    const http = createHttpClient({ platform: 'mastodon', baseUrl: server.url, ...fast });
    await expect(http.request({ path: '/api/v1/statuses/1' })).resolves.toMatchObject({ data: { id: '1' } });
    expect(server.received).toHaveLength(2);
  });

  it('a POST with an idempotency key is retried after a drop, sending the key each time', async () => {
    let calls = 0;
    const server = await serve((_request, response, raw) => {
      if (++calls === 1) raw.socket.destroy();
      else json(response, 200, { id: '109' });
    });
    const http = createHttpClient({ platform: 'mastodon', baseUrl: server.url, idempotencyKeyHeader: 'Idempotency-Key', ...fast });
    await expect(
      http.request({ method: 'POST', path: '/api/v1/statuses', json: { status: 'hi' }, idempotencyKey: 'entry-42' }),
    ).resolves.toMatchObject({ data: { id: '109' } });
    expect(server.received.map((request) => request.headers['idempotency-key'])).toEqual(['entry-42', 'entry-42']);
  });

  it('a POST refused at connect (ECONNREFUSED) is retried and lands once', async () => {
    const port = await closedPort();
    const retries: HttpClientEvents['retry'][] = [];
    const http = createHttpClient({ platform: 'x', baseUrl: `http://127.0.0.1:${port}`, retryBaseDelayMs: 50, retryMaxDelayMs: 50 });
    let server: Loopback | undefined;
    http.on('retry', (event) => {
      retries.push(event);
      // The server comes up while the client backs off.
      if (!server)
        void serve((_request, response) => json(response, 201, { data: { id: '1850' } }), port).then((started) => (server = started));
    });
    const result = await http.request({ method: 'POST', path: '/2/tweets', json: { text: 'hi' } });
    expect(result).toMatchObject({ status: 201, data: { data: { id: '1850' } } });
    expect(retries[0]?.reason).toBe('network error (connect)');
    expect(NetworkError.isInstance(retries[0]?.error) && retries[0]?.error.phase).toBe('connect');
    expect(server?.received).toHaveLength(1);
  });

  it('when every attempt is refused, it ends with NetworkError (connect) after maxRetries', async () => {
    const port = await closedPort();
    const retries: unknown[] = [];
    const http = createHttpClient({ platform: 'x', baseUrl: `http://127.0.0.1:${port}`, maxRetries: 2, ...fast });
    http.on('retry', (event) => retries.push(event));
    const error = await catchError(http.request({ method: 'POST', path: '/2/tweets', json: { text: 'hi' } }));
    expect(NetworkError.isInstance(error) && error.phase).toBe('connect');
    expect(retries).toHaveLength(2);
  });

  it('a 5xx on a POST is an unknown outcome; on a GET it is retried', async () => {
    let getCalls = 0;
    const server = await serve((request, response) => {
      if (request.method === 'POST') json(response, 502, { error: 'bad gateway' });
      else if (++getCalls < 3) json(response, 503, { error: 'busy' });
      else json(response, 200, { ok: true });
    });
    const http = createHttpClient({ platform: 'x', baseUrl: server.url, ...fast });
    const error = await catchError(http.request({ method: 'POST', path: '/2/tweets', json: { text: 'hi' } }));
    expect(PublishOutcomeUnknownError.isInstance(error)).toBe(true);
    expect(ApiCallError.isInstance((error as Error).cause) && ((error as Error).cause as ApiCallError).status).toBe(502);
    await expect(http.request({ path: '/2/tweets/1' })).resolves.toMatchObject({ status: 200 });
    expect(server.received.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(getCalls).toBe(3);
  });

  it('a 5xx the adapter declares notActedOn is retried even for a POST', async () => {
    let calls = 0;
    const server = await serve((_request, response) => {
      if (++calls === 1) json(response, 500, { error: { code: 'SERVICE_UNAVAILABLE_PRE_WRITE' } });
      else json(response, 201, { id: 'urn:li:share:1' });
    });
    const mapError = ({ body }: { body: unknown }): ErrorMapping | undefined =>
      (body as { error?: { code?: string } }).error?.code === 'SERVICE_UNAVAILABLE_PRE_WRITE'
        ? { platformCode: 'SERVICE_UNAVAILABLE_PRE_WRITE', notActedOn: true }
        : undefined;
    const http = createHttpClient({ platform: 'linkedin', baseUrl: server.url, mapError, ...fast });
    await expect(http.request({ method: 'POST', path: '/rest/posts', json: {} })).resolves.toMatchObject({ status: 201 });
    expect(calls).toBe(2);
  });

  it('a 429 on a POST is retried (the network did not act), after the announced wait', async () => {
    const clock = createFakeClock();
    let calls = 0;
    const server = await serve((_request, response) => {
      if (++calls === 1) json(response, 429, { error: 'Too many requests' }, { 'retry-after': '5' });
      else json(response, 200, { id: '1' });
    });
    const http = createHttpClient({ platform: 'mastodon', baseUrl: server.url, clock, resetMarginMs: 0 });
    const retries: HttpClientEvents['retry'][] = [];
    http.on('retry', (event) => retries.push(event));
    const posted = http.request({ method: 'POST', path: '/api/v1/statuses', json: { status: 'x' } });
    await vi.waitFor(() => expect(retries).toHaveLength(1));
    expect(RateLimitError.isInstance(retries[0]?.error)).toBe(true);
    expect(retries[0]?.error).toMatchObject({ retryAfterMs: 5_000, remaining: 0 });
    await clock.advance(5_000);
    await expect(posted).resolves.toMatchObject({ status: 200 });
    expect(calls).toBe(2);
  });
});

describe('what is never retried', () => {
  it.each([400, 403, 404, 422])('%i is returned as ApiCallError after one attempt', async (status) => {
    const server = await serve((_request, response) => json(response, status, { error: 'no' }, { 'x-request-id': 'req-77' }));
    const http = createHttpClient({ platform: 'x', baseUrl: server.url, requestIdHeader: 'x-request-id', ...fast });
    const error = await catchError(http.request({ path: '/2/tweets/1' }));
    expect(ApiCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status, requestId: 'req-77', isRetryable: false, body: { error: 'no' }, platform: 'x' });
    expect(server.received).toHaveLength(1);
  });
});

describe('401 and credentials', () => {
  it('asks the provider to refresh once, retries once with the new token', async () => {
    let token = 'old-token-aaaa';
    const server = await serve((request, response) => {
      if (request.headers.authorization === 'Bearer new-token-bbbb') json(response, 200, { me: true });
      else json(response, 401, { error: 'ExpiredToken' });
    });
    const refresh = vi.fn(async () => {
      token = 'new-token-bbbb';
    });
    const http = createHttpClient({
      platform: 'bluesky',
      baseUrl: server.url,
      credentials: { getHeaders: () => ({ authorization: `Bearer ${token}` }), refresh },
    });
    await expect(http.request({ method: 'POST', path: '/xrpc/com.atproto.repo.createRecord', json: {} })).resolves.toMatchObject({
      data: { me: true },
    });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(server.received).toHaveLength(2);
  });

  it('still 401 after the refresh → AuthError that says reconnect', async () => {
    const server = await serve((_request, response) => json(response, 401, { error: 'InvalidToken' }));
    const refresh = vi.fn(async () => undefined);
    const http = createHttpClient({
      platform: 'bluesky',
      baseUrl: server.url,
      credentials: { getHeaders: () => ({ authorization: 'Bearer t0k3n-value' }), refresh },
      ...fast,
    });
    const error = await catchError(http.request({ path: '/xrpc/app.bsky.actor.getProfile' }));
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, refreshable: false, platform: 'bluesky' });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(server.received).toHaveLength(2);
  });

  it('reads auth- and rate-limit-in-disguise through mapError (Meta codes 190 and 4)', async () => {
    let calls = 0;
    const server = await serve((_request, response) => {
      calls += 1;
      if (calls === 1) json(response, 400, { error: { message: 'Error validating access token', type: 'OAuthException', code: 190 } });
      else if (calls === 2)
        json(
          response,
          403,
          { error: { message: 'Application request limit reached', type: 'OAuthException', code: 4 } },
          { 'x-app-usage': '{"call_count":100,"total_time":20,"total_cputime":20}' },
        );
      else json(response, 200, { id: '1_2' });
    });
    const mapError = ({ body }: { body: unknown }): ErrorMapping | undefined => {
      const graph = (body as { error?: { code?: number; message?: string } }).error;
      if (!graph) return undefined;
      if (graph.code === 190) return { platformCode: 190, message: graph.message, auth: { refreshable: true } };
      if (graph.code === 4 || graph.code === 17) return { platformCode: graph.code, message: graph.message, rateLimited: true };
      return { platformCode: graph.code, message: graph.message };
    };
    const refresh = vi.fn(async () => undefined);
    const retries: HttpClientEvents['retry'][] = [];
    const http = createHttpClient({
      platform: 'facebook',
      baseUrl: server.url,
      mapError,
      credentials: { getHeaders: () => ({}), refresh },
      ...fast,
    });
    http.on('retry', (event) => retries.push(event));
    await expect(http.request({ method: 'POST', path: '/123/feed', json: { message: 'hi' } })).resolves.toMatchObject({ status: 200 });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(retries.map((event) => event.error.name)).toEqual(['RateLimitError']);
    expect(calls).toBe(3);
  });
});

describe('timeouts and aborts', () => {
  it('a GET that times out is retried, then fails with TimeoutError; a POST gets PublishOutcomeUnknownError', async () => {
    const server = await serve(() => undefined); // never answers
    const http = createHttpClient({ platform: 'x', baseUrl: server.url, timeoutMs: 40, maxRetries: 1, ...fast });
    const error = await catchError(http.request({ path: '/slow' }));
    expect(TimeoutError.isInstance(error) && error.timeoutMs).toBe(40);
    expect(server.received).toHaveLength(2);
    const post = await catchError(http.request({ method: 'POST', path: '/slow', idempotent: false }));
    expect(PublishOutcomeUnknownError.isInstance(post)).toBe(true);
    expect(TimeoutError.isInstance((post as Error).cause)).toBe(true);
    expect(server.received).toHaveLength(3);
  });

  it('a body that stalls after the headers also times out', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data":['); // and never finishes
    });
    const http = createHttpClient({ platform: 'x', baseUrl: server.url, timeoutMs: 50, maxRetries: 0 });
    const error = await catchError(http.request({ path: '/stalls' }));
    expect(TimeoutError.isInstance(error) && error.timeoutMs).toBe(50);
  });

  it('abort while waiting for a reset rejects at once with the reason, sending nothing', async () => {
    const clock = createFakeClock();
    const server = await serve((_request, response) =>
      json(
        response,
        200,
        {},
        { 'x-rate-limit-limit': '1', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(Math.floor(clock.now() / 1000) + 600) },
      ),
    );
    const http = createHttpClient({ platform: 'x', baseUrl: server.url, clock, maxWaitMs: 3_600_000 });
    await http.request({ path: '/a' });
    const controller = new AbortController();
    const held: unknown[] = [];
    http.on('rate-limited', (event) => held.push(event));
    const waiting = http.request({ path: '/a', signal: controller.signal });
    await vi.waitFor(() => expect(held).toHaveLength(1));
    const reason = new Error('user navigated away');
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(server.received).toHaveLength(1);
    expect(clock.pending()).toBe(0);
  });

  it('abort while queued and while in flight rejects with the reason', async () => {
    const server = await serve(() => undefined);
    const http = createHttpClient({ platform: 'x', baseUrl: server.url, concurrency: 1 });
    const first = new AbortController();
    const second = new AbortController();
    const inFlight = http.request({ path: '/a', signal: first.signal });
    const queued = http.request({ path: '/b', signal: second.signal });
    await vi.waitFor(() => expect(server.received).toHaveLength(1));
    second.abort(new Error('queued abort'));
    await expect(queued).rejects.toThrow('queued abort');
    first.abort(new Error('flight abort'));
    await expect(inFlight).rejects.toThrow('flight abort');
    expect(server.received).toHaveLength(1);
  });
});

describe('a 2xx whose body cannot be read', () => {
  it('is an unknown outcome for a POST (the post exists), sent once', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"id": "1100", "url": ');
    });
    const http = createHttpClient({ platform: 'mastodon', baseUrl: server.url, ...fast });
    const error = await catchError(http.request({ method: 'POST', path: '/api/v1/statuses', json: { status: 'hi' } }));
    expect(PublishOutcomeUnknownError.isInstance(error)).toBe(true);
    expect(ApiCallError.isInstance((error as Error).cause)).toBe(true);
    expect(((error as Error).cause as ApiCallError).status).toBe(200);
    expect(server.received).toHaveLength(1);
  });

  it('stays a permanent ApiCallError for a GET', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('<html>');
    });
    const http = createHttpClient({ platform: 'mastodon', baseUrl: server.url, ...fast });
    const error = await catchError(http.request({ path: '/api/v1/accounts/1' }));
    expect(ApiCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 200, isRetryable: false });
    expect(server.received).toHaveLength(1);
  });
});
