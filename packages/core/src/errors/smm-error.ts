import { redact, redactText, type RedactOptions } from './redact.js';

const MARKER = 'smm.error';

// Kept outside the error object, so nothing that walks an error (util.inspect with
// showHidden, a logger copying every own property) can reach the secret values.
const secretsOf = new WeakMap<SmmError, readonly string[]>();

/** The JSON form of every smm error: no stack, no secrets. */
export interface SmmErrorJSON {
  name: string;
  code: string;
  message: string;
  cause?: unknown;
  [field: string]: unknown;
}

/** Options every smm error accepts. */
export interface SmmErrorOptions {
  /** The error this one wraps (kept on `cause`, redacted in `toJSON`). */
  cause?: unknown;
  /** Secret values to scrub from the message and the JSON form (tokens the caller holds). */
  secrets?: readonly string[];
}

/**
 * The root of every error smm throws. Check with `SmmError.isInstance(error)` rather than
 * `instanceof`: the check uses a `Symbol.for` marker, so it holds when an app ends up with
 * two copies of `@smm/core` (a CJS and an ESM one, or two versions).
 *
 * @example
 * ```ts
 * try {
 *   parsePostDraft({ text: 42 });
 * } catch (error) {
 *   if (SmmError.isInstance(error)) console.error(error.code, error.message);
 * }
 * ```
 */
export class SmmError extends Error {
  /** A stable, machine-readable code such as `validation_error`; see docs/errors.md. */
  readonly code: string;
  /** Secret values scrubbed from everything this error shows; kept off the object itself. */
  protected get secrets(): readonly string[] {
    return secretsOf.get(this) ?? [];
  }

  constructor(code: string, message: string, options: SmmErrorOptions = {}) {
    const secrets = options.secrets ?? [];
    super(redactText(message, { secrets }), options.cause === undefined ? undefined : { cause: options.cause });
    secretsOf.set(this, secrets);
    this.name = 'SmmError';
    this.code = code;
    SmmError.brand(this, MARKER);
  }

  /**
   * Brands `error` with `Symbol.for(marker)` (non-enumerable). Every class of the family calls
   * this once in its constructor with its own marker, so `isInstance` holds across copies of
   * the package (a CJS and an ESM one, or two versions), where `instanceof` does not.
   */
  protected static brand(error: SmmError, marker: string): void {
    Object.defineProperty(error, Symbol.for(marker), { value: true, enumerable: false });
  }

  /** Whether `error` carries the `Symbol.for(marker)` brand set by {@link SmmError.brand}. */
  protected static hasMarker(error: unknown, marker: string): boolean {
    return error != null && typeof error === 'object' && (error as Record<symbol, unknown>)[Symbol.for(marker)] === true;
  }

  /**
   * Whether `error` is any smm error, even one thrown by another copy of the package.
   *
   * @example
   * ```ts
   * SmmError.isInstance(new ValidationError('bad', [])); // true
   * SmmError.isInstance(new Error('x'));                 // false
   * ```
   */
  static isInstance(error: unknown): error is SmmError {
    return SmmError.hasMarker(error, MARKER);
  }

  /** Fields a subclass adds to its JSON form (redacted by `toJSON`). */
  protected jsonFields(): Record<string, unknown> {
    return {};
  }

  /**
   * A JSON-safe description with every secret removed: safe to log or send to a client.
   *
   * @example
   * ```ts
   * JSON.stringify(new NetworkError('socket hang up'));
   * // '{"name":"NetworkError","code":"network_error","message":"socket hang up"}'
   * ```
   */
  toJSON(): SmmErrorJSON {
    const options: RedactOptions = { secrets: this.secrets };
    const json: SmmErrorJSON = {
      name: this.name,
      code: this.code,
      message: this.message,
      ...redact(this.jsonFields(), options),
    };
    if (this.cause !== undefined) json.cause = serializeCause(this.cause, options);
    return json;
  }
}

function serializeCause(cause: unknown, options: RedactOptions): unknown {
  if (SmmError.isInstance(cause)) return cause.toJSON();
  if (cause instanceof Error) {
    const out: Record<string, unknown> = { name: cause.name, message: redactText(cause.message, options) };
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number') out.code = code;
    if (cause.cause !== undefined) out.cause = serializeCause(cause.cause, options);
    return out;
  }
  return redact(cause, options);
}
