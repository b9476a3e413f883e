import { bearerTokensOf, connectRequest, tokensFromAnswer, type OAuthConnect } from '@smm/core/adapter-kit';
import { YOUTUBE_ANALYTICS_SCOPE } from './analytics-report.js';
import { ChannelListSchema } from './api-schemas.js';
import type { YouTubeCredentials } from './credentials.js';

/**
 * Scopes asked for by default (https://developers.google.com/youtube/v3/guides/auth/server-side-web-apps#identify-access-scopes):
 * upload videos, manage comments (force-ssl), and read the channel.
 */
export const YOUTUBE_DEFAULT_SCOPES = [
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtube.force-ssl',
  'https://www.googleapis.com/auth/youtube.readonly',
] as const;

/**
 * Google's OAuth 2.0 flow for web server apps (https://developers.google.com/identity/protocols/oauth2/web-server):
 * authorize at `accounts.google.com/o/oauth2/v2/auth` with `access_type=offline` (so a refresh
 * token comes back) and PKCE S256, exchange and refresh at `oauth2.googleapis.com/token` with the
 * client id and secret in the body, revoke at `oauth2.googleapis.com/revoke`. Refresh tokens are
 * not rotated. The channels behind a login come from `channels.list?mine=true` (1 quota unit,
 * not counted by the adapter's ledger: the connect flow has no rate-limited client). With
 * `analytics`, the YouTube Analytics scope (`yt-analytics.readonly`) is asked for too. @internal
 */
export function youtubeConnect(config: {
  baseUrl: string;
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  analytics?: boolean;
}): OAuthConnect<YouTubeCredentials> {
  const authorize = new URL(config.authorizeUrl);
  authorize.searchParams.set('access_type', 'offline');
  authorize.searchParams.set('include_granted_scopes', 'true');
  return {
    kind: 'oauth2',
    endpoints: () => ({
      issuer: 'https://accounts.google.com',
      authorizationUrl: authorize.href,
      tokenUrl: config.tokenUrl,
      revocationUrl: config.revokeUrl,
    }),
    defaultScopes: config.analytics ? [...YOUTUBE_DEFAULT_SCOPES, YOUTUBE_ANALYTICS_SCOPE] : YOUTUBE_DEFAULT_SCOPES,
    pkce: 'S256',
    clientAuthentication: 'client_secret_post',
    refresh: 'static',
    toCredentials: (tokens, { clientId, clientSecret }) => ({
      ...tokensFromAnswer(tokens),
      clientId,
      ...(clientSecret ? { clientSecret } : {}),
    }),
    tokensOf: bearerTokensOf,
    async listConnectableAccounts(credentials, context) {
      const url = new URL(`${config.baseUrl.replace(/\/+$/, '')}/youtube/v3/channels`);
      url.searchParams.set('part', 'snippet');
      url.searchParams.set('mine', 'true');
      const { items } = await connectRequest(context, {
        platform: 'youtube',
        what: 'GET channels.list?mine=true',
        url: url.href,
        bearer: credentials.accessToken,
        schema: ChannelListSchema,
      });
      return items.map((channel) => ({
        id: channel.id,
        kind: 'channel' as const,
        ...(channel.snippet?.customUrl ? { handle: channel.snippet.customUrl } : {}),
        ...(channel.snippet?.title ? { displayName: channel.snippet.title } : {}),
      }));
    },
  };
}
