import type { AdapterCapabilities } from '@smm/core/adapter-kit';
import { CONTENT_RULES } from '@smm/core/adapter-kit';

const MB = 1024 * 1024;

/**
 * What the Threads adapter can do, as data.
 *
 * - Text: `CONTENT_RULES.threads` — 500 characters with emoji counted by their UTF-8 bytes, and at
 *   most 5 links (https://developers.facebook.com/documentation/threads/posts, "Limitations";
 *   https://developers.facebook.com/documentation/threads/create-posts/text-attachments: more than 5
 *   links fail with `THREADS_API__LINK_LIMIT_EXCEEDED`).
 * - Media: one image or video, or a carousel of 2–20 images and videos mixed (carousel items are
 *   containers with `is_carousel_item=true` gathered by a `CAROUSEL` container, "Carousel posts" on
 *   the posts page). Images JPEG or PNG up to 8 MB; videos MOV or MP4 up to 1 GB and 5 minutes
 *   (https://developers.facebook.com/documentation/threads/overview, "Media specifications").
 *   Threads fetches media from a public URL: files and streams need the `mediaHost` setting.
 * - Threads (a long draft split, or a thread of drafts) are published as a chain of replies
 *   (`reply_to_id`, https://developers.facebook.com/documentation/threads/retrieve-and-manage-replies/create-replies).
 * - Every post is a container created, then published once `FINISHED`: a pending publish.
 * - Idempotency by lookup: Threads takes no key, so a post is found again among the user's
 *   threads (or replies) by its text since the publish began.
 *
 * @example
 * ```ts
 * THREADS_CAPABILITIES.content.media.maxItems; // 20
 * ```
 */
export const THREADS_CAPABILITIES = {
  content: {
    ...CONTENT_RULES.threads,
    media: {
      ...CONTENT_RULES.threads.media,
      files: {
        image: { formats: ['image/jpeg', 'image/png'], maxBytes: 8 * MB },
        video: { formats: ['video/mp4', 'video/quicktime'], maxBytes: 1024 * MB, maxDurationMs: 300_000 },
      },
    },
  },
  visibilities: ['public'],
  replies: true,
  delete: true,
  edit: false,
  polls: false,
  firstComment: false,
  nativeScheduling: false,
  directMessages: false,
  mentionKinds: ['mention', 'reply'],
  mentionActions: ['hide', 'unhide'],
  postMetrics: ['views', 'likes', 'comments', 'shares', 'quotes'],
  accountMetrics: ['profileVisits', 'likes', 'comments', 'shares', 'quotes', 'linkClicks', 'followers'],
  idempotency: { strategy: 'lookup' },
  pendingPublish: { maxWaitMs: 10 * 60_000 },
} as const satisfies AdapterCapabilities;
