import { vendoredDefinition, type OpenApiValidator, type RequestViolation } from '../openapi/index.js';

const definition = vendoredDefinition('x');

/**
 * X's published OpenAPI document (the paths the simulator serves, vendored from
 * xdevplatform/xdk `specs/openapi.json`; see `definitions/README.md`) as a validator, read and
 * compiled on first use.
 *
 * @example
 * ```ts
 * xOpenApi().checkRequest({ method: 'POST', template: '/2/tweets', params: {}, query: {}, contentType: 'application/json', body: { text: 'hi' }, bodySize: 15 }); // []
 * ```
 */
export function xOpenApi(): OpenApiValidator {
  return definition.validator();
}

/**
 * The version of X's OpenAPI document the simulator is held to (`info.version`).
 *
 * @example
 * ```ts
 * xOpenApiVersion(); // '2.167'
 * ```
 */
export function xOpenApiVersion(): string {
  return definition.version();
}

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
