import { parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import type { z } from 'zod';
import { graphPath } from '@smm/meta-graph';
import { IdSchema } from './api-schemas.js';
import { INSTAGRAM_BUCKETS } from './rate-limits.js';

/** What every Instagram call needs from the settings. @internal */
export interface InstagramCallConfig {
  apiVersion: string;
}

/** `/<version>/<path>` for this adapter's API version. @internal */
export function igPath(config: InstagramCallConfig, path: string): string {
  return graphPath(config.apiVersion, path);
}

/**
 * A creating Graph call (`POST`, parameters form-encoded as Graph reads them) that answers
 * `{ id }`. Not retried by core: a lost answer is recovered by looking (containers, media, comments).
 * @internal
 */
export async function createObject(
  context: AdapterContext,
  config: InstagramCallConfig,
  path: string,
  fields: Record<string, string>,
  what: string,
): Promise<string> {
  const response = await context.http.request({
    method: 'POST',
    path: igPath(config, path),
    body: new URLSearchParams(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    bucket: INSTAGRAM_BUCKETS.write,
    signal: context.signal,
  });
  return parseApiResponse(IdSchema, response, 'instagram', what).id;
}

/** A read (`GET /<version>/<path>?…`), parsed. @internal */
export async function readObject<S extends z.ZodType>(
  context: AdapterContext,
  config: InstagramCallConfig,
  path: string,
  searchParams: Record<string, string>,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  const response = await context.http.request({
    path: igPath(config, path),
    searchParams,
    bucket: INSTAGRAM_BUCKETS.read,
    signal: context.signal,
  });
  return parseApiResponse(schema, response, 'instagram', what);
}
