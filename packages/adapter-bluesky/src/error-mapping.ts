import { z } from 'zod';
import type { AdapterErrorResponse, ErrorMapping } from '@smm/core/adapter-kit';

// XRPC errors are `{ "error": "<Name>", "message": "…" }`.
/** An XRPC error body: `{ error, message? }`. */
export const XrpcErrorSchema = z.object({ error: z.string().min(1), message: z.string().optional() }).loose();

/** An XRPC error body. */
export interface XrpcError extends z.infer<typeof XrpcErrorSchema> {}

/** Reads an XRPC error body; `undefined` when the body is something else. @internal */
export function readXrpcError(body: unknown): XrpcError | undefined {
  const parsed = XrpcErrorSchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

// An access token that a fresh session can replace.
const REFRESHABLE = new Set(['ExpiredToken', 'InvalidToken', 'AuthenticationRequired']);
// The account itself is refused: no new token helps, a person must act.
const ACCOUNT_REFUSED = new Set(['AccountTakedown', 'AccountDeactivated', 'AuthFactorTokenRequired', 'AuthMissing']);

/**
 * Turns a Bluesky (XRPC) error response into what the HTTP client needs: the error name as the
 * platform code, the message, and what it means. `ExpiredToken` (sent with status 400) and
 * `InvalidToken` are auth failures a refresh may fix; a taken-down or deactivated account is
 * an auth failure it cannot; `RateLimitExceeded` is a rate limit whatever the status; any
 * other 4xx is a refusal that proves nothing was written, so a create may safely be retried;
 * `MethodNotImplemented` (the PDS lacks the endpoint) is never worth retrying.
 *
 * @example
 * ```ts
 * mapBlueskyError({ status: 400, headers: new Headers(), body: { error: 'ExpiredToken', message: 'Token has expired' } });
 * // { platformCode: 'ExpiredToken', message: 'Token has expired', auth: { refreshable: true } }
 * ```
 */
export function mapBlueskyError(response: AdapterErrorResponse): ErrorMapping | undefined {
  const error = readXrpcError(response.body);
  if (!error) return undefined;
  const mapping: ErrorMapping = { platformCode: error.error };
  if (error.message) mapping.message = error.message;
  if (REFRESHABLE.has(error.error) && (response.status === 400 || response.status === 401)) mapping.auth = { refreshable: true };
  else if (ACCOUNT_REFUSED.has(error.error)) mapping.auth = { refreshable: false };
  else if (error.error === 'RateLimitExceeded') mapping.rateLimited = true;
  else if (error.error === 'MethodNotImplemented') mapping.retryable = false;
  else if (response.status >= 400 && response.status < 500 && response.status !== 408) mapping.notActedOn = true;
  return mapping;
}
