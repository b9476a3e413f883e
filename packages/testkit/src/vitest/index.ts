/**
 * The adapter and store conformance suites as vitest tests. The only entry of `@smm/testkit` that loads
 * vitest (ESM-only, like vitest itself).
 *
 * @packageDocumentation
 */
export { runAdapterConformance } from './run-adapter-conformance.js';
export { runStoreConformance } from './run-store-conformance.js';
