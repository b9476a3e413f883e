import { parseGraphRateLimit } from '@smm/meta-graph';

/**
 * Reads Threads' usage headers. Threads counts calls per app and user over a rolling 24 h
 * (4800 × impressions, https://developers.facebook.com/documentation/threads/overview, "Rate
 * limiting") and throttles with the Graph error object; the kit's Graph parser reads the
 * `X-App-Usage` / `X-Business-Use-Case-Usage` percentages when Meta sends them so the planner
 * slows down before the wall, and the regain time when it is hit.
 *
 * @example
 * ```ts
 * parseThreadsRateLimit({ status: 200, headers: new Headers({ 'x-app-usage': '{"call_count":95}' }) });
 * ```
 */
export const parseThreadsRateLimit = parseGraphRateLimit;
