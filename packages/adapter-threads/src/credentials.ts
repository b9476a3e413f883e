import type { CredentialsFactoryInput } from '@smm/core/adapter-kit';
import { GraphCredentialsSchema, graphCredentialsProvider, type GraphCredentials } from '@smm/meta-graph';

/**
 * What an app stores per Threads account: the long-lived Threads user access token (60 days,
 * https://developers.facebook.com/docs/threads/get-started/long-lived-tokens/), when it expires
 * (`expiresAt`) and when it was issued or last refreshed (`issuedAt`). The adapter refreshes it
 * (`GET /refresh_access_token?grant_type=th_refresh_token`) a week before it expires, once it is
 * at least 24 h old as Meta requires; store what `onCredentialsChange` hands back. The connect
 * flow fills all three.
 *
 * @example
 * ```ts
 * ThreadsCredentialsSchema.parse({ accessToken: 'THQVJ…', expiresAt: '2027-02-01T00:00:00.000Z' });
 * ```
 */
export const ThreadsCredentialsSchema = GraphCredentialsSchema;

/** Stored credentials of one Threads account. */
export type ThreadsCredentials = GraphCredentials;

/**
 * The adapter's credentials: the schema above and the kit's Graph provider for Threads (Bearer
 * token; `th_refresh_token` at the API host). @internal
 */
export function threadsCredentials(settings: { baseUrl: string }) {
  return {
    schema: ThreadsCredentialsSchema,
    createProvider: (input: CredentialsFactoryInput<ThreadsCredentials>) =>
      graphCredentialsProvider({ kind: 'threads', ...input, baseUrl: settings.baseUrl }),
  };
}
