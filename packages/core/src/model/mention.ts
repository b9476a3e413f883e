import { ADAPTER_V1_MENTION_KINDS } from '../adapter-spec/index.js';
import { z } from 'zod';
import { HttpUrlSchema, InstantSchema, NetworkIdSchema } from './primitives.js';
import { PostRefSchema } from './post-ref.js';

/** Kinds of things addressed to an account. */
export const MENTION_KINDS = ADAPTER_V1_MENTION_KINDS;
/** A kind of mention. */
export type MentionKind = (typeof MENTION_KINDS)[number];

/** The author of a mention. */
export const MentionAuthorSchema = z.object({
  id: z.string().min(1),
  handle: z.string().min(1),
  displayName: z.string().optional(),
  /** Follower count, when the network reports it. Absent when unknown (never 0 for unknown). */
  followers: z.number().int().nonnegative().optional(),
  url: HttpUrlSchema.optional(),
});

/** The author of a mention (inferred from {@link MentionAuthorSchema}). */
export interface MentionAuthor extends z.infer<typeof MentionAuthorSchema> {}

/** Anything addressed to the brand: a mention, reply, comment, quote, direct message or review. */
export const MentionSchema = z.object({
  /** The network's id for this item. */
  id: z.string().min(1),
  platform: NetworkIdSchema,
  /** The account whose inbox it arrived in. */
  accountId: z.string().min(1),
  kind: z.enum(MENTION_KINDS, { error: `must be one of ${MENTION_KINDS.join(', ')}` }),
  author: MentionAuthorSchema,
  text: z.string(),
  /** BCP 47 language tag, when the network reports one. */
  language: z.string().optional(),
  createdAt: InstantSchema,
  url: HttpUrlSchema.optional(),
  /** Groups the items of one conversation. */
  conversationId: z.string().optional(),
  /** The id of the item this one answers. */
  inReplyToId: z.string().optional(),
  /** The account's post this is about, if any. */
  subject: PostRefSchema.optional(),
});

/** Anything addressed to the brand. */
export interface Mention extends z.infer<typeof MentionSchema> {}
