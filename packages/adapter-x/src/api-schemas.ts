import { z } from 'zod';

// The parts of X API v2 bodies the adapter reads; other fields are ignored.

const counts = z.record(z.string(), z.number());

/** A post (`tweet`) object with the fields the adapter asks for. @internal */
export const XTweetSchema = z.object({
  id: z.string(),
  text: z.string(),
  created_at: z.string().optional(),
  author_id: z.string().optional(),
  conversation_id: z.string().optional(),
  in_reply_to_user_id: z.string().optional(),
  lang: z.string().optional(),
  // X's OpenAPI names the field (and its expansion) `referenced_posts`.
  referenced_posts: z.array(z.object({ type: z.string(), id: z.string() })).optional(),
  attachments: z.object({ media_keys: z.array(z.string()).optional() }).optional(),
  public_metrics: counts.optional(),
  non_public_metrics: counts.optional(),
  organic_metrics: counts.optional(),
});
/** A post object. @internal */
export interface XTweet extends z.infer<typeof XTweetSchema> {}

/** A partial error X puts beside `data` (a post not found, a field not authorized). @internal */
export const XPartialErrorSchema = z
  .object({ title: z.string().optional(), detail: z.string().optional(), type: z.string().optional(), parameter: z.string().optional() })
  .loose();

/** `GET /2/tweets/:id`: the post, or partial errors. @internal */
export const XTweetLookupSchema = z.object({ data: XTweetSchema.optional(), errors: z.array(XPartialErrorSchema).optional() });

/** `POST /2/tweets`. @internal */
export const XCreateTweetSchema = z.object({ data: z.object({ id: z.string(), text: z.string().optional() }) });

/** `DELETE /2/tweets/:id`. @internal */
export const XDeleteTweetSchema = z.object({ data: z.object({ deleted: z.boolean() }) });

/** A user object. @internal */
export const XUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string().optional(),
  public_metrics: counts.optional(),
});

/** `GET /2/users/:id`. @internal */
export const XUserLookupSchema = z.object({ data: XUserSchema.optional(), errors: z.array(XPartialErrorSchema).optional() });

/** A page of posts (mentions, timeline), with expansions. @internal */
export const XTweetPageSchema = z.object({
  data: z.array(XTweetSchema).optional(),
  includes: z.object({ users: z.array(XUserSchema).optional() }).optional(),
  meta: z.object({ result_count: z.number().optional(), next_token: z.string().optional() }).optional(),
});

/** `processing_info` of an uploaded video or GIF. @internal */
export const XProcessingInfoSchema = z.object({
  state: z.enum(['pending', 'in_progress', 'succeeded', 'failed']),
  check_after_secs: z.number().nonnegative().optional(),
  progress_percent: z.number().optional(),
  error: z.object({ code: z.number().optional(), name: z.string().optional(), message: z.string().optional() }).optional(),
});

/** `processing_info`. @internal */
export interface XProcessingInfo extends z.infer<typeof XProcessingInfoSchema> {}

/** `POST /2/media/upload/initialize`, `…/{id}/finalize` and `GET /2/media/upload` (status). @internal */
export const XMediaUploadSchema = z.object({
  data: z.object({ id: z.string(), media_key: z.string().optional(), processing_info: XProcessingInfoSchema.optional() }),
});

/** `POST /2/oauth2/token`. @internal */
export const XTokenSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().positive().optional(),
  token_type: z.string().optional(),
  scope: z.string().optional(),
});
