import type { AdapterCapabilities } from '@smm/core/adapter-kit';
import { CONTENT_RULES } from '@smm/core/adapter-kit';

const MB = 1024 * 1024;

/**
 * LinkedIn's file rules. Images: JPG, GIF, PNG (Images API); videos: MP4, 75 KB to 500 MB,
 * 3 s to 30 min (Videos API); documents: PPT, PPTX, DOC, DOCX, PDF up to 100 MB (Documents API).
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/documents-api
 */
export const LINKEDIN_FILE_RULES = {
  image: { formats: ['image/jpeg', 'image/png', 'image/gif'] },
  video: { formats: ['video/mp4'], minBytes: 75 * 1024, maxBytes: 500 * MB, minDurationMs: 3_000, maxDurationMs: 30 * 60_000 },
  document: {
    formats: [
      'application/pdf',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    maxBytes: 100 * MB,
  },
} as const;

/**
 * What LinkedIn can do, as data. `content` is `CONTENT_RULES.linkedin` from `@smm/core/text`
 * (3 000 UTF-16 units; up to 20 images as a multi-image post, or one video, or one document,
 * never mixed) with the file rules above and alt text up to 4 086 characters (`altText`).
 *
 * @example
 * ```ts
 * linkedinCapabilities({ mediaProcessingTimeoutMs: 600_000 }).idempotency; // { strategy: 'lookup' }
 * ```
 */
export function linkedinCapabilities(settings: { mediaProcessingTimeoutMs: number }) {
  const rules = CONTENT_RULES.linkedin;
  return {
    content: {
      ...rules,
      media: {
        ...rules.media,
        maxSizeBytes: { video: 500 * MB, document: 100 * MB },
        // Posts API: content.media.altText / content.multiImage.images[].altText, up to 4086 characters.
        maxAltTextLength: 4_086,
        files: LINKEDIN_FILE_RULES,
        // Uploads are PUT from the body in pieces (video in its 4 MB parts), never held whole.
        streamedBodies: true,
      },
    },
    // PUBLIC, CONNECTIONS (members only), LOGGED_IN: draft `followers` → CONNECTIONS.
    visibilities: ['public', 'followers'],
    // A reply is a comment (socialActions/{urn}/comments), on a post or, nested, on a comment.
    replies: true,
    delete: true,
    // Posts can be PARTIAL_UPDATEd (commentary only) but spec v1 has no edit operation.
    edit: false,
    // Polls exist in the Posts API (content.poll) but need a question, which the neutral poll lacks.
    polls: false,
    firstComment: false,
    nativeScheduling: false,
    directMessages: false,
    // Comments by others on the account's posts.
    mentionKinds: ['comment'],
    // organizationalEntityShareStatistics (organisation posts only; a member's posts report none).
    postMetrics: ['impressions', 'reach', 'clicks', 'likes', 'comments', 'shares'],
    // networkSizes (organisation followers).
    accountMetrics: ['followers'],
    // LinkedIn takes no idempotency key: a retry first looks for the post among the author's latest.
    idempotency: { strategy: 'lookup' },
    // Videos and documents are processed after upload: the post is created once they are AVAILABLE.
    pendingPublish: { maxWaitMs: settings.mediaProcessingTimeoutMs },
  } as const satisfies AdapterCapabilities;
}

/** LinkedIn's capabilities with the default settings. */
export const LINKEDIN_CAPABILITIES = linkedinCapabilities({ mediaProcessingTimeoutMs: 10 * 60_000 });
