import { z } from 'zod';
import { parseApiResponse, type AdapterCredentials } from '@smm/core/adapter-kit';
import { AuthError } from '@smm/core/adapter-kit';
import { TIKTOK_BUCKETS } from './rate-limits.js';

/**
 * A TikTok account's credentials: the user access token, and for refreshing it the refresh token
 * with the app's client key and secret (here or in the adapter settings). TikTok's current pages
 * give access tokens 2 hours and refresh tokens 180 days, rotated on every refresh (older pages:
 * 24 hours and 365 days). https://developers.tiktok.com/docs/en/oauth-user-access-token-management
 */
export const TikTokCredentialsSchema = z
  .object({
    accessToken: z.string().min(1, { error: "must be the creator's user access token (not empty)" }),
    refreshToken: z.string().min(1, { error: 'must be the refresh token (not empty), or left out' }).optional(),
    clientKey: z.string().min(1, { error: 'must be the app’s client key (not empty), or left out' }).optional(),
    clientSecret: z.string().min(1, { error: 'must be the app’s client secret (not empty), or left out' }).optional(),
  })
  .strict();

/** TikTok credentials. */
export type TikTokCredentials = z.infer<typeof TikTokCredentialsSchema>;

const TokenResponseSchema = z.object({ access_token: z.string().min(1), refresh_token: z.string().min(1).optional() });

const REAUTHORISE = 'Ask the creator to authorise the app again (TikTok Login Kit) and store the new tokens.';

/**
 * Bearer auth with refresh: `POST /v2/oauth/token/` (form-encoded `client_key`, `client_secret`,
 * `grant_type=refresh_token`, `refresh_token`); the rotated refresh token TikTok returns is saved
 * (the old one stops working). https://developers.tiktok.com/docs/en/oauth-refresh-a-user-access-token @internal
 */
export function tiktokCredentials(app: {
  clientKey?: string | undefined;
  clientSecret?: string | undefined;
}): AdapterCredentials<TikTokCredentials> {
  return {
    schema: TikTokCredentialsSchema,
    createProvider: ({ credentials, http, saveCredentials, logger }) => {
      let current = credentials;
      const secrets = () =>
        [current.accessToken, current.refreshToken, current.clientSecret ?? app.clientSecret].filter(
          (value): value is string => value !== undefined,
        );
      return {
        getHeaders: () => ({ authorization: `Bearer ${current.accessToken}` }),
        secrets,
        async refresh() {
          const clientKey = current.clientKey ?? app.clientKey;
          const clientSecret = current.clientSecret ?? app.clientSecret;
          if (current.refreshToken === undefined || clientKey === undefined || clientSecret === undefined) {
            throw new AuthError(
              `TikTok refused the access token (they expire after hours) and there is no refresh token with client key and secret. ${REAUTHORISE}`,
              {
                platform: 'tiktok',
                status: 401,
                refreshable: false,
              },
            );
          }
          const form = new URLSearchParams({
            client_key: clientKey,
            client_secret: clientSecret,
            grant_type: 'refresh_token',
            refresh_token: current.refreshToken,
          });
          let token: z.infer<typeof TokenResponseSchema>;
          try {
            const response = await http.request({
              method: 'POST',
              path: '/v2/oauth/token/',
              body: form,
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              bucket: TIKTOK_BUCKETS.oauth,
            });
            token = parseApiResponse(TokenResponseSchema, response, 'tiktok', 'POST /v2/oauth/token/');
          } catch (error) {
            throw new AuthError(`TikTok did not refresh the access token (the refresh token expired or was already used). ${REAUTHORISE}`, {
              platform: 'tiktok',
              refreshable: false,
              cause: error,
              secrets: secrets(),
            });
          }
          current = { ...current, accessToken: token.access_token, ...(token.refresh_token ? { refreshToken: token.refresh_token } : {}) };
          logger.info('tiktok access token refreshed', { rotated: token.refresh_token !== undefined });
          await saveCredentials(current);
        },
      };
    },
  };
}
