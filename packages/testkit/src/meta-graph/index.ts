/**
 * The shared base of the Graph API simulators (Facebook Pages, Instagram, Threads): Meta's error
 * object, the usage meter (`X-App-Usage` / `X-Business-Use-Case-Usage`) with throttling, cursor
 * paging, the container state machine, token endpoints, publishing-cap bookkeeping, and a
 * validator holding requests to Meta's codegen node specs (`definitions/meta/`), and the public media
 * host Instagram and Threads download media from. Threads has no codegen spec: its routes use
 * {@link checkEdgeParams} with hand-written, doc-cited edges.
 *
 * @packageDocumentation
 */
export { graphError, graphErrorBody, newFbtraceId, type GraphErrorBody, type GraphErrorOptions } from './graph-error.js';
export { graphParam, graphParams, type GraphParams } from './graph-params.js';
export {
  BUC_THROTTLE_CODES,
  createGraphUsageMeter,
  graphThrottleError,
  graphUsageHeaders,
  type BucType,
  type GraphUsage,
  type GraphUsageLimit,
  type GraphUsageMeter,
  type GraphUsageMeterOptions,
} from './usage-meter.js';
export { graphPage, type GraphPageBody, type GraphPageOptions } from './graph-page.js';
export {
  containerPublishError,
  createContainerStore,
  unsupportedRequest,
  type ContainerPublishRefusal,
  type ContainerPublishResult,
  type ContainerStore,
  type ContainerStoreOptions,
  type ContainerTiming,
  type GraphContainer,
  type GraphContainerStatus,
} from './container-store.js';
export {
  createGraphTokens,
  expiredTokenError,
  invalidTokenError,
  type GraphAuthResult,
  type GraphTokenKind,
  type GraphTokenLifetime,
  type GraphTokenRecord,
  type GraphTokens,
  type GraphTokensOptions,
} from './graph-tokens.js';
export { GRAPH_SIM_APP, createGraphTokenEndpoints, type GraphTokenEndpoints, type GraphTokenEndpointsOptions } from './token-endpoints.js';
export {
  createPublishingLimit,
  type PublishingAction,
  type PublishingLimit,
  type PublishingLimitOptions,
  type PublishingQuota,
} from './publishing-limit.js';
export {
  GRAPH_COMMON_PARAMS,
  META_NODES,
  checkEdgeParams,
  checkGraphRequest,
  findGraphProblem,
  graphProblemResponse,
  metaEnum,
  metaSpec,
  invalidParameterError,
  missingParameterError,
  topLevelFields,
  graphFieldExpansion,
  type GraphFieldSelection,
  type GraphCheckOptions,
  type GraphProblem,
  type MetaEdge,
  type MetaField,
  type MetaNode,
  type MetaNodeSpec,
  type MetaParam,
} from './meta-spec.js';
export { pickGraphFields } from './graph-fields.js';
export { graphTime } from './graph-time.js';
export { graphAnswerProblems } from './graph-answer.js';
export { graphInsights, type GraphInsightEntry, type GraphInsightInput } from './graph-insights.js';
export { graphFaultResponses, type GraphFaultResponsesOptions } from './graph-fault-responses.js';
export { createPublicMediaHost, type PublicMediaFile, type PublicMediaInput, type SimPublicMediaHost } from './public-media-host.js';
