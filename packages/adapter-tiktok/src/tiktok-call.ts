import type { z } from 'zod';
import { parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import type { TikTokBucket } from './rate-limits.js';

/** One JSON call to TikTok's API v2, its envelope checked (`error.code` must be `ok`). @internal */
export async function tiktokCall<S extends z.ZodType>(
  context: AdapterContext,
  schema: S,
  request: {
    method?: 'GET' | 'POST';
    path: string;
    json?: unknown;
    searchParams?: Record<string, string>;
    bucket: TikTokBucket;
    /** Safe to repeat (reads; an init is not). */
    idempotent: boolean;
  },
): Promise<z.output<S>> {
  const method = request.method ?? 'POST';
  const response = await context.http.request({
    method,
    path: request.path,
    ...(method === 'POST' ? { json: request.json ?? {}, headers: { 'content-type': 'application/json; charset=UTF-8' } } : {}),
    ...(request.searchParams ? { searchParams: request.searchParams } : {}),
    bucket: request.bucket,
    idempotent: request.idempotent,
    signal: context.signal,
  });
  return parseApiResponse(schema, response, 'tiktok', `${method} ${request.path}`);
}
