import { describe, it } from 'vitest';
import { storeConformanceChecks, type StoreConformanceOptions } from '../store-conformance/index.js';

/**
 * Registers the store conformance suite as vitest tests: one `describe` named after the
 * store, one `it` per check, each against a fresh store from `createStore` (closed with
 * `destroyStore`). Call it at the top level of a test file.
 *
 * @example
 * ```ts
 * // packages/store-sqlite/src/conformance.test.ts
 * import { runStoreConformance } from '@smm/testkit/vitest';
 * import { createSqliteStore } from './index.js';
 *
 * runStoreConformance({
 *   name: '@smm/store-sqlite',
 *   createStore: () => createSqliteStore({ path: ':memory:' }),
 *   destroyStore: (store) => store.close(),
 * });
 * ```
 */
export function runStoreConformance(options: StoreConformanceOptions & { timeoutMs?: number }): void {
  describe(`store conformance: ${options.name}`, () => {
    for (const entry of storeConformanceChecks(options)) {
      it(entry.name, () => entry.run(), options.timeoutMs ?? 30_000);
    }
  });
}
