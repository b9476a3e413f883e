/**
 * The shared simulator core: build a simulator for a network smm does not ship from the same
 * parts the X, Bluesky and Mastodon simulators use (request log, faults, rate-limit windows,
 * seeded world, msw + node:http serving).
 *
 * @packageDocumentation
 */
export {
  createSimulatorEngine,
  type EngineOptions,
  type FaultResponses,
  type ListenOptions,
  type ListeningSimulator,
  type SimRequest,
  type SimRoute,
  type SimulatorServing,
} from './engine.js';
export { createFaultInjector, type ActiveFault, type FaultInjector, type FaultKind, type FaultMatch, type FaultSpec } from './faults.js';
export { createRateLimitWindows, type RateLimitWindows, type WindowLimit, type WindowState } from './rate-limit-windows.js';
export { createSeededRandom, hashString, type SeededRandom } from './random.js';
export type { RecordedRequest } from './request-log.js';
export { json, malformedJson } from './responses.js';
export {
  createWorld,
  type IncomingMention,
  type PostCounters,
  type SimMentionAction,
  type SimPost,
  type SimUser,
  type SimWorld,
  type WorldOptions,
} from './world.js';
export type { NetworkSimulator } from './network-simulator.js';
export {
  createPublicAccounts,
  type PublicAccountRecord,
  type PublicAccounts,
  type PublicAccountSeed,
  type PublicPostSeed,
} from './public-accounts.js';
