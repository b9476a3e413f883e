/**
 * The adapter conformance suite: every adapter, shipped or third-party, runs it against its
 * network's simulator. These run the checks programmatically; `@smm/testkit/vitest`
 * registers them as vitest tests (`runAdapterConformance`).
 *
 * @packageDocumentation
 */
export {
  ConformanceError,
  conformanceChecks,
  runConformanceChecks,
  type ConformanceCheck,
  type ConformanceOptions,
  type ConformanceResult,
} from './conformance-checks.js';
export { canonicalJson, check, sameJson } from './stored-json-assertions.js';
export {
  collectCheckResults,
  describeError,
  withStoreHandles,
  type StoreHandles,
  type StoreSuiteCheck,
  type StoreSuiteOptions,
} from './store-check-runner.js';
