import { AuthError } from '@smm/core/adapter-kit';
import { createClient } from '@smm/core/client';
import { describe, expect, it } from 'vitest';
import { settle, testEnv } from './__tests__/test-env.js';

const DAY_MS = 86_400_000;

describe('Threads credentials', () => {
  it('refreshes a long-lived token a week before it expires (th_refresh_token) and hands the new one to onCredentialsChange', async () => {
    const { sim, adapter, clock, account } = testEnv();
    const saved: unknown[] = [];
    const client = createClient({
      adapters: [adapter],
      accounts: [{ platform: 'threads', id: sim.account.id, handle: sim.account.handle }],
      credentials: { [account]: sim.credentials },
      clock,
      fetch: sim.fetch,
      onCredentialsChange: (_account, next) => void saved.push(next),
    });
    await clock.advance(54 * DAY_MS);
    await client.publish(account, { text: 'still fresh' });
    const refresh = sim.requests.filter((request) => request.path === '/refresh_access_token');
    expect(refresh).toHaveLength(1);
    expect(refresh[0]!.query.grant_type).toBe('th_refresh_token');
    const next = saved[0] as { accessToken: string; expiresAt: string; issuedAt: string };
    expect(next.accessToken).not.toBe(sim.credentials.accessToken);
    // Meta: "Refreshed tokens are valid for 60 days from the date at which they are refreshed."
    expect(Date.parse(next.expiresAt) - clock.now()).toBeGreaterThan(59 * DAY_MS);
    expect(Date.parse(next.issuedAt)).toBeLessThanOrEqual(clock.now());
  });

  it('a token Threads refuses and that is too young to refresh ends in AuthError, and the token is not in the message', async () => {
    const { sim, client, account } = testEnv();
    sim.tokens.revoke(sim.credentials.accessToken);
    const outcome = await settle(client.publish(account, { text: 'refused' }));
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: Error }).error;
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.message).not.toContain(sim.credentials.accessToken);
    expect(sim.posts()).toEqual([]);
  });
});
