import { z } from 'zod';
import type { AdapterErrorResponse, ErrorMapping } from '@smm/core/adapter-kit';

// Mastodon answers errors as { error } and OAuth errors as { error, error_description }.
const MastodonErrorBodySchema = z.object({ error: z.string().optional(), error_description: z.string().optional() }).loose();

/** A Mastodon error body, read leniently. */
export interface MastodonErrorBody extends z.infer<typeof MastodonErrorBodySchema> {}

/** Reads Mastodon's error body; `undefined` when the body is not one. @internal */
export function readMastodonErrorBody(body: unknown): MastodonErrorBody | undefined {
  const parsed = MastodonErrorBodySchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

// Statuses where Mastodon refused the request outright: nothing was created, a retry cannot duplicate.
const REFUSED_STATUSES = new Set([400, 403, 404, 410, 413, 422, 429]);

/**
 * Turns a Mastodon error response into what the HTTP client needs: the message from
 * `{ "error": "…" }` (OAuth errors: `error` is the code, `error_description` the message),
 * a 401 as an auth failure (refreshed once when a refresh token is known), a 403 for a missing
 * OAuth scope as an auth failure no refresh can fix, and 4xx refusals as not acted on (so a
 * create may be retried safely). 429 is a rate limit by its status.
 *
 * @example
 * ```ts
 * mapMastodonError({ status: 422, headers: new Headers(), body: { error: 'Validation failed: Text character limit of 500 exceeded' } });
 * // { message: 'Validation failed: Text character limit of 500 exceeded', notActedOn: true }
 * ```
 */
export function mapMastodonError(response: AdapterErrorResponse): ErrorMapping | undefined {
  const { status } = response;
  const body = readMastodonErrorBody(response.body);
  const isOAuth = body?.error_description !== undefined;
  const message = isOAuth
    ? body?.error_description
    : (body?.error ?? (typeof response.body === 'string' && response.body.length < 300 ? response.body : undefined));
  const mapping: ErrorMapping = {
    ...(isOAuth && body?.error ? { platformCode: body.error } : {}),
    ...(message ? { message } : {}),
  };
  if (status === 401) mapping.auth = { refreshable: true };
  else if (status === 403 && /scope/i.test(message ?? '')) mapping.auth = { refreshable: false };
  else if (status === 400 && (body?.error === 'invalid_grant' || body?.error === 'invalid_client')) mapping.auth = { refreshable: false };
  if (REFUSED_STATUSES.has(status)) mapping.notActedOn = true;
  return mapping;
}
