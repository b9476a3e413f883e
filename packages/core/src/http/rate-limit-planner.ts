import type { Clock } from '../clock/index.js';
import { staticWindowEnd } from './daily-quota.js';
import { isKnown, publicState, reserveInRecord, settleRecord } from './rate-limit-record.js';
import type {
  RateLimitBucket,
  RateLimitObservation,
  RateLimitRecord,
  RateLimitReserveRequest,
  RateLimitReserveResult,
  RateLimitSettleReport,
  RateLimitSettleResult,
  RateLimitState,
  RateLimitStore,
  StaticLimit,
} from './types.js';

/** A slot taken from a bucket before sending; settled or released once the attempt ends. @internal */
export interface Reservation {
  key: string;
  bucket: RateLimitBucket;
  cost: number;
  id: string;
  /** The bucket's reset when the slot was taken. */
  window: string | null;
}

/** Why a request is being held, given to the hold policy. @internal */
export interface Hold {
  key: string;
  bucket: RateLimitBucket;
  waitMs: number;
  /** When to look again: sooner than `waitMs` when only other clients' reservations stand in the way. */
  recheckMs: number;
  state: RateLimitState;
}

type MaybePromise<T> = T | Promise<T>;

function isThenable<T>(value: MaybePromise<T>): value is Promise<T> {
  return value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';
}

/** Continues with `next` at once when `value` is ready, so a sync store costs no promise hops. */
function then<T, R>(value: MaybePromise<T>, next: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return isThenable(value) ? value.then(next) : next(value);
}

/** Atomic reserve/settle over any store: the store's own when it has them, else read-modify-write. */
interface Ledger {
  reserve(key: string, request: RateLimitReserveRequest): MaybePromise<RateLimitReserveResult>;
  settle(key: string, report: RateLimitSettleReport): MaybePromise<RateLimitSettleResult>;
}

/** What every planner sharing one store object shares in this process: wake-ups and per-key locks. */
interface Shared {
  ledger: Ledger;
  waiters: Map<string, Set<() => void>>;
}
const sharedByStore = new WeakMap<RateLimitStore, Shared>();

function sharedOf(store: RateLimitStore): Shared {
  let shared = sharedByStore.get(store);
  if (!shared) {
    shared = { ledger: ledgerOf(store), waiters: new Map() };
    sharedByStore.set(store, shared);
  }
  return shared;
}

function ledgerOf(store: RateLimitStore): Ledger {
  if (store.reserve && store.settle) {
    const reserve = store.reserve.bind(store);
    const settle = store.settle.bind(store);
    return { reserve, settle };
  }
  // Read-modify-write, serialised per key so an async store cannot interleave two updates.
  // With a sync store and nothing queued, the section runs at once (and is atomic).
  const locks = new Map<string, { tail: Promise<unknown>; busy: number }>();
  const locked = <T>(key: string, run: () => MaybePromise<T>): MaybePromise<T> => {
    let lock = locks.get(key);
    if (!lock || lock.busy === 0) {
      const result = run();
      if (!isThenable(result)) return result;
      lock ??= { tail: Promise.resolve(), busy: 0 };
      locks.set(key, lock);
      lock.busy += 1;
      const entry = lock;
      const done = result.finally(() => {
        entry.busy -= 1;
      });
      entry.tail = done.catch(() => undefined);
      return done;
    }
    const entry = lock;
    entry.busy += 1;
    const done = entry.tail.then(run).finally(() => {
      entry.busy -= 1;
    });
    entry.tail = done.catch(() => undefined);
    return done;
  };
  const write = (key: string, record: RateLimitRecord | undefined): MaybePromise<void> =>
    record ? store.set(key, record) : store.delete(key);
  return {
    reserve: (key, request) =>
      locked(key, () =>
        then(store.get(key), (stored) => {
          const result = reserveInRecord(key, stored, request);
          if (!result.granted && !result.changed) return result;
          return then(write(key, result.record), () => result);
        }),
      ),
    settle: (key, report) =>
      locked(key, () =>
        then(store.get(key), (stored) => {
          const result = settleRecord(key, stored, report);
          if (!stored && !result.record) return result;
          return then(write(key, result.record), () => result);
        }),
      ),
  };
}

