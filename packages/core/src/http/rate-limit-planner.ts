import type { Clock } from '../clock/index.js';
import { staticWindowEnd } from './daily-quota.js';
import type { RateLimitBucket, RateLimitObservation, RateLimitState, RateLimitStore, StaticLimit } from './types.js';

/** A slot taken from a bucket before sending; settled or released once the attempt ends. @internal */
export interface Reservation {
  key: string;
  bucket: RateLimitBucket;
  cost: number;
  /** The bucket's reset when the slot was taken: a release gives the slot back only within that window. */
  resetAt: string | null | undefined;
}

/** Why a request is being held, given to the hold policy. @internal */
export interface Hold {
  key: string;
  bucket: RateLimitBucket;
  waitMs: number;
  state: RateLimitState;
}

/** What this client alone knows of a bucket: its requests in flight and the window it last heard of. */
interface LocalBucket {
  inflight: number;
  windowResetMs: number | null;
  serverRemaining: number | undefined;
  waiters: Set<() => void>;
  lock: Promise<unknown>;
  /** Locked sections started and not finished. */
  busy: number;
}

// Resets of one window computed from delta seconds wobble by up to a second between responses.
const SAME_WINDOW_TOLERANCE_MS = 1_000;

function isThenable<T>(value: T | Promise<T>): value is Promise<T> {
  return value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';
}

