import type { AdapterV1Capabilities } from './adapter-v1-capabilities.js';
import type { AdapterV1Connect } from './adapter-v1-connect.js';
import type { AdapterV1Context } from './adapter-v1-context.js';
import type { AdapterV1Credentials } from './adapter-v1-credentials.js';
import type { AdapterV1DirectMessageInput } from './adapter-v1-direct-message-input.js';
import type { AdapterV1DirectMessageOutput } from './adapter-v1-direct-message-output.js';
import type { AdapterV1FetchedPost } from './adapter-v1-fetched-post.js';
import type { AdapterV1FindPublishedInput } from './adapter-v1-find-published-input.js';
import type { AdapterV1HttpSettings } from './adapter-v1-http-settings.js';
import type { AdapterV1ListMentionsInput } from './adapter-v1-list-mentions-input.js';
import type { AdapterV1Mention } from './adapter-v1-mention.js';
import type { AdapterV1MentionActionInput } from './adapter-v1-mention-action.js';
import type { AdapterV1MetricSnapshot } from './adapter-v1-metric-snapshot.js';
import type { AdapterV1Page } from './adapter-v1-page.js';
import type { AdapterV1PendingPublish, AdapterV1PublishAnswer, AdapterV1PublishStatusInput } from './adapter-v1-pending-publish.js';
import type { AdapterV1PostRef } from './adapter-v1-post-ref.js';
import type { AdapterV1PublicAccount, AdapterV1PublicAccountInput } from './adapter-v1-public-account.js';
import type { AdapterV1PublishInput } from './adapter-v1-publish-input.js';
import type { AdapterV1PublishOutput } from './adapter-v1-publish-output.js';
import type { AdapterV1Schema } from './adapter-v1-schema.js';

/**
 * The adapter contract, version 1: what `@smm/core` needs from one network's adapter.
 *
 * Every type it uses lives in this folder, so a change to the model or the text toolkit cannot
 * change it. v1 grows only by optional additions (v1.1: pending publishes): a new member or
 * capability is optional and its absence means the old behaviour, so an adapter written for
 * v1.0 compiles and works unchanged and no author has to migrate. A breaking change would
 * get its own folder (v2) and an upgrader that wraps a v1 adapter. Build one with `defineAdapter` from
 * `@smm/core/adapter-kit`; apps never call the `do*` methods: `createClient` validates input,
 * checks capabilities, applies rate limits and retries, and parses every output with the
 * model's schemas.
 */
export interface AdapterV1<TOptions = unknown, TCredentials = unknown> {
  readonly specificationVersion: 'v1';
  /** The network id (`x`, `bluesky`, `my-network`): lowercase letters, digits and dashes. */
  readonly platform: string;
  /** A human name (`X`, `Bluesky`). */
  readonly displayName: string;
  readonly capabilities: AdapterV1Capabilities;
  readonly http: AdapterV1HttpSettings;
  readonly credentials: AdapterV1Credentials<TCredentials>;
  /** Validates this network's slice of `draft.networkOptions`. */
  readonly networkOptionsSchema?: AdapterV1Schema<TOptions>;

  /** Publishes; v1.1: an adapter declaring `capabilities.pendingPublish` may answer pending instead. */
  doPublish(input: AdapterV1PublishInput<TOptions>, context: AdapterV1Context): Promise<AdapterV1PublishAnswer>;
  /** Publishes a reply (`input.draft.replyTo` is set); without it, core calls `doPublish`. */
  doReply?(input: AdapterV1PublishInput<TOptions>, context: AdapterV1Context): Promise<AdapterV1PublishAnswer>;
  doDelete(input: { post: AdapterV1PostRef }, context: AdapterV1Context): Promise<void>;
  /** Returns `null` when the post does not exist (deleted, never published). */
  doGetPost(input: { post: AdapterV1PostRef }, context: AdapterV1Context): Promise<AdapterV1FetchedPost | null>;
  doListMentions(input: AdapterV1ListMentionsInput, context: AdapterV1Context): Promise<AdapterV1Page<AdapterV1Mention>>;
  /** Only metrics the network reported: a metric it does not report is absent, never 0. */
  doGetPostMetrics(input: { post: AdapterV1PostRef }, context: AdapterV1Context): Promise<AdapterV1MetricSnapshot>;
  doGetAccountMetrics(input: Record<string, never>, context: AdapterV1Context): Promise<AdapterV1MetricSnapshot>;
  /** Finds a post published with this idempotency key, or `null`. Required for the `lookup` strategy. */
  doFindPublished(input: AdapterV1FindPublishedInput, context: AdapterV1Context): Promise<AdapterV1PublishOutput | null>;
  /** v1.1: how accounts are connected (OAuth 2.0 with PKCE, or an app password); see docs/connecting-accounts.md. */
  readonly connect?: AdapterV1Connect<TCredentials>;
  /**
   * v1.1, required with `capabilities.pendingPublish`: one look at a pending publish. Returns the
   * post once live (finishing the publish if the network needs a last call, which must be safe
   * to repeat), a pending answer while not yet, or throws (an `ApiCallError` that is not
   * retryable when the network gave up on it).
   */
  doGetPublishStatus?(
    input: AdapterV1PublishStatusInput,
    context: AdapterV1Context,
  ): Promise<AdapterV1PublishOutput | AdapterV1PendingPublish>;
  doSendDirectMessage?(input: AdapterV1DirectMessageInput, context: AdapterV1Context): Promise<AdapterV1DirectMessageOutput>;
  /** v1.1, required with `capabilities.publicAccounts`: the public profile, metrics and recent posts of any account (competitors). */
  doGetPublicAccount?(input: AdapterV1PublicAccountInput, context: AdapterV1Context): Promise<AdapterV1PublicAccount>;
  /** v1.1, required with `capabilities.mentionActions`: runs one declared action on a mention (resolves once the network acted). */
  doMentionAction?(input: AdapterV1MentionActionInput, context: AdapterV1Context): Promise<void>;
}
