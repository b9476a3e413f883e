/**
 * The Bluesky (AT Protocol) simulator.
 *
 * @packageDocumentation
 */
export { createBlueskySimulator, type BlueskySimulator, type BlueskySimulatorOptions } from './bluesky-simulator.js';
