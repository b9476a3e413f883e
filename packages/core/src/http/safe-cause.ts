import { SmmError, redactText, type RedactOptions } from '../errors/index.js';

/** A stand-in for a foreign error: its name, code and redacted message and stack, nothing else. */
class RedactedCause extends Error {
  code?: string | number;
}

/**
 * Copies a foreign error (ky's `TimeoutError` holding the raw `Request`, undici's errors, a
 * credentials provider's failure) into one that keeps only its name, code, redacted message
 * and stack, and a cause chain made the same way. The raw URL, headers and request object
 * never become reachable from an smm error, whatever walks it (`util.inspect`, loggers).
 * smm errors are kept as they are (they redact themselves).
 * @internal
 */
export function safeCause(error: unknown, options: RedactOptions, depth = 0): unknown {
  if (error === undefined || SmmError.isInstance(error)) return error;
  if (!(error instanceof Error)) return typeof error === 'string' ? redactText(error, options) : '[non-error cause]';
  const copy = new RedactedCause(redactText(error.message, options));
  Object.defineProperty(copy, 'name', { value: error.name, enumerable: false, writable: true, configurable: true });
  copy.stack = redactText(error.stack ?? `${error.name}: ${error.message}`, options);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') copy.code = code;
  if (error.cause !== undefined && depth < 8) copy.cause = safeCause(error.cause, options, depth + 1);
  return copy;
}
