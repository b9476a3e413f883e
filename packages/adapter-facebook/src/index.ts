/**
 * `@smm/adapter-facebook`: the Facebook Pages (Graph API) adapter for smm. Give
 * `createFacebookAdapter()` to `createClient` from `@smm/core/client`; connect Pages with
 * `createConnectFlow` from `@smm/core/connect` (Facebook Login; `listAccounts` gives each Page with
 * its Page token). See the README for capabilities, endpoints and limits.
 *
 * Capability tables, rate-limit parsing, error mapping and metric tables are in
 * `@smm/adapter-facebook/internal` (not covered by semver).
 *
 * @packageDocumentation
 */
export { createFacebookAdapter, type FacebookAdapter } from './create-facebook-adapter.js';
export { FacebookAdapterSettingsSchema, type FacebookAdapterSettings, type FacebookAdapterSettingsInput } from './settings.js';
export { FacebookCredentialsSchema, type FacebookCredentials } from './credentials.js';
export { FacebookOptionsSchema, type FacebookOptions, type FacebookOptionsInput } from './network-options.js';
export { VERSION } from './version.js';
