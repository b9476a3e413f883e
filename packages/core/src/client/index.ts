/**
 * The client apps use to publish, read mentions and metrics across connected accounts through
 * adapters. Adapter authors use `@smm/core/adapter-kit`; the contract itself is
 * `@smm/core/adapter-spec`.
 *
 * @packageDocumentation
 */
export type { Adapter } from '../adapter-spec/index.js';
export { isAdapter } from './is-adapter.js';
export { noopLogger, type LogFields, type Logger } from './logger.js';
export { FetchedPostSchema, type FetchedPostRecord } from './fetched-post-schema.js';
export type { PublishExtras, PublishWarning, UnsupportedFeature } from './check-draft.js';
export {
  accountKey,
  createClient,
  type ActOnMentionOptions,
  type MentionAction,
  type MentionActionResult,
  type AccountRef,
  type AwaitPublishOptions,
  type CallOptions,
  type ClientEvents,
  type ClientHttpOptions,
  type CreateClientOptions,
  type ListMentionsOptions,
  type PendingWaitOptions,
  type PublishOptions,
  type PublishPendingResult,
  type PublishResult,
  type PublishSettledResult,
  type PublishStatus,
  type SentDirectMessage,
  type SmmClient,
  type DirectMessage,
  type FindPublishedQuery,
} from './create-client.js';
