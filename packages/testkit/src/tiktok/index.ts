/**
 * The TikTok simulator: Content Posting API, Display API and OAuth v2 token endpoint.
 *
 * @packageDocumentation
 */
export {
  createTikTokSimulator,
  type TikTokScope,
  type TikTokSimPublish,
  type TikTokSimulator,
  type TikTokSimulatorOptions,
} from './tiktok-simulator.js';
