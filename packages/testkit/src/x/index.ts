/**
 * The X (API v2) simulator.
 *
 * @packageDocumentation
 */
export { createXSimulator, type XEndpoint, type XSimMediaUpload, type XSimulator, type XSimulatorOptions } from './x-simulator.js';
export { xOpenApi, xOpenApiVersion } from './x-openapi.js';
export type { OpenApiValidator, RequestToCheck, RequestViolation } from '../openapi/index.js';
