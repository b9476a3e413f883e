import { z } from 'zod';

/**
 * A Threads media object as `GET /{threads-media-id}`, `GET /{threads-user-id}/threads`,
 * `/replies`, `/mentions` and `/{threads-media-id}/conversation` return it, with the fields this
 * adapter asks for (https://developers.facebook.com/documentation/threads/retrieve-and-discover-posts/retrieve-posts,
 * "Fields"). Every field but `id` is optional: Threads leaves out what it does not have. @internal
 */
export const ThreadsMediaSchema = z.object({
  id: z.string(),
  text: z.string().optional(),
  timestamp: z.string().optional(),
  permalink: z.string().optional(),
  media_type: z.string().optional(),
  username: z.string().optional(),
  owner: z.object({ id: z.string() }).optional(),
  is_reply: z.boolean().optional(),
  replied_to: z.object({ id: z.string() }).optional(),
  root_post: z.object({ id: z.string() }).optional(),
  hide_status: z.string().optional(),
  children: z.object({ data: z.array(z.object({ id: z.string() })) }).optional(),
});

/** One Threads media object. @internal */
export type ThreadsMedia = z.infer<typeof ThreadsMediaSchema>;

/** The fields this adapter reads of a post (`fields=` of every post read). @internal */
export const MEDIA_FIELDS = 'id,text,timestamp,permalink,media_type,username,is_reply,replied_to,root_post,children';

/** `DELETE /{threads-media-id}` (https://developers.facebook.com/documentation/threads/posts/delete-posts). @internal */
export const DeletedSchema = z.object({ success: z.boolean(), deleted_id: z.string().optional() });

/** `POST /{threads-reply-id}/manage_reply` (https://developers.facebook.com/documentation/threads/reply-management). @internal */
export const SuccessSchema = z.object({ success: z.boolean() });

/**
 * One insights metric (https://developers.facebook.com/documentation/threads/insights): a media
 * metric and the user metrics other than `views` carry `values[0].value` or `total_value.value`;
 * the user `views` metric is a daily series in `values`. @internal
 */
export const InsightSchema = z.object({
  name: z.string(),
  period: z.string().optional(),
  values: z.array(z.object({ value: z.number(), end_time: z.string().optional() })).optional(),
  total_value: z.object({ value: z.number() }).optional(),
});

/** `GET …/insights` and `GET …/threads_insights`: `{ data: [metric…] }`. @internal */
export const InsightsSchema = z.object({ data: z.array(InsightSchema) });

/** `GET /me?fields=id,username` (https://developers.facebook.com/documentation/threads/threads-profiles). @internal */
export const ProfileSchema = z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() });
