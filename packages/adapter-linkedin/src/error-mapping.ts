import { z } from 'zod';
import type { AdapterErrorResponse, ErrorMapping } from '@smm/core/adapter-kit';

// Rest.li error responses: { status, serviceErrorCode?, code?, message }; OAuth errors: { error, error_description }.
// https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling
const LinkedInErrorBodySchema = z
  .object({
    status: z.number().optional(),
    serviceErrorCode: z.number().optional(),
    code: z.string().optional(),
    message: z.string().optional(),
    error: z.string().optional(),
    error_description: z.string().optional(),
  })
  .loose();

// Statuses where LinkedIn refused the request outright: nothing was created, a retry cannot duplicate.
const REFUSED_STATUSES = new Set([400, 403, 404, 409, 410, 413, 415, 422, 426, 429]);

/**
 * Turns a LinkedIn error response into what the HTTP client needs: the `message` (Rest.li
 * `{ status, serviceErrorCode, code, message }`, OAuth `{ error, error_description }`), the
 * `code` (or `serviceErrorCode`) as the platform code, a 401 as an auth failure that a refresh
 * may fix, a 403 for a missing permission as one it cannot, and 4xx refusals as not acted on.
 *
 * @example
 * ```ts
 * mapLinkedInError({ status: 422, headers: new Headers(), body: { status: 422, message: 'ERROR :: /author :: field is required but not found and has no default value' } });
 * // { message: 'ERROR :: /author :: field is required but not found and has no default value', notActedOn: true }
 * ```
 */
export function mapLinkedInError(response: AdapterErrorResponse): ErrorMapping | undefined {
  const { status } = response;
  const parsed = LinkedInErrorBodySchema.safeParse(response.body);
  const body = parsed.success ? parsed.data : undefined;
  const message = body?.error_description ?? body?.message ?? body?.error;
  const code = body?.code ?? body?.error ?? (body?.serviceErrorCode === undefined ? undefined : String(body.serviceErrorCode));
  const mapping: ErrorMapping = {
    ...(code ? { platformCode: code } : {}),
    ...(message ? { message: message.trim() } : {}),
  };
  if (status === 401) mapping.auth = { refreshable: true };
  else if (status === 403 && /permission|scope|ACCESS_DENIED/i.test(`${message ?? ''} ${code ?? ''}`))
    mapping.auth = { refreshable: false };
  else if (status === 400 && body?.error === 'invalid_grant') mapping.auth = { refreshable: false };
  if (REFUSED_STATUSES.has(status)) mapping.notActedOn = true;
  return mapping;
}
