import type {
  RateLimitObservation,
  RateLimitRecord,
  RateLimitReserveRequest,
  RateLimitReserveResult,
  RateLimitSettleReport,
  RateLimitSettleResult,
  RateLimitState,
} from './types.js';

// Resets of one window computed from delta seconds wobble by up to a second between responses.
const SAME_WINDOW_TOLERANCE_MS = 1_000;

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

/** Points the server has left minus every reservation still in flight. */
function derive(record: RateLimitRecord): RateLimitRecord {
  record.remaining = record.serverRemaining === undefined ? 0 : Math.max(0, record.serverRemaining - (record.inFlight ?? 0));
  return record;
}

/**
 * Whether a stored bucket says anything public (not only a count of reservations).
 * @internal
 */
export function isKnown(record: RateLimitRecord | undefined): record is RateLimitRecord {
  return record !== undefined && (record.limit !== 0 || record.resetAt !== null);
}

/**
 * The public view of a stored bucket, or undefined when nothing is known of it yet (a record
 * that only counts reservations).
 * @internal
 */
export function publicState(record: RateLimitRecord | undefined): RateLimitState | undefined {
  if (!isKnown(record)) return undefined;
  const state: RateLimitState = { limit: record.limit, remaining: record.remaining, resetAt: record.resetAt, scope: record.scope };
  if (record.windowMs !== undefined) state.windowMs = record.windowMs;
  return state;
}

function unknownRecord(key: string, inFlight: number): RateLimitRecord {
  return { limit: 0, remaining: 0, resetAt: null, scope: key, inFlight, windowResetMs: null };
}

/**
 * The record as it stands at `now`: seeded from a static limit, or rolled when its reset has
 * passed. A copy of `stored`, unless `inPlace` (its owner lets it change).
 */
function current(
  key: string,
  stored: RateLimitRecord | undefined,
  now: number,
  marginMs: number,
  fixed: RateLimitReserveRequest['fixed'],
  inPlace: boolean,
): { record: RateLimitRecord; changed: boolean } {
  if (!stored) {
    if (!fixed) return { record: unknownRecord(key, 0), changed: false };
    const seeded: RateLimitRecord = {
      limit: fixed.limit,
      remaining: fixed.limit,
      resetAt: iso(fixed.windowEnd),
      windowMs: fixed.windowMs,
      scope: key,
      inFlight: 0,
      serverRemaining: fixed.limit,
      windowResetMs: null,
    };
    return { record: derive(seeded), changed: true };
  }
  const record = inPlace ? stored : { ...stored };
  if (record.resetAt === null || now < msOf(record.resetAt) + marginMs) return { record, changed: false };
  // The window has rolled: never stall on a reset in the past. Reservations still in flight
  // stay counted (they may land in the new window).
  record.windowResetMs = null;
  if (fixed) {
    const limit = record.limit > 0 ? record.limit : fixed.limit;
    Object.assign(record, { limit, serverRemaining: limit, resetAt: iso(fixed.windowEnd), windowMs: fixed.windowMs });
  } else if (record.limit > 0) {
    record.serverRemaining = record.limit;
    record.resetAt = record.windowMs ? iso(now + record.windowMs) : null;
  } else {
    // Only a Retry-After was known: nothing left to plan with.
    return { record: unknownRecord(key, record.inFlight ?? 0), changed: false };
  }
  return { record: derive(record), changed: true };
}

/**
 * One reservation, as every {@link RateLimitStore} applies it (atomically, for a shared store):
 * take `cost` when the bucket has it (or when nothing can be waited for), otherwise say how
 * long until the reset. Pure: returns the record to store.
 *
 * @example
 * ```ts
 * const result = reserveInRecord('x:12:read', stored, { id: 'r1', cost: 1, now: Date.now(), marginMs: 250 });
 * if (result.granted) await store.set('x:12:read', result.record);
 * ```
 */
export function reserveInRecord(
  key: string,
  stored: RateLimitRecord | undefined,
  request: RateLimitReserveRequest,
): RateLimitReserveResult {
  return reserve(key, stored, request, false);
}

/**
 * {@link reserveInRecord} on the stored record itself, for a store whose records nobody else
 * holds (the memory store): no copy per request.
 * @internal
 */
export function reserveInPlace(key: string, stored: RateLimitRecord | undefined, request: RateLimitReserveRequest): RateLimitReserveResult {
  return reserve(key, stored, request, true);
}

function reserve(
  key: string,
  stored: RateLimitRecord | undefined,
  request: RateLimitReserveRequest,
  inPlace: boolean,
): RateLimitReserveResult {
  const { cost, now, marginMs } = request;
  const { record, changed } = current(key, stored, now, marginMs, request.fixed, inPlace);
  derive(record);
  const freshWindow = record.limit > 0 && record.remaining >= record.limit;
  // An unknown reset cannot be waited for: send, and let the response teach us.
  if (record.resetAt === null || record.remaining >= cost || (freshWindow && cost > record.limit)) {
    record.inFlight = (record.inFlight ?? 0) + cost;
    return { granted: true, record: derive(record), window: record.resetAt, changed };
  }
  return { granted: false, record, waitMs: msOf(record.resetAt) + marginMs - now, changed };
}

