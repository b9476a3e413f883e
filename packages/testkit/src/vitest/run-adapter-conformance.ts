import { describe, it } from 'vitest';
import type { NetworkSimulator } from '../simulator/index.js';
import { conformanceChecks, type ConformanceOptions } from '../conformance/index.js';

/**
 * Registers the adapter conformance suite as vitest tests: one `describe` named after the
 * adapter, one `it` per check, skipped (with the reason) where the adapter's capabilities say
 * the check does not apply. Call it at the top level of a test file. Lives in
 * `@smm/testkit/vitest`, the only entry that loads vitest (which is ESM-only), so the
 * simulators stay usable from scripts and CommonJS.
 *
 * @example
 * ```ts
 * // packages/adapter-mastodon/src/conformance.test.ts
 * import { createMastodonSimulator } from '@smm/testkit/mastodon';
 * import { runAdapterConformance } from '@smm/testkit/vitest';
 * import { createMastodonAdapter } from './index.js';
 *
 * runAdapterConformance({
 *   name: '@smm/adapter-mastodon',
 *   simulator: (clock) => createMastodonSimulator({ clock, seed: 1 }),
 *   createAdapter: (sim) => createMastodonAdapter({ baseUrl: sim.baseUrl }),
 * });
 * ```
 */
export function runAdapterConformance<TSim extends NetworkSimulator>(options: ConformanceOptions<TSim> & { timeoutMs?: number }): void {
  const checks = conformanceChecks(options);
  describe(`adapter conformance: ${options.name}`, () => {
    for (const entry of checks) {
      const name = entry.skip ? `${entry.name} (skipped: ${entry.skip})` : entry.name;
      it.skipIf(Boolean(entry.skip))(name, () => entry.run(), options.timeoutMs ?? 20_000);
    }
  });
}
