import { z } from 'zod';
import { fetchSettingSchema, httpUrlSchema, parseWithSchema, positiveMsSchema as positiveMs } from '@smm/core/adapter-kit';
import { USER_AGENT } from './version.js';

/**
 * X's API root, as X documents it.
 *
 * @example
 * ```ts
 * createXAdapter({ baseUrl: X_API_URL }); // the default
 * ```
 */
export const X_API_URL = 'https://api.x.com';

const MB = 1024 * 1024;

/**
 * Settings of {@link createXAdapter}, validated eagerly: a bad setting throws a
 * `ValidationError` naming it.
 *
 * @example
 * ```ts
 * XAdapterSettingsSchema.parse({ clientId: 'my-oauth-client-id' }).baseUrl; // 'https://api.x.com'
 * ```
 */
export const XAdapterSettingsSchema = z
  .object({
    /** API root (default `https://api.x.com`); tests pass a simulator's `baseUrl`. */
    baseUrl: httpUrlSchema(X_API_URL).default(X_API_URL),
    /** OAuth 2.0 client id, used to refresh tokens (credentials may carry their own). */
    clientId: z.string().min(1, { error: 'must be your OAuth 2.0 client id (not empty)' }).optional(),
    /** OAuth 2.0 client secret, for confidential clients (sent as HTTP Basic on refresh). */
    clientSecret: z.string().min(1, { error: 'must be the client secret (not empty), or left out for public clients' }).optional(),
    /** Downloads media given by URL (default: the global fetch). Never receives the X token. */
    fetch: fetchSettingSchema,
    /** Bytes per APPEND chunk of the media upload (default 4 MiB; X takes at most 5 MB). */
    mediaChunkBytes: z
      .number()
      .int()
      .min(64 * 1024, { error: 'must be at least 65536 bytes' })
      .max(5 * MB, { error: 'must be at most 5 MB (X refuses larger chunks)' })
      .default(4 * MB),
    /**
     * How long to wait for X to process a video or GIF (default 10 min): the adapter's
     * `capabilities.pendingPublish.maxWaitMs`, core's default wait for a pending publish.
     */
    mediaProcessingTimeoutMs: positiveMs('a duration').default(10 * 60_000),
    /** How far back `doFindPublished` and duplicate recovery look in the own timeline (default 24 h). */
    lookupWindowMs: positiveMs('a duration').default(24 * 3_600_000),
    /** Most timeline pages (100 posts each) `doFindPublished` reads (default 5). */
    lookupMaxPages: z
      .number()
      .int()
      .min(1, { error: 'must be 1 or more' })
      .max(32, { error: 'must be 32 or fewer (X keeps 3200 timeline posts)' })
      .default(5),
    /** Ask for `non_public_metrics` and `organic_metrics` (own posts of the last 30 days; default true). */
    privateMetrics: z.boolean().default(true),
    /**
     * When X refuses a post as duplicate content: `adopt` (default) returns the identical post
     * already published within `lookupWindowMs` at the same place in the thread, so a retried
     * publish resumes; `fail` throws a `ValidationError`.
     */
    onDuplicate: z.enum(['adopt', 'fail'], { error: 'must be "adopt" or "fail"' }).default('adopt'),
    /** `user-agent` sent with every request (default `@smm/adapter-x/<VERSION>`). */
    userAgent: z.string().min(1, { error: 'must not be empty' }).default(USER_AGENT),
  })
  .strict();

/** What {@link createXAdapter} accepts. */
export interface XAdapterSettingsInput extends z.input<typeof XAdapterSettingsSchema> {}
/** Settings with defaults applied. */
export interface XAdapterSettings extends z.output<typeof XAdapterSettingsSchema> {}

/** Validates settings, applying defaults. @internal */
export function parseXAdapterSettings(input: unknown): XAdapterSettings {
  return parseWithSchema(XAdapterSettingsSchema, input ?? {}, 'createXAdapter settings');
}
