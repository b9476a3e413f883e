import { z } from 'zod';
import { httpUrlSchema, parseWithSchema, positiveMsSchema } from '@smm/core/adapter-kit';
import { GRAPH_HOSTS, graphSettingsShape, type PublicMediaHost } from '@smm/meta-graph';
import { USER_AGENT } from './version.js';

/** Which login the accounts connect with (https://developers.facebook.com/docs/instagram-platform/overview). */
export type InstagramLogin = 'facebook' | 'instagram';

const isMediaHost = (value: unknown): value is PublicMediaHost =>
  typeof value === 'object' && value !== null && typeof (value as { urlFor?: unknown }).urlFor === 'function';

/**
 * Settings of {@link createInstagramAdapter}, validated eagerly: a bad setting throws a
 * `ValidationError` naming it.
 *
 * @example
 * ```ts
 * InstagramAdapterSettingsSchema.parse({ login: 'instagram' }).login; // 'instagram'
 * ```
 */
export const InstagramAdapterSettingsSchema = z
  .object({
    ...graphSettingsShape('facebook'),
    /**
     * How the accounts connect: `facebook` (default; Instagram API with Facebook Login, host
     * `graph.facebook.com`, tokens from a Facebook user) or `instagram` (Instagram API with Instagram
     * Login, host `graph.instagram.com`, Instagram user tokens). Delete works with Facebook Login only.
     */
    login: z
      .enum(['facebook', 'instagram'], { error: 'must be "facebook" or "instagram" (the login your accounts connect with)' })
      .default('facebook'),
    /** API root (default by `login`: `https://graph.facebook.com` or `https://graph.instagram.com`). */
    baseUrl: httpUrlSchema(GRAPH_HOSTS.facebook.api).optional(),
    /**
     * Where media given as a file, stream or bytes is put so Instagram can fetch it: Instagram reads
     * media only from a public URL ("We cURL media used in publishing attempts",
     * https://developers.facebook.com/docs/instagram-platform/content-publishing/). Without it such media
     * is refused with a `ValidationError`; media given as a URL needs no host.
     */
    mediaHost: z
      .custom<PublicMediaHost>(isMediaHost, {
        error: 'must be an object with urlFor(media, { signal }) → Promise<{ url }> (a public media host)',
      })
      .optional(),
    /**
     * Where the connect flow sends people and exchanges the code, when not Meta's hosts (a proxy, a
     * simulator): `authorize` (default www.facebook.com / www.instagram.com) and `codeExchange`
     * (default graph.facebook.com / api.instagram.com).
     */
    connectHosts: z
      .object({
        authorize: httpUrlSchema(GRAPH_HOSTS.facebook.authorize).optional(),
        codeExchange: httpUrlSchema(GRAPH_HOSTS.facebook.api).optional(),
      })
      .strict()
      .optional(),
    /** How long core waits for a container to be published (default 10 min): `capabilities.pendingPublish.maxWaitMs`. */
    publishTimeoutMs: positiveMsSchema('a duration').default(10 * 60_000),
    /** Read `content_publishing_limit` before creating containers and refuse when the cap is reached (default true). */
    checkPublishingLimit: z.boolean().default(true),
    /** Pages of the account's media (50 each) `doFindPublished` reads (default 2). */
    lookupMaxPages: z.number().int().min(1, { error: 'must be 1 or more' }).max(20, { error: 'must be 20 or fewer' }).default(2),
    /** Recent media whose comments `doListMentions` reads (default 10). */
    mentionMediaDepth: z.number().int().min(1, { error: 'must be 1 or more' }).max(50, { error: 'must be 50 or fewer' }).default(10),
    /** `user-agent` sent with every request (default `@smm/adapter-instagram/<VERSION>`). */
    userAgent: z.string().min(1, { error: 'must not be empty' }).default(USER_AGENT),
  })
  .strict();

/** What {@link createInstagramAdapter} accepts. */
export type InstagramAdapterSettingsInput = z.input<typeof InstagramAdapterSettingsSchema>;
/** Settings with defaults applied (and `baseUrl` chosen by `login`). */
export type InstagramAdapterSettings = z.output<typeof InstagramAdapterSettingsSchema> & { baseUrl: string };

/** Validates settings, applying defaults. @internal */
export function parseInstagramAdapterSettings(input: unknown): InstagramAdapterSettings {
  const parsed = parseWithSchema(InstagramAdapterSettingsSchema, input ?? {}, 'createInstagramAdapter settings');
  return { ...parsed, baseUrl: (parsed.baseUrl ?? GRAPH_HOSTS[parsed.login].api).replace(/\/+$/, '') };
}
