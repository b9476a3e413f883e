import { describe, expect, it } from 'vitest';
import { mapThreadsError } from './internal/index.js';

const answer = (status: number, error: Record<string, unknown>) => ({
  status,
  headers: new Headers({ 'content-type': 'application/json' }),
  body: { error: { type: 'OAuthException', fbtrace_id: 'AbC', ...error } },
});

describe('mapping Threads errors', () => {
  it('the link limit created nothing and is not worth retrying; the message says what to do', () => {
    const mapping = mapThreadsError(answer(400, { code: 100, message: 'THREADS_API__LINK_LIMIT_EXCEEDED' }));
    expect(mapping).toMatchObject({ notActedOn: true, retryable: false });
    expect(mapping.message).toContain('5 links');
  });

  it('an expired token (190/463) is an auth failure that a refresh may fix; throttling (code 4) a rate limit', () => {
    expect(mapThreadsError(answer(400, { code: 190, error_subcode: 463, message: 'Session has expired' })).auth).toEqual({
      refreshable: true,
    });
    expect(mapThreadsError(answer(400, { code: 4, message: '(#4) Application request limit reached' })).rateLimited).toBe(true);
  });
});
