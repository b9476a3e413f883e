/**
 * Listening: one stream of every mention, comment and message from every account
 * ({@link listen}, with durable checkpoints and deduplication), rules with a boolean query
 * language that folds case, diacritics and Arabic/Persian letter variants
 * ({@link compileRules}), pluggable classification ({@link Classifier}, with built-in
 * English, Arabic, Persian and Romanian lexicons), a unified inbox ({@link createInbox} in memory; {@link createSharedInbox} over a store, shared by many instances) and spike/drop alerts
 * ({@link createAlertMonitor}). Guide: docs/listening.md.
 *
 * @packageDocumentation
 */
export type { MentionSource, ReplySender } from './sources.js';
export { replySenderFromClient, type ReplyingClient } from './reply-sender-from-client.js';
export { listen, checkpointKey, type ListenOptions, type ListenEvents, type MentionStream } from './listen.js';
export {
  createMemoryCheckpointStore,
  type CheckpointStore,
  type DeliveredKey,
  type ListenCheckpoint,
  type MemoryCheckpointStore,
} from './checkpoint-store.js';
export { mentionContentKey, mentionIdKey } from './mention-keys.js';
export { normalizeForMatching, type FoldForm } from './normalize.js';
export { parseQuery, matchesQuery, explainQuery, type QueryNode, type QueryField } from './query.js';
export type { MatchInput } from './query-matcher.js';
export { compileRules, type ListeningRule, type RuleSet, type TaggedMention } from './rules.js';
export { guessLanguage } from './language.js';
export type { Classification, Classifier, ClassifierInput, Intent, Sentiment } from './classifier.js';
export {
  createLexiconClassifier,
  BUILT_IN_LEXICONS,
  LexiconClassifierOptionsSchema,
  type LexiconClassifierOptions,
} from './lexicon-classifier.js';
export type { Lexicon } from './lexicon.js';
export { classifyMentions, ClassifyMentionsOptionsSchema, type ClassifyMentionsOptions } from './classify-mentions.js';
export {
  createInbox,
  type Conversation,
  type ConversationMessage,
  type Inbox,
  type InboxItem,
  type InboxOptions,
  type IngestResult,
  type InternalNote,
  type ReplyContent,
  type ReplyOptions,
  type ResponsePair,
  type StateChange,
} from './inbox.js';
export {
  createSharedInbox,
  type SharedInbox,
  type SharedInboxOptions,
  type SharedIngestResult,
  type InboxSearch,
  type BulkAction,
  type BulkResult,
} from './shared-inbox.js';
export type { ConversationAction } from './conversation-ops.js';
export { compileRouting, type RoutingRule, type Route } from './inbox-routing.js';
export { businessDueAt, type SlaPolicy, type SlaStatus } from './inbox-sla.js';
export {
  actOnConversationItem,
  type ActOnItemOptions,
  type ActableConversation,
  type InboxMentionAction,
  type MentionActionRecord,
  type MentionActor,
} from './mention-actions.js';
export {
  createMemoryInboxStore,
  compareIdentities,
  type CustomerIdentity,
  updateConversation,
  matchesInboxFilter,
  compareConversations,
  InboxConflictError,
  type InboxStore,
  type InboxStoreFilter,
  type StoredConversation,
  type InboxConflictErrorOptions,
} from './inbox-store.js';
export { CONVERSATION_STATES, InboxStateError, type ConversationState, type InboxStateErrorOptions } from './inbox-state-error.js';
export { ReplyInProgressError, type ReplyInProgressErrorOptions } from './reply-in-progress-error.js';
export { placeholdersOf, renderSavedReply } from './saved-reply.js';
export {
  createAlertMonitor,
  AlertMonitorOptionsSchema,
  type AlertEvents,
  type AlertItem,
  type AlertMonitor,
  type AlertMonitorOptions,
  type ListeningAlert,
} from './alerts.js';
export type { EventSource } from '../events/index.js';
