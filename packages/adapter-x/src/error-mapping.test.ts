import { describe, expect, it } from 'vitest';
import { mapXError } from './error-mapping.js';

const map = (status: number, body: unknown) => mapXError({ status, headers: new Headers(), body });

describe('mapXError', () => {
  it('reads problem details: message, kind as code; 4xx refusals created nothing', () => {
    expect(
      map(403, {
        title: 'Forbidden',
        detail: 'You are not allowed to create a Tweet with duplicate content.',
        type: 'about:blank',
        status: 403,
      }),
    ).toEqual({
      message: 'You are not allowed to create a Tweet with duplicate content.',
      notActedOn: true,
    });
    expect(
      map(400, {
        errors: [{ message: 'Your media IDs are invalid.', parameters: { 'media.media_ids': [] } }],
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'https://api.twitter.com/2/problems/invalid-request',
      }),
    ).toEqual({
      platformCode: 'invalid-request',
      message: 'One or more parameters to your request was invalid.',
      notActedOn: true,
    });
  });

  it('treats 429, v1.1 code 88 and a usage cap as rate limits', () => {
    expect(map(429, { errors: [{ code: 88, message: 'Rate limit exceeded' }] })).toEqual({
      platformCode: 88,
      message: 'Rate limit exceeded',
      rateLimited: true,
      notActedOn: true,
    });
    expect(
      map(429, {
        title: 'UsageCapExceeded',
        detail: 'Usage cap exceeded: Monthly product cap',
        type: 'https://api.twitter.com/2/problems/usage-capped',
      }),
    ).toMatchObject({ platformCode: 'usage-capped', rateLimited: true });
  });

  it('asks for one refresh on 401, and none when X refuses the app itself', () => {
    expect(map(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' })).toEqual({
      message: 'Unauthorized',
      auth: { refreshable: true },
    });
    expect(
      map(403, {
        title: 'Unsupported Authentication',
        detail: 'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.',
        type: 'https://api.twitter.com/2/problems/unsupported-authentication',
      }),
    ).toMatchObject({
      platformCode: 'unsupported-authentication',
      auth: { refreshable: false },
    });
    expect(map(400, { error: 'invalid_grant', error_description: 'Value passed for the token was invalid.' })).toEqual({
      platformCode: 'invalid_grant',
      message: 'Value passed for the token was invalid.',
      auth: { refreshable: false },
      notActedOn: true,
    });
  });

  it("leaves a 5xx retryable and unproven, and copes with a body that is not X's", () => {
    expect(map(503, { title: 'Service Unavailable', detail: 'Something went wrong.' })).toEqual({ message: 'Something went wrong.' });
    expect(map(502, '<html>bad gateway</html>')).toEqual({});
  });
});
