import { createClient } from '@smm/core/client';
import { loginWithPassword } from '@smm/core/connect';
import { AuthError } from '@smm/core/adapter-kit';
import { createBlueskySimulator } from '@smm/testkit/bluesky';
import { createFakeClock } from '@smm/testkit/clock';
import { describe, expect, it } from 'vitest';
import { createBlueskyAdapter, type BlueskyCredentials } from './index.js';

describe('Bluesky connect (app password)', () => {
  it('logs in with createSession, keeps the session but not the password, lists the account and publishes', async () => {
    const clock = createFakeClock();
    const sim = createBlueskySimulator({ clock });
    const adapter = createBlueskyAdapter({ baseUrl: sim.baseUrl });
    const { identifier, password } = sim.credentials as { identifier: string; password: string };
    const { credentials, accounts } = await loginWithPassword<BlueskyCredentials>(adapter, { identifier, password, fetch: sim.fetch });
    expect(credentials).toEqual({ identifier: sim.account.id, accessJwt: expect.any(String), refreshJwt: expect.any(String) });
    expect(JSON.stringify(credentials)).not.toContain(password);
    expect(accounts).toEqual([expect.objectContaining({ id: sim.account.id, kind: 'user' })]);
    const client = createClient({
      adapters: [adapter],
      accounts: [{ platform: 'bluesky', id: sim.account.id, handle: sim.account.handle }],
      credentials: { [`bluesky:${sim.account.id}`]: credentials },
      fetch: sim.fetch,
      clock,
    });
    const { published } = await client.publish(`bluesky:${sim.account.id}`, { text: 'Connected with an app password' });
    expect(published.parts).toHaveLength(1);
    expect(sim.posts().map((post) => post.text)).toEqual(['Connected with an app password']);
  });

  it('refuses a wrong app password with AuthError that does not show it', async () => {
    const sim = createBlueskySimulator({ clock: createFakeClock() });
    const wrong = 'wrong-app-password-1234';
    const error = await loginWithPassword(createBlueskyAdapter({ baseUrl: sim.baseUrl }), {
      identifier: sim.account.handle,
      password: wrong,
      fetch: sim.fetch,
    }).catch((caught: unknown) => caught);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toContain(wrong);
  });
});
