import { z } from 'zod';

/** `{ id }`: what creating a container, publishing, commenting and replying answer. @internal */
export const IdSchema = z.object({ id: z.string().regex(/^\d+$/) });

/**
 * An IG Media node with the fields the adapter asks for
 * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media). @internal
 */
export const MediaSchema = z.object({
  id: z.string(),
  caption: z.string().optional(),
  media_type: z.string().optional(),
  media_product_type: z.string().optional(),
  permalink: z.string().optional(),
  timestamp: z.string().optional(),
  username: z.string().optional(),
  like_count: z.number().optional(),
  comments_count: z.number().optional(),
});
/** An IG Media node. @internal */
export type InstagramMedia = z.infer<typeof MediaSchema>;

/** The media fields every lookup asks for. @internal */
export const MEDIA_FIELDS = 'id,caption,media_type,media_product_type,permalink,timestamp';

/** An IG Comment node (https://developers.facebook.com/docs/instagram-platform/reference/instagram-comment). @internal */
export const CommentSchema = z.object({
  id: z.string(),
  text: z.string().optional(),
  username: z.string().optional(),
  from: z.object({ id: z.string(), username: z.string().optional() }).optional(),
  timestamp: z.string().optional(),
  parent_id: z.string().optional(),
});
/** An IG Comment node. @internal */
export type InstagramComment = z.infer<typeof CommentSchema>;

/** The comment fields the adapter asks for. @internal */
export const COMMENT_FIELDS = 'id,text,username,from,timestamp,parent_id';

/** An insights answer: `data[]` of `{ name, values[].value }` (media) or `{ name, total_value.value }` (account). @internal */
export const InsightsSchema = z.object({
  data: z.array(
    z.object({
      name: z.string(),
      values: z.array(z.object({ value: z.number() })).optional(),
      total_value: z.object({ value: z.number() }).optional(),
    }),
  ),
});

/** The IG User fields the adapter reads. @internal */
export const UserSchema = z.object({
  id: z.string(),
  user_id: z.string().optional(),
  username: z.string().optional(),
  name: z.string().optional(),
  followers_count: z.number().optional(),
  follows_count: z.number().optional(),
  media_count: z.number().optional(),
  profile_picture_url: z.string().optional(),
});

/** Graph times are ISO 8601 with a `+0000` offset (`2019-04-05T07:56:32+0000`): as UTC `Z`. @internal */
export function graphInstant(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
