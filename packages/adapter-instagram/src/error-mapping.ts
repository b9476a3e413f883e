import type { AdapterErrorResponse, ErrorMapping } from '@smm/core/adapter-kit';
import { mapGraphError, readGraphError } from '@smm/meta-graph';

/** Instagram's publishing-cap error: code 9, subcode 2207042 (IG error-code table). */
export const PUBLISHING_CAP_CODE = { code: 9, subcode: 2207042 } as const;

/**
 * Maps Instagram's answers to smm errors: the Graph error object (code, subcode, user title and
 * message, `fbtrace_id`) through the shared Graph mapping — 190 expired/invalid tokens as auth
 * errors, 4/17/32/613/80002 throttling as rate limits with the regain time, 10 and 200–299 as
 * missing permissions, transient codes as retryable — plus Instagram's own publishing cap, code 9
 * subcode 2207042 ("You reached maximum number of posts that is allowed to be published by Content
 * Publishing API", https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes),
 * which is not acted on and not retried (the adapter then reads `content_publishing_limit` and throws
 * `PublishingLimitError` saying when the oldest post frees).
 *
 * @example
 * ```ts
 * mapInstagramError({ status: 400, headers: new Headers(), body: { error: { code: 9, error_subcode: 2207042, message: 'Application request limit reached', type: 'OAuthException', fbtrace_id: 'A1' } } })?.platformCode; // 9
 * ```
 */
export function mapInstagramError(response: AdapterErrorResponse): ErrorMapping | undefined {
  const error = readGraphError(response.body);
  if (error?.code === PUBLISHING_CAP_CODE.code && error.subcode === PUBLISHING_CAP_CODE.subcode) {
    return {
      platformCode: PUBLISHING_CAP_CODE.code,
      retryable: false,
      notActedOn: true,
      message: `Instagram refused the publish: the account reached its content publishing limit (code 9, subcode 2207042${error.fbtraceId ? `, fbtrace_id ${error.fbtraceId}` : ''}). Wait until a post leaves the rolling 24 h window (GET /<IG_ID>/content_publishing_limit).`,
    };
  }
  return mapGraphError(response);
}
