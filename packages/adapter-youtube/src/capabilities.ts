import { CONTENT_RULES, type AdapterCapabilities } from '@smm/core/adapter-kit';

const GB = 1024 * 1024 * 1024;

/**
 * What YouTube can do, as data. `content` is `CONTENT_RULES.youtube` (the description is the
 * text: 5,000 bytes, no `<` or `>`; a title of up to 100 characters; exactly one video), with the
 * video file rules of videos.insert (https://developers.google.com/youtube/v3/docs/videos/insert:
 * `video/*` or `application/octet-stream`, up to 256 GB) and uploads read from streamed bodies.
 * The title is not required: without `networkOptions.youtube.title` it is the text's first line.
 *
 * @example
 * ```ts
 * youtubeCapabilities({ processingTimeoutMs: 1_800_000 }).idempotency.strategy; // 'lookup'
 * ```
 */
export function youtubeCapabilities(settings: { processingTimeoutMs: number; analytics?: boolean }) {
  const rules = CONTENT_RULES.youtube;
  // With analytics: youtubeAnalytics reports.query estimatedMinutesWatched and shares (https://developers.google.com/youtube/analytics/metrics).
  const analyticsMetrics = settings.analytics ? (['watchTimeMs', 'shares'] as const) : ([] as const);
  return {
    content: {
      ...rules,
      titleRequired: false,
      media: {
        ...rules.media,
        // A video is required on a post but not on a reply (a comment): core checks minItems on
        // both, so the publish checks it itself, before any request (doPublish).
        minItems: 0,
        // The discovery document's videos.insert mediaUpload.maxSize: 137438953472 bytes.
        maxSizeBytes: { video: 128 * GB },
        files: {
          video: {
            formats: [
              'video/mp4',
              'video/quicktime',
              'video/webm',
              'video/x-msvideo',
              'video/mpeg',
              'video/3gpp',
              'video/x-flv',
              'video/x-matroska',
            ],
          },
        },
        // Uploaded from the body in chunks through a resumable session, never held whole.
        streamedBodies: true,
      },
    },
    // public, unlisted, and followers → private (only the channel and people it invites).
    visibilities: ['public', 'unlisted', 'followers'],
    // A reply is a comment: on a video (commentThreads.insert) or under a comment thread (comments.insert).
    replies: true,
    delete: true,
    // videos.update exists, but adapter spec v1 has no edit operation.
    edit: false,
    polls: false,
    firstComment: false,
    // status.publishAt with privacyStatus private: YouTube makes the video public at that time.
    nativeScheduling: true,
    directMessages: false,
    // Comment threads on the channel's videos (commentThreads.list?allThreadsRelatedToChannelId).
    mentionKinds: ['comment'],
    // videos.list part=statistics: viewCount, likeCount, commentCount (favoriteCount is always 0, dislikes are private).
    postMetrics: ['videoViews', 'likes', 'comments', ...analyticsMetrics],
    // channels.list part=statistics: subscriberCount (unless hidden), videoCount, viewCount.
    accountMetrics: ['followers', 'posts', 'videoViews', ...analyticsMetrics],
    // No idempotency key: a marker tag on the video, found through the channel's uploads playlist.
    idempotency: { strategy: 'lookup' },
    // A video is processed after its last byte arrives: the publish is pending until it is.
    pendingPublish: { maxWaitMs: settings.processingTimeoutMs },
  } as const satisfies AdapterCapabilities;
}

/**
 * YouTube's capabilities with the default settings.
 *
 * @example
 * ```ts
 * YOUTUBE_CAPABILITIES.content.media.maxItems; // 1
 * ```
 */
export const YOUTUBE_CAPABILITIES = youtubeCapabilities({ processingTimeoutMs: 30 * 60_000 });
