/**
 * The inbox store conformance suite: every `InboxStore` (memory, SQLite, Redis, yours) runs
 * it, so two agents on two machines see one inbox. These run the checks programmatically;
 * call them from any test runner (see `inbox-conformance.test.ts` for vitest).
 *
 * @packageDocumentation
 */
export {
  inboxConformanceChecks,
  runInboxConformanceChecks,
  type InboxConformanceCheck,
  type InboxConformanceOptions,
} from './inbox-conformance-checks.js';
export { INBOX_T0, inboxConversation, richInboxConversation } from './inbox-conversation-fixtures.js';
export { sharedInboxChecks, type SharedInboxCheckOptions } from './shared-inbox-checks.js';
