import { createFakeClock, type FakeClock } from '@smm/core/clock';
import { RateLimitError } from '@smm/core/errors';
import { createHttpClient } from '@smm/core/http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGraphRateLimitParser, GRAPH_BUCKETS, graphPaceMs, parseGraphRateLimit } from './graph-rate-limit.js';
import { mapGraphError } from './map-graph-error.js';

const HOUR = 3_600_000;
const now = Date.parse('2026-01-05T09:00:00Z');
const context = { now, bucket: 'read' };
const headers = (entries: Record<string, string>) => new Headers(entries);

describe('graphPaceMs', () => {
  it('spaces calls from 75 % usage on, more as usage nears 100 %', () => {
    const options = { slowDownAtPercent: 75, windowMs: HOUR };
    // By hand: windowMs × ((p − 75) / 25) / (100 − p).
    expect(graphPaceMs(50, options)).toBe(0);
    expect(graphPaceMs(75, options)).toBe(0);
    expect(graphPaceMs(80, options)).toBe(36_000); // 3.6e6 × 0.2 / 20
    expect(graphPaceMs(90, options)).toBe(216_000); // 3.6e6 × 0.6 / 10
    expect(graphPaceMs(95, options)).toBe(576_000); // 3.6e6 × 0.8 / 5
    expect(graphPaceMs(99, options)).toBe(3_456_000); // 3.6e6 × 0.96 / 1
    expect(graphPaceMs(100, options)).toBe(HOUR);
  });
});

describe('parseGraphRateLimit', () => {
  it('reports percent left to every Graph bucket while usage is low', () => {
    const out = parseGraphRateLimit(
      { status: 200, headers: headers({ 'X-App-Usage': '{"call_count":28,"total_time":25,"total_cputime":45}' }) },
      context,
    );
    expect(out).toEqual(GRAPH_BUCKETS.map((bucket) => ({ bucket, limit: 100, remaining: 55 })));
  });

  it('spaces calls out from 75 %: one call per pacing window', () => {
    const out = parseGraphRateLimit(
      { status: 200, headers: headers({ 'X-App-Usage': '{"call_count":90,"total_time":10,"total_cputime":10}' }) },
      context,
    );
    expect(out[0]).toEqual({ bucket: 'read', limit: 1, remaining: 0, resetAtMs: now + 216_000, windowMs: 216_000 });
  });

  it('stops until estimated_time_to_regain_access (minutes) from the BUC header', () => {
    // The shape of https://developers.facebook.com/docs/graph-api/overview/rate-limiting/ (X-Business-Use-Case-Usage).
    const buc = JSON.stringify({
      '112130216863063': [{ type: 'pages', call_count: 100, total_cputime: 25, total_time: 25, estimated_time_to_regain_access: 19 }],
    });
    const out = parseGraphRateLimit(
      {
        status: 400,
        headers: headers({ 'X-Business-Use-Case-Usage': buc }),
        body: { error: { message: '(#80001) There have been too many calls to this Page account.', code: 80001 } },
      },
      context,
    );
    expect(out[0]).toEqual({
      bucket: 'read',
      limit: 1,
      remaining: 0,
      resetAtMs: now + 19 * 60_000,
      windowMs: 19 * 60_000,
      retryAfterMs: 19 * 60_000,
    });
  });

  it('stops for throttledWaitMs after a throttling error without usage headers', () => {
    const parse = createGraphRateLimitParser({ throttledWaitMs: 120_000, buckets: [] });
    const out = parse(
      { status: 400, headers: new Headers(), body: { error: { message: '(#4) Application request limit reached', code: 4 } } },
      context,
    );
    expect(out).toEqual([{ bucket: 'read', limit: 1, remaining: 0, resetAtMs: now + 120_000, windowMs: 120_000, retryAfterMs: 120_000 }]);
  });

  it('paces a business use case over its 24-hour window, and the most used header decides', () => {
    const buc = JSON.stringify({ '1789': [{ type: 'instagram', call_count: 90, total_cputime: 5, total_time: 5 }] });
    const out = parseGraphRateLimit(
      {
        status: 200,
        headers: headers({ 'X-Business-Use-Case-Usage': buc, 'X-App-Usage': '{"call_count":10,"total_time":1,"total_cputime":1}' }),
      },
      context,
    );
    // By hand: 86 400 000 × ((90 − 75) / 25) / (100 − 90) = 5 184 000 ms (86.4 min).
    expect(out[0]).toEqual({ bucket: 'read', limit: 1, remaining: 0, resetAtMs: now + 5_184_000, windowMs: 5_184_000 });
    // Both low: the lower remaining of the two.
    const low = parseGraphRateLimit(
      {
        status: 200,
        headers: headers({
          'X-Business-Use-Case-Usage': JSON.stringify({ '1789': [{ type: 'instagram', call_count: 40 }] }),
          'X-App-Usage': '{"call_count":60}',
        }),
      },
      context,
    );
    expect(low[0]).toEqual({ bucket: 'read', limit: 100, remaining: 40 });
  });

  it('never asks for a negative or shorter wait as usage rises (any usage figures)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 150 }), (a, b) => {
        const waitAt = (percent: number) => {
          const [out] = parseGraphRateLimit(
            { status: 200, headers: headers({ 'X-App-Usage': JSON.stringify({ call_count: percent, total_cputime: 0, total_time: 0 }) }) },
            context,
          );
          return out!.resetAtMs === undefined ? 0 : out!.resetAtMs - now;
        };
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(waitAt(low)).toBeGreaterThanOrEqual(0);
        expect(waitAt(low)).toBeLessThanOrEqual(waitAt(high));
        // Below the threshold calls go at once; at 100 % and above nothing goes for the whole hour.
        if (high <= 75) expect(waitAt(high)).toBe(0);
        if (low >= 100) expect(waitAt(low)).toBe(HOUR);
      }),
    );
  });

  it('does not throw on any header text or body (a parser bug must not fail an answered request)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.jsonValue(), fc.integer({ min: 200, max: 599 }), (app, buc, body, status) => {
        const out = parseGraphRateLimit(
          { status, headers: headers({ 'x-app-usage': app, 'x-business-use-case-usage': buc }), body },
          context,
        );
        for (const observation of out) {
          expect(observation.remaining).toBeGreaterThanOrEqual(0);
          if (observation.resetAtMs !== undefined) expect(observation.resetAtMs).toBeGreaterThan(now);
        }
      }),
    );
  });

  it('says nothing of a response without usage headers or throttling', () => {
    expect(parseGraphRateLimit({ status: 200, headers: new Headers() }, context)).toEqual([]);
    expect(parseGraphRateLimit({ status: 400, headers: new Headers(), body: { error: { message: 'bad', code: 100 } } }, context)).toEqual(
      [],
    );
  });
});

