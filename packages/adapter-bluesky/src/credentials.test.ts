import { describe, expect, it } from 'vitest';
import { AuthError, SmmError, ValidationError } from '@smm/core/adapter-kit';
import { createClient } from '@smm/core/client';
import { BlueskyCredentialsSchema, createBlueskyAdapter } from './index.js';
import { testEnv } from './__tests__/test-env.js';

const everything = (error: unknown) => {
  const smm = error as SmmError;
  return `${smm.message}\n${JSON.stringify(smm.toJSON())}\n${String((smm as { cause?: { message?: string } }).cause?.message ?? '')}`;
};

describe('credentials', () => {
  it('opens one session lazily with createSession and hands it to the app', async () => {
    const { client, account, sim, savedCredentials, calls } = testEnv();
    await Promise.all([client.getAccountMetrics(account), client.getAccountMetrics(account)]);
    const sessions = calls('com.atproto.server.createSession');
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.body).toEqual({ identifier: sim.credentials.identifier, password: sim.credentials.password });
    expect(savedCredentials).toHaveLength(1);
    expect(savedCredentials[0]).toMatchObject({
      identifier: sim.credentials.identifier,
      password: sim.credentials.password,
      accessJwt: expect.any(String),
      refreshJwt: expect.any(String),
    });
  });

  it('on an expired token: refreshes once with the refresh JWT, saves the rotated session, retries', async () => {
    const { client, account, sim, savedCredentials, calls } = testEnv();
    await client.getAccountMetrics(account);
    const first = savedCredentials[0] as { accessJwt: string; refreshJwt: string };
    sim.faults.inject({ kind: 'expired-token', count: 1 });
    const snapshot = await client.getAccountMetrics(account);
    expect(snapshot.metrics.followers?.value).toBe(sim.reportedAccountMetrics().followersCount);
    const refreshes = calls('com.atproto.server.refreshSession');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]!.headers.authorization).toBe(`Bearer ${first.refreshJwt}`);
    const rotated = savedCredentials[1] as { accessJwt: string; refreshJwt: string };
    expect(rotated.refreshJwt).not.toBe(first.refreshJwt);
    expect(sim.requests.at(-1)!.headers.authorization).toBe(`Bearer ${rotated.accessJwt}`);
  });

  it('falls back to a new session with the app password when the refresh JWT is refused', async () => {
    const { client, account, sim, calls } = testEnv();
    await client.getAccountMetrics(account);
    sim.faults.inject({ kind: 'expired-token', count: 2, match: (request) => !request.path.endsWith('createSession') });
    await client.getAccountMetrics(account);
    expect(calls('com.atproto.server.refreshSession')).toHaveLength(1);
    expect(calls('com.atproto.server.createSession')).toHaveLength(2);
  });

  it('with a session only: a refused refresh is an AuthError that is not refreshable, with no token in it', async () => {
    const opener = testEnv();
    await opener.client.getAccountMetrics(opener.account);
    const session = opener.savedCredentials[0] as { accessJwt: string; refreshJwt: string };
    const { sim, adapter, clock } = opener;
    const client = createClient({
      adapters: [adapter],
      accounts: [{ platform: 'bluesky', id: sim.account.id, handle: sim.account.handle }],
      credentials: { [`bluesky:${sim.account.id}`]: { accessJwt: session.accessJwt, refreshJwt: session.refreshJwt } },
      clock,
      fetch: sim.fetch,
    });
    sim.faults.inject({ kind: 'expired-token', count: 10 });
    const error = await client.getAccountMetrics(`bluesky:${sim.account.id}`).catch((caught: unknown) => caught);
    expect(AuthError.isInstance(error)).toBe(true);
    expect((error as AuthError).refreshable).toBe(false);
    for (const secret of [session.accessJwt, session.refreshJwt]) expect(everything(error)).not.toContain(secret);
  });

  it('a wrong app password: AuthError naming the fix, never the password', async () => {
    const { client, account } = testEnv({
      credentials: (sim) => ({ identifier: sim.credentials.identifier, password: 'wrong-pass-word-1234' }),
    });
    const error = await client.publish(account, { text: 'hi' }).catch((caught: unknown) => caught);
    expect(AuthError.isInstance(error)).toBe(true);
    expect((error as AuthError).message).toMatch(/reconnect the account/);
    expect(everything(error)).not.toContain('wrong-pass-word-1234');
  });

  it('validates stored credentials, naming the field and the fix, without echoing values', () => {
    const parse = (value: unknown) => BlueskyCredentialsSchema.safeParse(value);
    expect(parse({ identifier: 'a.bsky.social', password: 'p' }).success).toBe(true);
    expect(parse({ accessJwt: 'a', refreshJwt: 'r' }).success).toBe(true);
    expect(parse({ password: 'secret-value' }).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['identifier']);
    expect(parse({ identifier: 'a.bsky.social' }).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['password']);
    expect(() =>
      createClient({
        adapters: [createBlueskyAdapter()],
        accounts: [{ platform: 'bluesky', id: 'did:plc:abc', handle: 'a.bsky.social' }],
        credentials: { 'bluesky:did:plc:abc': { password: 'secret-value' } },
      }),
    ).toThrow(expect.objectContaining({ message: expect.not.stringContaining('secret-value') }) as never);
    try {
      createClient({
        adapters: [createBlueskyAdapter()],
        accounts: [{ platform: 'bluesky', id: 'did:plc:abc', handle: 'a.bsky.social' }],
        credentials: { 'bluesky:did:plc:abc': { password: 'secret-value' } },
      });
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).issues.map((issue) => issue.path.join('.'))).toEqual([
        'credentials.bluesky:did:plc:abc.identifier',
      ]);
    }
  });
});
