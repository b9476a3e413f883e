import type { AdapterCapabilities } from '@smm/core/adapter-kit';
import { CONTENT_RULES } from '@smm/core/adapter-kit';

const MB = 1024 * 1024;

/**
 * What the Instagram adapter can do, as data, for accounts connected with Facebook Login
 * (`login: 'facebook'`) or Instagram Login (`login: 'instagram'`).
 *
 * - Content: a caption of 2,200 characters with at most 30 hashtags and 20 @-tags
 *   (`CONTENT_RULES.instagram`); every post carries media — one image, a carousel of 2–10 images
 *   and videos ("Carousels are limited to 10 images, videos, or a mix of the two",
 *   https://developers.facebook.com/docs/instagram-platform/content-publishing/), one video (shared
 *   as a reel), or a story. Images: at most 8 MB, aspect ratio 4:5 to 1.91:1 (image specifications of
 *   https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media).
 *   Alt text on images only ("Reels and stories are not supported").
 * - Replies: a reply to a post is a comment on it; a reply to a comment is a reply in its thread.
 *   The first comment is published on the new media once it is live.
 * - Delete: `DELETE /<IG_MEDIA_ID>` (IGMedia's DELETE in Meta's codegen spec) answers for Facebook
 *   Login tokens only; with Instagram Login the capability is false and core refuses a delete with
 *   `UnsupportedFeatureError` before any request.
 * - Mentions: comments on the account's media (`reply`) and media it is tagged in (`mention`).
 * - Metrics: only what Meta still serves — `impressions`, `plays` and `video_views` are deprecated
 *   (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights),
 *   so `impressions` and `videoViews` are never reported.
 * - Idempotency by lookup: Instagram takes no idempotency key; a lost answer is recovered from the
 *   container's `PUBLISHED` status and the account's media (matched by caption and time).
 * - Pending publish: a container is created, then published once `FINISHED`.
 *
 * @example
 * ```ts
 * instagramCapabilities('instagram').delete; // false
 * ```
 */
export function instagramCapabilities(login: 'facebook' | 'instagram', maxWaitMs = 10 * 60_000) {
  return {
    content: {
      ...CONTENT_RULES.instagram,
      media: {
        ...CONTENT_RULES.instagram.media,
        files: { image: { maxBytes: 8 * MB, minAspectRatio: 4 / 5, maxAspectRatio: 1.91 } },
      },
    },
    visibilities: ['public'],
    replies: true,
    delete: login === 'facebook',
    edit: false,
    polls: false,
    firstComment: true,
    nativeScheduling: false,
    directMessages: false,
    mentionKinds: ['reply', 'mention'],
    postMetrics: ['reach', 'views', 'likes', 'comments', 'shares', 'saves', 'profileVisits', 'watchTimeMs'],
    accountMetrics: ['followers', 'following', 'posts', 'reach', 'views', 'profileVisits'],
    idempotency: { strategy: 'lookup' },
    pendingPublish: { maxWaitMs },
  } as const satisfies AdapterCapabilities;
}

/**
 * The capability table for Facebook Login accounts (the default login).
 *
 * @example
 * ```ts
 * INSTAGRAM_CAPABILITIES.content.media.maxItems; // 10
 * ```
 */
export const INSTAGRAM_CAPABILITIES = instagramCapabilities('facebook');
