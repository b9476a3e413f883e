import type { AdapterErrorResponse, ErrorMapping } from '@smm/core/adapter-kit';
import { readGraphError, type GraphError } from './graph-error-body.js';
import { GRAPH_AUTH_SUBCODES, GRAPH_ERROR_CODES, isGraphPermissionCode, isGraphThrottleCode } from './graph-error-codes.js';

/** Meta's trace id header: the same value as the body's `fbtrace_id` (give it as `requestIdHeader`). */
export const GRAPH_REQUEST_ID_HEADER = 'x-fb-trace-id';

// Meta names permissions in snake case (pages_manage_posts, instagram_business_content_publish).
const PERMISSION_NAME = /\b((?:pages|instagram|threads|publish|read|business|user|ads|manage|public)_[a-z_]+)\b/g;

function codeText(error: GraphError): string {
  return error.subcode === undefined ? `code ${error.code}` : `code ${error.code}, subcode ${error.subcode}`;
}

/** Meta's own words, with the user-facing title and message when it sent them, and the trace id. */
function describe(error: GraphError): string {
  const parts = [error.message ?? 'no message'];
  if (error.userTitle || error.userMessage) parts.push(`"${[error.userTitle, error.userMessage].filter(Boolean).join(': ')}"`);
  const trace = error.fbtraceId ? `, fbtrace_id ${error.fbtraceId}` : '';
  return `${parts.join(' — ')} (${codeText(error)}${trace})`;
}

function isAuthError(error: GraphError, status: number): boolean {
  if (error.code === GRAPH_ERROR_CODES.accessToken || error.code === GRAPH_ERROR_CODES.session) return true;
  if (error.subcode !== undefined && error.subcode in GRAPH_AUTH_SUBCODES) return true;
  // "OAuthException: if no subcode is present, the login status or access token has expired,
  // been revoked, or is otherwise invalid" — but OAuthException is also the type of many
  // ordinary errors (code 100, 200…), so only a 401 or no code at all counts.
  return error.type === 'OAuthException' && (status === 401 || error.code === undefined);
}

/**
 * Reads a Graph error response for core's HTTP client (`http.mapError`), following Meta's
 * error-handling guide (https://developers.facebook.com/docs/graph-api/guides/error-handling) and
 * rate-limiting page (https://developers.facebook.com/docs/graph-api/overview/rate-limiting/):
 *
 * - throttling codes (4, 17, 32, 341, 613, 80000–80014) → `rateLimited`, not acted on (the wait
 *   comes from {@link parseGraphRateLimit}'s regain time);
 * - code 190 / 102 and the auth subcodes → `auth`: subcode 463 (expired) or no subcode →
 *   refreshable; 458, 459, 460, 464, 467, 492 → not refreshable, the message says what the user
 *   must do (reconnect, log in to Facebook);
 * - permission codes (10, 200–299) → not acted on, not retryable, the message names the missing
 *   permission when Meta's message does;
 * - `is_transient: true`, codes 1 and 2 → retryable;
 * - 100 (invalid parameter), 3, 368, 506 (duplicate post) → not acted on, not retryable.
 *
 * The message carries Meta's message, the user title and message when present, the code and
 * subcode, and `fbtrace_id` (for Meta's support). Returns undefined for a body that is not a
 * Graph error (core then maps by status). Tokens are never part of it: Meta does not echo them
 * and core scrubs the credentials' secrets from every error anyway.
 *
 * @example
 * ```ts
 * const adapter = defineAdapter({ http: { mapError: mapGraphError, parseRateLimit: parseGraphRateLimit, requestIdHeader: GRAPH_REQUEST_ID_HEADER }, … });
 * mapGraphError({ status: 400, headers: new Headers(), body: { error: { message: 'Error validating access token: Session has expired', type: 'OAuthException', code: 190, error_subcode: 463, fbtrace_id: 'A1' } } });
 * // { platformCode: 190, auth: { refreshable: true }, message: 'Graph access token expired: … (code 190, subcode 463, fbtrace_id A1): …' }
 * ```
 */
export function mapGraphError(response: AdapterErrorResponse): ErrorMapping | undefined {
  const error = readGraphError(response.body);
  if (!error) return undefined;
  // The code alone, so callers can compare numbers; the subcode is in the message.
  const base: ErrorMapping = error.code === undefined ? {} : { platformCode: error.code };

  if (isGraphThrottleCode(error.code)) {
    return {
      ...base,
      rateLimited: true,
      retryable: true,
      notActedOn: true,
      message: `Graph throttled the call: ${describe(error)}. Calls resume once usage drops (X-App-Usage / X-Business-Use-Case-Usage).`,
    };
  }
  if (isAuthError(error, response.status)) {
    const known = error.subcode === undefined ? undefined : GRAPH_AUTH_SUBCODES[error.subcode];
    const refreshable = known === undefined ? error.subcode === undefined : error.subcode === 463;
    const what = known ? `access token refused (${known.name})` : 'access token expired, revoked or invalid';
    const fix = known?.fix ?? 'refresh it, or connect the account again';
    return { ...base, auth: { refreshable }, notActedOn: true, message: `Graph ${what}: ${describe(error)}: ${fix}` };
  }
  if (isGraphPermissionCode(error.code)) {
    const named = [...new Set([...(error.message ?? '').matchAll(PERMISSION_NAME)].map((match) => match[1]))];
    const missing = named.length ? `missing permission ${named.join(', ')}` : 'a permission is missing or was removed';
    return {
      ...base,
      retryable: false,
      notActedOn: true,
      message: `Graph refused the call, ${missing}: ${describe(error)}. Ask for the permission at connect time (and in App Review), then connect the account again.`,
    };
  }
  if (error.isTransient === true || error.code === GRAPH_ERROR_CODES.unknown || error.code === GRAPH_ERROR_CODES.service) {
    return { ...base, retryable: true, message: `Graph had a temporary problem: ${describe(error)}` };
  }
  if (error.code === GRAPH_ERROR_CODES.duplicatePost) {
    return {
      ...base,
      retryable: false,
      notActedOn: true,
      message: `Graph refused a duplicate post: ${describe(error)}. Change the content and publish again.`,
    };
  }
  if (error.code === GRAPH_ERROR_CODES.policyBlock) {
    return {
      ...base,
      retryable: false,
      notActedOn: true,
      message: `Graph temporarily blocked the account for policy violations: ${describe(error)}. Wait before trying again.`,
    };
  }
  if (error.code === GRAPH_ERROR_CODES.invalidParameter || error.code === GRAPH_ERROR_CODES.method) {
    return { ...base, retryable: false, notActedOn: true, message: `Graph refused the request: ${describe(error)}` };
  }
  return { ...base, ...(error.isTransient === false ? { retryable: false } : {}), message: `Graph answered an error: ${describe(error)}` };
}
