import { z } from 'zod';
import type { AdapterErrorResponse, ErrorMapping } from '@smm/core/adapter-kit';

// X answers errors in three shapes: v2 problem details ({ title, detail, type, status }),
// v2 request errors ({ errors: [{ message, parameters }], title, detail, type }) and v1.1 /
// OAuth bodies ({ errors: [{ code, message }] } / { error, error_description }).
const XErrorBodySchema = z
  .object({
    title: z.string().optional(),
    detail: z.string().optional(),
    type: z.string().optional(),
    errors: z
      .array(
        z
          .object({
            message: z.string().optional(),
            detail: z.string().optional(),
            title: z.string().optional(),
            type: z.string().optional(),
            code: z.union([z.number(), z.string()]).optional(),
            parameters: z.record(z.string(), z.unknown()).optional(),
          })
          .loose(),
      )
      .optional(),
    error: z.string().optional(),
    error_description: z.string().optional(),
  })
  .loose();

/** An X error body, read leniently. */
export interface XErrorBody extends z.infer<typeof XErrorBodySchema> {}

/** Reads any of X's error body shapes; `undefined` when the body is none of them. @internal */
export function readXErrorBody(body: unknown): XErrorBody | undefined {
  const parsed = XErrorBodySchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

/** The last segment of a problem `type` URL (`…/problems/usage-capped` → `usage-capped`). @internal */
export function problemKind(type: string | undefined): string | undefined {
  if (!type || type === 'about:blank') return undefined;
  return type.split('/').filter(Boolean).pop();
}

const UNAUTHORIZED = 'Unauthorized: X did not accept the access token (expired, revoked or invalid; X answers all three alike)';

// v1.1 code 88 and v2's usage cap are rate limits whatever the status.
const RATE_LIMIT_CODES = new Set<string | number>([88, '88']);
// The app or its access level is refused: a token refresh cannot help, a person must act.
const APP_REFUSED = new Set(['unsupported-authentication', 'client-forbidden', 'client-not-enrolled']);
// Statuses where X refused the request outright: nothing was created, so a retry cannot duplicate.
const REFUSED_STATUSES = new Set([400, 403, 404, 409, 413, 422]);

/**
 * Turns an X error response into what the HTTP client needs: X's own code and message, and
 * whether it is a rate limit (429, v1.1 code 88, `usage-capped`), an auth failure (401:
 * refresh once; an app X refuses: reconnect), or a refusal that proves nothing was created
 * (4xx), so a create may safely be retried.
 *
 * @example
 * ```ts
 * mapXError({ status: 429, headers: new Headers(), body: { errors: [{ code: 88, message: 'Rate limit exceeded' }] } });
 * // { platformCode: 88, message: 'Rate limit exceeded', rateLimited: true, notActedOn: true }
 * ```
 */
export function mapXError(response: AdapterErrorResponse): ErrorMapping | undefined {
  const { status } = response;
  const body = readXErrorBody(response.body);
  const first = body?.errors?.[0];
  const kind = problemKind(body?.type) ?? problemKind(first?.type);
  const told = body?.detail ?? first?.message ?? first?.detail ?? body?.error_description ?? body?.title ?? first?.title;
  // X's 401 is a bare "Unauthorized" whatever the cause: say what it can mean (the credentials
  // provider, which knows the token's expiry, says which one it is when it cannot refresh).
  const message = status === 401 && (told === undefined || told === 'Unauthorized') ? UNAUTHORIZED : told;
  const platformCode = first?.code ?? kind ?? body?.error;
  const mapping: ErrorMapping = {
    ...(platformCode === undefined ? {} : { platformCode }),
    ...(message === undefined ? {} : { message }),
  };
  if (status === 429 || (first?.code !== undefined && RATE_LIMIT_CODES.has(first.code)) || kind === 'usage-capped') {
    mapping.rateLimited = true;
  }
  if (status === 401) mapping.auth = { refreshable: true };
  else if (kind !== undefined && APP_REFUSED.has(kind)) mapping.auth = { refreshable: false };
  else if (body?.error === 'invalid_grant' || body?.error === 'invalid_client') mapping.auth = { refreshable: false };
  if (REFUSED_STATUSES.has(status) || mapping.rateLimited) mapping.notActedOn = true;
  return mapping;
}
