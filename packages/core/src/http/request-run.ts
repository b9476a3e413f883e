import type { KyInstance } from 'ky';
import { isTimeoutError } from 'ky';
import type PQueue from 'p-queue';
import pRetry, { AbortError as StopRetrying } from 'p-retry';
import type { Clock } from '../clock/index.js';
import {
  ApiCallError,
  AuthError,
  NetworkError,
  PublishOutcomeUnknownError,
  RateLimitError,
  SmmError,
  TimeoutError,
  redactUrl,
} from '../errors/index.js';
import { buildUrl } from './build-url.js';
import type { TypedEmitter } from '../events/index.js';
import { failedWhileConnecting } from './fetch-failure.js';
import { retryAfterMs as readRetryAfter } from './parse-retry-after.js';
import type { Hold, RateLimitPlanner, Reservation } from './rate-limit-planner.js';
import type {
  ErrorMapping,
  HttpClientEvents,
  HttpClientOptions,
  HttpRequest,
  HttpResponse,
  RateLimitBucket,
  RateLimitObservation,
  RateLimitParser,
  RateLimitedInfo,
} from './types.js';

/** What every request of one client shares. @internal */
export interface ClientCore {
  options: HttpClientOptions;
  clock: Clock;
  settings: {
    timeoutMs: number;
    maxRetries: number;
    maxRetryTimeMs: number;
    maxWaitMs: number;
    retryBaseDelayMs: number;
    retryMaxDelayMs: number;
  };
  parseRateLimit: RateLimitParser;
  events: TypedEmitter<HttpClientEvents>;
  planner: RateLimitPlanner;
  queue: PQueue;
  bucketQueue(bucket: RateLimitBucket): PQueue | undefined;
  http: KyInstance;
  scopeOf(bucket: RateLimitBucket): string;
  nextId(): string;
}

/** Rejection of the body-read timer (a marker, never shown to users). */
const BODY_TIMEOUT = Symbol('body timeout');

/** Why one attempt produced no response. */
class SendFailure {
  constructor(
    readonly kind: 'aborted' | 'timeout' | 'network',
    readonly sent: boolean,
    readonly cause?: unknown,
  ) {}
}

interface Exchange {
  response: Response;
  body: unknown;
  durationMs: number;
}

/** Secrets to scrub: what the credentials provider names, plus the auth header values it gave. */
function secretsOf(provided: readonly string[] | undefined, authHeaders: Record<string, string>): string[] {
  const out = [...(provided ?? [])];
  for (const value of Object.values(authHeaders)) {
    out.push(value);
    const token = /^\S+\s+(\S+)$/.exec(value)?.[1];
    if (token) out.push(token);
  }
  return out;
}

async function readBody(response: Response, type: HttpRequest['responseType']): Promise<unknown> {
  if (type === 'none' || response.status === 204 || response.status === 205) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (type === 'arrayBuffer') return response.arrayBuffer();
  const text = await response.text();
  if (type === 'text') return text;
  if (text === '') return null;
  return JSON.parse(text) as unknown;
}

function parseErrorBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function reasonOf(error: Error): string {
  if (ApiCallError.isInstance(error)) return `status ${error.status}`;
  if (RateLimitError.isInstance(error)) return 'rate limited';
  if (TimeoutError.isInstance(error)) return 'timeout';
  if (NetworkError.isInstance(error)) return `network error (${error.phase})`;
  return error.name;
}

/**
 * One call of `client.request()`: its attempts, the decisions between them and the error it
 * ends with. A class rather than closures, so a request allocates little.
 * @internal
 */
export class RequestRun<T> {
  private readonly method: NonNullable<HttpRequest['method']>;
  private readonly bucket: RateLimitBucket;
  private readonly cost: number;
  private readonly idempotent: boolean;
  /** Repeating it is harmless: idempotent, or deduplicated by its key. */
  private readonly retrySafe: boolean;
  private readonly url: string;
  private readonly key: string;
  private readonly id: string;
  private readonly signal: AbortSignal | undefined;
  private readonly timeoutMs: number;
  private readonly startedAt: number;
  private sentHeaders: Record<string, string>;
  private authHeaders: Record<string, string> = {};
  private hasHeaders = false;
  /** An attempt may have been acted on: a failure in the end leaves the outcome unknown. */
  private ambiguous = false;
  private refreshed = false;

