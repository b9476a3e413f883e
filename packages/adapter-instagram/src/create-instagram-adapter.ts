import { defineAdapter, type AdapterV1 } from '@smm/core/adapter-kit';
import { GRAPH_REQUEST_ID_HEADER } from '@smm/meta-graph';
import { instagramCapabilities } from './capabilities.js';
import { instagramConnect } from './connect.js';
import { instagramCredentials, type InstagramCredentials } from './credentials.js';
import { doDelete } from './do-delete.js';
import { doFindPublished } from './do-find-published.js';
import { doGetAccountMetrics } from './do-get-account-metrics.js';
import { doGetPost } from './do-get-post.js';
import { doGetPostMetrics } from './do-get-post-metrics.js';
import { doGetPublishStatus } from './do-get-publish-status.js';
import { doListMentions } from './do-list-mentions.js';
import { doPublish } from './do-publish.js';
import { doReply } from './do-reply.js';
import { mapInstagramError } from './error-mapping.js';
import { InstagramOptionsSchema, type InstagramOptions } from './network-options.js';
import { parseInstagramRateLimit } from './rate-limits.js';
import { parseInstagramAdapterSettings, type InstagramAdapterSettingsInput } from './settings.js';

/**
 * The Instagram adapter: `createInstagramAdapter()`'s result.
 *
 * @example
 * ```ts
 * const adapter: InstagramAdapter = createInstagramAdapter({ login: 'instagram' });
 * adapter.capabilities.delete; // false (Meta deletes media for Facebook Login tokens only)
 * ```
 */
export type InstagramAdapter = AdapterV1<InstagramOptions, InstagramCredentials>;

/**
 * Creates the Instagram adapter (Instagram Platform, Graph API) for professional accounts,
 * connected with Facebook Login (`login: 'facebook'`, host `graph.facebook.com`, the default) or
 * Instagram Login (`login: 'instagram'`, host `graph.instagram.com`): an image, a carousel of up to
 * 10 images and videos, a reel or a story (`networkOptions.instagram.placement`), with alt text
 * and a first comment, published the Instagram way — containers, then `media_publish` once
 * processed — as a pending publish core polls and a scheduler resumes after a crash; the content
 * publishing limit is read before publishing; a lost answer is recovered without a second post;
 * comments and tags are mentions (reply with `client.reply`); media and account insights are
 * canonical metrics (only those Meta still serves); delete (Facebook Login).
 *
 * Instagram fetches media from a public URL: give media as URLs, or set `mediaHost` to put files,
 * streams and bytes somewhere public first.
 *
 * @param settings - see `InstagramAdapterSettingsSchema`; every field is optional.
 * @throws ValidationError naming the setting when a setting is wrong.
 * @example
 * ```ts
 * import { createClient } from '@smm/core/client';
 * import { createInstagramAdapter } from '@smm/adapter-instagram';
 *
 * const client = createClient({
 *   adapters: [createInstagramAdapter({ login: 'instagram', mediaHost: myBucket })],
 *   accounts: [{ platform: 'instagram', id: '17841405822304914', handle: 'smm_studio' }],
 *   credentials: { 'instagram:17841405822304914': { accessToken, expiresAt } },
 *   onCredentialsChange: (account, next) => saveTokens(account, next),
 * });
 * await client.publish('instagram:17841405822304914', {
 *   text: 'Spring menu is here 🌱',
 *   media: [{ kind: 'image', source: { type: 'url', url: 'https://cdn.example.com/menu.jpg' }, altText: 'A green salad' }],
 * }, { firstComment: '#spring #menu' });
 * ```
 */
export function createInstagramAdapter(settings: InstagramAdapterSettingsInput = {}): InstagramAdapter {
  const config = parseInstagramAdapterSettings(settings);
  return defineAdapter<InstagramOptions, InstagramCredentials>({
    platform: 'instagram',
    displayName: 'Instagram',
    capabilities: instagramCapabilities(config.login, config.publishTimeoutMs),
    http: {
      baseUrl: config.baseUrl,
      headers: { 'user-agent': config.userAgent },
      parseRateLimit: parseInstagramRateLimit,
      mapError: mapInstagramError,
      requestIdHeader: GRAPH_REQUEST_ID_HEADER,
    },
    credentials: instagramCredentials(config.login),
    connect: instagramConnect(config),
    networkOptionsSchema: InstagramOptionsSchema,
    doPublish: (input, context) => doPublish(input, context, config),
    doReply: (input, context) => doReply(input, context, config),
    doGetPublishStatus: (input, context) => doGetPublishStatus(input, context, config),
    doDelete: ({ post }, context) => doDelete(post, context, config),
    doGetPost: ({ post }, context) => doGetPost(post, context, config),
    doListMentions: (input, context) => doListMentions(input, context, config),
    doGetPostMetrics: ({ post }, context) => doGetPostMetrics(post, context, config),
    doGetAccountMetrics: (_input, context) => doGetAccountMetrics(context, config),
    doFindPublished: (input, context) => doFindPublished(input, context, config),
  });
}
