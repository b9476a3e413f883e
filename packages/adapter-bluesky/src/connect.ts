import { connectRequest, type ConnectSettings, type PasswordConnect } from '@smm/core/adapter-kit';
import { z } from 'zod';
import { SessionSchema } from './api-schemas.js';
import type { BlueskyCredentials } from './credentials.js';

const ProfileSchema = z.object({ did: z.string(), handle: z.string(), displayName: z.string().optional() });

/**
 * Bluesky's connect flow: an app password (Settings → App passwords) opens a session with
 * `com.atproto.server.createSession` (docs.bsky.app/docs/api/com-atproto-server-create-session);
 * the credentials keep the identifier and the session (`accessJwt`, `refreshJwt`), not the
 * password, and the adapter renews the session with `refreshSession`, handing every rotated
 * refresh JWT to `onCredentialsChange`. The server is `settings.instanceUrl` (a PDS), else the
 * adapter's `baseUrl` when it is a URL, else `https://bsky.social`. @internal
 */
export function blueskyConnect(config: { baseUrl: string | ((...args: never[]) => string) }): PasswordConnect<BlueskyCredentials> {
  const server = (settings: ConnectSettings) =>
    (settings.instanceUrl ?? (typeof config.baseUrl === 'string' ? config.baseUrl : 'https://bsky.social')).replace(/\/+$/, '');
  return {
    kind: 'app-password',
    identifierLabel: 'handle, DID or email',
    async login({ identifier, password }, context) {
      const session = await connectRequest(context, {
        platform: 'bluesky',
        what: 'POST /xrpc/com.atproto.server.createSession',
        method: 'POST',
        url: `${server(context.settings)}/xrpc/com.atproto.server.createSession`,
        json: { identifier, password },
        schema: SessionSchema,
        secrets: [password],
      });
      return { identifier: session.did, accessJwt: session.accessJwt, refreshJwt: session.refreshJwt };
    },
    async listConnectableAccounts(credentials, context) {
      const url = new URL(`${server(context.settings)}/xrpc/app.bsky.actor.getProfile`);
      url.searchParams.set('actor', credentials.identifier ?? '');
      const profile = await connectRequest(context, {
        platform: 'bluesky',
        what: 'GET /xrpc/app.bsky.actor.getProfile',
        url: url.href,
        ...(credentials.accessJwt ? { bearer: credentials.accessJwt } : {}),
        schema: ProfileSchema,
        secrets: [credentials.refreshJwt, credentials.password].filter((value): value is string => value !== undefined),
      });
      return [
        { id: profile.did, handle: profile.handle, ...(profile.displayName ? { displayName: profile.displayName } : {}), kind: 'user' },
      ];
    },
  };
}
