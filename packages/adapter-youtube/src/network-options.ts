import { z } from 'zod';

/** YouTube's privacy statuses (`status.privacyStatus`). */
export const YOUTUBE_PRIVACY_STATUSES = ['public', 'unlisted', 'private'] as const;
/** A YouTube privacy status. */
export type YouTubePrivacyStatus = (typeof YOUTUBE_PRIVACY_STATUSES)[number];

/**
 * YouTube-only options of a draft, under `draft.networkOptions.youtube`. Validated by
 * `createClient` with the rest of the draft. The draft's `text` is the video's description.
 *
 * @example
 * ```ts
 * await client.publish('youtube:UC…', {
 *   text: 'How we make our coffee, start to finish.',
 *   media: [{ kind: 'video', source: { type: 'file', path: './coffee.mp4' } }],
 *   networkOptions: { youtube: { title: 'Our coffee, start to finish', tags: ['coffee'], categoryId: '26' } },
 * });
 * ```
 */
export const YouTubeOptionsSchema = z
  .object({
    /** The video's title (up to 100 characters, no `<` or `>`); default: the text's first line, cut to 100. */
    title: z.string().min(1, { error: 'must be the video title, or left out' }).optional(),
    /** Keywords (`snippet.tags`): up to 500 characters together, no `<` or `>`. */
    tags: z.array(z.string().min(1, { error: 'must not be empty' })).optional(),
    /** Video category id (`snippet.categoryId`, e.g. `22` People & Blogs, `26` Howto & Style); default from the settings. */
    categoryId: z.string().regex(/^\d+$/, { error: 'must be a video category id such as 22' }).optional(),
    /** Overrides the draft's visibility with YouTube's own status (`private` is only for the channel and people it invites). */
    privacyStatus: z.enum(YOUTUBE_PRIVACY_STATUSES, { error: `must be one of ${YOUTUBE_PRIVACY_STATUSES.join(', ')}` }).optional(),
    /** Whether the video is made for kids (`status.selfDeclaredMadeForKids`, default false). YouTube requires the declaration. */
    madeForKids: z.boolean().optional(),
    /** Whether subscribers are notified (`notifySubscribers`, default true). */
    notifySubscribers: z.boolean().optional(),
    /** A custom thumbnail (`thumbnails.set`): JPEG or PNG, up to 2 MB, as base64. The channel must be allowed custom thumbnails. */
    thumbnail: z
      .object({
        base64: z.string().min(1, { error: 'must be the image bytes as base64' }),
        mimeType: z.enum(['image/jpeg', 'image/png'], { error: 'must be image/jpeg or image/png' }),
      })
      .strict()
      .optional(),
  })
  .strict();

/** YouTube options as `doPublish` receives them. */
export type YouTubeOptions = z.output<typeof YouTubeOptionsSchema>;
/** YouTube options as a draft gives them. */
export type YouTubeOptionsInput = z.input<typeof YouTubeOptionsSchema>;

// The augmented module must be part of the program (see adapter-mastodon's network-options.ts).
import type {} from '@smm/core/model';

declare module '@smm/core/model' {
  interface NetworkOptionsRegistry {
    youtube: YouTubeOptionsInput;
  }
}
