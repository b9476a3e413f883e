import { z } from 'zod';
import type { AdapterErrorResponse, ErrorMapping } from '@smm/core/adapter-kit';

// https://developers.google.com/youtube/v3/docs/errors: { error: { code, message, errors: [{ domain, reason, message }] } };
// OAuth endpoints answer { error, error_description }.
const GoogleErrorBodySchema = z
  .object({
    error: z.union([
      z
        .object({
          code: z.number().optional(),
          message: z.string().optional(),
          errors: z
            .array(z.object({ domain: z.string().optional(), reason: z.string().optional(), message: z.string().optional() }).loose())
            .optional(),
        })
        .loose(),
      z.string(),
    ]),
    error_description: z.string().optional(),
  })
  .loose();

/** The first `reason` of a Google error body (`quotaExceeded`, `uploadLimitExceeded`, …), if any. @internal */
export function googleErrorReason(body: unknown): string | undefined {
  const parsed = GoogleErrorBodySchema.safeParse(body);
  if (!parsed.success || typeof parsed.data.error === 'string') return undefined;
  return parsed.data.error.errors?.[0]?.reason;
}

// Reasons that are limits: the project's daily quota, and the short-term rate limits.
const RATE_LIMITED = new Set(['quotaExceeded', 'rateLimitExceeded', 'userRateLimitExceeded', 'dailyLimitExceeded']);
const PLAIN = (text: string) => text.replace(/<[^>]*>/g, '');

/**
 * Turns a Google error response into what the HTTP client needs: `reason` as the platform code
 * and its message; `quotaExceeded` (403, the project's daily units) and `rateLimitExceeded` as
 * rate limits; `uploadLimitExceeded` (the channel's own upload cap) as a refusal with a message
 * that says so; 401 `authError` as refreshable, `insufficientPermissions` and OAuth
 * `invalid_grant` as not; 4xx as not acted on (YouTube created nothing).
 *
 * @example
 * ```ts
 * mapYouTubeError({ status: 403, headers: new Headers(), body: { error: { code: 403, message: 'quota', errors: [{ domain: 'youtube.quota', reason: 'quotaExceeded' }] } } });
 * // { platformCode: 'quotaExceeded', message: '…', rateLimited: true, notActedOn: true }
 * ```
 */
export function mapYouTubeError(response: AdapterErrorResponse): ErrorMapping | undefined {
  const { status } = response;
  const parsed = GoogleErrorBodySchema.safeParse(response.body);
  const mapping: ErrorMapping = {};
  if (parsed.success) {
    const { error, error_description: description } = parsed.data;
    if (typeof error === 'string') {
      mapping.platformCode = error;
      if (description) mapping.message = description;
      if (error === 'invalid_grant' || error === 'invalid_client') mapping.auth = { refreshable: false };
    } else {
      const reason = error.errors?.[0]?.reason;
      if (reason) mapping.platformCode = reason;
      const message = error.message ?? error.errors?.[0]?.message;
      if (message) mapping.message = PLAIN(message);
      if (reason && RATE_LIMITED.has(reason)) mapping.rateLimited = true;
      if (reason === 'quotaExceeded') {
        mapping.message = "the project's daily YouTube quota is spent; it resets at midnight Pacific Time";
        mapping.retryable = false;
      }
      if (reason === 'uploadLimitExceeded') {
        mapping.message = 'the channel reached its upload limit (YouTube caps how many videos a channel uploads a day); try again tomorrow';
        mapping.retryable = false;
      }
      if (reason === 'insufficientPermissions') mapping.auth = { refreshable: false };
    }
  }
  if (status === 401) mapping.auth = { refreshable: true };
  if (status >= 400 && status < 500 && status !== 408) mapping.notActedOn = true;
  return mapping;
}
