import { defineAdapter, type AdapterV1 } from '@smm/core/adapter-kit';
import { mastodonConnect } from './connect.js';
import { IDEMPOTENCY_KEY_HEADER, mastodonCapabilities } from './capabilities.js';
import { mastodonCredentials, type MastodonCredentials } from './credentials.js';
import { doDelete } from './do-delete.js';
import { doSendDirectMessage } from './do-send-direct-message.js';
import { doMentionAction } from './do-mention-action.js';
import { mapMastodonError } from './error-mapping.js';
import { doFindPublished } from './do-find-published.js';
import { doGetPost } from './do-get-post.js';
import { doListMentions } from './do-list-mentions.js';
import { doGetAccountMetrics } from './do-get-account-metrics.js';
import { doGetPublicAccount } from './do-get-public-account.js';
import { doGetPostMetrics } from './do-get-post-metrics.js';
import { MastodonOptionsSchema, type MastodonOptions } from './network-options.js';
import { doPublish } from './do-publish.js';
import { doGetPublishStatus } from './do-get-publish-status.js';
import { createMastodonRateLimitParser, mastodonStaticLimits } from './rate-limits.js';
import { instanceOf, parseMastodonAdapterSettings, type MastodonAdapterSettingsInput } from './settings.js';

/** The Mastodon adapter: `createMastodonAdapter()`'s result. */
export type MastodonAdapter = AdapterV1<MastodonOptions, MastodonCredentials>;

/**
 * Creates the Mastodon adapter: statuses with an `Idempotency-Key` (a retry never posts
 * twice), threads as reply chains, replies, media with alt text (a video still processing makes the publish pending), polls,
 * content warnings, visibility, native scheduling (`scheduledAt` → a ScheduledStatus), delete,
 * get, notifications as mentions (mentions, replies, quotes, direct messages), status and
 * account counts as metrics, and direct messages (`visibility: direct`). Each account talks to
 * its own instance; limits are read from `X-RateLimit-*` with media and deletions in their own
 * buckets.
 *
 * @param settings - see `MastodonAdapterSettingsSchema`; `baseUrl`, the instance, is required.
 * @throws ValidationError naming the setting when a setting is wrong or `baseUrl` is missing.
 * @example
 * ```ts
 * import { createClient } from '@smm/core/client';
 * import { createMastodonAdapter } from '@smm/adapter-mastodon';
 *
 * const client = createClient({
 *   adapters: [createMastodonAdapter({ baseUrl: 'https://mastodon.social' })],
 *   accounts: [{ platform: 'mastodon', id: '109302437298432', handle: 'smm' }],
 *   credentials: { 'mastodon:109302437298432': { accessToken: process.env.MASTODON_TOKEN } },
 * });
 * const { published } = await client.publish('mastodon:109302437298432', {
 *   text: 'Hello, fediverse 👋',
 *   networkOptions: { mastodon: { spoilerText: 'greetings' } },
 * });
 * ```
 */
export function createMastodonAdapter(settings: MastodonAdapterSettingsInput): MastodonAdapter {
  const config = parseMastodonAdapterSettings(settings);
  return defineAdapter<MastodonOptions, MastodonCredentials>({
    platform: 'mastodon',
    displayName: 'Mastodon',
    capabilities: mastodonCapabilities(config),
    http: {
      baseUrl: Object.keys(config.accountInstances).length === 0 ? instanceOf(config, '') : (account) => instanceOf(config, account.id),
      headers: { 'user-agent': config.userAgent },
      parseRateLimit: createMastodonRateLimitParser(config.rateLimits),
      staticLimits: mastodonStaticLimits(config.rateLimits),
      mapError: mapMastodonError,
      idempotencyKeyHeader: IDEMPOTENCY_KEY_HEADER,
      requestIdHeader: 'x-request-id',
    },
    credentials: mastodonCredentials({ clientId: config.clientId, clientSecret: config.clientSecret }),
    connect: mastodonConnect({ baseUrl: instanceOf(config, '') }),
    networkOptionsSchema: MastodonOptionsSchema,
    doPublish: (input, context) => doPublish(input, context, config),
    doGetPublishStatus: (input, context) => doGetPublishStatus(input, context),
    doDelete: ({ post }, context) => doDelete(post, context),
    doGetPost: ({ post }, context) => doGetPost(post, context),
    doListMentions: (input, context) => doListMentions(input, context),
    doGetPostMetrics: ({ post }, context) => doGetPostMetrics(post, context),
    doGetAccountMetrics: (_input, context) => doGetAccountMetrics(context),
    doFindPublished: (input, context) => doFindPublished(input, context),
    doGetPublicAccount: (input, context) => doGetPublicAccount(input, context),
    doSendDirectMessage: (input, context) => doSendDirectMessage(input, context),
    doMentionAction: (input, context) => doMentionAction(input, context),
  });
}