function applyObservation(
  record: RateLimitRecord,
  observation: RateLimitObservation,
  now: number,
  marginMs: number,
  fixedLimit?: number,
): boolean {
  const { remaining, resetAtMs } = observation;
  if (remaining === undefined && observation.limit === undefined && resetAtMs === undefined && observation.windowMs === undefined)
    return false;
  // A reset already past speaks of a window that is over.
  if (resetAtMs !== undefined && resetAtMs + marginMs <= now) return false;
  let resetMs = resetAtMs;
  const seen = record.windowResetMs ?? null;
  if (remaining !== undefined) {
    if (resetAtMs === undefined) {
      // No window identity (Meta usage): the latest figure is the truth.
      record.serverRemaining = remaining;
      record.windowResetMs = null;
    } else if (seen === null || resetAtMs > seen + SAME_WINDOW_TOLERANCE_MS) {
      record.serverRemaining = remaining;
      record.windowResetMs = resetAtMs;
    } else if (resetAtMs < seen - SAME_WINDOW_TOLERANCE_MS) {
      return false; // a late answer from an earlier window
    } else {
      // Same window: answers arrive out of order, and remaining only falls within a window.
      record.serverRemaining = Math.min(record.serverRemaining ?? remaining, remaining);
      record.windowResetMs = Math.max(seen, resetAtMs);
      resetMs = record.windowResetMs;
    }
  }
  const limit = observation.limit ?? (record.limit > 0 ? record.limit : undefined) ?? fixedLimit ?? Math.max(remaining ?? 0, 0);
  record.limit = limit;
  if (record.serverRemaining === undefined) record.serverRemaining = limit;
  const windowMs = observation.windowMs ?? record.windowMs;
  if (windowMs !== undefined) record.windowMs = windowMs;
  if (resetMs !== undefined) record.resetAt = iso(resetMs);
  return true;
}

/**
 * Settles one attempt (or records what a response says of another bucket), as every
 * {@link RateLimitStore} applies it: the reservation leaves the in-flight count, the server's
 * figures replace the estimate (within a window they only fall), and a 429 empties the bucket
 * until `Retry-After` / the reset. Pure: returns the record to store.
 *
 * @example
 * ```ts
 * const { record } = settleRecord('x:12:read', stored, { sent: true, observations: [{ remaining: 9, resetAtMs }], now, marginMs: 250 });
 * ```
 */
export function settleRecord(key: string, stored: RateLimitRecord | undefined, report: RateLimitSettleReport): RateLimitSettleResult {
  return settle(key, stored, report, false);
}

/**
 * {@link settleRecord} on the stored record itself, for a store whose records nobody else
 * holds (the memory store): no copy per request.
 * @internal
 */
export function settleInPlace(key: string, stored: RateLimitRecord | undefined, report: RateLimitSettleReport): RateLimitSettleResult {
  return settle(key, stored, report, true);
}

function settle(key: string, stored: RateLimitRecord | undefined, report: RateLimitSettleReport, inPlace: boolean): RateLimitSettleResult {
  const { now, marginMs, fixed, reservation } = report;
  const rolled = current(key, stored, now, marginMs, fixed, inPlace);
  const record = rolled.record;
  let changed = rolled.changed;
  if (reservation) {
    record.inFlight = Math.max(0, (record.inFlight ?? 0) - reservation.cost);
    // Sent without news from the server: count it as spent in the window it was reserved in.
    if (report.sent && report.observations.length === 0 && record.serverRemaining !== undefined && reservation.window === record.resetAt)
      record.serverRemaining = Math.max(0, record.serverRemaining - reservation.cost);
  }
  for (const observation of report.observations) if (applyObservation(record, observation, now, marginMs, fixed?.limit)) changed = true;
  if (report.rateLimited) {
    const { retryAfterMs } = report.rateLimited;
    let until = retryAfterMs !== undefined ? now + retryAfterMs : undefined;
    const previousReset = record.resetAt ? msOf(record.resetAt) : undefined;
    if (previousReset !== undefined && previousReset > now) until = Math.max(until ?? 0, previousReset);
    if (until === undefined && fixed?.aligned) until = fixed.windowEnd;
    if (until !== undefined) {
      record.windowResetMs = until;
      record.serverRemaining = 0;
      record.limit = record.limit > 0 ? record.limit : (fixed?.limit ?? 0);
      record.resetAt = iso(until);
      if (record.windowMs === undefined && fixed) record.windowMs = fixed.windowMs;
      changed = true;
    }
  }
  derive(record);
  const empty = record.limit === 0 && record.resetAt === null && (record.inFlight ?? 0) === 0;
  return { record: empty ? undefined : record, changed };
}
