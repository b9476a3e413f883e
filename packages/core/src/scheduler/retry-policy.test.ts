import { describe, expect, it } from 'vitest';
import {
  ApiCallError,
  AuthError,
  NetworkError,
  PublishOutcomeUnknownError,
  RateLimitError,
  TimeoutError,
  UnsupportedFeatureError,
  ValidationError,
} from '../errors/index.js';
import { classifyPublishFailure, describePublishFailure } from './publish-failure.js';
import { resolveRetryPolicy, retryDelayMs } from './retry-policy.js';

describe('retryDelayMs', () => {
  it('doubles from baseDelayMs and caps at maxDelayMs', () => {
    const policy = resolveRetryPolicy({ baseDelayMs: 1_000, maxDelayMs: 5_000 });
    expect([1, 2, 3, 4, 10].map((attempt) => retryDelayMs(policy, attempt))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('waits for a rate limit reset when it is later than the backoff', () => {
    const policy = resolveRetryPolicy({ baseDelayMs: 1_000 });
    const now = Date.parse('2026-03-02T09:00:00.000Z');
    expect(retryDelayMs(policy, 1, new RateLimitError('slow', { retryAfterMs: 30_000 }), now)).toBe(30_000);
    expect(retryDelayMs(policy, 1, new RateLimitError('slow', { resetAt: '2026-03-02T09:02:00.000Z' }), now)).toBe(120_000);
    expect(retryDelayMs(policy, 3, new RateLimitError('slow', { retryAfterMs: 500 }), now)).toBe(4_000);
  });

  it('applies defaults and rejects a cap below the base', () => {
    expect(resolveRetryPolicy()).toEqual({ baseDelayMs: 5_000, maxDelayMs: 600_000, deadlineMs: 86_400_000 });
    expect(() => resolveRetryPolicy({ baseDelayMs: 2_000, maxDelayMs: 1_000 })).toThrow(ValidationError);
  });
});

describe('classifyPublishFailure', () => {
  it('sorts errors by what retrying can do', () => {
    expect(classifyPublishFailure(new RateLimitError('slow'))).toBe('transient');
    expect(classifyPublishFailure(new ApiCallError('x', { status: 503 }))).toBe('transient');
    expect(classifyPublishFailure(new ApiCallError('x', { status: 429 }))).toBe('transient');
    expect(classifyPublishFailure(new TimeoutError('x'))).toBe('transient');
    expect(classifyPublishFailure(new NetworkError('x', { phase: 'connect' }))).toBe('transient');
    expect(classifyPublishFailure(new NetworkError('x', { phase: 'unknown' }))).toBe('ambiguous');
    expect(classifyPublishFailure(new PublishOutcomeUnknownError('x'))).toBe('ambiguous');
    expect(classifyPublishFailure(new TypeError('adapter bug'))).toBe('ambiguous');
    expect(classifyPublishFailure(new ApiCallError('x', { status: 400 }))).toBe('permanent');
    expect(classifyPublishFailure(new AuthError('x'))).toBe('permanent');
    expect(classifyPublishFailure(new UnsupportedFeatureError('x', { feature: 'polls', platform: 'x' } as never))).toBe('permanent');
  });

  it('describes foreign errors without leaking what looks like a secret', () => {
    expect(describePublishFailure(new AuthError('revoked'))).toEqual({ code: 'auth_error', message: 'revoked' });
    const described = describePublishFailure(new Error('failed with Authorization: Bearer abcdef123456'));
    expect(described.code).toBe('unexpected_error');
    expect(described.message).not.toContain('abcdef123456');
  });
});
