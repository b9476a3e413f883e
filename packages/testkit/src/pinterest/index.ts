/**
 * The Pinterest (API v5) simulator, held to Pinterest's published OpenAPI document, with the
 * S3-style host video uploads go to.
 *
 * @packageDocumentation
 */
export {
  createPinterestSimulator,
  type PinterestAccess,
  type PinterestSimMedia,
  type PinterestSimulator,
  type PinterestSimulatorOptions,
} from './pinterest-simulator.js';
export { pinterestOpenApi, pinterestOpenApiVersion } from './pinterest-openapi.js';
