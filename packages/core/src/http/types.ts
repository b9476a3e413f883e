/**
 * THE CONTRACT of `@smm/core/http` (agreed before implementation; the adapter spec and the
 * scheduler code against it). The implementation may add to these types but must not change
 * what is here without updating every user.
 */
import type { SmmError } from '../errors/index.js';
import type { Clock } from '../clock/index.js';

/** A rate-limit bucket: `read`, `write`, `media`, `search`, or any adapter-defined name. */
export type RateLimitBucket = 'read' | 'write' | 'media' | 'search' | (string & {});

/** What is known of one bucket's limit. */
export interface RateLimitState {
  /** Requests (or points) allowed per window. */
  limit: number;
  /** Requests (or points) left in the current window, after reservations. */
  remaining: number;
  /** When the window resets (ISO-8601 UTC), or null when unknown. */
  resetAt: string | null;
  /** Window length in ms, when known (e.g. from `ratelimit-policy` or a static limit). */
  windowMs?: number;
  /** `network:account:bucket`, e.g. `x:1234:write`. */
  scope: string;
}

/** What one response says about a limit; fields left out are unknown. */
export interface RateLimitObservation {
  /** Which bucket it applies to; defaults to the request's bucket. */
  bucket?: RateLimitBucket;
  limit?: number;
  remaining?: number;
  /** Epoch ms when the window resets. */
  resetAtMs?: number;
  windowMs?: number;
  /** From `Retry-After` (or an equivalent): wait at least this long, in ms. */
  retryAfterMs?: number;
}

/** Reads rate-limit facts from a response. Adapters supply one per network. */
export type RateLimitParser = (
  response: { status: number; headers: Headers; body?: unknown },
  context: { now: number; bucket: RateLimitBucket },
) => RateLimitObservation[];

/** A limit the network does not announce in headers (LinkedIn, YouTube quotas, Mastodon media). */
export interface StaticLimit {
  bucket: RateLimitBucket;
  limit: number;
  windowMs: number;
  /** Optional: windows aligned to a zone's midnight (`daily` quotas), otherwise rolling from first use. */
  resetsAtMidnightIn?: string;
}

/**
 * A bucket as a store keeps it: the public state plus what every client sharing the store
 * needs to plan together. Stores persist it as given (it is plain JSON).
 */
export interface RateLimitRecord extends RateLimitState {
  /** Points reserved by every client sharing the store and not answered yet. */
  inFlight?: number;
  /** The server's own `remaining` (the lowest heard in this window), before reservations. */
  serverRemaining?: number;
  /** The reset (epoch ms) of the window `serverRemaining` belongs to; null when unknown. */
  windowResetMs?: number | null;
}

/** A reservation asked of a store: take `cost` from the bucket now, or say how long to wait. */
export interface RateLimitReserveRequest {
  /** Unique per reservation; an atomic store may use it to expire reservations of a dead process. */
  id: string;
  cost: number;
  /** Epoch ms. */
  now: number;
  /** Extra ms after an announced reset before the window counts as rolled. */
  marginMs: number;
  /** The bucket's static limit, with the end (epoch ms) of a window that starts now. */
  fixed?: { limit: number; windowMs: number; windowEnd: number; aligned: boolean };
}

/** What a store answers a reservation. */
export type RateLimitReserveResult =
  | { granted: true; record: RateLimitRecord; window: string | null; changed: boolean }
  | { granted: false; record: RateLimitRecord; waitMs: number; changed: boolean };

/** What an attempt reports back to its bucket (or what a response says of another bucket). */
export interface RateLimitSettleReport {
  /** The reservation being settled (none for an observation about another bucket). */
  reservation?: { id: string; cost: number; window: string | null };
  /** Whether the request may have reached the network (false gives the points back). */
  sent: boolean;
  observations: readonly RateLimitObservation[];
  /** A 429 (or equivalent): nothing is left until then. */
  rateLimited?: { retryAfterMs?: number };
  now: number;
  marginMs: number;
  fixed?: { limit: number; windowMs: number; windowEnd: number; aligned: boolean };
}

/** A bucket after a settle (undefined when nothing is known any more); `changed` when it learned something. */
export interface RateLimitSettleResult {
  record: RateLimitRecord | undefined;
  changed: boolean;
}

/**
 * Keeps bucket states; the in-memory default never keeps the process alive.
 *
 * `get`/`set`/`delete`/`entries` are enough for clients of one process. A store shared by
 * several processes also implements `reserve` and `settle` atomically (see
 * `createRedisRateLimitStore` in `@smm/queue-bullmq`), following {@link reserveInRecord} and
 * {@link settleRecord}; the client then uses them instead of reading and writing.
 */
export interface RateLimitStore {
  get(key: string): RateLimitRecord | undefined | Promise<RateLimitRecord | undefined>;
  set(key: string, state: RateLimitRecord): void | Promise<void>;
  delete(key: string): void | Promise<void>;
  entries(): Iterable<[string, RateLimitRecord]> | Promise<Iterable<[string, RateLimitRecord]>>;
  reserve?(key: string, request: RateLimitReserveRequest): RateLimitReserveResult | Promise<RateLimitReserveResult>;
  settle?(key: string, report: RateLimitSettleReport): RateLimitSettleResult | Promise<RateLimitSettleResult>;
}

/** Supplies auth headers; may refresh. Never logged. */
export interface CredentialsProvider {
  /** Headers to add to each request (e.g. `{ authorization: 'Bearer …' }`). */
  getHeaders(): Promise<Record<string, string>> | Record<string, string>;
  /** Called once after a 401; should obtain fresh credentials. Throw `AuthError` if it cannot. */
  refresh?(): Promise<void>;
  /** Secret values to scrub from errors and events (current tokens). */
  secrets?(): readonly string[];
}

