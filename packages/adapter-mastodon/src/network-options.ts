import { z } from 'zod';
import { isIso6391 } from './posting-language.js';

/** Mastodon's own visibility names. */
export const MASTODON_VISIBILITIES = ['public', 'unlisted', 'private', 'direct'] as const;
/** A Mastodon visibility. */
export type MastodonVisibility = (typeof MASTODON_VISIBILITIES)[number];

const visibility = z.enum(MASTODON_VISIBILITIES, { error: `must be one of ${MASTODON_VISIBILITIES.join(', ')}` });

/**
 * Mastodon-only options of a draft, under `draft.networkOptions.mastodon`. Validated by
 * `createClient` with the rest of the draft (problems are reported under
 * `networkOptions.mastodon.…`).
 *
 * @example
 * ```ts
 * await client.publish('mastodon:1091', {
 *   text: 'Spoilers for the finale inside',
 *   networkOptions: { mastodon: { spoilerText: 'TV spoilers', threadVisibility: 'unlisted' } },
 * });
 * ```
 */
export const MastodonOptionsSchema = z
  .object({
    /** A content warning: shown instead of the text until the reader opens it (`spoiler_text`). */
    spoilerText: z
      .string()
      .min(1, { error: 'must be the warning text, or left out' })
      .max(1_000, { error: 'must be at most 1000 characters' })
      .optional(),
    /** Marks the media as sensitive (hidden behind a click); always true with a `spoilerText` on Mastodon. */
    sensitive: z.boolean().optional(),
    /** Overrides the draft's visibility with Mastodon's own name (`private` = followers only). */
    visibility: visibility.optional(),
    /**
     * Visibility of the follow-up parts of a thread (default: the root's). `unlisted` keeps a
     * long thread out of public timelines while it stays readable, as is customary on Mastodon.
     */
    threadVisibility: visibility.optional(),
    /**
     * ISO 639-1 language code of the text (Mastodon files a status with any other code under the
     * account's default language); default: the primary subtag of `draft.language`.
     */
    language: z.string().refine(isIso6391, { error: 'must be a two-letter ISO 639-1 code such as en, de or fa' }).optional(),
    /** Poll options (the poll itself comes from the publish options): allow several choices. */
    pollMultiple: z.boolean().optional(),
    /** Poll options: hide the vote counts until the poll ends. */
    pollHideTotals: z.boolean().optional(),
  })
  .strict();

/** Mastodon options as `doPublish` receives them. */
export interface MastodonOptions extends z.output<typeof MastodonOptionsSchema> {}
/** Mastodon options as a draft gives them. */
export interface MastodonOptionsInput extends z.input<typeof MastodonOptionsSchema> {}

// The augmented module must be part of the program: the declaration bundles core ships no longer
// pull `@smm/core/model` in through `@smm/core/adapter-kit` (shared chunks), and TypeScript cannot
// augment a module it has not loaded (TS2664). A type-only import, erased from the output.
import type {} from '@smm/core/model';

declare module '@smm/core/model' {
  interface NetworkOptionsRegistry {
    mastodon: MastodonOptionsInput;
  }
}
