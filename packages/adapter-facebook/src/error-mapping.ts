import type { AdapterErrorResponse, ErrorMapping } from '@smm/core/adapter-kit';
import { mapGraphError } from '@smm/meta-graph';

/** Graph's code for a duplicate status update (the same message posted twice in a row). */
export const DUPLICATE_POST_CODE = 506;

/**
 * Reads a Graph error for the HTTP client: the shared Graph mapping (`mapGraphError` of
 * `@smm/meta-graph`: throttling codes incl. the Pages business-use-case code 80001 → rate
 * limited; 190 → auth, not refreshable for a Page token; 10 / 200–299 → permission named;
 * transient → retryable), plus what is Facebook's own: a Page token refused for good says to
 * connect the Page again (`GET /me/accounts` issues a new one), and a duplicate post (code 506)
 * says Facebook refused a repeat of the last status.
 *
 * @example
 * ```ts
 * mapFacebookError({ status: 400, headers: new Headers(), body: { error: { message: '(#80001) There have been too many calls to this Page account.', type: 'OAuthException', code: 80001, fbtrace_id: 'A1' } } })?.rateLimited; // true
 * ```
 */
export function mapFacebookError(response: AdapterErrorResponse): ErrorMapping | undefined {
  const mapping = mapGraphError(response);
  if (!mapping) return mapping;
  if (mapping.auth && !mapping.auth.refreshable) {
    return {
      ...mapping,
      message: `${mapping.message ?? 'Facebook refused the Page token'} — connect the Page again (Facebook Login, then pick the Page) to get a new Page token`,
    };
  }
  if (mapping.platformCode === DUPLICATE_POST_CODE) {
    return {
      ...mapping,
      message: `${mapping.message ?? 'duplicate status'} — Facebook refuses the same message twice in a row on a Page: change the text`,
    };
  }
  return mapping;
}
