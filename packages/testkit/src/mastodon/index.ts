/**
 * The Mastodon simulator.
 *
 * @packageDocumentation
 */
export { createMastodonSimulator, type MastodonSimulator, type MastodonSimulatorOptions } from './mastodon-simulator.js';
export type { MastodonInstanceLimits } from './status-rules.js';
