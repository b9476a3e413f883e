import { z } from 'zod';

/**
 * Facebook's slice of `draft.networkOptions` (`networkOptions: { facebook: { … } }`).
 *
 * | option | Graph field |
 * | --- | --- |
 * | `videoTitle` | video posts: `title` of `POST /{page-id}/videos` (the draft's text is the `description`) |
 *
 * @example
 * ```ts
 * await client.publish('facebook:104776002231', {
 *   text: 'Behind the scenes',
 *   media: [{ kind: 'video', source: { type: 'url', url: 'https://example.com/tour.mp4' }, mimeType: 'video/mp4' }],
 *   networkOptions: { facebook: { videoTitle: 'Office tour' } },
 * });
 * ```
 */
export const FacebookOptionsSchema = z
  .object({
    videoTitle: z.string().min(1, { error: 'must not be empty (leave it out for no title)' }).optional(),
  })
  .strict();

/** Facebook's network options, as a draft gives them. */
export type FacebookOptionsInput = z.input<typeof FacebookOptionsSchema>;
/** Facebook's network options, parsed. */
export type FacebookOptions = z.output<typeof FacebookOptionsSchema>;

// A type-only import so the augmented module is part of the program (see adapter-x's network-options.ts).
import type {} from '@smm/core/model';

declare module '@smm/core/model' {
  interface NetworkOptionsRegistry {
    facebook: FacebookOptionsInput;
  }
}
