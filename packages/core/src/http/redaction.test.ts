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
