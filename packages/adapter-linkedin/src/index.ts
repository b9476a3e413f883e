/**
 * `@smm/adapter-linkedin`: the LinkedIn adapter for smm. Give `createLinkedInAdapter()` to
 * `createClient` from `@smm/core/client`. See the README for capabilities, settings,
 * credentials, rate limits and limitations.
 *
 * Capability tables, the little-text writer, rate-limit buckets and error mapping are in
 * `@smm/adapter-linkedin/internal` (not covered by semver).
 *
 * @packageDocumentation
 */
export { createLinkedInAdapter, type LinkedInAdapter } from './create-linkedin-adapter.js';
export { LinkedInAdapterSettingsSchema, type LinkedInAdapterSettings, type LinkedInAdapterSettingsInput } from './settings.js';
export { LinkedInCredentialsSchema, type LinkedInCredentials } from './credentials.js';
export { LinkedInOptionsSchema, type LinkedInOptions, type LinkedInOptionsInput } from './network-options.js';
export { VERSION } from './version.js';
