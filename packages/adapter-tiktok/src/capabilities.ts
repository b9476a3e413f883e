import type { AdapterCapabilities } from '@smm/core/adapter-kit';
import { CONTENT_RULES } from '@smm/core/adapter-kit';

const MB = 1024 * 1024;

// TikTok's media rules: videos MP4 (recommended), WebM or MOV up to 4 GB; photos JPEG or WebP
// (no PNG). https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide
// The longest video depends on the creator (creator_info max_video_post_duration_sec): checked
// at publish time, not declared here.
const TIKTOK_MEDIA_FILES = {
  video: { formats: ['video/mp4', 'video/webm', 'video/quicktime'], maxBytes: 4096 * MB },
  image: { formats: ['image/jpeg', 'image/webp'] },
} as const;

/**
 * What the TikTok adapter can do, as data. Content: a caption of up to 2,200 UTF-16 units with
 * one video or 1–35 photos (not mixed; `CONTENT_RULES.tiktok`). Visibilities map to privacy
 * levels (public → PUBLIC_TO_EVERYONE, followers → FOLLOWER_OF_CREATOR; `networkOptions.tiktok.privacyLevel`
 * chooses any). No threads, replies, polls, delete, native scheduling or mentions: the Content
 * Posting API has none. Every publish is pending (processing and moderation can take minutes;
 * default wait 15 minutes). Idempotency by lookup (caption in the video list). Metrics from the
 * Display API.
 *
 * @example
 * ```ts
 * TIKTOK_CAPABILITIES.content.media.maxItems; // 35
 * TIKTOK_CAPABILITIES.postMetrics.includes('videoViews'); // true
 * ```
 */
export const TIKTOK_CAPABILITIES = {
  content: { ...CONTENT_RULES.tiktok, media: { ...CONTENT_RULES.tiktok.media, files: TIKTOK_MEDIA_FILES, streamedBodies: true } },
  visibilities: ['public', 'followers'],
  replies: false,
  delete: false,
  edit: false,
  polls: false,
  firstComment: false,
  nativeScheduling: false,
  directMessages: false,
  mentionKinds: [],
  postMetrics: ['videoViews', 'likes', 'comments', 'shares'],
  accountMetrics: ['followers', 'following', 'likes', 'posts'],
  idempotency: { strategy: 'lookup' },
  pendingPublish: { maxWaitMs: 15 * 60_000 },
} as const satisfies AdapterCapabilities;
