import { type AdapterCredentials } from '@smm/core/adapter-kit';
import { GraphCredentialsSchema, graphCredentialsProvider, type GraphCredentials } from '@smm/meta-graph';
import type { InstagramLogin } from './settings.js';

/**
 * What an app stores per Instagram account: the access token the connect flow produced — with
 * Facebook Login a long-lived Facebook user token (about 60 days; Meta has no refresh, connect
 * again before it ends), with Instagram Login a long-lived Instagram user token (60 days, renewed
 * with `ig_refresh_token` before it expires once it is at least 24 hours old,
 * https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token) — and
 * when it expires and was issued.
 *
 * @example
 * ```ts
 * InstagramCredentialsSchema.parse({ accessToken: 'IGAA…', expiresAt: '2027-02-01T00:00:00Z' });
 * ```
 */
export const InstagramCredentialsSchema = GraphCredentialsSchema;

/** Stored credentials of one Instagram account. */
export type InstagramCredentials = GraphCredentials;

/** The credentials half of the adapter: the Graph provider for the chosen login. @internal */
export function instagramCredentials(login: InstagramLogin): AdapterCredentials<InstagramCredentials> {
  return {
    schema: InstagramCredentialsSchema,
    createProvider: (input) => graphCredentialsProvider({ kind: login, ...input }),
  };
}