/**
 * A Graph server on the fake clock: `limitPerHour` calls in a rolling hour; every answer carries
 * X-App-Usage (call_count = percent of the limit used); a call at 100 % is throttled with code 4.
 */
function graphServer(clock: FakeClock, limitPerHour: number, extra?: (percent: number) => Record<string, string>, earlier = 0) {
  const calls: number[] = Array.from({ length: earlier }, () => clock.now());
  const log: { at: number; percent: number }[] = [];
  let throttled = 0;
  const fetch = async (): Promise<Response> => {
    const at = clock.now();
    while (calls.length && calls[0]! <= at - HOUR) calls.shift();
    const usage = (count: number) => Math.round((count / limitPerHour) * 100);
    if (calls.length >= limitPerHour) {
      throttled += 1;
      const body = {
        error: { message: '(#4) Application request limit reached', type: 'OAuthException', is_transient: true, code: 4, fbtrace_id: 'T' },
      };
      return new Response(JSON.stringify(body), {
        status: 403,
        headers: {
          'content-type': 'application/json',
          'x-app-usage': JSON.stringify({ call_count: 100, total_cputime: 0, total_time: 0 }),
        },
      });
    }
    calls.push(at);
    const percent = usage(calls.length);
    log.push({ at, percent });
    return new Response('{"id":"1"}', {
      status: 200,
      headers: {
        'content-type': 'application/json',
        'x-app-usage': JSON.stringify({ call_count: percent, total_cputime: 1, total_time: 1 }),
        ...extra?.(percent),
      },
    });
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    log,
    get throttled() {
      return throttled;
    },
  };
}

/** Core's HTTP client as a Graph adapter configures it, on the fake clock, with no reset margin (exact numbers). */
function graphClient(
  platform: string,
  fetch: typeof globalThis.fetch,
  clock: FakeClock,
  extra: Partial<Parameters<typeof createHttpClient>[0]> = {},
) {
  return createHttpClient({
    platform,
    fetch,
    clock,
    parseRateLimit: parseGraphRateLimit,
    mapError: mapGraphError,
    resetMarginMs: 0,
    ...extra,
  });
}

