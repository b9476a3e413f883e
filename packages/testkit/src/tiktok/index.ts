/**
 * The TikTok simulator: Content Posting API, Display API and Login Kit (OAuth v2 authorize, token and revoke).
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
export { TIKTOK_SIMULATOR_PUBLIC_CLIENT_KEY, tiktokOAuthRoutes } from './tiktok-oauth.js';
export type { ChunkPlan } from './publish-rules.js';
