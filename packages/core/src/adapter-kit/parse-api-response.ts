import type { z } from 'zod';
import { ApiCallError, formatIssuePath } from '../errors/index.js';

/**
 * Reads a response body with a zod schema, so a body that is not what the network documents
 * becomes an `ApiCallError` (naming what was wrong) instead of a crash deep in an adapter.
 * Accepts parsed JSON or raw text (parsed here), so adapters may ask for `responseType: 'text'`.
 *
 * @param what - the call, for the message (`'POST /2/tweets'`).
 * @throws ApiCallError when the body is not JSON or does not fit `schema`.
 * @example
 * ```ts
 * const response = await http.request({ method: 'POST', path: '/2/tweets', json: { text } });
 * const { data } = parseApiResponse(z.object({ data: z.object({ id: z.string() }) }), response, 'x', 'POST /2/tweets');
 * ```
 */
export function parseApiResponse<S extends z.ZodType>(
  schema: S,
  response: { status: number; data: unknown; requestId?: string },
  platform: string,
  what: string,
): z.output<S> {
  let body = response.data;
  if (typeof body === 'string') {
    try {
      body = body === '' ? null : JSON.parse(body);
    } catch {
      throw new ApiCallError(`${platform} answered ${what} with a body that is not JSON (status ${response.status})`, {
        status: response.status,
        body: response.data,
        platform,
        isRetryable: false,
        ...(response.requestId ? { requestId: response.requestId } : {}),
      });
    }
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map((issue) => `${formatIssuePath(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)))}: ${issue.message}`);
  throw new ApiCallError(`${platform} answered ${what} with an unexpected body (${problems.join('; ')})`, {
    status: response.status,
    body,
    platform,
    isRetryable: false,
    ...(response.requestId ? { requestId: response.requestId } : {}),
  });
}
