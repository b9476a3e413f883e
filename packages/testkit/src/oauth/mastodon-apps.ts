import { randomBytes } from 'node:crypto';
import { json, type SimRequest, type SimRoute } from '../simulator/index.js';
import type { OAuthClientRecord } from './oauth-server.js';

/**
 * Mastodon's dynamic app registration, `POST /api/v1/apps` (docs.joinmastodon.org/methods/apps/#create):
 * form or JSON with `client_name` and `redirect_uris` (required; a string, newline- or
 * array-separated), `scopes` (space-separated, default `read`) and `website`; answers the
 * Application entity with `client_id` and `client_secret`, or 422 `{ error }` naming the field.
 * Each registered app becomes a client of the instance's authorization server (`register`).
 *
 * @example
 * ```ts
 * const route = mastodonAppsRoute({ register: (client) => server.addClient(client), baseUrl });
 * ```
 */
export function mastodonAppsRoute(options: { register(client: OAuthClientRecord): void; knownScopes: readonly string[] }): SimRoute {
  let serial = 0;
  return {
    method: 'POST',
    path: '/api/v1/apps',
    handle(request: SimRequest): Response {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const name = typeof body.client_name === 'string' ? body.client_name.trim() : '';
      const raw = body.redirect_uris;
      const redirectUris = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split('\n') : [])
        .map((uri) => String(uri).trim())
        .filter(Boolean);
      const scopes = (typeof body.scopes === 'string' ? body.scopes : 'read').split(' ').filter(Boolean);
      if (!name) return json(422, { error: "Validation failed: Application name can't be blank" });
      if (redirectUris.length === 0) return json(422, { error: "Validation failed: Redirect URI can't be blank" });
      if (redirectUris.some((uri) => !URL.canParse(uri)))
        return json(422, { error: 'Validation failed: Redirect URI must be an absolute URI.' });
      const unknown = scopes.filter((scope) => !options.knownScopes.includes(scope) && !options.knownScopes.includes(scope.split(':')[0]!));
      if (unknown.length > 0)
        return json(422, { error: `Validation failed: Scopes must be one of the supported scopes (${unknown.join(' ')})` });
      serial += 1;
      const client = {
        clientId: randomBytes(24).toString('base64url'),
        clientSecret: randomBytes(24).toString('base64url'),
        redirectUris,
        scopes,
      };
      options.register(client);
      const website = typeof body.website === 'string' && body.website ? body.website : null;
      return json(200, {
        id: String(563_419 + serial),
        name,
        website,
        scopes,
        redirect_uri: redirectUris.join('\n'),
        redirect_uris: redirectUris,
        vapid_key: 'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=',
        client_id: client.clientId,
        client_secret: client.clientSecret,
        client_secret_expires_at: 0,
      });
    },
  };
}
