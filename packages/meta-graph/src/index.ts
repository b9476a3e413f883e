/**
 * `@smm/meta-graph`: the Graph API plumbing the Facebook Pages, Instagram and Threads adapters
 * share — error mapping, usage-header rate limits, cursor paging, media containers, publishing
 * caps, long-lived tokens, the three OAuth logins, public media URLs and the pinned API version.
 * Adapters use it next to `@smm/core/adapter-kit`; apps never import it.
 *
 * @example
 * ```ts
 * import { mapGraphError, parseGraphRateLimit, GRAPH_REQUEST_ID_HEADER } from '@smm/meta-graph';
 * ```
 *
 * @packageDocumentation
 */
export { GRAPH_API_VERSION, THREADS_API_VERSION, graphApiVersionSchema, graphPath } from './api-version.js';
export { GRAPH_HOSTS, type GraphHosts, type GraphLoginKind } from './graph-hosts.js';
export { graphSettingsShape, type GraphSettings, type GraphSettingsShape } from './graph-settings.js';
export { GraphErrorBodySchema, readGraphError, type GraphError } from './graph-error-body.js';
export { GRAPH_AUTH_SUBCODES, GRAPH_ERROR_CODES, isGraphPermissionCode, isGraphThrottleCode } from './graph-error-codes.js';
export { GRAPH_REQUEST_ID_HEADER, mapGraphError } from './map-graph-error.js';
export {
  GRAPH_BUCKETS,
  createGraphRateLimitParser,
  graphPaceMs,
  parseGraphRateLimit,
  type GraphRateLimitOptions,
} from './graph-rate-limit.js';
export type { GraphRequest } from './graph-request.js';
export { graphPages, type GraphPage, type GraphPagesOptions } from './graph-pages.js';
export { graphCreate } from './graph-create.js';
export {
  CONTAINER_FIELDS,
  CONTAINER_POLL_AFTER_MS,
  containerProgress,
  publishContainer,
  readContainerStatus,
  type ContainerNetwork,
  type ContainerProgress,
  type ContainerState,
  type ContainerStatus,
} from './containers.js';
export { PublishingLimitError, type PublishingLimitErrorOptions } from './publishing-limit-error.js';
export { checkPublishingLimit, readPublishingLimit, type PublishingLimit, type PublishingQuota } from './publishing-limit.js';
export {
  exchangeForLongLivedToken,
  refreshLongLivedToken,
  type ExchangeTokenInput,
  type LongLivedToken,
  type TokenTransport,
} from './long-lived-tokens.js';
export {
  GraphCredentialsSchema,
  graphCredentialsProvider,
  type GraphCredentials,
  type GraphCredentialsProviderInput,
} from './graph-credentials.js';
export { graphOAuthConnect, readMetaTokenAnswer, type GraphOAuthConnectInput } from './graph-connect.js';
export { publicMediaUrl, type PublicMediaHost } from './public-media.js';
