import { randomBytes } from 'node:crypto';
import type { Clock } from '@smm/core/clock';
import { json, type SimRequest, type SimRoute } from '../simulator/index.js';
import { graphError } from './graph-error.js';
import { graphParam, graphParams } from './graph-params.js';
import { createGraphTokens, type GraphTokenKind, type GraphTokenRecord, type GraphTokens } from './graph-tokens.js';
import { missingParameterError } from './meta-spec.js';

/** The app every Graph simulator knows unless told otherwise. */
export const GRAPH_SIM_APP = { id: '1234567890', secret: 'smm-graph-sim-app-secret' } as const;

/** Options of {@link createGraphTokenEndpoints}. */
export interface GraphTokenEndpointsOptions {
  kind: GraphTokenKind;
  clock: Clock;
  /** The token store the API routes check (default: a new one of `kind`). */
  tokens?: GraphTokens;
  /** The registered app (default {@link GRAPH_SIM_APP}). */
  app?: { id: string; secret: string };
  /** The account the authorization dialog approves as (the user id the code exchange answers). */
  subject: string;
  /** Scopes granted when the dialog's `scope` is absent. */
  scopes?: readonly string[];
  /** Redirect URIs the app registered; default `'any'`. */
  redirectUris?: readonly string[] | 'any';
}

/** The token endpoints of one Meta host family, ready to mount on a simulator engine (before its `/:id` routes). */
export interface GraphTokenEndpoints {
  routes: SimRoute[];
  tokens: GraphTokens;
  app: { id: string; secret: string };
  /** An authorization code, as the dialog would hand out (for tests that skip the dialog). */
  issueCode(redirectUri: string, scopes?: readonly string[]): string;
}

interface CodeGrant {
  redirectUri: string;
  scopes: string[];
  expiresAtMs: number;
  used: boolean;
}

// Authorization codes are short-lived; Facebook Login documents about 10 minutes
// (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow — "Exchanging code for an access token").
const CODE_TTL_MS = 10 * 60_000;
const DAY_MS = 86_400_000;

/**
 * Instagram's and Threads' answer at the code-exchange host (api.instagram.com, graph.threads.net
 * `oauth/access_token`): a flat `{ error_type, code, error_message }` object, not Graph's.
 */
const flatOAuthError = (message: string) => json(400, { error_type: 'OAuthException', code: 400, error_message: message });

/**
 * The token endpoints of a Meta host family, answering as Meta documents:
 *
 * - `facebook` (graph.facebook.com): `GET /{version}/dialog/oauth` (approves at once, redirects with
 *   `code` and `state`); `GET /{version}/oauth/access_token` with `client_id`, `redirect_uri`,
 *   `client_secret`, `code` → `{ access_token, token_type: 'bearer', expires_in }` (short-lived), or
 *   with `grant_type=fb_exchange_token` + `fb_exchange_token` → a long-lived token (60 days); Facebook
 *   has no refresh; the same parameters in a POST form are read alike (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow,
 *   https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived);
 *   `GET /{version}/debug_token?input_token=` (https://developers.facebook.com/docs/graph-api/reference/debug_token).
 * - `instagram`: `GET /oauth/authorize` (www.instagram.com); `POST /oauth/access_token` form
 *   (api.instagram.com) → `{ data: [{ access_token, user_id, permissions }] }`
 *   (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login);
 *   `GET /access_token?grant_type=ig_exchange_token&client_secret&access_token` and
 *   `GET /refresh_access_token?grant_type=ig_refresh_token&access_token` (graph.instagram.com) →
 *   `{ access_token, token_type: 'bearer', expires_in }`
 *   (https://developers.facebook.com/docs/instagram-platform/reference/access_token,
 *   https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token).
 * - `threads`: `GET /oauth/authorize` (threads.net); `POST /oauth/access_token` form → `{ access_token, user_id }`;
 *   `GET /access_token?grant_type=th_exchange_token&client_secret&access_token`;
 *   `GET /refresh_access_token?grant_type=th_refresh_token&access_token`
 *   (https://developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions,
 *   https://developers.facebook.com/docs/threads/get-started/long-lived-tokens/).
 *
 * Refresh takes a long-lived token at least 24 h old and unexpired (both pages say so) and gives
 * 60 days from now; an expired token answers code 190 subcode 463. The exchanged token stays valid
 * until its own expiry. Mount these routes before the simulator's catch-all `/:version/:id` routes.
 *
 * @example
 * ```ts
 * const auth = createGraphTokenEndpoints({ kind: 'threads', clock, subject: THREADS_USER_ID });
 * const engine = createSimulatorEngine({ …, routes: [...auth.routes, ...apiRoutes] });
 * // in a route: const who = auth.tokens.authenticate(request); if (!who.ok) return who.response;
 * ```
 */
