import * as oauth from 'oauth4webapi';
import type { AdapterV1OAuthConnect, AdapterV1OAuthEndpoints } from '../adapter-spec/index.js';

/** @internal What every oauth4webapi call of one flow needs. */
export interface OAuthClientParts {
  as: oauth.AuthorizationServer;
  client: oauth.Client;
  clientAuth: oauth.ClientAuth;
  /**
   * Options for oauth4webapi's token and revocation calls: the app's fetch, plain http only for
   * loopback servers, and the client id under the network's own name when it is not `client_id`.
   */
  requestOptions(signal?: AbortSignal): oauth.TokenEndpointRequestOptions;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

// oauth4webapi refuses http:// endpoints; the simulators and a developer's local server live on
// loopback, where TLS protects nothing (RFC 8252 §8.3 treats loopback as local). Nothing else.
function isLoopback(url: string): boolean {
  return LOOPBACK.has(new URL(url).hostname);
}

/**
 * The app's fetch, with successful JSON answers of the token endpoint passed through the
 * adapter's `readTokenResponse` (a network whose token answer is not RFC 6749 §5.1 as sent).
 */
function tokenAnswerReader(
  fetchImpl: typeof fetch,
  tokenUrl: string,
  read: (body: Record<string, unknown>) => Record<string, unknown>,
): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (!response.ok || url.split('?')[0] !== tokenUrl.split('?')[0]) return response;
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    const init2 = { status: response.status, statusText: response.statusText, headers };
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return new Response(text, init2);
    return new Response(JSON.stringify(read(body as Record<string, unknown>)), init2);
  };
}

/**
 * @internal The oauth4webapi authorization server, client and client authentication for one
 * adapter's endpoints.
 *
 * @example
 * ```ts
 * const parts = oauthClientParts(connect, endpoints, { clientId: 'abc' }, fetch);
 * ```
 */
export function oauthClientParts(
  connect: AdapterV1OAuthConnect,
  endpoints: AdapterV1OAuthEndpoints,
  app: { clientId: string; clientSecret?: string | undefined },
  fetchImpl: typeof fetch,
): OAuthClientParts {
  const as: oauth.AuthorizationServer = {
    issuer: endpoints.issuer ?? new URL(endpoints.tokenUrl).origin,
    authorization_endpoint: endpoints.authorizationUrl,
    token_endpoint: endpoints.tokenUrl,
    ...(endpoints.revocationUrl ? { revocation_endpoint: endpoints.revocationUrl } : {}),
  };
  const clientAuth =
    app.clientSecret === undefined
      ? oauth.None()
      : connect.clientAuthentication === 'client_secret_basic'
        ? oauth.ClientSecretBasic(app.clientSecret)
        : oauth.ClientSecretPost(app.clientSecret);
  // A network that names the client id otherwise (TikTok's `client_key`) gets it under that name too.
  const idParameter = connect.clientIdParameter ?? 'client_id';
  const additional = idParameter === 'client_id' ? {} : { additionalParameters: { [idParameter]: app.clientId } };
  const insecure = [endpoints.tokenUrl, endpoints.revocationUrl].every((url) => url === undefined || isLoopback(url));
  return {
    as,
    client: { client_id: app.clientId },
    clientAuth,
    requestOptions: (signal) => ({
      [oauth.customFetch]: connect.readTokenResponse
        ? tokenAnswerReader(fetchImpl, endpoints.tokenUrl, connect.readTokenResponse)
        : fetchImpl,
      ...(insecure ? { [oauth.allowInsecureRequests]: true } : {}),
      ...(signal ? { signal } : {}),
      ...additional,
    }),
  };
}
