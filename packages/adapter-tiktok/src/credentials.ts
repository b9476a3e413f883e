import { z } from 'zod';
import { refreshTokenBearer, type AdapterCredentials } from '@smm/core/adapter-kit';
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
    createProvider: (input) =>
      refreshTokenBearer(input, {
        platform: 'tiktok',
        path: '/v2/oauth/token/',
        bucket: TIKTOK_BUCKETS.oauth,
        operation: 'POST /v2/oauth/token/',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        // TikTok names the client `client_key` and always wants its secret.
        clientIdField: 'client_key',
        requireClientSecret: true,
        client: (current) => ({ id: current.clientKey ?? app.clientKey, secret: current.clientSecret ?? app.clientSecret }),
        messages: {
          missing: `TikTok refused the access token (they expire after hours) and there is no refresh token with client key and secret. ${REAUTHORISE}`,
          refused: `TikTok did not refresh the access token (the refresh token expired or was already used). ${REAUTHORISE}`,
        },
      }),
  };
}
