import { z } from 'zod';
import { fetchSettingSchema, httpUrlSchema as httpUrl, parseWithSchema, type Account } from '@smm/core/adapter-kit';
import { USER_AGENT } from './version.js';

/** The PDS of accounts hosted by Bluesky (it also proxies `app.bsky.*` reads to the AppView). */
export const BLUESKY_SERVICE_URL = 'https://bsky.social';
/** Where posts and profiles are shown on the web. */
export const BLUESKY_WEB_URL = 'https://bsky.app';

/**
 * Settings of {@link createBlueskyAdapter}, validated eagerly: a bad setting throws a
 * `ValidationError` naming it.
 *
 * @example
 * ```ts
 * BlueskyAdapterSettingsSchema.parse({}).baseUrl; // 'https://bsky.social'
 * BlueskyAdapterSettingsSchema.parse({ baseUrl: (account) => pdsOf(account) });
 * ```
 */
export const BlueskyAdapterSettingsSchema = z
  .object({
    /**
     * The account's PDS (default `https://bsky.social`), or a function of the account when
     * accounts live on different PDSes. Tests pass a simulator's `baseUrl`.
     */
    baseUrl: z
      .union([httpUrl(BLUESKY_SERVICE_URL), z.custom<(account: Account) => string>((value) => typeof value === 'function')], {
        error: `must be an absolute http(s) URL such as ${BLUESKY_SERVICE_URL}, or a function (account) => URL`,
      })
      .default(BLUESKY_SERVICE_URL),
    /** The web app used for post and profile URLs (default `https://bsky.app`). */
    webUrl: httpUrl(BLUESKY_WEB_URL).default(BLUESKY_WEB_URL),
    /** Downloads media given by URL (default: the global fetch). Never receives a Bluesky token. */
    fetch: fetchSettingSchema,
    /** Make `draft.link` a link card (`app.bsky.embed.external`) when the post has no other embed (default true). */
    linkCards: z.boolean({ error: 'must be true or false' }).default(true),
    /** Resolve `@handle` mentions to DIDs so they become mention facets (default true). */
    resolveMentions: z.boolean({ error: 'must be true or false' }).default(true),
    /** `user-agent` sent with every request (default `@smm/adapter-bluesky/<VERSION>`). */
    userAgent: z.string().min(1, { error: 'must not be empty' }).default(USER_AGENT),
  })
  .strict();

/** What {@link createBlueskyAdapter} accepts. */
export interface BlueskyAdapterSettingsInput extends z.input<typeof BlueskyAdapterSettingsSchema> {}
/** Settings with defaults applied. */
export interface BlueskyAdapterSettings extends z.output<typeof BlueskyAdapterSettingsSchema> {}

/** Validates settings, applying defaults. @internal */
export function parseBlueskyAdapterSettings(input: unknown): BlueskyAdapterSettings {
  return parseWithSchema(BlueskyAdapterSettingsSchema, input ?? {}, 'createBlueskyAdapter settings');
}