describe("with core's HTTP client", () => {
  it('slows calls as usage nears 100 % and never drives into the wall', async () => {
    const clock = createFakeClock({ now, autoAdvance: true });
    const server = graphServer(clock, 100);
    const http = graphClient('facebook', server.fetch, clock, { maxWaitMs: 2 * HOUR, maxRetryTimeMs: 4 * HOUR });
    for (let index = 0; index < 200; index += 1) await http.request({ path: 'https://graph.facebook.com/v26.0/me' });
    expect(server.throttled).toBe(0);
    expect(Math.max(...server.log.map((entry) => entry.percent))).toBeLessThan(100);
    // The first 75 calls go at once (no pacing below 75 %).
    expect(server.log[74]!.at - server.log[0]!.at).toBe(0);
    // After an answer at 80 % the next call waits 36 s; after one at 90 %, 216 s (computed by hand above).
    const gapAfter = (percent: number) => {
      const index = server.log.findIndex((entry) => entry.percent === percent);
      return server.log[index + 1]!.at - server.log[index]!.at;
    };
    expect(gapAfter(80)).toBe(36_000);
    expect(gapAfter(90)).toBe(216_000);
  });

  it('lets concurrent calls through one per pacing window, each window taken from the latest answer', async () => {
    const clock = createFakeClock({ now, autoAdvance: true });
    // 89 calls already in this hour: the next answer says 90 %.
    const server = graphServer(clock, 100, undefined, 89);
    const http = graphClient('facebook', server.fetch, clock, { maxWaitMs: HOUR });
    await http.request({ path: 'https://graph.facebook.com/v26.0/me' });
    await Promise.all([1, 2, 3].map(() => http.request({ path: 'https://graph.facebook.com/v26.0/me' })));
    const at = server.log.map((entry) => entry.at - now);
    // By hand: after 90 % wait 216 s; after 91 %, 3.6e6 × 0.64 / 9 = 256 s; after 92 %, 3.6e6 × 0.68 / 8 = 306 s.
    expect(server.log.map((entry) => entry.percent)).toEqual([90, 91, 92, 93]);
    expect(at).toEqual([0, 216_000, 216_000 + 256_000, 216_000 + 256_000 + 306_000]);
    expect(server.throttled).toBe(0);
  });

  it('stops until the regain time, then fails fast with a RateLimitError when that is longer than maxWaitMs', async () => {
    const clock = createFakeClock({ now, autoAdvance: true });
    const buc = JSON.stringify({
      '1234': [{ type: 'instagram', call_count: 100, total_cputime: 10, total_time: 10, estimated_time_to_regain_access: 7 }],
    });
    let calls = 0;
    const fetch = (async () => {
      calls += 1;
      return new Response('{"id":"1"}', { status: 200, headers: { 'content-type': 'application/json', 'x-business-use-case-usage': buc } });
    }) as typeof globalThis.fetch;
    const http = graphClient('instagram', fetch, clock);
    await http.request({ path: 'https://graph.instagram.com/v26.0/me' });
    const started = clock.now();
    // Default maxWaitMs (60 s) is shorter than the 7 minutes: no call is sent, the error says when.
    const error = await http.request({ path: 'https://graph.instagram.com/v26.0/me' }).catch((caught: unknown) => caught);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(Date.parse((error as RateLimitError).resetAt!)).toBe(started + 7 * 60_000);
    expect(calls).toBe(1);
    // A client allowed to wait sends the next call exactly when access comes back.
    const patient = graphClient('instagram', fetch, clock, { maxWaitMs: HOUR });
    await patient.request({ path: 'https://graph.instagram.com/v26.0/me' });
    const before = clock.now();
    await patient.request({ path: 'https://graph.instagram.com/v26.0/me' });
    expect(clock.now() - before).toBe(7 * 60_000);
  });

  it('turns a throttled answer into a RateLimitError carrying the regain time', async () => {
    const clock = createFakeClock({ now, autoAdvance: true });
    const buc = JSON.stringify({
      '1234': [{ type: 'pages', call_count: 100, total_cputime: 10, total_time: 10, estimated_time_to_regain_access: 3 }],
    });
    const fetch = (async () =>
      new Response(
        JSON.stringify({
          error: {
            message: '(#80001) There have been too many calls to this Page account.',
            type: 'OAuthException',
            code: 80001,
            fbtrace_id: 'X',
          },
        }),
        {
          status: 400,
          headers: { 'content-type': 'application/json', 'x-business-use-case-usage': buc },
        },
      )) as typeof globalThis.fetch;
    const http = graphClient('facebook', fetch, clock);
    const error = await http
      .request({ method: 'POST', path: 'https://graph.facebook.com/v26.0/1/feed' })
      .catch((caught: unknown) => caught);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).retryAfterMs).toBe(3 * 60_000);
  });
});
