/**
 * `@smm/adapter-instagram`: the Instagram adapter for smm (Instagram Platform, Graph API), for
 * professional accounts connected with Facebook Login or Instagram Login. Give
 * `createInstagramAdapter()` to `createClient` from `@smm/core/client`. See the README for
 * capabilities, endpoints and limits.
 *
 * Capability tables, metric tables, rate-limit parsing and error mapping are in
 * `@smm/adapter-instagram/internal` (not covered by semver).
 *
 * @packageDocumentation
 */
export { createInstagramAdapter, type InstagramAdapter } from './create-instagram-adapter.js';
export { InstagramAdapterSettingsSchema, type InstagramAdapterSettings, type InstagramAdapterSettingsInput } from './settings.js';
export { InstagramCredentialsSchema, type InstagramCredentials } from './credentials.js';
export { InstagramOptionsSchema, type InstagramOptions, type InstagramOptionsInput } from './network-options.js';
export { VERSION } from './version.js';
