/**
 * Connect an account, then publish: the OAuth 2.0 authorization-code flow with PKCE against
 * the Mastodon simulator from @smm/testkit on 127.0.0.1, then a post with an image read from disk.
 *
 *   npx -y pnpm@10 exec tsx examples/connect-account.ts      (from the repository root, after a build)
 *
 * Steps: register the app on the instance (Mastodon's POST /api/v1/apps), start a loopback
 * callback server, build the authorization URL (state + PKCE verifier kept by the app), let the
 * "browser" approve and come back to the callback, exchange the code, list the accounts behind
 * the login, publish. Point `instanceUrl` at a real instance and open the URL in a real browser,
 * and the same code connects a real account.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createMastodonAdapter, type MastodonCredentials } from '@smm/adapter-mastodon';
import { createClient } from '@smm/core/client';
import { createConnectFlow, registerApp } from '@smm/core/connect';
import { createMastodonSimulator } from '@smm/testkit/mastodon';

const quiet = process.env.SMM_EXAMPLE_QUIET === '1';
const detail = (...lines: unknown[]) => {
  if (!quiet) console.log(...lines);
};

// A stand-in for the user's Mastodon instance.
const sim = createMastodonSimulator({ seed: 'connect-account' });
const instance = await sim.listen();

// ── 1. A loopback callback server (RFC 8252 §7.3): where the browser comes back with ?code&state ──
let deliverCallback: (url: string) => void = () => {};
const callbackReceived = new Promise<string>((resolve) => (deliverCallback = resolve));
const callbackServer = createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('Connected. You can close this tab.');
  deliverCallback(`http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}${request.url ?? '/'}`);
});
await new Promise<void>((resolve) => callbackServer.listen(0, '127.0.0.1', resolve));
const redirectUri = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/callback`;

try {
  const adapter = createMastodonAdapter({ baseUrl: instance.url });

  // ── 2. Register the app on this instance (once per instance: store clientId and clientSecret) ──
  const app = await registerApp(adapter, { instanceUrl: instance.url, appName: 'smm connect example', redirectUri });
  detail(`registered the app on ${instance.url}: client ${app.clientId.slice(0, 6)}…`);

  // ── 3. Build the authorization URL. Keep state and codeVerifier server-side (the user's session) ──
  const flow = createConnectFlow<MastodonCredentials>(adapter, { settings: { instanceUrl: instance.url }, ...app, redirectUri });
  const { url, state, codeVerifier } = await flow.start();
  detail(`authorization URL: ${url.split('?')[0]}?…`);

  // ── 4. Play the browser. A real app redirects the user (or opens the system browser) to `url`;
  // the user signs in and approves, and the network redirects to redirectUri. The simulator
  // approves at once, so follow its redirect by hand and load the callback page.
  const consent = await fetch(url, { redirect: 'manual' });
  const location = consent.headers.get('location');
  if (consent.status !== 302 || !location) throw new Error(`expected a redirect from the consent page, got ${consent.status}`);
  await fetch(location);
  const callbackUrl = await callbackReceived;

  // ── 5. Finish: state checked, code exchanged with the PKCE verifier ──
  const credentials = await flow.finish({ callbackUrl, expectedState: state, codeVerifier });
  const [account] = await flow.listAccounts(credentials);
  if (!account) throw new Error('the login lists no account');
  detail(`connected @${account.handle ?? account.id} (${account.kind})`);

  // ── 6. Publish an image read from disk, with the credentials just obtained ──
  // A file path: the client probes its head (type, 32×32) and the adapter streams it up.
  const imagePath = fileURLToPath(new URL('./data/gradient-32.png', import.meta.url));
  const key = `mastodon:${account.id}`;
  const client = createClient({
    adapters: [adapter],
    accounts: [{ platform: 'mastodon', id: account.id, handle: account.handle ?? account.id }],
    credentials: { [key]: credentials },
    // Store renewed credentials here (Mastodon's tokens do not expire; X rotates its refresh tokens).
    onCredentialsChange: () => {},
  });
  const { published } = await client.publish(key, {
    text: 'Connected with OAuth 2.0 + PKCE, posted with smm',
    media: [
      {
        kind: 'image',
        source: { type: 'file', path: imagePath },
        mimeType: 'image/png',
        altText: 'A small colour gradient',
      },
    ],
  });
  const post = published.parts[0]!;
  if (sim.posts().filter((held) => held.id === post.id).length !== 1) throw new Error('the instance does not hold the published post');
  console.log(`published ${post.url}`);
} finally {
  callbackServer.close();
  await instance.close();
}
