import { z } from 'zod';
import { AuthError, parseApiResponse, type AdapterCredentials } from '@smm/core/adapter-kit';

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

// https://developers.google.com/identity/protocols/oauth2/web-server#offline — the answer to a refresh.
const TokenResponseSchema = z.object({ access_token: z.string().min(1), refresh_token: z.string().min(1).optional() });

const REAUTHORISE =
  'Connect the channel again (Google OAuth with access_type=offline) and store the new tokens. Refresh tokens stop working when the user revokes access, after six months unused, or after 7 days while the OAuth consent screen is in "Testing".';

/**
 * The credentials of the YouTube adapter: a bearer token; on a 401, one refresh at Google's token
 * endpoint (`grant_type=refresh_token` with the client id and secret), the renewed token handed to
 * `saveCredentials`; otherwise an `AuthError` telling the user to connect again. @internal
 */
export function youtubeCredentials(app: {
  tokenUrl: string;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
}): AdapterCredentials<YouTubeCredentials> {
  return {
    schema: YouTubeCredentialsSchema,
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
          const clientId = current.clientId ?? app.clientId;
          const clientSecret = current.clientSecret ?? app.clientSecret;
          if (current.refreshToken === undefined || clientId === undefined) {
            throw new AuthError(`Google refused the access token and there is no refresh token and client id to renew it. ${REAUTHORISE}`, {
              platform: 'youtube',
              status: 401,
              refreshable: false,
            });
          }
          const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: current.refreshToken, client_id: clientId });
          if (clientSecret !== undefined) form.set('client_secret', clientSecret);
          let token: z.infer<typeof TokenResponseSchema>;
          try {
            const response = await http.request({ method: 'POST', path: app.tokenUrl, body: form, bucket: 'oauth' });
            token = parseApiResponse(TokenResponseSchema, response, 'youtube', 'POST token');
          } catch (error) {
            throw new AuthError(`Google did not refresh the access token. ${REAUTHORISE}`, {
              platform: 'youtube',
              refreshable: false,
              cause: error,
              secrets: secrets(),
            });
          }
          current = { ...current, accessToken: token.access_token, ...(token.refresh_token ? { refreshToken: token.refresh_token } : {}) };
          logger.info('youtube access token refreshed', {});
          await saveCredentials(current);
        },
      };
    },
  };
}
