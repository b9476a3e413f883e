import { SmmError, type SmmErrorOptions } from './smm-error.js';

const MARKER = 'smm.error.UnsupportedFeatureError';

/** Options for {@link UnsupportedFeatureError}. */
export interface UnsupportedFeatureErrorOptions extends SmmErrorOptions {
  /** The feature asked for: `threads`, `polls`, `delete`, `media.video`, … */
  feature: string;
  /** The network that lacks it. */
  platform: string;
}

/**
 * The network cannot do what was asked (a thread on Pinterest, deleting on TikTok). Soft gaps,
 * such as an option a network ignores, come back as warnings instead.
 *
 * @example
 * ```ts
 * if (UnsupportedFeatureError.isInstance(error)) console.log(`${error.platform} has no ${error.feature}`);
 * ```
 */
export class UnsupportedFeatureError extends SmmError {
  readonly feature: string;
  readonly platform: string;

  constructor(message: string, options: UnsupportedFeatureErrorOptions) {
    super('unsupported_feature', message, options);
    SmmError.brand(this, MARKER);
    this.name = 'UnsupportedFeatureError';
    this.feature = options.feature;
    this.platform = options.platform;
  }

  static override isInstance(error: unknown): error is UnsupportedFeatureError {
    return SmmError.hasMarker(error, MARKER);
  }

  protected override jsonFields(): Record<string, unknown> {
    return { feature: this.feature, platform: this.platform };
  }
}
