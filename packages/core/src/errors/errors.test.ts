import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ApiCallError,
  AuthError,
  NetworkError,
  PublishOutcomeUnknownError,
  RateLimitError,
  SmmError,
  TimeoutError,
  UnsupportedFeatureError,
  ValidationError,
} from './index.js';

const request = {
  method: 'post',
  url: 'https://api.example.com/2/tweets?access_token=abc123&expansions=author_id',
  headers: { Authorization: 'Bearer abc123', Cookie: 'sid=abc123', 'Content-Type': 'application/json' },
};

describe('SmmError family', () => {
  it('sets a stable code, name and cause on each class', () => {
    const cause = new Error('socket hang up');
    const cases: Array<[SmmError, string, string]> = [
      [new ValidationError('PostDraft', []), 'validation_error', 'ValidationError'],
      [new AuthError('expired', { refreshable: true }), 'auth_error', 'AuthError'],
      [new RateLimitError('slow down', { resetAt: '2026-01-01T00:00:00.000Z' }), 'rate_limited', 'RateLimitError'],
      [new ApiCallError('bad', { status: 400 }), 'api_call_error', 'ApiCallError'],
      [new NetworkError('refused', { phase: 'connect', cause }), 'network_error', 'NetworkError'],
      [new TimeoutError('too slow', { timeoutMs: 10 }), 'timeout', 'TimeoutError'],
      [
        new UnsupportedFeatureError('no threads', { feature: 'threads', platform: 'pinterest' }),
        'unsupported_feature',
        'UnsupportedFeatureError',
      ],
      [new PublishOutcomeUnknownError('unknown'), 'publish_outcome_unknown', 'PublishOutcomeUnknownError'],
    ];
    for (const [error, code, name] of cases) {
      expect(error.code).toBe(code);
      expect(error.name).toBe(name);
      expect(error).toBeInstanceOf(Error);
      expect(SmmError.isInstance(error)).toBe(true);
    }
    expect((cases[4]?.[0] as NetworkError).cause).toBe(cause);
  });

  it('isInstance tells the classes apart and ignores look-alikes', () => {
    const rate = new RateLimitError('x');
    expect(RateLimitError.isInstance(rate)).toBe(true);
    expect(ApiCallError.isInstance(rate)).toBe(false);
    expect(SmmError.isInstance(new Error('x'))).toBe(false);
    expect(SmmError.isInstance({ code: 'rate_limited' })).toBe(false);
    expect(SmmError.isInstance(null)).toBe(false);
  });

  it('isInstance works for an error made by another copy of the package', () => {
    // A second copy has its own classes but the same Symbol.for markers.
    const otherCopy = Object.create(null) as Record<symbol, unknown>;
    otherCopy[Symbol.for('smm.error')] = true;
    otherCopy[Symbol.for('smm.error.RateLimitError')] = true;
    expect(SmmError.isInstance(otherCopy)).toBe(true);
    expect(RateLimitError.isInstance(otherCopy)).toBe(true);
    expect(ValidationError.isInstance(otherCopy)).toBe(false);
  });

  it('ApiCallError defaults isRetryable by status', () => {
    const retryable = [408, 429, 500, 502, 503, 504];
    for (const status of [400, 401, 403, 404, 408, 422, 429, 500, 502, 503, 504]) {
      expect(new ApiCallError('x', { status }).isRetryable).toBe(retryable.includes(status));
    }
    expect(new ApiCallError('x', { status: 400, isRetryable: true }).isRetryable).toBe(true);
  });
});

describe('no secret reaches a message or JSON', () => {
  it('redacts the Authorization header, cookies and query tokens of a request', () => {
    const error = new ApiCallError('X answered 403 for Bearer abc123', {
      status: 403,
      request,
      body: { access_token: 'abc123', detail: 'nope' },
    });
    const json = JSON.stringify(error);
    expect(json).not.toContain('abc123');
    expect(error.message).not.toContain('abc123');
    expect(error.request?.headers['content-type']).toBe('application/json');
    expect(error.request?.url).toContain('expansions=author_id');
    expect(error.request?.method).toBe('POST');
  });

  it('redacts secrets carried by a cause', () => {
    const cause = new Error('POST https://x.test/token?client_secret=s3cr3tvalue failed: {"refresh_token":"r3fr3shvalue"}');
    const json = JSON.stringify(new NetworkError('token refresh failed', { cause }));
    expect(json).not.toContain('s3cr3tvalue');
    expect(json).not.toContain('r3fr3shvalue');
    expect(json).toContain('token refresh failed');
  });

  const tokenArb = fc.string({
    unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~'),
    minLength: 8,
    maxLength: 40,
  });
  const builders: Array<(token: string) => SmmError> = [
    (token) =>
      new ApiCallError(`failed with token ${token}`, {
        status: 500,
        request: { url: `https://a.test/x?token=${token}`, headers: { authorization: `Bearer ${token}` } },
        body: `{"access_token":"${token}"}`,
        secrets: [token],
      }),
    (token) => new RateLimitError(`limited`, { request: { url: 'https://a.test/x', headers: { 'x-api-key': token } } }),
    (token) => new AuthError(`refresh failed for ${token}`, { secrets: [token], cause: new Error(`Bearer ${token}`) }),
    (token) => new NetworkError('reset', { request: { url: `https://user:${token}@a.test/x`, headers: { cookie: `sid=${token}` } } }),
    (token) => new TimeoutError('slow', { request: { url: `https://a.test/cb?code=${token}&state=ok`, headers: {} } }),
    (token) =>
      new PublishOutcomeUnknownError('dropped', {
        request: { url: `https://a.test/x?client_secret=${token}`, headers: { 'Proxy-Authorization': `Basic ${token}` } },
      }),
    (token) =>
      new ValidationError('options', [{ path: ['password'], code: 'custom', message: `password ${token} too weak` }], { secrets: [token] }),
  ];

  it('holds for random tokens across every error type (property)', () => {
    fc.assert(
      fc.property(tokenArb, fc.integer({ min: 0, max: builders.length - 1 }), (token, index) => {
        const error = builders[index]!(token);
        expect(JSON.stringify(error)).not.toContain(token);
        expect(error.message).not.toContain(token);
        expect(String(error)).not.toContain(token);
      }),
      { numRuns: 1000 },
    );
  });
});
