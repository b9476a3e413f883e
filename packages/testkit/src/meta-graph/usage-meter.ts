import type { Clock } from '@smm/core/clock';
import type { SimRequest, SimRoute } from '../simulator/index.js';
import { graphError } from './graph-error.js';

// https://developers.facebook.com/docs/graph-api/overview/rate-limiting/ — the codes Graph answers
// once a limit is reached. Platform limits: 4 app, 17 user, 32 Page (user token on a Page),
// 613 custom. Business Use Case (BUC) limits, one code per use case: 80001 Pages, 80002
// Instagram, 80004 ads management, 80000 ads insights, 80003 custom audience, 80005 lead gen,
// 80006 Messenger, 80008 WhatsApp, 80009 catalog batch, 80014 catalog management.
const THROTTLE_MESSAGES: Record<number, string> = {
  4: '(#4) Application request limit reached',
  17: '(#17) User request limit reached',
  32: '(#32) Page request limit reached',
  613: '(#613) Calls to this api have exceeded the rate limit.',
};
const BUC_SUBJECTS: Record<string, string> = {
  pages: 'Page account',
  instagram: 'Instagram account',
  ads_management: 'ad-account',
  ads_insights: 'ad-account',
  custom_audience: 'ad-account',
  leadgen: 'Page account',
  messenger: 'Messenger account',
  whatsapp: 'WhatsApp Business account',
};

/** The BUC use-case types Meta names in `X-Business-Use-Case-Usage` (`type`), with their throttle code. */
export const BUC_THROTTLE_CODES = {
  ads_insights: 80000,
  pages: 80001,
  instagram: 80002,
  custom_audience: 80003,
  ads_management: 80004,
  leadgen: 80005,
  messenger: 80006,
  whatsapp: 80008,
} as const;

/** A use-case type of `X-Business-Use-Case-Usage`. */
export type BucType = keyof typeof BUC_THROTTLE_CODES;

/** Which of Meta's rate limits the meter plays. */
export type GraphUsageLimit =
  /** Platform rate limit, reported in `X-App-Usage`; throttles with `code` (4 app, 17 user, 32 Page, 613 custom; default 4). */
  | { kind: 'platform'; code?: 4 | 17 | 32 | 613 }
  /** Business Use Case limit, reported per business object in `X-Business-Use-Case-Usage`; throttles with the type's 800xx code. */
  | { kind: 'buc'; type: BucType; code?: number };

/** Options of {@link createGraphUsageMeter}. */
export interface GraphUsageMeterOptions {
  clock: Clock;
  /** Calls allowed in the rolling window (e.g. 200 × users for the platform limit; 4800 × impressions for Pages BUC). */
  limit: number;
  /** The rolling window; default one hour (Meta's platform and BUC windows). */
  windowMs?: number;
  /** Default `{ kind: 'platform' }`. */
  usage?: GraphUsageLimit;
  /**
   * HTTP status of the throttle answer. Default 400: Meta documents the codes, not a status, and
   * never a 429; Graph sends its error objects with 4xx (reported bodies of code 4 carry
   * `is_transient: true`: github.com/facebook/facebook-nodejs-business-sdk/issues/97).
   */
  throttleStatus?: number;
}

/** Usage of one key (an app, or a business object for BUC), as the headers report it. */
export interface GraphUsage {
  /** Calls counted in the current window. */
  calls: number;
  /** `call_count` in percent of the limit (0–100, integer, capped at 100). */
  percent: number;
  /** Milliseconds until a call is allowed again (0 when below the limit). */
  regainInMs: number;
}

/** Counts Graph calls, stamps Meta's usage headers and throttles at 100 %. */
export interface GraphUsageMeter {
  /**
   * Counts one call for `key` (the business object id for BUC; the app for platform; default `'app'`).
   * Returns Meta's throttle error (with the usage headers) when the key is at 100 %, else `undefined`.
   * A refused call is not counted (Meta lets usage fall back once the window moves on).
   */
  call(key?: string): Response | undefined;
  /** The usage header(s) for `key`, as Graph stamps them on every answer. */
  headers(key?: string): Record<string, string>;
  /** A copy of `response` with the usage headers for `key` added. */
  stamp(response: Response, key?: string): Response;
  usage(key?: string): GraphUsage;
  /**
   * Fault hook: fills `key`'s window to `percent` now (100 → the next call is throttled until
   * `regainInMs`, default the window).
   */
  fill(percent: number, key?: string, regainInMs?: number): void;
  /** Forgets every call. */
  reset(): void;
  /**
   * Wraps a route: counts the call under `keyOf(request)` (default `'app'`), answers the throttle
   * error at 100 %, otherwise runs the route and stamps the headers on its answer.
   */
  wrap(route: SimRoute, keyOf?: (request: SimRequest) => string): SimRoute;
}

/**
 * The usage header Graph stamps for `limit` at `percent`: `X-App-Usage`
 * (`{"call_count","total_cputime","total_time"}`) for the platform limit, or
 * `X-Business-Use-Case-Usage` (`{"<key>":[{"type","call_count","total_cputime","total_time","estimated_time_to_regain_access"}]}`,
 * the regain time in whole minutes, rounded up) for a BUC limit. CPU and total time are reported
 * at the call-count percentage. https://developers.facebook.com/docs/graph-api/overview/rate-limiting/
 *
 * @example
 * ```ts
 * graphUsageHeaders({ kind: 'buc', type: 'pages' }, '1234', 100, 90_000);
 * // { 'x-business-use-case-usage': '{"1234":[{"type":"pages","call_count":100,…,"estimated_time_to_regain_access":2}]}' }
 * ```
 */
