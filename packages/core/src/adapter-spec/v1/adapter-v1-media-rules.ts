import { z } from 'zod';
import { ADAPTER_V1_MEDIA_KINDS } from './adapter-v1-vocabulary.js';

const count = z.number().int().nonnegative({ error: 'must be a whole number, 0 or more' });
const positive = z.number().positive({ error: 'must be a number above 0' });
const kind = z.enum(ADAPTER_V1_MEDIA_KINDS, { error: `must be one of ${ADAPTER_V1_MEDIA_KINDS.join(', ')}` });

/**
 * Spec v1.1: what one file of a kind must be, checked against what core reads from its bytes
 * (type, dimensions, duration, codec) before any request. Every field is optional; absent means no rule.
 */
export const adapterV1MediaFileRulesSchema = z.strictObject({
  /** Accepted media types, e.g. `['image/jpeg', 'image/png']`. */
  formats: z
    .array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, { error: 'must be a media type such as image/jpeg' }))
    .readonly()
    .optional(),
  minBytes: count.optional(),
  maxBytes: count.optional(),
  minWidth: count.optional(),
  maxWidth: count.optional(),
  minHeight: count.optional(),
  maxHeight: count.optional(),
  /** Narrowest width ÷ height, e.g. `4 / 5` (0.8). */
  minAspectRatio: positive.optional(),
  /** Widest width ÷ height, e.g. `1.91`. */
  maxAspectRatio: positive.optional(),
  minDurationMs: count.optional(),
  maxDurationMs: count.optional(),
  /** Accepted video codecs as MP4 sample entries name them, e.g. `['avc1', 'hvc1']`. */
  videoCodecs: z.array(z.string().min(1)).readonly().optional(),
});

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
  /** Per-kind size caps in bytes (also the most core turns into base64 for an adapter without `streamedBodies`). */
  maxSizeBytes: z.partialRecord(kind, count).optional(),
  /** Spec v1.1: per-kind file rules (formats, bytes, dimensions, aspect ratio, duration, codecs). */
  files: z.partialRecord(kind, adapterV1MediaFileRulesSchema).optional(),
  /** Spec v1.1: the adapter reads `MediaRef.body` (streamed, in chunks). Default false: core hands it url or base64 sources as in v1.0. */
  streamedBodies: z.boolean().optional(),
});

/** Media rules of spec v1 (inferred from {@link adapterV1MediaRulesSchema}). */
export interface AdapterV1MediaRules extends z.infer<typeof adapterV1MediaRulesSchema> {}
/** Spec v1.1 per-kind file rules (inferred from {@link adapterV1MediaFileRulesSchema}). */
export interface AdapterV1MediaFileRules extends z.infer<typeof adapterV1MediaFileRulesSchema> {}
