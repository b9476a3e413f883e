import type { Clock } from '@smm/core/clock';
import type { FaultResponses, SimRequest } from '../simulator/index.js';
import { graphError } from './graph-error.js';
import { expiredTokenError } from './graph-tokens.js';
import { graphThrottleError, graphUsageHeaders, type GraphUsageLimit } from './usage-meter.js';

/** Options of {@link graphFaultResponses}. */
export interface GraphFaultResponsesOptions {
  clock: Clock;
  /** Which limit an injected `429-storm` plays (default the platform app limit, code 4). */
  usage?: GraphUsageLimit;
  /** The business object id keyed in `X-Business-Use-Case-Usage` for BUC throttling (default `'0'`). */
  businessId?: string | ((request: SimRequest) => string);
}

/**
 * The engine's fault answers in Graph's shapes, for `createSimulatorEngine({ faultResponses })`:
 * `429-storm` → Graph's throttle error (Graph answers throttling with its error object and code
 * 4/17/32/613/800xx, not HTTP 429) with the usage header at 100 % and, for BUC,
 * `estimated_time_to_regain_access` in minutes; `5xx` → code 2 "An unexpected error has occurred.
 * Please retry your request later." with `is_transient: true`; `expired-token` → code 190 subcode 463;
 * an unknown path → code 2500 "Unknown path components: /…" (the segments after the object id,
 * as Graph answers for an unknown edge or a malformed version such as `/3.0/me/feed`:
 * github.com/arsduo/koala/issues/611, github.com/owlstacks/owlstack-laravel/issues/15) or, for a
 * lone unknown id, the unsupported-request answer (code 100 subcode 33).
 * https://developers.facebook.com/docs/graph-api/overview/rate-limiting/ ·
 * https://developers.facebook.com/docs/graph-api/guides/error-handling
 *
 * @example
 * ```ts
 * const engine = createSimulatorEngine({ platform: 'instagram', baseUrl, clock, routes, faultResponses: graphFaultResponses({ clock, usage: { kind: 'buc', type: 'instagram' } }) });
 * ```
 */
export function graphFaultResponses(options: GraphFaultResponsesOptions): FaultResponses {
  const usage: GraphUsageLimit = options.usage ?? { kind: 'platform' };
  const businessId = (request: SimRequest) =>
    typeof options.businessId === 'function' ? options.businessId(request) : (options.businessId ?? '0');
  return {
    rateLimited(request, resetAtMs) {
      const regainInMs = Math.max(60_000, resetAtMs - options.clock.now());
      return graphThrottleError(usage, graphUsageHeaders(usage, businessId(request), 100, regainInMs));
    },
    serverError: (_request, status) =>
      graphError(status, { code: 2, message: 'An unexpected error has occurred. Please retry your request later.', transient: true }),
    // An injected expiry: the token ran out a moment ago.
    expiredToken: () => expiredTokenError(options.clock.now() - 1000, options.clock.now()),
    notFound(request) {
      const segments = request.path.split('/').filter(Boolean);
      const afterVersion = /^v\d+\.\d+$/.test(segments[0] ?? '') ? segments.slice(1) : segments;
      if (afterVersion.length > 1) {
        return graphError(400, { code: 2500, message: `Unknown path components: /${afterVersion.slice(1).join('/')}` });
      }
      return graphError(400, {
        code: 100,
        subcode: 33,
        type: 'GraphMethodException',
        message: `Unsupported ${request.method.toLowerCase()} request. Object with ID '${afterVersion[0] ?? ''}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      });
    },
  };
}