export function graphUsageHeaders(limit: GraphUsageLimit, key: string, percent: number, regainInMs: number): Record<string, string> {
  if (limit.kind === 'platform') {
    return { 'x-app-usage': JSON.stringify({ call_count: percent, total_cputime: percent, total_time: percent }) };
  }
  const entry = {
    type: limit.type,
    call_count: percent,
    total_cputime: percent,
    total_time: percent,
    estimated_time_to_regain_access: Math.ceil(regainInMs / 60_000),
  };
  return { 'x-business-use-case-usage': JSON.stringify({ [key]: [entry] }) };
}

/**
 * Graph's throttle answer for `limit`, with `headers` (the usage headers at 100 %): the platform
 * codes `(#4) Application request limit reached`, `(#17) User request limit reached`, `(#32) Page
 * request limit reached`, `(#613) Calls to this api have exceeded the rate limit.`, or the BUC
 * type's 800xx code "There have been too many calls to this <account>. Wait a bit and try again. …",
 * `is_transient: true`. Status 400 unless given (Meta documents the codes, not a 429).
 *
 * @example
 * ```ts
 * return graphThrottleError({ kind: 'buc', type: 'instagram' }, meter.headers(igUserId));
 * ```
 */
export function graphThrottleError(limit: GraphUsageLimit, headers: Record<string, string>, status = 400): Response {
  if (limit.kind === 'platform') {
    const code = limit.code ?? 4;
    return graphError(status, { code, message: THROTTLE_MESSAGES[code]!, transient: true, headers });
  }
  const code = limit.code ?? BUC_THROTTLE_CODES[limit.type];
  const subject = BUC_SUBJECTS[limit.type] ?? 'account';
  return graphError(status, {
    code,
    message: `(#${code}) There have been too many calls to this ${subject}. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.`,
    transient: true,
    headers,
  });
}

/**
 * A usage meter for a Graph simulator: a rolling-window call count per key that stamps
 * `X-App-Usage` (`{"call_count","total_cputime","total_time"}`, percentages) or
 * `X-Business-Use-Case-Usage` (`{"<id>":[{"type","call_count","total_cputime","total_time","estimated_time_to_regain_access"}]}`,
 * the regain time in minutes) on every answer, and once a key is at 100 % answers Meta's
 * throttle error (codes 4/17/32/613 or the BUC type's 800xx) until calls fall out of the window.
 * CPU and total time are reported at the call-count percentage (the simulator spends no CPU worth
 * metering). https://developers.facebook.com/docs/graph-api/overview/rate-limiting/
 *
 * @example
 * ```ts
 * const meter = createGraphUsageMeter({ clock, limit: 4800, usage: { kind: 'buc', type: 'pages' } });
 * const routes = [meter.wrap(feedRoute, (request) => request.params.pageId!)];
 * meter.fill(100, '1234'); // the Page is throttled: code 80001 with estimated_time_to_regain_access
 * ```
 */
export function createGraphUsageMeter(options: GraphUsageMeterOptions): GraphUsageMeter {
  if (!Number.isInteger(options.limit) || options.limit < 1)
    throw new RangeError('createGraphUsageMeter: limit must be a whole number, 1 or more');
  const windowMs = options.windowMs ?? 3_600_000;
  const kind: GraphUsageLimit = options.usage ?? { kind: 'platform' };
  const calls = new Map<string, number[]>();
  // A fault-forced block: the key is at 100 % until this time, whatever its calls.
  const blockedUntil = new Map<string, number>();

  const live = (key: string): number[] => {
    const now = options.clock.now();
    const kept = (calls.get(key) ?? []).filter((at) => at > now - windowMs);
    calls.set(key, kept);
    return kept;
  };

  function usage(key = 'app'): GraphUsage {
    const now = options.clock.now();
    const list = live(key);
    const blocked = blockedUntil.get(key);
    if (blocked !== undefined && blocked > now) return { calls: list.length, percent: 100, regainInMs: blocked - now };
    const percent = Math.min(100, Math.floor((list.length * 100) / options.limit));
    // At the limit, a call is allowed again once the oldest counted call leaves the window.
    const regainInMs = list.length >= options.limit ? Math.max(0, list[list.length - options.limit]! + windowMs - now) : 0;
    return { calls: list.length, percent, regainInMs };
  }

  function headers(key = 'app'): Record<string, string> {
    const { percent, regainInMs } = usage(key);
    return graphUsageHeaders(kind, key, percent, regainInMs);
  }

  const throttle = (key: string) => graphThrottleError(kind, headers(key), options.throttleStatus);

  function stamp(response: Response, key = 'app'): Response {
    const out = new Headers(response.headers);
    for (const [name, value] of Object.entries(headers(key))) out.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers: out });
  }

  const meter: GraphUsageMeter = {
    call(key = 'app') {
      if (usage(key).percent >= 100) return throttle(key);
      live(key).push(options.clock.now());
      return undefined;
    },
    headers,
    stamp,
    usage,
    fill(percent, key = 'app', regainInMs) {
      if (percent < 0 || percent > 100) throw new RangeError('usage.fill: percent must be 0–100');
      const now = options.clock.now();
      // At 100 % the key is blocked until the regain time, then counts afresh.
      if (percent >= 100) {
        blockedUntil.set(key, now + (regainInMs ?? windowMs));
        return;
      }
      const wanted = Math.floor((percent * options.limit) / 100);
      const list = live(key);
      while (list.length < wanted) list.push(now);
    },
    reset() {
      calls.clear();
      blockedUntil.clear();
    },
    wrap(route, keyOf = () => 'app') {
      return {
        ...route,
        async handle(request) {
          const key = keyOf(request);
          const refused = meter.call(key);
          if (refused) return refused;
          return stamp(await route.handle(request), key);
        },
      };
    },
  };
  return meter;
}
