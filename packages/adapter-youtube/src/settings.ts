import { z } from 'zod';
import { fetchSettingSchema, httpUrlSchema, parseWithSchema, positiveMsSchema } from '@smm/core/adapter-kit';
import { USER_AGENT } from './version.js';

const KIB256 = 256 * 1024;

/**
 * Settings of {@link createYouTubeAdapter}, validated eagerly: a bad setting throws a
 * `ValidationError` naming it. Every setting has a default.
 *
 * @example
 * ```ts
 * YouTubeAdapterSettingsSchema.parse({}).dailyUnits; // 10000
 * ```
 */
export const YouTubeAdapterSettingsSchema = z
  .object({
    /** API root (default `https://www.googleapis.com`): `/youtube/v3/…` and `/upload/youtube/v3/…` under it; tests pass a simulator's `baseUrl`. */
    baseUrl: httpUrlSchema('https://www.googleapis.com').default('https://www.googleapis.com'),
    /** Google's OAuth token endpoint, for refreshing access tokens (default `https://oauth2.googleapis.com/token`). */
    tokenUrl: httpUrlSchema('https://oauth2.googleapis.com/token').default('https://oauth2.googleapis.com/token'),
    /** Google's authorization endpoint, for connecting channels (default `https://accounts.google.com/o/oauth2/v2/auth`). */
    authorizeUrl: httpUrlSchema('https://accounts.google.com/o/oauth2/v2/auth').default('https://accounts.google.com/o/oauth2/v2/auth'),
    /** Google's revocation endpoint (default `https://oauth2.googleapis.com/revoke`). */
    revokeUrl: httpUrlSchema('https://oauth2.googleapis.com/revoke').default('https://oauth2.googleapis.com/revoke'),
    /** OAuth client id of your Google Cloud project, to refresh tokens (credentials may carry their own). */
    clientId: z.string().min(1, { error: 'must be the OAuth client id of your Google Cloud project (not empty)' }).optional(),
    /** OAuth client secret, sent with the client id when refreshing. */
    clientSecret: z.string().min(1, { error: 'must be the OAuth client secret (not empty), or left out' }).optional(),
    /** The project's daily quota in units (default 10,000, Google's default allocation); reset at midnight Pacific. */
    dailyUnits: z.number().int().positive({ error: "must be your project's daily quota in units, a whole number above 0" }).default(10_000),
    /** `videos.insert` calls a day (default 100: the method's own quota bucket). */
    dailyUploads: z
      .number()
      .int()
      .positive({ error: 'must be how many videos.insert calls a day the project may make, above 0' })
      .default(100),
    /**
     * Whether your API project passed Google's audit (default true). Videos uploaded by an
     * unverified project created after 28 July 2020 are locked private: with `false`, every
     * publish that asks for public or unlisted comes back with a warning saying so.
     */
    projectVerified: z.boolean().default(true),
    /**
     * Upload in chunks of this many bytes (a multiple of 256 KiB, as the resumable protocol
     * requires), for connections that drop often. Default: the whole file in one streamed request,
     * resumed from what the session holds after a cut.
     */
    chunkSizeBytes: z
      .number()
      .int()
      .min(KIB256, { error: 'must be at least 262144 (256 KiB)' })
      .refine((value) => value % KIB256 === 0, { error: 'must be a multiple of 262144 (256 KiB), as YouTube requires' })
      .optional(),
    /** The category new videos get unless a draft names one (default `22`, People & Blogs). */
    defaultCategoryId: z.string().regex(/^\d+$/, { error: 'must be a video category id such as 22' }).default('22'),
    /**
     * Add YouTube Analytics API v2 figures to post and account metrics (default false): watch time
     * (`watchTimeMs`), `shares`, and under `extra` the average view duration and subscribers gained
     * and lost. Needs the `https://www.googleapis.com/auth/yt-analytics.readonly` scope; when the
     * Analytics API answers 403 (scope not granted, channel not eligible) the metrics are the Data
     * API's alone and a warning is logged once per channel
     * (https://developers.google.com/youtube/analytics/reference/reports/query).
     */
    analytics: z.boolean().default(false),
    /** The Analytics API root (default `https://youtubeanalytics.googleapis.com`): `/v2/reports` under it; tests pass a simulator's `baseUrl`. */
    analyticsBaseUrl: httpUrlSchema('https://youtubeanalytics.googleapis.com').default('https://youtubeanalytics.googleapis.com'),
    /** How long `client.publish` waits for YouTube to process a video by default (default 30 min). */
    processingTimeoutMs: positiveMsSchema('a duration').default(30 * 60_000),
    /** Downloads media given by URL (default: the global fetch). Never receives the Google token. */
    fetch: fetchSettingSchema,
    /** `user-agent` sent with every request (default `@smm/adapter-youtube/<VERSION>`). */
    userAgent: z.string().min(1, { error: 'must not be empty' }).default(USER_AGENT),
  })
  .strict();

/** What {@link createYouTubeAdapter} accepts. */
export type YouTubeAdapterSettingsInput = z.input<typeof YouTubeAdapterSettingsSchema>;
/** Settings with defaults applied. */
export type YouTubeAdapterSettings = z.output<typeof YouTubeAdapterSettingsSchema>;

/** Validates settings, applying defaults. @internal */
export function parseYouTubeAdapterSettings(input: unknown): YouTubeAdapterSettings {
  return parseWithSchema(YouTubeAdapterSettingsSchema, input ?? {}, 'createYouTubeAdapter settings');
}
