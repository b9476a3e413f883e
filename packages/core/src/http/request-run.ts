import type { KyInstance, Options as KyOptions } from 'ky';
import { isTimeoutError } from 'ky';
import { holdProcess, type Clock } from '../clock/index.js';
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
import type { ConcurrencySlots } from './concurrency-slots.js';
import type { TypedEmitter } from '../events/index.js';
import { failedWhileConnecting } from './fetch-failure.js';
import { linkSignal } from './linked-signal.js';
import { retryAfterMs as readRetryAfter } from './parse-retry-after.js';
import type { Hold, RateLimitPlanner, Reservation } from './rate-limit-planner.js';
import { safeCause } from './safe-cause.js';
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
  queue: ConcurrencySlots;
  bucketQueue(bucket: RateLimitBucket): ConcurrencySlots | undefined;
  /** ky with the client's `beforeRequest` hook, which adds the credentials and sends a streamed body. */
  http: KyInstance;
  /** ky without hooks, for requests with neither credentials nor a streamed body. */
  bareHttp: KyInstance;
  /** The fetch ky uses (a streamed body is sent with it directly). */
  fetch: typeof fetch;
  scopeOf(bucket: RateLimitBucket): string;
  nextId(): string;
}

/** The ky context every request passes to the client's hooks. @internal */
export interface HookContext extends Record<string, unknown> {
  run: RequestRun<unknown>;
}

/** Rejection of a body read past the deadline (a marker, never shown to users). */
const BODY_TIMEOUT = Symbol('body timeout');

/** Ends the retry loop with this error (not an Error itself: nothing to capture). */
class StopRetrying {
  constructor(readonly error: unknown) {}
}

/** Why one attempt produced no response. */
class SendFailure {
  constructor(
    readonly kind: 'aborted' | 'timeout' | 'network' | 'unreadable',
    readonly sent: boolean,
    readonly cause?: unknown,
  ) {}
}

