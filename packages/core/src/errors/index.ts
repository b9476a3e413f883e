/**
 * The smm error family. Every error smm throws is an {@link SmmError}; check with the
 * static `isInstance` of each class, which works across duplicate installs.
 *
 * @packageDocumentation
 */
export { SmmError, type SmmErrorJSON, type SmmErrorOptions } from './smm-error.js';
export { ValidationError, formatIssuePath, type ValidationIssue } from './validation-error.js';
export { suggestKey, unknownKeyMessage } from './did-you-mean.js';
export { AuthError, type AuthErrorOptions } from './auth-error.js';
export { RateLimitError, type RateLimitErrorOptions } from './rate-limit-error.js';
export { ApiCallError, type ApiCallErrorOptions } from './api-call-error.js';
export { NetworkError, type NetworkErrorOptions } from './network-error.js';
export { TimeoutError, type TimeoutErrorOptions } from './timeout-error.js';
export { UnsupportedFeatureError, type UnsupportedFeatureErrorOptions } from './unsupported-feature-error.js';
export { PublishOutcomeUnknownError, type PublishOutcomeUnknownErrorOptions } from './publish-outcome-unknown-error.js';
export {
  PublishPendingTimeoutError,
  type PendingPublishLike,
  type PublishPendingTimeoutErrorOptions,
} from './publish-pending-timeout-error.js';
export type { RequestLike, RequestErrorOptions } from './request-error.js';
export {
  REDACTED,
  describeRequest,
  isSecretName,
  redact,
  redactHeaders,
  redactText,
  redactUrl,
  type HeadersLike,
  type RedactOptions,
  type RedactedRequest,
} from './redact.js';
