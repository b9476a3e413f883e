import { z } from 'zod';
import {
  AuthError,
  bearerWithRefresh,
  InstantSchema,
  parseApiResponse,
  tokensFromAnswer,
  type AdapterCredentials,
  type CredentialsFactoryInput,
  type CredentialsProvider,
} from '@smm/core/adapter-kit';
import { TokenSchema } from './api-schemas.js';
import { PINTEREST_BUCKETS } from './rate-limits.js';

/**
 * What an app stores per Pinterest account: the OAuth 2.0 access token (authorization code flow at
 * `https://www.pinterest.com/oauth/`, scopes `boards:read pins:read pins:write user_accounts:read`),
 * its refresh token, and optionally the app id and secret and when the access token expires.
 * Pinterest's continuous refresh tokens are replaced on every refresh
 * (https://developers.pinterest.com/docs/api/v5/oauth-token): store what `onCredentialsChange` hands back.
 *
 * @example
 * ```ts
 * PinterestCredentialsSchema.parse({ accessToken: 'pina_…', refreshToken: 'pinr_…' });
 * ```
 */
export const PinterestCredentialsSchema = z.object({
  accessToken: z.string().min(1, { error: 'must be the OAuth access token (not empty)' }),
  refreshToken: z.string().min(1, { error: 'must be the refresh token (not empty), or left out' }).optional(),
  clientId: z.string().min(1, { error: 'must be the Pinterest app id (not empty), or left out' }).optional(),
  clientSecret: z.string().min(1, { error: 'must be the Pinterest app secret (not empty), or left out' }).optional(),
  expiresAt: InstantSchema.optional(),
});

/** Stored credentials of one Pinterest account. */
export type PinterestCredentials = z.infer<typeof PinterestCredentialsSchema>;

const EXPIRY_MARGIN_MS = 60_000;
const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/** One account's credentials provider: bearer token, refreshed with the app's Basic credentials. @internal */
export function createPinterestCredentialsProvider(
  input: CredentialsFactoryInput<PinterestCredentials>,
  app: { clientId?: string | undefined; clientSecret?: string | undefined },
): CredentialsProvider {
  const { http, clock, saveCredentials } = input;
  let current = input.credentials;
  const secrets = () =>
    [current.accessToken, current.refreshToken, current.clientSecret, app.clientSecret].filter(
      (value): value is string => value !== undefined,
    );

  async function refreshOnce(): Promise<void> {
    const clientId = current.clientId ?? app.clientId;
    const clientSecret = current.clientSecret ?? app.clientSecret;
    if (!current.refreshToken || !clientId || !clientSecret) {
      throw new AuthError(
        `Pinterest access token expired and cannot be refreshed: ${current.refreshToken ? "set the adapter's clientId and clientSecret settings (your app id and secret)" : 'the credentials have no refreshToken'}, or reconnect the account`,
        { platform: 'pinterest', refreshable: false, secrets: secrets() },
      );
    }
    const basic = base64(`${clientId}:${clientSecret}`);
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: current.refreshToken });
    try {
      const response = await http.request({
        method: 'POST',
        path: '/v5/oauth/token',
        body: form,
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
        bucket: PINTEREST_BUCKETS.auth,
      });
      const token = parseApiResponse(TokenSchema, response, 'pinterest', 'POST /v5/oauth/token');
      const { expiresAt: _old, ...rest } = current;
      // Pinterest rotates the refresh token; keep the old one only if it sent none.
      current = { ...rest, refreshToken: current.refreshToken, ...tokensFromAnswer(token, { expiresFrom: clock.now() }) };
    } catch (error) {
      throw new AuthError('Pinterest refused to refresh the access token: reconnect the account', {
        platform: 'pinterest',
        refreshable: false,
        cause: error,
        secrets: [...secrets(), form.toString(), basic],
      });
    }
    await saveCredentials(current);
  }

  // One refresh at a time: Pinterest replaces the refresh token, a concurrent second refresh would present a spent one.
  return bearerWithRefresh({ tokens: () => current, clock, refreshOnce, secrets, marginMs: EXPIRY_MARGIN_MS });
}

/** The Pinterest adapter's credentials: schema and provider factory. @internal */
export function pinterestCredentials(app: {
  clientId?: string | undefined;
  clientSecret?: string | undefined;
}): AdapterCredentials<PinterestCredentials> {
  return { schema: PinterestCredentialsSchema, createProvider: (input) => createPinterestCredentialsProvider(input, app) };
}
