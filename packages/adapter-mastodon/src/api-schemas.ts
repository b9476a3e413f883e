import { z } from 'zod';

// The parts of Mastodon's entities the adapter reads (docs.joinmastodon.org/entities/…);
// everything else in a body is ignored, so newer servers with more fields keep working.

/** `Account` (the author of a mention, or the own account). @internal */
export const AccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  acct: z.string(),
  display_name: z.string().optional(),
  url: z.string().nullable().optional(),
  followers_count: z.number().int().nonnegative().optional(),
  following_count: z.number().int().nonnegative().optional(),
  statuses_count: z.number().int().nonnegative().optional(),
});

/** `Status`. @internal */
export const StatusSchema = z.object({
  id: z.string(),
  created_at: z.string(),
  content: z.string(),
  url: z.string().nullable().optional(),
  uri: z.string().optional(),
  visibility: z.string().optional(),
  language: z.string().nullable().optional(),
  spoiler_text: z.string().optional(),
  in_reply_to_id: z.string().nullable().optional(),
  in_reply_to_account_id: z.string().nullable().optional(),
  media_attachments: z.array(z.object({ id: z.string() })).default([]),
  replies_count: z.number().int().nonnegative().optional(),
  reblogs_count: z.number().int().nonnegative().optional(),
  favourites_count: z.number().int().nonnegative().optional(),
  /** Mastodon 4.5+ only. */
  quotes_count: z.number().int().nonnegative().optional(),
  account: AccountSchema.optional(),
  /**
   * The status this one quotes (4.4+): a Quote (`quoted_status`) or a ShallowQuote
   * (`quoted_status_id`), https://docs.joinmastodon.org/entities/Quote/.
   */
  quote: z
    .object({
      state: z.string(),
      quoted_status: z.object({ id: z.string() }).nullable().optional(),
      quoted_status_id: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
});

/** A `Status` as read. @internal */
export interface MastodonStatus extends z.infer<typeof StatusSchema> {}

/** `ScheduledStatus`: what `POST /api/v1/statuses` returns when `scheduled_at` is set. @internal */
export const ScheduledStatusSchema = z.object({
  id: z.string(),
  scheduled_at: z.string(),
  params: z.object({ text: z.string().nullable().optional(), idempotency: z.string().nullable().optional() }).loose(),
});

/** The answer to `POST /api/v1/statuses`: a Status, or a ScheduledStatus when scheduled. @internal */
export const CreatedStatusSchema = z.union([StatusSchema, ScheduledStatusSchema]);

/** `MediaAttachment`: `url` is null while the server still processes it. @internal */
export const MediaAttachmentSchema = z.object({ id: z.string(), url: z.string().nullable() });

/** `Notification` (v1). @internal */
export const NotificationSchema = z.object({
  id: z.string(),
  type: z.string(),
  created_at: z.string(),
  account: AccountSchema,
  status: StatusSchema.nullable().optional(),
});

/** A `Notification` as read. @internal */
export interface MastodonNotification extends z.infer<typeof NotificationSchema> {}
