import { parseUsagePercentHeaders, type RateLimitObservation, type RateLimitParser } from '@smm/core/adapter-kit';
import { readGraphError } from './graph-error-body.js';
import { isGraphThrottleCode } from './graph-error-codes.js';

/**
 * The rate-limit buckets Graph adapters spend from: core's defaults (`read` for GET, `write`
 * otherwise) and `media` for uploads. Meta counts every call against the same usage figures, so
 * {@link parseGraphRateLimit} reports what a response says to each of them.
 */
export const GRAPH_BUCKETS = ['read', 'write', 'media'] as const;

/** Options of {@link createGraphRateLimitParser}. */
export interface GraphRateLimitOptions {
  /**
   * Usage (percent) from which calls are spaced out (default 75). Below it calls go at once.
   */
  slowDownAtPercent?: number;
  /**
   * The window `X-App-Usage` covers (default one hour: platform limits count "calls within one
   * hour", rolling; https://developers.facebook.com/docs/graph-api/overview/rate-limiting/).
   */
  appWindowMs?: number;
  /**
   * The window `X-Business-Use-Case-Usage` covers (default 24 hours: the Pages, Instagram and
   * Threads business use cases count calls "within 24 hours", e.g. 4,800 × engaged users or
   * impressions; https://developers.facebook.com/docs/graph-api/overview/rate-limiting/).
   */
  businessWindowMs?: number;
  /** Sets both windows at once (tests, a network with one window). */
  windowMs?: number;
  /** How long to stop after a throttling error that came with no usage header (default 5 min). */
  throttledWaitMs?: number;
  /** The buckets each response's usage is reported to (default {@link GRAPH_BUCKETS}). */
  buckets?: readonly string[];
}

/**
 * How long to wait before the next call at `percent` usage: nothing below `slowDownAt`; above
 * it, the window divided by the headroom left (`100 − percent`, at least 1), scaled by how far
 * into the slow zone usage is. So at 75 → 80 → 90 → 95 → 99 % (one-hour window) calls are
 * spaced 0 → 36 s → 3.6 min → 9.6 min → 57.6 min apart: as if each call cost 1 % of the limit,
 * the headroom is spread over ever more of the window, and at 100 % nothing goes until a whole
 * window has passed.
 *
 * @example
 * ```ts
 * graphPaceMs(90, { slowDownAtPercent: 75, windowMs: 3_600_000 }); // 216000
 * ```
 */
export function graphPaceMs(percent: number, options: { slowDownAtPercent: number; windowMs: number }): number {
  const { slowDownAtPercent: from, windowMs } = options;
  if (!(percent > from)) return 0;
  if (percent >= 100) return windowMs;
  const depth = (percent - from) / (100 - from);
  return Math.round((windowMs * depth) / Math.max(1, 100 - percent));
}

/**
 * Builds the Graph rate-limit parser (see {@link parseGraphRateLimit} for what it does) with
 * other thresholds.
 *
 * @example
 * ```ts
 * const parseRateLimit = createGraphRateLimitParser({ slowDownAtPercent: 60 });
 * ```
 */
export function createGraphRateLimitParser(options: GraphRateLimitOptions = {}): RateLimitParser {
  const slowDownAtPercent = options.slowDownAtPercent ?? 75;
  const appWindowMs = options.windowMs ?? options.appWindowMs ?? 3_600_000;
  const businessWindowMs = options.windowMs ?? options.businessWindowMs ?? 86_400_000;
  const throttledWaitMs = options.throttledWaitMs ?? 300_000;
  const buckets = options.buckets ?? GRAPH_BUCKETS;
  return (response, context) => {
    const { now } = context;
    // Core's reading of each header on its own: the most used figure as `remaining` out of 100,
    // and the regain time as `resetAtMs`. Each header has its own window.
    const app = usageOf(response, context, 'x-app-usage');
    const business = usageOf(response, context, 'x-business-use-case-usage');
    const throttled = response.status >= 400 && isGraphThrottleCode(readGraphError(response.body)?.code);
    if (!app && !business && !throttled) return [];
    const percentOf = (usage: RateLimitObservation | undefined) => (usage ? 100 - (usage.remaining ?? 100) : 0);
    const regainMs = Math.max(0, ...[app, business].map((usage) => (usage?.resetAtMs === undefined ? 0 : usage.resetAtMs - now)));
    const paceMs = Math.max(
      graphPaceMs(percentOf(app), { slowDownAtPercent, windowMs: appWindowMs }),
      graphPaceMs(percentOf(business), { slowDownAtPercent, windowMs: businessWindowMs }),
    );
    // Meta's own regain time wins: it knows when the window frees; otherwise pace by usage.
    let waitMs = regainMs > 0 ? regainMs : paceMs;
    if (throttled && waitMs === 0) waitMs = app || business ? (business ? businessWindowMs : appWindowMs) : throttledWaitMs;
    let observation: RateLimitObservation;
    if (waitMs <= 0) {
      // Plenty left: percent figures, no reset (Meta's windows roll; nothing to wait for).
      observation = { limit: 100, remaining: Math.min(app?.remaining ?? 100, business?.remaining ?? 100) };
    } else {
      // Spacing (or stopped): one call per `waitMs`. After the reset the planner lets exactly
      // one call through, whose answer says how much is left now.
      observation = { limit: 1, remaining: 0, resetAtMs: now + waitMs, windowMs: waitMs };
      if (throttled || regainMs > 0) observation.retryAfterMs = waitMs;
    }
    const targets = new Set<string>([context.bucket, ...buckets]);
    return [...targets].map((bucket) => ({ ...observation, bucket }));
  };
}

/** Core's usage reading of one of Meta's headers alone. */
function usageOf(
  response: Parameters<RateLimitParser>[0],
  context: Parameters<RateLimitParser>[1],
  header: 'x-app-usage' | 'x-business-use-case-usage',
): RateLimitObservation | undefined {
  const value = response.headers.get(header);
  if (value === null) return undefined;
  return parseUsagePercentHeaders({ status: response.status, headers: new Headers({ [header]: value }) }, context)[0];
}

/**
 * Core's `RateLimitParser` for every Meta API (give it as `http.parseRateLimit`). It reads the
 * usage headers (`X-App-Usage`, `X-Business-Use-Case-Usage` with `estimated_time_to_regain_access`
 * in minutes; https://developers.facebook.com/docs/graph-api/overview/rate-limiting/) and the
 * throttling error codes so the planner never drives into the wall:
 *
 * - below 75 % usage: `{ limit: 100, remaining: 100 − percent }`, calls go at once;
 * - from 75 %: calls are spaced out, more as usage nears 100 % ({@link graphPaceMs}), over the
 *   header's window (`X-App-Usage`: one hour; `X-Business-Use-Case-Usage`: 24 hours);
 * - at 100 %, with a regain time, or on a throttling error: nothing goes until the regain time
 *   (or, without one, a whole window), and a throttled answer carries it as `retryAfterMs`.
 *
 * Meta counts every call against the same figures, so the observation goes to each of
 * {@link GRAPH_BUCKETS}.
 *
 * @example
 * ```ts
 * parseGraphRateLimit(
 *   { status: 200, headers: new Headers({ 'x-app-usage': '{"call_count":28,"total_cputime":25,"total_time":25}' }) },
 *   { now: Date.now(), bucket: 'read' },
 * ); // [{ limit: 100, remaining: 72, bucket: 'read' }, { …, bucket: 'write' }, { …, bucket: 'media' }]
 * ```
 */
export const parseGraphRateLimit: RateLimitParser = createGraphRateLimitParser();
