import { defineAdapter, type AdapterV1 } from '@smm/core/adapter-kit';
import { xConnect } from './connect.js';
import { X_CAPABILITIES } from './capabilities.js';
import { xCredentials, type XCredentials } from './credentials.js';
import { doDelete } from './do-delete.js';
import { mapXError } from './error-mapping.js';
import { doFindPublished } from './do-find-published.js';
import { doGetPost } from './do-get-post.js';
import { doListMentions } from './do-list-mentions.js';
import { doMentionAction } from './do-mention-action.js';
import { doGetAccountMetrics } from './do-get-account-metrics.js';
import { doGetPostMetrics } from './do-get-post-metrics.js';
import { doGetPublicAccount } from './do-get-public-account.js';
import { XOptionsSchema, type XOptions } from './network-options.js';
import { doPublish } from './do-publish.js';
import { doGetPublishStatus } from './do-get-publish-status.js';
import { parseXRateLimit } from './rate-limits.js';
import { parseXAdapterSettings, type XAdapterSettingsInput } from './settings.js';

/**
 * The X adapter: `createXAdapter()`'s result.
 *
 * @example
 * ```ts
 * const adapter: XAdapter = createXAdapter();
 * adapter.capabilities.polls; // true
 * ```
 */
export type XAdapter = AdapterV1<XOptions, XCredentials>;

/**
 * Creates the X (API v2) adapter: posts, threads (chains of replies), replies, quotes, polls,
 * media (chunked upload with processing and alt text), delete, get, the mentions timeline,
 * public and private post metrics and account metrics. OAuth 2.0 user tokens are refreshed
 * once on a 401 (and a minute before `expiresAt`), and the rotated refresh token is handed to
 * `onCredentialsChange`. Each endpoint spends from its own rate-limit bucket, read from X's
 * `x-rate-limit-*` and 24-hour headers.
 *
 * @param settings - see `XAdapterSettingsSchema`; every field is optional.
 * @throws ValidationError naming the setting when a setting is wrong.
 * @example
 * ```ts
 * import { createClient } from '@smm/core/client';
 * import { createXAdapter } from '@smm/adapter-x';
 *
 * const client = createClient({
 *   adapters: [createXAdapter({ clientId: process.env.X_CLIENT_ID })],
 *   accounts: [{ platform: 'x', id: '1460000000000000001', handle: 'smm_brand' }],
 *   credentials: { 'x:1460000000000000001': { accessToken, refreshToken } },
 *   onCredentialsChange: (account, next) => saveTokens(account, next), // X rotates refresh tokens
 * });
 * const { published } = await client.publish('x:1460000000000000001', { text: 'Hello, X', thread: [{ text: 'More below 👇' }] });
 * ```
 */
export function createXAdapter(settings: XAdapterSettingsInput = {}): XAdapter {
  const config = parseXAdapterSettings(settings);
  return defineAdapter<XOptions, XCredentials>({
    platform: 'x',
    displayName: 'X',
    // How long core waits for X to process a video or GIF by default (a pending publish).
    capabilities: { ...X_CAPABILITIES, pendingPublish: { maxWaitMs: config.mediaProcessingTimeoutMs } },
    http: {
      baseUrl: config.baseUrl,
      headers: { 'user-agent': config.userAgent },
      parseRateLimit: parseXRateLimit,
      mapError: mapXError,
      // X names its request id `x-transaction-id`.
      requestIdHeader: 'x-transaction-id',
    },
    credentials: xCredentials({ clientId: config.clientId, clientSecret: config.clientSecret }),
    networkOptionsSchema: XOptionsSchema,
    connect: xConnect({ baseUrl: config.baseUrl }),
    doPublish: (input, context) => doPublish(input, context, config),
    doGetPublishStatus: (input, context) => doGetPublishStatus(input, context, config),
    doDelete: ({ post }, context) => doDelete(post, context),
    doGetPost: ({ post }, context) => doGetPost(post, context),
    doListMentions: (input, context) => doListMentions(input, context),
    doGetPostMetrics: ({ post }, context) => doGetPostMetrics(post, context, config.privateMetrics),
    doGetAccountMetrics: (_input, context) => doGetAccountMetrics(context),
    doFindPublished: (input, context) => doFindPublished(input, context, config),
    doGetPublicAccount: (input, context) => doGetPublicAccount(input, context),
    doMentionAction: (input, context) => doMentionAction(input, context),
  });
}
