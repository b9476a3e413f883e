import { z } from 'zod';
import type { AdapterErrorResponse, ErrorMapping } from '@smm/core/adapter-kit';

// Pinterest's error body: `{ code, message }` (Pinterest.Lib.Error / Error in its OpenAPI).
const PinterestErrorSchema = z.object({ code: z.number().optional(), message: z.string().optional() }).loose();

/** Code 29: a Trial app creating pins in production. */
export const TRIAL_IN_PRODUCTION_CODE = 29;

/**
 * Turns a Pinterest error into what the HTTP client needs: Pinterest's code and message; a 429
 * is a rate limit; a 401 may be helped by one refresh; 400/403/404/409 are refusals (nothing was
 * created, so a create may be retried). A Trial app's pin in production (code 29) says what to do.
 *
 * @example
 * ```ts
 * mapPinterestError({ status: 401, headers: new Headers(), body: { code: 2, message: 'Authentication failed.' } });
 * // { platformCode: 2, message: 'Authentication failed.', auth: { refreshable: true } }
 * ```
 */
export function mapPinterestError(response: AdapterErrorResponse): ErrorMapping {
  const parsed = PinterestErrorSchema.safeParse(response.body);
  const body = parsed.success ? parsed.data : {};
  const mapping: ErrorMapping = {
    ...(body.code === undefined ? {} : { platformCode: body.code }),
    ...(body.message === undefined ? {} : { message: body.message }),
  };
  if (body.code === TRIAL_IN_PRODUCTION_CODE) {
    mapping.message = `${body.message ?? 'Trial access'} (set the adapter's access setting to "trial" to use the sandbox, or ask Pinterest for Standard access)`;
  }
  if (response.status === 429) mapping.rateLimited = true;
  if (response.status === 401) mapping.auth = { refreshable: true };
  if ([400, 403, 404, 409, 429].includes(response.status)) mapping.notActedOn = true;
  return mapping;
}
