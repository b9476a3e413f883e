import document from '../../definitions/x/openapi.json';
import { createOpenApiValidator, type OpenApiValidator, type RequestViolation } from './openapi-validator.js';

/**
 * X's published OpenAPI document (the paths the simulator serves, vendored from
 * xdevplatform/xdk `specs/openapi.json`; see `definitions/README.md`), as a validator. @internal
 */
export const X_OPENAPI: OpenApiValidator = createOpenApiValidator(document as unknown as Parameters<typeof createOpenApiValidator>[0]);

/** The version of X's OpenAPI document the simulator is held to (`info.version`). */
export const X_OPENAPI_VERSION: string = document.info.version;

/**
 * X's answer to a request that breaks its definition: 400, `application/problem+json`, an
 * `InvalidRequestProblem` (`type`, `title`, `detail`) carrying one `errors[]` entry per
 * violation (`parameters` + `message`), as X's response-codes page and its API show. @internal
 */
export function invalidRequestBody(violations: readonly RequestViolation[]) {
  return {
    errors: violations.map((violation) => ({ parameters: violation.parameters, message: violation.message })),
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.x.com/2/problems/invalid-request',
  };
}
