import { parseApiResponse, type AdapterHttpClient } from '@smm/core/adapter-kit';
import { z } from 'zod';

const IdSchema = z.object({ id: z.string().min(1) });

/**
 * A creating Graph call: `POST <path>` with the parameters form-encoded (as Meta's examples
 * send them, `curl -F`; Graph reads a form body and the query alike,
 * https://developers.facebook.com/docs/graph-api/overview) → the `{ id }` Graph answers (a
 * container, a post, a comment). Core does not retry it (a POST without an idempotency key):
 * after a lost answer, look before creating again.
 *
 * @example
 * ```ts
 * const { id } = await graphCreate(http, { path: graphPath(v, `${userId}/threads`), params: { media_type: 'TEXT', text: 'Hello' }, platform: 'threads', what: 'POST /{threads-user-id}/threads' });
 * ```
 */
export async function graphCreate(
  http: AdapterHttpClient,
  input: {
    path: string;
    params: Record<string, string>;
    platform: string;
    what: string;
    bucket?: string;
    signal?: AbortSignal | undefined;
  },
): Promise<{ id: string }> {
  const response = await http.request({
    method: 'POST',
    path: input.path,
    body: new URLSearchParams(input.params),
    ...(input.bucket ? { bucket: input.bucket } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  return parseApiResponse(IdSchema, response, input.platform, input.what);
}
