import type { z } from 'zod';
import { GraphCredentialsSchema, graphCredentialsProvider, type GraphCredentials } from '@smm/meta-graph';
import type { AdapterCredentials } from '@smm/core/adapter-kit';

/**
 * What an app stores per Facebook Page: the Page access token (from `GET /me/accounts` after
 * Facebook Login; a Page token derived from a long-lived user token does not expire,
 * https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived#long-lived-page-token),
 * and optionally when it expires and when it was issued. Facebook has no refresh grant: when Meta
 * refuses the token (code 190), connect the Page again.
 *
 * @example
 * ```ts
 * FacebookCredentialsSchema.parse({ accessToken: 'EAAN…' });
 * ```
 */
export const FacebookCredentialsSchema = GraphCredentialsSchema;

/** Stored credentials of one Facebook Page. */
export type FacebookCredentials = z.infer<typeof FacebookCredentialsSchema> & GraphCredentials;

/** The Facebook adapter's credentials: the Page token, sent as a bearer token, never refreshed. @internal */
export const facebookCredentials: AdapterCredentials<FacebookCredentials> = {
  schema: FacebookCredentialsSchema,
  createProvider: (input) => graphCredentialsProvider({ kind: 'facebook', ...input }),
};
