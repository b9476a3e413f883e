import { describe, expect, it } from 'vitest';
import { mapInstagramError } from './error-mapping.js';

const answer = (error: Record<string, unknown>) => ({
  status: 400,
  headers: new Headers(),
  body: { error: { type: 'OAuthException', fbtrace_id: 'AbCdEfGhIjK', ...error } },
});

describe('mapInstagramError', () => {
  it('maps the publishing cap (9 / 2207042) to a refusal that is not retried, naming the limit', () => {
    const mapping = mapInstagramError(answer({ code: 9, error_subcode: 2207042, message: 'Application request limit reached' }));
    expect(mapping).toMatchObject({ platformCode: 9, retryable: false, notActedOn: true });
    expect(mapping?.message).toContain('content publishing limit');
    expect(mapping?.message).toContain('fbtrace_id AbCdEfGhIjK');
  });

  it('leaves the rest to the shared Graph mapping: 190/463 refreshable auth, 80002 rate limited', () => {
    expect(mapInstagramError(answer({ code: 190, error_subcode: 463, message: 'Session has expired' }))).toMatchObject({
      auth: { refreshable: true },
    });
    expect(mapInstagramError(answer({ code: 80002, message: 'There have been too many calls to this Instagram account.' }))).toMatchObject({
      rateLimited: true,
    });
    expect(mapInstagramError({ status: 502, headers: new Headers(), body: '<html>' })).toBeUndefined();
  });
});
