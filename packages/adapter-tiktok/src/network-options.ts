import { z } from 'zod';

/**
 * TikTok's privacy levels (`post_info.privacy_level`); a creator offers a subset of them in
 * `creator_info.privacy_level_options`. https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info
 */
export const TIKTOK_PRIVACY_LEVELS = ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY'] as const;
/** A TikTok privacy level. */
export type TikTokPrivacyLevel = (typeof TIKTOK_PRIVACY_LEVELS)[number];

/**
 * TikTok-only options of a draft, under `draft.networkOptions.tiktok` (the `post_info` fields of
 * https://developers.tiktok.com/doc/content-posting-api-reference-direct-post and
 * https://developers.tiktok.com/doc/content-posting-api-reference-photo-post).
 *
 * @example
 * ```ts
 * await client.publish('tiktok:-000OpenId', {
 *   text: 'Behind the scenes #studio',
 *   media: [{ kind: 'video', source: { type: 'file', path: './clip.mp4' } }],
 *   networkOptions: { tiktok: { privacyLevel: 'FOLLOWER_OF_CREATOR', disableDuet: true, isAigc: false } },
 * });
 * ```
 */
export const TikTokOptionsSchema = z
  .object({
    /** Who may view the post; must be one the creator offers (creator_info). Default: PUBLIC_TO_EVERYONE, or FOLLOWER_OF_CREATOR for `visibility: 'followers'`. */
    privacyLevel: z.enum(TIKTOK_PRIVACY_LEVELS, { error: `must be one of ${TIKTOK_PRIVACY_LEVELS.join(', ')}` }).optional(),
    /** `DIRECT_POST` publishes; `MEDIA_UPLOAD` sends the media to the creator's TikTok inbox as a draft to finish in the app. Default: the adapter's `postMode`. */
    postMode: z.enum(['DIRECT_POST', 'MEDIA_UPLOAD'], { error: 'must be DIRECT_POST or MEDIA_UPLOAD' }).optional(),
    disableComment: z.boolean().optional(),
    /** Videos only. */
    disableDuet: z.boolean().optional(),
    /** Videos only. */
    disableStitch: z.boolean().optional(),
    /** Videos only: the frame (ms into the video) used as the cover. */
    videoCoverTimestampMs: z.number().int().nonnegative({ error: 'must be a whole number of ms, 0 or more' }).optional(),
    /** Paid partnership promoting a third party. */
    brandContentToggle: z.boolean().optional(),
    /** Promoting the creator's own business. */
    brandOrganicToggle: z.boolean().optional(),
    /** Videos only: label the video as AI-generated content. */
    isAigc: z.boolean().optional(),
    /** Photos only: the title (at most 90 UTF-16 units); the draft's text becomes the description. */
    photoTitle: z.string().max(90, { error: 'must be at most 90 characters' }).optional(),
    /** Photos only: which photo is the cover (0-based, default 0). */
    photoCoverIndex: z.number().int().nonnegative({ error: 'must be a photo index, 0 or more' }).optional(),
    /** Photos only: let TikTok add recommended music. */
    autoAddMusic: z.boolean().optional(),
  })
  .strict();

/** TikTok options as `doPublish` receives them. */
export type TikTokOptions = z.output<typeof TikTokOptionsSchema>;
/** TikTok options as a draft gives them. */
export type TikTokOptionsInput = z.input<typeof TikTokOptionsSchema>;

// A type-only import so the augmented module is part of the program (see adapter-mastodon).
import type {} from '@smm/core/model';

declare module '@smm/core/model' {
  interface NetworkOptionsRegistry {
    tiktok: TikTokOptionsInput;
  }
}
