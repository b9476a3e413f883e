import { z } from 'zod';
import { refreshTokenBearer, type AdapterCredentials } from '@smm/core/adapter-kit';

/**
 * What an app stores for a YouTube channel: the Google OAuth access token (about an hour) and,
 * from an authorization with `access_type=offline`, the refresh token with the client id and
 * secret that refresh it (from here or from the adapter settings).
 *
 * @example
 * ```ts
 * YouTubeCredentialsSchema.parse({ accessToken: 'ya29…', refreshToken: '1//…' });
 * ```
 */
export const YouTubeCredentialsSchema = z
  .object({
    accessToken: z.string().min(1, { error: "must be the channel's Google OAuth access token (not empty)" }),
    refreshToken: z.string().min(1, { error: 'must be the refresh token (not empty), or left out' }).optional(),
    clientId: z.string().min(1, { error: 'must be the OAuth client id (not empty), or left out' }).optional(),
    clientSecret: z.string().min(1, { error: 'must be the OAuth client secret (not empty), or left out' }).optional(),
  })
  .strict();

/** A YouTube channel's credentials. */
export type YouTubeCredentials = z.infer<typeof YouTubeCredentialsSchema>;

const REAUTHORISE =
  'Connect the channel again (Google OAuth with access_type=offline) and store the new tokens. Refresh tokens stop working when the user revokes access, after six months unused, or after 7 days while the OAuth consent screen is in "Testing".';

/**
 * The credentials of the YouTube adapter: a bearer token; on a 401, one refresh at Google's token
 * endpoint (`grant_type=refresh_token` with the client id and secret), the renewed token handed to
 * `saveCredentials`; otherwise an `AuthError` telling the user to connect again. @internal
 * https://developers.google.com/identity/protocols/oauth2/web-server#offline
 */
export function youtubeCredentials(app: {
  tokenUrl: string;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
}): AdapterCredentials<YouTubeCredentials> {
  return {
    schema: YouTubeCredentialsSchema,
    createProvider: (input) =>
      refreshTokenBearer(input, {
        platform: 'youtube',
        path: app.tokenUrl,
        bucket: 'oauth',
        operation: 'POST token',
        client: (current) => ({ id: current.clientId ?? app.clientId, secret: current.clientSecret ?? app.clientSecret }),
        // The YouTube adapter's log line has always carried no fields.
        logRotation: false,
        messages: {
          missing: `Google refused the access token and there is no refresh token and client id to renew it. ${REAUTHORISE}`,
          refused: `Google did not refresh the access token. ${REAUTHORISE}`,
        },
      }),
  };
}
