import { z } from 'zod';
import { httpUrlSchema, parseWithSchema, positiveMsSchema } from '@smm/core/adapter-kit';
import { graphSettingsShape } from '@smm/meta-graph';
import { USER_AGENT } from './version.js';

/**
 * Where video uploads go: Meta's docs send `POST /{page-id}/videos` to this host
 * (https://developers.facebook.com/docs/video-api/guides/publishing).
 */
export const FACEBOOK_VIDEO_URL = 'https://graph-video.facebook.com';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The native scheduling window Meta states for `scheduled_publish_time`: at least 10 minutes
 * ahead, at most 30 days (https://developers.facebook.com/docs/pages-api/posts — Meta's pages have
 * said 6 months, then 75 days, then 30 days: the default is the narrowest, widen it with the
 * `schedulingWindow` setting if your app sees Graph accept more).
 */
export const FACEBOOK_SCHEDULING_WINDOW = { minLeadMs: 10 * MINUTE, maxLeadMs: 30 * DAY } as const;

/**
 * Settings of {@link createFacebookAdapter}, validated eagerly: a bad setting throws a
 * `ValidationError` naming it.
 *
 * @example
 * ```ts
 * FacebookAdapterSettingsSchema.parse({}).apiVersion; // 'v26.0'
 * ```
 */
export const FacebookAdapterSettingsSchema = z
  .object({
    /** `apiVersion` (default the version `@smm/meta-graph` pins), `baseUrl` (default `https://graph.facebook.com`), `appId`, `appSecret`. */
    ...graphSettingsShape('facebook'),
    /** Where video uploads go (default `https://graph-video.facebook.com`). */
    videoBaseUrl: httpUrlSchema(FACEBOOK_VIDEO_URL).optional(),
    /** Where users approve the app in the connect flow (default `https://www.facebook.com`; its `/<version>/dialog/oauth` page). */
    authBaseUrl: httpUrlSchema('https://www.facebook.com').optional(),
    /** How far ahead `scheduledAt` may be (default 10 minutes to 30 days, see `FACEBOOK_SCHEDULING_WINDOW`). */
    schedulingWindow: z
      .object({ minLeadMs: positiveMsSchema('a duration'), maxLeadMs: positiveMsSchema('a duration') })
      .refine((window) => window.minLeadMs < window.maxLeadMs, { error: 'minLeadMs must be below maxLeadMs', path: ['maxLeadMs'] })
      .default(FACEBOOK_SCHEDULING_WINDOW),
    /** How long to wait for Facebook to process a video (default 30 min): `capabilities.pendingPublish.maxWaitMs`. */
    videoProcessingTimeoutMs: positiveMsSchema('a duration').default(30 * MINUTE),
    /** Most pages of the Page's posts (100 each) `doFindPublished` reads (default 3). */
    lookupMaxPages: z.number().int().min(1, { error: 'must be 1 or more' }).max(20, { error: 'must be 20 or fewer' }).default(3),
    /** How many of the Page's newest posts `doListMentions` reads comments from (default 10). */
    mentionPosts: z.number().int().min(1, { error: 'must be 1 or more' }).max(100, { error: 'must be 100 or fewer' }).default(10),
    /** `user-agent` sent with every request (default `@smm/adapter-facebook/<VERSION>`). */
    userAgent: z.string().min(1, { error: 'must not be empty' }).default(USER_AGENT),
  })
  .strict();

/** What {@link createFacebookAdapter} accepts. */
export type FacebookAdapterSettingsInput = z.input<typeof FacebookAdapterSettingsSchema>;
/** Settings with defaults applied. */
export type FacebookAdapterSettings = z.output<typeof FacebookAdapterSettingsSchema> & { videoBaseUrl: string; authBaseUrl: string };

/** Validates settings, applying defaults. @internal */
export function parseFacebookAdapterSettings(input: unknown): FacebookAdapterSettings {
  const parsed = parseWithSchema(FacebookAdapterSettingsSchema, input ?? {}, 'createFacebookAdapter settings');
  return {
    ...parsed,
    videoBaseUrl: (parsed.videoBaseUrl ?? FACEBOOK_VIDEO_URL).replace(/\/+$/, ''),
    authBaseUrl: (parsed.authBaseUrl ?? 'https://www.facebook.com').replace(/\/+$/, ''),
  };
}
