import { ConformanceError } from './conformance-checks.js';

/**
 * Throws a {@link ConformanceError} with `message` unless `condition` holds. Shared by the store
 * suites (schedule store, inbox store) so every suite reports failures the same way.
 *
 * @example
 * ```ts
 * check(entries.length === 2, `expected 2 entries, got ${entries.length}`);
 * ```
 */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceError(message);
}

/**
 * Stable JSON: keys sorted, `undefined` dropped — what a JSON column or a Redis hash gives back,
 * so a value read from a store compares equal to what was written whatever the key order.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: undefined, c: [2] }); // '{"b":1,"c":[2]}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/**
 * Throws a {@link ConformanceError} showing where `actual` first differs from `expected`, compared
 * as {@link canonicalJson}.
 *
 * @example
 * ```ts
 * sameJson(await store.get(id), written, 'get(id)');
 * ```
 */
export function sameJson(actual: unknown, expected: unknown, what: string): void {
  const a = canonicalJson(actual);
  const e = canonicalJson(expected);
  if (a === e) return;
  let i = 0;
  while (i < a.length && a[i] === e[i]) i += 1;
  throw new ConformanceError(
    `${what}: differs from what was written at character ${i}:\n  expected …${e.slice(Math.max(0, i - 40), i + 80)}\n  received …${a.slice(Math.max(0, i - 40), i + 80)}`,
  );
}