export function createGraphTokenEndpoints(options: GraphTokenEndpointsOptions): GraphTokenEndpoints {
  const tokens = options.tokens ?? createGraphTokens({ clock: options.clock, kind: options.kind });
  const app = options.app ?? GRAPH_SIM_APP;
  const codes = new Map<string, CodeGrant>();
  const now = () => options.clock.now();
  const expiresIn = (record: GraphTokenRecord) => Math.floor(((record.expiresAtMs ?? now()) - now()) / 1000);
  const longAnswer = (record: GraphTokenRecord) =>
    json(200, { access_token: record.token, token_type: 'bearer', expires_in: expiresIn(record) });

  function issueCode(redirectUri: string, scopes: readonly string[] = options.scopes ?? []): string {
    const code = randomBytes(24).toString('base64url');
    codes.set(code, { redirectUri, scopes: [...scopes], expiresAtMs: now() + CODE_TTL_MS, used: false });
    return code;
  }

  const redirectAllowed = (uri: string) =>
    options.redirectUris === undefined || options.redirectUris === 'any' || options.redirectUris.includes(uri);

  // The dialog: approves at once as `subject` (what a person clicking "Continue" does).
  const dialog = (request: SimRequest): Response => {
    const params = graphParams(request);
    const clientId = graphParam(params, 'client_id');
    const redirectUri = graphParam(params, 'redirect_uri');
    if (clientId !== app.id) return graphError(400, { code: 101, message: 'Error validating application. Invalid application ID.' });
    if (!redirectUri || !redirectAllowed(redirectUri)) {
      return graphError(400, { code: 191, message: "Can't load URL: The domain of this URL isn't included in the app's domains." });
    }
    const scope = graphParam(params, 'scope');
    const scopes = scope ? scope.split(/[ ,]+/).filter(Boolean) : (options.scopes ?? []);
    const target = new URL(redirectUri);
    target.searchParams.set('code', issueCode(redirectUri, scopes));
    const state = graphParam(params, 'state');
    if (state !== undefined) target.searchParams.set('state', state);
    // Instagram appends `#_` to the redirect (its oauth-authorize reference says to strip it).
    const location = options.kind === 'instagram' ? `${target.toString()}#_` : target.toString();
    return new Response(null, { status: 302, headers: { location } });
  };

  // Checks a presented code; undefined when good (and marks it used).
  function takeCode(
    code: string | undefined,
    redirectUri: string | undefined,
  ): { grant?: CodeGrant; problem?: 'format' | 'used' | 'expired' | 'redirect' } {
    const grant = code ? codes.get(code) : undefined;
    if (!grant) return { problem: 'format' };
    if (grant.used) return { problem: 'used' };
    if (now() >= grant.expiresAtMs) return { problem: 'expired' };
    if (grant.redirectUri !== redirectUri) return { problem: 'redirect' };
    grant.used = true;
    return { grant };
  }

  const facebookAccessToken = (request: SimRequest): Response => {
    const params = graphParams(request);
    const clientId = graphParam(params, 'client_id');
    if (!clientId) return graphError(400, { code: 101, message: 'Missing client_id parameter.' });
    if (clientId !== app.id) return graphError(400, { code: 101, message: 'Error validating application. Invalid application ID.' });
    if (graphParam(params, 'client_secret') !== app.secret) return graphError(400, { code: 1, message: 'Error validating client secret.' });
    if (graphParam(params, 'grant_type') === 'fb_exchange_token') {
      const presented = graphParam(params, 'fb_exchange_token');
      if (!presented) return missingParameterError('fb_exchange_token');
      const checked = tokens.authenticate({ ...request, query: { access_token: presented }, body: undefined, headers: {} });
      if (!checked.ok) return checked.response;
      return longAnswer(tokens.issue(checked.record.subject, 'long', checked.record.scopes));
    }
    const redirectUri = graphParam(params, 'redirect_uri');
    if (!redirectUri) return graphError(400, { code: 191, message: 'Missing redirect_uri parameter.' });
    const taken = takeCode(graphParam(params, 'code'), redirectUri);
    if (!taken.grant) {
      const answers = {
        format: { subcode: 36007, message: 'Invalid verification code format.' },
        used: { subcode: 36009, message: 'This authorization code has been used.' },
        expired: { subcode: 36007, message: 'This authorization code has expired.' },
        redirect: {
          subcode: 36008,
          message:
            'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
        },
      } as const;
      const answer = answers[taken.problem!];
      return graphError(400, { code: 100, subcode: answer.subcode, message: answer.message });
    }
    const record = tokens.issue(options.subject, 'short', taken.grant.scopes);
    return json(200, { access_token: record.token, token_type: 'bearer', expires_in: expiresIn(record) });
  };

  // Instagram and Threads: the form POST at oauth/access_token.
  const codeExchange = (request: SimRequest): Response => {
    const params = graphParams(request);
    if (graphParam(params, 'client_id') !== app.id) return flatOAuthError('Invalid platform app');
    if (graphParam(params, 'client_secret') !== app.secret) return flatOAuthError('Error validating client secret.');
    if (graphParam(params, 'grant_type') !== 'authorization_code')
      return flatOAuthError('Invalid grant_type: only authorization_code is supported');
    const taken = takeCode(graphParam(params, 'code')?.replace(/#_$/, ''), graphParam(params, 'redirect_uri'));
    if (!taken.grant)
      return flatOAuthError(
        taken.problem === 'redirect'
          ? 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request'
          : 'Matching code was not found or was already used',
      );
    const record = tokens.issue(options.subject, 'short', taken.grant.scopes);
    if (options.kind === 'instagram') {
      return json(200, { data: [{ access_token: record.token, user_id: options.subject, permissions: taken.grant.scopes.join(',') }] });
    }
    return json(200, { access_token: record.token, user_id: options.subject });
  };

  const grantName = options.kind === 'instagram' ? 'ig' : 'th';

  // GET /access_token?grant_type=<ig|th>_exchange_token&client_secret&access_token
  const exchange = (request: SimRequest): Response => {
    const params = graphParams(request);
    if (graphParam(params, 'grant_type') !== `${grantName}_exchange_token`) return missingParameterError('grant_type');
    if (graphParam(params, 'client_secret') !== app.secret) return graphError(400, { code: 1, message: 'Error validating client secret.' });
    const checked = tokens.authenticate(request);
    if (!checked.ok) return checked.response;
    if (checked.record.lifetime !== 'short') {
      return graphError(400, { code: 100, message: '(#100) Only a short-lived access token can be exchanged for a long-lived one' });
    }
    return longAnswer(tokens.issue(checked.record.subject, 'long', checked.record.scopes));
  };

  // GET /refresh_access_token?grant_type=<ig|th>_refresh_token&access_token
  const refresh = (request: SimRequest): Response => {
    const params = graphParams(request);
    if (graphParam(params, 'grant_type') !== `${grantName}_refresh_token`) return missingParameterError('grant_type');
    const checked = tokens.authenticate(request);
    if (!checked.ok) return checked.response;
    // Both reference pages: only a long-lived token at least 24 hours old can be refreshed. Meta
    // does not publish the error object for the other cases; this answer names the rule.
    if (checked.record.lifetime !== 'long') {
      return graphError(400, { code: 100, message: '(#100) Only a long-lived access token can be refreshed' });
    }
    if (now() - checked.record.issuedAtMs < DAY_MS) {
      return graphError(400, { code: 100, message: '(#100) The access token must be at least 24 hours old to be refreshed' });
    }
    return longAnswer(tokens.issue(checked.record.subject, 'long', checked.record.scopes));
  };

  const debugToken = (request: SimRequest): Response => {
    const caller = tokens.authenticate(request);
    const appToken = graphParam(graphParams(request), 'access_token') === `${app.id}|${app.secret}`;
    if (!caller.ok && !appToken) return caller.response;
    const input = graphParam(graphParams(request), 'input_token');
    if (!input) return missingParameterError('input_token');
    const record = tokens.get(input);
    const valid = record !== undefined && !record.revoked && (record.expiresAtMs === undefined || now() < record.expiresAtMs);
    return json(200, {
      data: {
        app_id: app.id,
        type: 'USER',
        application: 'smm Graph simulator',
        expires_at: record?.expiresAtMs !== undefined ? Math.floor(record.expiresAtMs / 1000) : 0,
        is_valid: valid,
        ...(record ? { issued_at: Math.floor(record.issuedAtMs / 1000), user_id: record.subject } : {}),
        scopes: record?.scopes ?? [],
      },
    });
  };

  const routes: SimRoute[] =
    options.kind === 'facebook'
      ? [
          { method: 'GET', path: '/:version/dialog/oauth', handle: dialog },
          { method: 'GET', path: '/dialog/oauth', handle: dialog },
          { method: 'GET', path: '/:version/oauth/access_token', handle: facebookAccessToken },
          { method: 'GET', path: '/oauth/access_token', handle: facebookAccessToken },
          // The same endpoint takes a POST form (RFC 6749 §4.1.3 clients such as oauth4webapi send one).
          { method: 'POST', path: '/:version/oauth/access_token', handle: facebookAccessToken },
          { method: 'POST', path: '/oauth/access_token', handle: facebookAccessToken },
          { method: 'GET', path: '/:version/debug_token', handle: debugToken },
          { method: 'GET', path: '/debug_token', handle: debugToken },
        ]
      : [
          { method: 'GET', path: '/oauth/authorize', handle: dialog },
          { method: 'POST', path: '/oauth/access_token', handle: codeExchange },
          { method: 'GET', path: '/access_token', handle: exchange },
          { method: 'GET', path: '/:version/access_token', handle: exchange },
          { method: 'GET', path: '/refresh_access_token', handle: refresh },
          { method: 'GET', path: '/:version/refresh_access_token', handle: refresh },
          // Threads documents debug_token on its own host (https://developers.facebook.com/docs/threads/reference — "debug_token").
          ...(options.kind === 'threads'
            ? ([
                { method: 'GET', path: '/:version/debug_token', handle: debugToken },
                { method: 'GET', path: '/debug_token', handle: debugToken },
              ] as const)
            : []),
        ];
  return { routes, tokens, app, issueCode };
}
