import { SmmError } from './smm-error.js';
import { redactedRequestOf, type RequestErrorOptions } from './request-error.js';
import { redact, type RedactedRequest } from './redact.js';

const MARKER = 'smm.error.ApiCallError';

/** Options for {@link ApiCallError}. */
export interface ApiCallErrorOptions extends RequestErrorOptions {
  /** The HTTP status of the response. */
  status: number;
  /** The network's own error code (X `88`, Graph `190`, LinkedIn `ILLEGAL_ARGUMENT`, …). */
  platformCode?: string | number;
  /** The network's request id (for its support), when it sends one. */
  requestId?: string;
  /** The parsed (or raw, truncated) response body. Redacted before it is kept. */
  body?: unknown;
  /** Whether trying the same call again may succeed. Defaults by status (408, 429, 5xx). */
  isRetryable?: boolean;
}

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const MAX_BODY_TEXT = 2_000;

/**
 * The network answered with an error. `status` and `platformCode` say which; `isRetryable`
 * says whether trying again may help.
 *
 * @example
 * ```ts
 * if (ApiCallError.isInstance(error) && error.status === 404) console.log('post already gone');
 * ```
 */
export class ApiCallError extends SmmError {
  readonly status: number;
  readonly platformCode: string | number | undefined;
  readonly requestId: string | undefined;
  readonly body: unknown;
  readonly isRetryable: boolean;
  readonly platform: string | undefined;
  readonly request: RedactedRequest | undefined;

  constructor(message: string, options: ApiCallErrorOptions) {
    super('api_call_error', message, options);
    SmmError.brand(this, MARKER);
    this.name = 'ApiCallError';
    this.status = options.status;
    this.platformCode = options.platformCode;
    this.requestId = options.requestId;
    const body =
      typeof options.body === 'string' && options.body.length > MAX_BODY_TEXT ? `${options.body.slice(0, MAX_BODY_TEXT)}…` : options.body;
    this.body = redact(body, { secrets: options.secrets ?? [] });
    this.isRetryable = options.isRetryable ?? RETRYABLE_STATUSES.has(options.status);
    this.platform = options.platform;
    this.request = redactedRequestOf(options);
  }

  static override isInstance(error: unknown): error is ApiCallError {
    return SmmError.hasMarker(error, MARKER);
  }

  protected override jsonFields(): Record<string, unknown> {
    return {
      status: this.status,
      platformCode: this.platformCode,
      requestId: this.requestId,
      isRetryable: this.isRetryable,
      platform: this.platform,
      request: this.request,
      body: this.body,
    };
  }
}
