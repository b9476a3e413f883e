import { z } from 'zod';
import { fetchSettingSchema, httpUrlSchema, parseWithSchema, positiveMsSchema as positiveMs } from '@smm/core/adapter-kit';
import { USER_AGENT } from './version.js';

const MINUTE = 60_000;
const perDay = (what: string) =>
  z
    .number()
    .int()
    .positive({ error: `must be how many ${what} LinkedIn allows per day (a whole number above 0; see Developer Portal → Analytics)` });

/**
 * Settings of {@link createLinkedInAdapter}, validated eagerly: a bad setting throws a
 * `ValidationError` naming it. Every setting has a default.
 *
 * @example
 * ```ts
 * LinkedInAdapterSettingsSchema.parse({}).linkedinVersion; // '202610'
 * ```
 */
export const LinkedInAdapterSettingsSchema = z
  .object({
    /** The API root (default `https://api.linkedin.com`); tests pass a simulator's `baseUrl`. */
    baseUrl: httpUrlSchema('https://api.linkedin.com').default('https://api.linkedin.com'),
    /** Where the OAuth pages live (default `https://www.linkedin.com`: `/oauth/v2/authorization`, `/oauth/v2/accessToken`). */
    authBaseUrl: httpUrlSchema('https://www.linkedin.com').optional(),
    /**
     * The `Linkedin-Version` header, `YYYYMM` (or `YYYYMM.RR`): the monthly API version the
     * requests are written for. LinkedIn keeps a version for about a year, then answers 426.
     */
    linkedinVersion: z
      .string()
      .regex(/^\d{6}(\.\d{2})?$/, { error: 'must be a LinkedIn API version as YYYYMM (e.g. 202610), optionally .RR' })
      .default('202610'),
    /** OAuth client id of your LinkedIn app (connect, refresh). */
    clientId: z.string().min(1, { error: 'must be the client id of your LinkedIn app (not empty)' }).optional(),
    /** OAuth client secret of your LinkedIn app (LinkedIn's token endpoint requires it). */
    clientSecret: z.string().min(1, { error: 'must be the client secret of your LinkedIn app (not empty), or left out' }).optional(),
    /**
     * Daily limits, reset at midnight UTC. LinkedIn sends no rate-limit headers and publishes no
     * numbers: your app's own limits are in the Developer Portal (Analytics). A 429 stops the
     * bucket until the next midnight UTC.
     */
    dailyLimits: z
      .object({
        /** Creating requests per member per day: posts, comments, deletes (default 150). */
        write: perDay('creating requests').default(150),
        /** Uploads per member per day: images, videos, documents (default 500). */
        media: perDay('uploads').default(500),
        /** Reads per member per day (default 100 000). */
        read: perDay('reads').default(100_000),
      })
      .strict()
      .default({ write: 150, media: 500, read: 100_000 }),
    /** How long `client.publish` waits for a video or document to finish processing by default (default 10 min). */
    mediaProcessingTimeoutMs: positiveMs('a duration').default(10 * MINUTE),
    /** When to look first whether an uploaded video or document is processed (default 2 s). */
    mediaPollIntervalMs: positiveMs('an interval').default(2_000),
    /** Downloads media given by URL (default: the global fetch). Never receives the LinkedIn token. */
    fetch: fetchSettingSchema,
    /** `user-agent` sent with every request (default `@smm/adapter-linkedin/<VERSION>`). */
    userAgent: z.string().min(1, { error: 'must not be empty' }).default(USER_AGENT),
  })
  .strict();

/** What {@link createLinkedInAdapter} accepts. */
export type LinkedInAdapterSettingsInput = z.input<typeof LinkedInAdapterSettingsSchema>;
/** Settings with defaults applied. */
export type LinkedInAdapterSettings = z.output<typeof LinkedInAdapterSettingsSchema>;

/** Validates settings, applying defaults. @internal */
export function parseLinkedInAdapterSettings(input: unknown): LinkedInAdapterSettings {
  return parseWithSchema(LinkedInAdapterSettingsSchema, input ?? {}, 'createLinkedInAdapter settings');
}
