/**
 * `@smm/adapter-mastodon`: the Mastodon adapter for smm. Give `createMastodonAdapter()` to
 * `createClient` from `@smm/core/client`. See the README for capabilities, settings,
 * credentials, rate limits and limitations.
 *
 * Capability tables, rate-limit parsers and error mappers are in `@smm/adapter-mastodon/internal`
 * (not covered by semver).
 *
 * @packageDocumentation
 */
export { createMastodonAdapter, type MastodonAdapter } from './create-mastodon-adapter.js';
export { MastodonAdapterSettingsSchema, type MastodonAdapterSettings, type MastodonAdapterSettingsInput } from './settings.js';
export { MastodonCredentialsSchema, type MastodonCredentials } from './credentials.js';
export { MastodonOptionsSchema, type MastodonOptions, type MastodonOptionsInput } from './network-options.js';
export { VERSION } from './version.js';
