import type { AdapterCapabilities } from '@smm/core/adapter-kit';
import { BLUESKY_MENTION_ACTIONS } from './do-mention-action.js';
import { CONTENT_RULES } from '@smm/core/adapter-kit';

/**
 * What the Bluesky adapter can do, as data. Text: 300 graphemes and 3 000 UTF-8 bytes. Media:
 * up to 4 images (≤ 1 000 000 bytes each) or 1 video, not mixed. Threads are chains of replies
 * (`reply { root, parent }`). Everything is public. Mentions are the `mention`, `reply` and
 * `quote` notifications. Metrics are the AppView's counts (no impressions or reach exist).
 * Idempotency by lookup: each part's record key is derived from the idempotency key, so the
 * PDS itself refuses a second record and `doFindPublished` reads the record back.
 *
 * @example
 * ```ts
 * BLUESKY_CAPABILITIES.content.text.maxLength; // 300
 * BLUESKY_CAPABILITIES.postMetrics;            // ['likes', 'shares', 'comments', 'quotes', 'saves']
 * ```
 */
export const BLUESKY_CAPABILITIES = {
  content: {
    ...CONTENT_RULES.bluesky,
    media: {
      ...CONTENT_RULES.bluesky.media,
      // From the lexicons (@atproto/api 0.19): app.bsky.embed.images `image` accepts image/* (maxSize now
      // 2 000 000, "formerly 1 MB"; kept at 1 000 000 as CONTENT_RULES.bluesky until the AppViews agree),
      // app.bsky.embed.video `video` accepts video/mp4 only; video alt text is at most 1000
      // graphemes. Images are probed so their aspectRatio is filled from the bytes.
      files: {
        image: { formats: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'image/avif'], maxBytes: 1_000_000 },
        // The lexicon's maxSize is 100 000 000 bytes (decimal), below maxSizeBytes' 100 MiB.
        video: { formats: ['video/mp4'], maxBytes: 100_000_000 },
      },
      // uploadBlob takes the raw bytes as a stream with their length.
      streamedBodies: true,
    },
  },
  visibilities: ['public'],
  replies: true,
  delete: true,
  // Records can be rewritten (putRecord), but spec v1 has no edit operation.
  edit: false,
  polls: false,
  firstComment: false,
  nativeScheduling: false,
  // Bluesky chat lives behind a separate service proxy; not offered here.
  directMessages: false,
  mentionKinds: ['mention', 'reply', 'quote'],
  // saves = bookmarkCount, reported by newer AppViews only (absent otherwise).
  postMetrics: ['likes', 'shares', 'comments', 'quotes', 'saves'],
  accountMetrics: ['followers', 'following', 'posts'],
  idempotency: { strategy: 'lookup' },
  publicAccounts: true,
  // Likes and blocks are records; a hidden reply is listed in the thread root's threadgate.
  mentionActions: BLUESKY_MENTION_ACTIONS,
} as const satisfies AdapterCapabilities;
