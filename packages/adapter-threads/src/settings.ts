import { z } from 'zod';
import { httpUrlSchema, parseWithSchema, positiveMsSchema } from '@smm/core/adapter-kit';
import { graphSettingsShape, type PublicMediaHost } from '@smm/meta-graph';
import { USER_AGENT } from './version.js';

/**
 * Threads' API host. Meta serves the Threads API at `graph.threads.net` and `graph.threads.com`
 * alike (https://developers.facebook.com/documentation/threads/overview); token exchange and
 * refresh live on the same host.
 */
export const THREADS_API_URL = 'https://graph.threads.net';
/**
 * Where users approve the app: the Authorization Window `https://threads.com/oauth/authorize`
 * (https://developers.facebook.com/documentation/threads/get-started/get-access-tokens-and-permissions;
 * older pages say threads.net, which redirects there).
 */
export const THREADS_AUTH_URL = 'https://threads.com';

const isMediaHost = (value: unknown): value is PublicMediaHost =>
  typeof value === 'object' && value !== null && typeof (value as { urlFor?: unknown }).urlFor === 'function';

/**
 * Settings of {@link createThreadsAdapter}, validated eagerly: a bad setting throws a
 * `ValidationError` naming it.
 *
 * @example
 * ```ts
 * ThreadsAdapterSettingsSchema.parse({ appId: '990602627938098' }).apiVersion; // 'v1.0'
 * ```
 */
export const ThreadsAdapterSettingsSchema = z
  .object({
    /**
     * From the kit, validated as for every Graph adapter: `baseUrl` (default `https://graph.threads.net`;
     * `https://graph.threads.com` works too), `apiVersion` (default `v1.0`, the only Threads version),
     * `appId` (the Threads App ID: the connect flow's `client_id`) and `appSecret` (sent by the code
     * exchange and the long-lived token exchange).
     */
    ...graphSettingsShape('threads'),
    /** Where users approve the app in the connect flow (default `https://threads.com`). */
    authBaseUrl: httpUrlSchema(THREADS_AUTH_URL).default(THREADS_AUTH_URL),
    /**
     * Puts a file, stream or bytes the draft holds at a public URL Threads can fetch (Threads
     * downloads every image and video from a URL). Without it, only media given by URL publish.
     */
    mediaHost: z
      .custom<PublicMediaHost>(isMediaHost, { error: 'must be a PublicMediaHost: an object with urlFor(media, { signal }) → { url }' })
      .optional(),
    /** How long core waits for containers to finish by default (default 10 min): `capabilities.pendingPublish.maxWaitMs`. */
    pendingTimeoutMs: positiveMsSchema('a duration').default(10 * 60_000),
    /** Most pages (25 posts each) a lookup for an already published post reads (default 4). */
    lookupMaxPages: z.number().int().min(1, { error: 'must be 1 or more' }).max(40, { error: 'must be 40 or fewer' }).default(4),
    /** How many of the account's newest posts the inbox reads replies under (default 10; 0 reads the mentions edge only). */
    mentionPostDepth: z.number().int().min(0, { error: 'must be 0 or more' }).max(100, { error: 'must be 100 or fewer' }).default(10),
    /** `user-agent` sent with every request (default `@smm/adapter-threads/<VERSION>`). */
    userAgent: z.string().min(1, { error: 'must not be empty' }).default(USER_AGENT),
  })
  .strict();

/** What {@link createThreadsAdapter} accepts. */
export type ThreadsAdapterSettingsInput = z.input<typeof ThreadsAdapterSettingsSchema>;
/** Settings with defaults applied. */
export type ThreadsAdapterSettings = z.output<typeof ThreadsAdapterSettingsSchema>;

/** Validates settings, applying defaults. @internal */
export function parseThreadsAdapterSettings(input: unknown): ThreadsAdapterSettings {
  const parsed = parseWithSchema(ThreadsAdapterSettingsSchema, input ?? {}, 'createThreadsAdapter settings');
  return { ...parsed, authBaseUrl: parsed.authBaseUrl.replace(/\/+$/, '') };
}
