import { parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import type { z } from 'zod';

/**
 * One Rest.li request through the account's client, its answer parsed with `schema` (`what`
 * names it in errors). The `Linkedin-Version` and `X-Restli-Protocol-Version: 2.0.0` headers are
 * on every request (the adapter's `http.headers`). @internal
 */
export async function restGet<S extends z.ZodType>(
  context: AdapterContext,
  schema: S,
  what: string,
  request: { path: string; searchParams?: Record<string, string | number | undefined>; headers?: Record<string, string> },
): Promise<z.output<S>> {
  const response = await context.http.request({ ...request, bucket: 'read', signal: context.signal });
  return parseApiResponse(schema, response, 'linkedin', what);
}
