import type { Adapter, OAuthConnect } from '@smm/core/adapter-kit';
import { createClient } from '@smm/core/client';
import { createConnectFlow, registerApp, type ConnectFlow } from '@smm/core/connect';
import { AuthError, SmmError } from '@smm/core/errors';
import type { PostDraftInput } from '@smm/core/model';
import { settle, type AdapterTestEnv } from '../adapter-test-env/index.js';
import { s256Challenge } from '../oauth/index.js';
import type { NetworkSimulator } from '../simulator/index.js';

/** The redirect URI the checks register: a loopback address (RFC 8252 §7.3); nothing listens there, the checks read the redirect. */
const REDIRECT_URI = 'http://127.0.0.1:8765/smm/callback';

type Check = (condition: unknown, message: string) => asserts condition;

interface Connected<TSim extends NetworkSimulator> {
  env: AdapterTestEnv<TSim>;
  flow: ConnectFlow;
  connect: OAuthConnect;
  credentials: unknown;
  /** The authorization URL `start` built, the verifier it returned, and where the simulator redirected. */
  authorizationUrl: URL;
  codeVerifier: string;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * @internal The connect-flow checks of the adapter conformance suite (spec v1.1 `connect`,
 * OAuth 2.0 only; adapters without it skip them with the reason): a callback with another
 * `state` is refused before any token request; the PKCE verifier is sent and matches the
 * challenge; a rotated refresh token reaches `onCredentialsChange` and the old one is refused;
 * the login lists at least one account; revoked tokens stop working. `check` is the suite's
 * assertion (passed in, so this file does not import the suite back).
 *
 * @example
 * ```ts
 * const entries = [...otherChecks, ...connectChecks(probe, setup, check)];
 * ```
 */
export function connectChecks<TSim extends NetworkSimulator>(
  probe: Adapter,
  setup: () => AdapterTestEnv<TSim>,
  check: Check,
  /** What each publish adds to its text (the suite's `baseDraft`). */
  base: Omit<PostDraftInput, 'text'> = {},
): Array<{ name: string; skip: string | false; run(): Promise<void> }> {
  const oauth = probe.connect?.kind === 'oauth2' ? (probe.connect as OAuthConnect) : undefined;
  const noOAuth = oauth ? false : `the adapter has no OAuth 2.0 connect flow (connect: ${probe.connect?.kind ?? 'none'})`;

  // Plays the whole flow against the simulator: register (if the network does), start, follow the redirect the browser would.
  async function begin(): Promise<{
    env: AdapterTestEnv<TSim>;
    flow: ConnectFlow;
    start: { url: string; state: string; codeVerifier: string };
    callback: URL;
  }> {
    const env = setup();
    const adapter = env.adapter as Adapter;
    const connect = adapter.connect as OAuthConnect;
    const fetchImpl = env.sim.fetch;
    const app = connect.registerApp
      ? await registerApp(adapter, {
          instanceUrl: env.sim.baseUrl,
          appName: 'smm conformance',
          redirectUri: REDIRECT_URI,
          fetch: fetchImpl,
        })
      : {
          clientId: env.sim.credentials.clientId,
          // Networks whose apps are all confidential (Pinterest's HTTP Basic) need the pre-registered secret too.
          ...(env.sim.credentials.clientSecret ? { clientSecret: env.sim.credentials.clientSecret } : {}),
        };
    check(
      app.clientId,
      'the adapter cannot register an app and sim.credentials has no clientId: the simulator must offer a pre-registered OAuth client',
    );
    const flow = createConnectFlow(adapter, {
      ...app,
      clientId: app.clientId,
      redirectUri: REDIRECT_URI,
      fetch: fetchImpl,
      now: () => env.clock.now(),
    });
    const start = await flow.start();
    const redirect = await fetchImpl(start.url, { redirect: 'manual' });
    const location = redirect.headers.get('location');
    check(
      redirect.status === 302 && location,
      `the authorization URL answered ${redirect.status} without a redirect: ${start.url.split('?')[0]}`,
    );
    return { env, flow, start, callback: new URL(location) };
  }

  async function connected(): Promise<Connected<TSim>> {
    const { env, flow, start, callback } = await begin();
    const credentials = await flow.finish({ callbackUrl: callback, expectedState: start.state, codeVerifier: start.codeVerifier });
    return {
      env,
      flow,
      connect: env.adapter.connect as OAuthConnect,
      credentials,
      authorizationUrl: new URL(start.url),
      codeVerifier: start.codeVerifier,
    };
  }

  const tokenPath = (env: AdapterTestEnv<TSim>) => {
    const connect = env.adapter.connect as OAuthConnect;
    return new URL(connect.endpoints({}).tokenUrl).pathname;
  };

  // A client of the connected account, as an app builds it, keeping what onCredentialsChange reports.
  function clientWith(env: AdapterTestEnv<TSim>, credentials: unknown, saved: unknown[]) {
    const account = { platform: env.adapter.platform, id: env.sim.account.id, handle: env.sim.account.handle };
    const client = createClient({
      adapters: [env.adapter],
      accounts: [account],
      credentials: { [`${account.platform}:${account.id}`]: credentials },
      clock: env.clock,
      fetch: env.sim.fetch,
      onCredentialsChange: (_account, next) => void saved.push(next),
      httpOptions: { maxRetries: 1, timeoutMs: 5_000 },
    });
    return { client, ref: `${account.platform}:${account.id}` };
  }

  return [
    {
      name: 'connect: refuses a callback with another state before any token request',
      skip: noOAuth,
      async run() {
        const { env, flow, start, callback } = await begin();
        const from = env.sim.requests.length;
        callback.searchParams.set('state', `${start.state}x`);
        const outcome = await settle(flow.finish({ callbackUrl: callback, expectedState: start.state, codeVerifier: start.codeVerifier }));
        check(
          !outcome.ok && SmmError.isInstance(outcome.error),
          `a forged state gave ${outcome.ok ? 'credentials' : describe(outcome.error)}: expected an SmmError`,
        );
        const sent = env.sim.requests.slice(from).filter((request) => request.path === tokenPath(env));
        check(sent.length === 0, `${sent.length} token requests were sent for a callback whose state did not match: check state first`);
      },
    },
    {
      name: 'connect: sends the PKCE verifier on the token request, matching the S256 challenge',
      skip: noOAuth || (oauth?.pkce === 'none' ? 'the adapter declares pkce: "none"' : false),
      async run() {
        const { env, authorizationUrl, codeVerifier } = await connected();
        const challenge = authorizationUrl.searchParams.get('code_challenge');
        check(
          authorizationUrl.searchParams.get('code_challenge_method') === 'S256',
          'the authorization URL has no code_challenge_method=S256',
        );
        check(challenge === s256Challenge(codeVerifier), 'the code_challenge is not BASE64URL(SHA256(code_verifier)) (RFC 7636 §4.2)');
        const exchange = env.sim.requests.find(
          (request) => request.path === tokenPath(env) && (request.body as Record<string, unknown>)?.grant_type === 'authorization_code',
        );
        check(exchange, 'no authorization_code request reached the token endpoint');
        check(
          (exchange.body as Record<string, unknown>).code_verifier === codeVerifier,
          'the token request did not carry the code_verifier start() returned',
        );
      },
    },
    {
      name: 'connect: a rotated refresh token reaches onCredentialsChange and the old one is refused',
      skip:
        noOAuth ||
        (oauth?.refresh !== 'rotating' ? `the network does not rotate refresh tokens (connect.refresh: "${oauth?.refresh}")` : false),
      async run() {
        const { env, flow, connect, credentials } = await connected();
        const saved: unknown[] = [];
        const { client, ref } = clientWith(env, credentials, saved);
        // The connected tokens work for publishing; then one 401 makes the client refresh.
        await client.publish(ref, { ...base, text: `conformance connect ${env.clock.now()}` });
        env.sim.faults.inject({ kind: 'expired-token', count: 1, match: (request) => request.path !== tokenPath(env) });
        await client.publish(ref, { ...base, text: `conformance connect after refresh ${env.clock.now()}` });
        const before = connect.tokensOf(credentials).refreshToken;
        const latest = saved.at(-1);
        check(latest, 'the client refreshed but onCredentialsChange received nothing: hand the renewed credentials to saveCredentials');
        const after = connect.tokensOf(latest).refreshToken;
        check(before && after && after !== before, 'onCredentialsChange did not receive the rotated refresh token');
        const stale = await settle(flow.refresh(credentials));
        check(
          !stale.ok && AuthError.isInstance(stale.error),
          `the old refresh token gave ${stale.ok ? 'new tokens' : describe(stale.error)}: expected AuthError`,
        );
      },
    },
    {
      name: 'connect: lists at least one account behind the login, and revoked tokens stop working',
      skip: noOAuth,
      async run() {
        const { env, flow, credentials } = await connected();
        const accounts = await flow.listAccounts(credentials);
        check(accounts.length > 0, 'listAccounts returned no account: a login can always act as at least the user');
        check(
          accounts.some((account) => account.id === env.sim.account.id),
          `listAccounts returned ${accounts.map((account) => account.id).join(', ')}: the simulated account ${env.sim.account.id} is missing`,
        );
        if (!(env.adapter.connect as OAuthConnect).endpoints({}).revocationUrl) return;
        await flow.revoke(credentials);
        const after = await settle(flow.listAccounts(credentials));
        check(
          !after.ok && AuthError.isInstance(after.error),
          `after revoke, listAccounts gave ${after.ok ? 'accounts' : describe(after.error)}: expected AuthError`,
        );
      },
    },
  ];
}
