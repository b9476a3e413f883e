import { z } from 'zod';

const digits = (what: string) => z.string().regex(/^\d+$/, { error: `must be ${what}: the numeric id as a string` });

/**
 * Pinterest's slice of `draft.networkOptions` (`networkOptions: { pinterest: { … } }`). Every pin
 * goes on a board, so `boardId` is required; list the account's boards and sections with
 * `listPinterestBoards` when the account is connected and let the user choose per draft.
 *
 * | option | Pinterest field (`POST /v5/pins`) |
 * | --- | --- |
 * | `boardId` | `board_id` (required) |
 * | `boardSectionId` | `board_section_id` |
 * | `title` | `title` (up to 100 characters) |
 * | `link` | `link` (else the draft's `link`) |
 * | `dominantColor` | `dominant_color` (`#6E7874`) |
 * | `coverImageUrl` | video pins: `media_source.cover_image_url` |
 * | `coverKeyFrameTimeSec` | video pins: `media_source.cover_image_key_frame_time` (default 0, the first frame) |
 *
 * @example
 * ```ts
 * await client.publish('pinterest:2783136121146311751', {
 *   text: 'Our spring salad',
 *   media: [{ kind: 'image', source: { type: 'url', url: 'https://example.com/salad.jpg' }, altText: 'A green salad' }],
 *   networkOptions: { pinterest: { boardId: '549755885175', title: 'Spring salad' } },
 * });
 * ```
 */
export const PinterestOptionsSchema = z
  .object({
    boardId: digits('the board id (from listPinterestBoards)'),
    boardSectionId: digits('a section id of that board').optional(),
    title: z.string().max(100, { error: 'Pinterest titles are at most 100 characters' }).optional(),
    link: z.url({ error: 'must be an http(s) URL' }).max(2048, { error: 'Pinterest links are at most 2048 characters' }).optional(),
    dominantColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a hex colour such as #6E7874' })
      .optional(),
    coverImageUrl: z.url({ error: 'must be an http(s) URL of a JPEG or PNG image' }).optional(),
    coverKeyFrameTimeSec: z.number().int().min(0, { error: 'must be 0 or more seconds' }).optional(),
  })
  .strict();

/** Pinterest's network options, as a draft gives them. */
export type PinterestOptionsInput = z.input<typeof PinterestOptionsSchema>;
/** Pinterest's network options, parsed. */
export type PinterestOptions = z.output<typeof PinterestOptionsSchema>;

// A type-only import so the augmented module is part of the program (see adapter-x's network-options.ts).
import type {} from '@smm/core/model';

declare module '@smm/core/model' {
  interface NetworkOptionsRegistry {
    pinterest: PinterestOptionsInput;
  }
}
