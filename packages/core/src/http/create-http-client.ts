import ky from 'ky';
import { systemClock } from '../clock/index.js';
import { ConcurrencySlots } from './concurrency-slots.js';
import { defaultRateLimitParser } from './default-rate-limit-parser.js';
import { createTypedEmitter } from '../events/index.js';
import { checkHttpRequest, parseHttpClientOptions } from './http-client-options.js';
import { createMemoryRateLimitStore } from './memory-rate-limit-store.js';
import { RateLimitPlanner } from './rate-limit-planner.js';
import { RequestRun, type ClientCore, type HookContext } from './request-run.js';
import type { HttpClient, HttpClientEvents, HttpClientOptions, HttpRequest, RateLimitBucket } from './types.js';

const DEFAULTS = {
  timeoutMs: 30_000,
  maxRetries: 4,
  maxRetryTimeMs: 120_000,
  maxWaitMs: 60_000,
  concurrency: 8,
  retryBaseDelayMs: 500,
  retryMaxDelayMs: 30_000,
  resetMarginMs: 250,
} as const;

/**
 * Creates the rate-limited HTTP client every adapter uses: ky underneath (its beforeRequest
 * hook adds the credentials; each answer's limits are learned as ky returns it), p-queue in front (overall and
 * per-bucket concurrency), and a retry loop on `options.clock` (408/429/5xx and network
 * failures, `Retry-After` first, otherwise exponential backoff with full jitter, bounded in
 * count and total time).
 *
 * When an attempt's turn comes (inside the concurrency slot) it takes `cost` from its bucket
 * (`platform:account:bucket`, in `options.rateLimitStore`, shared with every client using that
 * store); when nothing is left and the reset lies ahead it waits (on `options.clock`, outside
 * the slot) or fails fast with `RateLimitError`. While a request is pending the process stays
 * alive; an idle client holds nothing. Requests that create something (`idempotent: false`) are retried
 * only when the failure proves the network did not act, or when they carry an idempotency
 * key; otherwise they fail with `PublishOutcomeUnknownError`.
 *
 * @throws ValidationError when an option is wrong, naming it (`timeoutMs: must be > 0 ms …`).
 * @example
 * ```ts
 * const http = createHttpClient({
 *   platform: 'x',
 *   accountId: '1234',
 *   baseUrl: 'https://api.x.com/2',
 *   credentials: { getHeaders: () => ({ authorization: `Bearer ${token}` }), secrets: () => [token] },
 *   parseRateLimit: parseEpochResetHeaders,
 * });
 * const { data } = await http.request<{ data: { id: string } }>({ method: 'POST', path: 'tweets', json: { text: 'hi' } });
 * ```
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  parseHttpClientOptions(options);
  const clock = options.clock ?? systemClock;
  const events = createTypedEmitter<HttpClientEvents>();
  // One string per bucket: every request's key is then the same flat string, hashed once by each map it meets.
  const scopes = new Map<RateLimitBucket, string>();
  const scopeOf = (bucket: RateLimitBucket) => {
    let scope = scopes.get(bucket);
    if (scope === undefined) {
      scope = `${options.platform}:${options.accountId ?? '-'}:${bucket}`;
      scopes.set(bucket, scope);
    }
    return scope;
  };
  const bucketQueues = new Map<RateLimitBucket, ConcurrencySlots>();
  const userFetch = options.fetch;
  // Resolved per call so a fetch patched later (msw, polyfills) is the one used.
  const fetchImpl: typeof fetch = (input, init) => (userFetch ?? globalThis.fetch)(input, init);
  let sequence = 0;
  const kyDefaults = { retry: 0, timeout: false, throwHttpErrors: false, fetch: fetchImpl } as const;
  const core: ClientCore = {
    options,
    clock,
    settings: {
      timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
      maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
      maxRetryTimeMs: options.maxRetryTimeMs ?? DEFAULTS.maxRetryTimeMs,
      maxWaitMs: options.maxWaitMs ?? DEFAULTS.maxWaitMs,
      retryBaseDelayMs: options.retryBaseDelayMs ?? DEFAULTS.retryBaseDelayMs,
      retryMaxDelayMs: options.retryMaxDelayMs ?? DEFAULTS.retryMaxDelayMs,
    },
    parseRateLimit: options.parseRateLimit ?? defaultRateLimitParser,
    events,
    planner: new RateLimitPlanner({
      store: options.rateLimitStore ?? createMemoryRateLimitStore(),
      clock,
      staticLimits: options.staticLimits ?? [],
      marginMs: options.resetMarginMs ?? DEFAULTS.resetMarginMs,
      onUpdate: {
        listening: () => events.has('rate-limit-updated'),
        updated: (state) => events.emit('rate-limit-updated', { scope: state.scope, state }),
      },
    }),
    queue: new ConcurrencySlots(options.concurrency ?? DEFAULTS.concurrency),
    bucketQueue: (bucket) => {
      const cap = options.bucketConcurrency?.[bucket];
      if (cap === undefined) return undefined;
      let found = bucketQueues.get(bucket);
      if (!found) {
        found = new ConcurrencySlots(cap);
        bucketQueues.set(bucket, found);
      }
      return found;
    },
    // ky sends; its beforeRequest hook adds the credentials. Limits are learned as soon as ky
    // returns the response: an afterResponse hook would make ky clone every response (a stream
    // tee), measured at +0.17 of plain ky's latency. The retry loop is ours (ky's is off)
    // because its waits run on `options.clock`, like every other wait here.
    http: ky.create({
      ...kyDefaults,
      hooks: { beforeRequest: [(request, kyOptions) => (kyOptions.context as HookContext).run.beforeRequest(request)] },
    }),
    // Without credentials and a streamed body there is nothing for a hook to do: each hook ky
    // awaits costs a turn.
    bareHttp: ky.create(kyDefaults),
    fetch: fetchImpl,
    scopeOf,
    nextId: () => `${options.platform}-${++sequence}`,
  };

  return {
    request: <T>(input: HttpRequest) => {
      try {
        checkHttpRequest(input);
      } catch (error) {
        return Promise.reject(error);
      }
      return new RequestRun<T>(core, input).run();
    },
    rateLimit: (bucket) => core.planner.snapshot(scopeOf(bucket), bucket),
    rateLimits: () => {
      const prefix = scopeOf('');
      return core.planner.snapshots().filter((state) => state.scope.startsWith(prefix));
    },
    on: (event, listener) => events.on(event, listener),
  };
}
