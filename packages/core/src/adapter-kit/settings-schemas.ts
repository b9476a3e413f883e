import { z } from 'zod';

/**
 * A duration setting in whole milliseconds above 0; `what` names it in the error
 * ("must be a duration in whole milliseconds").
 *
 * @example
 * ```ts
 * const Settings = z.object({ mediaProcessingTimeoutMs: positiveMsSchema('a duration').default(600_000) });
 * ```
 */
export function positiveMsSchema(what: string) {
  return z
    .number()
    .int({ error: `must be ${what} in whole milliseconds` })
    .positive({ error: `must be ${what} in milliseconds, above 0` });
}

/**
 * An absolute http(s) URL setting; `example` shows a good one in the error.
 *
 * @example
 * ```ts
 * const Settings = z.object({ baseUrl: httpUrlSchema('https://api.chirp.example').default('https://api.chirp.example') });
 * ```
 */
export function httpUrlSchema(example: string) {
  return z.url({ protocol: /^https?$/, error: `must be an absolute http(s) URL such as ${example}` });
}

/**
 * The optional `fetch` setting adapters take to download media given by URL (never given a
 * network token).
 *
 * @example
 * ```ts
 * const Settings = z.object({ fetch: fetchSettingSchema });
 * ```
 */
export const fetchSettingSchema = z
  .custom<typeof fetch>((value) => typeof value === 'function', { error: 'must be a fetch function' })
  .optional();
