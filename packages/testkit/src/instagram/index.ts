/**
 * `@smm/testkit/instagram`: a simulator of the Instagram Platform's Graph endpoints (Facebook Login
 * and Instagram Login hosts) held to Meta's codegen node specs; its public media host (`sim.mediaHost`)
 * is `createPublicMediaHost` of `@smm/testkit/meta-graph`.
 *
 * @packageDocumentation
 */
export {
  createInstagramSimulator,
  type InstagramContainerPayload,
  type InstagramLogin,
  type InstagramSimulator,
  type InstagramSimulatorOptions,
  type InstagramSimComment,
} from './instagram-simulator.js';
export {
  INSTAGRAM_ACCOUNT_INSIGHTS,
  INSTAGRAM_MEDIA_INSIGHTS,
  instagramMediaMetricValues,
  type InstagramProductType,
} from './instagram-insights.js';
