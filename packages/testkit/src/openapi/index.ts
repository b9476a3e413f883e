/**
 * Holding a simulator to a network's published OpenAPI document: an Ajv validator for requests
 * and responses (`createOpenApiValidator`), and the documents vendored in this package's
 * `definitions/` folder (`vendoredDefinition`). The X and Pinterest simulators are built on it.
 *
 * @packageDocumentation
 */
export {
  createOpenApiValidator,
  type OpenApiPaths,
  type OpenApiValidator,
  type RequestToCheck,
  type RequestViolation,
} from './openapi-validator.js';
export { vendoredDefinition, type OpenApiDocument, type VendoredDefinition } from './vendored-definition.js';
