import type { AdapterCapabilities } from '@smm/core/adapter-kit';
import { CONTENT_RULES } from '@smm/core/adapter-kit';

/**
 * What the Facebook Pages adapter can do, as data. A Page post is text (up to 63 206 UTF-16
 * units, `CONTENT_RULES.facebook`), a link, one photo, up to 10 photos (uploaded unpublished,
 * then attached to one feed post), or one video (uploaded in chunks, then processed: a pending
 * publish). Posts are public (a Page's audience is everyone). Replies are comments as the Page
 * (on a post or on a comment); no threads, polls or edits. Native scheduling with
 * `scheduled_publish_time`. Mentions are the comments and replies people leave on the Page's
 * posts, which the Page can like and hide (its own replies it deletes like posts). Post and Page insights map to canonical
 * metrics, only those Meta still serves after its 2025 deprecations (views, not impressions).
 * Idempotency by lookup: Graph takes no idempotency key, so a post is found again among the
 * Page's posts by its message (and link) since the publish began.
 *
 * @example
 * ```ts
 * FACEBOOK_CAPABILITIES.nativeScheduling; // true
 * ```
 */
export const FACEBOOK_CAPABILITIES = {
  // Media bodies are streamed: a video goes up one chunk at a time, never held whole.
  content: { ...CONTENT_RULES.facebook, media: { ...CONTENT_RULES.facebook.media, streamedBodies: true } },
  visibilities: ['public'],
  replies: true,
  delete: true,
  edit: false,
  polls: false,
  firstComment: false,
  nativeScheduling: true,
  directMessages: false,
  mentionKinds: ['comment', 'reply'],
  postMetrics: ['views', 'reach', 'clicks', 'likes', 'comments', 'shares', 'videoViews'],
  accountMetrics: ['followers', 'views', 'reach'],
  idempotency: { strategy: 'lookup' },
  pendingPublish: { maxWaitMs: 30 * 60_000 },
  mentionActions: ['like', 'unlike', 'hide', 'unhide'],
} as const satisfies AdapterCapabilities;
