import type { AdapterCapabilities } from '@smm/core/adapter-kit';
import { CONTENT_RULES } from '@smm/core/adapter-kit';

/** The header Mastodon reads idempotency keys from (kept by the server for about an hour). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/**
 * What Mastodon can do, as data. `content` is `CONTENT_RULES.mastodon` from `@smm/core/text`
 * (500 graphemes, every URL counts 23, a remote mention counts its local part only; up to 4
 * attachments, one video or audio, no mixing, alt text up to 1500), with the instance's own
 * limits when the settings give them.
 *
 * @example
 * ```ts
 * mastodonCapabilities({ maxCharacters: 5000, maxMediaAttachments: 4 }).content.text.maxLength; // 5000
 * ```
 */
export function mastodonCapabilities(instance: {
  maxCharacters: number;
  maxMediaAttachments: number;
  mediaDescriptionLimit?: number;
  mediaProcessingTimeoutMs?: number;
}) {
  const rules = CONTENT_RULES.mastodon;
  return {
    content: {
      ...rules,
      text: { ...rules.text, maxLength: instance.maxCharacters },
      media: {
        ...rules.media,
        maxItems: instance.maxMediaAttachments,
        maxAltTextLength: instance.mediaDescriptionLimit ?? rules.media.maxAltTextLength,
      },
    },
    // draft visibility → Mastodon: public, unlisted, followers → private, direct.
    visibilities: ['public', 'unlisted', 'followers', 'direct'],
    replies: true,
    delete: true,
    // PUT /api/v1/statuses/:id exists, but adapter spec v1 has no edit operation.
    edit: false,
    polls: true,
    firstComment: false,
    nativeScheduling: true,
    directMessages: true,
    // Notifications of type `mention` (replies and direct messages arrive as mentions) and `quote` (4.5+).
    mentionKinds: ['mention', 'reply', 'quote', 'direct_message'],
    // favourites_count, reblogs_count, replies_count, quotes_count (4.5+ only). No impressions.
    postMetrics: ['likes', 'shares', 'comments', 'quotes'],
    accountMetrics: ['followers', 'following', 'posts'],
    idempotency: { strategy: 'native-key', header: IDEMPOTENCY_KEY_HEADER },
    // A video is processed after upload (202, url null): the publish is pending until it is.
    pendingPublish: { maxWaitMs: instance.mediaProcessingTimeoutMs ?? 10 * 60_000 },
  } as const satisfies AdapterCapabilities;
}

/**
 * Mastodon's capabilities with the defaults of a stock instance (500 characters, 4 attachments).
 *
 * @example
 * ```ts
 * MASTODON_CAPABILITIES.idempotency; // { strategy: 'native-key', header: 'Idempotency-Key' }
 * ```
 */
export const MASTODON_CAPABILITIES = mastodonCapabilities({ maxCharacters: 500, maxMediaAttachments: 4 });