interface Exchange {
  response: Response;
  body: unknown;
  observations: RateLimitObservation[];
  mapping: ErrorMapping | undefined;
  rateLimited: boolean;
  retryAfter: number | undefined;
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

/** The body as the request asked for it (a promise chain rather than an async function: one turn less). */
function readBody(response: Response, type: HttpRequest['responseType']): Promise<unknown> {
  if (type === 'none' || response.status === 204 || response.status === 205) {
    const body = response.body;
    return body ? body.cancel().then(nothing, nothing) : Promise.resolve(null);
  }
  if (type === 'arrayBuffer') return response.arrayBuffer();
  if (type === 'text') return response.text();
  return response.text().then(parseJsonBody);
}

const nothing = () => null;
const parseJsonBody = (text: string): unknown => (text === '' ? null : (JSON.parse(text) as unknown));

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

const ignore = () => undefined;
/** The headers of a request that has none (shared: never written to). */
const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});
const passDeadline = (run: RequestRun<unknown>) => run.deadlinePassed();

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
  /** What a `streamBody` factory threw, if it did. */
  private bodyFailure: unknown;
  private readonly url: string;
  private readonly key: string;
  private readonly id: string;
  /** The request's own signal, following the caller's (one listener per caller signal). */
  private signal: AbortSignal | undefined;
  private aborted: Promise<never> | undefined;
  private readonly timeoutMs: number;
  private readonly startedAt: number;
  private readonly sentHeaders: Readonly<Record<string, string>>;
  private authHeaders: Readonly<Record<string, string>> = NO_HEADERS;
  /** An attempt may have been acted on: a failure in the end leaves the outcome unknown. */
  private ambiguous = false;
  private refreshed = false;
  /** The reset the hold policy was last asked about. */
  private askedFor: string | null | undefined = undefined;
  // Per attempt, filled by the ky hooks.
  private reservation: Reservation | undefined;
  private credentialsRead = false;
  private headReceived = false;
  private settled = false;
  private exchangeResult: Exchange | undefined;
  private started = 0;
  private headStatus = 0;
  /** The attempt's time is up (`timeoutMs` since it was sent); ky's own timer covers the head. */
  private expired = false;
  /** Rejects the body read in progress, if any, when the time is up. */
  private failBody: ((reason: unknown) => void) | undefined;
  private readonly hasHeaders: boolean;

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
    this.timeoutMs = input.timeoutMs ?? c.settings.timeoutMs;
    this.startedAt = c.clock.now();
    const keyHeader = input.idempotencyKey !== undefined ? c.options.idempotencyKeyHeader : undefined;
    // Copied only when there are any (most requests have none).
    this.hasHeaders = c.options.headers !== undefined || input.headers !== undefined || keyHeader !== undefined;
    if (this.hasHeaders) {
      // Object.assign: a spread copy that gains keys leaves V8's fast path (Node 20).
      const headers: Record<string, string> = Object.assign({}, c.options.headers, input.headers);
      if (keyHeader) headers[keyHeader] = input.idempotencyKey!;
      this.sentHeaders = headers;
    } else this.sentHeaders = NO_HEADERS;
  }

  async run(): Promise<HttpResponse<T>> {
    if (this.input.signal?.aborted) throw this.input.signal.reason;
    // Pending work keeps the process alive until it settles, as an awaited fetch does.
    const release = holdProcess();
    const link = this.input.signal ? linkSignal(this.input.signal) : undefined;
    if (link) {
      const own = link.signal;
      this.signal = own;
      this.aborted = new Promise<never>((_resolve, reject) => own.addEventListener('abort', () => reject(own.reason), { once: true }));
      this.aborted.catch(ignore);
    }
    try {
      // One loop for the attempts and, within an attempt, the waits for a reset and the one
      // try with refreshed credentials (one async frame less per request than a nested loop).
      for (let attemptNumber = 1; ;) {
        try {
          const outcome = await this.abortable(this.dispatch(attemptNumber));
          if ('waitMs' in outcome) {
            await this.held(outcome);
            continue;
          }
          // A success returns without another turn; errors and refreshes go through `answered`.
          if (outcome.response.status < 400) return this.succeeded(outcome);
          await this.answered(outcome); // throws, unless the credentials were refreshed: then one more try
        } catch (failure) {
          if (failure instanceof StopRetrying || attemptNumber > this.c.settings.maxRetries) throw failure;
          await this.beforeRetry(failure as Error, attemptNumber);
          attemptNumber += 1;
        }
      }
    } catch (caught) {
      const error = caught instanceof StopRetrying ? caught.error : caught;
      if (this.input.signal?.aborted) throw this.input.signal.reason;
      if (this.ambiguous && !PublishOutcomeUnknownError.isInstance(error)) throw this.outcomeUnknown(error);
      throw error;
    } finally {
      link?.unlink();
      release();
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
      request: { method: this.method, url: this.url, headers: { ...this.sentHeaders, ...this.authHeaders } },
      platform: this.c.options.platform,
      secrets: this.secrets(),
    };
  }

  private cause(error: unknown): unknown {
    return safeCause(error, { secrets: this.secrets() });
  }

  private outcomeUnknown(cause: unknown, message?: string): PublishOutcomeUnknownError {
    return new PublishOutcomeUnknownError(
      message ??
        `${this.method} ${this.shownUrl()} may or may not have been acted on by ${this.c.options.platform}: ${cause instanceof Error ? cause.message : 'it failed after sending'}. ` +
          'Look the result up before trying again (or send an idempotency key).',
      {
        ...this.errorContext(),
        cause: this.cause(cause),
        ...(this.input.idempotencyKey !== undefined ? { idempotencyKey: this.input.idempotencyKey } : {}),
      },
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

  /** Races a wait against the caller's abort, so aborting rejects at once wherever it waits. */
  private abortable<R>(pending: Promise<R>): Promise<R> {
    return this.aborted ? Promise.race([pending, this.aborted]) : pending;
  }

  /** Held: waits outside the queue (so other buckets keep their slots) until the bucket may have room. */
  private async held(hold: Hold): Promise<void> {
    if (hold.state.resetAt !== this.askedFor) {
      this.askedFor = hold.state.resetAt;
      try {
        await this.onHold(hold);
      } catch (error) {
        throw new StopRetrying(error);
      }
    }
    try {
      await this.c.planner.waitForChange(this.key, hold.recheckMs, this.signal);
    } catch {
      throw new StopRetrying(new Error('aborted'));
    }
  }

  /** Queues the attempt; at its turn it reserves from the bucket and sends, or reports a hold. */
  private dispatch(attemptNumber: number): Promise<Exchange | Hold> {
    const { queue } = this.c;
    const capped = this.c.bucketQueue(this.bucket);
    if (!capped) {
      // A free slot: the attempt runs at once and gives the slot back as it ends (no promise
      // around it); otherwise it waits its turn in the queue.
      if (queue.tryTake()) return this.reserveAndSend(attemptNumber, queue);
      // Inline closures: a named one costs a property definition per call where names are kept (tsx, esbuild keepNames).
      return queue.run(() => this.reserveAndSend(attemptNumber));
    }
    return capped.run(() => queue.run(() => this.reserveAndSend(attemptNumber)));
  }

  /**
   * Runs at dispatch, inside the concurrency slot: the bucket is reserved only now, so after a
   * 429 nothing queued behind the cap goes out until the server's time.
   */
  private reserveAndSend(attemptNumber: number, slot?: ConcurrencySlots): Promise<Exchange | Hold> {
    let reserved: Reservation | Hold | Promise<Reservation | Hold>;
    try {
      if (this.signal?.aborted) throw new StopRetrying(new Error('aborted'));
      try {
        reserved = this.c.planner.tryReserve(this.key, this.bucket, this.cost);
      } catch (error) {
        throw new StopRetrying(this.cause(error));
      }
    } catch (error) {
      slot?.release();
      return Promise.reject(error);
    }
    // No promise hop when the store answers at once: the request goes out in the same turn
    // as its reservation, so nothing learned in between can make it stale.
    if (!(reserved instanceof Promise)) return this.sendReserved(attemptNumber, reserved, slot);
    return reserved.then(
      (reservation) => this.sendReserved(attemptNumber, reservation, slot),
      (error: unknown) => {
        slot?.release();
        throw new StopRetrying(this.cause(error));
      },
    );
  }

  /** Sends with the slot and the reservation taken, or reports the hold (giving the slot back). */
  private sendReserved(
    attemptNumber: number,
    reservation: Reservation | Hold,
    slot: ConcurrencySlots | undefined,
  ): Promise<Exchange | Hold> {
    if ('waitMs' in reservation) {
      slot?.release();
      return Promise.resolve(reservation);
    }
    this.reservation = reservation;
    this.credentialsRead = false;
    this.headReceived = false;
    this.settled = false;
    this.exchangeResult = undefined;
    return this.send(attemptNumber, reservation, slot);
  }

  /**
   * One attempt on the wire: sends, reads the answer and settles the reservation; a failure
   * becomes the error to throw (see `failedExchange`). The slot is given back once it is over.
   * One async frame from the reservation to the answer.
   */
  private async send(attemptNumber: number, reservation: Reservation, slot: ConcurrencySlots | undefined): Promise<Exchange> {
    try {
      const { events } = this.c;
      const { signal, input } = this;
      if (events.has('request'))
        events.emit('request', { id: this.id, method: this.method, url: this.shownUrl(), bucket: this.bucket, attempt: attemptNumber });
      this.started = performance.now();
      this.expired = false;
      // One timer per attempt, from sending to the end of the body, with ky's duration: timers of
      // one duration share a list, so it costs little (a duration that varies makes a new list each time).
      const deadline = setTimeout(passDeadline, this.timeoutMs, this);
      try {
        // ky's timeout covers the wait for the response head; `receive` reads the body until the
        // deadline and learns the limits.
        const init: KyOptions = { method: this.method, timeout: this.timeoutMs };
        // Only when there are any: merging an empty set still costs ky a Headers object.
        if (this.hasHeaders) init.headers = this.sentHeaders;
        if (signal) init.signal = signal;
        if (input.json !== undefined) init.json = input.json;
        if (input.body !== undefined) init.body = input.body;
        let pending: Promise<Response>;
        if (this.c.options.credentials !== undefined || input.streamBody !== undefined) {
          init.context = { run: this } satisfies HookContext;
          pending = this.c.http(this.url, init);
        } else {
          // ky built its request (a bad one throws here, before anything is sent): from now on
          // the request may reach the network, as after the hook.
          pending = this.c.bareHttp(this.url, init);
          this.credentialsRead = true;
        }
        await this.receive(await pending);
      } catch (error) {
        const sent = this.credentialsRead;
        if (!sent && !(error instanceof SendFailure)) throw new StopRetrying(error); // credentials failed: nothing was sent
        if (this.bodyFailure !== undefined) throw new StopRetrying(this.bodyFailure); // the body cannot be read (again)
        if (signal?.aborted) throw new SendFailure('aborted', sent);
        if (error instanceof SendFailure) throw error;
        if (isTimeoutError(error)) throw new SendFailure('timeout', sent, error);
        throw new SendFailure('network', sent, error);
      } finally {
        clearTimeout(deadline);
      }
      return this.exchangeResult!;
    } catch (failure) {
      throw await this.failedExchange(failure, reservation);
    } finally {
      // A slot taken without the queue (see dispatch) is given back once the attempt is over.
      slot?.release();
    }
  }

  /**
   * ky `beforeRequest` hook: adds the credentials, read at dispatch (without a promise when the
   * provider answers at once), then sends a `streamBody` request itself. @internal
   */
  beforeRequest(request: Request): Promise<Response | undefined> | Response | undefined {
    const credentials = this.c.options.credentials;
    if (credentials === undefined) {
      this.credentialsRead = true;
      return this.sendStreamBody(request);
    }
    const provided = credentials.getHeaders();
    if (typeof (provided as PromiseLike<unknown>).then === 'function')
      return Promise.resolve(provided).then((headers) => this.authorized(request, headers));
    return this.authorized(request, provided as Record<string, string>);
  }

  private authorized(request: Request, provided: Record<string, string>): Promise<Response> | undefined {
    this.authHeaders = { ...provided };
    for (const [name, value] of Object.entries(this.authHeaders)) request.headers.set(name, value);
    this.credentialsRead = true;
    return this.sendStreamBody(request);
  }

  /**
   * Sends a `streamBody` request with a fresh stream (so ky never clones it), or nothing for
   * other requests. A factory that throws (a one-shot stream read already) stops the retries
   * with its error.
   */
  private sendStreamBody(request: Request): Promise<Response> | undefined {
    const factory = this.input.streamBody;
    if (factory === undefined) return undefined;
    let stream: ReadableStream<Uint8Array>;
    try {
      stream = toReadableStream(factory());
    } catch (error) {
      this.bodyFailure = error;
      throw error;
    }
    // `duplex: 'half'` is what fetch requires to send a stream (not yet in the DOM types).
    return this.c.fetch(new Request(request, { body: stream, duplex: 'half' } as RequestInit));
  }

  /** The attempt's time is up: a body still being read fails. @internal */
  deadlinePassed(): void {
    this.expired = true;
    this.failBody?.(BODY_TIMEOUT);
  }

  /** Reads the body in the time left and learns the limits from the answer (its reservation is settled here). */
  private async receive(response: Response): Promise<void> {
    this.headReceived = true;
    this.headStatus = response.status;
    const { input } = this;
    let body: unknown;
    let unreadable: unknown;
    try {
      const reading = response.status < 400 ? readBody(response, input.responseType) : response.text().then(parseErrorBody);
      // The body gets whatever time is left (on real time: timeouts measure the network).
      if (this.expired) {
        reading.catch(ignore);
        throw BODY_TIMEOUT;
      }
      body = await new Promise((resolve, reject) => {
        this.failBody = reject;
        reading.then(resolve, reject);
      });
    } catch (error) {
      unreadable = error;
    } finally {
      this.failBody = undefined;
    }
    const exchange = this.learn(response, unreadable === undefined ? body : undefined);
    this.settled = true;
    const settling = this.c.planner.settle(
      this.reservation!,
      exchange.observations,
      exchange.rateLimited ? (exchange.retryAfter !== undefined ? { retryAfterMs: exchange.retryAfter } : {}) : undefined,
    );
    // A store that answers at once costs no extra turn here.
    if (settling !== undefined) await settling;
    if (unreadable !== undefined) {
      if (this.signal?.aborted) throw new SendFailure('aborted', true);
      if (unreadable === BODY_TIMEOUT) throw new SendFailure('timeout', true);
      // The server answered: a 2xx whose body cannot be read still means it acted.
      throw new SendFailure(unreadable instanceof SyntaxError || response.status < 300 ? 'unreadable' : 'network', true, unreadable);
    }
    exchange.body = body;
    this.exchangeResult = exchange;
  }

  private learn(response: Response, body: unknown): Exchange {
    const { options } = this.c;
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
    return { response, body, observations, mapping, rateLimited, retryAfter };
  }

  /** Turns an attempt without a usable response into the error to throw (wrapped when it must not be retried). */
  private async failedExchange(failure: unknown, reservation: Reservation): Promise<unknown> {
    const { planner } = this.c;
    const platform = this.c.options.platform;
    if (failure instanceof StopRetrying) {
      // Never sent: the credentials provider failed, or a stream body could not be read (again).
      await planner.release(reservation);
      const error = failure.error;
      if (this.bodyFailure !== undefined) return failure;
      return new StopRetrying(
        SmmError.isInstance(error)
          ? error
          : new AuthError(`${platform} credentials could not be read`, { platform, cause: this.cause(error), secrets: this.secrets() }),
      );
    }
    if (!(failure instanceof SendFailure)) {
      await planner.release(reservation);
      return new StopRetrying(this.cause(failure));
    }
    const connecting = failure.kind === 'network' && !this.headReceived && failedWhileConnecting(failure.cause);
    // A request that never left gives its points back; one that did may have been counted.
    if (!this.settled) {
      if (!failure.sent || connecting) await planner.release(reservation);
      else await planner.settle(reservation, [], undefined);
    }
    if (failure.kind === 'aborted') return new StopRetrying(new Error('aborted'));
    if (failure.kind === 'unreadable') {
      const status = this.headStatus;
      const apiError = new ApiCallError(
        `${platform} answered ${this.method} ${this.shownUrl()} with a body that could not be read` +
          (failure.cause instanceof SyntaxError ? " (not JSON; use responseType 'text')" : ''),
        { ...this.errorContext(), status, isRetryable: false, cause: this.cause(failure.cause) },
      );
      // A create answered 2xx happened: the post exists but its id is lost. Never a plain failure
      // a person would reschedule (that would post twice).
      if (!this.idempotent)
        return new StopRetrying(
          this.outcomeUnknown(
            apiError,
            `${platform} accepted ${this.method} ${this.shownUrl()} but its answer could not be read, so the result is unknown. ` +
              'Look it up (findPublished) before trying again.',
          ),
        );
      return new StopRetrying(apiError);
    }
    let error: SmmError;
    if (failure.kind === 'timeout') {
      error = new TimeoutError(`${platform} did not answer ${this.method} ${this.shownUrl()} within ${this.timeoutMs} ms`, {
        ...this.errorContext(),
        timeoutMs: this.timeoutMs,
        ...(failure.cause !== undefined ? { cause: this.cause(failure.cause) } : {}),
      });
    } else {
      error = new NetworkError(
        connecting
          ? `could not connect to ${platform} for ${this.method} ${this.shownUrl()} (nothing was sent)`
          : `the connection to ${platform} failed during ${this.method} ${this.shownUrl()}`,
        { ...this.errorContext(), phase: connecting ? 'connect' : 'unknown', cause: this.cause(failure.cause) },
      );
    }
    if (connecting) return error; // nothing left this machine: always safe to retry
    if (!this.retrySafe) return new StopRetrying(this.outcomeUnknown(error));
    if (!this.idempotent) this.ambiguous = true;
    return error;
  }

  /** Emits `response` and reads the request id of an answer. */
  private responded(exchange: Exchange): string | undefined {
    const { options, events } = this.c;
    const { status, headers } = exchange.response;
    if (events.has('response'))
      // Measured only when someone listens: from sending to the answer read and learned from.
      events.emit('response', {
        id: this.id,
        method: this.method,
        url: this.shownUrl(),
        status,
        durationMs: performance.now() - this.started,
      });
    return options.requestIdHeader ? (headers.get(options.requestIdHeader) ?? undefined) : undefined;
  }

  /** The response of an answer below 400. */
  private succeeded(exchange: Exchange): HttpResponse<T> {
    const requestId = this.responded(exchange);
    const { status, headers } = exchange.response;
    const result: HttpResponse<T> = { status, headers, data: exchange.body as T };
    if (requestId !== undefined) result.requestId = requestId;
    return result;
  }

  /** For an answer of 400 or more: asks for a retry with fresh credentials, or throws. */
  private async answered(exchange: Exchange): Promise<'refreshed'> {
    const { planner, options } = this.c;
    const platform = options.platform;
    const { response, body, mapping, rateLimited, retryAfter } = exchange;
    const { status } = response;
    const requestId = this.responded(exchange);
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
                  cause: this.cause(error),
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
  private async beforeRetry(error: Error, attemptNumber: number): Promise<void> {
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
    if (delayMs > 0) {
      try {
        await clock.sleep(delayMs, this.signal);
      } catch {
        throw new StopRetrying(new Error('aborted'));
      }
    }
  }
}

// Retry-After of failures that are not rate limits (a 503), for the backoff.
const retryAfterOf = new WeakMap<object, number>();

/** A stream from a `streamBody` factory's answer (an async iterable becomes a pulled stream). */
function toReadableStream(source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  if (source instanceof ReadableStream) return source;
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      // Copied: a reader may reuse its buffer once we ask for the next piece.
      else controller.enqueue(next.value.slice());
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}
