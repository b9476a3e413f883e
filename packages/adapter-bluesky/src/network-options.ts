import { z } from 'zod';
import { MediaRefSchema } from '@smm/core/adapter-kit';
import { countGraphemes, utf8Length } from '@smm/core/adapter-kit';
import { StrongRefSchema } from './api-schemas.js';

/** Self-labels Bluesky knows for adult content (`com.atproto.label.defs#selfLabels`). */
export const BLUESKY_SELF_LABELS = ['sexual', 'nudity', 'porn', 'graphic-media'] as const;

const LanguageSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'must be a BCP 47 language tag such as en, ro or fa-IR' });
const TagSchema = z
  .string()
  .min(1, { error: 'must not be empty' })
  .refine((tag) => !tag.startsWith('#'), { error: 'must be given without the leading #' })
  .refine((tag) => countGraphemes(tag) <= 64 && utf8Length(tag) <= 640, { error: 'must be at most 64 graphemes and 640 bytes' });

/**
 * Bluesky's slice of `draft.networkOptions` (`networkOptions.bluesky`), validated by
 * `createClient`; problems join the draft's `ValidationError` under `networkOptions.bluesky.…`.
 *
 * - `langs`: the post's languages (up to 3); default `[draft.language]`.
 * - `labels`: self-labels for adult content (a content warning viewers click through).
 * - `tags`: extra hashtags stored with the post but not shown in its text (up to 8, no `#`).
 * - `quote`: a post to quote (`{ uri, cid }`), embedded as `app.bsky.embed.record` (or
 *   `recordWithMedia` with images or a video).
 * - `linkCard`: the card made from `draft.link`: `false` for none, or its `title`,
 *   `description` and `thumbnail` image (default: the link as title, no description).
 *
 * @example
 * ```ts
 * await client.publish('bluesky:did:plc:abc', {
 *   text: 'Our launch notes',
 *   link: 'https://example.com/notes',
 *   networkOptions: { bluesky: { langs: ['en', 'ro'], linkCard: { title: 'Launch notes', description: 'What is new' } } },
 * });
 * ```
 */
export const BlueskyOptionsSchema = z
  .object({
    langs: z
      .array(LanguageSchema)
      .min(1, { error: 'must list at least one language, or be left out' })
      .max(3, { error: 'must list at most 3 languages (Bluesky keeps 3)' })
      .optional(),
    labels: z
      .array(z.enum(BLUESKY_SELF_LABELS, { error: `must be one of ${BLUESKY_SELF_LABELS.join(', ')}` }))
      .max(4)
      .optional(),
    tags: z.array(TagSchema).max(8, { error: 'must hold at most 8 tags' }).optional(),
    quote: StrongRefSchema.optional(),
    linkCard: z
      .union([
        z.literal(false),
        z
          .object({
            title: z.string().max(300, { error: 'must be at most 300 characters' }).optional(),
            description: z.string().max(1000, { error: 'must be at most 1000 characters' }).optional(),
            thumbnail: MediaRefSchema.refine((media) => media.kind === 'image', { error: 'must be an image' }).optional(),
          })
          .strict(),
      ])
      .optional(),
  })
  .strict();

/** Bluesky's network options as given (before defaults). */
export interface BlueskyOptionsInput extends z.input<typeof BlueskyOptionsSchema> {}
/** Bluesky's network options as the adapter receives them. */
export interface BlueskyOptions extends z.output<typeof BlueskyOptionsSchema> {}

// The augmented module must be part of the program: the declaration bundles core ships no longer
// pull `@smm/core/model` in through `@smm/core/adapter-kit` (shared chunks), and TypeScript cannot
// augment a module it has not loaded (TS2664). A type-only import, erased from the output.
import type {} from '@smm/core/model';

declare module '@smm/core/model' {
  interface NetworkOptionsRegistry {
    bluesky: BlueskyOptionsInput;
  }
}
