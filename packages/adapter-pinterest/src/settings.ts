import { z } from 'zod';
import { fetchSettingSchema, httpUrlSchema, parseWithSchema, positiveMsSchema } from '@smm/core/adapter-kit';
import { USER_AGENT } from './version.js';

/** Pinterest's production API root (`servers` of its OpenAPI document is this plus `/v5`). */
export const PINTEREST_API_URL = 'https://api.pinterest.com';
/**
 * The API Sandbox: apps with Trial access may create pins only here ("Apps with Trial access may
 * not create Pins in production … use API Sandbox https://api-sandbox.pinterest.com instead").
 */
export const PINTEREST_SANDBOX_URL = 'https://api-sandbox.pinterest.com';

/** Pinterest's web host, where `/oauth/` asks the user to approve the app. */
export const PINTEREST_AUTH_URL = 'https://www.pinterest.com';

/**
 * Settings of {@link createPinterestAdapter}, validated eagerly: a bad setting throws a
 * `ValidationError` naming it.
 *
 * @example
 * ```ts
 * PinterestAdapterSettingsSchema.parse({ access: 'trial' }).access; // 'trial'
 * ```
 */
export const PinterestAdapterSettingsSchema = z
  .object({
    /**
     * The app's access tier (https://developers.pinterest.com/docs/key-concepts/access-tiers/):
     * `trial` (default host: the API Sandbox; 1 000 requests a day; pins visible only to their
     * creator) or `standard` (default; production host, 100 requests a second per user).
     */
    access: z
      .enum(['trial', 'standard'], { error: 'must be "trial" or "standard" (your app\'s Pinterest access tier)' })
      .default('standard'),
    /** API root (default by `access`: `https://api.pinterest.com`, or the sandbox for trial). */
    baseUrl: httpUrlSchema(PINTEREST_API_URL).optional(),
    /** Where users approve the app in the connect flow (default `https://www.pinterest.com`; its `/oauth/` page). */
    authBaseUrl: httpUrlSchema(PINTEREST_AUTH_URL).optional(),
    /** OAuth client id (app id) and secret: token refresh sends them as HTTP Basic. Credentials may carry their own. */
    clientId: z.string().min(1, { error: 'must be your Pinterest app id (not empty)' }).optional(),
    clientSecret: z.string().min(1, { error: 'must be your Pinterest app secret (not empty)' }).optional(),
    /** Sends video bytes to the upload host and downloads media given by URL (default: the global fetch). Never receives the Pinterest token. */
    fetch: fetchSettingSchema,
    /** How long to wait for Pinterest to process a video (default 10 min): `capabilities.pendingPublish.maxWaitMs`. */
    mediaProcessingTimeoutMs: positiveMsSchema('a duration').default(10 * 60_000),
    /** Most pages of the account's pins (100 each) `doFindPublished` reads (default 3). */
    lookupMaxPages: z.number().int().min(1, { error: 'must be 1 or more' }).max(20, { error: 'must be 20 or fewer' }).default(3),
    /** `user-agent` sent with every request (default `@smm/adapter-pinterest/<VERSION>`). */
    userAgent: z.string().min(1, { error: 'must not be empty' }).default(USER_AGENT),
  })
  .strict();

/** What {@link createPinterestAdapter} accepts. */
export type PinterestAdapterSettingsInput = z.input<typeof PinterestAdapterSettingsSchema>;
/** Settings with defaults applied (and `baseUrl` chosen by `access`). */
export type PinterestAdapterSettings = z.output<typeof PinterestAdapterSettingsSchema> & { baseUrl: string; authBaseUrl: string };

/** Validates settings, applying defaults. @internal */
export function parsePinterestAdapterSettings(input: unknown): PinterestAdapterSettings {
  const parsed = parseWithSchema(PinterestAdapterSettingsSchema, input ?? {}, 'createPinterestAdapter settings');
  return {
    ...parsed,
    baseUrl: (parsed.baseUrl ?? (parsed.access === 'trial' ? PINTEREST_SANDBOX_URL : PINTEREST_API_URL)).replace(/\/+$/, ''),
    authBaseUrl: (parsed.authBaseUrl ?? PINTEREST_AUTH_URL).replace(/\/+$/, ''),
  };
}
