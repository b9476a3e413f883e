import type { AdapterCapabilities } from '@smm/core/adapter-kit';
import { CONTENT_RULES } from '@smm/core/adapter-kit';

/**
 * What the X adapter can do, as data. Text: X's weighted length (280, URLs 23, CJK and emoji
 * 2). Media: up to 4 images, or 1 GIF, or 1 video, not mixed. Threads are chains of replies.
 * No visibility but public, no native scheduling, no first comment (publish a thread instead).
 * Idempotency by lookup: X takes no idempotency key, so a post is found again by its text in
 * the account's own timeline.
 *
 * @example
 * ```ts
 * X_CAPABILITIES.content.text.maxLength; // 280
 * X_CAPABILITIES.postMetrics.includes('linkClicks'); // true (own posts, last 30 days)
 * ```
 */
export const X_CAPABILITIES = {
  content: CONTENT_RULES.x,
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
} as const satisfies AdapterCapabilities;
