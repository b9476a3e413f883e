import { describe, expect, it } from 'vitest';
import { bearerTokensOf, tokensFromAnswer } from './oauth-tokens.js';

describe('tokensFromAnswer', () => {
  it('stores the access token, the refresh token and the expiry counted from when the answer arrived', () => {
    // 7,200 s after 10:00:00Z is 12:00:00Z.
    expect(
      tokensFromAnswer({ access_token: 'at', refresh_token: 'rt', expires_in: 7200 }, { expiresFrom: Date.parse('2026-03-01T10:00:00Z') }),
    ).toEqual({ accessToken: 'at', refreshToken: 'rt', expiresAt: '2026-03-01T12:00:00.000Z' });
  });

  it('keeps no expiry without expiresFrom or without expires_in, and no refresh token when none (or an empty one) came', () => {
    expect(tokensFromAnswer({ access_token: 'at', expires_in: 60 })).toStrictEqual({ accessToken: 'at' });
    expect(tokensFromAnswer({ access_token: 'at', refresh_token: '' }, { expiresFrom: 0 })).toStrictEqual({ accessToken: 'at' });
  });
});

describe('bearerTokensOf', () => {
  it('hands back the two tokens, and no refreshToken key when the credentials have none', () => {
    expect(bearerTokensOf({ accessToken: 'at', refreshToken: 'rt' })).toStrictEqual({ accessToken: 'at', refreshToken: 'rt' });
    expect(bearerTokensOf({ accessToken: 'at' })).toStrictEqual({ accessToken: 'at' });
  });
});
