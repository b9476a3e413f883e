import { z } from 'zod';

// Response shapes read by the adapter, as Pinterest's OpenAPI document gives them (only the fields used).

/** A pin (`Pin`). @internal */
export const PinSchema = z.object({
  id: z.string(),
  created_at: z.string().optional(),
  board_id: z.string().optional(),
  board_section_id: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  link: z.string().nullable().optional(),
  media: z.object({ media_type: z.string() }).loose().optional(),
});
/** A pin as read. @internal */
export type PinterestPin = z.infer<typeof PinSchema>;

/** A page: `{ items, bookmark }`. @internal */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), bookmark: z.string().nullable().optional() });

/** `POST /v5/media` (`MediaUpload`). @internal */
export const MediaUploadSchema = z.object({
  media_id: z.string(),
  upload_url: z.string(),
  upload_parameters: z.record(z.string(), z.string()),
});

/** `GET /v5/media/{media_id}` (`Media`). @internal */
export const MediaSchema = z.object({
  media_id: z.string(),
  status: z.enum(['registered', 'processing', 'succeeded', 'failed']).optional(),
});

/** `{ all: { summary_metrics } }` of the analytics endpoints. @internal */
export const AnalyticsSchema = z.record(z.string(), z.object({ summary_metrics: z.record(z.string(), z.number()).optional() }).loose());

/** `GET /v5/user_account` (`Account`). @internal */
export const AccountSchema = z
  .object({
    id: z.string().optional(),
    username: z.string().optional(),
    follower_count: z.number().nullable().optional(),
    following_count: z.number().nullable().optional(),
    pin_count: z.number().nullable().optional(),
  })
  .loose();

/** `GET /v5/boards` items (`Board`) and section items (`BoardSection`). @internal */
export const BoardSchema = z.object({ id: z.string(), name: z.string(), privacy: z.string().optional() });
/** A board section. @internal */
export const SectionSchema = z.object({ id: z.string(), name: z.string() });

/** `POST /v5/oauth/token` (`OauthAccessTokenResponseRefresh`). @internal */
export const TokenSchema = z.object({
  access_token: z.string(),
  refresh_token: z.string().optional(),
  expires_in: z.number().optional(),
});
