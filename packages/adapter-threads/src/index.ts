/**
 * `@smm/adapter-threads`: the Threads adapter for smm (Threads API `v1.0`). Give
 * `createThreadsAdapter()` to `createClient` from `@smm/core/client`; connect an account with
 * `createConnectFlow` from `@smm/core/connect` (Threads' own OAuth, long-lived tokens). See the
 * README for capabilities, endpoints and limits.
 *
 * Capability tables, rate-limit parsing, error mapping and metric tables are in
 * `@smm/adapter-threads/internal` (not covered by semver).
 *
 * @packageDocumentation
 */
export { createThreadsAdapter, type ThreadsAdapter } from './create-threads-adapter.js';
export { ThreadsAdapterSettingsSchema, type ThreadsAdapterSettings, type ThreadsAdapterSettingsInput } from './settings.js';
export { ThreadsCredentialsSchema, type ThreadsCredentials } from './credentials.js';
export { ThreadsOptionsSchema, type ThreadsOptions, type ThreadsOptionsInput } from './network-options.js';
export { VERSION } from './version.js';