  constructor(
    private readonly c: ClientCore,
    private readonly input: HttpRequest,
  ) {
    this.method = input.method ?? 'GET';
    this.bucket = input.bucket ?? (this.method === 'GET' || this.method === 'HEAD' ? 'read' : 'write');
    this.cost = input.cost ?? 1;
    this.idempotent = input.idempotent ?? !(this.method === 'POST' || this.method === 'PATCH');
    this.retrySafe = this.idempotent || input.idempotencyKey !== undefined;
    this.url = buildUrl(c.options.baseUrl, input.path, input.searchParams);
    this.key = c.scopeOf(this.bucket);
    this.id = c.nextId();
    this.signal = input.signal;
    this.timeoutMs = input.timeoutMs ?? c.settings.timeoutMs;
    this.startedAt = c.clock.now();
    this.sentHeaders = { ...c.options.headers, ...input.headers };
  }

  async run(): Promise<HttpResponse<T>> {
    const { settings } = this.c;
    try {
      // The first attempt runs directly (most requests need no retry, and p-retry's set-up costs
      // more than the rest of the bookkeeping); p-retry drives every retry after it.
      try {
        return await this.attempt(1);
      } catch (first) {
        if (first instanceof StopRetrying || settings.maxRetries === 0) throw first;
        await this.beforeRetry(first as Error, 1, settings.maxRetries);
      }
      return await pRetry((retry) => this.attempt(retry + 1), {
        retries: settings.maxRetries - 1,
        minTimeout: 0,
        maxTimeout: 0,
        factor: 1,
        onFailedAttempt: (context) => this.beforeRetry(context.error, context.attemptNumber + 1, context.retriesLeft),
        ...(this.signal ? { signal: this.signal } : {}),
      });
    } catch (caught) {
      const error = caught instanceof StopRetrying ? caught.originalError : caught;
      if (this.signal?.aborted) throw this.signal.reason;
      if (this.ambiguous && !PublishOutcomeUnknownError.isInstance(error)) throw this.outcomeUnknown(error);
      throw error;
    }
  }

  private secrets(): string[] {
    return secretsOf(this.c.options.credentials?.secrets?.(), this.authHeaders);
  }

  private shownUrl(): string {
    return redactUrl(this.url, { secrets: this.secrets() });
  }

  private errorContext() {
    return {
      request: { method: this.method, url: this.url, headers: this.sentHeaders },
      platform: this.c.options.platform,
      secrets: this.secrets(),
    };
  }

  private outcomeUnknown(cause: unknown): PublishOutcomeUnknownError {
    return new PublishOutcomeUnknownError(
      `${this.method} ${this.shownUrl()} may or may not have been acted on by ${this.c.options.platform}: ${cause instanceof Error ? cause.message : 'it failed after sending'}. ` +
        'Look the result up before trying again (or send an idempotency key).',
      { ...this.errorContext(), cause, ...(this.input.idempotencyKey !== undefined ? { idempotencyKey: this.input.idempotencyKey } : {}) },
    );
  }

  /** The bucket is empty until a reset: wait, or fail fast with RateLimitError. */
  private async onHold(hold: Hold): Promise<void> {
    const { events, options, settings } = this.c;
    const resetAt = hold.state.resetAt;
    if (events.has('rate-limited')) events.emit('rate-limited', { scope: hold.key, bucket: this.bucket, waitMs: hold.waitMs, resetAt });
    const info: RateLimitedInfo = {
      scope: hold.key,
      bucket: this.bucket,
      waitMs: hold.waitMs,
      resetAt,
      request: { method: this.method, url: this.shownUrl() },
    };
    const decision = options.onRateLimited ? await options.onRateLimited(info) : hold.waitMs <= settings.maxWaitMs ? 'wait' : 'fail';
    if (decision === 'wait') return;
    throw new RateLimitError(
      `${hold.key} has ${hold.state.remaining} of ${hold.state.limit} left until ${resetAt}; ` +
        (options.onRateLimited
          ? 'onRateLimited chose to fail instead of waiting'
          : `waiting ${hold.waitMs} ms would exceed maxWaitMs (${settings.maxWaitMs} ms)`) +
        '. Try again after resetAt.',
      {
        ...this.errorContext(),
        scope: hold.key,
        limit: hold.state.limit,
        remaining: hold.state.remaining,
        resetAt,
        retryAfterMs: hold.waitMs,
      },
    );
  }