/**
 * Plans requests around rate limits: takes `cost` from a bucket when a request is dispatched,
 * holds requests while a bucket is empty until its reset, and reconciles with what each
 * response says. Reservations live in the store, so every client (and, with an atomic store,
 * every process) sharing it counts the others' requests in flight.
 * @internal
 */
export class RateLimitPlanner {
  /**
   * The last record learned per key, kept as the store returned it (the memory store's live
   * record, another store's copy) and turned into a public state only when asked: most
   * requests never ask, and nothing here changes it.
   */
  private readonly cache = new Map<string, RateLimitRecord>();
  private readonly staticByBucket: Map<string, StaticLimit>;
  private readonly shared: Shared;
  private sequence = 0;
  private readonly idPrefix = Math.random().toString(36).slice(2, 10);

  constructor(
    private readonly options: {
      store: RateLimitStore;
      clock: Clock;
      staticLimits: readonly StaticLimit[];
      marginMs: number;
      /** Told of a changed bucket; asked first whether anyone listens (the state is built only then). */
      onUpdate: { listening(): boolean; updated(state: RateLimitState): void };
    },
  ) {
    this.staticByBucket = new Map(options.staticLimits.map((limit) => [limit.bucket, limit]));
    this.shared = sharedOf(options.store);
  }

  /** The last known state of a key (a static limit's fresh window when nothing is known yet). */
  snapshot(key: string, bucket: RateLimitBucket): RateLimitState | undefined {
    // A store that answers at once (the memory store) shows every sharing client's reservations.
    const stored = this.options.store.get(key);
    if (!isThenable(stored)) {
      const state = publicState(stored);
      if (state) return state;
    }
    const known = publicState(this.cache.get(key));
    if (known) return known;
    if (this.staticByBucket.size === 0) return undefined;
    const fixed = this.staticByBucket.get(bucket);
    if (!fixed) return undefined;
    return { limit: fixed.limit, remaining: fixed.limit, resetAt: null, windowMs: fixed.windowMs, scope: key };
  }

  snapshots(): RateLimitState[] {
    const states: RateLimitState[] = [];
    for (const record of this.cache.values()) states.push(publicState(record)!);
    return states;
  }

  private fixedOf(bucket: RateLimitBucket, now: number): RateLimitReserveRequest['fixed'] {
    if (this.staticByBucket.size === 0) return undefined;
    const fixed = this.staticByBucket.get(bucket);
    if (!fixed) return undefined;
    return {
      limit: fixed.limit,
      windowMs: fixed.windowMs,
      windowEnd: staticWindowEnd(fixed, now),
      aligned: fixed.resetsAtMidnightIn !== undefined,
    };
  }

  private learn(key: string, record: RateLimitRecord | undefined, changed: boolean): void {
    if (!isKnown(record)) {
      this.cache.delete(key);
      return;
    }
    this.cache.set(key, record);
    const { onUpdate } = this.options;
    // A fresh state for whoever is told: they may keep it.
    if (changed && onUpdate.listening()) onUpdate.updated(publicState(record)!);
  }

  /** Takes `cost` from the bucket now, or says how long to wait (never waits itself). */
  tryReserve(key: string, bucket: RateLimitBucket, cost: number): MaybePromise<Reservation | Hold> {
    const now = this.options.clock.now();
    const id = `${this.idPrefix}-${++this.sequence}`;
    const request: RateLimitReserveRequest = { id, cost, now, marginMs: this.options.marginMs };
    const fixed = this.fixedOf(bucket, now);
    if (fixed) request.fixed = fixed;
    const result = this.shared.ledger.reserve(key, request);
    // A store that answers at once is read at once, without a callback made for it.
    if (isThenable(result)) return result.then((answer) => this.reserved(key, bucket, cost, id, answer));
    return this.reserved(key, bucket, cost, id, result);
  }

