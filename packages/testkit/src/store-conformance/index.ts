/**
 * The store conformance suite: every `ScheduleStore` (memory, `@smm/store-sqlite`,
 * `@smm/queue-bullmq`, yours) runs it. These run the checks programmatically;
 * `@smm/testkit/vitest` registers them as vitest tests (`runStoreConformance`).
 *
 * @packageDocumentation
 */
export {
  runStoreConformanceChecks,
  storeConformanceChecks,
  type StoreConformanceCheck,
  type StoreConformanceOptions,
} from './store-conformance-checks.js';
export { storeEntry } from './store-entry-fixtures.js';
