/**
 * `@smm/adapter-linkedin`: the LinkedIn adapter for smm. Give `createLinkedinAdapter()` to
 * `createClient` from `@smm/core/client`. See the README for capabilities, settings,
 * credentials, rate limits and limitations.
 *
 * Capability tables, the little-text writer, rate-limit buckets and error mapping are in
 * `@smm/adapter-linkedin/internal` (not covered by semver).
 *
 * @packageDocumentation
 */
export { createLinkedinAdapter, type LinkedinAdapter } from './create-linkedin-adapter.js';
export { LinkedinAdapterSettingsSchema, type LinkedinAdapterSettings, type LinkedinAdapterSettingsInput } from './settings.js';
export { LinkedinCredentialsSchema, type LinkedinCredentials } from './credentials.js';
export { LinkedinOptionsSchema, type LinkedinOptions, type LinkedinOptionsInput } from './network-options.js';
export { VERSION } from './version.js';
