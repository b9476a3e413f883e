import { defineAdapter, type AdapterV1 } from '@smm/core/adapter-kit';
import { GRAPH_REQUEST_ID_HEADER } from '@smm/meta-graph';
import { THREADS_CAPABILITIES } from './capabilities.js';
import { threadsConnect } from './connect.js';
import { threadsCredentials, type ThreadsCredentials } from './credentials.js';
import { doDelete } from './do-delete.js';
import { doFindPublished } from './do-find-published.js';
import { doGetAccountMetrics } from './do-get-account-metrics.js';
import { doGetPost } from './do-get-post.js';
import { doGetPostMetrics } from './do-get-post-metrics.js';
import { doGetPublishStatus } from './do-get-publish-status.js';
import { doListMentions } from './do-list-mentions.js';
import { doMentionAction } from './do-mention-action.js';
import { doPublish } from './do-publish.js';
import { mapThreadsError } from './error-mapping.js';
import { ThreadsOptionsSchema, type ThreadsOptions } from './network-options.js';
import { parseThreadsRateLimit } from './rate-limits.js';
import { parseThreadsAdapterSettings, type ThreadsAdapterSettingsInput } from './settings.js';

/**
 * The Threads adapter: `createThreadsAdapter()`'s result.
 *
 * @example
 * ```ts
 * const adapter: ThreadsAdapter = createThreadsAdapter();
 * adapter.capabilities.content.threads; // true
 * ```
 */
export type ThreadsAdapter = AdapterV1<ThreadsOptions, ThreadsCredentials>;

/**
 * Creates the Threads adapter (Threads API `v1.0` at `graph.threads.net`): text, image, video
 * and carousel posts (2–20 items), each a media container published once `FINISHED` — a pending
 * publish core polls and any process can resume; long drafts and threads of drafts as chains of
 * replies; replies, quotes (`networkOptions.threads.quotePostId`) and link previews; the 250-post
 * and 1,000-reply daily quotas checked before anything is created; mentions and replies in the
 * inbox with hide/unhide; post and user insights as canonical metrics; delete; accounts connect
 * through Threads' own OAuth (`createConnectFlow` from `@smm/core/connect`) with long-lived tokens
 * refreshed after 24 h. Media must be at a public URL: give files or streams with a `mediaHost`.
 *
 * @param settings - see `ThreadsAdapterSettingsSchema`; every field is optional.
 * @throws ValidationError naming the setting when a setting is wrong.
 * @example
 * ```ts
 * import { createClient } from '@smm/core/client';
 * import { createThreadsAdapter } from '@smm/adapter-threads';
 *
 * const client = createClient({
 *   adapters: [createThreadsAdapter({ appId: process.env.THREADS_APP_ID, appSecret: process.env.THREADS_APP_SECRET })],
 *   accounts: [{ platform: 'threads', id: '17841400008460056', handle: 'smm_brand' }],
 *   credentials: { 'threads:17841400008460056': { accessToken, expiresAt, issuedAt } },
 *   onCredentialsChange: (account, next) => saveTokens(account, next),
 * });
 * const { published } = await client.publish('threads:17841400008460056', {
 *   text: 'Launch day 🚀',
 *   thread: [{ text: 'Here is what is new…' }],
 * });
 * ```
 */
export function createThreadsAdapter(settings: ThreadsAdapterSettingsInput = {}): ThreadsAdapter {
  const config = parseThreadsAdapterSettings(settings);
  const version = config.apiVersion;
  return defineAdapter<ThreadsOptions, ThreadsCredentials>({
    platform: 'threads',
    displayName: 'Threads',
    capabilities: { ...THREADS_CAPABILITIES, pendingPublish: { maxWaitMs: config.pendingTimeoutMs } },
    http: {
      baseUrl: config.baseUrl,
      headers: { 'user-agent': config.userAgent },
      parseRateLimit: parseThreadsRateLimit,
      mapError: mapThreadsError,
      requestIdHeader: GRAPH_REQUEST_ID_HEADER,
    },
    credentials: threadsCredentials(config),
    connect: threadsConnect(config),
    networkOptionsSchema: ThreadsOptionsSchema,
    doPublish: (input, context) => doPublish(input, context, config),
    doGetPublishStatus: (input, context) => doGetPublishStatus(input, context, config),
    doFindPublished: (input, context) => doFindPublished(input, context, config),
    doDelete: ({ post }, context) => doDelete(post, context, version),
    doGetPost: ({ post }, context) => doGetPost(post, context, version),
    doListMentions: (input, context) => doListMentions(input, context, config),
    doMentionAction: (input, context) => doMentionAction(input, context, version),
    doGetPostMetrics: ({ post }, context) => doGetPostMetrics(post, context, version),
    doGetAccountMetrics: (_input, context) => doGetAccountMetrics(context, version),
  });
}
