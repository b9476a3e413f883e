import { z } from 'zod';
import { TimeZoneSchema, parseWithSchema } from '../model/index.js';
import type { HttpClientOptions, HttpRequest } from './types.js';

const isFunction = (value: unknown): boolean => typeof value === 'function';
const fn = (message: string) => z.custom<(...args: never[]) => unknown>(isFunction, { error: message });
const hasMethods =
  (...names: string[]) =>
  (value: unknown) =>
    value !== null && typeof value === 'object' && names.every((name) => isFunction((value as Record<string, unknown>)[name]));

const positiveMs = (what: string) =>
  z
    .number({ error: `must be ${what} in milliseconds (a number)` })
    .finite()
    .positive({ error: `must be > 0 ms (${what})` });
const nonNegativeMs = (what: string) =>
  z
    .number({ error: `must be ${what} in milliseconds (a number)` })
    .finite()
    .min(0, { error: `must be ≥ 0 ms (${what})` });
const headerRecord = z.record(z.string(), z.string({ error: 'header values must be strings' }));

const StaticLimitSchema = z.strictObject({
  bucket: z.string().min(1, { error: 'must name the bucket, e.g. "write"' }),
  limit: z.number().int().positive({ error: 'must be a whole number of requests (or points) > 0' }),
  windowMs: positiveMs('the window length'),
  resetsAtMidnightIn: TimeZoneSchema.optional(),
});

/**
 * The zod schema of {@link HttpClientOptions}: `createHttpClient` checks its options with it,
 * and a tool can use it to check a configuration file before creating clients.
 *
 * @example
 * ```ts
 * const result = HttpClientOptionsSchema.safeParse({ platform: 'x', timeoutMs: -1 });
 * result.success; // false: timeoutMs must be > 0 ms
 * ```
 */
export const HttpClientOptionsSchema = z.strictObject({
  platform: z.string({ error: 'must be the network id, e.g. "x"' }).min(1, { error: 'must be the network id, e.g. "x"' }),
  accountId: z.string().min(1, { error: 'must be a non-empty account id, or left out' }).optional(),
  baseUrl: z
    .string()
    .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), {
      error: 'must be an absolute http(s) URL such as https://api.x.com/2',
    })
    .optional(),
  fetch: fn('must be a fetch-compatible function').optional(),
  headers: headerRecord.optional(),
  credentials: z
    .custom<HttpClientOptions['credentials']>(hasMethods('getHeaders'), { error: 'must be an object with a getHeaders() method' })
    .optional(),
  timeoutMs: positiveMs('the per-request timeout').max(2_147_483_647, { error: 'must be ≤ 2147483647 ms' }).optional(),
  maxRetries: z
    .number()
    .int({ error: 'must be a whole number of retries' })
    .min(0, { error: 'must be ≥ 0' })
    .max(50, { error: 'must be ≤ 50' })
    .optional(),
  maxRetryTimeMs: positiveMs('the total time for one request').optional(),
  maxWaitMs: nonNegativeMs('the longest wait for a reset').optional(),
  onRateLimited: fn('must be a function returning "wait" or "fail"').optional(),
  rateLimitStore: z
    .custom<HttpClientOptions['rateLimitStore']>(hasMethods('get', 'set', 'delete', 'entries'), {
      error: 'must implement get, set, delete and entries',
    })
    .optional(),
  parseRateLimit: fn('must be a RateLimitParser function').optional(),
  staticLimits: z.array(StaticLimitSchema).optional(),
  concurrency: z.number().int({ error: 'must be a whole number' }).min(1, { error: 'must be ≥ 1' }).optional(),
  bucketConcurrency: z.record(z.string(), z.number().int({ error: 'must be a whole number' }).min(1, { error: 'must be ≥ 1' })).optional(),
  mapError: fn('must be a function that reads an error body').optional(),
  idempotencyKeyHeader: z.string().min(1, { error: 'must be a header name such as Idempotency-Key' }).optional(),
  requestIdHeader: z.string().min(1, { error: 'must be a header name such as x-request-id' }).optional(),
  clock: z.custom<HttpClientOptions['clock']>(hasMethods('now', 'sleep'), { error: 'must be a Clock with now() and sleep()' }).optional(),
  retryBaseDelayMs: nonNegativeMs('the first backoff step').optional(),
  retryMaxDelayMs: nonNegativeMs('the longest backoff').optional(),
  resetMarginMs: nonNegativeMs('the margin after a reset').optional(),
});

/** Validates client options; throws `ValidationError` naming each bad field. @internal */
export function parseHttpClientOptions(input: HttpClientOptions): HttpClientOptions {
  parseWithSchema(HttpClientOptionsSchema, input, 'createHttpClient options');
  return input;
}

const HttpRequestSchema = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'], { error: 'must be GET, POST, PUT, PATCH, DELETE or HEAD' }).optional(),
  path: z.string({ error: 'must be a path or URL' }).min(1, { error: 'must be a path or URL' }),
  headers: headerRecord.optional(),
  bucket: z.string().min(1, { error: 'must name a bucket' }).optional(),
  cost: z.number().finite().positive({ error: 'must be > 0 points' }).optional(),
  idempotent: z.boolean().optional(),
  idempotencyKey: z.string().min(1, { error: 'must be a non-empty key' }).optional(),
  timeoutMs: positiveMs('the timeout').max(2_147_483_647, { error: 'must be ≤ 2147483647 ms' }).optional(),
  responseType: z.enum(['json', 'text', 'arrayBuffer', 'none']).optional(),
  streamBody: z
    .custom<() => unknown>((value) => typeof value === 'function', { error: 'must be a function that returns a fresh stream of the body' })
    .optional(),
});

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']);
const RESPONSE_TYPES = new Set(['json', 'text', 'arrayBuffer', 'none']);
const optionalString = (value: unknown) => value === undefined || (typeof value === 'string' && value.length > 0);
const optionalPositive = (value: unknown, max = Infinity) =>
  value === undefined || (typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= max);

/** A hand-written check at least as strict as the schema: valid requests skip zod's cost. */
function plainlyValid(request: HttpRequest): boolean {
  if (request === null || typeof request !== 'object') return false;
  if (typeof request.path !== 'string' || request.path.length === 0) return false;
  if (request.method !== undefined && !METHODS.has(request.method)) return false;
  if (!optionalString(request.bucket) || !optionalString(request.idempotencyKey)) return false;
  if (!optionalPositive(request.cost) || !optionalPositive(request.timeoutMs, 2_147_483_647)) return false;
  if (request.idempotent !== undefined && typeof request.idempotent !== 'boolean') return false;
  if (request.streamBody !== undefined && typeof request.streamBody !== 'function') return false;
  if (request.responseType !== undefined && !RESPONSE_TYPES.has(request.responseType)) return false;
  if (request.headers !== undefined) {
    if (request.headers === null || typeof request.headers !== 'object') return false;
    for (const value of Object.values(request.headers)) if (typeof value !== 'string') return false;
  }
  return true;
}

/** Validates one request; throws `ValidationError` naming each bad field. @internal */
export function checkHttpRequest(request: HttpRequest): void {
  if (plainlyValid(request)) return;
  parseWithSchema(HttpRequestSchema, request, 'HttpRequest');
}
