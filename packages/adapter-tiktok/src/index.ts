/**
 * `@smm/adapter-tiktok`: the TikTok adapter for smm (Content Posting API and Display API). Give
 * `createTikTokAdapter()` to `createClient` from `@smm/core/client`; show a creator's posting
 * options with `fetchTikTokCreatorInfo`. See the README for capabilities, endpoints, settings and limits.
 *
 * Capability tables, rate-limit buckets and error mapping are in `@smm/adapter-tiktok/internal`
 * (not covered by semver).
 *
 * @packageDocumentation
 */
export { createTikTokAdapter, type TikTokAdapter } from './create-tiktok-adapter.js';
export {
  TikTokAdapterSettingsSchema,
  type HostPhoto,
  type PhotoToHost,
  type TikTokAdapterSettings,
  type TikTokAdapterSettingsInput,
} from './settings.js';
export { TikTokCredentialsSchema, type TikTokCredentials } from './credentials.js';
export {
  TIKTOK_PRIVACY_LEVELS,
  TikTokOptionsSchema,
  type TikTokOptions,
  type TikTokOptionsInput,
  type TikTokPrivacyLevel,
} from './network-options.js';
export { fetchTikTokCreatorInfo, type TikTokCreatorInfo } from './creator-info.js';
export { VERSION } from './version.js';
