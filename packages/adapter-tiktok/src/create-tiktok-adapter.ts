import { defineAdapter, type AdapterV1 } from '@smm/core/adapter-kit';
import { TIKTOK_CAPABILITIES } from './capabilities.js';
import { tiktokConnect } from './connect.js';
import { tiktokCredentials, type TikTokCredentials } from './credentials.js';
import { doDelete } from './do-delete.js';
import { doFindPublished } from './do-find-published.js';
import { doGetAccountMetrics } from './do-get-account-metrics.js';
import { doGetPost } from './do-get-post.js';
import { doGetPostMetrics } from './do-get-post-metrics.js';
import { doGetPublishStatus } from './do-get-publish-status.js';
import { doListMentions } from './do-list-mentions.js';
import { doPublish } from './do-publish.js';
import { mapTikTokError } from './error-mapping.js';
import { TikTokOptionsSchema, type TikTokOptions } from './network-options.js';
import { parseTikTokRateLimit, tiktokStaticLimits } from './rate-limits.js';
import { parseTikTokAdapterSettings, type TikTokAdapterSettingsInput } from './settings.js';

/** The TikTok adapter: `createTikTokAdapter()`'s result. */
export type TikTokAdapter = AdapterV1<TikTokOptions, TikTokCredentials>;

/**
 * Creates the TikTok adapter (Content Posting API + Display API). Each publish asks creator_info
 * first and checks the draft against it (privacy levels, longest video), then posts a video —
 * directly or to the creator's inbox as a draft; its bytes by `FILE_UPLOAD` in sequential chunks
 * read from the file or stream (bounded memory), or by `PULL_FROM_URL` — or photos (URLs), and
 * answers pending while TikTok processes and moderates; core polls `status/fetch`. Inits are held
 * to TikTok's 6 per minute per token (the 7th waits). An unaudited app (`audited: false`) posts
 * SELF_ONLY with a warning. Metrics come from the Display API (views, likes, comments, shares;
 * followers, following, likes, videos).
 *
 * @param settings - see `TikTokAdapterSettingsSchema`; all optional.
 * @throws ValidationError naming the setting when a setting is wrong.
 * @example
 * ```ts
 * import { createClient } from '@smm/core/client';
 * import { createTikTokAdapter } from '@smm/adapter-tiktok';
 *
 * const client = createClient({
 *   adapters: [createTikTokAdapter({ clientKey: process.env.TIKTOK_CLIENT_KEY, clientSecret: process.env.TIKTOK_CLIENT_SECRET })],
 *   accounts: [{ platform: 'tiktok', id: '-000OpenId', handle: 'studio' }],
 *   credentials: { 'tiktok:-000OpenId': { accessToken: process.env.TIKTOK_TOKEN, refreshToken: process.env.TIKTOK_REFRESH } },
 * });
 * const { published } = await client.publish('tiktok:-000OpenId', {
 *   text: 'New clip #behindthescenes',
 *   media: [{ kind: 'video', source: { type: 'file', path: './clip.mp4' } }],
 *   networkOptions: { tiktok: { privacyLevel: 'PUBLIC_TO_EVERYONE' } },
 * });
 * ```
 */
export function createTikTokAdapter(settings: TikTokAdapterSettingsInput = {}): TikTokAdapter {
  const config = parseTikTokAdapterSettings(settings);
  return defineAdapter<TikTokOptions, TikTokCredentials>({
    platform: 'tiktok',
    displayName: 'TikTok',
    capabilities: TIKTOK_CAPABILITIES,
    http: {
      baseUrl: config.baseUrl.replace(/\/+$/, ''),
      headers: { 'user-agent': config.userAgent },
      parseRateLimit: parseTikTokRateLimit,
      staticLimits: tiktokStaticLimits(),
      mapError: mapTikTokError,
    },
    credentials: tiktokCredentials({ clientKey: config.clientKey, clientSecret: config.clientSecret }),
    connect: tiktokConnect({ baseUrl: config.baseUrl }),
    networkOptionsSchema: TikTokOptionsSchema,
    doPublish: (input, context) => doPublish(input, context, config),
    doGetPublishStatus: (input, context) => doGetPublishStatus(input, context, config),
    doDelete: () => doDelete(),
    doGetPost: ({ post }, context) => doGetPost(post, context),
    doListMentions: () => doListMentions(),
    doGetPostMetrics: ({ post }, context) => doGetPostMetrics(post, context),
    doGetAccountMetrics: (_input, context) => doGetAccountMetrics(context),
    doFindPublished: (input, context) => doFindPublished(input, context, config),
  });
}
