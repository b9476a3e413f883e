/**
 * `@smm/adapter-youtube`: the YouTube adapter for smm (Data API v3). Give `createYouTubeAdapter()`
 * to `createClient` from `@smm/core/client`. See the README for capabilities, settings,
 * credentials, quota and limitations.
 *
 * Capability tables, quota costs, `YouTubeQuotaError` and error mappers are in
 * `@smm/adapter-youtube/internal` (not covered by semver). A refused quota is a `RateLimitError`
 * from `@smm/core/errors` too.
 *
 * @packageDocumentation
 */
export { createYouTubeAdapter, type YouTubeAdapter } from './create-youtube-adapter.js';
export { YouTubeAdapterSettingsSchema, type YouTubeAdapterSettings, type YouTubeAdapterSettingsInput } from './settings.js';
export { YouTubeCredentialsSchema, type YouTubeCredentials } from './credentials.js';
export { YouTubeOptionsSchema, type YouTubeOptions, type YouTubeOptionsInput } from './network-options.js';
export { VERSION } from './version.js';