  private reserved(key: string, bucket: RateLimitBucket, cost: number, id: string, result: RateLimitReserveResult): Reservation | Hold {
    this.learn(key, result.record, result.changed);
    if (result.granted) return { key, bucket, cost, id, window: result.window };
    const state = publicState(result.record) ?? { limit: 0, remaining: 0, resetAt: result.record.resetAt, scope: key };
    const blockedByOthers = (result.record.serverRemaining ?? 0) >= cost && (result.record.inFlight ?? 0) > 0;
    const waitMs = Math.max(0, result.waitMs);
    return { key, bucket, waitMs, recheckMs: blockedByOthers ? Math.min(waitMs, 100) : waitMs, state };
  }

  /** The attempt got a response (or may have reached the network): reconcile with what it says. */
  settle(
    reservation: Reservation,
    observations: readonly RateLimitObservation[],
    rateLimited: { retryAfterMs?: number } | undefined,
    sent = true,
  ): MaybePromise<void> {
    const now = this.options.clock.now();
    // Most answers speak only of their own bucket: then the list is used as it is, and the
    // split (with a map of the others) is made only when another bucket is named.
    let own = observations;
    let others: Map<RateLimitBucket, RateLimitObservation[]> | undefined;
    let mixed = false;
    for (const observation of observations) if (observation.bucket && observation.bucket !== reservation.bucket) mixed = true;
    if (mixed) {
      own = [];
      others = new Map();
      for (const observation of observations) {
        if (!observation.bucket || observation.bucket === reservation.bucket) (own as RateLimitObservation[]).push(observation);
        else {
          const named = others.get(observation.bucket);
          if (named === undefined) others.set(observation.bucket, [observation]);
          else named.push(observation);
        }
      }
    }
    const report: RateLimitSettleReport = {
      reservation: { id: reservation.id, cost: reservation.cost, window: reservation.window },
      sent,
      observations: own,
      now,
      marginMs: this.options.marginMs,
    };
    if (rateLimited) report.rateLimited = rateLimited;
    const fixed = this.fixedOf(reservation.bucket, now);
    if (fixed) report.fixed = fixed;
    const settled = this.shared.ledger.settle(reservation.key, report);
    let pending: MaybePromise<void>;
    // A store that answers at once is learned from at once, without a callback made for it.
    if (isThenable(settled)) pending = settled.then((result) => this.learnSettled(reservation.key, result));
    else pending = this.learnSettled(reservation.key, settled);
    if (others === undefined) return pending;
    for (const [bucket, list] of others) {
      const key = `${reservation.key.slice(0, reservation.key.length - reservation.bucket.length)}${bucket}`;
      const otherReport: RateLimitSettleReport = { sent, observations: list, now, marginMs: this.options.marginMs };
      const otherFixed = this.fixedOf(bucket, now);
      if (otherFixed) otherReport.fixed = otherFixed;
      pending = then(pending, () => then(this.shared.ledger.settle(key, otherReport), (result) => this.learnSettled(key, result)));
    }
    return pending;
  }

  private learnSettled(key: string, result: RateLimitSettleResult): void {
    this.learn(key, result.record, result.changed);
    this.notify(key);
  }

  /** The attempt certainly did not reach the network: give the points back. */
  release(reservation: Reservation): MaybePromise<void> {
    return this.settle(reservation, [], undefined, false);
  }

  private notify(key: string): void {
    const waiters = this.shared.waiters.get(key);
    if (!waiters || waiters.size === 0) return;
    for (const wake of [...waiters]) wake();
  }

  /** Waits until `ms` passes on the clock, or an answer in this process changes the bucket. */
  waitForChange(key: string, ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      let waiters = this.shared.waiters.get(key);
      if (!waiters) {
        waiters = new Set();
        this.shared.waiters.set(key, waiters);
      }
      const set = waiters;
      const timer = new AbortController();
      const cleanup = () => {
        set.delete(wake);
        if (set.size === 0) this.shared.waiters.delete(key);
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
      set.add(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.options.clock.sleep(Math.max(0, ms), timer.signal).then(wake, () => undefined);
    });
  }
}
