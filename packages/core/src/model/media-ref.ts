import { ADAPTER_V1_MEDIA_KINDS } from '../adapter-spec/index.js';
import { z } from 'zod';
import { DurationMsSchema, HttpUrlSchema } from './primitives.js';

/** Kinds of media a post can carry. */
export const MEDIA_KINDS = ADAPTER_V1_MEDIA_KINDS;
/** A kind of media. */
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** Where media bytes come from: a URL the adapter fetches, or the bytes themselves as base64. */
export const MediaSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('url'), url: HttpUrlSchema }),
  z.object({
    type: z.literal('bytes'),
    base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'must be base64 (A–Z, a–z, 0–9, +, /, = padding)' }),
  }),
]);

/** A piece of media attached to a post, described well enough to check it against a network's limits. */
export const MediaRefSchema = z.object({
  kind: z.enum(MEDIA_KINDS, { error: `must be one of ${MEDIA_KINDS.join(', ')}` }),
  source: MediaSourceSchema,
  /** IANA media type, e.g. `image/jpeg`. */
  mimeType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, { error: 'must be a media type such as image/jpeg' }),
  sizeBytes: z.number().int().nonnegative().optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  durationMs: DurationMsSchema.optional(),
  /** Text alternative for people who cannot see the media. Some networks and policies require it. */
  altText: z.string().max(5000).optional(),
});

/** A piece of media attached to a post. */
export type MediaRef = z.infer<typeof MediaRefSchema>;
