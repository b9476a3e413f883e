/**
 * `@smm/adapter-tiktok`: the TikTok adapter for smm (Content Posting API and Display API). Give
 * `createTikTokAdapter()` to `createClient` from `@smm/core/client`. See the README for
 * capabilities, endpoints, settings and limits.
 *
 * The creator_info helper an app shows before a post (`fetchTikTokCreatorInfo`), capability
 * tables, rate-limit buckets and error mapping are in `@smm/adapter-tiktok/internal` (not covered by semver).
 *
 * @packageDocumentation
 */
export { createTikTokAdapter, type TikTokAdapter } from './create-tiktok-adapter.js';
export { TikTokAdapterSettingsSchema, type TikTokAdapterSettings, type TikTokAdapterSettingsInput } from './settings.js';
export { TikTokCredentialsSchema, type TikTokCredentials } from './credentials.js';
export { TikTokOptionsSchema, type TikTokOptions, type TikTokOptionsInput } from './network-options.js';
export { VERSION } from './version.js';
