/**
 * `@smm/adapter-pinterest`: the Pinterest (API v5) adapter for smm. Give
 * `createPinterestAdapter()` to `createClient` from `@smm/core/client`; connect an account with
 * `createConnectFlow` from `@smm/core/connect` (Pinterest's OAuth 2.0 flow); list an account's boards
 * with `listPinterestBoards` from `@smm/adapter-pinterest/internal`. See the README for capabilities, endpoints and limits.
 *
 * Capability tables, rate-limit parsing and error mapping are in `@smm/adapter-pinterest/internal`
 * (not covered by semver).
 *
 * @packageDocumentation
 */
export { createPinterestAdapter, type PinterestAdapter } from './create-pinterest-adapter.js';
export { PinterestAdapterSettingsSchema, type PinterestAdapterSettings, type PinterestAdapterSettingsInput } from './settings.js';
export { PinterestCredentialsSchema, type PinterestCredentials } from './credentials.js';
export { PinterestOptionsSchema, type PinterestOptions, type PinterestOptionsInput } from './network-options.js';
export { VERSION } from './version.js';
