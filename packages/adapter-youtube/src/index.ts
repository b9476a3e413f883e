/**
 * `@smm/adapter-youtube`: the YouTube adapter for smm (Data API v3). Give `createYouTubeAdapter()`
 * to `createClient` from `@smm/core/client`. See the README for capabilities, settings,
 * credentials, quota and limitations.
 *
 * Capability tables, quota costs and error mappers are in `@smm/adapter-youtube/internal`
 * (not covered by semver).
 *
 * @packageDocumentation
 */
export { createYouTubeAdapter, type YouTubeAdapter } from './create-youtube-adapter.js';
export { YouTubeAdapterSettingsSchema, type YouTubeAdapterSettings, type YouTubeAdapterSettingsInput } from './settings.js';
export { YouTubeCredentialsSchema, type YouTubeCredentials } from './credentials.js';
export {
  YouTubeOptionsSchema,
  YOUTUBE_PRIVACY_STATUSES,
  type YouTubeOptions,
  type YouTubeOptionsInput,
  type YouTubePrivacyStatus,
} from './network-options.js';
export { YouTubeQuotaError, YOUTUBE_QUOTA_COSTS, type YouTubeMethod } from './quota.js';
export { VERSION } from './version.js';
