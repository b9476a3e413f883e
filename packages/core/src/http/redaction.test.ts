import { format, inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SmmError } from '../errors/index.js';
import { createHttpClient, type HttpClientOptions } from './index.js';

const tokenArb = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~'),
  minLength: 8,
  maxLength: 40,
});

type Scenario = { expected: string; method?: 'GET' | 'POST'; fetch: (token: string) => typeof fetch; extra?: Partial<HttpClientOptions> };

const reply =
  (status: number, body: string, headers: Record<string, string> = {}): typeof fetch =>
  async () =>
    new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });
const refused =
  (token: string): typeof fetch =>
  async () => {
    throw new TypeError('fetch failed', {
      cause: Object.assign(new Error(`connect ECONNREFUSED 10.0.0.1:443 ?access_token=${token}`), { code: 'ECONNREFUSED' }),
    });
  };

const scenarios: Scenario[] = [
  { expected: 'ApiCallError', fetch: (token) => reply(500, JSON.stringify({ detail: `token ${token} is bad`, access_token: token })) },
  { expected: 'RateLimitError', fetch: (token) => reply(429, JSON.stringify({ error: `slow down ${token}` })) },
  {
    expected: 'AuthError',
    fetch: (token) => reply(401, JSON.stringify({ error: 'ExpiredToken', message: `Bearer ${token} expired` })),
    extra: { credentials: undefined },
  },
  { expected: 'NetworkError', fetch: refused },
  {
    expected: 'TimeoutError',
    fetch: () => (input, init) =>
      new Promise((_resolve, reject) => {
        // ky hands fetch a Request that carries the signal.
        const signal = input instanceof Request ? input.signal : init?.signal;
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
    extra: { timeoutMs: 3 },
  },
  {
    expected: 'PublishOutcomeUnknownError',
    method: 'POST',
    fetch: (token) => async () => {
      throw new TypeError('fetch failed', { cause: new Error(`socket hang up while sending ${token}`) });
    },
  },
];

describe('no secret reaches an error or an event (property, random tokens)', () => {
  it('holds across every error type the client throws', async () => {
    await fc.assert(
      fc.asyncProperty(tokenArb, fc.integer({ min: 0, max: scenarios.length - 1 }), async (token, index) => {
        const scenario = scenarios[index]!;
        const events: unknown[] = [];
        const http = createHttpClient({
          platform: 'x',
          baseUrl: 'https://api.example.test/2',
          maxRetries: 1,
          retryBaseDelayMs: 0,
          fetch: scenario.fetch(token),
          headers: { 'x-api-key': token },
          credentials: {
            getHeaders: () => ({ authorization: `Bearer ${token}` }),
            refresh: async () => {
              throw new Error(`refresh with refresh_token=${token} failed`);
            },
            secrets: () => [token],
          },
          ...scenario.extra,
        });
        for (const name of ['request', 'response', 'retry', 'rate-limited', 'rate-limit-updated'] as const)
          http.on(name, (event) => events.push(event));
        const error = await http
          .request({ method: scenario.method ?? 'GET', path: `tweets?access_token=${token}&expansions=author_id` })
          .then(
            () => undefined,
            (caught: unknown) => caught,
          );
        expect(SmmError.isInstance(error)).toBe(true);
        expect((error as Error).name).toBe(scenario.expected);
        for (const text of [JSON.stringify(error), (error as Error).message, String(error), JSON.stringify(events)]) {
          expect(text).not.toContain(token);
        }
        expect(JSON.stringify(error)).toContain('expansions=author_id');
      }),
      { numRuns: 150 },
    );
  }, 20_000);
});

/** Every string reachable from `root` through own properties (enumerable or not, symbols too) and causes. */
function reachableStrings(root: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown, depth: number) => {
    if (typeof value === 'string') out.push(value);
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value) || depth > 20) return;
    seen.add(value);
    if (value instanceof Headers) for (const [name, item] of value) out.push(`${name}: ${item}`);
    if (value instanceof Request) out.push(value.url, ...[...value.headers].map(([name, item]) => `${name}: ${item}`));
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && 'value' in descriptor) walk(descriptor.value, depth + 1);
    }
  };
  walk(root, 0);
  return out;
}

describe('no secret is reachable from an error, its cause chain or an event', () => {
  const token = 'tok3n-SECRET-4f9a2c';
  const password = 'hunter2-query-pass';
  const cookie = 'sid=cookie-SECRET-77';

  async function failWith(fetch: typeof globalThis.fetch, extra: Partial<HttpClientOptions> = {}, method: 'GET' | 'POST' = 'GET') {
    const events: unknown[] = [];
    const http = createHttpClient({
      platform: 'facebook',
      baseUrl: 'https://graph.example.test/v19.0',
      maxRetries: 1,
      retryBaseDelayMs: 0,
      fetch,
      headers: { cookie },
      credentials: { getHeaders: () => ({ authorization: `Bearer ${token}` }), secrets: () => [token] },
      ...extra,
    });
    for (const name of ['request', 'response', 'retry', 'rate-limited', 'rate-limit-updated'] as const)
      http.on(name, (event) => events.push(event));
    const error = await http.request({ method, path: `me?access_token=${token}&password=${password}&fields=id` }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    return { error, events };
  }

  const never: typeof fetch = (input, init) =>
    new Promise((_resolve, reject) => {
      const signal = input instanceof Request ? input.signal : init?.signal;
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  const dropped: typeof fetch = async (input) => {
    const url = input instanceof Request ? input.url : String(input);
    throw new TypeError(`fetch failed for ${url}`, { cause: Object.assign(new Error(`socket hang up ${url}`), { request: input }) });
  };

  it.each([
    ['a timeout (ky TimeoutError holding the raw Request)', never, { timeoutMs: 5 }, 'TimeoutError', 'GET'],
    ['a dropped connection (cause chain holding the Request)', dropped, {}, 'NetworkError', 'GET'],
    ['a dropped POST (outcome unknown)', dropped, {}, 'PublishOutcomeUnknownError', 'POST'],
  ] as const)('%s', async (_name, fetch, extra, expected, method) => {
    const { error, events } = await failWith(fetch, extra, method);
    expect((error as Error).name).toBe(expected);
    expect((error as Error).cause).toBeDefined();
    const shown = [
      inspect(error, { depth: Infinity, showHidden: true }),
      inspect(events, { depth: Infinity, showHidden: true }),
      format('%o', error),
      JSON.stringify(error),
      ...reachableStrings(error),
      ...reachableStrings(events),
    ].join('\n');
    for (const secret of [token, password, 'cookie-SECRET-77']) expect(shown).not.toContain(secret);
    // What is not secret is still there to debug with.
    expect(inspect(error, { depth: Infinity })).toContain('fields=id');
  });

  it('the retry event carries the same redacted error', async () => {
    const { events } = await failWith(never, { timeoutMs: 5 });
    const retry = events.find((event) => (event as { reason?: string }).reason === 'timeout') as { error: Error } | undefined;
    expect(retry?.error.name).toBe('TimeoutError');
    expect(inspect(retry, { depth: Infinity, showHidden: true })).not.toContain(token);
  });
});