  private async send(attemptNumber: number): Promise<Exchange> {
    const { events } = this.c;
    const { signal, input } = this;
    let sent = false;
    let bodyTimer: ReturnType<typeof setTimeout> | undefined;
    try {
      signal?.throwIfAborted();
      if (events.has('request'))
        events.emit('request', { id: this.id, method: this.method, url: this.shownUrl(), bucket: this.bucket, attempt: attemptNumber });
      const started = performance.now();
      sent = true;
      // ky's timeout covers the wait for the response head. Only a caller's signal is passed:
      // combining signals costs more than the rest of the request's bookkeeping.
      const response = await this.c.http(this.url, {
        method: this.method,
        timeout: this.timeoutMs,
        ...(this.hasHeaders ? { headers: this.sentHeaders } : {}),
        ...(signal ? { signal } : {}),
        ...(input.json !== undefined ? { json: input.json } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
      });
      const reading = response.status < 400 ? readBody(response, input.responseType) : response.text().then(parseErrorBody);
      // The body gets whatever time is left (on real time: timeouts measure the network).
      const timedOut = new Promise<never>((_resolve, reject) => {
        bodyTimer = setTimeout(() => reject(BODY_TIMEOUT), Math.max(1, this.timeoutMs - (performance.now() - started)));
        (bodyTimer as unknown as { unref?: () => void }).unref?.();
      });
      const body = await Promise.race([reading, timedOut]);
      return { response, body, durationMs: performance.now() - started };
    } catch (error) {
      if (signal?.aborted) throw new SendFailure('aborted', sent);
      if (error === BODY_TIMEOUT || isTimeoutError(error))
        throw new SendFailure('timeout', sent, error === BODY_TIMEOUT ? undefined : error);
      if (error instanceof SyntaxError) throw error; // a 2xx body that is not JSON
      throw new SendFailure('network', sent, error);
    } finally {
      if (bodyTimer !== undefined) clearTimeout(bodyTimer);
    }
  }

  private async attempt(attemptNumber: number): Promise<HttpResponse<T>> {
    const { planner } = this.c;
    for (;;) {
      let reservation: Reservation;
      try {
        reservation = await planner.reserve(this.key, this.bucket, this.cost, this.signal, (hold) => this.onHold(hold));
      } catch (error) {
        throw new StopRetrying(error instanceof Error ? error : new Error('aborted'));
      }
      let exchange: Exchange;
      try {
        exchange = await this.exchange(attemptNumber);
      } catch (failure) {
        throw await this.failedExchange(failure, reservation);
      }
      const outcome = await this.answered(exchange, reservation);
      if (outcome === 'refreshed') continue; // one more try with fresh credentials
      return outcome;
    }
  }

  private async exchange(attemptNumber: number): Promise<Exchange> {
    const { options, queue } = this.c;
    this.authHeaders = options.credentials ? { ...(await options.credentials.getHeaders()) } : {};
    this.sentHeaders = { ...options.headers, ...this.input.headers, ...this.authHeaders };
    if (this.input.idempotencyKey !== undefined && options.idempotencyKeyHeader)
      this.sentHeaders[options.idempotencyKeyHeader] = this.input.idempotencyKey;
    this.hasHeaders = Object.keys(this.sentHeaders).length > 0;
    const capped = this.c.bucketQueue(this.bucket);
    if (!capped) return queue.add(() => this.send(attemptNumber), { signal: this.signal });
    return capped.add(() => queue.add(() => this.send(attemptNumber), { signal: this.signal }), { signal: this.signal });
  }

  /** Turns an attempt without a response into the error to throw (wrapped when it must not be retried). */
  private async failedExchange(failure: unknown, reservation: Reservation): Promise<Error> {
    const { planner } = this.c;
    const platform = this.c.options.platform;
    if (failure instanceof SyntaxError) {
      await planner.settle(reservation, [], undefined);
      return new StopRetrying(
        new ApiCallError(`${platform} answered ${this.method} ${this.shownUrl()} with a body that is not JSON; use responseType 'text'`, {
          ...this.errorContext(),
          status: 200,
          isRetryable: false,
          cause: failure,
        }),
      );
    }
    if (!(failure instanceof SendFailure)) {
      // Never sent: aborted while queued, or the credentials provider failed.
      await planner.release(reservation);
      if (this.signal?.aborted) return new StopRetrying(new Error('aborted'));
      return new StopRetrying(
        SmmError.isInstance(failure)
          ? failure
          : new AuthError(`${platform} credentials could not be read`, { platform, cause: failure, secrets: this.secrets() }),
      );
    }
    const connecting = failure.kind === 'network' && failedWhileConnecting(failure.cause);
    // A request that never left gives its slot back; one that did may have been counted.
    if (!failure.sent || connecting) await planner.release(reservation);
    else await planner.settle(reservation, [], undefined);
    if (failure.kind === 'aborted') return new StopRetrying(new Error('aborted'));
    let error: SmmError;
    if (failure.kind === 'timeout') {
      error = new TimeoutError(`${platform} did not answer ${this.method} ${this.shownUrl()} within ${this.timeoutMs} ms`, {
        ...this.errorContext(),
        timeoutMs: this.timeoutMs,
        cause: failure.cause,
      });
    } else {
      error = new NetworkError(
        connecting
          ? `could not connect to ${platform} for ${this.method} ${this.shownUrl()} (nothing was sent)`
          : `the connection to ${platform} failed during ${this.method} ${this.shownUrl()}`,
        { ...this.errorContext(), phase: connecting ? 'connect' : 'unknown', cause: failure.cause },
      );
    }
    if (connecting) return error; // nothing left this machine: always safe to retry
    if (!this.retrySafe) return new StopRetrying(this.outcomeUnknown(error));
    if (!this.idempotent) this.ambiguous = true;
    return error;
  }

  /** Learns from a response and returns it, asks for a retry with fresh credentials, or throws. */
  private async answered(exchange: Exchange, reservation: Reservation): Promise<HttpResponse<T> | 'refreshed'> {
    const { planner, options, events } = this.c;
    const platform = options.platform;
    const { response, body } = exchange;
    const { status, headers } = response;
    const now = this.c.clock.now();
    let observations: RateLimitObservation[] = [];
    try {
      observations = this.c.parseRateLimit({ status, headers, body }, { now, bucket: this.bucket });
    } catch {
      // A parser bug must not turn an answered request into a failure (a POST would be re-sent).
    }
    let mapping: ErrorMapping | undefined;
    if (status >= 400 && options.mapError) {
      try {
        mapping = options.mapError({ status, headers, body });
      } catch {
        mapping = undefined;
      }
    }
    const rateLimited = status === 429 || mapping?.rateLimited === true;
    let retryAfter: number | undefined;
    if (rateLimited || status === 503) {
      const announced = observations.map((o) => o.retryAfterMs).filter((v): v is number => v !== undefined);
      retryAfter = announced.length ? Math.max(...announced) : readRetryAfter(headers.get('retry-after'), now);
    }
    await planner.settle(
      reservation,
      observations,
      rateLimited ? (retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}) : undefined,
    );
    if (events.has('response'))
      events.emit('response', { id: this.id, method: this.method, url: this.shownUrl(), status, durationMs: exchange.durationMs });
    const requestId = options.requestIdHeader ? (headers.get(options.requestIdHeader) ?? undefined) : undefined;

    if (status < 400) {
      const result: HttpResponse<T> = { status, headers, data: body as T };
      if (requestId !== undefined) result.requestId = requestId;
      return result;
    }
    const detail = mapping?.message ? `: ${mapping.message}` : '';
    const apiError = (message: string, extra: { isRetryable?: boolean } = {}) =>
      new ApiCallError(message, {
        ...this.errorContext(),
        status,
        platformCode: mapping?.platformCode,
        ...(requestId ? { requestId } : {}),
        body,
        ...extra,
      });

    if ((status === 401 && !rateLimited) || mapping?.auth) {
      const refreshable = mapping?.auth?.refreshable ?? true;
      const credentials = options.credentials;
      if (refreshable && !this.refreshed && credentials?.refresh) {
        this.refreshed = true;
        try {
          await credentials.refresh();
        } catch (error) {
          throw new StopRetrying(
            AuthError.isInstance(error)
              ? error
              : new AuthError(`${platform} credentials could not be refreshed`, {
                  platform,
                  status,
                  refreshable: false,
                  cause: error,
                  secrets: this.secrets(),
                }),
          );
        }
        return 'refreshed';
      }
      throw new StopRetrying(
        new AuthError(
          `${platform} refused the credentials for ${this.method} ${this.shownUrl()} (${status})${detail}. ${this.refreshed ? 'A refresh did not help: reconnect the account.' : 'Refresh or reconnect the account.'}`,
          { platform, status, refreshable: refreshable && !this.refreshed, secrets: this.secrets(), cause: apiError(`${status}${detail}`) },
        ),
      );
    }
    if (rateLimited) {
      const state = planner.snapshot(this.key, this.bucket);
      // A 429 proves the request was not acted on, so it is safe to retry whatever the method.
      throw new RateLimitError(
        `${platform} rate limit reached for ${this.method} ${this.shownUrl()} (${status})${detail}. Retry after ${state?.resetAt ?? (retryAfter !== undefined ? `${retryAfter} ms` : 'a while')}.`,
        {
          ...this.errorContext(),
          scope: this.key,
          limit: state?.limit ?? null,
          remaining: 0,
          resetAt: state?.resetAt ?? null,
          retryAfterMs: retryAfter ?? null,
          cause: apiError(`${status}${detail}`),
        },
      );
    }
    const error = apiError(
      `${platform} answered ${status} to ${this.method} ${this.shownUrl()}${detail}`,
      mapping?.retryable !== undefined ? { isRetryable: mapping.retryable } : {},
    );
    if (retryAfter !== undefined) retryAfterOf.set(error, retryAfter);
    if (!error.isRetryable) throw new StopRetrying(error);
    if (!this.retrySafe && !mapping?.notActedOn) throw new StopRetrying(this.outcomeUnknown(error));
    if (!this.idempotent && !mapping?.notActedOn) this.ambiguous = true;
    throw error;
  }

