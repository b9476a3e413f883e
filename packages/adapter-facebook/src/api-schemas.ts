import { z } from 'zod';

// Graph answers, as Meta documents them. Only the fields the adapter reads; Graph adds others.

/** `POST /{page-id}/feed`, `POST /{object-id}/comments`: `{ id }` (https://developers.facebook.com/docs/pages-api/posts). @internal */
export const CreatedSchema = z.object({ id: z.string().min(1) });

/** `POST /{page-id}/photos`: `{ id, post_id? }` — `post_id` only for a published photo (https://developers.facebook.com/docs/graph-api/reference/page/photos/#Creating). @internal */
export const PhotoCreatedSchema = z.object({ id: z.string().min(1), post_id: z.string().min(1).optional() });

/** `{ success: true }`: DELETE, likes, comment updates (https://developers.facebook.com/docs/graph-api/reference/comment#Updating). @internal */
export const SuccessSchema = z.object({ success: z.boolean() });

/** A Page post as `GET /{post-id}` and `/{page-id}/published_posts` give it (https://developers.facebook.com/docs/graph-api/reference/page-post). @internal */
export const PagePostSchema = z.object({
  id: z.string().min(1),
  message: z.string().optional(),
  created_time: z.string().optional(),
  permalink_url: z.string().optional(),
  is_published: z.boolean().optional(),
  scheduled_publish_time: z.number().optional(),
  attachments: z
    .object({
      data: z.array(
        z.object({
          type: z.string().optional(),
          url: z.string().optional(),
          subattachments: z.object({ data: z.array(z.unknown()) }).optional(),
        }),
      ),
    })
    .optional(),
  shares: z.object({ count: z.number() }).optional(),
  comments: z.object({ summary: z.object({ total_count: z.number() }).optional() }).optional(),
});

/** A Page post. @internal */
export type PagePost = z.infer<typeof PagePostSchema>;

/** A comment (https://developers.facebook.com/docs/graph-api/reference/comment). @internal */
export const CommentSchema = z.object({
  id: z.string().min(1),
  message: z.string().optional(),
  created_time: z.string(),
  from: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  parent: z.object({ id: z.string() }).optional(),
  permalink_url: z.string().optional(),
});

/** A comment. @internal */
export type GraphComment = z.infer<typeof CommentSchema>;

/** `GET /{object-id}/insights`: `{ data: [{ name, period, values: [{ value, end_time? }] }] }` (https://developers.facebook.com/docs/graph-api/reference/insights). @internal */
export const InsightsSchema = z.object({
  data: z.array(
    z.object({
      name: z.string(),
      period: z.string().optional(),
      values: z.array(z.object({ value: z.unknown(), end_time: z.string().optional() })),
    }),
  ),
});

/** The Page node's counters (https://developers.facebook.com/docs/graph-api/reference/page#Reading). @internal */
export const PageCountersSchema = z.object({ id: z.string(), followers_count: z.number().optional() });

/** `upload_phase=start` of `POST /{page-id}/videos` (https://developers.facebook.com/docs/graph-api/reference/page/videos/#Creating). @internal */
export const UploadStartSchema = z.object({
  video_id: z.string().min(1),
  upload_session_id: z.string().min(1),
  start_offset: z.coerce.number().int().nonnegative(),
  end_offset: z.coerce.number().int().nonnegative(),
});

/** `upload_phase=transfer`: the next window to send (equal offsets: all bytes are there). @internal */
export const UploadWindowSchema = z.object({
  start_offset: z.coerce.number().int().nonnegative(),
  end_offset: z.coerce.number().int().nonnegative(),
});

/** `GET /{video-id}?fields=status,post_id` (https://developers.facebook.com/docs/graph-api/reference/video#Reading, `status`). @internal */
export const VideoStatusSchema = z.object({
  id: z.string(),
  post_id: z.string().optional(),
  permalink_url: z.string().optional(),
  status: z
    .object({
      video_status: z.string(),
      processing_phase: z
        .object({ status: z.string(), errors: z.array(z.object({ code: z.number().optional(), message: z.string() })).optional() })
        .optional(),
      publishing_phase: z.object({ status: z.string() }).optional(),
    })
    .optional(),
});

/** One Page of `GET /me/accounts`: id, name and the Page token (https://developers.facebook.com/docs/pages-api/getting-started). @internal */
export const ManagedPageSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  access_token: z.string().min(1),
  tasks: z.array(z.string()).optional(),
});
