import { connectRequest, type ConnectableAccount, type OAuthConnect } from '@smm/core/adapter-kit';
import { GRAPH_HOSTS, graphOAuthConnect, graphPath } from '@smm/meta-graph';
import { z } from 'zod';
import type { InstagramCredentials } from './credentials.js';
import type { InstagramAdapterSettings } from './settings.js';

/**
 * The permissions asked for when the app names none: publishing, comments and insights, per login
 * (https://developers.facebook.com/docs/instagram-platform/content-publishing/ — Requirements;
 * Instagram Login's `instagram_business_*` scope values,
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login). Facebook Login
 * also needs the Page permissions that reach the Instagram account through its Page.
 *
 * @example
 * ```ts
 * INSTAGRAM_DEFAULT_SCOPES.instagram[0]; // 'instagram_business_basic'
 * ```
 */
export const INSTAGRAM_DEFAULT_SCOPES = {
  facebook: [
    'instagram_basic',
    'instagram_content_publish',
    'instagram_manage_comments',
    'instagram_manage_insights',
    'pages_show_list',
    'pages_read_engagement',
  ],
  instagram: [
    'instagram_business_basic',
    'instagram_business_content_publish',
    'instagram_business_manage_comments',
    'instagram_business_manage_insights',
  ],
} as const;

const PagesSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      name: z.string().optional(),
      instagram_business_account: z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() }).optional(),
    }),
  ),
});
const MeSchema = z.object({ id: z.string(), user_id: z.string().optional(), username: z.string().optional(), name: z.string().optional() });

/**
 * Connecting an Instagram account (OAuth 2.0 authorization code through `createConnectFlow`):
 * Facebook Login lists the professional accounts linked to the person's Pages
 * (`GET /me/accounts?fields=instagram_business_account{id,username,name}`,
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login/get-started);
 * Instagram Login is the account itself (`GET /me?fields=user_id,username,name`,
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/get-started).
 * The 1-hour token of the code exchange is traded for a long-lived one first (needs `appSecret`).
 * @internal
 */
export function instagramConnect(config: InstagramAdapterSettings): OAuthConnect<InstagramCredentials> {
  const hosts = { api: config.baseUrl, ...config.connectHosts };
  return graphOAuthConnect<InstagramCredentials>({
    kind: config.login,
    defaultScopes: INSTAGRAM_DEFAULT_SCOPES[config.login],
    version: config.apiVersion,
    appId: config.appId,
    appSecret: config.appSecret,
    hosts,
    async listConnectableAccounts(credentials, context): Promise<ConnectableAccount<InstagramCredentials>[]> {
      const api = hosts.api ?? GRAPH_HOSTS[config.login].api;
      if (config.login === 'instagram') {
        const me = await connectRequest(context, {
          platform: 'instagram',
          what: 'GET /me',
          url: `${api}${graphPath(config.apiVersion, 'me')}?fields=user_id,username,name`,
          bearer: credentials.accessToken,
          schema: MeSchema,
        });
        return [
          {
            id: me.user_id ?? me.id,
            ...(me.username ? { handle: me.username } : {}),
            ...(me.name ? { displayName: me.name } : {}),
            kind: 'user',
          },
        ];
      }
      const pages = await connectRequest(context, {
        platform: 'instagram',
        what: 'GET /me/accounts',
        url: `${api}${graphPath(config.apiVersion, 'me/accounts')}?fields=${encodeURIComponent('id,name,instagram_business_account{id,username,name}')}`,
        bearer: credentials.accessToken,
        schema: PagesSchema,
      });
      return pages.data.flatMap((page) => {
        const account = page.instagram_business_account;
        if (!account) return [];
        return [
          {
            id: account.id,
            ...(account.username ? { handle: account.username } : {}),
            ...(account.name ? { displayName: account.name } : page.name ? { displayName: page.name } : {}),
            kind: 'user' as const,
          },
        ];
      });
    },
  });
}
