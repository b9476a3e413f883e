import type { AdapterCapabilities } from '@smm/core/adapter-kit';
import { CONTENT_RULES } from '@smm/core/adapter-kit';

// X's media rules per kind, checked by core before any request. Sizes: docs.x.com/x-api/media
// (image 5 MB, GIF 15 MB, video 512 MB, as CONTENT_RULES.x declares). Formats, video duration
// (0.5 s to 140 s), dimensions (from 32×32) and aspect ratio (1:3 to 3:1):
// docs.x.com/x-api/media/quickstart/best-practices. Image dimensions and maximum video
// dimensions are left out: only secondary sources give them, and they disagree.
const X_MEDIA_FILES = {
  image: { formats: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] },
  gif: { formats: ['image/gif'] },
  video: {
    formats: ['video/mp4', 'video/quicktime'],
    minDurationMs: 500,
    maxDurationMs: 140_000,
    minWidth: 32,
    minHeight: 32,
    minAspectRatio: 1 / 3,
    maxAspectRatio: 3,
  },
} as const;

/**
 * What the X adapter can do, as data. Text: X's weighted length (280, URLs 23, CJK and emoji
 * 2). Media: up to 4 images, or 1 GIF, or 1 video, not mixed. Threads are chains of replies.
 * No visibility but public, no native scheduling, no first comment (publish a thread instead).
 * Idempotency by lookup: X takes no idempotency key, so a post is found again by its text in
 * the account's own timeline. Media is read as streamed bodies and uploaded in chunks; a video or
 * GIF X is still processing makes the publish pending (`pendingPublish`, default wait 10 min).
 *
 * @example
 * ```ts
 * X_CAPABILITIES.content.text.maxLength; // 280
 * X_CAPABILITIES.postMetrics.includes('linkClicks'); // true (own posts, last 30 days)
 * ```
 */
export const X_CAPABILITIES = {
  content: { ...CONTENT_RULES.x, media: { ...CONTENT_RULES.x.media, files: X_MEDIA_FILES, streamedBodies: true } },
  visibilities: ['public'],
  replies: true,
  delete: true,
  // X's edit window is for paid accounts only and not offered by the public v2 API.
  edit: false,
  polls: true,
  firstComment: false,
  nativeScheduling: false,
  directMessages: false,
  mentionKinds: ['mention', 'reply', 'quote'],
  postMetrics: ['impressions', 'likes', 'shares', 'comments', 'quotes', 'saves', 'linkClicks', 'profileVisits'],
  accountMetrics: ['followers', 'following', 'posts'],
  idempotency: { strategy: 'lookup' },
  publicAccounts: true,
  // No block (X v2 only reads blocks) and no spam report (no endpoint); hide works on replies to the account's posts.
  mentionActions: ['like', 'unlike', 'hide', 'unhide', 'mute', 'delete'],
  pendingPublish: { maxWaitMs: 10 * 60_000 },
} as const satisfies AdapterCapabilities;
