import { connectRequest, type ConnectableAccount, type ConnectContext, type OAuthConnect } from '@smm/core/adapter-kit';
import { graphOAuthConnect, graphPath } from '@smm/meta-graph';
import { z } from 'zod';
import { ManagedPageSchema } from './api-schemas.js';
import type { FacebookCredentials } from './credentials.js';

/**
 * Permissions asked for by default: list the Pages (`pages_show_list`), read them and their
 * insights (`pages_read_engagement`, `read_insights`), publish (`pages_manage_posts`), answer and
 * moderate comments (`pages_manage_engagement`, `pages_read_user_content`), and upload videos
 * (`publish_video`) — the set https://developers.facebook.com/docs/pages-api/posts asks for.
 */
export const FACEBOOK_DEFAULT_SCOPES = [
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_posts',
  'pages_manage_engagement',
  'pages_read_user_content',
  'read_insights',
  'publish_video',
] as const;

const AccountsPage = z.object({
  data: z.array(ManagedPageSchema.extend({ username: z.string().optional() })),
  paging: z.object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
});

/** Most pages of `/me/accounts` read at connect time (100 Pages each). */
const MAX_ACCOUNT_PAGES = 5;

/**
 * The Pages behind a Facebook Login, each with its own Page token as its credentials:
 * `GET /me/accounts?fields=id,name,username,access_token,tasks`
 * (https://developers.facebook.com/docs/pages-api/getting-started#get-page-access-token), following
 * Graph's cursor. Only Pages the person can publish to (task `CREATE_CONTENT`, or no task list) are listed.
 * @internal
 */
export async function listFacebookPages(
  login: FacebookCredentials,
  context: ConnectContext,
  config: { apiBaseUrl: string; apiVersion: string },
): Promise<ConnectableAccount<FacebookCredentials>[]> {
  const pages: ConnectableAccount<FacebookCredentials>[] = [];
  let after: string | undefined;
  for (let round = 0; round < MAX_ACCOUNT_PAGES; round++) {
    const url = new URL(`${config.apiBaseUrl}${graphPath(config.apiVersion, 'me/accounts')}`);
    url.searchParams.set('fields', 'id,name,username,access_token,tasks');
    url.searchParams.set('limit', '100');
    if (after) url.searchParams.set('after', after);
    const answer = await connectRequest(context, {
      platform: 'facebook',
      what: 'GET /me/accounts',
      url: url.toString(),
      bearer: login.accessToken,
      schema: AccountsPage,
    });
    for (const page of answer.data) {
      if (page.tasks && !page.tasks.includes('CREATE_CONTENT')) continue;
      pages.push({
        id: page.id,
        ...(page.username ? { handle: page.username } : {}),
        ...(page.name ? { displayName: page.name } : {}),
        kind: 'page',
        credentials: { accessToken: page.access_token, issuedAt: new Date(context.now()).toISOString() },
      });
    }
    after = answer.paging?.next ? answer.paging.cursors?.after : undefined;
    if (!after) break;
  }
  return pages;
}

/**
 * Facebook Login (OAuth 2.0 authorization code at `https://www.facebook.com/<version>/dialog/oauth`,
 * https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow), the 1-hour user
 * token traded for a long-lived one, then the Pages it manages with their Page tokens as the
 * connectable accounts (kind `page`). @internal
 */
export function facebookConnect(config: {
  apiBaseUrl: string;
  authBaseUrl: string;
  apiVersion: string;
  appId?: string | undefined;
  appSecret?: string | undefined;
}): OAuthConnect<FacebookCredentials> {
  return graphOAuthConnect<FacebookCredentials>({
    kind: 'facebook',
    defaultScopes: FACEBOOK_DEFAULT_SCOPES,
    appId: config.appId,
    appSecret: config.appSecret,
    version: config.apiVersion,
    hosts: { authorize: config.authBaseUrl, codeExchange: config.apiBaseUrl, api: config.apiBaseUrl },
    listConnectableAccounts: (login, context) => listFacebookPages(login, context, config),
  });
}
