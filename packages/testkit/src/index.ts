/**
 * `@smm/testkit`: network simulators (X, Bluesky, Mastodon) served as msw handlers or from a
 * real node:http server, a deterministic fake clock, and the adapter conformance suite.
 * Subpaths (`@smm/testkit/x`, `/mastodon`, …) load only what they name. The vitest wrapper,
 * `runAdapterConformance`, is in `@smm/testkit/vitest` (the only entry that loads vitest).
 *
 * @packageDocumentation
 */
export * from './clock/index.js';
export * from './simulator/index.js';
export * from './x/index.js';
export * from './pinterest/index.js';
export * from './instagram/index.js';
export * from './facebook/index.js';
export * from './threads/index.js';
export * from './openapi/index.js';
export * from './bluesky/index.js';
export * from './mastodon/index.js';
export * from './youtube/index.js';
export * from './linkedin/index.js';
export * from './tiktok/index.js';
export * from './oauth/index.js';
export * from './container-network/index.js';
export * from './meta-graph/index.js';
export * from './adapter-test-env/index.js';
export * from './conformance/index.js';
export * from './store-conformance/index.js';
export * from './media-files/index.js';
