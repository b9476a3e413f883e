import { z } from 'zod';
import { refreshTokenBearer, type AdapterCredentials } from '@smm/core/adapter-kit';

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

const REAUTHORISE =
  'LinkedIn access tokens last 60 days, and only apps approved for programmatic refresh get refresh tokens: connect the account again (OAuth) and store the new token.';

/**
 * The credentials of the LinkedIn adapter: a bearer token; on a 401, one refresh through
 * `POST /oauth/v2/accessToken` (`grant_type=refresh_token`, with the client id and secret) when
 * a refresh token is known, the new tokens (and `expiresAt` from `expires_in`) handed to
 * `saveCredentials`; otherwise an `AuthError` telling the user to connect again. No token ever
 * appears in an error. @internal
 * https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens
 */
export function linkedinCredentials(app: {
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  tokenUrl: string;
}): AdapterCredentials<LinkedInCredentials> {
  return {
    schema: LinkedInCredentialsSchema,
    createProvider: (input) =>
      refreshTokenBearer(input, {
        platform: 'linkedin',
        path: app.tokenUrl,
        bucket: 'write',
        operation: 'POST /oauth/v2/accessToken',
        client: (current) => ({ id: current.clientId ?? app.clientId, secret: current.clientSecret ?? app.clientSecret }),
        storeExpiry: true,
        messages: {
          missing: `LinkedIn refused the access token. ${REAUTHORISE}`,
          refused: `LinkedIn did not refresh the access token. ${REAUTHORISE}`,
        },
      }),
  };
}
