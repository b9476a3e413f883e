import { z } from 'zod';
import { fetchSettingSchema, parseWithSchema, positiveMsSchema as positiveMs } from '@smm/core/adapter-kit';
import { USER_AGENT } from './version.js';

const MINUTE = 60_000;
const instanceUrl = z.url({
  protocol: /^https?$/,
  // Mastodon is federated: there is no right default instance, so a missing one is an error.
  error: (issue) =>
    issue.input === undefined
      ? 'is required: the instance the accounts live on, as an absolute http(s) URL such as https://mastodon.social'
      : 'must be the instance as an absolute http(s) URL, such as https://mastodon.social',
});
const windowLimit = (what: string, limit: number, windowMs: number) =>
  z
    .object({
      limit: z
        .number()
        .int()
        .positive({ error: `must be how many ${what} the instance allows per window (a whole number above 0)` }),
      windowMs: positiveMs('the window length'),
    })
    .strict()
    .default({ limit, windowMs });

/**
 * Settings of {@link createMastodonAdapter}, validated eagerly: a bad setting throws a
 * `ValidationError` naming it. Only `baseUrl` (the instance) is required.
 *
 * @example
 * ```ts
 * MastodonAdapterSettingsSchema.parse({ baseUrl: 'https://fosstodon.org' }).maxCharacters; // 500
 * ```
 */
export const MastodonAdapterSettingsSchema = z
  .object({
    /** The instance the accounts live on (required, e.g. `https://mastodon.social`); tests pass a simulator's `baseUrl`. */
    baseUrl: instanceUrl,
    /**
     * Accounts on other instances, by account id: `{ '109…': 'https://hachyderm.io' }`. Mastodon
     * is federated: each account talks to its own server, with a token that server issued.
     */
    accountInstances: z.record(z.string().min(1), instanceUrl).default({}),
    /** OAuth client id of your app on the instance, to refresh tokens (credentials may carry their own). */
    clientId: z.string().min(1, { error: 'must be the OAuth client id of your app on the instance (not empty)' }).optional(),
    /** OAuth client secret, sent with the client id when refreshing. */
    clientSecret: z.string().min(1, { error: 'must be the OAuth client secret (not empty), or left out' }).optional(),
    /** `configuration.statuses.max_characters` of the instance (default 500; some allow thousands). */
    maxCharacters: z.number().int().positive({ error: "must be the instance's max_characters, a whole number above 0" }).default(500),
    /** `configuration.statuses.max_media_attachments` of the instance (default 4). */
    maxMediaAttachments: z.number().int().min(1, { error: 'must be 1 or more' }).max(20, { error: 'must be 20 or fewer' }).default(4),
    /** `configuration.media_attachments.description_limit` of the instance: alt text length (default 1500). */
    mediaDescriptionLimit: z
      .number()
      .int()
      .positive({ error: "must be the instance's description_limit, a whole number above 0" })
      .default(1_500),
    /** `configuration.polls` of the instance (defaults as Mastodon ships them: 4 options of 50 characters, 5 minutes to about a month). */
    polls: z
      .object({
        maxOptions: z.number().int().min(2, { error: 'must be 2 or more' }).default(4),
        maxCharactersPerOption: z.number().int().positive({ error: 'must be a whole number above 0' }).default(50),
        minExpirationSeconds: z.number().int().positive({ error: 'must be a whole number of seconds above 0' }).default(300),
        maxExpirationSeconds: z.number().int().positive({ error: 'must be a whole number of seconds above 0' }).default(2_629_746),
      })
      .strict()
      .default({ maxOptions: 4, maxCharactersPerOption: 50, minExpirationSeconds: 300, maxExpirationSeconds: 2_629_746 }),
    /** The instance's limits (defaults as Mastodon ships them); headers report the tightest one that applies. */
    rateLimits: z
      .object({
        /** Every request of an account: 300 per 5 minutes. */
        all: windowLimit('requests', 300, 5 * MINUTE),
        /** Media uploads: 30 per 30 minutes. */
        media: windowLimit('media uploads', 30, 30 * MINUTE),
        /** Status deletions (and unreblogs): 30 per 30 minutes. */
        deletes: windowLimit('deletions', 30, 30 * MINUTE),
      })
      .strict()
      .default({
        all: { limit: 300, windowMs: 5 * MINUTE },
        media: { limit: 30, windowMs: 30 * MINUTE },
        deletes: { limit: 30, windowMs: 30 * MINUTE },
      }),
    /** When to check first whether an uploaded video or GIF is processed (default 1 s; later checks back off). */
    mediaPollIntervalMs: positiveMs('an interval').default(1_000),
    /** How long `client.publish` waits for media processing by default (`capabilities.pendingPublish.maxWaitMs`, default 10 min). */
    mediaProcessingTimeoutMs: positiveMs('a duration').default(10 * MINUTE),
    /** Downloads media given by URL (default: the global fetch). Never receives the Mastodon token. */
    fetch: fetchSettingSchema,
    /** `user-agent` sent with every request (default `@smm/adapter-mastodon/<VERSION>`). */
    userAgent: z.string().min(1, { error: 'must not be empty' }).default(USER_AGENT),
  })
  .strict();

/** What {@link createMastodonAdapter} accepts. */
export interface MastodonAdapterSettingsInput extends z.input<typeof MastodonAdapterSettingsSchema> {}
/** Settings with defaults applied. */
export interface MastodonAdapterSettings extends z.output<typeof MastodonAdapterSettingsSchema> {}

/** Validates settings, applying defaults. @internal */
export function parseMastodonAdapterSettings(input: unknown): MastodonAdapterSettings {
  return parseWithSchema(MastodonAdapterSettingsSchema, input ?? {}, 'createMastodonAdapter settings');
}

/** The API root of an account: its own instance when listed in `accountInstances`. @internal */
export function instanceOf(settings: MastodonAdapterSettings, accountId: string): string {
  return (settings.accountInstances[accountId] ?? settings.baseUrl).replace(/\/+$/, '');
}
