import { defineAdapter, type AdapterV1 } from '@smm/core/adapter-kit';
import type { AnalyticsState } from './analytics-report.js';
import { youtubeCapabilities } from './capabilities.js';
import { youtubeConnect } from './connect.js';
import { youtubeCredentials, type YouTubeCredentials } from './credentials.js';
import { doDelete } from './do-delete.js';
import { doFindPublished } from './do-find-published.js';
import { doGetAccountMetrics } from './do-get-account-metrics.js';
import { doGetPost } from './do-get-post.js';
import { doGetPostMetrics } from './do-get-post-metrics.js';
import { doGetPublishStatus } from './do-get-publish-status.js';
import { doListMentions } from './do-list-mentions.js';
import { doPublish } from './do-publish.js';
import { doReply } from './do-reply.js';
import { mapYouTubeError } from './error-mapping.js';
import { YouTubeOptionsSchema, type YouTubeOptions } from './network-options.js';
import { youtubeStaticLimits } from './quota.js';
import { parseYouTubeRateLimit } from './rate-limits.js';
import type { SessionCache } from './resumable-upload.js';
import { parseYouTubeAdapterSettings, type YouTubeAdapterSettingsInput } from './settings.js';

/** The YouTube adapter: `createYouTubeAdapter()`'s result. */
export type YouTubeAdapter = AdapterV1<YouTubeOptions, YouTubeCredentials>;

/**
 * Creates the YouTube adapter (Data API v3): videos uploaded through resumable sessions from a
 * file or stream in bounded memory (resumed after a cut), title, description, tags, category,
 * privacy, scheduled publishing (`scheduledAt` → private with `publishAt`), custom thumbnails;
 * the publish is pending while YouTube processes the video. Delete, get, comment threads on the
 * channel as mentions with replies, video and channel statistics as metrics (with `analytics: true`,
 * also watch time and shares from the YouTube Analytics API). Every call's quota
 * cost is counted against the project's daily units (reset at midnight Pacific); a call the day
 * cannot pay for is refused before it is sent (`YouTubeQuotaError`). Channels connect through
 * Google OAuth (`connect`).
 *
 * @param settings - see `YouTubeAdapterSettingsSchema`; all optional.
 * @throws ValidationError naming the setting when a setting is wrong.
 * @example
 * ```ts
 * import { createClient } from '@smm/core/client';
 * import { createYouTubeAdapter } from '@smm/adapter-youtube';
 *
 * const client = createClient({
 *   adapters: [createYouTubeAdapter({ clientId: process.env.GOOGLE_CLIENT_ID, clientSecret: process.env.GOOGLE_CLIENT_SECRET })],
 *   accounts: [{ platform: 'youtube', id: 'UCxxxxxxxxxxxxxxxxxxxxxx', handle: '@brand' }],
 *   credentials: { 'youtube:UCxxxxxxxxxxxxxxxxxxxxxx': { accessToken: process.env.YT_TOKEN, refreshToken: process.env.YT_REFRESH } },
 * });
 * const { published } = await client.publish('youtube:UCxxxxxxxxxxxxxxxxxxxxxx', {
 *   text: 'Behind the scenes of our launch',
 *   media: [{ kind: 'video', source: { type: 'file', path: './launch.mp4' } }],
 *   networkOptions: { youtube: { title: 'Launch day', tags: ['launch'] } },
 * });
 * ```
 */
export function createYouTubeAdapter(settings: YouTubeAdapterSettingsInput = {}): YouTubeAdapter {
  const config = parseYouTubeAdapterSettings(settings);
  const sessions: SessionCache = new Map();
  const analytics: AnalyticsState | undefined = config.analytics
    ? { baseUrl: config.analyticsBaseUrl.replace(/\/+$/, ''), warned: new Set() }
    : undefined;
  return defineAdapter<YouTubeOptions, YouTubeCredentials>({
    platform: 'youtube',
    displayName: 'YouTube',
    capabilities: youtubeCapabilities(config),
    http: {
      baseUrl: config.baseUrl.replace(/\/+$/, ''),
      headers: { 'user-agent': config.userAgent },
      parseRateLimit: parseYouTubeRateLimit,
      staticLimits: youtubeStaticLimits(config),
      mapError: mapYouTubeError,
    },
    credentials: youtubeCredentials({ tokenUrl: config.tokenUrl, clientId: config.clientId, clientSecret: config.clientSecret }),
    connect: youtubeConnect(config),
    networkOptionsSchema: YouTubeOptionsSchema,
    doPublish: (input, context) => doPublish(input, context, config, sessions),
    doReply: (input, context) => doReply(input, context),
    doGetPublishStatus: (input, context) => doGetPublishStatus(input, context),
    doDelete: ({ post }, context) => doDelete(post, context),
    doGetPost: ({ post }, context) => doGetPost(post, context),
    doListMentions: (input, context) => doListMentions(input, context),
    doGetPostMetrics: ({ post }, context) => doGetPostMetrics(post, context, analytics),
    doGetAccountMetrics: (_input, context) => doGetAccountMetrics(context, analytics),
    doFindPublished: (input, context) => doFindPublished(input, context),
  });
}
