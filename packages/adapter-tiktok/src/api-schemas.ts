import { z } from 'zod';

/**
 * TikTok's success envelope: `data` plus `error.code === 'ok'`.
 * https://developers.tiktok.com/doc/tiktok-api-v2-error-handling @internal
 */
export const envelope = <T extends z.ZodType>(data: T) =>
  z.object({ data, error: z.object({ code: z.literal('ok'), message: z.string().optional(), log_id: z.string().optional() }) });

/** https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info @internal */
export const CreatorInfoSchema = envelope(
  z.object({
    creator_avatar_url: z.string(),
    creator_username: z.string(),
    creator_nickname: z.string(),
    privacy_level_options: z.array(z.string()),
    comment_disabled: z.boolean(),
    duet_disabled: z.boolean(),
    stitch_disabled: z.boolean(),
    max_video_post_duration_sec: z.number(),
  }),
);

/** https://developers.tiktok.com/doc/content-posting-api-reference-direct-post @internal */
export const InitSchema = envelope(z.object({ publish_id: z.string().min(1), upload_url: z.string().optional() }));

/** https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status (the field is spelled `publicaly_available_post_id`) @internal */
export const StatusSchema = envelope(
  z.object({
    status: z.string(),
    fail_reason: z.string().optional(),
    publicaly_available_post_id: z.array(z.union([z.number(), z.string()])).optional(),
    uploaded_bytes: z.number().optional(),
    downloaded_bytes: z.number().optional(),
  }),
);

/** The Video Object fields the adapter reads. https://developers.tiktok.com/doc/tiktok-api-v2-video-object @internal */
export const VideoSchema = z.object({
  id: z.string(),
  create_time: z.number(),
  share_url: z.string().optional(),
  title: z.string().optional(),
  video_description: z.string().optional(),
  view_count: z.number().optional(),
  like_count: z.number().optional(),
  comment_count: z.number().optional(),
  share_count: z.number().optional(),
});
/** A TikTok video as the Display API returns it. @internal */
export type TikTokVideo = z.infer<typeof VideoSchema>;

/** `POST /v2/video/list/` and `/v2/video/query/`. https://developers.tiktok.com/doc/tiktok-api-v2-video-list @internal */
export const VideoPageSchema = envelope(
  z.object({ videos: z.array(VideoSchema).default([]), cursor: z.number().optional(), has_more: z.boolean().optional() }),
);

/** `GET /v2/user/info/`. https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info @internal */
export const UserInfoSchema = envelope(z.object({ user: z.record(z.string(), z.unknown()) }));
