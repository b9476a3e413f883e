import { z } from 'zod';
import { refreshTokenBearer, type AdapterCredentials } from '@smm/core/adapter-kit';

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
    createProvider: (input) =>
      refreshTokenBearer(input, {
        platform: 'mastodon',
        path: '/oauth/token',
        bucket: 'write',
        operation: 'POST /oauth/token',
        client: (current) => ({ id: current.clientId ?? app.clientId, secret: current.clientSecret ?? app.clientSecret }),
        messages: {
          missing: `Mastodon refused the access token. ${REAUTHORISE}`,
          refused: `Mastodon did not refresh the access token. ${REAUTHORISE}`,
        },
      }),
  };
}
