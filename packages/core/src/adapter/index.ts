/**
 * The adapter specification (v1) and the client that drives adapters. Adapter authors use
 * `defineAdapter` and the `*Input`/`*Output` types; apps use `createClient`.
 * See docs/writing-an-adapter.md.
 *
 * @packageDocumentation
 */
export type {
  Adapter,
  AdapterCapabilities,
  AdapterContext,
  AdapterCredentials,
  AdapterDefinition,
  AdapterHttpSettings,
  AdapterV1,
  CredentialsFactoryInput,
  DirectMessageInput,
  DirectMessageOutput,
  FetchedPost,
  FindPublishedInput,
  IdempotencyStrategy,
  ListMentionsInput,
  MetricSnapshotOutput,
  PollInput,
  PostRefOutput,
  PublishInput,
  PublishOutput,
} from './spec-v1.js';
export { defineAdapter, isAdapter } from './define-adapter.js';
export { noopLogger, type LogFields, type Logger } from './logger.js';
export { FetchedPostSchema, type FetchedPostRecord } from './fetched-post.js';
export type { PublishExtras, PublishWarning, UnsupportedFeature } from './check-draft.js';
export {
  accountKey,
  createClient,
  type AccountRef,
  type CallOptions,
  type ClientHttpOptions,
  type CreateClientOptions,
  type ListMentionsOptions,
  type PublishOptions,
  type PublishResult,
  type PublishSettledResult,
  type SmmClient,
} from './create-client.js';
export { parseApiResponse } from './parse-api-response.js';
