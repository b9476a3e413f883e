import type { Adapter } from '../adapter-spec/index.js';

/** Specification versions this core can drive. */
const SUPPORTED_VERSIONS: readonly string[] = ['v1'];

/**
 * Whether `value` is an adapter this core can use (any supported specification version).
 *
 * @example
 * ```ts
 * if (!isAdapter(plugin)) throw new Error('not an smm adapter');
 * ```
 */
export function isAdapter(value: unknown): value is Adapter {
  return (
    typeof value === 'object' &&
    value !== null &&
    SUPPORTED_VERSIONS.includes((value as { specificationVersion?: unknown }).specificationVersion as string) &&
    typeof (value as { platform?: unknown }).platform === 'string'
  );
}
