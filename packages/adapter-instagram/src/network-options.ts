import { z } from 'zod';

/**
 * Instagram's slice of `draft.networkOptions` (`networkOptions: { instagram: { … } }`): where the
 * media goes and the container fields Instagram takes besides the caption
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media).
 *
 * | option | Instagram field (`POST /<IG_ID>/media`) |
 * | --- | --- |
 * | `placement` | `feed` (default: one image, a carousel of 2–10, or one video — which Instagram shares as a reel), `reel` (`media_type=REELS`, one video), `story` (`media_type=STORIES`, one image or video, no caption) |
 * | `shareToFeed` | reels: `share_to_feed` (default true: the reel also shows in the feed) |
 * | `coverUrl` | reels: `cover_url` (a public JPEG) |
 * | `thumbOffsetMs` | reels: `thumb_offset` (the frame used as cover, in ms) |
 * | `locationId` | `location_id` (a Facebook Page id that has a location) |
 * | `collaborators` | `collaborators` (up to 3 usernames invited as collaborators; feed and reels) |
 *
 * @example
 * ```ts
 * await client.publish('instagram:17841405822304914', {
 *   text: 'Behind the scenes',
 *   media: [{ kind: 'video', source: { type: 'url', url: 'https://cdn.example.com/clip.mp4' } }],
 *   networkOptions: { instagram: { placement: 'reel', shareToFeed: true } },
 * });
 * ```
 */
export const InstagramOptionsSchema = z
  .object({
    placement: z.enum(['feed', 'reel', 'story'], { error: 'must be "feed", "reel" or "story"' }).default('feed'),
    shareToFeed: z.boolean().optional(),
    coverUrl: z.url({ error: 'must be the public http(s) URL of a JPEG image' }).optional(),
    thumbOffsetMs: z.number().int().min(0, { error: 'must be 0 or more milliseconds' }).optional(),
    locationId: z.string().regex(/^\d+$/, { error: 'must be the numeric id of a Facebook Page with a location' }).optional(),
    collaborators: z
      .array(z.string().regex(/^[A-Za-z0-9._]{1,30}$/, { error: 'must be an Instagram username (letters, digits, . and _)' }))
      .max(3, { error: 'Instagram invites at most 3 collaborators' })
      .optional(),
  })
  .strict();

/** Instagram's network options, as a draft gives them. */
export type InstagramOptionsInput = z.input<typeof InstagramOptionsSchema>;
/** Instagram's network options, parsed. */
export type InstagramOptions = z.output<typeof InstagramOptionsSchema>;

// A type-only import so the augmented module is part of the program (see adapter-x's network-options.ts).
import type {} from '@smm/core/model';

declare module '@smm/core/model' {
  interface NetworkOptionsRegistry {
    instagram: InstagramOptionsInput;
  }
}
