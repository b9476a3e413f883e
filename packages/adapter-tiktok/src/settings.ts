import { z } from 'zod';
import { httpUrlSchema, parseWithSchema, positiveMsSchema as positiveMs, type AdapterMediaBody } from '@smm/core/adapter-kit';
import { USER_AGENT } from './version.js';

const MB = 1024 * 1024;

/** What `hostPhoto` receives: one photo's bytes, to be put on a URL under a prefix verified with TikTok. */
export interface PhotoToHost {
  body: AdapterMediaBody;
  mimeType: string;
  /** Its place in the post (0-based). */
  index: number;
}

/** Hosts a photo on a verified domain and returns its URL (TikTok pulls photos from URLs only). */
export type HostPhoto = (photo: PhotoToHost) => Promise<string>;

export const TikTokAdapterSettingsSchema = z
  .object({
    /** The API host (default `https://open.tiktokapis.com`; a simulator's URL in tests). */
    baseUrl: httpUrlSchema('https://open.tiktokapis.com').default('https://open.tiktokapis.com'),
    /**
     * Whether your API client passed TikTok's audit (default true). Unaudited clients may only
     * post `SELF_ONLY` (private) content: with `false` every post is sent `SELF_ONLY` and the
     * publish says so (a warning in the log and `extra.warning` on the post).
     * https://developers.tiktok.com/doc/content-sharing-guidelines
     */
    audited: z.boolean().default(true),
    /** `DIRECT_POST` (default) publishes; `MEDIA_UPLOAD` sends drafts to the creator's inbox. */
    postMode: z.enum(['DIRECT_POST', 'MEDIA_UPLOAD'], { error: 'must be DIRECT_POST or MEDIA_UPLOAD' }).default('DIRECT_POST'),
    /**
     * FILE_UPLOAD chunk size in bytes (default 10 MiB): 5 MB to 64 MB, as TikTok's Media Transfer
     * Guide allows; memory use is about one chunk (the last one holds the trailing bytes too).
     */
    chunkBytes: z
      .number()
      .int()
      .min(5 * MB, { error: 'must be at least 5 MB (5242880): TikTok takes chunks of 5 MB to 64 MB' })
      .max(64 * MB, { error: 'must be at most 64 MB (67108864): TikTok takes chunks of 5 MB to 64 MB' })
      .default(10 * MB),
    /** TikTok app credentials for refreshing access tokens (also accepted per account in the credentials). */
    clientKey: z.string().min(1, { error: 'must be your app’s client key (not empty)' }).optional(),
    clientSecret: z.string().min(1, { error: 'must be your app’s client secret (not empty)' }).optional(),
    /** Puts a photo given as bytes/file/stream on a verified URL (photo posts are PULL_FROM_URL only). */
    hostPhoto: z
      .custom<HostPhoto>((value) => typeof value === 'function', { error: 'must be a function (photo) => Promise<url>' })
      .optional(),
    /** How far back `doFindPublished` looks in the video list when not told (default 24 hours). */
    lookupWindowMs: positiveMs('a duration').default(24 * 60 * 60_000),
    /** At most this many video-list pages (20 videos each) per lookup (default 5). */
    lookupMaxPages: z.number().int().positive({ error: 'must be a whole number above 0' }).default(5),
    /** Poll delay while TikTok processes or moderates (default 5 s; status fetch allows 30 per minute). */
    pollIntervalMs: positiveMs('an interval').default(5_000),
    userAgent: z.string().min(1, { error: 'must not be empty' }).default(USER_AGENT),
  })
  .strict();

export type TikTokAdapterSettingsInput = z.input<typeof TikTokAdapterSettingsSchema>;
export type TikTokAdapterSettings = z.output<typeof TikTokAdapterSettingsSchema>;

/** Parses the settings; a wrong one is a ValidationError naming it. @internal */
export function parseTikTokAdapterSettings(input: unknown): TikTokAdapterSettings {
  return parseWithSchema(TikTokAdapterSettingsSchema, input ?? {}, 'createTikTokAdapter settings');
}
