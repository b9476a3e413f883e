import { describe, expect, it } from 'vitest';
import { mapYouTubeError } from './error-mapping.js';

// Bodies as https://developers.google.com/youtube/v3/docs/errors shows them.
const googleError = (code: number, reason: string, message = 'm', domain = 'youtube.quota') => ({
  error: { code, message, errors: [{ domain, reason, message }] },
});
const map = (status: number, body: unknown) => mapYouTubeError({ status, headers: new Headers(), body });

describe('mapYouTubeError', () => {
  it('quotaExceeded: a rate limit, not retryable today', () => {
    expect(map(403, googleError(403, 'quotaExceeded'))).toMatchObject({
      platformCode: 'quotaExceeded',
      rateLimited: true,
      retryable: false,
      notActedOn: true,
    });
  });

  it('uploadLimitExceeded: the channel cap, said in plain words, not a rate limit of the project', () => {
    const mapping = map(
      400,
      googleError(400, 'uploadLimitExceeded', 'The user has exceeded the number of videos they may upload.', 'youtube.video'),
    );
    expect(mapping).toMatchObject({ platformCode: 'uploadLimitExceeded', retryable: false, notActedOn: true });
    expect(mapping?.rateLimited).toBeUndefined();
    expect(mapping?.message).toMatch(/upload limit/);
  });

  it('rateLimitExceeded: a rate limit', () => {
    expect(map(403, googleError(403, 'rateLimitExceeded', 'slow down', 'youtube.api'))).toMatchObject({ rateLimited: true });
  });

  it('401 authError: refreshable; insufficientPermissions: not', () => {
    expect(map(401, googleError(401, 'authError', 'Invalid Credentials', 'global'))).toMatchObject({ auth: { refreshable: true } });
    expect(map(403, googleError(403, 'insufficientPermissions', 'Insufficient Permission', 'global'))).toMatchObject({
      auth: { refreshable: false },
    });
  });

  it('invalidTitle: the reason as code, the message without HTML', () => {
    expect(
      map(400, googleError(400, 'invalidTitle', 'The request metadata specifies an invalid or empty <code>title</code>.', 'youtube.video')),
    ).toEqual({
      platformCode: 'invalidTitle',
      message: 'The request metadata specifies an invalid or empty title.',
      notActedOn: true,
    });
  });

  it("OAuth's invalid_grant: credentials no refresh can fix", () => {
    expect(map(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' })).toMatchObject({
      platformCode: 'invalid_grant',
      auth: { refreshable: false },
    });
  });

  it('a 5xx is not marked as refused', () => {
    expect(map(503, googleError(503, 'backendError', 'Backend Error', 'global'))?.notActedOn).toBeUndefined();
  });
});