  /** Between attempts: how long to wait (Retry-After, else full-jitter backoff), within the time budget. */
  private async beforeRetry(error: Error, attemptNumber: number, retriesLeft: number): Promise<void> {
    if (retriesLeft <= 0) return;
    const { planner, clock, settings, events } = this.c;
    let delayMs: number;
    let reason: string;
    const state = planner.snapshot(this.key, this.bucket);
    const holding = state !== undefined && state.remaining < this.cost && state.resetAt !== null && Date.parse(state.resetAt) > clock.now();
    if (RateLimitError.isInstance(error) && holding) {
      // The planner holds the next attempt until the reset; no extra sleep here.
      delayMs = 0;
      reason = 'rate limited: waiting for the reset';
    } else {
      const announced = retryAfterOf.get(error) ?? (RateLimitError.isInstance(error) ? (error.retryAfterMs ?? undefined) : undefined);
      delayMs =
        announced ?? Math.round(Math.random() * Math.min(settings.retryMaxDelayMs, settings.retryBaseDelayMs * 2 ** (attemptNumber - 1)));
      reason = reasonOf(error);
    }
    // No new attempt once the total time for this request would be spent.
    if (clock.now() - this.startedAt + delayMs > settings.maxRetryTimeMs) throw error;
    if (events.has('retry') && SmmError.isInstance(error))
      events.emit('retry', { id: this.id, attempt: attemptNumber + 1, delayMs, reason, error });
    if (delayMs > 0) await clock.sleep(delayMs, this.signal);
  }
}

// Retry-After of failures that are not rate limits (a 503), for the backoff.
const retryAfterOf = new WeakMap<object, number>();
