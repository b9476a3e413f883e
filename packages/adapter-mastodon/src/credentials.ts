import { z } from 'zod';
import { parseApiResponse, type AdapterCredentials } from '@smm/core/adapter-kit';
import { AuthError } from '@smm/core/adapter-kit';

/**
 * What an app stores for a Mastodon account. `accessToken` is the user token from the
 * instance's OAuth flow (`POST /oauth/token`). Mastodon's tokens do not expire by default;
 * when the instance issued a `refreshToken` too, it is used once after a 401 (with the
 * client id and secret, from here or from the adapter settings).
 *
 * @example
 * ```ts
 * MastodonCredentialsSchema.parse({ accessToken: process.env.MASTODON_TOKEN });
 * ```
 */
export const MastodonCredentialsSchema = z
  .object({
    accessToken: z.string().min(1, { error: "must be the account's OAuth access token (not empty)" }),
    refreshToken: z.string().min(1, { error: 'must be the refresh token (not empty), or left out' }).optional(),
    clientId: z.string().min(1, { error: 'must be the OAuth client id (not empty), or left out' }).optional(),
    clientSecret: z.string().min(1, { error: 'must be the OAuth client secret (not empty), or left out' }).optional(),
  })
  .strict();

/** A Mastodon account's credentials. */
export interface MastodonCredentials extends z.infer<typeof MastodonCredentialsSchema> {}

const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
});

const REAUTHORISE =
  'Mastodon access tokens do not expire by themselves: this one was revoked, or the app was removed. Authorise the account again (OAuth) and store the new token.';

/**
 * The credentials of the Mastodon adapter: a bearer token; on a 401, one refresh through
 * `POST /oauth/token` (`grant_type=refresh_token`) when a refresh token and a client id are
 * known, the rotated tokens handed to `saveCredentials`; otherwise an `AuthError` telling the
 * user to authorise the account again. No token ever appears in an error. @internal
 */
export function mastodonCredentials(app: {
  clientId?: string | undefined;
  clientSecret?: string | undefined;
}): AdapterCredentials<MastodonCredentials> {
  return {
    schema: MastodonCredentialsSchema,
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
            throw new AuthError(`Mastodon refused the access token. ${REAUTHORISE}`, {
              platform: 'mastodon',
              status: 401,
              refreshable: false,
            });
          }
          const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: current.refreshToken, client_id: clientId });
          if (clientSecret !== undefined) form.set('client_secret', clientSecret);
          let token: z.infer<typeof TokenResponseSchema>;
          try {
            const response = await http.request({ method: 'POST', path: '/oauth/token', body: form, bucket: 'write' });
            token = parseApiResponse(TokenResponseSchema, response, 'mastodon', 'POST /oauth/token');
          } catch (error) {
            throw new AuthError(`Mastodon did not refresh the access token. ${REAUTHORISE}`, {
              platform: 'mastodon',
              refreshable: false,
              cause: error,
              secrets: secrets(),
            });
          }
          current = { ...current, accessToken: token.access_token, ...(token.refresh_token ? { refreshToken: token.refresh_token } : {}) };
          logger.info('mastodon access token refreshed', { rotated: token.refresh_token !== undefined });
          await saveCredentials(current);
        },
      };
    },
  };
}
