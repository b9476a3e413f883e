import { defineAdapter, type AdapterV1 } from '@smm/core/adapter-kit';
import { linkedinCapabilities } from './capabilities.js';
import { linkedinConnect } from './connect.js';
import { linkedinCredentials, type LinkedInCredentials } from './credentials.js';
import { doDelete } from './do-delete.js';
import { doFindPublished } from './do-find-published.js';
import { doGetAccountMetrics } from './do-get-account-metrics.js';
import { doGetPost } from './do-get-post.js';
import { doGetPostMetrics } from './do-get-post-metrics.js';
import { doGetPublishStatus } from './do-get-publish-status.js';
import { doListMentions } from './do-list-mentions.js';
import { doPublish } from './do-publish.js';
import { mapLinkedInError } from './error-mapping.js';
import { LinkedInOptionsSchema, type LinkedInOptions } from './network-options.js';
import { linkedinStaticLimits, parseLinkedInRateLimit } from './rate-limits.js';
import { parseLinkedInAdapterSettings, type LinkedInAdapterSettingsInput } from './settings.js';

/** The LinkedIn adapter: `createLinkedInAdapter()`'s result. */
export type LinkedInAdapter = AdapterV1<LinkedInOptions, LinkedInCredentials>;

/**
 * Creates the LinkedIn adapter (Posts API, versioned Rest.li 2.0 requests): posts as a member
 * or an organisation (the account id is its author URN), commentary written in LinkedIn's
 * little text format so no reserved character ever cuts a post short, mentions as LinkedIn
 * markup, images (several as a multi-image post), a video (uploaded in parts) or a document,
 * a link as an article; delete; comments on the account's posts as mentions, replies as
 * comments; organisation share statistics and follower counts as metrics. LinkedIn takes no
 * idempotency key: a retry first looks for the post. Daily limits reset at midnight UTC.
 *
 * @param settings - see `LinkedInAdapterSettingsSchema`; every setting has a default.
 * @throws ValidationError naming the setting when a setting is wrong.
 * @example
 * ```ts
 * import { createClient } from '@smm/core/client';
 * import { createLinkedInAdapter } from '@smm/adapter-linkedin';
 *
 * const client = createClient({
 *   adapters: [createLinkedInAdapter({ linkedinVersion: '202610' })],
 *   accounts: [{ platform: 'linkedin', id: 'urn:li:organization:2414183', handle: 'acme' }],
 *   credentials: { 'linkedin:urn:li:organization:2414183': { accessToken: process.env.LINKEDIN_TOKEN } },
 * });
 * await client.publish('linkedin:urn:li:organization:2414183', {
 *   text: 'Q3 results (audited) are out #earnings',
 *   networkOptions: { linkedin: { mentions: [{ text: 'Acme', urn: 'urn:li:organization:2414183' }] } },
 * });
 * ```
 */
export function createLinkedInAdapter(settings: LinkedInAdapterSettingsInput = {}): LinkedInAdapter {
  const config = parseLinkedInAdapterSettings(settings);
  const authBaseUrl = (config.authBaseUrl ?? 'https://www.linkedin.com').replace(/\/+$/, '');
  return defineAdapter<LinkedInOptions, LinkedInCredentials>({
    platform: 'linkedin',
    displayName: 'LinkedIn',
    capabilities: linkedinCapabilities(config),
    http: {
      baseUrl: config.baseUrl.replace(/\/+$/, ''),
      // https://learn.microsoft.com/en-us/linkedin/marketing/versioning: every /rest call names its version;
      // https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/protocol-version: Rest.li 2.0.
      headers: { 'user-agent': config.userAgent, 'linkedin-version': config.linkedinVersion, 'x-restli-protocol-version': '2.0.0' },
      parseRateLimit: parseLinkedInRateLimit,
      staticLimits: linkedinStaticLimits(config.dailyLimits),
      mapError: mapLinkedInError,
      requestIdHeader: 'x-li-uuid',
    },
    credentials: linkedinCredentials({
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      tokenUrl: `${authBaseUrl}/oauth/v2/accessToken`,
    }),
    connect: linkedinConnect({ authBaseUrl, apiBaseUrl: config.baseUrl.replace(/\/+$/, ''), linkedinVersion: config.linkedinVersion }),
    networkOptionsSchema: LinkedInOptionsSchema,
    doPublish: (input, context) => doPublish(input, context, config),
    doGetPublishStatus: (input, context) => doGetPublishStatus(input, context),
    doDelete: ({ post }, context) => doDelete(post, context),
    doGetPost: ({ post }, context) => doGetPost(post, context),
    doListMentions: (input, context) => doListMentions(input, context),
    doGetPostMetrics: ({ post }, context) => doGetPostMetrics(post, context),
    doGetAccountMetrics: (_input, context) => doGetAccountMetrics(context),
    doFindPublished: (input, context) => doFindPublished(input, context),
  });
}
