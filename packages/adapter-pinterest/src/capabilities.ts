import type { AdapterCapabilities } from '@smm/core/adapter-kit';
import { CONTENT_RULES } from '@smm/core/adapter-kit';

/**
 * What the Pinterest adapter can do, as data. A pin is one image (URL or bytes), a carousel of
 * 2–5 images (`multiple_image_urls` / `multiple_image_base64`, PinMediaSourceImages* in
 * Pinterest's OpenAPI: minItems 2, maxItems 5), or one video; media is required, kinds are not
 * mixed. Description (the draft's text) up to 800 characters, title (`networkOptions.pinterest.title`)
 * up to 100, alt text up to 500, link up to 2 048 (PinCreate). No threads, replies, polls or
 * scheduling, and no comments or mentions API. Idempotency by lookup: Pinterest takes no
 * idempotency key, so a pin is found again among the account's pins by board, description,
 * title and link. A video is processed after its upload, so a video publish goes pending.
 *
 * @example
 * ```ts
 * PINTEREST_CAPABILITIES.content.media.maxItems; // 5
 * ```
 */
export const PINTEREST_CAPABILITIES = {
  content: { ...CONTENT_RULES.pinterest, media: { ...CONTENT_RULES.pinterest.media, maxPerKind: { video: 1 } } },
  visibilities: ['public'],
  replies: false,
  delete: true,
  edit: false,
  polls: false,
  firstComment: false,
  nativeScheduling: false,
  directMessages: false,
  mentionKinds: [],
  postMetrics: ['impressions', 'saves', 'clicks', 'linkClicks', 'videoViews', 'comments', 'likes'],
  accountMetrics: ['followers', 'following', 'posts', 'impressions', 'saves', 'clicks', 'linkClicks'],
  idempotency: { strategy: 'lookup' },
  pendingPublish: { maxWaitMs: 10 * 60_000 },
} as const satisfies AdapterCapabilities;
