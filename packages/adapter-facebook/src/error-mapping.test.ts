import { describe, expect, it } from 'vitest';
import { mapFacebookError } from './error-mapping.js';

const graph = (error: Record<string, unknown>) => ({
  status: 400,
  headers: new Headers(),
  body: { error: { type: 'OAuthException', fbtrace_id: 'AbC123', ...error } },
});

describe('Facebook error mapping', () => {
  // https://developers.facebook.com/docs/graph-api/overview/rate-limiting — 80001: the Page's business-use-case limit.
  it('maps the Pages throttle (80001) to a rate limit', () => {
    expect(
      mapFacebookError(graph({ code: 80001, message: '(#80001) There have been too many calls to this Page account.' })),
    ).toMatchObject({
      platformCode: 80001,
      rateLimited: true,
    });
  });

  // https://developers.facebook.com/docs/graph-api/guides/error-handling — 190/460: password changed, the token is dead.
  it('says to connect the Page again when Meta refuses the token for good', () => {
    const mapping = mapFacebookError(
      graph({
        code: 190,
        error_subcode: 460,
        message: 'Error validating access token: The session has been invalidated because the user changed their password.',
      }),
    );
    expect(mapping?.auth).toEqual({ refreshable: false });
    expect(mapping?.message).toMatch(/connect the Page again/);
  });

  it('explains a duplicate status (506)', () => {
    expect(mapFacebookError(graph({ code: 506, message: 'Duplicate status message' }))?.message).toMatch(/same message twice/);
  });

  it('leaves a body that is no Graph error to core', () => {
    expect(mapFacebookError({ status: 502, headers: new Headers(), body: '<html>Bad gateway</html>' })).toBeUndefined();
  });
});
