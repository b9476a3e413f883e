import { createClient } from '@smm/core/client';
import { createConnectFlow } from '@smm/core/connect';
import { createFakeClock } from '@smm/testkit/clock';
import { createLinkedInSimulator } from '@smm/testkit/linkedin';
import { describe, expect, it } from 'vitest';
import { createLinkedInAdapter } from './index.js';

const REDIRECT = 'http://127.0.0.1:9000/callback/linkedin';

describe('LinkedIn connect flow', () => {
  it('authorizes at /oauth/v2/authorization, exchanges with the client secret, and lists the member and the organisations it administers', async () => {
    const clock = createFakeClock({ now: '2026-03-02T10:00:00.000Z' });
    const sim = createLinkedInSimulator({ clock });
    const adapter = createLinkedInAdapter({ baseUrl: sim.baseUrl, authBaseUrl: sim.baseUrl });
    const flow = createConnectFlow(adapter, { ...sim.oauthClient, redirectUri: REDIRECT, fetch: sim.fetch, now: () => clock.now() });
    const start = await flow.start();
    const url = new URL(start.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${sim.baseUrl}/oauth/v2/authorization`);
    expect(url.searchParams.get('scope')).toBe(
      'openid profile w_member_social w_organization_social r_organization_social rw_organization_admin',
    );
    const callbackUrl = (await sim.fetch(start.url, { redirect: 'manual' })).headers.get('location')!;
    const credentials = await flow.finish({ callbackUrl, expectedState: start.state, codeVerifier: start.codeVerifier });
    const exchange = sim.requests.find((request) => request.path === '/oauth/v2/accessToken')!;
    expect(exchange.body).toMatchObject({
      grant_type: 'authorization_code',
      client_id: sim.oauthClient.clientId,
      client_secret: sim.oauthClient.clientSecret,
    });
    // 60-day access tokens.
    expect(Date.parse((credentials as { expiresAt: string }).expiresAt) - clock.now()).toBe(60 * 86_400_000);

    const accounts = await flow.listAccounts(credentials);
    expect(accounts.map(({ id, kind }) => ({ id, kind }))).toEqual([
      { id: sim.urns.member, kind: 'user' },
      { id: sim.urns.organization, kind: 'organization' },
    ]);
    const acls = sim.requests.find((request) => request.path === '/rest/organizationAcls')!;
    expect(acls.query).toEqual({ q: 'roleAssignee', role: 'ADMINISTRATOR', state: 'APPROVED' });
    expect(acls.headers['linkedin-version']).toBe('202610');

    // The organisation chosen at connect time is the author of the account's posts.
    const client = createClient({
      adapters: [createLinkedInAdapter({ baseUrl: sim.baseUrl })],
      accounts: [{ platform: 'linkedin', id: sim.urns.organization, handle: 'acme' }],
      credentials: { [`linkedin:${sim.urns.organization}`]: credentials },
      fetch: sim.fetch,
      clock,
    });
    await client.publish(`linkedin:${sim.urns.organization}`, { text: 'Connected' });
    expect(sim.requests.at(-1)!.body).toMatchObject({ author: sim.urns.organization });
  });
});