/** Query values: arrays repeat the name (`types[]=a&types[]=b` when the name ends in `[]`). */
export type SearchParams = Record<string, string | number | boolean | readonly (string | number)[] | undefined>;

/** One request through the client. */
export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  /** Path relative to `baseUrl`, or an absolute URL. */
  path: string;
  searchParams?: SearchParams;
  /** A JSON body (sets content-type). */
  json?: unknown;
  /** Any other body (FormData for uploads, bytes). */
  body?: BodyInit;
  /**
   * A body sent as a stream, never held whole (a large media upload): called once per attempt
   * for a fresh stream. Set `content-length` in `headers` when the size is known (some servers
   * refuse chunked uploads). When it throws (a one-shot stream already read), the request is
   * not tried again and fails with that error.
   */
  streamBody?: () => ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;
  headers?: Record<string, string>;
  /** Which bucket it spends from; default `read` for GET/HEAD, `write` otherwise. */
  bucket?: RateLimitBucket;
  /** Points it spends (Bluesky: create 3, update 2, delete 1); default 1. */
  cost?: number;
  /** Whether repeating it is harmless. Default true for GET/HEAD/PUT/DELETE, false for POST/PATCH. */
  idempotent?: boolean;
  /** Sent in the client's `idempotencyKeyHeader`; makes a non-idempotent request safe to retry. */
  idempotencyKey?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** How to read the body; default `json` (empty body → null). */
  responseType?: 'json' | 'text' | 'arrayBuffer' | 'none';
}

/** A successful response. */
export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  data: T;
  /** The network's request id header, if any. */
  requestId?: string;
}

/** A failed response as `mapError` reads it: the status, the headers and the body (parsed JSON, else the text; null when empty). */
export interface HttpErrorResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** What an adapter learns from a failed response to build the right error. */
export interface ErrorMapping {
  /** The network's error code and message, read from its error body. */
  platformCode?: string | number;
  message?: string;
  /** Treat as a rate limit even if the status is not 429 (Meta codes 4, 17, 32, 613). */
  rateLimited?: boolean;
  /** Treat as an auth failure (expired token in a 400 body, say); `refreshable` says whether refresh may help. */
  auth?: { refreshable: boolean };
  /** Override whether retrying may help. */
  retryable?: boolean;
  /** For non-idempotent requests: the network certainly did not act on it, so retrying is safe. */
  notActedOn?: boolean;
}

/** Information given to an `onRateLimited` policy. */
export interface RateLimitedInfo {
  scope: string;
  bucket: RateLimitBucket;
  waitMs: number;
  resetAt: string | null;
  request: { method: string; url: string };
}

/** Options of `createHttpClient`; validated eagerly (a bad option throws `ValidationError` naming it). */
export interface HttpClientOptions {
  /** Network id, for scopes, errors and events. */
  platform: string;
  /** Account id, for scopes (limits are per account). */
  accountId?: string;
  baseUrl?: string;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
  credentials?: CredentialsProvider;
  /** Per-request timeout in ms (default 30 000). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 4). */
  maxRetries?: number;
  /** Total time for all attempts and waits of one request, in ms (default 120 000). */
  maxRetryTimeMs?: number;
  /** Longest wait for a bucket reset before failing with `RateLimitError` (default 60 000). */
  maxWaitMs?: number;
  /** Decide per wait: `'wait'` or `'fail'` (fail fast with RateLimitError). */
  onRateLimited?: (info: RateLimitedInfo) => 'wait' | 'fail' | Promise<'wait' | 'fail'>;
  rateLimitStore?: RateLimitStore;
  parseRateLimit?: RateLimitParser;
  staticLimits?: readonly StaticLimit[];
  /** Overall concurrency (default 8) and per-bucket caps. */
  concurrency?: number;
  bucketConcurrency?: Partial<Record<RateLimitBucket, number>>;
  /** Reads the network's error body (Graph error object, XRPC error, …). */
  mapError?: (response: HttpErrorResponse) => ErrorMapping | undefined;
  /** Header name for idempotency keys (Mastodon: `Idempotency-Key`); none by default. */
  idempotencyKeyHeader?: string;
  /** Header carrying the network's request id (e.g. `x-request-id`). */
  requestIdHeader?: string;
  clock?: Clock;
  /** First backoff step in ms for retries without `Retry-After` (default 500); each retry doubles it, with full jitter. */
  retryBaseDelayMs?: number;
  /** Longest single backoff in ms (default 30 000). */
  retryMaxDelayMs?: number;
  /**
   * Extra ms added to every announced reset before a held request goes (default 250): absorbs
   * clock skew and whole-second reset headers.
   */
  resetMarginMs?: number;
}

/** Events the client emits; payloads never contain secrets. */
export interface HttpClientEvents {
  request: { id: string; method: string; url: string; bucket: RateLimitBucket; attempt: number };
  response: { id: string; method: string; url: string; status: number; durationMs: number };
  retry: { id: string; attempt: number; delayMs: number; reason: string; error: SmmError };
  'rate-limited': { scope: string; bucket: RateLimitBucket; waitMs: number; resetAt: string | null };
  'rate-limit-updated': { scope: string; state: RateLimitState };
}

/** The rate-limited HTTP client every adapter uses. */
export interface HttpClient {
  request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>>;
  /** Current state of one bucket, if known. */
  rateLimit(bucket: RateLimitBucket): RateLimitState | undefined;
  /** Current states of every known bucket. */
  rateLimits(): RateLimitState[];
  /** Subscribe to an event; returns the unsubscribe function. */
  on<E extends keyof HttpClientEvents>(event: E, listener: (payload: HttpClientEvents[E]) => void): () => void;
}
