import { SmmError, type SmmErrorOptions } from './smm-error.js';

const MARKER = 'smm.error.AuthError';

/** Options for {@link AuthError}. */
export interface AuthErrorOptions extends SmmErrorOptions {
  /** Whether refreshing the credentials may fix it (an expired token) or not (revoked, wrong scope). */
  refreshable?: boolean;
  /** The network that refused the credentials. */
  platform?: string;
  /** The HTTP status, when the refusal came from a response. */
  status?: number;
}

/**
 * The network refused the credentials. `refreshable` says whether a refresh might help;
 * when it is `false`, the account must be reconnected by a person.
 *
 * @example
 * ```ts
 * if (AuthError.isInstance(error) && !error.refreshable) askUserToReconnect(error.platform);
 * ```
 */
export class AuthError extends SmmError {
  readonly refreshable: boolean;
  readonly platform: string | undefined;
  readonly status: number | undefined;

  constructor(message: string, options: AuthErrorOptions = {}) {
    super('auth_error', message, options);
    SmmError.brand(this, MARKER);
    this.name = 'AuthError';
    this.refreshable = options.refreshable ?? false;
    this.platform = options.platform;
    this.status = options.status;
  }

  static override isInstance(error: unknown): error is AuthError {
    return SmmError.hasMarker(error, MARKER);
  }

  protected override jsonFields(): Record<string, unknown> {
    return { refreshable: this.refreshable, platform: this.platform, status: this.status };
  }
}
