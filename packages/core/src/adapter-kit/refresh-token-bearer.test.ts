import { describe, expect, it } from 'vitest';
import { AuthError } from '../errors/index.js';
import type { CredentialsFactoryInput } from './current-spec.js';
import { refreshTokenBearer, type RefreshTokenBearerOptions } from './refresh-token-bearer.js';

interface Stored {
  accessToken: string;
  refreshToken?: string;
  expiresAt?: string;
  clientId?: string;
  clientSecret?: string;
}

// A fake factory input: the token endpoint answers `answer`; saved credentials and log lines are recorded.
function setup(credentials: Stored, answer: unknown) {
  const saved: Stored[] = [];
  const logged: { message: string; fields: unknown }[] = [];
  const forms: Record<string, string>[] = [];
  const noLog = () => undefined;
  const input = {
    credentials,
    account: { id: 'acct-1' },
    http: {
      request: async (request: { body?: unknown }) => {
        forms.push(Object.fromEntries(request.body as URLSearchParams));
        return { status: 200, headers: new Headers(), data: answer };
      },
      rateLimit: () => undefined,
    },
    clock: { now: () => Date.parse('2026-01-05T09:00:00.000Z'), sleep: async () => undefined },
    logger: { debug: noLog, warn: noLog, error: noLog, info: (message: string, fields?: unknown) => logged.push({ message, fields }) },
    saveCredentials: async (next: Stored) => {
      saved.push(next);
    },
  } as unknown as CredentialsFactoryInput<Stored>;
  return { input, saved, logged, forms };
}

const OPTIONS: RefreshTokenBearerOptions<Stored> = {
  platform: 'example',
  path: '/oauth/token',
  bucket: 'write',
  operation: 'POST /oauth/token',
  client: (current) => ({ id: current.clientId ?? 'app-client', secret: current.clientSecret }),
  messages: { missing: 'No refresh token: authorise again.', refused: 'Refresh refused: authorise again.' },
};

describe('refreshTokenBearer', () => {
  it('sends the bearer token; after refresh() it sends, saves and logs the new tokens, and lists every secret', async () => {
    const { input, saved, logged, forms } = setup(
      { accessToken: 'access-1', refreshToken: 'refresh-1', clientSecret: 'secret-1' },
      { access_token: 'access-2', refresh_token: 'refresh-2' },
    );
    const provider = refreshTokenBearer(input, OPTIONS);
    expect(await provider.getHeaders()).toEqual({ authorization: 'Bearer access-1' });
    expect(provider.secrets()).toEqual(['access-1', 'refresh-1', 'secret-1']);
    await provider.refresh();
    expect(forms).toEqual([
      { grant_type: 'refresh_token', refresh_token: 'refresh-1', client_id: 'app-client', client_secret: 'secret-1' },
    ]);
    expect(await provider.getHeaders()).toEqual({ authorization: 'Bearer access-2' });
    expect(saved).toEqual([{ accessToken: 'access-2', refreshToken: 'refresh-2', clientSecret: 'secret-1' }]);
    expect(logged).toEqual([{ message: 'example access token refreshed', fields: { rotated: true } }]);
    expect(provider.secrets()).toEqual(['access-2', 'refresh-2', 'secret-1']);
  });

  it('keeps the refresh token the network did not replace; with storeExpiry, stores expiresAt (kept when the answer has none)', async () => {
    const first = setup(
      { accessToken: 'a1', refreshToken: 'r1', expiresAt: '2026-01-01T00:00:00.000Z' },
      { access_token: 'a2', expires_in: 3600 },
    );
    await refreshTokenBearer(first.input, { ...OPTIONS, storeExpiry: true }).refresh();
    expect(first.saved).toEqual([{ accessToken: 'a2', refreshToken: 'r1', expiresAt: '2026-01-05T10:00:00.000Z' }]);
    expect(first.logged[0]?.fields).toEqual({ rotated: false });

    const second = setup({ accessToken: 'a1', refreshToken: 'r1', expiresAt: '2026-01-01T00:00:00.000Z' }, { access_token: 'a2' });
    await refreshTokenBearer(second.input, { ...OPTIONS, storeExpiry: true, logRotation: false }).refresh();
    expect(second.saved).toEqual([{ accessToken: 'a2', refreshToken: 'r1', expiresAt: '2026-01-01T00:00:00.000Z' }]);
    expect(second.logged).toEqual([{ message: 'example access token refreshed', fields: {} }]);
  });

  it('without a refresh token, refresh() throws the AuthError with the hint and saves nothing', async () => {
    const { input, saved, forms } = setup({ accessToken: 'a1' }, { access_token: 'never' });
    const error: unknown = await refreshTokenBearer(input, OPTIONS)
      .refresh()
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect(AuthError.isInstance(error)).toBe(true);
    expect((error as AuthError).message).toBe('No refresh token: authorise again.');
    expect((error as AuthError).refreshable).toBe(false);
    expect(saved).toEqual([]);
    expect(forms).toEqual([]);
  });
});
