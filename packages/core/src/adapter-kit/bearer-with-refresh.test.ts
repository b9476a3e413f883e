import { describe, expect, it } from 'vitest';
import { bearerWithRefresh } from './bearer-with-refresh.js';

describe('bearerWithRefresh', () => {
  it('sends the current access token, and refreshes a minute before expiresAt when it has a refresh token', async () => {
    let now = Date.parse('2026-01-05T09:00:00.000Z');
    let current = { accessToken: 'a1', refreshToken: 'r1', expiresAt: '2026-01-05T10:00:00.000Z' };
    let refreshes = 0;
    const provider = bearerWithRefresh({
      tokens: () => current,
      clock: { now: () => now },
      refreshOnce: async () => {
        refreshes++;
        current = { accessToken: `a${refreshes + 1}`, refreshToken: `r${refreshes + 1}`, expiresAt: '2026-01-05T12:00:00.000Z' };
      },
      secrets: () => [current.accessToken],
    });
    expect(await provider.getHeaders()).toEqual({ authorization: 'Bearer a1' });
    now = Date.parse('2026-01-05T09:59:00.000Z'); // exactly one minute before expiry
    expect(await provider.getHeaders()).toEqual({ authorization: 'Bearer a2' });
    expect(refreshes).toBe(1);
  });

  it('runs one refresh at a time: concurrent callers share it', async () => {
    let refreshes = 0;
    let release!: () => void;
    const provider = bearerWithRefresh({
      tokens: () => ({ accessToken: 'a' }),
      clock: { now: () => 0 },
      refreshOnce: () => {
        refreshes++;
        return new Promise<void>((resolve) => (release = resolve));
      },
      secrets: () => [],
    });
    const both = Promise.all([provider.refresh(), provider.refresh()]);
    release();
    await both;
    expect(refreshes).toBe(1);
    // Once it settled, the next refresh is a new one.
    const next = provider.refresh();
    release();
    await next;
    expect(refreshes).toBe(2);
  });

  it('tells refreshOnce why: the expiry is near, or the network answered 401', async () => {
    let now = 0;
    const reasons: string[] = [];
    const provider = bearerWithRefresh({
      tokens: () => ({ accessToken: 'a', refreshToken: 'r', expiresAt: '1970-01-01T01:00:00.000Z' }),
      clock: { now: () => now },
      refreshOnce: async (why) => {
        reasons.push(why);
      },
      secrets: () => [],
    });
    await provider.refresh(); // what core calls after a 401
    now = 3_600_000 - 30_000; // inside the one-minute margin
    await provider.getHeaders();
    expect(reasons).toEqual(['rejected', 'expiring']);
  });
});
