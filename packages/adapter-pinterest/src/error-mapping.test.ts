import { describe, expect, it } from 'vitest';
import { mapPinterestError } from './error-mapping.js';

const answer = (status: number, body: unknown) => ({ status, headers: new Headers(), body });

describe('mapping Pinterest errors', () => {
  it('reads { code, message }; 401 may be refreshed; 429 is a rate limit; refusals did not act', () => {
    expect(mapPinterestError(answer(401, { code: 2, message: 'Authentication failed.' }))).toEqual({
      platformCode: 2,
      message: 'Authentication failed.',
      auth: { refreshable: true },
    });
    expect(mapPinterestError(answer(429, { code: 8, message: 'slow down' }))).toMatchObject({ rateLimited: true, notActedOn: true });
    expect(mapPinterestError(answer(400, { code: 1, message: 'Invalid parameters.' }))).toMatchObject({ notActedOn: true });
    expect(mapPinterestError(answer(500, { code: 0, message: 'oops' })).notActedOn).toBeUndefined();
  });

  it('tells a Trial app in production (code 29) to use the sandbox or ask for Standard access', () => {
    const mapping = mapPinterestError(answer(403, { code: 29, message: 'Apps with Trial access may not create Pins in production' }));
    expect(mapping.message).toMatch(/access setting to "trial"/);
  });
});
