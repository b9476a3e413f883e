/**
 * The Graph error codes smm acts on, from Meta's pages:
 * - https://developers.facebook.com/docs/graph-api/guides/error-handling (codes 1, 2, 3, 4, 10, 17,
 *   102, 190, 200–299, 341, 368, 506, 1609005; auth subcodes 458, 459, 460, 463, 464, 467, 492)
 * - https://developers.facebook.com/docs/graph-api/overview/rate-limiting/ (throttling: 4, 17, 32,
 *   613 for platform limits; 80000–80014 for the business use cases: 80001 Pages, 80002
 *   Instagram, 80006 Messenger, …)
 */
export const GRAPH_ERROR_CODES = {
  /** API Unknown: possibly a temporary outage; wait and retry. */
  unknown: 1,
  /** API Service: temporary outage; wait and retry. */
  service: 2,
  /** API Method: capability or permission missing for this call. */
  method: 3,
  /** Application request limit reached. */
  appTooManyCalls: 4,
  /** Permission denied (not granted, or removed). */
  permissionDenied: 10,
  /** User request limit reached. */
  userTooManyCalls: 17,
  /** Page request limit reached (Pages API, platform limits). */
  pageTooManyCalls: 32,
  /** Invalid parameter. */
  invalidParameter: 100,
  /** API Session: login status or token expired, revoked or invalid. */
  session: 102,
  /** Access token expired or invalid (see the subcode). */
  accessToken: 190,
  /** Application limit reached: temporary throttling or downtime. */
  applicationLimit: 341,
  /** Temporarily blocked for policy violations. */
  policyBlock: 368,
  /** Duplicate post: the same content cannot be posted twice in a row. */
  duplicatePost: 506,
  /** Calls within one hour exceeded (custom, per endpoint). */
  customRateLimit: 613,
  /** Error posting link: the link could not be scraped. */
  linkError: 1609005,
} as const;

/** Codes that mean "throttled" (a rate limit, not an error in the request). */
const THROTTLE_CODES = new Set<number>([4, 17, 32, 341, 613]);

/**
 * Whether a Graph error code is a throttling code: 4, 17, 32, 341, 613, or a business-use-case
 * code 80000–80014 (https://developers.facebook.com/docs/graph-api/overview/rate-limiting/).
 *
 * @example
 * ```ts
 * isGraphThrottleCode(80002); // true (Instagram BUC)
 * isGraphThrottleCode(190); // false
 * ```
 */
export function isGraphThrottleCode(code: number | undefined): boolean {
  return code !== undefined && (THROTTLE_CODES.has(code) || (code >= 80000 && code <= 80014));
}

/**
 * Whether a Graph error code means a permission is missing: 10, or 200–299 ("API Permission
 * (Multiple values depending on permission)").
 *
 * @example
 * ```ts
 * isGraphPermissionCode(200); // true
 * ```
 */
export function isGraphPermissionCode(code: number | undefined): boolean {
  return code !== undefined && (code === 10 || (code >= 200 && code <= 299));
}

/**
 * Auth subcodes of code 190 (and OAuthException errors) that no token refresh can fix: the user
 * must act (log in to Facebook, confirm their account) or connect the account again.
 * https://developers.facebook.com/docs/graph-api/guides/error-handling (Authentication error subcodes)
 */
export const GRAPH_AUTH_SUBCODES: Readonly<Record<number, { name: string; fix: string }>> = {
  458: { name: 'app not installed', fix: 'the user removed the app: connect the account again' },
  459: { name: 'user checkpointed', fix: 'the user must log in at https://www.facebook.com to fix their account, then connect it again' },
  460: { name: 'password changed', fix: 'the user changed their password: connect the account again' },
  463: { name: 'expired', fix: 'the access token expired: refresh it, or connect the account again' },
  464: { name: 'unconfirmed user', fix: 'the user must confirm their account at https://www.facebook.com, then connect it again' },
  467: { name: 'invalid access token', fix: 'the access token is invalid or revoked: connect the account again' },
  492: { name: 'invalid session', fix: 'the user is no longer allowed on the Page (role removed): connect the account again' },
};
