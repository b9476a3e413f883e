import { z } from 'zod';
import { adapterV1ContentRulesSchema } from './adapter-v1-content-rules.js';
import { adapterV1IdempotencySchema } from './adapter-v1-idempotency.js';
import { ADAPTER_V1_MENTION_ACTIONS } from './adapter-v1-mention-action.js';
import { adapterV1PendingPublishCapabilitySchema } from './adapter-v1-pending-publish.js';
import { ADAPTER_V1_MENTION_KINDS, ADAPTER_V1_METRICS, ADAPTER_V1_VISIBILITIES } from './adapter-v1-vocabulary.js';

const metric = z.enum(ADAPTER_V1_METRICS, {
  error: `must be a canonical metric name: ${ADAPTER_V1_METRICS.join(', ')}`,
});

/**
 * What a network can do, as data; core checks drafts and calls against it. The schema is the
 * source of truth: `defineAdapter` validates with it and the type is inferred from it.
 */
export const adapterV1CapabilitiesSchema = z.strictObject({
  /** Text rule, media limits and thread support. */
  content: adapterV1ContentRulesSchema,
  /** Visibilities the network can express; others are published as `public` with a warning. */
  visibilities: z
    .array(z.enum(ADAPTER_V1_VISIBILITIES, { error: `must be one of ${ADAPTER_V1_VISIBILITIES.join(', ')}` }))
    .min(1, { error: 'must list at least one visibility (usually "public")' })
    .readonly(),
  /** Whether a post can reply to another post (`draft.replyTo`). */
  replies: z.boolean(),
  /** Whether posts can be deleted through the API. */
  delete: z.boolean(),
  /** Whether posts can be edited through the API. */
  edit: z.boolean(),
  /** Whether a post can carry a poll. */
  polls: z.boolean(),
  /** Whether a first comment can be published with the post. */
  firstComment: z.boolean(),
  /** Whether the network schedules posts itself (`scheduledAt`). */
  nativeScheduling: z.boolean(),
  /** Whether direct messages can be sent (`doSendDirectMessage`). */
  directMessages: z.boolean(),
  /** Which kinds of mentions `doListMentions` returns. */
  mentionKinds: z.array(z.enum(ADAPTER_V1_MENTION_KINDS, { error: `must be one of ${ADAPTER_V1_MENTION_KINDS.join(', ')}` })).readonly(),
  /** Canonical metrics `doGetPostMetrics` can report (others are absent, never 0). */
  postMetrics: z.array(metric).readonly(),
  /** Canonical metrics `doGetAccountMetrics` can report. */
  accountMetrics: z.array(metric).readonly(),
  idempotency: adapterV1IdempotencySchema,
  /** v1.1: publishes may answer "pending" (see `doGetPublishStatus`); absent = every publish is final at once. */
  pendingPublish: adapterV1PendingPublishCapabilitySchema.optional(),
  /** v1.1: `doGetPublicAccount` reads public metrics of accounts you do not own; absent = it cannot. */
  publicAccounts: z.literal(true).optional(),
  /** v1.1: actions `doMentionAction` can run on a mention (like, hide, block, …); absent = none. */
  mentionActions: z
    .array(z.enum(ADAPTER_V1_MENTION_ACTIONS, { error: `must be one of ${ADAPTER_V1_MENTION_ACTIONS.join(', ')}` }))
    .readonly()
    .optional(),
});

/** Capabilities of spec v1 (inferred from {@link adapterV1CapabilitiesSchema}). */
export interface AdapterV1Capabilities extends z.infer<typeof adapterV1CapabilitiesSchema> {}
