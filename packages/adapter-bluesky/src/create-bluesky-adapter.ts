import { defineAdapter, type AdapterV1 } from '@smm/core/adapter-kit';
import { blueskyConnect } from './connect.js';
import { BLUESKY_CAPABILITIES } from './capabilities.js';
import { blueskyCredentials, type BlueskyCredentials } from './credentials.js';
import { doDelete } from './do-delete.js';
import { doMentionAction } from './do-mention-action.js';
import { mapBlueskyError } from './error-mapping.js';
import { doFindPublished } from './do-find-published.js';
import { doGetPost } from './do-get-post.js';
import { doListMentions } from './do-list-mentions.js';
import { doGetAccountMetrics } from './do-get-account-metrics.js';
import { doGetPublicAccount } from './do-get-public-account.js';
import { doGetPostMetrics } from './do-get-post-metrics.js';
import { BlueskyOptionsSchema, type BlueskyOptions } from './network-options.js';
import { doPublish } from './do-publish.js';
import { BLUESKY_STATIC_LIMITS, parseBlueskyRateLimit } from './rate-limits.js';
import { parseBlueskyAdapterSettings, type BlueskyAdapterSettingsInput } from './settings.js';

/** The Bluesky adapter (spec v1). */
export type BlueskyAdapter = AdapterV1<BlueskyOptions, BlueskyCredentials>;

/**
 * Creates the Bluesky (AT Protocol) adapter. Give it to `createClient`; accounts are
 * `{ platform: 'bluesky', id: <DID>, handle }` and their credentials an app password
 * (`{ identifier, password }`) or a session (`{ accessJwt, refreshJwt }`).
 *
 * @throws ValidationError when a setting is wrong, naming it.
 * @example
 * ```ts
 * import { createClient } from '@smm/core/client';
 * import { createBlueskyAdapter } from '@smm/adapter-bluesky';
 *
 * const client = createClient({
 *   adapters: [createBlueskyAdapter()],
 *   accounts: [{ platform: 'bluesky', id: 'did:plc:z72i7hdynmk6r22z27h6tvur', handle: 'brand.bsky.social' }],
 *   credentials: { 'bluesky:did:plc:z72i7hdynmk6r22z27h6tvur': { identifier: 'brand.bsky.social', password: process.env.BSKY_APP_PASSWORD } },
 *   onCredentialsChange: (account, session) => store.save(account, session),
 * });
 * await client.publish('bluesky:did:plc:z72i7hdynmk6r22z27h6tvur', { text: 'Hello @ana.bsky.social #launch' }, { idempotencyKey: 'launch-1' });
 * ```
 */
export function createBlueskyAdapter(settings: BlueskyAdapterSettingsInput = {}): BlueskyAdapter {
  const parsed = parseBlueskyAdapterSettings(settings);
  return defineAdapter<BlueskyOptions, BlueskyCredentials>({
    platform: 'bluesky',
    displayName: 'Bluesky',
    capabilities: BLUESKY_CAPABILITIES,
    http: {
      baseUrl: parsed.baseUrl,
      headers: { 'user-agent': parsed.userAgent },
      parseRateLimit: parseBlueskyRateLimit,
      staticLimits: BLUESKY_STATIC_LIMITS,
      mapError: mapBlueskyError,
    },
    credentials: blueskyCredentials,
    connect: blueskyConnect({ baseUrl: parsed.baseUrl }),
    networkOptionsSchema: BlueskyOptionsSchema,
    doPublish: (input, context) => doPublish(input, context, parsed),
    doDelete: ({ post }, context) => doDelete(post, context),
    doGetPost: ({ post }, context) => doGetPost(post, context, parsed),
    doListMentions: (input, context) => doListMentions(input, context, parsed),
    doGetPostMetrics: ({ post }, context) => doGetPostMetrics(post, context),
    doGetAccountMetrics: (_input, context) => doGetAccountMetrics(context),
    doFindPublished: (input, context) => doFindPublished(input, context, parsed),
    doGetPublicAccount: (input, context) => doGetPublicAccount(input, context, parsed),
    doMentionAction: (input, context) => doMentionAction(input, context),
  });
}
