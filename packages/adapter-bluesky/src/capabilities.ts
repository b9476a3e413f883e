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
  content: CONTENT_RULES.bluesky,
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
  // Likes and blocks are records; hiding a reply (a threadgate's hiddenReplies) is not offered yet.
  mentionActions: BLUESKY_MENTION_ACTIONS,
} as const satisfies AdapterCapabilities;
