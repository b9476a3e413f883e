import { connectRequest, type ConnectContext } from '@smm/core/adapter-kit';
import { graphOAuthConnect, graphPath } from '@smm/meta-graph';
import { ProfileSchema } from './api-schemas.js';
import type { ThreadsCredentials } from './credentials.js';

/**
 * The permissions the adapter asks for (https://developers.facebook.com/documentation/threads/get-started,
 * "Authorization"): `threads_basic` (every call), `threads_content_publish` (publishing),
 * `threads_manage_replies` / `threads_read_replies` (replying, hiding, reading replies),
 * `threads_manage_insights` (metrics), `threads_manage_mentions` (the mentions edge,
 * https://developers.facebook.com/documentation/threads/threads-mentions) and `threads_delete`
 * (https://developers.facebook.com/documentation/threads/posts/delete-posts).
 */
export const THREADS_DEFAULT_SCOPES = [
  'threads_basic',
  'threads_content_publish',
  'threads_manage_replies',
  'threads_read_replies',
  'threads_manage_insights',
  'threads_manage_mentions',
  'threads_delete',
] as const;

/** The Threads user behind a token: `GET /me?fields=id,username,name` (https://developers.facebook.com/documentation/threads/threads-profiles). */
async function threadsMe(credentials: ThreadsCredentials, context: ConnectContext, settings: ThreadsConnectSettings) {
  const me = await connectRequest(context, {
    platform: 'threads',
    what: 'GET /me',
    url: `${settings.baseUrl}${graphPath(settings.apiVersion, 'me')}?fields=id,username,name`,
    bearer: credentials.accessToken,
    schema: ProfileSchema,
  });
  return {
    id: me.id,
    kind: 'user' as const,
    ...(me.username ? { handle: me.username } : {}),
    ...(me.name ? { displayName: me.name } : {}),
  };
}

/** What the connect flow needs from the settings. @internal */
export interface ThreadsConnectSettings {
  baseUrl: string;
  authBaseUrl: string;
  apiVersion: string;
  appId?: string | undefined;
  appSecret?: string | undefined;
}

/**
 * Threads' connect flow from the kit: the Authorization Window (`/oauth/authorize` on
 * `authBaseUrl`), the code exchanged at `graph.threads.net/oauth/access_token`, the 1-hour token
 * traded for a long-lived one (`th_exchange_token`), then the user from `GET /me`. @internal
 */
export function threadsConnect(settings: ThreadsConnectSettings) {
  return graphOAuthConnect<ThreadsCredentials>({
    kind: 'threads',
    defaultScopes: THREADS_DEFAULT_SCOPES,
    appId: settings.appId,
    appSecret: settings.appSecret,
    hosts: { authorize: settings.authBaseUrl, codeExchange: settings.baseUrl, api: settings.baseUrl },
    listConnectableAccounts: async (credentials, context) => [await threadsMe(credentials, context, settings)],
  });
}
