import { defineAdapter, type AdapterV1 } from '@smm/core/adapter-kit';
import { PINTEREST_CAPABILITIES } from './capabilities.js';
import { pinterestConnect } from './connect.js';
import { pinterestCredentials, type PinterestCredentials } from './credentials.js';
import { doDelete } from './do-delete.js';
import { doFindPublished } from './do-find-published.js';
import { doGetAccountMetrics } from './do-get-account-metrics.js';
import { doGetPost } from './do-get-post.js';
import { doGetPostMetrics } from './do-get-post-metrics.js';
import { doGetPublishStatus } from './do-get-publish-status.js';
import { doListMentions } from './do-list-mentions.js';
import { doPublish } from './do-publish.js';
import { mapPinterestError } from './error-mapping.js';
import { PinterestOptionsSchema, type PinterestOptions } from './network-options.js';
import { parsePinterestRateLimit, pinterestStaticLimits } from './rate-limits.js';
import { parsePinterestAdapterSettings, type PinterestAdapterSettingsInput } from './settings.js';

/**
 * The Pinterest adapter: `createPinterestAdapter()`'s result.
 *
 * @example
 * ```ts
 * const adapter: PinterestAdapter = createPinterestAdapter();
 * adapter.capabilities.delete; // true
 * ```
 */
export type PinterestAdapter = AdapterV1<PinterestOptions, PinterestCredentials>;

/**
 * Creates the Pinterest (API v5) adapter: pins from an image URL or bytes, carousels of 2–5
 * images, video pins (registered, uploaded to Pinterest's upload host, processed — a pending
 * publish — then pinned with a cover), on the board and section each draft chooses
 * (`networkOptions.pinterest`; `listPinterestBoards` lists them), with title, link and alt text;
 * delete, get, pin and account analytics as canonical metrics; accounts connect with Pinterest's
 * OAuth 2.0 flow (`createConnectFlow` from `@smm/core/connect`; then `listPinterestBoards`). Trial access (`access: 'trial'`)
 * talks to the API Sandbox with a 1 000-a-day budget; Standard to production.
 *
 * @param settings - see `PinterestAdapterSettingsSchema`; every field is optional.
 * @throws ValidationError naming the setting when a setting is wrong.
 * @example
 * ```ts
 * import { createClient } from '@smm/core/client';
 * import { createPinterestAdapter } from '@smm/adapter-pinterest';
 *
 * const client = createClient({
 *   adapters: [createPinterestAdapter({ clientId: process.env.PINTEREST_APP_ID, clientSecret: process.env.PINTEREST_APP_SECRET })],
 *   accounts: [{ platform: 'pinterest', id: '2783136121146311751', handle: 'smm_brand' }],
 *   credentials: { 'pinterest:2783136121146311751': { accessToken, refreshToken } },
 *   onCredentialsChange: (account, next) => saveTokens(account, next),
 * });
 * await client.publish('pinterest:2783136121146311751', {
 *   text: 'Our spring salad',
 *   media: [{ kind: 'image', source: { type: 'url', url: 'https://example.com/salad.jpg' }, altText: 'A green salad' }],
 *   networkOptions: { pinterest: { boardId: '549755885175' } },
 * });
 * ```
 */
export function createPinterestAdapter(settings: PinterestAdapterSettingsInput = {}): PinterestAdapter {
  const config = parsePinterestAdapterSettings(settings);
  return defineAdapter<PinterestOptions, PinterestCredentials>({
    platform: 'pinterest',
    displayName: 'Pinterest',
    capabilities: { ...PINTEREST_CAPABILITIES, pendingPublish: { maxWaitMs: config.mediaProcessingTimeoutMs } },
    http: {
      baseUrl: config.baseUrl,
      headers: { 'user-agent': config.userAgent },
      parseRateLimit: parsePinterestRateLimit,
      staticLimits: pinterestStaticLimits(config.access),
      mapError: mapPinterestError,
      requestIdHeader: 'x-pinterest-rid',
    },
    credentials: pinterestCredentials({ clientId: config.clientId, clientSecret: config.clientSecret }),
    connect: pinterestConnect({ authBaseUrl: config.authBaseUrl, apiBaseUrl: config.baseUrl }),
    networkOptionsSchema: PinterestOptionsSchema,
    doPublish: (input, context) => doPublish(input, context, config),
    doGetPublishStatus: (input, context) => doGetPublishStatus(input, context, config.lookupMaxPages),
    doDelete: ({ post }, context) => doDelete(post, context),
    doGetPost: ({ post }, context) => doGetPost(post, context),
    doListMentions: () => doListMentions(),
    doGetPostMetrics: ({ post }, context) => doGetPostMetrics(post, context),
    doGetAccountMetrics: (_input, context) => doGetAccountMetrics(context),
    doFindPublished: (input, context) => doFindPublished(input, context, config.lookupMaxPages),
  });
}
