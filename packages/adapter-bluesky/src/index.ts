/**
 * The Bluesky (AT Protocol) adapter for smm: posts with rich-text facets, threads and replies,
 * images and video, link cards and quotes, notifications as mentions, post and profile counts,
 * and the PDS's points-based write limits. See README.md.
 *
 * Capability tables, rate-limit parsers and error mappers are in `@smm/adapter-bluesky/internal`
 * (not covered by semver).
 *
 * @packageDocumentation
 */
export { createBlueskyAdapter, type BlueskyAdapter } from './create-bluesky-adapter.js';
export { BlueskyAdapterSettingsSchema, type BlueskyAdapterSettings, type BlueskyAdapterSettingsInput } from './settings.js';
export { BlueskyCredentialsSchema, type BlueskyCredentials } from './credentials.js';
export { BlueskyOptionsSchema, type BlueskyOptions, type BlueskyOptionsInput } from './network-options.js';
export { VERSION } from './version.js';
