import { z } from 'zod';
import { AuthError, parseApiResponse, type AdapterCredentials } from '@smm/core/adapter-kit';

/**
 * What an app stores for a LinkedIn account: the member's OAuth access token (60 days) and,
 * for apps LinkedIn approved for programmatic refresh, the refresh token (365 days).
 * https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens
 *
 * @example
 * ```ts
 * LinkedInCredentialsSchema.parse({ accessToken: process.env.LINKEDIN_TOKEN });
 * ```
 */
export const LinkedInCredentialsSchema = z
  .object({
    accessToken: z.string().min(1, { error: "must be the member's OAuth access token (not empty)" }),
    refreshToken: z.string().min(1, { error: 'must be the refresh token (not empty), or left out' }).optional(),
    /** When the access token expires (ISO-8601), as the token answer said. */
    expiresAt: z.string().optional(),
    clientId: z.string().min(1, { error: 'must be the OAuth client id (not empty), or left out' }).optional(),
    clientSecret: z.string().min(1, { error: 'must be the OAuth client secret (not empty), or left out' }).optional(),
  })
  .strict();

/** A LinkedIn account's credentials. */
export type LinkedInCredentials = z.infer<typeof LinkedInCredentialsSchema>;

const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().optional(),
  refresh_token: z.string().min(1).optional(),
});

const REAUTHORISE =
  'LinkedIn access tokens last 60 days, and only apps approved for programmatic refresh get refresh tokens: connect the account again (OAuth) and store the new token.';

/**
 * The credentials of the LinkedIn adapter: a bearer token; on a 401, one refresh through
 * `POST /oauth/v2/accessToken` (`grant_type=refresh_token`, with the client id and secret) when
 * a refresh token is known, the new tokens handed to `saveCredentials`; otherwise an
 * `AuthError` telling the user to connect again. No token ever appears in an error. @internal
 */
export function linkedinCredentials(app: {
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  tokenUrl: string;
}): AdapterCredentials<LinkedInCredentials> {
  return {
    schema: LinkedInCredentialsSchema,
    createProvider: ({ credentials, http, saveCredentials, logger, clock }) => {
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
            throw new AuthError(`LinkedIn refused the access token. ${REAUTHORISE}`, {
              platform: 'linkedin',
              status: 401,
              refreshable: false,
            });
          }
          // https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens
          const form = new URLSearchParams({
            grant_type: 'refresh_token',
            refresh_token: current.refreshToken,
            client_id: clientId,
          });
          if (clientSecret !== undefined) form.set('client_secret', clientSecret);
          let token: z.infer<typeof TokenResponseSchema>;
          try {
            const response = await http.request({ method: 'POST', path: app.tokenUrl, body: form, bucket: 'write' });
            token = parseApiResponse(TokenResponseSchema, response, 'linkedin', 'POST /oauth/v2/accessToken');
          } catch (error) {
            throw new AuthError(`LinkedIn did not refresh the access token. ${REAUTHORISE}`, {
              platform: 'linkedin',
              refreshable: false,
              cause: error,
              secrets: secrets(),
            });
          }
          current = {
            ...current,
            accessToken: token.access_token,
            ...(token.refresh_token ? { refreshToken: token.refresh_token } : {}),
            ...(token.expires_in === undefined ? {} : { expiresAt: new Date(clock.now() + token.expires_in * 1000).toISOString() }),
          };
          logger.info('linkedin access token refreshed', { rotated: token.refresh_token !== undefined });
          await saveCredentials(current);
        },
      };
    },
  };
}
