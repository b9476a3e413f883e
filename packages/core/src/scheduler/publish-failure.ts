import {
  ApiCallError,
  NetworkError,
  PublishOutcomeUnknownError,
  RateLimitError,
  SmmError,
  TimeoutError,
  redactText,
} from '../errors/index.js';

/**
 * What a failed publish means for the entry:
 * - `transient`: the network answered "not now" or was never reached (rate limit, 5xx,
 *   408, a refused connection, a timeout the HTTP client proved harmless) — retry with backoff;
 * - `ambiguous`: the request may have created the post (`PublishOutcomeUnknownError`, a
 *   `NetworkError` in phase `unknown`, or an error smm does not know) — look it up first;
 * - `permanent`: retrying cannot help (validation, auth, unsupported feature, other 4xx).
 *
 * @example
 * ```ts
 * classifyPublishFailure(new RateLimitError('slow down')); // 'transient'
 * ```
 */
export type PublishFailureKind = 'transient' | 'ambiguous' | 'permanent';

/**
 * Sorts a publish error into {@link PublishFailureKind}.
 *
 * @example
 * ```ts
 * classifyPublishFailure(new ApiCallError('bad', { status: 503 })); // 'transient'
 * classifyPublishFailure(new ApiCallError('bad', { status: 400 })); // 'permanent'
 * ```
 */
export function classifyPublishFailure(error: unknown): PublishFailureKind {
  if (PublishOutcomeUnknownError.isInstance(error)) return 'ambiguous';
  // A connection lost after sending: the network may have acted.
  if (NetworkError.isInstance(error) && error.phase === 'unknown') return 'ambiguous';
  if (RateLimitError.isInstance(error) || NetworkError.isInstance(error) || TimeoutError.isInstance(error)) return 'transient';
  if (ApiCallError.isInstance(error)) return error.isRetryable ? 'transient' : 'permanent';
  if (SmmError.isInstance(error)) return 'permanent';
  // Not ours (an adapter bug, an abort): it may have happened after the request left.
  return 'ambiguous';
}

/** Why a publish failed, as an entry records it (`error` of its history record): the error's code and its secret-free message. */
export interface PublishFailure {
  code: string;
  message: string;
}

/**
 * The `{ code, message }` an entry records for an error: the SmmError's code and message
 * (already secret-free), or `unexpected_error` and the redacted message of anything else.
 *
 * @example
 * ```ts
 * describePublishFailure(new AuthError('token revoked')); // { code: 'auth_error', message: 'token revoked' }
 * ```
 */
export function describePublishFailure(error: unknown): PublishFailure {
  if (SmmError.isInstance(error)) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'unexpected_error', message: redactText(message) };
}
