import { describe, expect, it } from 'vitest';
import { mapTikTokError } from './error-mapping.js';

// Bodies shaped as https://developers.tiktok.com/doc/tiktok-api-v2-error-handling documents them.
const answer = (status: number, code: string, message = 'msg') => ({
  status,
  headers: new Headers(),
  body: { data: {}, error: { code, message, log_id: '202601050900001234ABCD' } },
});

describe('mapTikTokError', () => {
  it('access_token_invalid (401) is an auth failure a refresh may fix', () => {
    expect(mapTikTokError(answer(401, 'access_token_invalid'))).toMatchObject({
      platformCode: 'access_token_invalid',
      auth: { refreshable: true },
      notActedOn: true,
    });
  });

  it('scope_not_authorized is an auth failure a refresh cannot fix', () => {
    expect(mapTikTokError(answer(401, 'scope_not_authorized'))).toMatchObject({ auth: { refreshable: false } });
  });

  it('rate_limit_exceeded (429) is a rate limit, not acted on', () => {
    expect(mapTikTokError(answer(429, 'rate_limit_exceeded'))).toMatchObject({ rateLimited: true, notActedOn: true });
  });

  it('a refusal carries TikTok’s message, advice and log_id', () => {
    const mapping = mapTikTokError(answer(403, 'url_ownership_unverified', 'The URL is not verified.'));
    expect(mapping?.message).toBe(
      'The URL is not verified.; PULL_FROM_URL needs a URL prefix or domain verified in the TikTok developer portal; log_id 202601050900001234ABCD',
    );
    expect(mapping?.notActedOn).toBe(true);
  });

  it('a 5xx may have acted: not marked as refused', () => {
    expect(mapTikTokError(answer(500, 'internal_error'))?.notActedOn).toBeUndefined();
  });
});
