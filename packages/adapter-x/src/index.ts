/**
 * `@smm/adapter-x`: the X (API v2) adapter for smm. Give `createXAdapter()` to
 * `createClient` from `@smm/core/client`. See the README for capabilities, settings,
 * credentials, rate limits and limitations.
 *
 * Capability tables, rate-limit parsers and error mappers are in `@smm/adapter-x/internal`
 * (not covered by semver).
 *
 * @packageDocumentation
 */
export { createXAdapter, type XAdapter } from './create-x-adapter.js';
export { XAdapterSettingsSchema, type XAdapterSettings, type XAdapterSettingsInput } from './settings.js';
export { XCredentialsSchema, type XCredentials } from './credentials.js';
export { XOptionsSchema, type XOptions, type XOptionsInput } from './network-options.js';
export { VERSION } from './version.js';
