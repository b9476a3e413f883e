import { z } from 'zod';

/**
 * How publishing is made idempotent on a network, so that a retry never posts twice.
 *
 * - `native-key`: the network dedupes requests that carry the same key (Mastodon's
 *   `Idempotency-Key`); `header` names the header (default: `http.idempotencyKeyHeader`).
 * - `lookup`: the adapter can find an already-published post by its key (a marker it stores
 *   with the post, or a search) through `doFindPublished`; core calls it before publishing
 *   again with the same key.
 * - `none`: neither; a retry after an unknown outcome may duplicate, so core never retries a
 *   publish by itself and says so in a warning.
 */
export const adapterV1IdempotencySchema = z.discriminatedUnion(
  'strategy',
  [
    z.strictObject({ strategy: z.literal('native-key'), header: z.string().min(1).optional() }),
    z.strictObject({ strategy: z.literal('lookup') }),
    z.strictObject({ strategy: z.literal('none') }),
  ],
  { error: 'must be { strategy: "native-key" | "lookup" | "none" }' },
);

/** An idempotency strategy of spec v1 (inferred from {@link adapterV1IdempotencySchema}). */
export type AdapterV1Idempotency = z.infer<typeof adapterV1IdempotencySchema>;
