import { SmmError } from './smm-error.js';
import { redactedRequestOf, type RequestErrorOptions } from './request-error.js';
import type { RedactedRequest } from './redact.js';

const MARKER = 'smm.error.NetworkError';

/** Options for {@link NetworkError}. */
export interface NetworkErrorOptions extends RequestErrorOptions {
  /**
   * How far the request got: `connect` means it never reached the network (connection
   * refused, DNS failure), so the platform cannot have acted on it; `unknown` means it may have.
   */
  phase?: 'connect' | 'unknown';
}

/**
 * The request did not get a response: connection refused or reset, DNS failure, TLS error.
 *
 * @example
 * ```ts
 * if (NetworkError.isInstance(error) && error.phase === 'connect') console.log('safe to retry');
 * ```
 */
export class NetworkError extends SmmError {
  readonly phase: 'connect' | 'unknown';
  readonly platform: string | undefined;
  readonly request: RedactedRequest | undefined;

  constructor(message: string, options: NetworkErrorOptions = {}) {
    super('network_error', message, options);
    SmmError.brand(this, MARKER);
    this.name = 'NetworkError';
    this.phase = options.phase ?? 'unknown';
    this.platform = options.platform;
    this.request = redactedRequestOf(options);
  }

  static override isInstance(error: unknown): error is NetworkError {
    return SmmError.hasMarker(error, MARKER);
  }

  protected override jsonFields(): Record<string, unknown> {
    return { phase: this.phase, platform: this.platform, request: this.request };
  }
}
