/**
 * The Mastodon simulator.
 *
 * @packageDocumentation
 */
export { createMastodonSimulator, type MastodonSimulator, type MastodonSimulatorOptions } from './mastodon-simulator.js';
