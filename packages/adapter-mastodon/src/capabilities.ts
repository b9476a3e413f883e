import type { AdapterCapabilities } from '@smm/core/adapter-kit';
import { CONTENT_RULES } from '@smm/core/adapter-kit';
import { MASTODON_MENTION_ACTIONS } from './do-mention-action.js';

/** The header Mastodon reads idempotency keys from (kept by the server for about an hour). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/**
 * Mastodon's file rules: the media types a stock instance accepts
 * (`configuration.media_attachments.supported_mime_types`). Its pixel limits
 * (`image_matrix_limit` 33 177 600, `video_matrix_limit` 8 294 400) and `video_frame_rate_limit`
 * (120) are enforced by the server resizing or refusing; they have no field in the rules yet.
 *
 * @example
 * ```ts
 * MASTODON_FILE_RULES.video.formats.includes('video/mp4'); // true
 * ```
 */
export const MASTODON_FILE_RULES = {
  image: { formats: ['image/jpeg', 'image/png', 'image/gif', 'image/heic', 'image/heif', 'image/webp', 'image/avif'] },
  gif: { formats: ['image/gif', 'video/mp4'] },
  video: { formats: ['video/webm', 'video/mp4', 'video/quicktime', 'video/ogg'] },
  audio: {
    formats: [
      'audio/wave',
      'audio/wav',
      'audio/x-wav',
      'audio/x-pn-wave',
      'audio/vnd.wave',
      'audio/ogg',
      'audio/vorbis',
      'audio/mpeg',
      'audio/mp3',
      'audio/webm',
      'audio/flac',
      'audio/aac',
      'audio/m4a',
      'audio/x-m4a',
      'audio/mp4',
      'audio/3gpp',
      'video/x-ms-asf',
    ],
  },
} as const;

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
        // configuration.media_attachments.supported_mime_types of a stock instance (the size
        // caps, image_size_limit 16 MB and video_size_limit 99 MB, are maxSizeBytes above).
        // https://docs.joinmastodon.org/entities/Instance/#media_attachments
        files: MASTODON_FILE_RULES,
        // Uploads are streamed multipart bodies, never held whole.
        streamedBodies: true,
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
    publicAccounts: true,
    // Mastodon cannot hide a reply; delete is of the account's own status.
    mentionActions: MASTODON_MENTION_ACTIONS,
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
