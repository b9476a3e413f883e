/** A rate-limit bucket name: `read`, `write`, `media`, `search`, or a network's own. */
export type AdapterV1RateLimitBucket = 'read' | 'write' | 'media' | 'search' | (string & {});

/** Query parameters; arrays repeat the key, `undefined` values are left out. */
export type AdapterV1SearchParams = Record<string, string | number | boolean | readonly (string | number)[] | undefined>;

/** One request through the account's client. */
export interface AdapterV1HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  /** A path under the base URL, or an absolute URL. */
  path: string;
  searchParams?: AdapterV1SearchParams;
  /** A JSON body (sets `content-type`). */
  json?: unknown;
  /** A raw body (form data, bytes). */
  body?: BodyInit;
  /**
   * v1.1: a body streamed from a factory (called again for each attempt), for uploads larger than
   * memory: set `content-type` (and `content-length` when known) in `headers`.
   */
  streamBody?: () => ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;
  headers?: Record<string, string>;
  /** The rate-limit bucket this request spends (default `read` for GET, `write` otherwise). */
  bucket?: AdapterV1RateLimitBucket;
  /** Units this request spends from its bucket (Bluesky's write points). Default 1. */
  cost?: number;
  /** Whether repeating the request is harmless (GET/HEAD/PUT/DELETE by default). */
  idempotent?: boolean;
  /** Sent in the network's idempotency header; makes a creating request retryable. */
  idempotencyKey?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  responseType?: 'json' | 'text' | 'arrayBuffer' | 'none';
}

/** A successful response. */
export interface AdapterV1HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  data: T;
  /** The network's request id, when `requestIdHeader` names it. */
  requestId?: string | undefined;
}

/** What core knows of one bucket's limit. */
export interface AdapterV1RateLimitState {
  limit: number;
  remaining: number;
  /** ISO-8601 UTC, or `null` when unknown. */
  resetAt: string | null;
  windowMs?: number | undefined;
  scope: string;
}

/**
 * The rate-limited, retrying HTTP client bound to one account that every operation gets in
 * its context. Failures are thrown as smm errors (`ApiCallError`, `RateLimitError`, …).
 */
export interface AdapterV1HttpClient {
  request<T = unknown>(request: AdapterV1HttpRequest): Promise<AdapterV1HttpResponse<T>>;
  /** The limit core has learned for `bucket`, if any. */
  rateLimit(bucket: AdapterV1RateLimitBucket): AdapterV1RateLimitState | undefined;
}
