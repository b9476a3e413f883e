import { describe, expect, it } from 'vitest';
import { AuthError } from '../errors/index.js';
import { refreshTokenGrant, type RefreshTokenGrantOptions } from './refresh-token-grant.js';

interface SentRequest {
  method: string;
  path: string;
  bucket?: string;
  headers?: Record<string, string>;
  form: Record<string, string>;
}

// A fake credential-less client: records what was sent and answers with `answer` (or throws it).
function fakeHttp(answer: { status: number; data: unknown } | Error) {
  const sent: SentRequest[] = [];
  const http: RefreshTokenGrantOptions['http'] = {
    request: async (request) => {
      sent.push({
        method: request.method ?? 'GET',
        path: request.path,
        ...(request.bucket === undefined ? {} : { bucket: request.bucket }),
        ...(request.headers === undefined ? {} : { headers: request.headers }),
        form: Object.fromEntries(request.body as URLSearchParams),
      });
      if (answer instanceof Error) throw answer;
      return { status: answer.status, headers: new Headers(), data: answer.data } as never;
    },
  };
  return { http, sent };
}

const MESSAGES = {
  missing: 'Example refused the access token. Authorise the account again.',
  refused: 'Example did not refresh the access token. Authorise the account again.',
};

function options(http: RefreshTokenGrantOptions['http'], overrides: Partial<RefreshTokenGrantOptions> = {}): RefreshTokenGrantOptions {
  return {
    http,
    platform: 'example',
    path: '/oauth/token',
    bucket: 'oauth',
    operation: 'POST /oauth/token',
    refreshToken: 'refresh-old-123',
    clientId: 'client-1',
    clientSecret: 'secret-xyz-789',
    secrets: () => ['access-old-456', 'refresh-old-123', 'secret-xyz-789'],
    messages: MESSAGES,
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(AuthError.isInstance(error)).toBe(true);
  return error as AuthError;
}

describe('refreshTokenGrant', () => {
  it('POSTs the RFC 6749 §6 form to the token endpoint and returns the new (rotated) tokens', async () => {
    const { http, sent } = fakeHttp({
      status: 200,
      data: { access_token: 'access-new', refresh_token: 'refresh-new', token_type: 'Bearer' },
    });
    const tokens = await refreshTokenGrant(options(http));
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/oauth/token',
        bucket: 'oauth',
        form: { grant_type: 'refresh_token', refresh_token: 'refresh-old-123', client_id: 'client-1', client_secret: 'secret-xyz-789' },
      },
    ]);
    expect(tokens).toEqual({ accessToken: 'access-new', refreshToken: 'refresh-new' });
  });

  it('sends no client_secret when none is known, and returns no refresh token when the network kept the old one', async () => {
    const { http, sent } = fakeHttp({ status: 200, data: { access_token: 'access-new' } });
    const tokens = await refreshTokenGrant(options(http, { clientSecret: undefined }));
    expect(sent[0]?.form).toEqual({ grant_type: 'refresh_token', refresh_token: 'refresh-old-123', client_id: 'client-1' });
    expect(tokens).toEqual({ accessToken: 'access-new' });
    expect('refreshToken' in tokens).toBe(false);
  });

  it("names the client with the network's field (TikTok's client_key) and sends the given headers", async () => {
    const { http, sent } = fakeHttp({ status: 200, data: { access_token: 'access-new', refresh_token: 'refresh-new' } });
    await refreshTokenGrant(
      options(http, {
        clientIdField: 'client_key',
        requireClientSecret: true,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
    expect(sent[0]?.form).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-old-123',
      client_key: 'client-1',
      client_secret: 'secret-xyz-789',
    });
    expect(sent[0]?.headers).toEqual({ 'content-type': 'application/x-www-form-urlencoded' });
  });

  it('computes expiresAt from expires_in on the given clock, and only when a clock is given', async () => {
    const now = Date.parse('2026-01-05T09:00:00.000Z');
    const answer = { status: 200, data: { access_token: 'access-new', expires_in: 5_184_000 } }; // 60 days
    const withClock = await refreshTokenGrant(options(fakeHttp(answer).http, { clock: { now: () => now } }));
    expect(withClock).toEqual({ accessToken: 'access-new', expiresAt: '2026-03-06T09:00:00.000Z' });
    const withoutClock = await refreshTokenGrant(options(fakeHttp(answer).http));
    expect(withoutClock).toEqual({ accessToken: 'access-new' });
    // A clock but no expires_in in the answer: no expiry to store.
    const noExpiry = await refreshTokenGrant(
      options(fakeHttp({ status: 200, data: { access_token: 'a' } }).http, { clock: { now: () => now } }),
    );
    expect(noExpiry).toEqual({ accessToken: 'a' });
  });

  it('without a refresh token, client id, or a required client secret: AuthError (not refreshable, 401) with the hint, and no request', async () => {
    for (const overrides of [
      { refreshToken: undefined },
      { clientId: undefined },
      { clientSecret: undefined, requireClientSecret: true },
    ]) {
      const { http, sent } = fakeHttp({ status: 200, data: { access_token: 'never' } });
      const error = await failure(refreshTokenGrant(options(http, overrides)));
      expect(error.message).toBe(MESSAGES.missing);
      expect(error.refreshable).toBe(false);
      expect(error.status).toBe(401);
      expect(error.platform).toBe('example');
      expect(sent).toEqual([]);
    }
  });

  it('when the network refuses: AuthError (not refreshable) with the hint, the failure as cause, and no token or secret shown', async () => {
    // An error whose text echoes the form it was sent, as some network errors do.
    const refusal = new Error('invalid_grant for refresh_token=refresh-old-123&client_secret=secret-xyz-789 (token access-old-456)');
    const { http } = fakeHttp(refusal);
    const error = await failure(refreshTokenGrant(options(http)));
    expect(error.message).toBe(MESSAGES.refused);
    expect(error.refreshable).toBe(false);
    expect(error.platform).toBe('example');
    expect(error.cause).toBe(refusal);
    const shown = JSON.stringify(error);
    for (const secret of ['refresh-old-123', 'secret-xyz-789', 'access-old-456']) expect(shown).not.toContain(secret);
    expect(shown).toContain('invalid_grant');
  });

  it('when the answer is not a token: AuthError with the parse failure as cause, the partial token not shown', async () => {
    const { http } = fakeHttp({ status: 200, data: { access_token: 'access-half', expires_in: 'soon' } });
    const error = await failure(refreshTokenGrant(options(http, { clock: { now: () => 0 } })));
    expect(error.message).toBe(MESSAGES.refused);
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as Error).message).toContain('POST /oauth/token');
    expect(JSON.stringify(error)).not.toContain('access-half');
  });
});
