import { describe, expect, it } from 'vitest';
import { mapLinkedInError } from './error-mapping.js';

const headers = new Headers();

describe('LinkedIn error mapping', () => {
  it('reads the Rest.li body: message, code as the platform code, a 422 refusal as not acted on', () => {
    expect(
      mapLinkedInError({
        status: 422,
        headers,
        body: { message: 'ERROR :: /author :: field is required but not found and has no default value\n', status: 422 },
      }),
    ).toEqual({ message: 'ERROR :: /author :: field is required but not found and has no default value', notActedOn: true });
    expect(
      mapLinkedInError({
        status: 426,
        headers,
        body: { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version 202201 is not active' },
      }),
    ).toEqual({
      platformCode: 'NONEXISTENT_VERSION',
      message: 'Requested version 202201 is not active',
      notActedOn: true,
    });
  });

  it('makes a 401 refreshable, and a 403 for a missing permission an auth failure no refresh fixes', () => {
    expect(
      mapLinkedInError({
        status: 401,
        headers,
        body: { status: 401, serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token' },
      }),
    ).toMatchObject({
      auth: { refreshable: true },
      platformCode: 'INVALID_ACCESS_TOKEN',
    });
    expect(
      mapLinkedInError({
        status: 403,
        headers,
        body: { status: 403, serviceErrorCode: 100, code: 'ACCESS_DENIED', message: 'Not enough permissions to access: GET /rest/posts' },
      }),
    ).toMatchObject({ auth: { refreshable: false }, notActedOn: true });
  });

  it('reads OAuth errors and leaves a 5xx retryable (not marked as refused)', () => {
    expect(
      mapLinkedInError({
        status: 400,
        headers,
        body: { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid' },
      }),
    ).toEqual({
      platformCode: 'invalid_grant',
      message: 'The provided authorization grant is invalid',
      auth: { refreshable: false },
      notActedOn: true,
    });
    expect(mapLinkedInError({ status: 504, headers, body: 'Gateway Timeout' })).toEqual({});
  });
});
