import { z } from 'zod';
import { ADAPTER_V1_MEDIA_KINDS } from './adapter-v1-vocabulary.js';

const count = z.number().int().nonnegative({ error: 'must be a whole number, 0 or more' });
const kind = z.enum(ADAPTER_V1_MEDIA_KINDS, { error: `must be one of ${ADAPTER_V1_MEDIA_KINDS.join(', ')}` });

/** What media a post may carry on a network, as data. The schema is the source of truth. */
export const adapterV1MediaRulesSchema = z.strictObject({
  /** Most attachments in one post. */
  maxItems: count,
  /** Fewest attachments (a network that needs media, such as Instagram: 1). */
  minItems: count.optional(),
  /** Kinds the network accepts. */
  kinds: z.array(kind).readonly(),
  /** Per-kind caps (X: 1 video). */
  maxPerKind: z.partialRecord(kind, count).optional(),
  /** Whether kinds may be mixed in one post. */
  mixKinds: z.boolean().optional(),
  /** Whether every attachment needs alt text. */
  requireAltText: z.boolean().optional(),
  maxAltTextLength: count.optional(),
  /** Per-kind size caps in bytes. */
  maxSizeBytes: z.partialRecord(kind, count).optional(),
});

/** Media rules of spec v1 (inferred from {@link adapterV1MediaRulesSchema}). */
export type AdapterV1MediaRules = z.infer<typeof adapterV1MediaRulesSchema>;
