import { vendoredDefinition, type OpenApiDocument, type OpenApiValidator, type RequestViolation } from '../openapi/index.js';

type Parameter = { name: string; schema?: { items?: Record<string, unknown> } };

// The published document (5.23.0) gives `GET /pins/{pin_id}/analytics` `metric_types` items as a
// `oneOf` of two enums that share IMPRESSION, SAVE, PIN_CLICK, OUTBOUND_CLICK, SAVE_RATE,
// TOTAL_COMMENTS and TOTAL_REACTIONS: read strictly, every one of those (the metrics Pinterest's
// own example asks for) would match both branches and be refused. The API takes them, so the
// branches are read as `anyOf`; the vendored file stays as published.
function readOverlappingEnumsAsAnyOf(document: OpenApiDocument): void {
  const parameters = (document.components?.parameters ?? {}) as Record<string, Parameter>;
  for (const parameter of Object.values(parameters)) {
    const items = parameter.schema?.items;
    if (parameter.name === 'metric_types' && items && 'oneOf' in items) {
      items.anyOf = items.oneOf;
      delete items.oneOf;
    }
  }
}

const definition = vendoredDefinition('pinterest', readOverlappingEnumsAsAnyOf);

/**
 * Pinterest's published OpenAPI document (pinterest/api-description `v5/openapi.json`, cut to
 * the paths the simulator serves; see `definitions/README.md`) as a validator, read and compiled
 * on first use. Templates are the document's paths, without the `/v5` server prefix.
 *
 * @example
 * ```ts
 * pinterestOpenApi().has('POST', '/pins'); // true
 * ```
 */
export function pinterestOpenApi(): OpenApiValidator {
  return definition.validator();
}

/**
 * The version of Pinterest's OpenAPI document the simulator is held to (`info.version`).
 *
 * @example
 * ```ts
 * pinterestOpenApiVersion(); // '5.23.0'
 * ```
 */
export function pinterestOpenApiVersion(): string {
  return definition.version();
}

/**
 * Pinterest's answer body to a request that breaks its definition: the document's
 * `Pinterest.Lib.Error` / `Error` (`{ code, message }`, both required), with code 1 and the first
 * violation as the message, field named. @internal
 */
export function invalidParametersBody(violations: readonly RequestViolation[]) {
  const first = violations[0];
  return { code: 1, message: `Invalid parameters. ${first ? first.message : ''}`.trim() };
}