// Every response of a window carries the same reset: remember the last conversion each way.
let lastIsoMs = NaN;
let lastIso = '';
const iso = (ms: number): string => {
  if (ms !== lastIsoMs) {
    lastIsoMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
};
let lastParsedIso = '';
let lastParsedMs = NaN;
const msOf = (text: string): number => {
  if (text !== lastParsedIso) {
    lastParsedIso = text;
    lastParsedMs = Date.parse(text);
  }
  return lastParsedMs;
};

type MaybePromise<T> = T | Promise<T>;

/** Continues with `next` at once when `value` is ready, so a sync store costs no promise hops. */
function then<T, R>(value: MaybePromise<T>, next: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return isThenable(value) ? value.then(next) : next(value);
}

/**
 * Plans requests around rate limits: takes `cost` from a bucket before a request goes,
 * holds requests while a bucket is empty until its reset, and reconciles with what each
 * response says. Known in-flight requests are subtracted from what the server reports, so
 * concurrent callers never together spend more than is left.
 * @internal
 */
export class RateLimitPlanner {
  private readonly local = new Map<string, LocalBucket>();
  private readonly cache = new Map<string, RateLimitState>();
  private readonly staticByBucket: Map<string, StaticLimit>;

  constructor(
    private readonly options: {
      store: RateLimitStore;
      clock: Clock;
      staticLimits: readonly StaticLimit[];
      marginMs: number;
      onUpdate: (state: RateLimitState) => void;
    },
  ) {
    this.staticByBucket = new Map(options.staticLimits.map((limit) => [limit.bucket, limit]));
  }

  /** The last known state of a key (a static limit's fresh window when nothing is known yet). */
  snapshot(key: string, bucket: RateLimitBucket): RateLimitState | undefined {
    const known = this.cache.get(key);
    if (known) return { ...known };
    const fixed = this.staticByBucket.get(bucket);
    if (!fixed) return undefined;
    return { limit: fixed.limit, remaining: fixed.limit, resetAt: null, windowMs: fixed.windowMs, scope: key };
  }

  snapshots(): RateLimitState[] {
    return [...this.cache.values()].map((state) => ({ ...state }));
  }

  /**
   * Takes `cost` from the bucket, waiting while it is empty and its reset lies ahead. `onHold`
   * is asked once per announced reset whether to wait; it throws to fail instead.
   */
  reserve(
    key: string,
    bucket: RateLimitBucket,
    cost: number,
    signal: AbortSignal | undefined,
    onHold: (hold: Hold) => Promise<void>,
  ): MaybePromise<Reservation> {
    signal?.throwIfAborted();
    const local = this.localOf(key);
    const outcome = this.locked(local, () => this.tryReserve(key, bucket, cost, local));
    if (!isThenable(outcome) && !('waitMs' in outcome)) return outcome;
    return this.reserveAfterWaiting(key, bucket, cost, signal, onHold, local, outcome);
  }

  private async reserveAfterWaiting(
    key: string,
    bucket: RateLimitBucket,
    cost: number,
    signal: AbortSignal | undefined,
    onHold: (hold: Hold) => Promise<void>,
    local: LocalBucket,
    first: MaybePromise<Reservation | Hold>,
  ): Promise<Reservation> {
    let outcome = await first;
    let askedFor: string | null | undefined;
    while ('waitMs' in outcome) {
      if (outcome.state.resetAt !== askedFor) {
        askedFor = outcome.state.resetAt;
        await onHold(outcome);
      }
      await this.waitForChange(local, outcome.waitMs, signal);
      signal?.throwIfAborted();
      outcome = await this.locked(local, () => this.tryReserve(key, bucket, cost, local));
    }
    return outcome;
  }

  private tryReserve(key: string, bucket: RateLimitBucket, cost: number, local: LocalBucket): MaybePromise<Reservation | Hold> {
    const now = this.options.clock.now();
    return then(this.current(key, bucket, now, local), (state): MaybePromise<Reservation | Hold> => {
      if (!state) {
        local.inflight += cost;
        return { key, bucket, cost, resetAt: undefined };
      }
      const freshWindow = state.limit > 0 && state.remaining >= state.limit;
      // An unknown reset cannot be waited for: send, and let the response teach us.
      if (state.remaining >= cost || (freshWindow && cost > state.limit) || state.resetAt === null) {
        state.remaining = Math.max(0, state.remaining - cost);
        local.inflight += cost;
        const reservation: Reservation = { key, bucket, cost, resetAt: state.resetAt };
        return then(this.write(key, state), () => reservation);
      }
      return { key, bucket, waitMs: msOf(state.resetAt) + this.options.marginMs - now, state };
    });
  }

  /** The attempt got a response: reconcile with what it says. */
  settle(
    reservation: Reservation,
    observations: readonly RateLimitObservation[],
    rateLimited: { retryAfterMs?: number } | undefined,
  ): MaybePromise<void> {
    const local = this.localOf(reservation.key);
    local.inflight = Math.max(0, local.inflight - reservation.cost);
    const now = this.options.clock.now();
    // Plain loop while the store answers synchronously; the rest goes async only when it must.
    for (let index = 0; index < observations.length; index += 1) {
      const applied = this.applyOne(reservation, observations[index]!, now, local);
      if (isThenable(applied)) return this.settleLater(applied, reservation, observations, index + 1, rateLimited, now, local);
    }
    if (rateLimited) {
      const marked = this.locked(local, () =>
        this.markExhausted(reservation.key, reservation.bucket, rateLimited.retryAfterMs, now, local),
      );
      if (isThenable(marked)) return marked.then(() => this.notify(local));
    }
    this.notify(local);
  }

  private applyOne(reservation: Reservation, observation: RateLimitObservation, now: number, local: LocalBucket): MaybePromise<void> {
    if (!observation.bucket) return this.locked(local, () => this.apply(reservation.key, reservation.bucket, observation, now, local));
    const key = this.keyFor(reservation.key, reservation.bucket, observation.bucket);
    const target = this.localOf(key);
    return then(
      this.locked(target, () => this.apply(key, observation.bucket!, observation, now, target)),
      () => {
        if (target !== local) this.notify(target);
      },
    );
  }

  private async settleLater(
    pending: Promise<void>,
    reservation: Reservation,
    observations: readonly RateLimitObservation[],
    from: number,
    rateLimited: { retryAfterMs?: number } | undefined,
    now: number,
    local: LocalBucket,
  ): Promise<void> {
    await pending;
    for (let index = from; index < observations.length; index += 1) await this.applyOne(reservation, observations[index]!, now, local);
    if (rateLimited)
      await this.locked(local, () => this.markExhausted(reservation.key, reservation.bucket, rateLimited.retryAfterMs, now, local));
    this.notify(local);
  }

  /** The attempt certainly did not reach the network: give the slot back. */
  release(reservation: Reservation): MaybePromise<void> {
    const local = this.localOf(reservation.key);
    local.inflight = Math.max(0, local.inflight - reservation.cost);
    if (reservation.resetAt === undefined) {
      this.notify(local);
      return;
    }
    const given = this.locked(local, () =>
      then(this.read(reservation.key), (state) => {
        if (!state || state.resetAt !== reservation.resetAt) return;
        state.remaining = Math.min(state.limit, state.remaining + reservation.cost);
        return this.write(reservation.key, state);
      }),
    );
    return then(given, () => this.notify(local));
  }

  private keyFor(requestKey: string, requestBucket: RateLimitBucket, bucket: RateLimitBucket): string {
    return `${requestKey.slice(0, requestKey.length - requestBucket.length)}${bucket}`;
  }

  private localOf(key: string): LocalBucket {
    let local = this.local.get(key);
    if (!local) {
      local = { inflight: 0, windowResetMs: null, serverRemaining: undefined, waiters: new Set(), lock: Promise.resolve(), busy: 0 };
      this.local.set(key, local);
    }
    return local;
  }

  // Serialises read-modify-write of one key, so an async store cannot interleave two
  // reservations. With a sync store and nothing queued, the section runs at once.
  private locked<T>(local: LocalBucket, run: () => MaybePromise<T>): MaybePromise<T> {
    if (local.busy === 0) {
      const result = run();
      if (!isThenable(result)) return result;
      local.busy += 1;
      const done = result.finally(() => {
        local.busy -= 1;
      });
      local.lock = done.catch(() => undefined);
      return done;
    }
    local.busy += 1;
    const done = local.lock.then(run).finally(() => {
      local.busy -= 1;
    });
    local.lock = done.catch(() => undefined);
    return done;
  }

  private notify(local: LocalBucket): void {
    if (local.waiters.size === 0) return;
    for (const wake of [...local.waiters]) wake();
  }

  private waitForChange(local: LocalBucket, ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = new AbortController();
      const cleanup = () => {
        local.waiters.delete(wake);
        signal?.removeEventListener('abort', onAbort);
        timer.abort();
      };
      const wake = () => {
        cleanup();
        resolve();
      };
      const onAbort = () => {
        cleanup();
        reject(signal?.reason);
      };
      local.waiters.add(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.options.clock.sleep(Math.max(0, ms), timer.signal).then(wake, () => undefined);
    });
  }

  // States handed to the store or kept in the cache are never mutated afterwards; `read`
  // returns a private copy the caller may change.
  private read(key: string): MaybePromise<RateLimitState | undefined> {
    return then(this.options.store.get(key), (state) => {
      if (!state) {
        this.cache.delete(key);
        return undefined;
      }
      this.cache.set(key, state);
      return { ...state };
    });
  }

  private write(key: string, state: RateLimitState): MaybePromise<void> {
    const kept = { ...state };
    this.cache.set(key, kept);
    return this.options.store.set(key, kept);
  }

  private publish(key: string, state: RateLimitState): MaybePromise<void> {
    return then(this.write(key, state), () => this.options.onUpdate(state));
  }

  /** The bucket's state now: seeded from a static limit, or refilled when its window has passed. */
  private current(key: string, bucket: RateLimitBucket, now: number, local: LocalBucket): MaybePromise<RateLimitState | undefined> {
    return then(this.read(key), (state) => {
      const fixed = this.staticByBucket.get(bucket);
      if (!state) {
        if (!fixed) return undefined;
        const seeded: RateLimitState = {
          limit: fixed.limit,
          remaining: fixed.limit,
          resetAt: iso(staticWindowEnd(fixed, now)),
          windowMs: fixed.windowMs,
          scope: key,
        };
        return then(this.publish(key, seeded), () => seeded);
      }
      if (state.resetAt === null || now < msOf(state.resetAt) + this.options.marginMs) return state;
      // The window has rolled: never stall on a reset in the past.
      local.windowResetMs = null;
      local.serverRemaining = undefined;
      let next: RateLimitState;
      if (fixed) {
        const limit = state.limit > 0 ? state.limit : fixed.limit;
        next = { limit, remaining: limit, resetAt: iso(staticWindowEnd(fixed, now)), windowMs: fixed.windowMs, scope: key };
      } else if (state.limit > 0) {
        next = { ...state, remaining: state.limit, resetAt: state.windowMs ? iso(now + state.windowMs) : null };
      } else {
        // Only a Retry-After was known: nothing left to plan with.
        this.cache.delete(key);
        return then(this.options.store.delete(key), () => undefined);
      }
      return then(this.publish(key, next), () => next);
    });
  }

  private apply(
    key: string,
    bucket: RateLimitBucket,
    observation: RateLimitObservation,
    now: number,
    local: LocalBucket,
  ): MaybePromise<void> {
    const { remaining, resetAtMs } = observation;
    if (remaining === undefined && observation.limit === undefined && resetAtMs === undefined && observation.windowMs === undefined) return;
    // A reset already past speaks of a window that is over.
    if (resetAtMs !== undefined && resetAtMs + this.options.marginMs <= now) return;
    return then(this.read(key), (previous) => this.merge(key, bucket, observation, local, previous));
  }

  private merge(
    key: string,
    bucket: RateLimitBucket,
    observation: RateLimitObservation,
    local: LocalBucket,
    previous: RateLimitState | undefined,
  ): MaybePromise<void> {
    const { remaining, resetAtMs } = observation;
    const fixed = this.staticByBucket.get(bucket);
    let serverRemaining = local.serverRemaining;
    let resetMs = resetAtMs;
    if (remaining !== undefined) {
      if (resetAtMs === undefined) {
        // No window identity (Meta usage): the latest figure is the truth.
        serverRemaining = remaining;
        local.windowResetMs = null;
      } else if (local.windowResetMs === null || resetAtMs > local.windowResetMs + SAME_WINDOW_TOLERANCE_MS) {
        serverRemaining = remaining;
        local.windowResetMs = resetAtMs;
      } else if (resetAtMs < local.windowResetMs - SAME_WINDOW_TOLERANCE_MS) {
        return; // a late answer from an earlier window
      } else {
        // Same window: answers can arrive out of order, and remaining only falls within a window.
        serverRemaining = Math.min(serverRemaining ?? remaining, remaining);
        local.windowResetMs = Math.max(local.windowResetMs, resetAtMs);
        resetMs = local.windowResetMs;
      }
      local.serverRemaining = serverRemaining;
    }
    const limit = observation.limit ?? previous?.limit ?? fixed?.limit ?? Math.max(remaining ?? 0, 0);
    const windowMs = observation.windowMs ?? previous?.windowMs ?? fixed?.windowMs;
    const next: RateLimitState = {
      limit,
      remaining:
        serverRemaining !== undefined && remaining !== undefined
          ? Math.max(0, serverRemaining - local.inflight)
          : (previous?.remaining ?? Math.max(0, limit - local.inflight)),
      resetAt: resetMs !== undefined ? iso(resetMs) : (previous?.resetAt ?? null),
      scope: key,
    };
    if (windowMs !== undefined) next.windowMs = windowMs;
    return this.publish(key, next);
  }

  /** A 429 (or the network's equivalent): nothing is left until the announced time. */
  private markExhausted(
    key: string,
    bucket: RateLimitBucket,
    retryAfterMs: number | undefined,
    now: number,
    local: LocalBucket,
  ): MaybePromise<void> {
    return then(this.read(key), (previous) => {
      const fixed = this.staticByBucket.get(bucket);
      let until = retryAfterMs !== undefined ? now + retryAfterMs : undefined;
      const previousReset = previous?.resetAt ? msOf(previous.resetAt) : undefined;
      if (previousReset !== undefined && previousReset > now) until = Math.max(until ?? 0, previousReset);
      if (until === undefined && fixed?.resetsAtMidnightIn) until = staticWindowEnd(fixed, now);
      if (until === undefined) return; // no timing at all: the retry backoff decides
      local.windowResetMs = until;
      local.serverRemaining = 0;
      const next: RateLimitState = { limit: previous?.limit ?? fixed?.limit ?? 0, remaining: 0, resetAt: iso(until), scope: key };
      const windowMs = previous?.windowMs ?? fixed?.windowMs;
      if (windowMs !== undefined) next.windowMs = windowMs;
      return this.publish(key, next);
    });
  }
}
