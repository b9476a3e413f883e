import { defineAdapter, type AdapterV1 } from '@smm/core/adapter-kit';
import { GRAPH_REQUEST_ID_HEADER } from '@smm/meta-graph';
import { FACEBOOK_CAPABILITIES } from './capabilities.js';
import { facebookConnect } from './connect.js';
import { facebookCredentials, type FacebookCredentials } from './credentials.js';
import { doDelete } from './do-delete.js';
import { doFindPublished } from './do-find-published.js';
import { doGetAccountMetrics } from './do-get-account-metrics.js';
import { doGetPost } from './do-get-post.js';
import { doGetPostMetrics } from './do-get-post-metrics.js';
import { doGetPublishStatus } from './do-get-publish-status.js';
import { doListMentions } from './do-list-mentions.js';
import { doMentionAction } from './do-mention-action.js';
import { doPublish } from './do-publish.js';
import { mapFacebookError } from './error-mapping.js';
import { FacebookOptionsSchema, type FacebookOptions } from './network-options.js';
import { parseFacebookRateLimit } from './rate-limits.js';
import { parseFacebookAdapterSettings, type FacebookAdapterSettingsInput } from './settings.js';

/**
 * The Facebook Pages adapter: `createFacebookAdapter()`'s result.
 *
 * @example
 * ```ts
 * const adapter: FacebookAdapter = createFacebookAdapter();
 * adapter.capabilities.nativeScheduling; // true
 * ```
 */
export type FacebookAdapter = AdapterV1<FacebookOptions, FacebookCredentials>;

/**
 * Creates the Facebook Pages adapter (Graph API): text and link posts, one photo or several
 * (attached to one post), a video (uploaded in resumable chunks, then processed — a pending
 * publish), native scheduling (`scheduledAt`, 10 minutes to 30 days ahead), delete, get, the
 * comments and replies on the Page’s posts as mentions (reply as the Page; like, hide),
 * Page and post insights as canonical metrics (only those Meta still serves). Accounts are Pages:
 * connect with Facebook Login (`createConnectFlow` from `@smm/core/connect`), whose
 * `listAccounts` gives each Page the user manages with its Page token as credentials.
 *
 * @param settings - see `FacebookAdapterSettingsSchema`; every field is optional.
 * @throws ValidationError naming the setting when a setting is wrong.
 * @example
 * ```ts
 * import { createClient } from '@smm/core/client';
 * import { createFacebookAdapter } from '@smm/adapter-facebook';
 *
 * const client = createClient({
 *   adapters: [createFacebookAdapter({ appId: process.env.FB_APP_ID, appSecret: process.env.FB_APP_SECRET })],
 *   accounts: [{ platform: 'facebook', id: '104776002231', handle: 'smmbrand' }],
 *   credentials: { 'facebook:104776002231': { accessToken: pageToken } },
 * });
 * await client.publish('facebook:104776002231', { text: 'Spring menu is here', link: 'https://example.com/menu' });
 * ```
 */
export function createFacebookAdapter(settings: FacebookAdapterSettingsInput = {}): FacebookAdapter {
  const config = parseFacebookAdapterSettings(settings);
  return defineAdapter<FacebookOptions, FacebookCredentials>({
    platform: 'facebook',
    displayName: 'Facebook',
    capabilities: { ...FACEBOOK_CAPABILITIES, pendingPublish: { maxWaitMs: config.videoProcessingTimeoutMs } },
    http: {
      baseUrl: config.baseUrl,
      headers: { 'user-agent': config.userAgent },
      parseRateLimit: parseFacebookRateLimit,
      mapError: mapFacebookError,
      requestIdHeader: GRAPH_REQUEST_ID_HEADER,
    },
    credentials: facebookCredentials,
    connect: facebookConnect({
      apiBaseUrl: config.baseUrl,
      authBaseUrl: config.authBaseUrl,
      apiVersion: config.apiVersion,
      appId: config.appId,
      appSecret: config.appSecret,
    }),
    networkOptionsSchema: FacebookOptionsSchema,
    doPublish: (input, context) => doPublish(input, context, config),
    doGetPublishStatus: (input, context) => doGetPublishStatus(input, context, config.apiVersion),
    doDelete: ({ post }, context) => doDelete(post, context, config.apiVersion),
    doGetPost: ({ post }, context) => doGetPost(post, context, config.apiVersion),
    doListMentions: (input, context) => doListMentions(input, context, config),
    doMentionAction: (input, context) => doMentionAction(input, context, config.apiVersion),
    doGetPostMetrics: ({ post }, context) => doGetPostMetrics(post, context, config.apiVersion),
    doGetAccountMetrics: (_input, context) => doGetAccountMetrics(context, config.apiVersion),
    doFindPublished: (input, context) => doFindPublished(input, context, config),
  });
}
